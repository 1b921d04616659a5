/**
 * Property-based tests of the custom-resource constructs: CustomResourceDefinition (names, versions,
 * schemas built with the Schema builder, printer columns), CustomResource instances checked against their
 * CRD, the RBAC grants and CustomResourceController. Every generated case either synthesizes to objects
 * that pass the shared oracle (`synthOrRefuse`) or is refused with the library's error naming path and
 * prop; the generators know which inputs Kubernetes rejects, so each case also says which way it must go.
 */
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import {
  boundaryNumber, expectLibraryError, expectRestrictedWorkloads, nastyString, NASTY_STRINGS, Outcome, OutcomeTally, runs, synthOrRefuse,
} from './support';
import {
  CustomResource, CustomResourceController, CustomResourceDefinition, CustomResourceScope, CustomResourceVersion,
  PrinterColumn, PrinterColumnType, Schema,
} from '../../src';
import { joinPath } from '../../src/validation';
import { ManifestObject } from '../util/validate';
import { KUBERNETES_YAML } from '../util/yaml';

// ---------------------------------------------------------------------------------------------------------
// Kubernetes' own rules, written independently of the library: the oracle deciding which inputs are valid
// ---------------------------------------------------------------------------------------------------------

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const isDns1035 = (s: unknown) => typeof s === 'string' && s.length <= 63 && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(s);
const isDns1123Label = (s: unknown) => typeof s === 'string' && s.length <= 63 && new RegExp(`^${LABEL}$`).test(s);
const isSubdomain = (s: unknown) => typeof s === 'string' && s.length <= 253 && new RegExp(`^${LABEL}(\\.${LABEL})*$`).test(s);
// a kind (and list kind) is a mixed-case DNS-1035 label (apiextensions ValidateCustomResourceDefinitionNames)
const isPascal = (s: unknown) => typeof s === 'string' && s !== '' && isDns1035(s.toLowerCase());
const QUALIFIED = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
function isQualifiedKey(k: string): boolean {
  const slash = k.lastIndexOf('/');
  const name = slash < 0 ? k : k.slice(slash + 1);
  return (slash < 0 || isSubdomain(k.slice(0, slash))) && name.length <= 63 && QUALIFIED.test(name);
}
const isLabelValue = (v: string) => v === '' || (v.length <= 63 && QUALIFIED.test(v));

/** A generated input and the props a refusal must name (none: the input is valid). */
interface Gen<T> {
  readonly value: T;
  readonly problems: string[];
}

const ok = <T>(value: T): Gen<T> => ({ value, problems: [] });

// ---------------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------------

const dnsLabel = fc.stringMatching(/^[a-z]([a-z0-9-]{0,8}[a-z0-9])?$/);

const groupArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(dnsLabel, { minLength: 2, maxLength: 3 }).map(ls => ls.join('.')) },
  // long enough that <plural>.<group> may pass 253 characters
  { weight: 1, arbitrary: fc.integer({ min: 230, max: 253 }).map(n => `${'g'.repeat(60)}.${'h'.repeat(60)}.${'i'.repeat(60)}.${'j'.repeat(n - 184)}`) },
  { weight: 1, arbitrary: fc.constantFrom('nodots', 'Example.com', '-a.example.com', 'a..b', 'a_b.example.com', 'apps.k8s.io', 'x.kubernetes.io', 'example.com.') },
  { weight: 1, arbitrary: nastyString() },
);
const groupOk = (g: string) => isSubdomain(g) && g.includes('.');
const isProtectedGroup = (g: string) => /(^|\.)(k8s\.io|kubernetes\.io)$/.test(g);

const kindArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.stringMatching(/^[A-Z][a-zA-Z0-9]{0,15}$/) },
  { weight: 1, arbitrary: fc.constantFrom('widget', 'Wid-get', '', '9Lives', 'Wid get', 'A'.repeat(64)) },
  { weight: 1, arbitrary: nastyString() },
);

const pluralArb: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{0,12}$/) },
  { weight: 1, arbitrary: fc.constantFrom('Widgets', 'wid_gets', '9ws', 'a'.repeat(64), 'wid.gets') },
  { weight: 1, arbitrary: nastyString() },
);

const shortNamesArb: fc.Arbitrary<string[] | undefined> = fc.option(
  fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('wd', 'w', 'wdg', 'x1') }, { weight: 1, arbitrary: nastyString() }), { maxLength: 3 }),
  { nil: undefined },
);

const scopeArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(CustomResourceScope.NAMESPACED, CustomResourceScope.CLUSTER) },
  { weight: 1, arbitrary: fc.constant('Global' as CustomResourceScope) },
);

// ---------------------------------------------------------------------------------------------------------
// Schemas: a description generated first, then built with the Schema factories; a description also yields
// instance values that match it and values that break it at a known path with a known rule
// ---------------------------------------------------------------------------------------------------------

interface Rule { readonly rule: string; readonly message?: string }

type Desc = (
  | { t: 'string'; enum?: string[]; pattern?: { re: string; sample: fc.Arbitrary<string> }; format?: { name: string; sample: string }; minLength?: number; maxLength?: number }
  | { t: 'integer' | 'number'; minimum?: number; maximum?: number; multipleOf?: number }
  | { t: 'boolean' }
  | { t: 'intOrString' }
  | { t: 'free' }
  | { t: 'array'; items: Desc; minItems?: number; maxItems?: number }
  | { t: 'map'; values: Desc }
  | { t: 'object'; props: Record<string, Desc>; required: string[] }
) & {
  /** The node's default (valid or not, see `problems`). */
  default?: unknown;
  /** CEL rules (compiled with the CRD, evaluated on instances at synth): these hold for any value. */
  validations?: Rule[];
  /** Props relative to the node that a refusal must name (`minimum`, `x-kubernetes-validations[0].rule`). */
  problems: string[];
};

const FORMATS: Array<[string, string]> = [
  ['date-time', '2019-07-03T02:00:00Z'], ['date', '2019-07-03'], ['ipv4', '10.0.0.1'], ['ipv6', '::1'], ['uuid', '0f8fad5b-d9cb-469f-a165-70867728950e'],
  ['hostname', 'a.example.com'], ['byte', 'aGk='], ['duration', '1h30m'], ['cidr', '10.0.0.0/8'], ['password', 'yes'],
];
const PATTERNS: Array<{ re: string; sample: fc.Arbitrary<string> }> = [
  { re: '^[a-z]+$', sample: fc.stringMatching(/^[a-z]{1,8}$/) },
  { re: '^v[0-9]+(\\.[0-9]+)*$', sample: fc.stringMatching(/^v[0-9]{1,3}(\.[0-9]{1,3}){0,2}$/) },
  { re: '^\\{\\{.*\\}\\}$', sample: fc.constantFrom('{{ $labels.instance }}', '{{}}') },
];

