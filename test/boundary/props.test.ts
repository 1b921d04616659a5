/**
 * The JavaScript boundary (issue 13, item 4). The types of the public API exist only at compile time; a
 * JavaScript user (or a binding passing through jsii) can hand the library anything. For every entry point
 * the assembly describes (constructors and methods of every class) and every prop below its parameters, this
 * test passes the values the types forbid (see variations.ts) and requires the library's own refusal:
 * a plain Error in the form `[path] 'prop' (value) …` whose quoted prop names the varied prop. Never a
 * TypeError or an error from cdk8s or cdk8s-plus, never written output. One acceptance is allowed: an empty
 * string where the output stays clean (no undefined, null, NaN) and passes the schema oracle. (jsii bindings
 * never send null for an unset optional prop, so null is refused everywhere.)
 *
 * New props and entry points are covered without touching this file; a new entry point needs a valid call
 * in calls.ts (the test fails until it has one).
 */
import * as os from 'os';
import { Assemblies, loadAssemblies, Member } from './assembly';
import { CALLS, Context, NOT_VARIED, newContext } from './calls';
import { SAMPLES } from './samples';
import { setPath, Variation, variations } from './variations';
import { ManifestObject, validateObjects } from '../util/validate';

interface Entry {
  readonly key: string;
  readonly params: readonly Member[];
}

type Verdict =
  | { readonly ok: true; readonly how: 'refused' | 'empty string accepted' }
  | { readonly ok: false; readonly why: string };

const asm: Assemblies = loadAssemblies();
let cwd: string;
beforeAll(() => {
  // a bad outdir must never write into the repository
  cwd = process.cwd();
  process.chdir(os.tmpdir());
});
afterAll(() => process.chdir(cwd));

