import { joinPath, ProblemCollector } from '../problem';
import { compileRules, fieldPathError } from './cel';
import { isKnownStringFormat, KNOWN_STRING_FORMATS } from './formats';
import { isPlainObject } from './json';

const RULE = 'apiextensions ValidateCustomResourceDefinitionOpenAPISchema';
const SSV = 'apiextensions specStandardValidatorV3';
const LIST_KEYS = 'apiextensions validateMapListKeysMapSet';
const CEL = 'apiextensions cel.Compile';

/** The keywords of apiextensions v1 JSONSchemaProps; anything else is an unknown field (refused by strict decoding). */
export const SCHEMA_KEYWORDS = new Set(['id', '$schema', '$ref', 'description', 'type', 'format', 'title', 'default',
  'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems',
  'minItems', 'uniqueItems', 'multipleOf', 'enum', 'maxProperties', 'minProperties', 'required', 'items', 'allOf',
  'oneOf', 'anyOf', 'not', 'properties', 'additionalProperties', 'patternProperties', 'dependencies', 'additionalItems',
  'definitions', 'externalDocs', 'example', 'nullable', 'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string', 'x-kubernetes-list-map-keys', 'x-kubernetes-list-type',
  'x-kubernetes-map-type', 'x-kubernetes-validations']);

const OPENAPI_TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const REASONS = ['FieldValueDuplicate', 'FieldValueForbidden', 'FieldValueInvalid', 'FieldValueRequired'];
const RULE_FIELDS = ['rule', 'message', 'messageExpression', 'reason', 'fieldPath', 'optionalOldSelf'];
const META_FIELDS = ['metadata', 'kind', 'apiVersion'];

interface Ssv {
  readonly allowDefaults: boolean;
  readonly disallowDefaultsReason?: string;
  readonly insideResourceMeta: boolean;
  /** Where oldSelf became unusable (a list that is not a map list), if it did. */
  readonly uncorrelatable?: string;
}

/**
 * `ValidateCustomResourceDefinitionOpenAPISchema` (apiextensions-apiserver v0.34
 * `pkg/apis/apiextensions/validation/validation.go`) with `specStandardValidatorV3`: unsupported keywords, where
 * defaults may be, list and map types and their keys, the shape of `x-kubernetes-validations`, and (when the
 * schema is otherwise valid) the CEL compilation of every rule, its `fieldPath`, `oldSelf` placement and
 * `optionalOldSelf`. Also: keywords apiextensions v1 does not have, and string formats the server ignores (warned).
 */
export function validateOpenAPISchema(root: any, problems: ProblemCollector, celAllowed: boolean): void {
  walk(root, problems, { allowDefaults: true, insideResourceMeta: false }, true, celAllowed ? { isResourceRoot: true } : undefined, 'openAPIV3Schema');
}

type CelContext = { isResourceRoot: boolean } | undefined;

