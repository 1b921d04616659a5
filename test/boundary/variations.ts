/**
 * Generates the bad inputs of the boundary test from the jsii assembly: for every parameter of an entry point
 * and every prop below it (struct fields, array elements, map values, through inherited structs), the values
 * JavaScript lets a user pass and the types forbid: null, undefined where required, the wrong primitive,
 * NaN and ±Infinity, empty strings, arrays for scalars, scalars for arrays, objects for scalars.
 */
import { Assemblies, Member, TypeRef, TypeSpec } from './assembly';

/** One path segment: a prop name, an array index or a map key. */
export type Segment = string | number;

/** One bad input: the value at `path` (below the arguments) and the prop the error must name. */
export interface Variation {
  /** Where the value goes: argument index, then props, indexes and keys. */
  readonly path: readonly Segment[];
  /** Readable path (`props.versions[0].name`). */
  readonly where: string;
  /** The prop the library's error must name (the last prop name on the path). */
  readonly prop: string;
  /** What the bad value is (`null`, `NaN`, `array for string`, …). */
  readonly label: string;
  /** The bad value (undefined for a missing required prop). */
  readonly value: unknown;
  /** Whether the prop may be absent (then null may also mean "absent", as jsii bindings pass it). */
  readonly optional: boolean;
  /** Whether the value is an empty string (accepted when the output is clean and valid). */
  readonly emptyString: boolean;
  /** Values to put on the path first where the base arguments have nothing (parents of the prop). */
  readonly scaffold: readonly { readonly path: readonly Segment[]; readonly value: unknown }[];
  /** Set when no valid value of this type could be made to vary the props below it (add one to the samples). */
  readonly noSample?: string;
}

/**
 * Valid values the generator cannot invent, by jsii type name (`cdk8s-patterns.HttpMirror`) or by struct field
 * (`cdk8s-patterns.CanaryServiceProps#weights`).
 */
export type Samples = Record<string, () => unknown>;

/** How deep to follow structs of other assemblies (cdk8s-plus' DeploymentProps, ContainerProps, …). */
const FOREIGN_DEPTH = 1;

/** Generates every variation for one entry point. */
export function variations(asm: Assemblies, params: readonly Member[], baseArgs: readonly unknown[], samples: Samples): Variation[] {
  const out: Variation[] = [];
  params.forEach((p, i) => walk(asm, samples, out, p.type, [i], p.name, p.name, baseArgs[i], !!p.optional, [], 0, new Set()));
  return out;
}

function walk(asm: Assemblies, samples: Samples, out: Variation[], type: TypeRef, path: Segment[], where: string, prop: string,
  base: unknown, optional: boolean, scaffold: Variation['scaffold'], foreign: number, seen: Set<string>, mapValue = false): void {
  const add = (label: string, value: unknown, emptyString = false) =>
    out.push({ path, where, prop, label, value, optional, emptyString, scaffold });
  /** The base value to vary children in, made from a sample (and placed by the scaffold) when the base has none. */
  const materialize = (ok: (v: unknown) => boolean): [unknown, Variation['scaffold']] | undefined => {
    if (ok(base)) return [base, scaffold];
    const made = sample(asm, samples, type);
    if (!made.ok) {
      out.push({ path, where, prop, label: 'no sample', value: undefined, optional, emptyString: false, scaffold, noSample: type.fqn ?? JSON.stringify(type) });
      return undefined;
    }
    return [made.value, [...scaffold, { path, value: made.value }]];
  };
  if (type.primitive === 'any' || type.primitive === 'json') return;
  add('null', null);
  // a map value cannot be undefined (the key would be absent); an array element can: [undefined]
  if (!optional && !mapValue) add('undefined', undefined);
  if (type.primitive === 'string') {
    add('number for string', 1); add('boolean for string', true); add('array for string', ['a']); add('object for string', {});
    add('empty string', '', true);
  } else if (type.primitive === 'number') {
    add('string for number', '1'); add('boolean for number', true); add('NaN', NaN); add('Infinity', Infinity); add('-Infinity', -Infinity);
    add('array for number', [1]); add('object for number', {});
  } else if (type.primitive === 'boolean') {
    add('string for boolean', 'false'); add('number for boolean', 0); add('array for boolean', [true]); add('object for boolean', {});
  } else if (type.collection?.kind === 'array') {
    add('string for array', 'a'); add('number for array', 1); add('object for array', {});
    const element = type.collection.elementtype;
    const m = materializeCollection(asm, samples, element, base, scaffold, path, true);
    walk(asm, samples, out, element, [...path, 0], `${where}[0]`, prop, m.value, false, m.scaffold, foreign, seen);
  } else if (type.collection?.kind === 'map') {
    add('string for map', 'a'); add('array for map', ['a']);
    const element = type.collection.elementtype;
    const m = materializeCollection(asm, samples, element, base, scaffold, path, false);
    walk(asm, samples, out, element, [...path, m.key], `${where}.${m.key}`, prop, m.value, false, m.scaffold, foreign, seen, true);
  } else if (type.union) {
    add('array for union', ['a']); add('object for union', {});
  } else if (type.fqn) {
    const spec = asm.types.get(type.fqn);
    if (!spec) throw new Error(`the assembly does not describe ${type.fqn} (at ${where})`);
    if (spec.kind === 'enum') {
      add('unknown enum member', 'NOT_A_MEMBER'); add('number for enum', 1); add('array for enum', ['a']);
    } else if (spec.kind === 'interface' && spec.datatype) {
      add('string for struct', 'a'); add('number for struct', 1); add('array for struct', [{}]);
      const isForeign = !type.fqn.startsWith(`${asm.name}.`);
      if ((isForeign && foreign >= FOREIGN_DEPTH) || seen.has(type.fqn)) return; // recursive structs: one level is enough
      const made = materialize(isObject);
      if (!made) return;
      const [obj, objScaffold] = made;
      const nextSeen = new Set(seen).add(type.fqn);
      for (const field of structFields(asm, spec)) {
        const fieldPath = [...path, field.name];
        let fieldBase = (obj as any)[field.name];
        let fieldScaffold = objScaffold;
        const fieldSample = samples[`${type.fqn}#${field.name}`];
        if (fieldBase === undefined && fieldSample) {
          fieldBase = fieldSample();
          fieldScaffold = [...objScaffold, { path: fieldPath, value: fieldBase }];
        }
        walk(asm, samples, out, field.type, fieldPath, `${where}.${field.name}`, field.name, fieldBase, !!field.optional,
          fieldScaffold, isForeign ? foreign + 1 : foreign, nextSeen);
      }
    } else {
      // a class (union-like factories, Duration, constructs) or a behavioural interface: the object itself
      add('string for object', 'a'); add('number for object', 1); add('array for object', [{}]);
      if (spec.kind === 'class') add('plain object for class', {});
    }
  }
}