const ruleArb: fc.Arbitrary<Gen<Rule[] | undefined>> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(ok(undefined)) },
  { weight: 2, arbitrary: fc.constantFrom(ok<Rule[] | undefined>([{ rule: 'self == self', message: 'always {{ true }}' }]), ok<Rule[] | undefined>([{ rule: 'true' }])) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Gen<Rule[] | undefined>>(
      { value: [{ rule: '' }], problems: ['x-kubernetes-validations[0].rule'] },
      { value: [{ rule: 'self == self', message: 'line\nbreak' }], problems: ['x-kubernetes-validations[0].message'] },
    ),
  },
);

function withRules<D extends Desc>(base: fc.Arbitrary<D>): fc.Arbitrary<D> {
  return fc.tuple(base, ruleArb).map(([d, r]) => ({ ...d, validations: r.value, problems: [...d.problems, ...r.problems] }));
}

const stringDesc: fc.Arbitrary<Desc> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Desc>({ t: 'string', problems: [] }) },
  { weight: 2, arbitrary: fc.uniqueArray(nastyString(), { minLength: 1, maxLength: 4 }).map<Desc>(e => ({ t: 'string', enum: e, problems: [] })) },
  { weight: 2, arbitrary: fc.constantFrom(...PATTERNS).map<Desc>(p => ({ t: 'string', pattern: p, problems: [] })) },
  fc.constantFrom<Desc>(
    { t: 'string', pattern: { re: '(?=x)x', sample: fc.constant('x') }, problems: ['pattern'] },
    { t: 'string', pattern: { re: '([a-z]', sample: fc.constant('x') }, problems: ['pattern'] },
    { t: 'string', format: { name: 'colour', sample: 'red' }, problems: [] }, // ignored by the server: a warning
  ),
  { weight: 2, arbitrary: fc.constantFrom(...FORMATS).map<Desc>(([name, sample]) => ({ t: 'string', format: { name, sample }, problems: [] })) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(0, 1, 3), fc.constantFrom(3, 10, 63)).map<Desc>(([min, max]) => ({ t: 'string', minLength: min, maxLength: max, problems: [] })) },
  fc.constantFrom<Desc>(
    { t: 'string', minLength: -1, problems: [] }, // the server accepts it (and every string satisfies it)
    { t: 'string', minLength: 1.5, problems: ['minLength'] }, // not an int64: the server cannot decode it
    { t: 'string', minLength: 5, maxLength: 2, problems: [] }, // inverted bounds: a warning
  ),
);

const numberDesc: fc.Arbitrary<Desc> = fc.constantFrom<'integer' | 'number'>('integer', 'number').chain(t => fc.oneof(
  { weight: 3, arbitrary: fc.constant<Desc>({ t, problems: [] }) },
  // bounds at the boundary values, with room for an integer between them
  {
    weight: 3,
    // NaN and ±Infinity never reach a CRD: Schema.integer/number refuse them (test/boundary)
    arbitrary: fc.tuple(boundaryNumber().filter(Number.isFinite), fc.constantFrom(0, 1, 100, 2 ** 31), fc.boolean(), fc.boolean())
      .map<Desc>(([b, delta, hasMin, hasMax]) => {
        const width = t === 'integer' && !Number.isInteger(b) ? Math.max(delta, 1) : delta;
        const finite = Number.isFinite(b);
        return {
          t,
          minimum: hasMin ? b : undefined,
          maximum: hasMax ? (finite ? b + width : b) : undefined,
          problems: finite || (!hasMin && !hasMax) ? [] : [hasMin ? 'minimum' : 'maximum'],
        };
      }),
  },
  { weight: 2, arbitrary: fc.constantFrom(1, 2, 5, 0.5).filter(m => t === 'number' || Number.isInteger(m)).map<Desc>(m => ({ t, multipleOf: m, problems: [] })) },
  fc.constantFrom<Desc>(
    { t, minimum: 10, maximum: 1, problems: [] }, // inverted bounds: a warning
    { t, multipleOf: 0, problems: ['multipleOf'] }, // stricter than the server: JSON Schema requires > 0
    { t, multipleOf: -2, problems: ['multipleOf'] },
  ),
));

const scalarDesc: fc.Arbitrary<Desc> = fc.oneof(
  { weight: 4, arbitrary: stringDesc },
  { weight: 3, arbitrary: numberDesc },
  { weight: 1, arbitrary: fc.constant<Desc>({ t: 'boolean', problems: [] }) },
  { weight: 1, arbitrary: fc.constant<Desc>({ t: 'intOrString', problems: [] }) },
  { weight: 1, arbitrary: fc.constant<Desc>({ t: 'free', problems: [] }) },
);

const fieldName = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,6}$/);

const { desc: descArb } = fc.letrec<{ desc: Desc; object: Desc }>(tie => ({
  desc: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: withRules(scalarDesc) },
    {
      weight: 1,
      arbitrary: tie('desc').chain(items => fc.oneof(
        fc.constant<Desc>({ t: 'array', items, problems: [] }),
        fc.constant<Desc>({ t: 'array', items, minItems: 1, maxItems: 3, problems: [] }),
        fc.constant<Desc>({ t: 'array', items, minItems: 3, maxItems: 1, problems: [] }), // inverted bounds: a warning
      )),
    },
    { weight: 1, arbitrary: tie('desc').map<Desc>(values => ({ t: 'map', values, problems: [] })) },
    { weight: 2, arbitrary: tie('object') },
  ),
  object: withRules(fc.dictionary(fieldName, tie('desc'), { maxKeys: 4, noNullPrototype: true }).chain(props => {
    const names = Object.keys(props);
    return fc.tuple(fc.subarray(names), fc.boolean()).map<Desc>(([required, missing]) => (missing && names.length < 4
      // a required field the schema does not list: the API server accepts the CRD (we warn)
      ? { t: 'object', props, required: [...required, 'notAField'], problems: [] }
      : { t: 'object', props, required, problems: [] }));
  })),
}));

