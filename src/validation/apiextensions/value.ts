import { describeValue } from '../../common/errors';
import { re2CompileError, re2Matches } from '../engines';
import { ProblemCollector } from '../problem';
import { matchesFormat, NUMERIC_FORMAT_RANGES } from './formats';
import { deepEqual, isPlainObject, jsonType } from './json';

const RULE = 'apiextensions ValidateCustomResource';

/**
 * Validates a value against an OpenAPI v3 schema node as the API server's schema validator does
 * (apiextensions-apiserver v0.34 `pkg/apiserver/validation` `ValidateCustomResource`, over kube-openapi's
 * `validate.SchemaValidator`): types with `nullable` and `x-kubernetes-int-or-string`, enum, numeric bounds,
 * lengths in characters, RE2 patterns, the server's formats, item and property counts, required fields, and
 * the `allOf`/`anyOf`/`oneOf`/`not` junctors. Unknown fields are not its business (pruning removes them first).
 */
export function validateValue(schema: any, value: unknown, problems: ProblemCollector): void {
  if (!isPlainObject(schema)) return;
  const type: string | undefined = schema.type;
  const nullable = schema.nullable === true;
  if (value === null) {
    if ((type !== undefined || schema['x-kubernetes-int-or-string']) && !nullable) {
      problems.error('', null, `must be of type ${expectedType(schema)}, found null`, RULE);
    }
    return;
  }
  const actual = jsonType(value);
  if (schema['x-kubernetes-int-or-string'] === true) {
    if (actual !== 'integer' && actual !== 'string') {
      problems.error('', value, `must be of type integer,string, found ${actual}`, RULE);
      return;
    }
  } else if (type !== undefined && !(actual === type || (type === 'number' && actual === 'integer'))) {
    problems.error('', value, `must be of type ${type}, found ${actual}`, RULE);
    return;
  }

  if (Array.isArray(schema.enum) && !schema.enum.some((e: unknown) => deepEqual(e, value))) {
    problems.error('', value, `must be one of ${schema.enum.map(describeValue).join(', ')}`, RULE);
  }
  if (typeof value === 'number') numberChecks(schema, value, problems);
  if (typeof value === 'string') stringChecks(schema, value, problems);
  if (Array.isArray(value)) arrayChecks(schema, value, problems);
  if (isPlainObject(value)) objectChecks(schema, value, problems);
  junctors(schema, value, problems);
}

function expectedType(schema: any): string {
  return schema['x-kubernetes-int-or-string'] ? 'integer,string' : schema.type;
}

function numberChecks(schema: any, value: number, problems: ProblemCollector): void {
  const { minimum, maximum, multipleOf } = schema;
  if (typeof maximum === 'number') {
    if (schema.exclusiveMaximum === true ? value >= maximum : value > maximum) {
      problems.error('', value, `must be ${schema.exclusiveMaximum === true ? '<' : '<='} ${maximum}`, RULE);
    }
  }
  if (typeof minimum === 'number') {
    if (schema.exclusiveMinimum === true ? value <= minimum : value < minimum) {
      problems.error('', value, `must be ${schema.exclusiveMinimum === true ? '>' : '>='} ${minimum}`, RULE);
    }
  }
  if (typeof multipleOf === 'number' && multipleOf > 0) {
    const q = value / multipleOf;
    if (Math.abs(q - Math.round(q)) > 1e-9) problems.error('', value, `must be a multiple of ${multipleOf}`, RULE);
  }
  const range = NUMERIC_FORMAT_RANGES[schema.format];
  if (range && (value < range[0] || value > range[1])) {
    problems.warning('', value, `is outside the ${schema.format} range [${range[0]}, ${range[1]}]: the API server stores it, but clients built from the schema (format ${schema.format}) overflow`, 'OpenAPI numeric format');
  }
}

