import { Outcome, table, tally } from './conformance';
import { validateObject } from '../../../src/validation';

/**
 * kubernetes/apiextensions-apiserver v0.34.9 (9ca314e0c5fe1dd541621d5702723bc1767c453f),
 * pkg/apis/apiextensions/validation/validation_test.go `TestValidateCustomResourceDefinition`: each upstream CRD
 * (internal version) converted to apiextensions.k8s.io/v1 JSON (top-level schema, subresources and columns copied
 * to every version, as the v1 conversion does) and run through the layer. Agreement: refused exactly when upstream
 * expects errors.
 */
interface Case { name: string; crd: any; errors: Array<{ type: string; path: string }> }

/** Cases our v1 JSON cannot express, with why. */
const NOT_EXPRESSIBLE: Record<string, string> = {
  'webhook conversion without preserveUnknownFields=false': 'v1 defaults spec.preserveUnknownFields to false; an unset (nil) value exists only in the internal version',
  'missing_storage_version_in_stored_versions': 'status.storedVersions is written by the API server on create, never by a client',
  'empty_stored_version': 'status.storedVersions is written by the API server on create, never by a client',
};

/** Cases where we refuse on purpose what upstream accepts. */
const STRICTER: Record<string, string> = {
  'valid name printer column formats': 'printer column paths must exist in the schema (upstream shows <none>); the case\'s schema has no .spec',
};

const { upstream, cases } = table<Case>('validate-custom-resource-definition.json');

function outcome(c: Case): Outcome {
  if (NOT_EXPRESSIBLE[c.name]) return { kind: 'not expressible', reason: NOT_EXPRESSIBLE[c.name] };
  const errors = validateObject(c.crd).filter(p => p.severity === 'error');
  const refused = errors.length > 0;
  const expected = c.errors.length > 0;
  if (refused === expected) return { kind: 'agree' };
  if (STRICTER[c.name] && refused) return { kind: 'stricter', reason: STRICTER[c.name] };
  return { kind: 'disagree', detail: refused ? `refused: ${errors.map(e => `${e.path} ${e.message}`).join('; ')}` : `accepted, upstream expects ${JSON.stringify(c.errors)}` };
}

test(`${upstream}: every expressible case agrees`, () => {
  const counts = tally('TestValidateCustomResourceDefinition', cases.map(c => [c.name, outcome(c)]));
  expect(counts.disagreeing).toEqual([]);
  expect(counts.ported).toBe(57);
});
