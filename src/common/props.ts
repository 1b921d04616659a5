import { Construct, IConstruct } from 'constructs';
import { propMessage } from './errors';

/**
 * `{ ...base, ...overrides }`, built with `Object.assign` instead of spread syntax. On Node 20 (V8 11) an
 * object literal that spreads and then adds keys gets a hidden class on which lookups of absent keys miss
 * V8's inline caches; cdk8s-plus probes dozens of absent props on every Deployment and Container it is
 * given, which made their construction two to three times slower.
 */
export function overlay<B extends object, O extends object>(base: B | undefined, overrides: O): B & O {
  return Object.assign({}, base, overrides);
}

/**
 * The jsii types of the public API as data (generated into `prop-types.ts` from the assembly): per entry
 * point (`Class.<init>`, `Class.method`) its parameters, per struct its fields (`name?:type` for optional
 * ones), per enum its values, per class or interface the public members a value must have.
 */
export interface PropTypeTable {
  readonly entries: Record<string, string[]>;
  readonly structs: Record<string, string[]>;
  readonly enums: Record<string, string[]>;
  readonly objects: Record<string, string[]>;
}

type PropType =
  | { readonly kind: 'string' | 'number' | 'boolean' | 'any' | 'date' }
  | { readonly kind: 'array' | 'map'; readonly element: PropType }
  | { readonly kind: 'union'; readonly types: PropType[] }
  | { readonly kind: 'ref'; readonly fqn: string };

interface Field {
  readonly name: string;
  readonly optional: boolean;
  readonly variadic: boolean;
  readonly type: PropType;
  /** In NON_EMPTY. */
  readonly nonEmpty: boolean;
  /** In SELF_CHECKED. */
  readonly selfChecked: boolean;
}

/** A refusal found by the checker: the prop path, the value and what is allowed. */
class PropTypeError {
  constructor(readonly prop: string, readonly value: unknown, readonly allowed: string) {}
}

/**
 * String fields (`<struct>#<field>`) and parameters (`<entry>#<param>`) whose empty string is never meaningful,
 * so `''` is refused like a missing value: an object's name and namespace (cdk8s would write `name: ""`, which
 * the apiserver refuses), a version's name, a header name.
 */
const NON_EMPTY = new Set([
  'cdk8s.ApiObjectMetadata#name',
  'cdk8s.ApiObjectMetadata#namespace',
  'cdk8s-patterns.CanaryVersionProps#name',
  'CanaryService.routeHeader#header',
]);

/**
 * Enums whose members the constructs check themselves, with a message that says what the value means (`must be
 * a kernel IPVS scheduler: …`) and together with the other problems of the same props (a CRD reports all its
 * problems at once). Every other enum, the library's and cdk8s-plus', is checked here.
 */
const DOMAIN_ENUMS = new Set([
  'cdk8s-patterns.ClientTlsMode',
  'cdk8s-patterns.CustomResourceScope',
  'cdk8s-patterns.IpvsExternalTrafficPolicy',
  'cdk8s-patterns.IpvsForwarding',
  'cdk8s-patterns.IpvsProtocol',
  'cdk8s-patterns.IpvsScheduler',
  'cdk8s-patterns.IpvsSchedulerFlag',
  'cdk8s-patterns.ListType',
  'cdk8s-patterns.PrinterColumnType',
  'cdk8s-patterns.ScalingPolicySelect',
  'cdk8s-patterns.ServiceProtocol',
  'cdk8s-patterns.ValidationReason',
]);

/**
 * Fields the construct checks as a whole, reporting every problem at once with the JSON path and the rule: a
 * custom resource's spec, against its CRD's schema.
 */
const SELF_CHECKED = new Set(['cdk8s-patterns.CustomResourceProps#spec']);

let table: PropTypeTable | undefined;
const parsedFields = { entries: new Map<string, Field[] | null>(), structs: new Map<string, Field[] | null>() };

function propTypes(): PropTypeTable {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  table ??= (require('./prop-types') as { PROP_TYPES: PropTypeTable }).PROP_TYPES;
  return table;
}

function fieldsOf(key: string, kind: 'entries' | 'structs'): Field[] | undefined {
  const cache = parsedFields[kind];
  let fields = cache.get(key);
  if (fields === undefined) {
    const raw = propTypes()[kind][key];
    fields = raw ? raw.map(f => parseField(key, f)) : null;
    cache.set(key, fields);
  }
  return fields ?? undefined;
}

function parseField(owner: string, s: string): Field {
  const colon = s.indexOf(':');
  let name = s.slice(0, colon);
  const variadic = name.startsWith('...');
  if (variadic) name = name.slice(3);
  const optional = name.endsWith('?');
  if (optional) name = name.slice(0, -1);
  const key = `${owner}#${name}`;
  return { name, optional, variadic, type: parseType(s.slice(colon + 1)), nonEmpty: NON_EMPTY.has(key), selfChecked: SELF_CHECKED.has(key) };
}

