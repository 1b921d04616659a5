import { re2CompileError } from '../engines';
import { ProblemCollector } from '../problem';
import { isPlainObject } from './json';

const RULE = 'apiextensions ValidateStructural';
const COMPLETE = 'apiextensions validateStructuralCompleteness';

type Level = 'root' | 'item' | 'field';

/**
 * A structural schema (apiextensions-apiserver v0.34 `pkg/apiserver/schema/validation.go` `ValidateStructural`):
 * every node typed (except int-or-string and preserve-unknown-fields), no `additionalProperties` at the root,
 * `apiVersion`/`kind`/`metadata` typed where a resource starts, embedded resources well formed, and the
 * `allOf`/`anyOf`/`oneOf`/`not` junctors holding value validations only (no types, defaults, descriptions or
 * extensions), each property and item they name also specified outside them (`complete.go`).
 */
export function validateStructural(root: any, problems: ProblemCollector): void {
  invariants(root, 'root', problems);
  completeness(root, root, problems, problems);
}

function invariants(s: any, lvl: Level, problems: ProblemCollector): void {
  if (!isPlainObject(s)) return;
  const type = s.type;
  if (type === 'array' && s.items === undefined) problems.error('items', undefined, 'must be specified for an array', RULE);
  if (isPlainObject(s.items)) invariants(s.items, 'item', problems.at('items'));
  if (isPlainObject(s.properties)) {
    for (const [k, v] of Object.entries(s.properties)) invariants(v, 'field', problems.at('properties', k));
  }
  if (s.additionalProperties !== undefined) {
    if (lvl === 'root') problems.error('additionalProperties', s.additionalProperties, 'must not be used at the root', RULE);
    if (isPlainObject(s.additionalProperties)) invariants(s.additionalProperties, 'field', problems.at('additionalProperties'));
  }
  const intOrString = s['x-kubernetes-int-or-string'] === true;
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = s['x-kubernetes-embedded-resource'] === true;
  if (intOrString && preserve) {
    problems.error('x-kubernetes-preserve-unknown-fields', true, 'must be false if x-kubernetes-int-or-string is true', RULE);
  }
  if (intOrString && embedded) {
    problems.error('x-kubernetes-embedded-resource', true, 'must be false if x-kubernetes-int-or-string is true', RULE);
  }
  valueValidation(s, isIntOrStringAnyOf(s.anyOf), isIntOrStringAllOf(s), lvl, problems);

  const checkMetadata = lvl === 'root' || embedded;
  if (embedded && type !== 'object') {
    problems.error('type', type, 'must be object if x-kubernetes-embedded-resource is true', RULE);
  } else if ((type === undefined || type === '') && !intOrString && !preserve) {
    const where = { root: 'at the root', item: 'for specified array items', field: 'for specified object fields' }[lvl];
    problems.error('type', type, `must not be empty ${where} (one of object, array, string, integer, number, boolean; only x-kubernetes-int-or-string and x-kubernetes-preserve-unknown-fields nodes may omit it)`, RULE);
  }
  if (embedded && s.additionalProperties !== undefined) {
    problems.error('additionalProperties', s.additionalProperties, 'must not be used if x-kubernetes-embedded-resource is set', RULE);
  }
  if (lvl === 'root' && type !== undefined && type !== 'object') problems.error('type', type, 'must be object at the root', RULE);
  const props = isPlainObject(s.properties) ? s.properties : {};
  if (checkMetadata) {
    for (const k of ['kind', 'apiVersion']) {
      if (k in props && props[k]?.type !== 'string') problems.at('properties', k).error('type', props[k]?.type, 'must be string', RULE);
    }
  }
  if ('metadata' in props) metadataInvariants(props.metadata, checkMetadata, lvl, problems.at('properties', 'metadata'));
  if (embedded && !preserve && Object.keys(props).length === 0) {
    problems.error('properties', s.properties, 'must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields', RULE);
  }
}

/** `validateStructuralMetadataInvariants`: metadata is an object; at the root only name and generateName may be restricted. */
function metadataInvariants(s: any, checkMetadata: boolean, lvl: Level, problems: ProblemCollector): void {
  if (checkMetadata && s?.type !== 'object') problems.error('type', s?.type, 'must be object', RULE);
  if (lvl !== 'root' || !isPlainObject(s)) return;
  const rest = Object.keys(s).filter(k => k !== 'type' && k !== 'default' && k !== 'properties');
  const props = isPlainObject(s.properties) ? Object.keys(s.properties) : [];
  const onlyNames = props.every(p => p === 'name' || p === 'generateName');
  if (rest.length > 0 || !onlyNames) {
    problems.error('', s, 'must not specify anything other than name and generateName, but metadata is implicitly specified', RULE);
  }
}

const FORBIDDEN_IN_JUNCTORS: Array<[string, string]> = [
  ['type', 'must be empty to be structural'],
  ['default', 'must be undefined to be structural'],
  ['title', 'must be empty to be structural'],
  ['description', 'must be empty to be structural'],
  ['nullable', 'must be false to be structural'],
  ['x-kubernetes-preserve-unknown-fields', 'must be false to be structural'],
  ['x-kubernetes-embedded-resource', 'must be false to be structural'],
  ['x-kubernetes-int-or-string', 'must be false to be structural'],
  ['x-kubernetes-list-map-keys', 'must be empty to be structural'],
  ['x-kubernetes-list-type', 'must be undefined to be structural'],
  ['x-kubernetes-map-type', 'must be undefined to be structural'],
  ['x-kubernetes-validations', 'must be empty to be structural'],
  ['additionalProperties', 'must be undefined to be structural'],
];

