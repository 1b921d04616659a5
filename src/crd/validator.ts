import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { describeValue } from '../common';
import { NUMBER_FORMATS, STRING_FORMATS } from './formats';

/**
 * One way a value breaks a schema: where (a dotted path from the value's root), the value found there,
 * and the rule broken, e.g. `spec.schedule`, `42`, `must be string (schema type)`.
 */
export interface SchemaProblem {
  readonly path: string;
  readonly value: unknown;
  readonly message: string;
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/**
 * Validates a value against a structural schema node the way the API server does before storing it:
 * defaults applied first, unknown fields refused (the server would prune them silently), formats checked.
 * CEL rules (`x-kubernetes-validations`) are not evaluated.
 *
 * @param root whether `node` is a resource's root schema (apiVersion, kind and metadata are then implied)
 */
export function validateAgainst(node: any, value: unknown, root: boolean): SchemaProblem[] {
  const validate = compile(toJsonSchema(node, root ? 'resource' : 'node'));
  const data = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  if (validate(data)) return [];
  return describeErrors(validate.errors ?? [], data);
}

/** Joins a property to a dotted path, quoting names that are not plain identifiers. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

function compile(schema: any): ValidateFunction {
  const key = JSON.stringify(schema);
  let fn = compiled.get(key);
  if (!fn) {
    fn = validator().compile(schema);
    compiled.set(key, fn);
  }
  return fn;
}

function validator(): Ajv {
  if (!ajv) {
    // loaded on first use: ajv is a fifth of the library's load time, and most apps validate no instance
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const AjvClass: typeof Ajv = require('ajv').default;
    // RE2 patterns (`\-` outside a class) are not valid unicode-mode JavaScript, so patterns compile without `u`
    ajv = new AjvClass({ allErrors: true, strict: false, useDefaults: true, unicodeRegExp: false });
    for (const [name, check] of Object.entries(STRING_FORMATS)) {
      ajv.addFormat(name, { type: 'string', validate: check });
    }
    for (const name of new Set(Object.values(NUMBER_FORMATS).flat())) {
      ajv.addFormat(name, { type: 'number', validate: () => true });
    }
  }
  return ajv;
}

const DROPPED = new Set(['description', 'title', 'example', 'externalDocs', 'nullable', 'anyOf']);

/**
 * A structural schema node as JSON Schema for ajv: Kubernetes extensions mapped to what they mean,
 * OpenAPI v3.0 boolean `exclusiveMinimum`/`exclusiveMaximum` mapped to draft-07 numbers.
 */
function toJsonSchema(node: any, level: 'resource' | 'embedded' | 'node'): any {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return {};
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('x-kubernetes-') || DROPPED.has(k)) continue;
    if (k === 'properties') {
      out.properties = Object.fromEntries(Object.entries(v as object).map(([name, child]) => [name, toJsonSchema(child, 'node')]));
    } else if (k === 'items' || k === 'additionalProperties') {
      out[k] = toJsonSchema(v, 'node');
    } else if (k === 'exclusiveMinimum' || k === 'exclusiveMaximum') {
      const bound = k === 'exclusiveMinimum' ? 'minimum' : 'maximum';
      if (v === true && typeof node[bound] === 'number') out[k] = node[bound];
    } else {
      out[k] = v;
    }
  }
  if (out.exclusiveMinimum !== undefined) delete out.minimum;
  if (out.exclusiveMaximum !== undefined) delete out.maximum;

  if (node['x-kubernetes-int-or-string']) out.type = ['integer', 'string'];
  if (node.nullable && out.type !== undefined) out.type = [...[out.type].flat(), 'null'];

  const meta = level === 'resource' || node['x-kubernetes-embedded-resource'];
  if (meta && node.type === 'object') {
    // a schema may restrict metadata.name and generateName; the rest of metadata is the server's
    const { additionalProperties, ...metadata } = out.properties?.metadata ?? { type: 'object' };
    out.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, ...out.properties, metadata };
  }
  // the API server prunes fields a non-preserving object does not list: refuse them instead of losing them
  if (node.type === 'object' && node.additionalProperties === undefined && !node['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

function describeErrors(errors: readonly ErrorObject[], data: unknown): SchemaProblem[] {
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const e of errors) {
    const segments = e.instancePath.split('/').slice(1).map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let value = valueAt(data, segments);
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      segments.push(e.params.missingProperty);
      value = undefined;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      segments.push(e.params.additionalProperty);
      value = valueAt(data, segments);
      message = 'is not in the schema (the API server would prune it)';
    } else if (e.keyword === 'enum') {
      message = `must be one of ${(e.params.allowedValues as unknown[]).map(describeValue).join(', ')}`;
    } else if (e.keyword === 'type') {
      message = `must be ${[e.params.type].flat().join(' or ')}`;
    }
    let path = '';
    let cursor: any = data;
    for (const s of segments) {
      path = childPath(path, Array.isArray(cursor) ? Number(s) : s);
      cursor = cursor?.[s];
    }
    const problem = { path: path || '(root)', value, message: `${message} (schema ${e.keyword})` };
    const key = `${problem.path} ${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let cursor: any = data;
  for (const s of segments) cursor = cursor?.[s];
  return cursor;
}