/** A description with a default on some scalar nodes: a valid value, or one of the wrong type. */
function withDefaults(d: Desc): fc.Arbitrary<Desc> {
  if (d.t === 'object') {
    const entries = Object.entries(d.props);
    return fc.tuple(...entries.map(([, c]) => withDefaults(c)))
      .map(children => ({ ...d, props: Object.fromEntries(entries.map(([k], i) => [k, children[i]])) }));
  }
  if (d.t === 'array' || d.t === 'map' || d.t === 'free' || d.problems.length > 0 || invertedBounds(d)) return fc.constant(d);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(d) },
    { weight: 1, arbitrary: validValue(d).map(v => ({ ...d, default: v })) },
    { weight: 1, arbitrary: fc.constant<Desc>({ ...d, default: d.t === 'string' || d.t === 'intOrString' ? { not: 'a string' } : 'not a number', problems: [...d.problems, 'default'] }) },
  );
}

function build(d: Desc): Schema {
  const common = { default: d.default, validations: d.validations };
  switch (d.t) {
    case 'string': return Schema.string({ ...common, enum: d.enum, pattern: d.pattern?.re, format: d.format?.name, minLength: d.minLength, maxLength: d.maxLength });
    case 'integer': return Schema.integer({ ...common, minimum: d.minimum, maximum: d.maximum, multipleOf: d.multipleOf });
    case 'number': return Schema.number({ ...common, minimum: d.minimum, maximum: d.maximum, multipleOf: d.multipleOf });
    case 'boolean': return Schema.boolean(common);
    case 'intOrString': return Schema.intOrString(common);
    case 'free': return Schema.preserveUnknownFields(common);
    case 'array': return Schema.array(build(d.items), { ...common, minItems: d.minItems, maxItems: d.maxItems });
    case 'map': return Schema.map(build(d.values), common);
    case 'object': return Schema.object({ ...common, properties: Object.fromEntries(Object.entries(d.props).map(([k, c]) => [k, build(c)])), required: d.required.length ? d.required : undefined });
  }
}

/** Every prop a refusal must name, as prop paths below `at` (e.g. `versions[0].schema.properties.spec`). */
function schemaProblems(d: Desc, at: string): string[] {
  const own = d.problems.map(p => `${at}.${p}`);
  switch (d.t) {
    case 'array': return [...own, ...schemaProblems(d.items, `${at}.items`)];
    case 'map': return [...own, ...schemaProblems(d.values, `${at}.additionalProperties`)];
    case 'object': return [...own, ...Object.entries(d.props).flatMap(([k, c]) => schemaProblems(c, `${at}.properties.${k}`))];
    default: return own;
  }
}

/** Values the schema accepts (for a schema without problems). */
function validValue(d: Desc): fc.Arbitrary<unknown> {
  switch (d.t) {
    case 'string': {
      if (d.enum) return fc.constantFrom(...d.enum);
      if (d.pattern) return d.pattern.sample;
      if (d.format) return fc.constant(d.format.sample);
      if (d.minLength !== undefined || d.maxLength !== undefined) {
        return fc.string({ minLength: d.minLength ?? 0, maxLength: d.maxLength ?? 20 });
      }
      return nastyString();
    }
    case 'integer': case 'number': {
      const lo = d.minimum ?? (d.maximum === undefined ? -1e6 : d.maximum - 10);
      const hi = d.maximum ?? (d.minimum === undefined ? 1e6 : d.minimum + 10);
      const candidates = [d.minimum, d.maximum, Math.ceil(lo), Math.floor(hi), 0, 1, 42, -7, 0.5]
        .filter((n): n is number => n !== undefined && Number.isFinite(n) && n >= lo && n <= hi)
        .filter(n => d.t === 'number' || Number.isInteger(n))
        .filter(n => d.multipleOf === undefined || Number.isInteger(n / d.multipleOf));
      return fc.constantFrom(...candidates);
    }
    case 'boolean': return fc.boolean();
    case 'intOrString': return fc.oneof(fc.integer(), nastyString());
    case 'free': return fc.dictionary(nastyString(), fc.oneof(nastyString(), fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 3, noNullPrototype: true });
    case 'array': return fc.array(validValue(d.items), { minLength: d.minItems ?? 0, maxLength: d.maxItems ?? 3 });
    case 'map': return fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9.-]{0,5}$/), validValue(d.values), { maxKeys: 3, noNullPrototype: true });
    case 'object': {
      const entries = Object.entries(d.props);
      const field = ([k, c]: [string, Desc]) => fc.tuple(validValue(c), fc.boolean())
        .map(([v, keep]) => ({ k, v, keep: keep || d.required.includes(k) || c.default !== undefined }));
      return fc.tuple(...entries.map(field))
        .map(fields => Object.fromEntries(fields.filter(f => f.keep).map(f => [f.k, f.v])));
    }
  }
}

/** A broken value: where it breaks (path from the node, `.a.b`, `[0]`), the rule broken (ajv keyword). */
interface Broken { readonly value: unknown; readonly path: string; readonly keyword: string }

