import { validateObject } from '../../../src/validation';
import { Problem, ProblemSeverity } from '../../../src/validation/problem';

/**
 * One upstream case: its upstream name, whether upstream accepts it, and the object(s) our layer checks for
 * it. `notExpressible` (with why) when the case cannot be written as a manifest; `stricter` (with why) when we
 * refuse on purpose what upstream accepts.
 */
export interface ConformanceCase {
  readonly name: string;
  readonly valid: boolean;
  readonly object?: any;
  readonly notExpressible?: string;
  readonly stricter?: string;
  /**
   * A disagreement not fixed yet, with why: counted apart and asserted to still disagree, so the table fails
   * (and the case must be reclassified) once the layer starts to agree.
   */
  readonly knownGap?: string;
  /** For an invalid case: the JSON path upstream reports (`roleRef.kind`); one of our errors must be there. */
  readonly field?: string;
  /** For an invalid case: part of upstream's message, which one of our errors at `field` must contain. */
  readonly message?: string;
}

/** The counts of one table. */
export interface TableCounts {
  readonly ported: number;
  readonly agreeing: number;
  readonly stricter: number;
  readonly notExpressible: number;
  readonly knownGaps: number;
}

/** The errors (not warnings) the layer finds on an object. */
export function errorsOf(object: any): Problem[] {
  return validateObject(object).filter(p => p.severity === ProblemSeverity.ERROR);
}

/**
 * Runs every case of one upstream table through the validation layer and asserts agreement: a valid case has
 * no error, an invalid one at least one. Returns (and prints) the counts.
 */
export function runTable(table: string, cases: readonly ConformanceCase[]): TableCounts {
  let agreeing = 0;
  let stricter = 0;
  let notExpressible = 0;
  let knownGaps = 0;
  const disagreements: string[] = [];
  for (const c of cases) {
    if (c.notExpressible) {
      notExpressible++;
      continue;
    }
    const errors = errorsOf(c.object);
    const refused = errors.length > 0;
    if (c.stricter) {
      if (!c.valid || !refused) disagreements.push(`${c.name}: listed as stricter, but upstream ${c.valid ? 'accepts' : 'refuses'} and we ${refused ? 'refuse' : 'accept'}`);
      else stricter++;
      continue;
    }
    const where = errors.filter(e => c.field === undefined || e.path === c.field);
    const located = where.length > 0 && (c.message === undefined || where.some(e => e.message.includes(c.message!)));
    const agrees = refused === !c.valid && (c.valid || located);
    if (c.knownGap) {
      if (agrees) disagreements.push(`${c.name}: listed as a known gap (${c.knownGap}), but it agrees now: reclassify it`);
      else knownGaps++;
      continue;
    }
    if (agrees) agreeing++;
    else disagreements.push(`${c.name}: upstream ${c.valid ? 'accepts' : 'refuses'}, we ${refused ? `refuse${c.field ? ` (expected at ${c.field}${c.message ? `: ${c.message}` : ''})` : ''} (${errors.map(e => `${e.path}: ${e.message}`).join('; ')})` : 'accept'}`);
  }
  const counts = { ported: cases.length, agreeing, stricter, notExpressible, knownGaps };
  // eslint-disable-next-line no-console
  console.log(`${table}: ported ${counts.ported}, agreeing ${agreeing}, stricter ${stricter}, not expressible ${notExpressible}, known gaps ${knownGaps}`);
  expect(disagreements).toEqual([]);
  expect(agreeing + stricter + notExpressible + knownGaps).toBe(cases.length);
  return counts;
}

/** A Deployment whose pod spec is `podSpec` (selector and labels `app: x`). */
export function deploymentWith(podSpec: any, spec: any = {}, metadata: any = { name: 'x' }): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: podSpec }, ...spec },
  };
}

/** A Deployment with one container `c`, merged with `container`. */
export function deploymentWithContainer(container: any, podSpec: any = {}): any {
  return deploymentWith({ containers: [{ name: 'c', image: 'image', ...container }], ...podSpec });
}