/** The first element (or value) of a collection to vary, from the base or a sample placed by a new scaffold step. */
function materializeCollection(asm: Assemblies, samples: Samples, element: TypeRef, base: unknown, scaffold: Variation['scaffold'],
  path: Segment[], array: boolean): { key: Segment; value: unknown; scaffold: Variation['scaffold'] } {
  if (array && Array.isArray(base) && base.length > 0) return { key: 0, value: base[0], scaffold };
  if (!array && isObject(base) && Object.keys(base as object).length > 0) {
    const key = Object.keys(base as object)[0];
    return { key, value: (base as any)[key], scaffold };
  }
  const made = sample(asm, samples, element);
  if (!made.ok) return { key: array ? 0 : 'key', value: undefined, scaffold }; // classes and enums: the bad value alone fills the slot
  const value = array ? [made.value] : { key: made.value };
  return { key: array ? 0 : 'key', value: made.value, scaffold: [...scaffold, { path, value }] };
}

/** A valid value of a type: from the samples table, or built from the assembly (required fields only). */
export function sample(asm: Assemblies, samples: Samples, type: TypeRef): { ok: boolean; value?: unknown } {
  if (type.primitive === 'string') return { ok: true, value: 'a' };
  if (type.primitive === 'number') return { ok: true, value: 1 };
  if (type.primitive === 'boolean') return { ok: true, value: true };
  if (type.collection) return { ok: true, value: type.collection.kind === 'array' ? [] : {} };
  if (!type.fqn) return { ok: false };
  if (samples[type.fqn]) return { ok: true, value: samples[type.fqn]() };
  const spec = asm.types.get(type.fqn);
  if (spec?.kind === 'interface' && spec.datatype) {
    const value: Record<string, unknown> = {};
    for (const f of structFields(asm, spec).filter(x => !x.optional)) {
      const v = sample(asm, samples, f.type);
      if (!v.ok) return { ok: false };
      value[f.name] = v.value;
    }
    return { ok: true, value };
  }
  return { ok: false };
}

/** A struct's fields, its own and those of the structs it extends. */
export function structFields(asm: Assemblies, spec: TypeSpec): Member[] {
  const fields = new Map<string, Member>();
  const visit = (s: TypeSpec) => {
    for (const base of s.interfaces ?? []) {
      const b = asm.types.get(base);
      if (!b) throw new Error(`the assembly does not describe ${base}`);
      visit(b);
    }
    for (const p of s.properties ?? []) fields.set(p.name, p);
  };
  visit(spec);
  return [...fields.values()];
}

/** Writes `value` at `path` below `root`, copying every array and plain object on the way (class instances are kept). */
export function setPath(root: unknown, path: readonly Segment[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(root) ? [...root] : isObject(root) ? { ...(root as object) } : typeof head === 'number' ? [] : {};
  copy[head] = setPath(copy[head], rest, value);
  if (value === undefined && rest.length === 0 && !Array.isArray(copy)) delete copy[head]; // a struct prop left out
  return copy;
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
