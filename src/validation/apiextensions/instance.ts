import { ProblemCollector } from '../problem';
import { evaluateRules } from './cel';
import { applyDefaults } from './defaulting';
import { cloneJson, isPlainObject } from './json';
import { validateListSetsAndMaps } from './listtype';
import { validateObjectMeta, validateResourceMetadata } from './objectmeta';
import { prune } from './pruning';
import { validateValue } from './value';

const PRUNE = 'apiextensions pruning.Prune';

/** How strictly unknown fields are treated. */
export interface CustomResourceValidationOptions {
  /**
   * Refuse fields the schema does not list (kubectl `--validate=strict`, `fieldValidation=Strict`) instead of
   * warning that the API server prunes them.
   */
  readonly strictFields?: boolean;
}

/**
 * A custom resource as the API server handles it on create (apiextensions-apiserver v0.34
 * `pkg/apiserver/customresource_handler.go` and `pkg/registry/customresource/validator.go`): the object is
 * checked against its CRD (apiVersion served, kind), unknown fields are pruned (warned, or refused when strict),
 * defaults applied, then the schema (kube-openapi validation with the server's formats and RE2 patterns),
 * the metadata of the object and of embedded resources, list sets and maps, and the CEL rules that can run
 * without an old object. Returns the object as the server would store it.
 */
export function validateCustomResource(crd: any, obj: any, problems: ProblemCollector, options: CustomResourceValidationOptions = {}): any {
  const spec = crd?.spec ?? {};
  const served = (spec.versions ?? []).filter((v: any) => v.served);
  const version = served.find((v: any) => `${spec.group}/${v.name}` === obj?.apiVersion);
  if (!version) {
    problems.error('apiVersion', obj?.apiVersion, `must be a served version of ${crd?.metadata?.name}: ${served.map((v: any) => `${spec.group}/${v.name}`).join(', ')}`, 'apiextensions crdHandler (served versions)');
    return obj;
  }
  if (obj.kind !== spec.names?.kind) {
    problems.error('kind', obj.kind, `must be "${spec.names?.kind}"`, 'apiextensions crdHandler (kind)');
    return obj;
  }
  const schema = version.schema?.openAPIV3Schema ?? { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const stored = cloneJson(obj);
  for (const path of prune(stored, schema, true)) {
    const message = 'is not in the schema: the API server prunes unknown fields (kubectl warns "unknown field")';
    const value = path.reduce((v: any, k) => v?.[k], obj);
    if (options.strictFields) problems.at(...path).error('', value, `${message}; refused because strictFields is set`, `${PRUNE} (fieldValidation=Strict)`);
    else problems.at(...path).warning('', value, message, PRUNE);
  }
  applyDefaults(stored, schema);
  if (isPlainObject(version.subresources?.status) && stored.status !== undefined) {
    problems.warning('status', stored.status, `is ignored on create: with the status subresource, status is written only through ${spec.names?.plural}/status (by the controller)`, 'apiextensions statusStrategy');
  }
  validateResourceMetadata(stored.metadata, spec.scope !== 'Cluster', problems);
  const { metadata: _, ...withoutMetadata } = stored;
  validateObjectMeta(withoutMetadata, schema, true, problems);
  validateValue(schema, stored, problems);
  validateListSetsAndMaps(stored, schema, problems);
  if (!problems.hasErrors) evaluateRules(schema, stored, true, problems);
  return stored;
}
