/**
 * The regex and CEL engines the validators share: loaded on first use, compiled programs cached,
 * so a pattern seen on a thousand objects is compiled once.
 */

type Re2Module = typeof import('re2js');

let re2: Re2Module | undefined;
type Re2Program = ReturnType<Re2Module['RE2JS']['compile']>;
/** Every pattern seen, compiled once: its program, or why RE2 refuses it. */
const programs = new Map<string, { program?: Re2Program; error?: string }>();

function re2js(): Re2Module {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return re2 ??= require('re2js') as Re2Module;
}

function compiled(pattern: string): { program?: Re2Program; error?: string } {
  let entry = programs.get(pattern);
  if (!entry) {
    try {
      entry = { program: re2js().RE2JS.compile(pattern) };
    } catch (e: any) {
      entry = { error: String(e?.message ?? e) };
    }
    programs.set(pattern, entry);
  }
  return entry;
}

/**
 * Why RE2 (the engine of Envoy, Istio, Go and the API server) would refuse a pattern, or undefined when it
 * compiles. Uses re2js, a port of RE2/J's parser with RE2's syntax and limits (repeat counts up to 1000).
 */
export function re2CompileError(pattern: string): string | undefined {
  return compiled(pattern).error;
}

/** The compiled RE2 program of a pattern (cached); throws the parser's error when RE2 refuses it. */
export function re2Compile(pattern: string): Re2Program {
  const { program, error } = compiled(pattern);
  if (!program) throw new Error(error);
  return program;
}

/** Whether `value` matches the RE2 `pattern` (unanchored, as Go's `regexp.MatchString`); the pattern must compile. */
export function re2Matches(pattern: string, value: string): boolean {
  return re2Compile(pattern).matcher(value).find();
}

/**
 * The size of the RE2 program re2js compiles `pattern` to (its instruction count), or undefined when it does
 * not compile: an estimate of the program size Envoy's RE2 limits (`re2.max_program_size`) apply to.
 */
export function re2ProgramSize(pattern: string): number | undefined {
  return (compiled(pattern).program as any)?.re2Input?.prog?.numInst?.();
}

/** What the validators use of @marcbachmann/cel-js (typed here: it is an ES module, this library CommonJS). */
export interface CelModule {
  /** A CEL environment: variables, types, functions; `check()` type-checks, `evaluate()` runs. */
  readonly Environment: new (options?: Record<string, unknown>) => any;
  /** CEL optional values (`optional.none()`, `optional.of(x)`). */
  readonly Optional: { none(): unknown; of(value: unknown): unknown };
  /** Evaluates an expression in the default environment. */
  evaluate(expression: string, context?: Record<string, unknown>): unknown;
}

let celModule: CelModule | undefined;

/**
 * The CEL engine (@marcbachmann/cel-js: a parser, a type checker and an evaluator), loaded on first use.
 * It is an ES module: Node >= 20.19 loads it with `require`.
 */
export function celEngine(): CelModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return celModule ??= require('@marcbachmann/cel-js') as CelModule;
}