function walk(schema: any, problems: ProblemCollector, ssv: Ssv, isRoot: boolean, cel: CelContext, path: string): boolean {
  if (!isPlainObject(schema)) {
    if (schema !== undefined) problems.error('', schema, 'must be a schema object', RULE);
    return false;
  }
  const before = problems.problems.filter(p => p.severity === 'error').length;
  standard(schema, problems, ssv);

  decoding(schema, problems);
  for (const key of Object.keys(schema)) {
    if (!SCHEMA_KEYWORDS.has(key)) problems.error(key, schema[key], 'is not a field of an apiextensions.k8s.io/v1 JSONSchemaProps (unknown field)', 'apiextensions v1 JSONSchemaProps (strict decoding)');
  }
  if (schema.uniqueItems === true) {
    problems.error('uniqueItems', true, 'cannot be set to true since the runtime complexity becomes quadratic (use x-kubernetes-list-type: set)', RULE);
  }
  const props = isPlainObject(schema.properties) ? schema.properties : undefined;
  if (schema.additionalProperties !== undefined) {
    if (props && Object.keys(props).length > 0 && !(schema.additionalProperties === true)) {
      problems.error('additionalProperties', schema.additionalProperties, 'and properties are mutually exclusive: properties are for structs, additionalProperties for maps', RULE);
    }
    if (isPlainObject(schema.additionalProperties)) {
      const sub = ssv.insideResourceMeta ? { ...ssv, allowDefaults: false, disallowDefaultsReason: 'inside additionalProperties applying to object metadata' } : ssv;
      walk(schema.additionalProperties, problems.at('additionalProperties'), sub, false, cel && { isResourceRoot: schema.additionalProperties['x-kubernetes-embedded-resource'] === true }, joinPath(path, 'additionalProperties'));
    }
  }
  if (props) {
    for (const [name, child] of Object.entries(props)) {
      let sub = ssv;
      const mapType = schema['x-kubernetes-map-type'];
      // cel.MapIsCorrelatable: granular (the default) and atomic maps correlate; any other map type does not
      if (mapType !== undefined && mapType !== 'granular' && mapType !== 'atomic' && sub.uncorrelatable === undefined) sub = { ...sub, uncorrelatable: path };
      if ((isRoot || schema['x-kubernetes-embedded-resource'] === true) && META_FIELDS.includes(name)) {
        sub = { ...sub, insideResourceMeta: true };
        if (isRoot) sub = { ...sub, allowDefaults: false, disallowDefaultsReason: `in top-level ${name}` };
      }
      walk(child, problems.at('properties', name), sub, false, cel && { isResourceRoot: (child as any)?.['x-kubernetes-embedded-resource'] === true }, joinPath(path, 'properties', name));
    }
  }
  if (schema.not !== undefined) walk(schema.not, problems.at('not'), ssv, false, undefined, joinPath(path, 'not'));
  for (const j of ['allOf', 'oneOf', 'anyOf']) {
    if (Array.isArray(schema[j])) schema[j].forEach((x: any, i: number) => walk(x, problems.at(j, i), ssv, false, undefined, joinPath(path, j, i)));
  }
  if (schema.items !== undefined && !Array.isArray(schema.items)) {
    const sub = schema['x-kubernetes-list-type'] !== 'map' && ssv.uncorrelatable === undefined ? { ...ssv, uncorrelatable: path } : ssv;
    walk(schema.items, problems.at('items'), sub, false, cel && { isResourceRoot: schema.items?.['x-kubernetes-embedded-resource'] === true }, joinPath(path, 'items'));
  }
  extensions(schema, problems);
  rules(schema, problems, ssv, cel, before);
  if (typeof schema.format === 'string' && schema.format !== '' && schema.type === 'string' && !isKnownStringFormat(schema.format)) {
    problems.warning('format', schema.format, `is not a format the API server (1.34) validates, so it ignores it; known: ${KNOWN_STRING_FORMATS.join(', ')}`, 'apiextensions GetUnrecognizedFormats');
  }
  return problems.problems.filter(p => p.severity === 'error').length === before;
}

const INTEGER_KEYWORDS = ['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties'];
const NUMBER_KEYWORDS = ['maximum', 'minimum', 'multipleOf'];
const BOOLEAN_KEYWORDS = ['exclusiveMaximum', 'exclusiveMinimum', 'uniqueItems', 'nullable', 'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string'];
const STRING_KEYWORDS = ['type', 'format', 'pattern', 'title', 'description', 'x-kubernetes-list-type', 'x-kubernetes-map-type'];
const DECODING = 'apiextensions v1 JSONSchemaProps (JSON decoding)';

/** What the API server cannot decode into JSONSchemaProps (int64 counts, float64 bounds, bools, strings, string lists). */
function decoding(schema: any, problems: ProblemCollector): void {
  for (const k of INTEGER_KEYWORDS) {
    if (k in schema && !Number.isSafeInteger(schema[k])) problems.error(k, schema[k], 'must be an integer (int64)', DECODING);
  }
  for (const k of NUMBER_KEYWORDS) {
    if (k in schema && (typeof schema[k] !== 'number' || !Number.isFinite(schema[k]))) problems.error(k, schema[k], 'must be a finite number', DECODING);
  }
  for (const k of BOOLEAN_KEYWORDS) {
    if (k in schema && typeof schema[k] !== 'boolean') problems.error(k, schema[k], 'must be true or false', DECODING);
  }
  for (const k of STRING_KEYWORDS) {
    if (k in schema && typeof schema[k] !== 'string') problems.error(k, schema[k], 'must be a string', DECODING);
  }
  for (const k of ['required', 'x-kubernetes-list-map-keys']) {
    if (k in schema && !(Array.isArray(schema[k]) && schema[k].every((x: unknown) => typeof x === 'string'))) problems.error(k, schema[k], 'must be a list of strings', DECODING);
  }
  if (typeof schema.multipleOf === 'number' && schema.multipleOf <= 0) {
    problems.error('multipleOf', schema.multipleOf, 'must be > 0 (JSON Schema; every value would fail it)', 'cdk8s-patterns (stricter than the API server)');
  }
  if ('enum' in schema && !Array.isArray(schema.enum)) problems.error('enum', schema.enum, 'must be a list', DECODING);
  if ('properties' in schema && !isPlainObject(schema.properties)) problems.error('properties', schema.properties, 'must be a map of field names to schemas', DECODING);
}

