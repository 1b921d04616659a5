import { Outcome, table, tally } from './conformance';
import { applyDefaults } from '../../../src/validation/apiextensions/defaulting';

/**
 * kubernetes/apiextensions-apiserver v0.34.9 (9ca314e0c5fe1dd541621d5702723bc1767c453f),
 * pkg/apiserver/schema/defaulting/algorithm_test.go `TestDefault`: defaults applied to the case's JSON must give
 * exactly the expected JSON.
 */
interface Case { name: string; json: string; schema: any; expected: string }

const { upstream, cases } = table<Case>('default.json');

/** JSON with sorted keys: Go maps have no order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_, x) => x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a < b ? -1 : 1)) : x);
}

function outcome(c: Case): Outcome {
  const value = JSON.parse(c.json);
  applyDefaults(value, c.schema);
  const got = canonical(value);
  return got === canonical(JSON.parse(c.expected)) ? { kind: 'agree' } : { kind: 'disagree', detail: `got ${got}, upstream ${c.expected}` };
}

test(`${upstream}: the same defaulted JSON`, () => {
  const counts = tally('TestDefault', cases.map(c => [c.name, outcome(c)]));
  expect(counts.disagreeing).toEqual([]);
  expect(counts.ported).toBe(13);
});