/** A value the schema refuses, or undefined when this node has no certain way to break. */
function brokenValue(d: Desc): fc.Arbitrary<Broken> | undefined {
  const wrongType = (value: unknown): fc.Arbitrary<Broken> => fc.constant({ value, path: '', keyword: 'type' });
  const child = (path: string, value: unknown, b: Broken): Broken => ({ value, path: path + b.path, keyword: b.keyword });
  switch (d.t) {
    case 'string': return fc.oneof(wrongType(42), wrongType(true));
    case 'integer': return fc.oneof(wrongType('1'), wrongType('yes'), ...(d.t === 'integer' ? [wrongType(1.5)].filter(() => d.multipleOf === undefined) : []),
      ...(d.minimum !== undefined && Number.isFinite(d.minimum) ? [fc.constant({ value: d.minimum - 1, path: '', keyword: 'minimum' })] : []));
    case 'number': return fc.oneof(wrongType('0123'), wrongType([1]),
      ...(d.maximum !== undefined && Number.isFinite(d.maximum) ? [fc.constant({ value: d.maximum + 1, path: '', keyword: 'maximum' })] : []));
    case 'boolean': return fc.oneof(wrongType('true'), wrongType('on'), wrongType(0));
    case 'intOrString': return fc.oneof(wrongType(true), wrongType({ a: 1 }), wrongType(1.5));
    case 'free': return fc.oneof(wrongType('{}'), wrongType([1]));
    case 'array': {
      const item = brokenValue(d.items);
      const options = [wrongType('not a list'), wrongType({ 0: 'x' })];
      if (item) options.push(fc.tuple(validValue(d.items), item).map(([good, bad]) => child('[1]', [good, bad.value], bad)).filter(() => (d.maxItems ?? 3) >= 2));
      return fc.oneof(...options);
    }
    case 'map': {
      const value = brokenValue(d.values);
      const options = [wrongType('not a map'), wrongType(['x'])];
      if (value) options.push(value.map(bad => child('.k', { k: bad.value }, bad)));
      return fc.oneof(...options);
    }
    case 'object': return fc.tuple(validValue(d), fc.nat()).chain(([good, n]) => {
      const base = good as Record<string, unknown>;
      const options: Array<fc.Arbitrary<Broken>> = [
        wrongType('not an object'),
        fc.constant({ value: { ...base, zzUnknown: 'yes' }, path: '.zzUnknown', keyword: 'additionalProperties' }),
      ];
      const mandatory = d.required.filter(r => d.props[r]?.default === undefined);
      if (mandatory.length > 0) {
        const gone = mandatory[n % mandatory.length];
        const { [gone]: _removed, ...rest } = base;
        options.push(fc.constant({ value: rest, path: `.${gone}`, keyword: 'required' }));
      }
      for (const [k, c] of Object.entries(d.props)) {
        const bad = brokenValue(c);
        if (bad) options.push(bad.map(b => child(`.${k}`, { ...base, [k]: b.value }, b)));
      }
      return fc.oneof(...options);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Versions and definitions
// ---------------------------------------------------------------------------------------------------------

interface VersionGen {
  readonly version: CustomResourceVersion;
  readonly spec: Desc;
  readonly problems: string[];
}

/** A path to a scalar leaf reachable through object fields only, with its printer column type. */
function leaves(d: Desc, at: string): Array<[string, PrinterColumnType]> {
  if (d.t === 'object') return Object.entries(d.props).flatMap(([k, c]) => leaves(c, `${at}.${k}`));
  const types: Record<string, PrinterColumnType> = {
    string: PrinterColumnType.STRING, integer: PrinterColumnType.INTEGER, number: PrinterColumnType.NUMBER, boolean: PrinterColumnType.BOOLEAN,
  };
  const type = types[d.t];
  return type ? [[at, type]] : [];
}

/** Schema descriptions with no problem at all (defaults included). */
const cleanDesc: fc.Arbitrary<Desc> = descArb
  .filter(d => schemaProblems(d, '').length === 0 && !invertedBounds(d))
  .chain(d => withDefaults(d).filter(x => schemaProblems(x, '').length === 0));

/** Inverted bounds and required fields no property lists are accepted (with a warning), but no value can satisfy them. */
function invertedBounds(d: any): boolean {
  if (d === null || typeof d !== 'object') return false;
  const inverted = [['minLength', 'maxLength'], ['minimum', 'maximum'], ['minItems', 'maxItems']]
    .some(([lo, hi]) => typeof d[lo] === 'number' && typeof d[hi] === 'number' && d[lo] > d[hi]);
  const unsatisfiable = Array.isArray(d.required) && d.required.includes('notAField');
  return inverted || unsatisfiable || (typeof d.minLength === 'number' && d.minLength < 0) || Object.values(d).some(v => typeof v === 'object' && invertedBounds(v));
}

/** A version; `clean` repairs every generated part Kubernetes would reject, so valid cases are common. */
function versionArb(clean: boolean): fc.Arbitrary<Omit<VersionGen, 'problems'> & { local: (i: number) => string[] }> {
  return fc.record({
    name: clean ? fc.constantFrom('v1', 'v1beta1', 'v2', 'v1alpha1', 'v3') : fc.oneof({ weight: 12, arbitrary: fc.constantFrom('v1', 'v1beta1', 'v2', 'v1alpha1', 'v3') }, { weight: 1, arbitrary: fc.constantFrom('V1', '1v', 'v1.0', '') }, { weight: 1, arbitrary: nastyString() }),
    storage: fc.option(fc.boolean(), { nil: undefined }),
    served: fc.option(fc.boolean(), { nil: undefined }),
    deprecated: fc.boolean(),
    warning: clean ? fc.constant(undefined) : fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('use v2', 'x'.repeat(257)) }, { weight: 1, arbitrary: nastyString() }),
    status: fc.boolean(),
    statusField: clean ? fc.constant(true) : fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    spec: clean ? cleanDesc : descArb.chain(withDefaults),
    columns: fc.array(fc.tuple(clean ? fc.constantFrom('leaf', 'meta') : fc.constantFrom('leaf', 'missing', 'meta', 'mismatch'),
      clean ? fc.constant('') : fc.oneof({ weight: 5, arbitrary: fc.constant('') }, { weight: 1, arbitrary: nastyString() }), fc.nat()), { maxLength: 3 }),
  }).map(r => {
    const spec: Desc = r.spec.t === 'object' ? r.spec : { t: 'object', props: { value: r.spec }, required: [], problems: [] };
    const specLeaves = leaves(spec, '.spec');
    const columnProblems: Array<(i: number) => string> = [];
    const names: string[] = [];
    const printerColumns: PrinterColumn[] = r.columns.map(([what, nameSuffix, n], j) => {
      const name = nameSuffix === '' ? `Col${j}` : nameSuffix;
      const at = (i: number) => `versions[${i}].printerColumns[${j}]`;
      if (name.trim() === '' || names.includes(name)) columnProblems.push(i => `${at(i)}.name`);
      names.push(name);
      if (what === 'meta' || (clean && specLeaves.length === 0)) return { name, type: PrinterColumnType.DATE, jsonPath: '.metadata.creationTimestamp' };
      if (what === 'leaf' && specLeaves.length > 0) {
        const [jsonPath, type] = specLeaves[n % specLeaves.length];
        return { name, type, jsonPath };
      }
      if (what === 'mismatch' && specLeaves.some(([, t]) => t === PrinterColumnType.STRING)) {
        const [jsonPath] = specLeaves.filter(([, t]) => t === PrinterColumnType.STRING)[0];
        columnProblems.push(i => `${at(i)}.jsonPath`);
        return { name, type: PrinterColumnType.INTEGER, jsonPath };
      }
      columnProblems.push(i => `${at(i)}.jsonPath`);
      return { name, type: PrinterColumnType.STRING, jsonPath: '.spec.doesNotExist.really' };
    });
    const properties: Record<string, Schema> = { spec: build(spec) };
    if (r.statusField) properties.status = Schema.object({ properties: { phase: Schema.string({ enum: ['pending', 'done'] }) } });
    const version: CustomResourceVersion = {
      name: r.name,
      schema: Schema.object({ properties }),
      storage: r.storage,
      served: r.served,
      deprecated: r.deprecated || undefined,
      deprecationWarning: r.warning,
      statusSubresource: r.status || undefined,
      printerColumns: printerColumns.length ? printerColumns : undefined,
    };
    const local = (i: number) => {
      const at = `versions[${i}]`;
      const out: string[] = [];
      if (!isDns1035(r.name)) out.push(`${at}.name`);
      if (r.warning !== undefined && (!r.deprecated || r.warning.length > 256 || /[\x00-\x1f\x7f]/.test(r.warning))) out.push(`${at}.deprecationWarning`);
      const schemaIssues = schemaProblems(spec, `${at}.schema.properties.spec`);
      out.push(...schemaIssues);
      // subresource and printer column paths are checked once the schema itself is sound
      if (schemaIssues.length === 0) {
        if (r.status && !r.statusField) out.push(`${at}.schema.properties.status`);
        out.push(...columnProblems.map(p => p(i)));
      }
      return out;
    };
    return { version, spec, local };
  });
}

type VersionOut = Omit<VersionGen, 'problems'> & { local: (i: number) => string[] };

interface DefinitionGen {
  readonly props: {
    group: string; kind: string; plural?: string; shortNames?: string[]; scope: CustomResourceScope; versions: CustomResourceVersion[];
  };
  readonly specs: Desc[];
  readonly problems: string[];
}

const definitionArb: fc.Arbitrary<DefinitionGen> = fc.boolean().chain(clean => fc.record({
  group: clean ? groupArb.filter(groupOk) : groupArb,
  kind: clean ? fc.stringMatching(/^[A-Z][a-zA-Z0-9]{0,15}$/) : kindArb,
  plural: clean ? fc.option(fc.stringMatching(/^[a-z][a-z0-9]{0,12}$/), { nil: undefined }) : pluralArb,
  shortNames: clean ? fc.option(fc.uniqueArray(fc.constantFrom('wd', 'w', 'wdg', 'x1')), { nil: undefined }) : shortNamesArb,
  scope: clean ? fc.constantFrom(CustomResourceScope.NAMESPACED, CustomResourceScope.CLUSTER) : scopeArb,
  versions: clean ? fc.uniqueArray(versionArb(true), { minLength: 1, maxLength: 3, selector: v => v.version.name })
    : fc.oneof(
      { weight: 1, arbitrary: fc.constant<VersionOut[]>([]) },
      { weight: 12, arbitrary: fc.array(versionArb(false), { minLength: 1, maxLength: 3 }) },
    ),
  oneStorage: clean ? fc.constant(true) : fc.boolean(),
})).map(raw => {
  // half the time exactly one version is marked storage, as a real CRD does
  const r = raw.oneStorage ? { ...raw, versions: raw.versions.map((v, i) => ({ ...v, version: { ...v.version, storage: i === 0 } })) } : raw;
  const problems: string[] = [];
  if (!groupOk(r.group)) problems.push('group');
  else if (isProtectedGroup(r.group)) problems.push('metadata.annotations["api-approved.kubernetes.io"]');
  if (!isPascal(r.kind)) problems.push('kind');
  const plural = r.plural ?? (isPascal(r.kind) ? defaultPlural(r.kind) : undefined);
  if (r.plural !== undefined && !isDns1035(r.plural)) problems.push('plural');
  if (isPascal(r.kind) && r.plural === undefined && !isDns1035(plural)) problems.push('plural');
  if (isPascal(r.kind) && !isPascal(`${r.kind}List`)) problems.push('listKind');
  if (plural !== undefined && isDns1035(plural) && groupOk(r.group) && `${plural}.${r.group}`.length > 253) problems.push('group');
  (r.shortNames ?? []).forEach((s, i) => {
    if (!isDns1035(s) || r.shortNames!.indexOf(s) !== i) problems.push(`shortNames[${i}]`);
  });
  if (!Object.values(CustomResourceScope).includes(r.scope)) problems.push('scope');
  if (r.versions.length === 0) problems.push('versions');
  r.versions.forEach((v, i) => {
    problems.push(...v.local(i));
    const first = r.versions.findIndex(o => o.version.name === v.version.name);
    if (first !== i) problems.push(`versions[${i}].name`);
  });
  const storage = r.versions.filter(v => v.version.storage ?? r.versions.length === 1).length;
  if (r.versions.length > 0 && storage !== 1) problems.push('versions');
  return {
    props: { group: r.group, kind: r.kind, plural: r.plural, shortNames: r.shortNames, scope: r.scope, versions: r.versions.map(v => v.version) },
    specs: r.versions.map(v => v.spec),
    problems,
  };
});

/** The English plural the README documents for the default (At → ats, Policy → policies, Box → boxes). */
function defaultPlural(kind: string): string {
  const w = kind.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}

function chart(namespace?: string): Chart {
  return new Chart(Testing.app(), 'test', { namespace });
}

function crdOf(objects: readonly ManifestObject[]): ManifestObject {
  const crds = objects.filter(o => o.kind === 'CustomResourceDefinition');
  expect(crds).toHaveLength(1);
  return crds[0];
}

/** Asserts the refusal names at least one of the props (or all of them, for name and schema problems). */
function expectNames(outcome: Outcome, props: readonly string[]): void {
  if (outcome.kind !== 'refused') throw new Error(`accepted an input that should be refused (${props.join(', ')})`);
  expect(props.some(p => outcome.message.includes(`'${p}'`))).toBe(true);
}

const timings: string[] = [];
function timed(name: string, fn: () => void): void {
  const t0 = Date.now();
  fn();
  timings.push(`${name}: ${Date.now() - t0} ms`);
}
afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(`crd property run times:\n  ${timings.join('\n  ')}`);
});

