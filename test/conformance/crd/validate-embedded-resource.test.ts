import { Outcome, table, tally } from './conformance';
import { ProblemCollector } from '../../../src/validation';
import { validateObjectMeta } from '../../../src/validation/apiextensions/objectmeta';

/**
 * kubernetes/apiextensions-apiserver v0.34.9 (9ca314e0c5fe1dd541621d5702723bc1767c453f),
 * pkg/apiserver/schema/objectmeta/validation_test.go `TestValidateEmbeddedResource`: apiVersion, kind and
 * metadata of an embedded resource; agreement: refused exactly when upstream expects errors, at the same fields.
 */
interface Case { name: string; object: any; errors: Array<{ type: string; path: string }> }

const { upstream, cases } = table<Case>('validate-embedded-resource.json');

function outcome(c: Case): Outcome {
  const problems = ProblemCollector.root();
  validateObjectMeta(c.object, { 'type': 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true }, false, problems);
  const found = problems.problems.map(p => p.path);
  const missing = c.errors.filter(e => !found.some(p => p === e.path || p.startsWith(`${e.path}.`) || p.startsWith(`${e.path}[`)));
  if (missing.length === 0 && (found.length > 0) === (c.errors.length > 0)) return { kind: 'agree' };
  return { kind: 'disagree', detail: `found ${JSON.stringify(found)}, upstream ${JSON.stringify(c.errors)}` };
}

test(`${upstream}: every case agrees`, () => {
  const counts = tally('TestValidateEmbeddedResource', cases.map(c => [c.name, outcome(c)]));
  expect(counts.disagreeing).toEqual([]);
  expect(counts.ported).toBe(6);
});
