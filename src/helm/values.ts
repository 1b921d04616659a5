/**
 * The umbrella's values.yaml and the JSON schema describing the values it accepts, built from the subcharts'
 * conditions, tags and default values.
 */

/** What one subchart contributes to the umbrella's values. */
export interface SubchartValues {
  readonly name: string;
  /** Dotted path of the condition value. */
  readonly condition: string;
  /** The condition's default; undefined leaves it unset so the subchart's tags decide (Helm: a set condition overrides tags). */
  readonly enabled?: boolean;
  readonly tags: readonly string[];
  readonly values: Record<string, unknown>;
  /** The defaults of the values bound in the subchart (a nested mapping). */
  readonly bound?: Record<string, unknown>;
  /** Their schema (properties of an object schema). */
  readonly boundSchema?: Record<string, unknown>;
}

/** The umbrella's default values and their schema. */
export interface UmbrellaValues {
  readonly values: Record<string, unknown>;
  readonly schema: Record<string, unknown>;
}

/** Thrown when two subcharts' conditions or values claim the same path; the caller turns it into a prop error. */
export class ValuesConflict extends Error {}

interface SchemaNode {
  type: 'object';
  additionalProperties: boolean;
  properties: Record<string, any>;
}

const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

/**
 * Values: `global: {}`, `tags.<tag>: true`, each subchart's condition set to its default and its values under
 * `<name>`. Schema: JSON Schema draft-07 with no unknown keys at the top level or directly under a subchart
 * (a typo in `--set` fails instead of being ignored); `global` and the content of object values are free-form.
 */
export function buildValues(subcharts: readonly SubchartValues[]): UmbrellaValues {
  const values: Record<string, unknown> = { global: {} };
  const schema = objectSchema({ global: { type: 'object' } });
  const owners = new Map<string, string>();

  if (subcharts.some(s => s.tags.length > 0)) {
    values.tags = {};
    schema.properties.tags = objectSchema({});
  }
  for (const sub of subcharts) {
    if (!schema.properties[sub.name]) {
      // Helm copies `global` into every subchart's values before it validates them
      schema.properties[sub.name] = objectSchema({ global: { type: 'object' } });
    }
    for (const tag of sub.tags) {
      (values.tags as Record<string, unknown>)[tag] = true;
      schema.properties.tags.properties[tag] = { type: 'boolean' };
    }
    const conditionPath = sub.condition.split('.');
    if (sub.enabled !== undefined) setValue(values, conditionPath, sub.enabled, owners, `the condition of subchart "${sub.name}"`);
    setSchema(schema, conditionPath, { type: 'boolean' });
    for (const [key, value] of Object.entries(sub.values)) {
      setValue(values, [sub.name, key], value, owners, `a value of subchart "${sub.name}"`);
      setSchema(schema, [sub.name, key], schemaFor(value));
    }
    for (const [key, value] of Object.entries(sub.bound ?? {})) {
      setValue(values, [sub.name, key], value, owners, `a bound value of subchart "${sub.name}"`);
      setSchema(schema, [sub.name, key], (sub.boundSchema ?? {})[key] as Record<string, unknown>);
    }
  }
  // a subchart switched by its tags leaves its condition unset; a boolean there (another subchart's condition
  // or value) would override its tags
  for (const sub of subcharts.filter(s => s.enabled === undefined)) {
    if (typeof valueAt(values, sub.condition.split('.')) === 'boolean') {
      throw new ValuesConflict(`${sub.condition}, the condition of subchart "${sub.name}", is set as ${owners.get(sub.condition)}: `
        + `Helm lets a set condition override the tags (${sub.tags.join(', ')}) that switch "${sub.name}"`);
    }
  }
  return { values, schema: { $schema: JSON_SCHEMA_DRAFT, ...schema } };
}

/**
 * The values.schema.json of a subchart with bound values: those values, the extra (unbound) ones, and the
 * keys Helm injects into a subchart's values (`global`, and `enabled` from the parent's condition).
 */
export function subchartSchema(extra: Record<string, unknown>, bound: Record<string, unknown>): Record<string, unknown> {
  const properties: Record<string, unknown> = { global: { type: 'object' }, enabled: { type: 'boolean' } };
  for (const [k, v] of Object.entries(extra)) properties[k] = schemaFor(v);
  Object.assign(properties, bound);
  return { $schema: JSON_SCHEMA_DRAFT, ...objectSchema(properties) };
}

function valueAt(root: Record<string, unknown>, path: string[]): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (!isPlainObject(node)) return undefined;
    node = node[segment];
  }
  return node;
}

function objectSchema(properties: Record<string, any>): SchemaNode {
  return { type: 'object', additionalProperties: false, properties };
}

function setValue(root: Record<string, unknown>, path: string[], value: unknown, owners: Map<string, string>, owner: string): void {
  let node = root;
  for (let i = 0; i < path.length - 1; i++) {
    const next = node[path[i]];
    if (next === undefined) {
      node = node[path[i]] = {};
    } else if (isPlainObject(next) && owners.get(path.slice(0, i + 1).join('.')) === undefined) {
      node = next;
    } else {
      throw new ValuesConflict(`${path.join('.')} is inside ${path.slice(0, i + 1).join('.')}, which is ${owners.get(path.slice(0, i + 1).join('.')) ?? 'not a mapping'}`);
    }
  }
  const key = path.join('.');
  const leaf = path[path.length - 1];
  if (leaf in node) {
    const previous = owners.get(key);
    // one condition may switch several subcharts, provided they agree on its default
    if (!(previous?.startsWith('the condition') && owner.startsWith('the condition') && node[leaf] === value)) {
      throw new ValuesConflict(`${key} is already ${previous ?? 'a mapping of other values'}`);
    }
  }
  node[leaf] = value;
  owners.set(key, owner);
}

function setSchema(root: SchemaNode, path: string[], leaf: Record<string, unknown>): void {
  let node = root;
  for (const [i, segment] of path.slice(0, -1).entries()) {
    node = node.properties[segment] ??= objectSchema({});
    if (!node.properties) throw new ValuesConflict(`${path.join('.')} is inside ${path.slice(0, i + 1).join('.')}, which is not a mapping`);
  }
  node.properties[path[path.length - 1]] = leaf;
}

function schemaFor(value: unknown): Record<string, unknown> {
  if (value === null) return {};
  if (Array.isArray(value)) return { type: 'array' };
  switch (typeof value) {
    case 'string': return { type: 'string' };
    case 'number': return { type: 'number' };
    case 'boolean': return { type: 'boolean' };
    default: return { type: 'object' };
  }
}

/** Whether a value is an object literal (not an array, not a class instance such as a cdk8s token). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The path (relative to `prop`) of the first part of `value` that is not JSON data, and why; undefined when it all is. */
export function nonJsonPart(value: unknown, prop: string): { prop: string; value: unknown } | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { prop, value };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = nonJsonPart(value[i], `${prop}[${i}]`);
      if (bad) return bad;
    }
    return undefined;
  }
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const bad = nonJsonPart(v, `${prop}${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`}`);
      if (bad) return bad;
    }
    return undefined;
  }
  return { prop, value: typeof value === 'function' ? `function ${value.name || '(anonymous)'}` : isObject(value) ? `${value.constructor?.name ?? 'class'} instance` : value };
}

function isObject(value: unknown): value is { constructor?: { name?: string } } {
  return typeof value === 'object' && value !== null;
}