// ---------------------------------------------------------------------------------------------------------

describe('CustomResourceDefinition properties', () => {
  test('a definition synthesizes to a valid CRD named <plural>.<group> with one storage version, or is refused naming the prop', () => {
    const tally = new OutcomeTally();
    timed('definitions (150 runs)', () => fc.assert(fc.property(definitionArb, gen => {
      let crd: CustomResourceDefinition | undefined;
      const outcome = tally.add(synthOrRefuse(() => {
        const c = chart('ops');
        crd = new CustomResourceDefinition(c, 'crd', gen.props);
        return c;
      }));
      if (gen.problems.length > 0) {
        expectNames(outcome, gen.problems);
        // every name and schema problem is reported at once, not only the first
        for (const p of gen.problems.filter(x => !x.includes('printerColumns') && !x.endsWith('properties.status') && x !== 'versions')) {
          if (outcome.kind === 'refused') expect({ p, named: outcome.message.includes(`'${p}'`) }).toEqual({ p, named: true });
        }
        return;
      }
      if (outcome.kind === 'refused') throw new Error(`refused a valid definition: ${outcome.message}`);
      const obj = crdOf(outcome.objects);
      expect(obj.metadata.name).toBe(`${crd!.plural}.${gen.props.group}`);
      expect(obj.metadata.namespace).toBeUndefined();
      expect(obj.spec.versions.filter((v: any) => v.storage === true)).toHaveLength(1);
      expect(obj.spec.versions.map((v: any) => v.name)).toEqual(gen.props.versions.map(v => v.name));
      expect(obj.spec.names.plural).toBe(gen.props.plural ?? defaultPlural(gen.props.kind));
      expect(obj.spec.names.shortNames).toEqual(gen.props.shortNames?.length ? gen.props.shortNames : gen.props.shortNames);
    }), runs(150)));
    expect(tally.valid).toBeGreaterThan(10);
    expect(tally.refused).toBeGreaterThan(10);
  });

  test('huge schemas: hundreds of fields, and nesting up to the limit, synthesize; deeper nesting is refused cleanly', () => {
    timed('huge schemas', () => {
      const wide = (n: number) => Schema.object({ properties: Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, i % 3 === 0 ? Schema.integer({ minimum: 0 }) : Schema.string({ enum: [...NASTY_STRINGS] })])) });
      const deep = (levels: number) => {
        let s: Schema = Schema.string({ pattern: '^[a-z]+$' });
        for (let i = 0; i < levels; i++) s = Schema.object({ properties: { n: s }, required: ['n'] });
        return s;
      };
      const nested = (levels: number): any => (levels === 0 ? 'leaf' : { n: nested(levels - 1) });
      for (const [label, spec, instance, valid] of [
        ['800 fields', wide(800), { f0: 1, f1: 'yes' }, true],
        ['98 levels', deep(98), nested(98), true],
        ['101 levels', deep(101), nested(101), false],
        ['5000 levels', deep(5000), undefined, false],
      ] as const) {
        const outcome = synthOrRefuse(() => {
          const c = chart('ops');
          const crd = new CustomResourceDefinition(c, 'crd', { group: 'huge.example.com', kind: 'Huge', versions: [{ name: 'v1', schema: Schema.object({ properties: { spec } }) }] });
          new CustomResource(c, 'one', { definition: crd, spec: instance });
          return c;
        });
        expect({ label, kind: outcome.kind }).toEqual({ label, kind: valid ? 'valid' : 'refused' });
        if (outcome.kind === 'refused') expect(outcome.message).toContain("[test/crd] 'versions[0].schema'");
      }
      // Schema.fromJson of a tree too deep to copy recursively is refused the same way
      const tooDeep = { type: 'object', properties: { spec: { type: 'object', properties: {} as any } } };
      let cursor = tooDeep.properties.spec.properties;
      for (let i = 0; i < 5000; i++) {
        cursor.n = { type: 'object', properties: {} };
        cursor = cursor.n.properties;
      }
      const outcome = synthOrRefuse(() => {
        const c = chart();
        new CustomResourceDefinition(c, 'crd', { group: 'huge.example.com', kind: 'Huge', versions: [{ name: 'v1', schema: Schema.fromJson(tooDeep) }] });
        return c;
      });
      expect(outcome.kind).toBe('refused');
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Instances against valid definitions
// ---------------------------------------------------------------------------------------------------------

const validSpecDesc: fc.Arbitrary<Desc> = descArb
  .map<Desc>(d => (d.t === 'object' ? d : { t: 'object', props: { value: d }, required: ['value'], problems: [] }))
  .filter(d => schemaProblems(d, '').length === 0 && !invertedBounds(d))
  .chain(d => withDefaults(d).filter(x => schemaProblems(x, '').length === 0));


const labelKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('app', 'app.kubernetes.io/name', 'example.com/team', 'tier', 'a_b.c-d') },
  { weight: 2, arbitrary: nastyString() },
);
const labelValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('shop', '', 'yes', 'on', '0123', '1.0', 'v1.2_3-x', 'a'.repeat(63)) },
  { weight: 2, arbitrary: nastyString() },
);
const nameArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.constantFrom('example', 'a.b-c', '0123', 'yes', 'x'.repeat(253)) },
  { weight: 2, arbitrary: nastyString() },
);

