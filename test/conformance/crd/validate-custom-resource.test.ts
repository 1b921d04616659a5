import { Outcome, table, tally } from './conformance';
import { ProblemCollector } from '../../../src/validation';
import { evaluateRules } from '../../../src/validation/apiextensions/cel';
import { validateValue } from '../../../src/validation/apiextensions/value';

/**
 * kubernetes/apiextensions-apiserver v0.34.9 (9ca314e0c5fe1dd541621d5702723bc1767c453f),
 * pkg/apiserver/validation/validation_test.go `TestValidateCustomResource`: every object the case lists as valid
 * must pass the schema validation and the CEL rules; every failing object must be refused. A failing object that
 * only a transition rule refuses needs the old object, which synth does not have: not expressible.
 */
interface Case { name: string; schema: any; objects: any[]; oldObjects: any[]; failing: Array<{ object: any; oldObject: any; errors: string[] }> }

const { upstream, cases } = table<Case>('validate-custom-resource.json');

function problemsOf(schema: any, obj: any): string[] {
  const problems = ProblemCollector.root();
  validateValue(schema, obj, problems);
  evaluateRules(schema, obj, false, problems);
  return problems.problems.filter(p => p.severity === 'error').map(p => `${p.path}: ${p.message}`);
}

const outcomes: Array<[string, Outcome]> = [];
for (const c of cases) {
  c.objects.forEach((obj, i) => {
    const found = problemsOf(c.schema, obj);
    outcomes.push([`${c.name} objects[${i}]`, found.length === 0 ? { kind: 'agree' } : { kind: 'disagree', detail: found.join('; ') }]);
  });
  c.failing.forEach((f, i) => {
    const name = `${c.name} failingObjects[${i}]`;
    if (f.oldObject !== null && f.oldObject !== undefined && c.schema && JSON.stringify(c.schema).includes('oldSelf')) {
      outcomes.push([name, { kind: 'not expressible', reason: 'refused by a transition rule, which needs the stored object' }]);
      return;
    }
    const found = problemsOf(c.schema, f.object);
    outcomes.push([name, found.length > 0 ? { kind: 'agree' } : { kind: 'disagree', detail: `accepted, upstream: ${f.errors.join('; ')}` }]);
  });
}

test(`${upstream}: every expressible object agrees`, () => {
  const counts = tally('TestValidateCustomResource', outcomes);
  expect(counts.disagreeing).toEqual([]);
  expect(cases).toHaveLength(18);
});
