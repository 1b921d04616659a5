import { Outcome, table, tally } from './conformance';
import { ProblemCollector } from '../../../src/validation';
import { validateListSetsAndMaps } from '../../../src/validation/apiextensions/listtype';

/**
 * kubernetes/apiextensions-apiserver v0.34.9 (9ca314e0c5fe1dd541621d5702723bc1767c453f),
 * pkg/apiserver/schema/listtype/validation_test.go `TestValidateListSetsAndMaps`: duplicates in set and map lists,
 * with the paths upstream reports.
 */
interface Case { name: string; schema: any; object: any; errors: Array<{ type: string; path: string }> }

const { upstream, cases } = table<Case>('validate-list-sets-and-maps.json');

/** Our JSON path (`array[1]`, `["one key"][2]`) as a field.Path below root (`root.array[1]`, `root.one key[2]`). */
function fieldPath(jsonPath: string): string {
  return `root.${jsonPath.replace(/^\["((?:[^"\\]|\\.)*)"\]/, '$1')}`;
}

function outcome(c: Case): Outcome {
  const problems = ProblemCollector.root();
  validateListSetsAndMaps(c.object, c.schema, problems);
  // upstream paths are field.Path strings below "root" (`root.array[1]`, `root[array][2]`, `root.one key[2]`)
  const found = problems.problems.map(p => fieldPath(p.path)).sort();
  // a map key prints as [key] in field.Path and as .key in ours
  const expected = c.errors.map(e => e.path.replace(/\[([^\]\d][^\]]*)\]/g, '.$1')).sort();
  return JSON.stringify(found) === JSON.stringify(expected) ? { kind: 'agree' } : { kind: 'disagree', detail: `found ${JSON.stringify(found)}, upstream ${JSON.stringify(expected)}` };
}

test(`${upstream}: every case agrees, with the same paths`, () => {
  const counts = tally('TestValidateListSetsAndMaps', cases.map(c => [c.name, outcome(c)]));
  expect(counts.disagreeing).toEqual([]);
  expect(counts.ported).toBe(17);
});