/** `specStandardValidatorV3.validate`. */
function standard(schema: any, problems: ProblemCollector, ssv: Ssv): void {
  if (typeof schema.type === 'string' && schema.type !== '' && schema.type !== 'null' && !OPENAPI_TYPES.includes(schema.type)) {
    problems.error('type', schema.type, `must be one of ${OPENAPI_TYPES.join(', ')}`, SSV);
  }
  if (schema.type !== undefined && typeof schema.type !== 'string') problems.error('type', schema.type, `must be a string, one of ${OPENAPI_TYPES.join(', ')}`, SSV);
  if (schema.default !== undefined && !ssv.allowDefaults) {
    problems.error('default', schema.default, `must not be set${ssv.disallowDefaultsReason ? ` ${ssv.disallowDefaultsReason}` : ''}`, SSV);
  }
  const unsupported: Array<[string, string]> = [['id', 'id is not supported'], ['additionalItems', 'additionalItems is not supported'],
    ['patternProperties', 'patternProperties is not supported'], ['definitions', 'definitions is not supported'],
    ['dependencies', 'dependencies is not supported'], ['$ref', '$ref is not supported']];
  for (const [key, message] of unsupported) {
    const v = schema[key];
    if (v === undefined || v === '' || (isPlainObject(v) && Object.keys(v).length === 0 && key !== 'dependencies' && key !== 'additionalItems')) continue;
    problems.error(key, v, message, SSV);
  }
  if (schema.type === 'null') problems.error('type', 'null', 'cannot be set to null, use nullable as an alternative', SSV);
  if (Array.isArray(schema.items)) problems.error('items', schema.items, 'must be a schema object and not an array', SSV);
  if (ssv.insideResourceMeta && schema['x-kubernetes-embedded-resource'] === true) {
    problems.error('x-kubernetes-embedded-resource', true, 'must not be used inside of resource meta', SSV);
  }
}

/** Map and list types, list-map keys. */
function extensions(schema: any, problems: ProblemCollector): void {
  if (schema['x-kubernetes-preserve-unknown-fields'] === false) {
    problems.error('x-kubernetes-preserve-unknown-fields', false, 'must be true or undefined', RULE);
  }
  const mapType = schema['x-kubernetes-map-type'];
  if (mapType !== undefined && schema.type !== 'object') {
    problems.error('type', schema.type, 'must be object if x-kubernetes-map-type is specified', RULE);
  }
  if (mapType !== undefined && mapType !== 'atomic' && mapType !== 'granular') {
    problems.error('x-kubernetes-map-type', mapType, 'must be "atomic" or "granular"', RULE);
  }
  const listType = schema['x-kubernetes-list-type'];
  const items = isPlainObject(schema.items) ? schema.items : undefined;
  if (listType !== undefined && schema.type !== 'array') {
    problems.error('type', schema.type, 'must be array if x-kubernetes-list-type is specified', RULE);
  } else if (listType === 'set' && items) {
    if (items.type === 'array' && items['x-kubernetes-list-type'] !== undefined && items['x-kubernetes-list-type'] !== 'atomic') {
      problems.at('items').error('x-kubernetes-list-type', items['x-kubernetes-list-type'], 'must be atomic as item of a list with x-kubernetes-list-type=set', RULE);
    }
    if (items.type === 'object' && items['x-kubernetes-map-type'] !== 'atomic') {
      problems.at('items').error('x-kubernetes-map-type', items['x-kubernetes-map-type'], 'must be atomic as item of a list with x-kubernetes-list-type=set', RULE);
    }
  }
  if (listType !== undefined && !['atomic', 'set', 'map'].includes(listType)) {
    problems.error('x-kubernetes-list-type', listType, 'must be "atomic", "set" or "map"', RULE);
  }
  const keys = schema['x-kubernetes-list-map-keys'];
  if (Array.isArray(keys) && keys.length > 0 && listType !== 'map') {
    problems.error('x-kubernetes-list-type', listType, 'must be map if x-kubernetes-list-map-keys is non-empty', RULE);
  }
  if (listType === 'map') {
    if (!Array.isArray(keys) || keys.length === 0) problems.error('x-kubernetes-list-map-keys', keys, 'must not be empty if x-kubernetes-list-type is map', RULE);
    if (schema.items === undefined) problems.error('items', undefined, 'must have a schema if x-kubernetes-list-type is map', RULE);
    if (items && items.type !== 'object') problems.at('items').error('type', items.type, 'must be object if parent array\'s x-kubernetes-list-type is map', RULE);
    if (items && items.type === 'object' && Array.isArray(keys)) {
      const seen = new Set<string>();
      for (const k of keys) {
        const p = isPlainObject(items.properties) ? items.properties[k] : undefined;
        if (p === undefined) problems.error('x-kubernetes-list-map-keys', keys, `entries must all be names of item properties (${JSON.stringify(k)} is not)`, RULE);
        else if (p.type === 'array' || p.type === 'object') problems.at('items', 'properties', k).error('type', p.type, 'must be a scalar type if parent array\'s x-kubernetes-list-type is map', RULE);
        if (seen.has(k)) problems.error('x-kubernetes-list-map-keys', keys, `must not contain duplicate entries (${JSON.stringify(k)})`, RULE);
        seen.add(k);
      }
    }
  }
  // validateMapListKeysMapSet
  if (items && (listType === 'set' || listType === 'map')) {
    if (items.nullable === true) problems.at('items').error('nullable', true, `cannot be nullable when x-kubernetes-list-type is ${listType}`, LIST_KEYS);
    if (listType === 'map' && Array.isArray(keys)) {
      const required = Array.isArray(items.required) ? items.required : [];
      for (const k of keys) {
        const p = isPlainObject(items.properties) ? items.properties[k] : undefined;
        if (!isPlainObject(p)) continue;
        if (!required.includes(k) && p.default === undefined) {
          problems.at('items', 'properties', k).error('default', undefined, 'must be set: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property', LIST_KEYS);
        }
        if (p.nullable === true) problems.at('items', 'properties', k).error('nullable', true, 'cannot be nullable: this property is in x-kubernetes-list-map-keys', LIST_KEYS);
      }
    }
  }
}