describe('CustomResource properties', () => {
  test('an instance synthesizes with every label and annotation exactly as given, or is refused with the JSON path and the rule', () => {
    const tally = new OutcomeTally();
    const scopes = fc.constantFrom(CustomResourceScope.NAMESPACED, CustomResourceScope.CLUSTER);
    const arb = fc.tuple(validSpecDesc, scopes).chain(([spec, scope]) => fc.record({
      spec: fc.constant(spec),
      scope: fc.constant(scope),
      value: fc.oneof({ weight: 3, arbitrary: validValue(spec).map(v => ({ value: v, broken: undefined as Broken | undefined })) },
        // unknown fields are pruned with a warning (test/crd/custom-resource.test.ts), not refused: not generated here
        { weight: 2, arbitrary: brokenValue(spec)!.filter(b => b.keyword !== 'additionalProperties').map(b => ({ value: b.value, broken: b as Broken | undefined })) }),
      name: nameArb,
      labels: fc.dictionary(labelKey, labelValue, { maxKeys: 4, noNullPrototype: true }),
      annotations: fc.dictionary(labelKey, nastyString(), { maxKeys: 4, noNullPrototype: true }),
    }));
    timed('instances (200 runs)', () => fc.assert(fc.property(arb, g => {
      const expected: string[] = [];
      if (g.name !== undefined && !isSubdomain(g.name)) expected.push('metadata.name');
      for (const k of Object.keys(g.labels)) if (!isQualifiedKey(k) || !isLabelValue(g.labels[k])) expected.push(joinPath('metadata', 'labels', k));
      for (const k of Object.keys(g.annotations)) if (!isQualifiedKey(k)) expected.push(joinPath('metadata', 'annotations', k));
      // a field the schema does not list is pruned by the API server: a warning, not a refusal
      if (g.value.broken && g.value.broken.keyword !== 'additionalProperties') expected.push(`spec${g.value.broken.path}`);
      const metadata = { name: g.name, labels: g.labels, annotations: g.annotations };
      const outcome = tally.add(synthOrRefuse(() => {
        const c = chart('ops');
        const crd = new CustomResourceDefinition(c, 'crd', { group: 'shop.example.com', kind: 'Widget', scope: g.scope, versions: [{ name: 'v1', schema: Schema.object({ properties: { spec: build(g.spec) } }) }] });
        new CustomResource(c, 'one', { definition: crd, metadata, spec: g.value.value as any });
        return c;
      }));
      if (g.name === '') {
        // an empty name is refused by the argument check, before the instance's own checks run
        expect(outcome).toEqual({ kind: 'refused', message: '[test/one] \'metadata.name\' ("") must not be empty' });
        return;
      }
      if (expected.length > 0) {
        if (outcome.kind !== 'refused') throw new Error(`accepted an instance that breaks ${expected.join(', ')}`);
        for (const p of expected) expect({ p, named: outcome.message.includes(`[test/one] '${p}'`) }).toEqual({ p, named: true });
        if (g.value.broken && g.value.broken.keyword !== 'additionalProperties') expect(outcome.message).toContain('[apiextensions ValidateCustomResource]');
        return;
      }
      if (outcome.kind === 'refused') throw new Error(`refused a valid instance: ${outcome.message}`);
      const widget = outcome.objects.find(o => o.kind === 'Widget')!;
      expect(widget.metadata.labels ?? {}).toEqual(g.labels);
      expect(widget.metadata.annotations ?? {}).toEqual(g.annotations);
      if (g.name !== undefined) expect(widget.metadata.name).toBe(g.name);
      expect(widget.metadata.namespace).toBe(g.scope === CustomResourceScope.CLUSTER ? undefined : 'ops');
      // each key appears once in the YAML document of the instance (a duplicate key would fail the parse)
      const doc = parseAllDocuments(outcome.yaml, { ...KUBERNETES_YAML, uniqueKeys: true }).find(d => d.toJS()?.kind === 'Widget')!;
      expect(doc.errors).toEqual([]);
      expect(doc.toJS().metadata.labels ?? {}).toEqual(g.labels);
    }), runs(200)));
    expect(tally.valid).toBeGreaterThan(10);
    expect(tally.refused).toBeGreaterThan(10);
  });
});