function entries(): Entry[] {
  const out: Entry[] = [];
  for (const spec of asm.types.values()) {
    if (spec.kind !== 'class' || !spec.fqn.startsWith(`${asm.name}.`) || spec.fqn.startsWith(`${asm.name}.istio.`)) continue;
    if (spec.initializer?.parameters?.length && !spec.abstract) out.push({ key: `${spec.name}.<init>`, params: spec.initializer.parameters });
    for (const m of spec.methods ?? []) {
      if (m.parameters?.length && !m.protected) out.push({ key: `${spec.name}.${m.name}`, params: m.parameters });
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** Applies the scaffold and the variation to fresh base arguments. */
function argsFor(ctx: Context, key: string, v: Pick<Variation, 'scaffold' | 'path' | 'value'> | undefined): unknown[] {
  let args: unknown = CALLS[key].args(ctx);
  for (const s of v?.scaffold ?? []) args = setPath(args, s.path, s.value);
  if (v) args = setPath(args, v.path, v.value);
  return args as unknown[];
}

type Outcome = { readonly threw: unknown } | { readonly output: unknown };

function attempt(key: string, v: Pick<Variation, 'scaffold' | 'path' | 'value'> | undefined): Outcome {
  const ctx = newContext();
  let args: unknown[];
  try {
    args = argsFor(ctx, key, v);
  } catch (e) {
    throw new Error(`${key}: the base arguments cannot be built: ${e}`);
  }
  try {
    return { output: normalize(CALLS[key].run(ctx, args)) };
  } catch (e) {
    return { threw: e };
  }
}

/** Output as plain data: manifests are checked by the schema oracle first. */
function normalize(output: unknown): unknown {
  if (Array.isArray(output) && output.length > 0 && output.every(o => o && typeof o === 'object' && 'apiVersion' in o && 'kind' in o)) {
    validateObjects(output as ManifestObject[]);
  }
  return output;
}

/** undefined, null, NaN and ±Infinity values, and strings showing them, anywhere in the output. */
function badMarks(value: unknown, seen = new Set<unknown>()): number {
  if (value === undefined || value === null) return 1;
  if (typeof value === 'number') return Number.isFinite(value) ? 0 : 1;
  if (typeof value === 'string') return (value.match(/\bundefined\b|\bNaN\b|\bInfinity\b|\[object Object\]|: null\b/g) ?? []).length;
  if (typeof value !== 'object' || seen.has(value)) return 0;
  seen.add(value);
  return Object.values(value as object).reduce((n: number, v) => n + badMarks(v, seen), 0);
}

function judge(key: string, v: Variation, base: unknown): Verdict {
  const outcome = attempt(key, v);
  if ('threw' in outcome) return judgeError(outcome.threw, namesFor(key, v));
  if (v.emptyString && badMarks(outcome.output) <= badMarks(base)) return { ok: true, how: 'empty string accepted' };
  const shown = JSON.stringify(outcome.output) ?? String(outcome.output);
  return { ok: false, why: `accepted and wrote: ${shown.length > 300 ? `${shown.slice(0, 300)}…` : shown}` };
}

/**
 * The prop names an error may name for a variation: the varied prop, or a struct it sits in (a check across
 * fields names the struct and shows its value), or for a static factory its name (`Metric.containerResource`
 * is checked where the metric is used: `'metrics[0].containerResource.name'`).
 */
function namesFor(key: string, v: Variation): string[] {
  const names = v.where.split(/[.[\]]+/).filter(s => s !== '' && s !== 'props' && !/^\d+$/.test(s));
  const method = key.split('.')[1];
  return [v.prop, ...names, ...(method !== '<init>' ? [method] : [])].map(normalName);
}

/** A prop name as a JSON key may spell it: `listMapKeys` is written `x-kubernetes-list-map-keys`. */
function normalName(name: string): string {
  return name.replace(/^x-kubernetes-/, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

function judgeError(e: unknown, names: readonly string[]): Verdict {
  const prop = names[0];
  if (!(e instanceof Error)) return { ok: false, why: `threw a non-Error: ${String(e)}` };
  const first = e.message.split('\n').slice(0, 3).join(' | ');
  if (e.name !== 'Error') return { ok: false, why: `${e.name}: ${first}` };
  // `[path] 'prop' (value) …` from a construct; `[path] <Kind> <name>: 'json.path' (value) … [rule]` from the validation layer
  const refusals = [...e.message.matchAll(/\[[^\]\s]+\] (?:[A-Za-z]+ [^:\s]+: )?'([^']+)' \(/g)];
  if (refusals.length === 0) return { ok: false, why: `not the library's error: ${first}` };
  const named = refusals.some(m => m[1].split(/[.[\]]+/).some(segment => names.includes(normalName(segment))));
  if (!named) return { ok: false, why: `does not name '${prop}': ${first}` };
  return { ok: true, how: 'refused' };
}

const counts = { entryPoints: 0, props: new Set<string>(), variations: 0, refused: 0, emptyAccepted: 0, failures: 0 };

/** Runs every variation of one entry point; returns the failures. */
function varyEntry(entry: Entry): string[] {
  const failures: string[] = [];
  counts.entryPoints++;
  const control = attempt(entry.key, undefined);
  if ('threw' in control) return [`${entry.key}: the valid call is refused: ${(control.threw as Error).message}`];
  const all = variations(asm, entry.params, CALLS[entry.key].args(newContext()), SAMPLES);
  const scaffolds = new Map<string, Variation>();
  for (const v of all) {
    if (v.noSample) {
      failures.push(`${entry.key} ${v.where}: no valid ${v.noSample} to vary the props below; add one to samples.ts`);
      continue;
    }
    const id = JSON.stringify(v.scaffold.map(s => s.path));
    if (v.scaffold.length > 0 && !scaffolds.has(id)) scaffolds.set(id, v);
  }
  // each sample placed where the base call has nothing must itself be accepted, or the props below it are not tested
  const badScaffolds = new Set<string>();
  for (const [id, v] of scaffolds) {
    const last = v.scaffold[v.scaffold.length - 1];
    const outcome = attempt(entry.key, { scaffold: v.scaffold, path: last.path, value: last.value });
    if ('threw' in outcome) {
      badScaffolds.add(id);
      failures.push(`${entry.key} ${v.where}: the sample placed for the props below is refused: ${(outcome.threw as Error).message.split('\n')[0]}`);
    }
  }
  for (const v of all.filter(x => !x.noSample && !badScaffolds.has(JSON.stringify(x.scaffold.map(s => s.path))))) {
    counts.variations++;
    counts.props.add(`${entry.key} ${v.where}`);
    const verdict = judge(entry.key, v, control.output);
    if (!verdict.ok) failures.push(`${entry.key} ${v.where} = ${v.label}: ${verdict.why}`);
    else if (verdict.how === 'refused') counts.refused++;
    else counts.emptyAccepted++;
  }
  counts.failures += failures.length;
  return failures;
}

describe('the JavaScript boundary', () => {
  test('every entry point with parameters has a valid call (calls.ts) or a reason not to be varied', () => {
    // GIVEN the assembly WHEN listing the constructors and methods that take input
    const keys = entries().map(e => e.key);
    // THEN each is varied or excused, and the tables name nothing the assembly lacks
    expect(keys.filter(k => !CALLS[k] && !NOT_VARIED[k])).toEqual([]);
    expect([...Object.keys(CALLS), ...Object.keys(NOT_VARIED)].filter(k => !keys.includes(k))).toEqual([]);
  });

  // GIVEN an entry point, its valid call and the variations the assembly yields
  // WHEN each bad value is passed
  // THEN it is refused with the library's error naming the prop (or, for an empty string, accepted with clean output)
  test.each(entries().filter(e => CALLS[e.key]).map(e => [e.key, e] as const))('%s: every bad value is refused naming the prop', (_, entry) => {
    expect(varyEntry(entry)).toEqual([]);
  });

  test('the counts: props x bad values, all refused', () => {
    // eslint-disable-next-line no-console
    console.log(`boundary: ${counts.entryPoints} entry points, ${counts.props.size} props, ${counts.variations} bad values: `
      + `${counts.refused} refused, ${counts.emptyAccepted} empty strings accepted, ${counts.failures} failures`);
    expect(counts.entryPoints).toBe(Object.keys(CALLS).length);
    expect(counts.variations).toBeGreaterThan(10000);
    expect(counts.failures).toBe(0);
  });
});
