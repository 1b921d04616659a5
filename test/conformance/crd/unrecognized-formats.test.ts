import { Outcome, table, tally } from './conformance';
import { ProblemCollector } from '../../../src/validation';
import { validateOpenAPISchema } from '../../../src/validation/apiextensions/openapi-schema';

/**
 * kubernetes/apiextensions-apiserver v0.34.9 (9ca314e0c5fe1dd541621d5702723bc1767c453f),
 * pkg/apiserver/validation/formats_test.go `TestGetUnrecognizedFormats`: the formats the API server ignores (we warn
 * about each). We target Kubernetes 1.34; a case at another version agrees when the version does not change the
 * answer, and is not expressible when it does.
 */
interface Case { name: string; format: string; type: string[]; version: [number, number]; expected: string[] }

const { upstream, cases } = table<Case>('unrecognized-formats.json');

function outcome(c: Case): Outcome {
  if (c.type.length > 1) return { kind: 'not expressible', reason: 'a CRD schema node has one type (null is `nullable`)' };
  const node: any = { format: c.format };
  if (c.type.length === 1) node.type = c.type[0];
  const problems = ProblemCollector.root();
  validateOpenAPISchema({ type: 'object', properties: { f: node } }, problems, false);
  const warned = problems.problems.filter(p => p.rule === 'apiextensions GetUnrecognizedFormats').map(p => p.value);
  const at134 = c.format === 'k8s-short-name' || c.format === 'k8s-long-name' ? [] : c.expected;
  if (JSON.stringify(warned) !== JSON.stringify(at134)) return { kind: 'disagree', detail: `warned ${JSON.stringify(warned)}, upstream at 1.34 ${JSON.stringify(at134)}` };
  if (JSON.stringify(at134) !== JSON.stringify(c.expected)) return { kind: 'not expressible', reason: `the answer differs at ${c.version.join('.')}; we target 1.34` };
  return { kind: 'agree' };
}

test(`${upstream}: the same formats are unrecognized`, () => {
  const counts = tally('TestGetUnrecognizedFormats', cases.map(c => [c.name, outcome(c)]));
  expect(counts.disagreeing).toEqual([]);
  expect(counts.ported).toBe(12);
});
