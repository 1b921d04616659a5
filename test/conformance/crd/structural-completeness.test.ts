import { Outcome, table, tally } from './conformance';
import { ProblemCollector } from '../../../src/validation';
import { validateStructural } from '../../../src/validation/apiextensions/structural';

/**
 * kubernetes/apiextensions-apiserver v0.34.9 (9ca314e0c5fe1dd541621d5702723bc1767c453f),
 * pkg/apiserver/schema/validation_test.go `TestValidateStructuralCompleteness`: value validations (allOf, …) may
 * only name properties and items the structural part specifies. Only the completeness errors are compared (the
 * cases' schemas omit the root type on purpose). A CRD create runs with both options off; a case that turns one on
 * tests a mode no CRD create uses.
 */
interface Case { name: string; schema: any; options?: Record<string, boolean>; error?: string }

const { upstream, cases } = table<Case>('structural-completeness.json');

function outcome(c: Case): Outcome {
  const problems = ProblemCollector.root();
  validateStructural(c.schema, problems);
  const found = problems.problems.filter(p => p.rule === 'apiextensions validateStructuralCompleteness');
  if ((found.length > 0) === Boolean(c.error)) return { kind: 'agree' };
  const on = Object.entries(c.options ?? {}).filter(([, v]) => v).map(([k]) => k);
  if (on.length > 0) return { kind: 'not expressible', reason: `upstream ran it with ${on.join(', ')}, which a CRD create never sets` };
  return { kind: 'disagree', detail: found.length > 0 ? `refused: ${found.map(p => `${p.path} ${p.message}`).join('; ')}` : `accepted, upstream: ${c.error}` };
}

test(`${upstream}: every case agrees`, () => {
  const counts = tally('TestValidateStructuralCompleteness', cases.map(c => [c.name, outcome(c)]));
  expect(counts.disagreeing).toEqual([]);
  expect(counts.ported).toBe(7);
});