function stringChecks(schema: any, value: string, problems: ProblemCollector): void {
  const length = [...value].length; // Go counts runes (utf8.RuneCountInString)
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) {
    problems.error('', value, `must be at most ${schema.maxLength} characters long`, RULE);
  }
  if (typeof schema.minLength === 'number' && length < schema.minLength) {
    problems.error('', value, `must be at least ${schema.minLength} characters long`, RULE);
  }
  if (typeof schema.pattern === 'string') {
    const error = re2CompileError(schema.pattern);
    if (error) problems.error('', value, `should match ${JSON.stringify(schema.pattern)}, but the pattern is invalid: ${error}`, RULE);
    else if (!re2Matches(schema.pattern, value)) problems.error('', value, `must match the pattern ${JSON.stringify(schema.pattern)} (RE2)`, RULE);
  }
  if (typeof schema.format === 'string' && !matchesFormat(schema.format, value)) {
    problems.error('', value, `must be of format ${schema.format}`, RULE);
  }
}

function arrayChecks(schema: any, value: unknown[], problems: ProblemCollector): void {
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) {
    problems.error('', `${value.length} items`, `must have at most ${schema.maxItems} items`, RULE);
  }
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
    problems.error('', `${value.length} items`, `must have at least ${schema.minItems} items`, RULE);
  }
  if (schema.uniqueItems === true && value.some((v, i) => value.findIndex(o => deepEqual(o, v)) !== i)) {
    problems.error('', value, 'must not have duplicate items', RULE);
  }
  if (isPlainObject(schema.items)) value.forEach((item, i) => validateValue(schema.items, item, problems.at(i)));
}

function objectChecks(schema: any, value: Record<string, unknown>, problems: ProblemCollector): void {
  const count = Object.keys(value).length;
  if (typeof schema.maxProperties === 'number' && count > schema.maxProperties) {
    problems.error('', `${count} properties`, `must have at most ${schema.maxProperties} properties`, RULE);
  }
  if (typeof schema.minProperties === 'number' && count < schema.minProperties) {
    problems.error('', `${count} properties`, `must have at least ${schema.minProperties} properties`, RULE);
  }
  if (Array.isArray(schema.required)) {
    for (const name of schema.required) {
      if (typeof name === 'string' && !(name in value)) problems.error(name, undefined, 'is required', RULE);
    }
  }
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  for (const [name, v] of Object.entries(value)) {
    if (Object.prototype.hasOwnProperty.call(properties, name)) validateValue(properties[name], v, problems.at(name));
    else if (isPlainObject(schema.additionalProperties)) validateValue(schema.additionalProperties, v, problems.at(name));
    else if (schema.additionalProperties === false) problems.error(name, v, 'is not allowed: additionalProperties is false', RULE);
  }
}

function junctors(schema: any, value: unknown, problems: ProblemCollector): void {
  const passes = (s: any) => {
    const scratch = ProblemCollector.root();
    validateValue(s, value, scratch);
    return !scratch.hasErrors;
  };
  if (Array.isArray(schema.allOf)) schema.allOf.forEach((s: any) => validateValue(s, value, problems));
  if (Array.isArray(schema.anyOf) && schema.anyOf.length > 0 && !schema.anyOf.some(passes)) {
    problems.error('', value, `must validate against at least one schema of anyOf (${schema.anyOf.map(summary).join('; ')})`, RULE);
  }
  if (Array.isArray(schema.oneOf) && schema.oneOf.length > 0) {
    const n = schema.oneOf.filter(passes).length;
    if (n !== 1) problems.error('', value, `must validate against exactly one schema of oneOf, validates against ${n} (${schema.oneOf.map(summary).join('; ')})`, RULE);
  }
  if (isPlainObject(schema.not) && passes(schema.not)) {
    problems.error('', value, `must not validate against the schema in not (${summary(schema.not)})`, RULE);
  }
}

function summary(s: any): string {
  return JSON.stringify(s);
}
