/** How serious a Problem is: errors refuse the synth, warnings are reported and written anyway. */
export enum ProblemSeverity {
  /** The real system (API server, Istio's webhook, Helm) would refuse the object. */
  ERROR = 'error',
  /** The real system accepts it but warns, or it is likely not what was meant. */
  WARNING = 'warning',
}

/**
 * One finding of a validator on a rendered object.
 */
export interface Problem {
  /**
   * Where in the object, as a JSON path with dots and `[index]`: `spec.http[0].retries.retryOn`.
   * The empty string is the object itself.
   */
  readonly path: string;

  /**
   * The value found at `path`.
   *
   * @default - the field is missing
   */
  readonly value?: any;

  /** What is wrong and what is allowed, starting with a verb: `must be an integer from 0 to 100`. */
  readonly message: string;

  /**
   * The upstream rule this ports: the function (`istio validateHTTPRetry`, `k8s ValidateObjectMeta`) or an
   * Istio analyzer code (`IST0101`).
   */
  readonly rule: string;

  /** Error or warning. */
  readonly severity: ProblemSeverity;
}

/**
 * Collects Problems while a validator walks an object; `at()` gives a collector whose paths are relative to a
 * field. Internal: validators use it, users see `Problem`s.
 */
export class ProblemCollector {
  /** A new, empty collector rooted at the object. */
  public static root(): ProblemCollector {
    return new ProblemCollector(undefined, [], []);
  }

  /** The path, joined on first use: most collectors never record a Problem. */
  private joined?: string;

  private constructor(
    private readonly parent: ProblemCollector | undefined,
    private readonly segments: readonly (string | number)[],
    private readonly sink: Problem[],
  ) {}

  private get prefix(): string {
    this.joined ??= this.parent === undefined ? joinPath('', ...this.segments) : joinPath(this.parent.prefix, ...this.segments);
    return this.joined;
  }

  /** Every Problem collected, in the order found (shared by all collectors made with `at()`). */
  public get problems(): readonly Problem[] {
    return this.sink;
  }

  /** Whether any error (not warning) was collected. */
  public get hasErrors(): boolean {
    return this.sink.some(p => p.severity === ProblemSeverity.ERROR);
  }

  /** How many errors (not warnings) were collected: compare before and after a check to see whether it passed. */
  public get errorCount(): number {
    let n = 0;
    for (const p of this.sink) if (p.severity === ProblemSeverity.ERROR) n++;
    return n;
  }

  /** A collector for a field below this one: `at('spec')`, `at('http', 0)`, `at('headers', 'x-user')`. */
  public at(...segments: (string | number)[]): ProblemCollector {
    return new ProblemCollector(this, segments, this.sink);
  }

  /** Records an error at `field` below this collector's path ('' for the path itself). */
  public error(field: string | number, value: unknown, message: string, rule: string): void {
    this.add(field, value, message, rule, ProblemSeverity.ERROR);
  }

  /** Records a warning at `field` below this collector's path ('' for the path itself). */
  public warning(field: string | number, value: unknown, message: string, rule: string): void {
    this.add(field, value, message, rule, ProblemSeverity.WARNING);
  }

  private add(field: string | number, value: unknown, message: string, rule: string, severity: ProblemSeverity): void {
    const path = field === '' ? this.prefix : joinPath(this.prefix, field);
    this.sink.push(value === undefined ? { path, message, rule, severity } : { path, value, message, rule, severity });
  }
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Joins JSON path segments: numbers become `[n]`, plain keys `.key`, other keys `["x-user"]`.
 * `joinPath('spec', 'http', 0, 'match')` is `spec.http[0].match`.
 */
export function joinPath(prefix: string, ...segments: (string | number)[]): string {
  let path = prefix;
  for (const s of segments) {
    if (typeof s === 'number') path += `[${s}]`;
    else if (PLAIN_KEY.test(s)) path += path === '' ? s : `.${s}`;
    else path += `[${JSON.stringify(s)}]`;
  }
  return path;
}