/** The shape of `x-kubernetes-validations`, then (schema otherwise valid at and below this node) CEL compilation. */
function rules(schema: any, problems: ProblemCollector, ssv: Ssv, cel: { isResourceRoot: boolean } | undefined, errorsBefore: number): void {
  const list = schema['x-kubernetes-validations'];
  if (list === undefined) return;
  const at = problems.at('x-kubernetes-validations');
  if (!Array.isArray(list)) {
    at.error('', list, 'must be a list of {rule, message, messageExpression, reason, fieldPath, optionalOldSelf}', RULE);
    return;
  }
  list.forEach((r: any, i: number) => {
    const p = at.at(i);
    if (!isPlainObject(r)) {
      p.error('', r, 'must be an object with a rule', RULE);
      return;
    }
    for (const k of Object.keys(r)) {
      if (!RULE_FIELDS.includes(k)) p.error(k, r[k], `is not a field of a validation rule (${RULE_FIELDS.join(', ')}) (unknown field)`, 'apiextensions v1 ValidationRule (strict decoding)');
    }
    const rule = typeof r.rule === 'string' ? r.rule.trim() : '';
    const message = typeof r.message === 'string' ? r.message.trim() : '';
    if (rule === '') p.error('rule', r.rule, 'must be set: rule is not specified', RULE);
    else if (typeof r.message === 'string' && r.message.length > 0 && message === '') p.error('message', r.message, 'must be non-empty if specified', RULE);
    else if (/[\r\n]/.test(message)) p.error('message', r.message, 'must not contain line breaks', RULE);
    else if (/[\r\n]/.test(rule) && message === '') p.error('message', r.message, 'must be specified if rule contains line breaks', RULE);
    if (typeof r.messageExpression === 'string' && r.messageExpression.length > 0 && r.messageExpression.trim() === '') {
      p.error('messageExpression', r.messageExpression, 'must be non-empty if specified', RULE);
    }
    if (r.reason !== undefined && !REASONS.includes(r.reason)) p.error('reason', r.reason, `must be one of ${REASONS.join(', ')}`, RULE);
    if (typeof r.fieldPath === 'string' && r.fieldPath.length > 0) {
      if (r.fieldPath.trim() === '') {p.error('fieldPath', r.fieldPath, 'must be non-empty if specified', RULE);} else if (/[\r\n]/.test(r.fieldPath)) {p.error('fieldPath', r.fieldPath, 'must not contain line breaks', RULE);} else {
        const error = fieldPathError(r.fieldPath, schema);
        if (error) p.error('fieldPath', r.fieldPath, `must be a valid path: ${error}`, 'apiextensions cel.ValidFieldPath');
      }
    }
  });
  const errorsNow = problems.problems.filter(x => x.severity === 'error').length;
  if (!cel || errorsNow > errorsBefore) return;
  compileRules(schema, cel.isResourceRoot).forEach((c, i) => {
    const p = at.at(i);
    if (c.ruleError) p.error('rule', list[i].rule, c.ruleError, CEL);
    if (c.messageExpressionError) p.error('messageExpression', list[i].messageExpression, c.messageExpressionError, CEL);
    if (c.usesOldSelf) {
      if (ssv.uncorrelatable !== undefined) {
        p.error('rule', list[i].rule, `oldSelf cannot be used on the uncorrelatable portion of the schema within ${ssv.uncorrelatable} (lists other than x-kubernetes-list-type: map): a transition rule needs the old value of the same item`, CEL);
      }
    } else if (list[i].optionalOldSelf !== undefined) {
      p.error('optionalOldSelf', list[i].optionalOldSelf, 'may not be set if oldSelf is not used in rule', CEL);
    }
  });
}