function parseType(s: string): PropType {
  const parts = splitTopLevel(s);
  if (parts.length > 1) return { kind: 'union', types: parts.map(parseType) };
  const generic = /^(array|map)<(.*)>$/.exec(s);
  if (generic) return { kind: generic[1] as 'array' | 'map', element: parseType(generic[2]) };
  if (s === 'string' || s === 'number' || s === 'boolean' || s === 'any' || s === 'date') return { kind: s };
  return { kind: 'ref', fqn: s };
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '<') {
      depth++;
    } else if (s[i] === '>') {
      depth--;
    } else if (s[i] === '|' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function shortName(fqn: string): string {
  return fqn.slice(fqn.lastIndexOf('.') + 1);
}

/** What a type allows, for a message. */
function describeType(t: PropType): string {
  switch (t.kind) {
    case 'string': return 'a string';
    case 'number': return 'a finite number';
    case 'boolean': return 'true or false';
    case 'any': return 'any value';
    case 'date': return 'a Date';
    case 'array': return `a list of ${plural(t.element)}`;
    case 'map': return `a map of ${plural(t.element)}`;
    case 'union': return t.types.map(describeType).join(' or ');
    case 'ref': {
      const values = propTypes().enums[t.fqn];
      if (values) return `one of ${values.map(v => JSON.stringify(v)).join(', ')} (${shortName(t.fqn)})`;
      if (propTypes().structs[t.fqn]) return `an object (${shortName(t.fqn)})`;
      return `a ${shortName(t.fqn)}`;
    }
  }
}

/** What a type allows, for the elements of a list or map. */
function plural(t: PropType): string {
  switch (t.kind) {
    case 'string': return 'strings';
    case 'number': return 'finite numbers';
    case 'boolean': return 'true or false values';
    case 'array': return `lists of ${plural(t.element)}`;
    case 'map': return `maps of ${plural(t.element)}`;
    case 'ref': {
      const values = propTypes().enums[t.fqn];
      if (values) return `values from ${values.map(v => JSON.stringify(v)).join(', ')} (${shortName(t.fqn)})`;
      if (propTypes().structs[t.fqn]) return `objects (${shortName(t.fqn)})`;
      return `${shortName(t.fqn)} objects`;
    }
    default: return describeType(t);
  }
}

function isObjectLike(v: unknown): v is Record<string, unknown> {
  return (typeof v === 'object' && v !== null && !Array.isArray(v)) || typeof v === 'function';
}

function mismatch(value: unknown, t: PropType, prop: string, optional: boolean): PropTypeError {
  return new PropTypeError(prop, value, `must be ${describeType(t)}${optional ? ' or left out' : ''}`);
}

function checkValue(value: unknown, t: PropType, prop: string, optional: boolean, nonEmpty = false): void {
  if (value === undefined) {
    if (optional) return;
    throw new PropTypeError(prop, value, `must be set: ${describeType(t)}`);
  }
  if (value === null && t.kind !== 'any') throw mismatch(value, t, prop, optional);
  switch (t.kind) {
    case 'any': return;
    case 'string':
      if (typeof value !== 'string') throw mismatch(value, t, prop, optional);
      if (value === '' && nonEmpty) throw new PropTypeError(prop, value, 'must not be empty');
      return;
    case 'number': if (typeof value !== 'number' || !Number.isFinite(value)) throw mismatch(value, t, prop, optional); return;
    case 'boolean': if (typeof value !== 'boolean') throw mismatch(value, t, prop, optional); return;
    case 'date': if (!(value instanceof Date)) throw mismatch(value, t, prop, optional); return;
    case 'array':
      if (!Array.isArray(value)) throw mismatch(value, t, prop, optional);
      for (let i = 0; i < value.length; i++) checkValue(value[i], t.element, `${prop}[${i}]`, false);
      return;
    case 'map':
      if (!isObjectLike(value) || typeof value === 'function') throw mismatch(value, t, prop, optional);
      for (const k in value) {
        if (Object.prototype.hasOwnProperty.call(value, k)) checkValue((value as any)[k], t.element, `${prop}[${JSON.stringify(k)}]`, false);
      }
      return;
    case 'union':
      for (const member of t.types) {
        try {
          checkValue(value, member, prop, optional);
          return;
        } catch (e) {
          if (!(e instanceof PropTypeError)) throw e;
        }
      }
      throw mismatch(value, t, prop, optional);
    case 'ref': return checkRef(value, t, prop, optional);
  }
}

/** What a `ref` type names, resolved once per fqn. */
type RefKind =
  | { readonly kind: 'enum'; readonly values: ReadonlySet<unknown>; readonly checkedHere: boolean }
  | { readonly kind: 'struct'; readonly fields: Field[] }
  | { readonly kind: 'object'; readonly members: string[] };
const refKinds = new Map<string, RefKind>();

function refKind(fqn: string): RefKind {
  let k = refKinds.get(fqn);
  if (k === undefined) {
    const types = propTypes();
    const values = types.enums[fqn];
    const fields = values ? undefined : fieldsOf(fqn, 'structs');
    k = values ? { kind: 'enum', values: new Set(values), checkedHere: !DOMAIN_ENUMS.has(fqn) }
      : fields ? { kind: 'struct', fields }
        : { kind: 'object', members: types.objects[fqn] ?? [] };
    refKinds.set(fqn, k);
  }
  return k;
}

function checkRef(value: unknown, t: PropType & { kind: 'ref' }, prop: string, optional: boolean): void {
  const ref = refKind(t.fqn);
  switch (ref.kind) {
    case 'enum':
      if (ref.checkedHere && !ref.values.has(value)) throw mismatch(value, t, prop, optional);
      return;
    case 'struct':
      if (!isObjectLike(value) || typeof value === 'function') throw mismatch(value, t, prop, optional);
      checkFields(ref.fields, value, prop === '' ? '' : `${prop}.`);
      return;
    case 'object':
      if (!isObjectLike(value)) throw mismatch(value, t, prop, optional);
      for (const m of ref.members) if (!(m in value)) throw mismatch(value, t, prop, optional);
      // a class without public members is known only by its identity: an object literal cannot stand for it
      if (ref.members.length === 0 && Object.getPrototypeOf(value) === Object.prototype) throw mismatch(value, t, prop, optional);
  }
}

/** A struct's fields, named `<prefix><field>`; the name is built only for fields that are set. */
function checkFields(fields: readonly Field[], value: any, prefix: string): void {
  for (const f of fields) {
    const v = value[f.name];
    if (v === undefined && f.optional) continue;
    checkField(f, v, prefix + f.name);
  }
}

/**
 * Checks the arguments of a public constructor or method against their jsii types (null, a missing required
 * value, the wrong primitive, NaN or ±Infinity, a list for a scalar, an object without the members of its
 * class, a string that is no member of its enum) and throws the library's error naming the prop:
 * `[where] 'versions[0].name' (1) must be a string`. A parameter called `props` is the root of its props'
 * names (`versions[0].name`); other parameters name themselves (`options.tags`).
 *
 * @param where the construct, or the class name that stands for it (`HpaSimulator`, `Metric` in a static factory)
 * @param entry the entry point as the table names it (`CanaryService.<init>`, `UmbrellaChart.addSubchart`)
 * @param args the arguments (`arguments`)
 */
export function checkArgs(where: IConstruct | string, entry: string, args: ArrayLike<unknown>): void {
  const params = fieldsOf(entry, 'entries');
  if (!params) throw new Error(`cdk8s-patterns: no parameter types for ${entry} (regenerate src/common/prop-types.ts)`);
  try {
    params.forEach((p, i) => {
      const root = p.name === 'props' ? '' : p.name;
      const at = (suffix: string) => (root === '' ? suffix.replace(/^\./, '') : `${root}${suffix}`);
      if (p.variadic) {
        for (let j = i; j < args.length; j++) checkValue(args[j], p.type, `${p.name}[${j - i}]`, false);
      } else if (root === '' && fieldsOf(refName(p.type), 'structs')) {
        checkProps(args[i], p, at);
      } else {
        checkValue(args[i], p.type, p.name, p.optional, p.nonEmpty);
      }
    });
  } catch (e) {
    if (!(e instanceof PropTypeError)) throw e;
    const path = typeof where === 'string' ? where : where.node.path;
    throw new Error(`[${path}] ${propMessage(e.prop, e.value, e.allowed)}`);
  }
}

/** A `props` parameter: its fields are named without a `props.` prefix. */
function checkProps(value: unknown, p: Field, at: (suffix: string) => string): void {
  if (value === undefined && p.optional) return;
  if (!isObjectLike(value) || typeof value === 'function') {
    throw new PropTypeError('props', value, `must be ${describeType(p.type)}${p.optional ? ' or left out' : ''}`);
  }
  checkFields(fieldsOf(refName(p.type), 'structs')!, value, at('.'));
}

/** One field of a struct; a field its construct checks as a whole is only refused here when null. */
function checkField(f: Field, value: unknown, prop: string): void {
  if (f.selfChecked && value !== null) return;
  checkValue(value, f.type, prop, f.optional, f.nonEmpty);
}

function refName(t: PropType): string {
  return t.kind === 'ref' ? t.fqn : '';
}

/**
 * Checks a construct's arguments before the construct exists (call it in `super(...)`): the scope must be a
 * construct and the id a non-empty string, then the remaining arguments are checked as `checkArgs` does,
 * with the construct's future path in the message. Returns the scope.
 */
export function checkConstructArgs(className: string, scope: unknown, id: unknown, ...rest: unknown[]): Construct {
  if (!Construct.isConstruct(scope)) {
    throw new Error(`[${className}] ${propMessage('scope', scope, 'must be a construct (an App, a Chart or a construct in one)')}`);
  }
  if (typeof id !== 'string' || id.length === 0) {
    throw new Error(`[${scope.node.path || className}] ${propMessage('id', id, `must be a non-empty string (the ${className}'s id)`)}`);
  }
  const path = scope.node.path ? `${scope.node.path}/${id}` : id;
  checkArgs(path, `${className}.<init>`, [scope, id, ...rest]);
  return scope;
}