/** `validateValueValidation`: the junctors' contents, and the pattern compiling with Go's (RE2) regexp package. */
function valueValidation(v: any, skipAnyOf: boolean, skipFirstAllOfAnyOf: boolean, lvl: Level, problems: ProblemCollector): void {
  if (!skipAnyOf && Array.isArray(v.anyOf)) v.anyOf.forEach((x: any, i: number) => nestedValueValidation(x, false, lvl, problems.at('anyOf', i)));
  if (Array.isArray(v.allOf)) v.allOf.forEach((x: any, i: number) => nestedValueValidation(x, skipFirstAllOfAnyOf && i === 0, lvl, problems.at('allOf', i)));
  if (Array.isArray(v.oneOf)) v.oneOf.forEach((x: any, i: number) => nestedValueValidation(x, false, lvl, problems.at('oneOf', i)));
  if (v.not !== undefined) nestedValueValidation(v.not, false, lvl, problems.at('not'));
  if (typeof v.pattern === 'string' && v.pattern.length > 0) {
    const error = re2CompileError(v.pattern);
    if (error) problems.error('pattern', v.pattern, `must be a valid regular expression (RE2, as Go's regexp compiles it), but isn't: ${error}`, RULE);
  }
}

function nestedValueValidation(v: any, skipAnyOf: boolean, lvl: Level, problems: ProblemCollector): void {
  if (!isPlainObject(v)) return;
  valueValidation(v, skipAnyOf, false, lvl, problems);
  if (isPlainObject(v.items)) nestedValueValidation(v.items, false, lvl, problems.at('items'));
  if (isPlainObject(v.properties)) {
    for (const [k, f] of Object.entries(v.properties)) nestedValueValidation(f, false, 'field', problems.at('properties', k));
  }
  for (const [key, message] of FORBIDDEN_IN_JUNCTORS) {
    const x = v[key];
    if (x === undefined || x === false || x === '' || (Array.isArray(x) && x.length === 0)) continue;
    problems.error(key, x, message, RULE);
  }
  if (isPlainObject(v.properties) && 'metadata' in v.properties) {
    problems.at('properties', 'metadata').error('', v.properties.metadata, 'must not be specified in a nested context', RULE);
  }
}

/** Whether `anyOf` is the int-or-string pattern `[{type: integer}, {type: string}]`. */
export function isIntOrStringAnyOf(anyOf: unknown): boolean {
  return Array.isArray(anyOf) && anyOf.length === 2
    && isPlainObject(anyOf[0]) && Object.keys(anyOf[0]).join() === 'type' && anyOf[0].type === 'integer'
    && isPlainObject(anyOf[1]) && Object.keys(anyOf[1]).join() === 'type' && anyOf[1].type === 'string';
}

/** The documented `allOf: [{anyOf: [{type: integer}, {type: string}]}, …]` int-or-string form. */
function isIntOrStringAllOf(s: any): boolean {
  return Array.isArray(s.allOf) && s.allOf.length >= 1 && isIntOrStringAnyOf(s.allOf[0]?.anyOf);
}

/** `validateStructuralCompleteness`: what the root's junctors name exists outside the junctors (upstream checks the root's only). */
function completeness(v: any, s: any, sPath: ProblemCollector, vPath: ProblemCollector): void {
  if (!isPlainObject(v)) return;
  if (!isPlainObject(s)) return;
  const visit = (x: any, at: ProblemCollector) => nestedCompleteness(x, s, sPath, at);
  if (v.not !== undefined) visit(v.not, vPath.at('not'));
  for (const j of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(v[j])) v[j].forEach((x: any, i: number) => visit(x, vPath.at(j, i)));
  }
}

function nestedCompleteness(v: any, s: any, sPath: ProblemCollector, vPath: ProblemCollector): void {
  if (!isPlainObject(v)) return;
  if (!isPlainObject(s)) return;
  completeness(v, s, sPath, vPath);
  if (v.items !== undefined) {
    if (!isPlainObject(s.items)) sPath.error('items', undefined, 'must be specified because a value validation (allOf/anyOf/oneOf/not) defines items', COMPLETE);
    else nestedCompleteness(v.items, s.items, sPath.at('items'), vPath.at('items'));
  }
  if (isPlainObject(v.properties)) {
    for (const [k, f] of Object.entries(v.properties)) {
      const sf = isPlainObject(s.properties) ? s.properties[k] : undefined;
      if (sf === undefined) {
        sPath.at('properties', k).error('', undefined, 'must be specified because a value validation (allOf/anyOf/oneOf/not) defines it: junctors may only restrict fields the schema has', COMPLETE);
      } else {
        nestedCompleteness(f, sf, sPath.at('properties', k), vPath.at('properties', k));
      }
    }
  }
}
