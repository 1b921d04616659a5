import { re2Problem } from '../common';
import { NUMBER_FORMATS, STRING_FORMATS } from './formats';
import { childPath, SchemaProblem, validateAgainst } from './validator';

/**
 * The checks the API server makes on a CRD version's `openAPIV3Schema` (structural schema, value
 * validation, defaults, CEL rule syntax), so that a schema it would reject is refused at synth.
 * Paths are prop paths below `path` (e.g. `versions[0].schema.properties.spec.type`).
 */
export function checkStructuralSchema(root: any, path: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  walk(root, path, 'root', problems);
  return problems;
}

type Level = 'root' | 'field' | 'item' | 'value';

const TYPES = ['object', 'array', 'string', 'integer', 'number', 'boolean'];
const GENERIC = ['type', 'description', 'title', 'default', 'nullable', 'enum', 'example', 'externalDocs',
  'x-kubernetes-validations', 'x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields', 'anyOf'];
const BY_TYPE: Record<string, string[]> = {
  object: ['properties', 'required', 'additionalProperties', 'minProperties', 'maxProperties',
    'x-kubernetes-map-type', 'x-kubernetes-embedded-resource'],
  array: ['items', 'minItems', 'maxItems', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys'],
  string: ['format', 'pattern', 'minLength', 'maxLength'],
  integer: ['format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  number: ['format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  boolean: [],
};
const ALL_KEYWORDS = new Set([...GENERIC, ...Object.values(BY_TYPE).flat()]);
const REASONS = ['FieldValueInvalid', 'FieldValueForbidden', 'FieldValueRequired', 'FieldValueDuplicate'];

function walk(node: any, path: string, level: Level, problems: SchemaProblem[]): void {
  const add = (at: string, value: unknown, message: string) => problems.push({ path: at, value, message });
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    add(path, node, 'must be a schema object (use the Schema factories)');
    return;
  }
  const intOrString = node['x-kubernetes-int-or-string'] === true;
  const preserve = node['x-kubernetes-preserve-unknown-fields'];
  const type = node.type;

  for (const key of Object.keys(node)) {
    if (!ALL_KEYWORDS.has(key)) {
      add(childPath(path, key), node[key], `is not supported in a structural schema; allowed keywords: ${[...ALL_KEYWORDS].sort().join(', ')}`);
    } else if (typeof type === 'string' && BY_TYPE[type] && !GENERIC.includes(key) && !BY_TYPE[type].includes(key)) {
      add(childPath(path, key), node[key], `does not apply to type "${type}"; it applies to ${typesOf(key).join(', ')}`);
    }
  }

  // every node is typed, except int-or-string and preserve-unknown-fields nodes
  if (type === undefined) {
    if (!intOrString && preserve !== true) {
      const where = { root: 'at the root', field: 'for an object field', item: 'for array items', value: 'for map values' }[level];
      add(childPath(path, 'type'), type, `must be set ${where} (structural schema): one of ${TYPES.join(', ')}, unless the node is Schema.intOrString() or Schema.preserveUnknownFields()`);
    }
  } else if (!TYPES.includes(type)) {
    add(childPath(path, 'type'), type, `must be one of ${TYPES.join(', ')} (use nullable instead of "null")`);
  }
  if (level === 'root' && type !== undefined && type !== 'object') add(childPath(path, 'type'), type, 'must be "object" at the root');
  if (level === 'root' && node.nullable) add(childPath(path, 'nullable'), node.nullable, 'must not be set at the root');

  if (intOrString) {
    if (type !== undefined) add(childPath(path, 'type'), type, 'must be empty with x-kubernetes-int-or-string (use Schema.intOrString())');
    if (preserve !== undefined) add(childPath(path, 'x-kubernetes-preserve-unknown-fields'), preserve, 'must not be set with x-kubernetes-int-or-string');
  }
  if (node.anyOf !== undefined && !(intOrString && isIntOrStringAnyOf(node.anyOf))) {
    add(childPath(path, 'anyOf'), node.anyOf, 'is only supported as the x-kubernetes-int-or-string pattern [{type: integer}, {type: string}]; express other alternatives with CEL validations');
  }
  if (preserve !== undefined && preserve !== true) {
    add(childPath(path, 'x-kubernetes-preserve-unknown-fields'), preserve, 'must be true or unset');
  }

  checkObject(node, path, level, problems);
  checkArray(node, path, problems);
  checkScalar(node, path, problems);
  checkRules(node, path, problems);
  checkValues(node, path, level, problems);
}

function checkObject(node: any, path: string, level: Level, problems: SchemaProblem[]): void {
  const add = (at: string, value: unknown, message: string) => problems.push({ path: at, value, message });
  const { properties, additionalProperties, required } = node;
  if (properties !== undefined) {
    if (!isPlainObject(properties)) {
      add(childPath(path, 'properties'), properties, 'must be a map of field names to schemas');
    } else {
      for (const [name, child] of Object.entries(properties)) {
        const at = childPath(childPath(path, 'properties'), name);
        if (level === 'root' && (name === 'apiVersion' || name === 'kind') && (child as any)?.type !== 'string') {
          add(childPath(at, 'type'), (child as any)?.type, 'must be "string"');
        } else if (level === 'root' && name === 'metadata') {
          checkMetadata(child, at, problems);
          continue;
        } else if (level !== 'root' && name === 'metadata' && node['x-kubernetes-embedded-resource']) {
          continue;
        }
        walk(child, at, 'field', problems);
      }
    }
  }
  if (additionalProperties !== undefined) {
    const at = childPath(path, 'additionalProperties');
    if (level === 'root') {
      add(at, additionalProperties, 'must not be used at the root');
    } else if (properties !== undefined && Object.keys(properties ?? {}).length > 0) {
      add(at, additionalProperties, 'and properties are mutually exclusive (structural schema): use properties for a struct, Schema.map() for a map');
    } else if (typeof additionalProperties === 'boolean') {
      add(at, additionalProperties, 'must be a schema: use Schema.map(values) for a map or Schema.preserveUnknownFields() for free-form data');
    } else {
      walk(additionalProperties, at, 'value', problems);
    }
  }
  if (required !== undefined) {
    const at = childPath(path, 'required');
    if (!Array.isArray(required) || required.some(r => typeof r !== 'string')) {
      add(at, required, 'must be a list of field names');
    } else {
      const known = Object.keys(isPlainObject(properties) ? properties : {});
      required.forEach((name, i) => {
        if (!known.includes(name) && node['x-kubernetes-preserve-unknown-fields'] !== true) {
          add(childPath(at, i), name, `must name one of the properties (${known.map(k => JSON.stringify(k)).join(', ') || 'none'}): a field the schema does not list is pruned, so it could never be present`);
        } else if (required.indexOf(name) !== i) {
          add(childPath(at, i), name, 'is listed twice');
        }
      });
    }
  }
  checkRange(node, path, 'minProperties', 'maxProperties', problems);
  const mapType = node['x-kubernetes-map-type'];
  if (mapType !== undefined && mapType !== 'atomic' && mapType !== 'granular') {
    add(childPath(path, 'x-kubernetes-map-type'), mapType, 'must be "atomic" or "granular"');
  }
}

function checkMetadata(node: any, path: string, problems: SchemaProblem[]): void {
  const props = isPlainObject(node?.properties) ? Object.keys(node.properties) : [];
  const extra = Object.keys(isPlainObject(node) ? node : {}).filter(k => k !== 'type' && k !== 'properties');
  if (!isPlainObject(node) || node.type !== 'object' || extra.length > 0 || props.some(p => p !== 'name' && p !== 'generateName')) {
    problems.push({ path, value: node, message: 'may only restrict name and generateName ({type: "object", properties: {name, generateName}}); the API server owns the rest of metadata' });
    return;
  }
  for (const p of props) walk(node.properties[p], childPath(childPath(path, 'properties'), p), 'field', problems);
}

function checkArray(node: any, path: string, problems: SchemaProblem[]): void {
  const add = (at: string, value: unknown, message: string) => problems.push({ path: at, value, message });
  if (node.type === 'array') {
    if (node.items === undefined) add(childPath(path, 'items'), undefined, 'must be set for an array (structural schema): the schema of every item');
    else if (Array.isArray(node.items)) add(childPath(path, 'items'), node.items, 'must be one schema, not a list');
    else walk(node.items, childPath(path, 'items'), 'item', problems);
  }
  checkRange(node, path, 'minItems', 'maxItems', problems);
  const listType = node['x-kubernetes-list-type'];
  const keys = node['x-kubernetes-list-map-keys'];
  if (listType !== undefined && !['atomic', 'set', 'map'].includes(listType)) {
    add(childPath(path, 'x-kubernetes-list-type'), listType, 'must be "atomic", "set" or "map"');
  }
  if (keys !== undefined && listType !== 'map') {
    add(childPath(path, 'x-kubernetes-list-map-keys'), keys, 'needs listType ListType.MAP');
  }
  if (listType === 'map') {
    const item = node.items;
    const at = childPath(path, 'x-kubernetes-list-map-keys');
    if (!Array.isArray(keys) || keys.length === 0) {
      add(at, keys, 'must name at least one item field when listType is ListType.MAP');
    } else if (item?.type !== 'object') {
      add(childPath(path, 'items'), item?.type, 'must be an object schema when listType is ListType.MAP');
    } else {
      for (const k of keys) {
        const field = item.properties?.[k];
        if (!field || field.type === 'object' || field.type === 'array') {
          add(at, k, 'must name scalar fields of the items');
        } else if (!(item.required ?? []).includes(k) && field.default === undefined) {
          add(at, k, 'must name fields that are required or have a default');
        }
      }
    }
  }
}

function checkScalar(node: any, path: string, problems: SchemaProblem[]): void {
  const add = (at: string, value: unknown, message: string) => problems.push({ path: at, value, message });
  const format = node.format;
  if (format !== undefined) {
    const allowed = node.type === 'string' ? Object.keys(STRING_FORMATS) : NUMBER_FORMATS[node.type] ?? [];
    if (!allowed.includes(format)) {
      add(childPath(path, 'format'), format, `is not a format the API server knows for type "${node.type}" (it would ignore it); one of ${allowed.join(', ')}`);
    }
  }
  if (node.pattern !== undefined) {
    const at = childPath(path, 'pattern');
    if (typeof node.pattern !== 'string') {
      add(at, node.pattern, 'must be a regular expression string');
    } else {
      const problem = re2Problem(node.pattern);
      if (problem) add(at, node.pattern, `must be a regular expression the API server's RE2 engine runs: ${problem}`);
    }
  }
  checkRange(node, path, 'minLength', 'maxLength', problems);
  for (const bound of ['minimum', 'maximum', 'multipleOf']) {
    if (node[bound] !== undefined && (typeof node[bound] !== 'number' || !Number.isFinite(node[bound]))) {
      add(childPath(path, bound), node[bound], 'must be a number');
    }
  }
  if (typeof node.minimum === 'number' && typeof node.maximum === 'number' && node.minimum > node.maximum) {
    add(childPath(path, 'minimum'), node.minimum, `must be <= 'maximum' (${node.maximum})`);
  }
  if (typeof node.multipleOf === 'number' && node.multipleOf <= 0) add(childPath(path, 'multipleOf'), node.multipleOf, 'must be > 0');
  for (const flag of ['exclusiveMinimum', 'exclusiveMaximum']) {
    if (node[flag] !== undefined && typeof node[flag] !== 'boolean') {
      add(childPath(path, flag), node[flag], `must be a boolean (OpenAPI v3.0: it makes '${flag === 'exclusiveMinimum' ? 'minimum' : 'maximum'}' exclusive)`);
    }
  }
}

function checkRange(node: any, path: string, min: string, max: string, problems: SchemaProblem[]): void {
  for (const key of [min, max]) {
    if (node[key] !== undefined && !(Number.isInteger(node[key]) && node[key] >= 0)) {
      problems.push({ path: childPath(path, key), value: node[key], message: 'must be an integer >= 0' });
    }
  }
  if (Number.isInteger(node[min]) && Number.isInteger(node[max]) && node[min] > node[max]) {
    problems.push({ path: childPath(path, min), value: node[min], message: `must be <= '${max}' (${node[max]})` });
  }
}

function checkRules(node: any, path: string, problems: SchemaProblem[]): void {
  const rules = node['x-kubernetes-validations'];
  if (rules === undefined) return;
  const at = childPath(path, 'x-kubernetes-validations');
  if (!Array.isArray(rules)) {
    problems.push({ path: at, value: rules, message: 'must be a list of {rule, message}' });
    return;
  }
  rules.forEach((r: any, i: number) => {
    const add = (key: string, value: unknown, message: string) => problems.push({ path: childPath(childPath(at, i), key), value, message });
    if (typeof r?.rule !== 'string' || r.rule.trim() === '') {
      add('rule', r?.rule, 'must be a non-empty CEL expression');
      return;
    }
    const message = typeof r.message === 'string' ? r.message.trim() : r.message;
    if (r.message !== undefined && (typeof message !== 'string' || message === '')) {
      add('message', r.message, 'must be non-empty if set');
    } else if (typeof message === 'string' && /[\r\n]/.test(message)) {
      add('message', r.message, 'must not contain line breaks');
    } else if (/[\r\n]/.test(r.rule.trim()) && r.message === undefined && r.messageExpression === undefined) {
      add('message', undefined, 'must be set when the rule spans several lines');
    }
    if (r.messageExpression !== undefined && (typeof r.messageExpression !== 'string' || r.messageExpression.trim() === '')) {
      add('messageExpression', r.messageExpression, 'must be non-empty if set');
    }
    if (r.reason !== undefined && !REASONS.includes(r.reason)) add('reason', r.reason, `must be one of ${REASONS.join(', ')}`);
    if (r.fieldPath !== undefined && (typeof r.fieldPath !== 'string' || r.fieldPath.trim() === '' || /[\r\n]/.test(r.fieldPath))) {
      add('fieldPath', r.fieldPath, 'must be a non-empty single-line path such as ".spec.replicas"');
    }
    const unknown = Object.keys(r).filter(k => !['rule', 'message', 'messageExpression', 'reason', 'fieldPath', 'optionalOldSelf'].includes(k));
    if (unknown.length > 0) add(unknown[0], r[unknown[0]], 'is not a field of a validation rule (rule, message, messageExpression, reason, fieldPath, optionalOldSelf)');
  });
}

/** `enum` values and `default` must themselves be valid against the node (the server checks defaults). */
function checkValues(node: any, path: string, level: Level, problems: SchemaProblem[]): void {
  const own = { ...node };
  delete own.default;
  delete own.enum;
  if (node.enum !== undefined) {
    if (!Array.isArray(node.enum) || node.enum.length === 0) {
      problems.push({ path: childPath(path, 'enum'), value: node.enum, message: 'must be a non-empty list' });
    } else {
      node.enum.forEach((v: unknown, i: number) => {
        for (const p of validateAgainst(own, v, false)) {
          problems.push({ path: childPath(childPath(path, 'enum'), i), value: v, message: p.message });
        }
      });
    }
  }
  if (!('default' in node)) return;
  const at = childPath(path, 'default');
  if (level === 'root') {
    problems.push({ path: at, value: node.default, message: 'must not be set at the root' });
  } else if (node.default === null) {
    problems.push({ path: at, value: null, message: 'must not be null (cdk8s drops null values; leave the default out)' });
  } else {
    const withoutDefault = { ...node };
    delete withoutDefault.default;
    for (const p of validateAgainst(withoutDefault, node.default, false)) {
      problems.push({ path: at, value: node.default, message: `must be valid against its own schema: ${p.path === '(root)' ? '' : `${p.path} `}${p.message}` });
    }
  }
}

function isIntOrStringAnyOf(anyOf: any): boolean {
  return Array.isArray(anyOf) && anyOf.length === 2
    && JSON.stringify(anyOf[0]) === '{"type":"integer"}' && JSON.stringify(anyOf[1]) === '{"type":"string"}';
}

function typesOf(key: string): string[] {
  return Object.entries(BY_TYPE).filter(([, keys]) => keys.includes(key)).map(([t]) => t);
}

function isPlainObject(x: unknown): x is Record<string, any> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/**
 * The schema node a simple JSON path (`.spec.replicas`, `.status.conditions[?(@.type=="Ready")].status`,
 * `.metadata.name`) leads to, or why there is none. Metadata paths resolve to what ObjectMeta holds.
 */
export function resolveJsonPath(root: any, jsonPath: string): { node?: any; error?: string } {
  if (!jsonPath.startsWith('.')) return { error: 'must start with "."' };
  const steps: Array<{ key?: string; index?: boolean }> = [];
  const re = /\.([^.[\]]+)|\[\s*(?:'([^']*)'|"([^"]*)")\s*\]|\[([^\]]*)\]/g;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(jsonPath)) !== null) {
    if (m.index !== pos) return { error: `cannot be parsed at "${jsonPath.slice(pos)}"` };
    pos = re.lastIndex;
    if (m[1] !== undefined || m[2] !== undefined || m[3] !== undefined) steps.push({ key: m[1] ?? m[2] ?? m[3] });
    else steps.push({ index: true });
  }
  if (pos !== jsonPath.length || steps.length === 0) return { error: `cannot be parsed at "${jsonPath.slice(pos)}"` };

  if (steps[0].key === 'metadata') {
    const field = steps[1]?.key;
    return field && OBJECT_META[field] ? { node: OBJECT_META[field] } : { error: `must name an ObjectMeta field after .metadata (${Object.keys(OBJECT_META).join(', ')})` };
  }
  if (steps.length === 1 && (steps[0].key === 'apiVersion' || steps[0].key === 'kind')) return { node: { type: 'string' } };

  let node = root;
  let walked = '';
  for (const step of steps) {
    if (node?.['x-kubernetes-preserve-unknown-fields'] === true && !node.properties?.[step.key ?? '']) return { node: {} };
    if (step.index) {
      if (node?.type !== 'array') return { error: `indexes ${walked || 'the root'}, which is not an array in the schema` };
      node = node.items;
      walked += '[]';
      continue;
    }
    const next = node?.properties?.[step.key!] ?? (isPlainObject(node?.additionalProperties) ? node.additionalProperties : undefined);
    walked += `.${step.key}`;
    if (next === undefined) return { error: `does not exist in the schema (no ${walked})` };
    node = next;
  }
  return { node };
}

const OBJECT_META: Record<string, any> = {
  name: { type: 'string' },
  generateName: { type: 'string' },
  namespace: { type: 'string' },
  uid: { type: 'string' },
  resourceVersion: { type: 'string' },
  generation: { type: 'integer' },
  creationTimestamp: { type: 'string', format: 'date-time' },
  deletionTimestamp: { type: 'string', format: 'date-time' },
  deletionGracePeriodSeconds: { type: 'integer' },
  labels: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true },
  annotations: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true },
  ownerReferences: { type: 'array', items: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true } },
  finalizers: { type: 'array', items: { type: 'string' } },
  managedFields: { type: 'array', items: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true } },
};
