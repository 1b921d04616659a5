import { Outcome, table, tally } from './conformance';
import { prune } from '../../../src/validation/apiextensions/pruning';

/**
 * kubernetes/apiextensions-apiserver v0.34.9 (9ca314e0c5fe1dd541621d5702723bc1767c453f),
 * pkg/apiserver/schema/pruning/algorithm_test.go `TestPrune`: the pruned JSON and the list of pruned paths
 * (upstream's form: `[1].b`, `a.b`) must be upstream's.
 */
interface Case { name: string; json: string; isResourceRoot: boolean; schema: any; expectedObject: string; expectedPruned: string[] }

const { upstream, cases } = table<Case>('prune.json');

function pathString(segments: Array<string | number>): string {
  return segments.map((s, i) => typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`).join('');
}

/** JSON with sorted keys: Go maps have no order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_, x) => x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a < b ? -1 : 1)) : x);
}

function outcome(c: Case): Outcome {
  const value = JSON.parse(c.json);
  const pruned = prune(value, c.schema ?? undefined, c.isResourceRoot).map(pathString).sort();
  const problems: string[] = [];
  if (canonical(value) !== canonical(JSON.parse(c.expectedObject))) problems.push(`got ${JSON.stringify(value)}, upstream ${c.expectedObject}`);
  if (JSON.stringify(pruned) !== JSON.stringify([...c.expectedPruned].sort())) problems.push(`pruned ${JSON.stringify(pruned)}, upstream ${JSON.stringify(c.expectedPruned)}`);
  return problems.length === 0 ? { kind: 'agree' } : { kind: 'disagree', detail: problems.join('; ') };
}

test(`${upstream}: the same pruned JSON and paths`, () => {
  const counts = tally('TestPrune', cases.map(c => [c.name, outcome(c)]));
  expect(counts.disagreeing).toEqual([]);
  expect(counts.ported).toBe(11);
});