// ---------------------------------------------------------------------------------------------------------
// RBAC grants and the controller
// ---------------------------------------------------------------------------------------------------------

type GrantKind = 'read' | 'watch' | 'status' | 'full';
const VERBS: Record<GrantKind, string[]> = { read: ['get', 'list'], watch: ['get', 'list', 'watch'], status: ['update', 'patch'], full: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'] };

function rulesOf(objects: readonly ManifestObject[], kind: 'ClusterRole' | 'Role', namespace?: string): any[] {
  return objects.filter(o => o.kind === kind && o.metadata.namespace === namespace).flatMap(o => o.rules ?? []);
}

const namespaceArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom('team-a', 'ops') },
  { weight: 1, arbitrary: nastyString() },
);

describe('RBAC properties', () => {
  test('grants hold exactly the verbs asked for, on <plural> and <plural>/status only, or are refused naming the prop', () => {
    const tally = new OutcomeTally();
    const arb = fc.record({
      scope: fc.constantFrom(CustomResourceScope.NAMESPACED, CustomResourceScope.CLUSTER),
      status: fc.boolean(),
      scale: fc.boolean(),
      grants: fc.array(fc.tuple(fc.constantFrom<GrantKind>('read', 'watch', 'status', 'full'), namespaceArb), { minLength: 1, maxLength: 4 }),
    });
    timed('grants (150 runs)', () => fc.assert(fc.property(arb, g => {
      const expected: string[] = [];
      for (const [kind, ns] of g.grants) {
        if (kind === 'status' && !g.status) expected.push('versions[].statusSubresource');
        if (ns !== undefined && g.scope === CustomResourceScope.CLUSTER) expected.push('namespace');
        else if (ns !== undefined && !isDns1123Label(ns)) expected.push('namespace');
      }
      const outcome = tally.add(synthOrRefuse(() => {
        const c = chart('ops');
        const spec = Schema.object({ properties: { replicas: Schema.integer(), selector: Schema.string() } });
        const status = Schema.object({ properties: { replicas: Schema.integer() } });
        const crd = new CustomResourceDefinition(c, 'crd', {
          group: 'shop.example.com',
          kind: 'Widget',
          scope: g.scope,
          versions: [{
            name: 'v1',
            schema: Schema.object({ properties: { spec, status } }),
            statusSubresource: g.status || undefined,
            scale: g.scale ? { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.spec.selector' } : undefined,
          }],
        });
        const sa = new kplus.ServiceAccount(c, 'reader', { metadata: { namespace: 'ops' } });
        for (const [kind, namespace] of g.grants) {
          const options = { namespace };
          if (kind === 'read') crd.grantRead(sa, options);
          if (kind === 'watch') crd.grantWatch(sa, options);
          if (kind === 'status') crd.grantStatusUpdate(sa, options);
          if (kind === 'full') crd.grantFullAccess(sa, options);
        }
        return c;
      }));
      if (expected.length > 0) return expectNames(outcome, expected);
      if (outcome.kind === 'refused') throw new Error(`refused valid grants: ${outcome.message}`);
      for (const ns of new Set(g.grants.map(([, n]) => n))) {
        const here = g.grants.filter(([, n]) => n === ns).map(([k]) => k);
        const want = new Map<string, Set<string>>();
        const add = (resource: string, verbs: string[]) => {
          const set = want.get(resource) ?? new Set<string>();
          verbs.forEach(v => set.add(v));
          want.set(resource, set);
        };
        for (const k of here) {
          if (k === 'status') add('widgets/status', VERBS.status);
          else add('widgets', VERBS[k]);
          if (k === 'full' && g.status) add('widgets/status', ['get', 'update', 'patch']);
          if (k === 'full' && g.scale) add('widgets/scale', ['get', 'update', 'patch']);
        }
        const rules = rulesOf(outcome.objects, ns === undefined ? 'ClusterRole' : 'Role', ns);
        const order = VERBS.full;
        const byResource = (r: any) => r.resources[0];
        const got = rules.map(r => ({ apiGroups: r.apiGroups, resources: r.resources, verbs: [...r.verbs].sort() }));
        expect(got.sort((a, b) => byResource(a).localeCompare(byResource(b))))
          .toEqual([...want.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([resource, verbs]) => ({ apiGroups: ['shop.example.com'], resources: [resource], verbs: [...verbs].sort() })));
        for (const r of rules) expect([...r.verbs]).toEqual([...r.verbs].sort((a: string, b: string) => order.indexOf(a) - order.indexOf(b)));
      }
    }), runs(150)));
    expect(tally.valid).toBeGreaterThan(10);
    expect(tally.refused).toBeGreaterThan(10);
  });

  test('the controller runs restricted pods (unless opted out) with exactly the informer, status, event and lease permissions', () => {
    const tally = new OutcomeTally();
    const arb = fc.record({
      scope: fc.constantFrom(CustomResourceScope.NAMESPACED, CustomResourceScope.CLUSTER),
      status: fc.boolean(),
      replicas: fc.option(fc.constantFrom(0, 1, 2, 3, -1, 1.5, Number.NaN), { nil: undefined }),
      leaderElection: fc.option(fc.boolean(), { nil: undefined }),
      recordEvents: fc.option(fc.boolean(), { nil: undefined }),
      restrictedSecurity: fc.option(fc.boolean(), { nil: undefined }),
      watchNamespace: namespaceArb,
      namespace: fc.oneof({ weight: 4, arbitrary: fc.constant('ops') }, { weight: 1, arbitrary: nastyString() }),
      image: fc.oneof(fc.constantFrom('ghcr.io/example/ctl:1.0', 'ctl@sha256:' + 'a'.repeat(64))),
    });
    timed('controllers (120 runs)', () => fc.assert(fc.property(arb, g => {
      const expected: string[] = [];
      const replicas = g.replicas ?? 1;
      const leader = g.leaderElection ?? true;
      if (!Number.isInteger(replicas) || replicas < 0 || (replicas > 1 && !leader)) expected.push('replicas');
      if (!isDns1123Label(g.namespace)) expected.push('namespace');
      if (g.watchNamespace !== undefined && (g.scope === CustomResourceScope.CLUSTER || !isDns1123Label(g.watchNamespace))) expected.push('namespace', 'watchNamespace');
      const outcome = tally.add(synthOrRefuse(() => {
        const c = chart();
        const crd = new CustomResourceDefinition(c, 'crd', {
          group: 'shop.example.com',
          kind: 'Widget',
          scope: g.scope,
          versions: [{ name: 'v1', schema: Schema.object({ properties: { spec: Schema.preserveUnknownFields(), status: Schema.preserveUnknownFields() } }), statusSubresource: g.status || undefined }],
        });
        new CustomResourceController(c, 'ctl', {
          definition: crd,
          namespace: g.namespace,
          container: { image: g.image },
          replicas: g.replicas,
          leaderElection: g.leaderElection,
          recordEvents: g.recordEvents,
          restrictedSecurity: g.restrictedSecurity,
          watchNamespace: g.watchNamespace,
        });
        return c;
      }));
      if (expected.length > 0) return expectNames(outcome, expected);
      if (outcome.kind === 'refused') throw new Error(`refused a valid controller: ${outcome.message}`);
      if (g.restrictedSecurity ?? true) expect(expectRestrictedWorkloads(outcome.objects)).toBe(1);
      const kind = g.watchNamespace === undefined ? 'ClusterRole' : 'Role';
      const rules = rulesOf(outcome.objects, kind, g.watchNamespace);
      const sorted = (rs: any[]) => rs.map(r => `${r.apiGroups[0]} ${r.resources[0]} ${r.verbs.join(',')}`).sort();
      const expectedRules = [
        'shop.example.com widgets get,list,watch',
        ...(g.status ? ['shop.example.com widgets/status update,patch'] : []),
        ...((g.recordEvents ?? true) && !(leader && g.watchNamespace === g.namespace) ? [' events create,patch'] : []),
      ];
      if (!(leader && g.watchNamespace === g.namespace)) expect(sorted(rules)).toEqual(expectedRules.sort());
      const leases = rulesOf(outcome.objects, 'Role', g.namespace).filter(r => r.resources[0] === 'leases');
      expect(sorted(leases)).toEqual(leader ? ['coordination.k8s.io leases get,create,update'] : []);
      // nothing wider than asked: no wildcard, no other resource
      for (const r of outcome.objects.filter(o => o.kind === 'ClusterRole' || o.kind === 'Role').flatMap(o => o.rules)) {
        expect(r.verbs).not.toContain('*');
        expect(['widgets', 'widgets/status', 'events', 'leases']).toContain(r.resources[0]);
      }
    }), runs(120)));
    expect(tally.valid).toBeGreaterThan(10);
    expect(tally.refused).toBeGreaterThan(5);
  });

  test('a library error, never a TypeError, for JavaScript callers passing the wrong types', () => {
    // GIVEN props a TypeScript caller cannot write
    const bad: any[] = [
      { group: 'a.example.com', kind: 'Widget', versions: [{ name: 'v1', schema: { type: 'object' } }] },
      { group: 'a.example.com', kind: 'Widget', versions: undefined },
      { group: 42, kind: null, versions: [{ name: 7, schema: Schema.object() }] },
      { group: 'a.example.com', kind: 'Widget', versions: [{ name: 'v1', schema: Schema.object(), printerColumns: [{ name: 'x', type: 'string' }] }] },
    ];
    for (const props of bad) {
      // WHEN / THEN
      const outcome = synthOrRefuse(() => {
        const c = chart();
        new CustomResourceDefinition(c, 'crd', props);
        return c;
      });
      expect(outcome.kind).toBe('refused');
      if (outcome.kind === 'refused') expectLibraryError(new Error(outcome.message));
    }
    // a plain string where a Schema belongs is refused by the factory itself
    expect(() => Schema.object({ properties: { a: 'string' as any } })).toThrow('[Schema] \'options.properties["a"]\' ("string") must be a Schema');
  });
});
