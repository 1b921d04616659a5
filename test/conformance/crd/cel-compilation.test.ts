import { Outcome, table, tally } from './conformance';
import { compileRules } from '../../../src/validation/apiextensions/cel';

/**
 * kubernetes/apiextensions-apiserver v0.34.9 (9ca314e0c5fe1dd541621d5702723bc1767c453f),
 * pkg/apiserver/schema/cel/compilation_test.go `TestCelCompilation`: each rule of each case compiled against its
 * schema (`self` typed by SchemaDeclType, not a resource root); agreement per rule: a compile error exactly when
 * upstream expects one (for the rule or its messageExpression), and the same transition-rule (oldSelf) verdict.
 */
interface Result { error: boolean | null; transition: boolean | null; kind?: string; contains?: string; other?: Array<string | null> }
interface Case { name: string; schema: any; results: Result[] }

const NOT_EXPRESSIBLE: Record<string, string> = {
  'unmodified expression may use CEL environment features planned to be added in future releases':
    'an unchanged expression of a stored CRD keeps the environment it was written for (update only)',
};

const { upstream, cases } = table<Case>('cel-compilation.json');

const outcomes: Array<[string, Outcome]> = [];
for (const c of cases) {
  const compiled = compileRules(c.schema, false);
  c.results.forEach((r, i) => {
    const name = `${c.name} [${i}] ${c.schema['x-kubernetes-validations'][i].rule}`;
    if (NOT_EXPRESSIBLE[c.name]) {
      outcomes.push([name, { kind: 'not expressible', reason: NOT_EXPRESSIBLE[c.name] }]);
      return;
    }
    const got = compiled[i];
    const wantMessageError = (r.other ?? []).includes('messageExpressionError');
    const problems: string[] = [];
    if (r.error !== null && Boolean(got.ruleError) !== r.error) problems.push(`rule error ${got.ruleError ?? 'none'}, upstream ${r.error ? `expects one containing "${r.contains}"` : 'none'}`);
    if (wantMessageError !== Boolean(got.messageExpressionError)) problems.push(`messageExpression error ${got.messageExpressionError ?? 'none'}, upstream ${wantMessageError ? 'expects one' : 'none'}`);
    if (r.transition !== null && got.usesOldSelf !== r.transition) problems.push(`usesOldSelf ${got.usesOldSelf}, upstream ${r.transition}`);
    outcomes.push([name, problems.length === 0 ? { kind: 'agree' } : { kind: 'disagree', detail: problems.join('; ') }]);
  });
}

test(`${upstream}: every rule compiles (or fails) as upstream's`, () => {
  const counts = tally('TestCelCompilation', outcomes);
  expect(counts.disagreeing).toEqual([]);
  expect(cases).toHaveLength(25);
});
