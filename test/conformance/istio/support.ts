/**
 * Runs Istio's ported test tables through our validators and counts the outcome: every case is ported,
 * and is then either agreeing, stricter by design (a commented exception), or not expressible (with why).
 */
import { Problem, ProblemCollector, ProblemSeverity } from '../../../src/validation';

/** Expands the table markers: `{ $repeat: [s, n] }` and `{ $base64: x }`. */
export function expand(value: any): any {
  if (Array.isArray(value)) return value.map(expand);
  if (value === null || typeof value !== 'object') return value;
  if ('$repeat' in value) return String(value.$repeat[0]).repeat(value.$repeat[1]);
  if ('$base64' in value) return Buffer.from(expand(value.$base64), 'utf8').toString('base64');
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v)]));
}

/** What our validator said about one case. */
export interface Outcome {
  readonly errors: Problem[];
  readonly warnings: Problem[];
}

/** Runs `check` on a fresh collector and splits what it found. */
export function outcome(check: (problems: ProblemCollector) => void): Outcome {
  const problems = ProblemCollector.root();
  check(problems);
  return {
    errors: problems.problems.filter(p => p.severity === ProblemSeverity.ERROR),
    warnings: problems.problems.filter(p => p.severity === ProblemSeverity.WARNING),
  };
}

/** How one upstream table runs through our code. */
export interface TableSpec {
  /** The upstream test function. */
  readonly name: string;
  /** Its cases, as ported. */
  readonly cases: any[];
  /** Upstream's verdict of a case: valid, and (where upstream checks it) whether it warns. */
  readonly expected: (c: any) => { valid: boolean; warning?: boolean };
  /** Runs a case (already expanded) through our validator. */
  readonly run: (c: any) => Outcome;
  /** Cases (by name or index) where we are stricter on purpose, with why. */
  readonly stricter?: Record<string, string>;
  /** Cases (by name or index) our validators cannot express, with why. */
  readonly notExpressible?: Record<string, string>;
}

/** The counts the suite reports. */
export interface Counts {
  ported: number;
  agreeing: number;
  stricter: number;
  notExpressible: number;
  disagreeing: string[];
}

/** A case's label: its upstream name, or its index when it has none. */
export function caseName(c: any, i: number): string {
  return typeof c.name === 'string' ? c.name : `#${i}`;
}

function lookup(map: Record<string, string> | undefined, c: any, i: number): string | undefined {
  return map?.[caseName(c, i)] ?? map?.[`#${i}`];
}

/** Runs every case of a table and counts the outcome; a disagreement is listed with what was found. */
export function runTable(spec: TableSpec, counts: Counts): void {
  spec.cases.forEach((raw, i) => {
    counts.ported++;
    if (lookup(spec.notExpressible, raw, i) !== undefined) {
      counts.notExpressible++;
      return;
    }
    const c = expand(raw);
    const want = spec.expected(c);
    const got = spec.run(c);
    const valid = got.errors.length === 0;
    const warned = got.warnings.length > 0;
    const agrees = valid === want.valid && (want.warning === undefined || warned === want.warning);
    const stricter = lookup(spec.stricter, raw, i);
    if (stricter !== undefined) {
      // an exception must really be stricter: upstream accepts, we refuse
      if (want.valid && !valid) counts.stricter++;
      else counts.disagreeing.push(`${spec.name} / ${caseName(raw, i)}: listed as stricter by design, but upstream valid=${want.valid}, ours valid=${valid}`);
      return;
    }
    if (agrees) {counts.agreeing++;} else {
      counts.disagreeing.push(`${spec.name} / ${caseName(raw, i)}: upstream valid=${want.valid}${want.warning === undefined ? '' : ` warning=${want.warning}`}, `
        + `ours valid=${valid} warning=${warned} ${JSON.stringify([...got.errors, ...got.warnings].map(p => `${p.path}: ${p.message}`))}`);
    }
  });
}

/** A fresh set of counts. */
export function newCounts(): Counts {
  return { ported: 0, agreeing: 0, stricter: 0, notExpressible: 0, disagreeing: [] };
}
