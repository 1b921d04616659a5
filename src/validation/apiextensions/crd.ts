import { isDns1035Label, isDns1123Subdomain } from '../../common/names';
import { ProblemCollector } from '../problem';
import { validateConversion } from './conversion';
import { validateDefaults } from './defaulting';
import { isPlainObject } from './json';
import { lintSchema } from './lint';
import { SCHEMA_KEYWORDS, validateOpenAPISchema } from './openapi-schema';
import { resolveSchemaPath } from './schema-path';
import { validateStructural } from './structural';

const RULE = 'apiextensions ValidateCustomResourceDefinition';
const NAMES = 'apiextensions ValidateCustomResourceDefinitionNames';
const VERSION = 'apiextensions validateCustomResourceDefinitionVersion';
const SUBRESOURCES = 'apiextensions ValidateCustomResourceDefinitionSubresources';
const COLUMNS = 'apiextensions ValidateCustomResourceColumnDefinition';
const VALIDATION = 'apiextensions validateCustomResourceDefinitionValidation';
/** Checks the API server does not make, which catch certain mistakes at synth (deliberate, listed in docs/validation.md). */
const STRICTER = 'cdk8s-patterns (stricter than the API server)';

const DNS1035 = 'must be a DNS-1035 label: at most 63 lowercase letters, digits and "-", starting with a letter and ending with a letter or digit';
const PRINTER_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const PRINTER_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];
const COLUMN_SCHEMA_TYPES: Record<string, string[]> = { integer: ['integer'], number: ['integer', 'number'], boolean: ['boolean'], date: ['string'] };
const ALLOWED_AT_ROOT_WITH_STATUS = ['description', 'type', 'format', 'title', 'maximum', 'exclusiveMaximum', 'minimum',
  'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'multipleOf', 'required',
  'items', 'properties', 'externalDocs', 'example', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-validations'];
const PROTECTED_GROUP = /(^|\.)(k8s\.io|kubernetes\.io)$/;

/**
 * A CustomResourceDefinition as `apiextensions.k8s.io/v1` accepts it on create (apiextensions-apiserver v0.34
 * `pkg/apis/apiextensions/validation/validation.go` `ValidateCustomResourceDefinition`): name, group, names,
 * scope, versions (names, one storage version, deprecation warnings), subresources, printer columns, API approval
 * of protected groups, and each version's schema: structural, defaults valid and pruned, the OpenAPI rules,
 * list types, and CEL rules compiled and type-checked. Update-time rules (stored versions, ratcheting of
 * unchanged expressions) need the old object and are not checked.
 */
export function validateCustomResourceDefinition(crd: any, problems: ProblemCollector): void {
  const spec = isPlainObject(crd?.spec) ? crd.spec : {};
  const names = isPlainObject(spec.names) ? spec.names : {};
  const specAt = problems.at('spec');

  const name = crd?.metadata?.name;
  if (typeof names.plural === 'string' && typeof spec.group === 'string' && name !== `${names.plural}.${spec.group}`) {
    problems.at('metadata').error('name', name, `must be spec.names.plural+"."+spec.group ("${names.plural}.${spec.group}")`, RULE);
  } else if (typeof name === 'string' && isDns1123Subdomain(spec.group) && !isDns1123Subdomain(name)) {
    problems.at('metadata').error('name', name, `(<plural>.<group>, ${String(name).length} characters) must be a DNS subdomain: at most 253 characters`, `${RULE} (ValidateObjectMeta NameIsDNSSubdomain)`);
  }
  if (typeof spec.group !== 'string' || spec.group === '') {
    specAt.error('group', spec.group, 'is required', RULE);
  } else if (!isDns1123Subdomain(spec.group)) {
    specAt.error('group', spec.group, 'must be a DNS subdomain: lowercase letters, digits, "-" and ".", at most 253 characters', RULE);
  } else if (spec.group.split('.').length < 2) {
    specAt.error('group', spec.group, 'should be a domain with at least one dot, e.g. "cnat.programming-kubernetes.info"', RULE);
  }
  if (spec.scope !== 'Cluster' && spec.scope !== 'Namespaced') {
    specAt.error('scope', spec.scope, 'must be one of "Cluster", "Namespaced"', RULE);
  }
  if (spec.preserveUnknownFields === true) {
    specAt.error('preserveUnknownFields', true, 'cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead', 'apiextensions validatePreserveUnknownFields');
  }
  validateConversion(spec.conversion, spec.preserveUnknownFields, specAt.at('conversion'));
  validateNames(names, specAt.at('names'));
  validateApiApproval(spec.group, crd?.metadata?.annotations, problems);
  validateVersions(spec, specAt);
}

/** `ValidateCustomResourceDefinitionNames` plus the required names. */
function validateNames(names: any, at: ProblemCollector): void {
  for (const key of ['plural', 'singular', 'kind', 'listKind']) {
    if (typeof names[key] !== 'string' || names[key] === '') at.error(key, names[key], 'is required', RULE);
  }
  for (const key of ['plural', 'singular']) {
    if (typeof names[key] === 'string' && names[key] !== '' && !isDns1035Label(names[key])) at.error(key, names[key], DNS1035, NAMES);
  }
  for (const key of ['kind', 'listKind']) {
    if (typeof names[key] === 'string' && names[key] !== '' && !isDns1035Label(names[key].toLowerCase())) {
      at.error(key, names[key], 'may have mixed case, but should otherwise match a DNS-1035 label: at most 63 letters, digits and "-", starting with a letter, e.g. "At"', NAMES);
    }
  }
  if (typeof names.kind === 'string' && names.kind !== '' && names.kind === names.listKind) {
    at.error('listKind', names.listKind, 'must differ from kind: kind and listKind may not be the same', NAMES);
  }
  for (const key of ['shortNames', 'categories']) {
    if (names[key] === undefined) continue;
    if (!Array.isArray(names[key])) {
      at.error(key, names[key], 'must be a list of names', NAMES);
      continue;
    }
    names[key].forEach((n: unknown, i: number) => {
      if (!isDns1035Label(n)) at.at(key).error(i, n, DNS1035, NAMES);
      else if (names[key].indexOf(n) !== i) at.at(key).error(i, n, 'is listed twice (the API server accepts it; kubectl lists it twice)', STRICTER);
    });
  }
}

/** `validateAPIApproval`: groups under k8s.io and kubernetes.io need the api-approved.kubernetes.io annotation. */
function validateApiApproval(group: unknown, annotations: any, problems: ProblemCollector): void {
  if (typeof group !== 'string' || !PROTECTED_GROUP.test(group)) return;
  const key = 'api-approved.kubernetes.io';
  const value = isPlainObject(annotations) ? annotations[key] : undefined;
  const at = problems.at('metadata', 'annotations');
  if (value === undefined) {
    at.error(key, undefined, `is required: ${group} is a protected Kubernetes group; set it to the URL of the approved API review (https://github.com/kubernetes/enhancements/pull/…) or "unapproved, <reason>"`, 'apiextensions validateAPIApproval');
  } else if (typeof value !== 'string' || !(/^https?:\/\/\S+$/.test(value) || value.startsWith('unapproved'))) {
    at.error(key, value, 'must be the URL of the approved API review or start with "unapproved"', 'apiextensions validateAPIApproval');
  }
}

function validateVersions(spec: any, at: ProblemCollector): void {
  const versions = spec.versions;
  if (!Array.isArray(versions) || versions.length === 0) {
    at.error('versions', versions, 'must have at least one version', RULE);
    return;
  }
  const seen = new Map<string, number>();
  versions.forEach((v: any, i: number) => {
    const vAt = at.at('versions', i);
    if (!isPlainObject(v)) {
      vAt.error('', v, 'must be a version object', RULE);
      return;
    }
    if (!isDns1035Label(v.name)) vAt.error('name', v.name, `${DNS1035}, e.g. "v1alpha1"`, RULE);
    if (typeof v.name === 'string') {
      if (seen.has(v.name)) vAt.error('name', v.name, `must be unique: versions[${seen.get(v.name)}] is already "${v.name}"`, RULE);
      else seen.set(v.name, i);
    }
    for (const key of ['served', 'storage']) {
      if (typeof v[key] !== 'boolean') vAt.error(key, v[key], 'is required: true or false', RULE);
    }
    validateDeprecationWarning(v, vAt);
    validateSubresources(v.subresources, vAt.at('subresources'));
    validateVersionSchema(v, vAt);
    if (Array.isArray(v.additionalPrinterColumns)) validateColumns(v, vAt);
  });
  const storage = versions.filter((v: any) => v?.storage === true);
  if (storage.length !== 1) {
    const flags = versions.map((v: any) => `${v?.name}: ${v?.storage}`).join(', ');
    at.error('versions', versions.map((v: any) => v?.name), `must have exactly one version marked as storage version (storage: true), found ${storage.length} (${flags})`, RULE);
  }
}

/** `validateDeprecationWarning`. */
function validateDeprecationWarning(v: any, at: ProblemCollector): void {
  const w = v.deprecationWarning;
  if (w === undefined) return;
  if (v.deprecated !== true) {
    at.error('deprecationWarning', w, 'can only be set for deprecated versions (deprecated: true)', VERSION);
    return;
  }
  if (typeof w !== 'string') at.error('deprecationWarning', w, 'must be a string', VERSION);
  else if (w.length > 256) at.error('deprecationWarning', w, 'must be <= 256 characters long', VERSION);
  else if (w === '') at.error('deprecationWarning', w, 'must not be an empty string', VERSION);
  else if (/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(w)) at.error('deprecationWarning', w, 'must only contain printable UTF-8 characters', VERSION);
}

/** `ValidateCustomResourceDefinitionSubresources`. */
function validateSubresources(sub: any, at: ProblemCollector): void {
  if (!isPlainObject(sub) || !isPlainObject(sub.scale)) return;
  const scale = sub.scale;
  const paths: Array<[string, string[], boolean]> = [
    ['specReplicasPath', ['.spec.'], true],
    ['statusReplicasPath', ['.status.'], true],
    ['labelSelectorPath', ['.spec.', '.status.'], false],
  ];
  for (const [key, under, required] of paths) {
    const p = scale[key];
    const pAt = at.at('scale');
    if (p === undefined || p === '') {
      if (required) pAt.error(key, p, 'is required', SUBRESOURCES);
      continue;
    }
    if (typeof p !== 'string' || !p.startsWith('.')) pAt.error(key, p, 'must be a simple json path starting with .', SUBRESOURCES);
    else if (!under.some(u => p.startsWith(u))) pAt.error(key, p, `should be a json path under ${under.map(u => u.slice(0, -1)).join(' or ')}`, SUBRESOURCES);
  }
}

/** Each version's schema: required, status-subresource root fields, then structural, defaults and the OpenAPI rules. */
function validateVersionSchema(v: any, at: ProblemCollector): void {
  const schema = v.schema?.openAPIV3Schema;
  const sAt = at.at('schema', 'openAPIV3Schema');
  if (schema === undefined) {
    at.at('schema').error('openAPIV3Schema', undefined, 'is required', 'apiextensions validateCustomResourceDefinitionSpec');
    return;
  }
  if (!isPlainObject(schema)) {
    sAt.error('', schema, 'must be a schema object', VALIDATION);
    return;
  }
  const statusEnabled = isPlainObject(v.subresources?.status);
  if (statusEnabled) {
    if (schema.type !== undefined && schema.type !== 'object') {
      sAt.error('type', schema.type, 'must be "object": only "object" is allowed as the type at the root of the schema if the status subresource is enabled', VALIDATION);
    }
    const extra = Object.keys(schema).filter(k => k !== 'type' && SCHEMA_KEYWORDS.has(k) && !ALLOWED_AT_ROOT_WITH_STATUS.includes(k));
    if (extra.length > 0) {
      sAt.error(extra[0], schema[extra[0]], `is not allowed at the root of the schema if the status subresource is enabled; only ${ALLOWED_AT_ROOT_WITH_STATUS.join(', ')}`, VALIDATION);
    }
    if (!isPlainObject(schema.properties?.status) && schema['x-kubernetes-preserve-unknown-fields'] !== true) {
      sAt.at('properties').error('status', undefined, 'must be defined with the status subresource: the API server prunes every field the schema does not list, so the status the controller writes would be lost', STRICTER);
    }
  }
  if (schema.nullable === true) sAt.error('nullable', true, 'cannot be true at the root', VALIDATION);

  const before = sAt.problems.length;
  validateStructural(schema, sAt);
  const structural = !sAt.problems.slice(before).some(p => p.severity === 'error');
  if (structural) validateDefaults(schema, sAt);
  const celAllowed = !sAt.problems.slice(before).some(p => p.severity === 'error');
  validateOpenAPISchema(schema, sAt, celAllowed);
  lintSchema(schema, sAt);
  if (isPlainObject(v.subresources?.scale) && !sAt.problems.slice(before).some(p => p.severity === 'error')) {
    const scale = v.subresources.scale;
    const checks: Array<[string, string[]]> = [['specReplicasPath', ['integer']], ['statusReplicasPath', ['integer']], ['labelSelectorPath', ['string']]];
    for (const [key, types] of checks) {
      if (typeof scale[key] === 'string' && scale[key].startsWith('.')) {
        schemaPathCheck(schema, scale[key], types, `must lead to ${types[0] === 'integer' ? 'an integer' : 'a string (the serialized selector)'}`, at.at('subresources', 'scale').at(key));
      }
    }
  }
}

/** `ValidateCustomResourceColumnDefinition`, plus (stricter) the path existing in the schema with a matching type. */
function validateColumns(v: any, at: ProblemCollector): void {
  const schema = v.schema?.openAPIV3Schema;
  const names = new Set<string>();
  v.additionalPrinterColumns.forEach((c: any, i: number) => {
    const cAt = at.at('additionalPrinterColumns', i);
    if (typeof c?.name !== 'string' || c.name.trim() === '') cAt.error('name', c?.name, 'is required: a non-empty header', COLUMNS);
    else if (names.has(c.name)) cAt.error('name', c.name, 'must be unique within the version (kubectl shows the first only)', STRICTER);
    else names.add(c.name);
    if (!PRINTER_TYPES.includes(c?.type)) cAt.error('type', c?.type, `must be one of ${PRINTER_TYPES.join(', ')}`, COLUMNS);
    if (c?.format !== undefined && c.format !== '' && !PRINTER_FORMATS.includes(c.format)) cAt.error('format', c.format, `must be one of ${PRINTER_FORMATS.join(', ')}`, COLUMNS);
    if (c?.priority !== undefined && !(Number.isInteger(c.priority) && c.priority >= 0)) cAt.error('priority', c.priority, 'must be an integer >= 0', STRICTER);
    if (typeof c?.jsonPath !== 'string' || c.jsonPath === '') {
      cAt.error('jsonPath', c?.jsonPath, 'is required', COLUMNS);
    } else if (!c.jsonPath.startsWith('.')) {
      cAt.error('jsonPath', c.jsonPath, 'must be a simple json path starting with "."', COLUMNS);
    } else if (isPlainObject(schema)) {
      const types = COLUMN_SCHEMA_TYPES[c.type];
      schemaPathCheck(schema, c.jsonPath, types, `${/^[aeiou]/.test(c.type) ? 'an' : 'a'} ${c.type} column must lead to ${types?.join(' or ')}`, cAt.at('jsonPath'));
    }
  });
}

function schemaPathCheck(schema: any, path: string, types: string[] | undefined, expected: string, at: ProblemCollector): void {
  const found = resolveSchemaPath(schema, path);
  if (found.error) {
    at.error('', path, found.error, STRICTER);
    return;
  }
  const type = found.node['x-kubernetes-int-or-string'] ? 'int-or-string' : found.node.type;
  if (types && type !== undefined && !types.includes(type)) at.error('', path, `leads to a ${type} in the schema; ${expected}`, STRICTER);
}
