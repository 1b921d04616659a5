import { Chart, Testing } from 'cdk8s';
import { AT_GROUP, atDefinition, atSchema } from './at';
import { CustomResourceDefinition, CustomResourceDefinitionProps, CustomResourceScope, CustomResourceVersion, PrinterColumnType, Schema } from '../../src';
import { listKindOf, pluralOf, singularOf } from '../../src/crd/names';
import { only, synthValid } from '../util/validate';

function chart(namespace?: string): Chart {
  return new Chart(Testing.app(), 'test', { namespace });
}

/** A valid Widget CRD with some props replaced. */
function widget(overrides: Partial<CustomResourceDefinitionProps> = {}, scope = chart()): CustomResourceDefinition {
  return new CustomResourceDefinition(scope, 'widget', {
    group: 'shop.example.com',
    kind: 'Widget',
    versions: [{ name: 'v1', schema: Schema.object({ properties: { spec: Schema.object({ properties: { size: Schema.integer() } }) } }) }],
    ...overrides,
  });
}

function version(name: string, extra: Partial<CustomResourceVersion> = {}): CustomResourceVersion {
  return { name, schema: atSchema(), ...extra };
}

describe('the At CRD', () => {
  // GIVEN
  const c = chart('cnat');
  const at = atDefinition(c);

  // WHEN
  const crd = only(synthValid(c), 'CustomResourceDefinition');

  test('matches the snapshot', () => {
    expect(crd).toMatchSnapshot();
  });

  test('is named <plural>.<group>, cluster-scoped object without a namespace', () => {
    expect(crd.metadata).toEqual({ name: 'ats.cnat.programming-kubernetes.info' });
    expect(at.name).toBe('ats.cnat.programming-kubernetes.info');
  });

  test('derives the names from the kind', () => {
    expect(crd.spec.group).toBe(AT_GROUP);
    expect(crd.spec.scope).toBe('Namespaced');
    expect(crd.spec.names).toEqual({ kind: 'At', plural: 'ats', singular: 'at', listKind: 'AtList', shortNames: ['at'], categories: ['all'] });
  });

  test('has one served storage version with the status subresource and printer columns', () => {
    expect(crd.spec.versions.map((v: any) => [v.name, v.served, v.storage])).toEqual([['v1alpha1', true, true]]);
    expect(crd.spec.versions[0].subresources).toEqual({ status: {} });
    expect(crd.spec.versions[0].additionalPrinterColumns).toEqual([
      { name: 'Schedule', type: 'date', jsonPath: '.spec.schedule' },
      { name: 'Command', type: 'string', jsonPath: '.spec.command', priority: 1 },
      { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
    ]);
    expect(at.storageVersion).toBe('v1alpha1');
    expect(at.apiVersionOf()).toBe('cnat.programming-kubernetes.info/v1alpha1');
  });

  test('carries the schema: spec.schedule a date-time, spec.command a string, status.phase an enum', () => {
    const schema = crd.spec.versions[0].schema.openAPIV3Schema;
    expect(schema.type).toBe('object');
    expect(schema.properties.spec.required).toEqual(['schedule', 'command']);
    expect(schema.properties.spec.properties.schedule).toMatchObject({ type: 'string', format: 'date-time' });
    expect(schema.properties.spec.properties.command).toMatchObject({ type: 'string', minLength: 1 });
    expect(schema.properties.status.properties.phase).toMatchObject({ type: 'string', enum: ['pending', 'running', 'done'] });
  });
});

describe('names', () => {
  test.each([
    ['At', 'ats'], ['Policy', 'policies'], ['Ingress', 'ingresses'], ['Gateway', 'gateways'],
    ['Box', 'boxes'], ['Patch', 'patches'], ['Mesh', 'meshes'], ['Status', 'statuses'], ['CronTab', 'crontabs'],
  ])('the plural of %s is %s', (kind, plural) => {
    expect(pluralOf(kind)).toBe(plural);
  });

  test('singular and list kind follow the API server defaults', () => {
    expect(singularOf('CronTab')).toBe('crontab');
    expect(listKindOf('CronTab')).toBe('CronTabList');
  });

  test('every name can be overridden', () => {
    const crd = only(synthValid(widget({ kind: 'Person', plural: 'people', singular: 'human', listKind: 'Crowd' }).node.scope as Chart), 'CustomResourceDefinition');
    expect(crd.metadata.name).toBe('people.shop.example.com');
    expect(crd.spec.names).toEqual({ kind: 'Person', plural: 'people', singular: 'human', listKind: 'Crowd' });
  });
});

describe('versions', () => {
  test('several versions: one storage, served flags and deprecation as given', () => {
    // GIVEN
    const c = chart();
    new CustomResourceDefinition(c, 'at', {
      group: AT_GROUP,
      kind: 'At',
      versions: [
        version('v1alpha1', { served: true, deprecated: true, deprecationWarning: 'cnat v1alpha1 At is deprecated; use v1' }),
        version('v1', { storage: true }),
        version('v0', { served: false }),
      ],
    });

    // WHEN
    const versions = only(synthValid(c), 'CustomResourceDefinition').spec.versions;

    // THEN
    const flags = versions.map((v: any) => ({
      name: v.name, served: v.served, storage: v.storage, deprecated: v.deprecated, deprecationWarning: v.deprecationWarning,
    }));
    expect(flags).toEqual([
      { name: 'v1alpha1', served: true, storage: false, deprecated: true, deprecationWarning: 'cnat v1alpha1 At is deprecated; use v1' },
      { name: 'v1', served: true, storage: true, deprecated: undefined, deprecationWarning: undefined },
      { name: 'v0', served: false, storage: false, deprecated: undefined, deprecationWarning: undefined },
    ]);
  });

  test('refuses zero storage versions', () => {
    expect(() => widget({ versions: [version('v1'), version('v2')] })).toThrow(
      "[test/widget] 'versions' ([\"v1\",\"v2\"]) must have exactly one version marked as storage version (storage: true), found 0 (v1: false, v2: false) [apiextensions ValidateCustomResourceDefinition]");
  });

  test('refuses several storage versions', () => {
    expect(() => widget({ versions: [version('v1', { storage: true }), version('v2', { storage: true })] })).toThrow(
      "[test/widget] 'versions' ([\"v1\",\"v2\"]) must have exactly one version marked as storage version (storage: true), found 2 (v1: true, v2: true) [apiextensions ValidateCustomResourceDefinition]");
  });

  test('refuses a single version explicitly marked not storage', () => {
    expect(() => widget({ versions: [version('v1', { storage: false })] })).toThrow('found 0 (v1: false)');
  });

  test('refuses duplicate versions', () => {
    expect(() => widget({ versions: [version('v1', { storage: true }), version('v1')] })).toThrow(
      "[test/widget] 'versions[1].name' (\"v1\") must be unique: versions[0] is already \"v1\"");
  });

  test('refuses no versions and bad version names', () => {
    expect(() => widget({ versions: [] })).toThrow("[test/widget] 'versions' ([]) must have at least one version [apiextensions ValidateCustomResourceDefinition]");
    expect(() => widget({ versions: [version('V1')] })).toThrow("[test/widget] 'versions[0].name' (\"V1\") must be a DNS-1035 label");
  });

  test('refuses a deprecation warning on a version that is not deprecated', () => {
    expect(() => widget({ versions: [version('v1', { deprecationWarning: 'old' })] })).toThrow(
      "[test/widget] 'versions[0].deprecationWarning' (\"old\") can only be set for deprecated versions (deprecated: true) [apiextensions validateCustomResourceDefinitionVersion]");
  });
});

describe('name refusals', () => {
  test('refuses a group without a dot', () => {
    expect(() => widget({ group: 'cnat' })).toThrow(
      "[test/widget] 'group' (\"cnat\") should be a domain with at least one dot, e.g. \"cnat.programming-kubernetes.info\" [apiextensions ValidateCustomResourceDefinition]");
    expect(() => widget({ group: '' })).toThrow("[test/widget] 'group' (\"\") is required [apiextensions ValidateCustomResourceDefinition]");
  });

  test.each(['Cnat.Example.com', 'cnat_example.com', '-cnat.example.com'])('refuses the non-DNS group %j', group => {
    expect(() => widget({ group })).toThrow(
      `[test/widget] 'group' (${JSON.stringify(group)}) must be a DNS subdomain: lowercase letters, digits, "-" and ".", at most 253 characters [apiextensions ValidateCustomResourceDefinition]`);
  });

  test.each(['cron_tab', '1At', 'At.v1'])('refuses the kind %j that is not a mixed-case DNS-1035 label', kind => {
    expect(() => widget({ kind, plural: 'ats', singular: 'at', listKind: 'AtList' })).toThrow(
      `[test/widget] 'kind' (${JSON.stringify(kind)}) may have mixed case, but should otherwise match a DNS-1035 label: at most 63 letters, digits and "-", starting with a letter, e.g. "At" [apiextensions ValidateCustomResourceDefinitionNames]`);
  });

  test.each(['at', 'Cron-Tab'])('accepts the kind %j, as the API server does', kind => {
    expect(() => widget({ kind, plural: 'ats', singular: 'at', listKind: 'AtList' })).not.toThrow();
  });

  test.each(['Ats', 'a_ts', 'ats.v1'])('refuses the plural %j that is not lowercase', plural => {
    expect(() => widget({ plural })).toThrow(
      `[test/widget] 'plural' (${JSON.stringify(plural)}) must be a DNS-1035 label: at most 63 lowercase letters, digits and "-", starting with a letter and ending with a letter or digit [apiextensions ValidateCustomResourceDefinitionNames]`);
  });

  test('refuses bad singular, list kind, short names and categories', () => {
    expect(() => widget({ singular: 'Widget' })).toThrow("'singular' (\"Widget\") must be a DNS-1035 label");
    expect(() => widget({ listKind: 'Widget' })).toThrow("'listKind' (\"Widget\") must differ from kind");
    expect(() => widget({ shortNames: ['wd', 'W'] })).toThrow("'shortNames[1]' (\"W\") must be a DNS-1035 label");
    expect(() => widget({ categories: ['all', 'all'] })).toThrow("'categories[1]' (\"all\") is listed twice");
  });

  test('refuses a protected Kubernetes group without the API approval annotation', () => {
    expect(() => widget({ group: 'widgets.k8s.io' })).toThrow(
      "[test/widget] 'metadata.annotations[\"api-approved.kubernetes.io\"]' (undefined) is required: widgets.k8s.io is a protected Kubernetes group; set it to the URL of the approved API review");
    expect(() => widget({ group: 'widgets.k8s.io', metadata: { annotations: { 'api-approved.kubernetes.io': 'https://github.com/kubernetes/enhancements/pull/1111' } } })).not.toThrow();
  });

  test('refuses a metadata name other than <plural>.<group>', () => {
    expect(() => widget({ metadata: { name: 'widgets' } })).toThrow(
      "[test/widget] 'metadata.name' (\"widgets\") must be \"widgets.shop.example.com\" (<plural>.<group>) or unset");
  });

  test('keeps labels and annotations', () => {
    const c = chart();
    widget({ metadata: { labels: { team: 'shop' } } }, c);
    expect(only(synthValid(c), 'CustomResourceDefinition').metadata).toEqual({ name: 'widgets.shop.example.com', labels: { team: 'shop' } });
  });
});

describe('subresources and printer columns', () => {
  const scalable = () => Schema.object({
    properties: {
      spec: Schema.object({ properties: { replicas: Schema.integer({ minimum: 0 }), selector: Schema.string() } }),
      status: Schema.object({ properties: { replicas: Schema.integer(), selector: Schema.string(), phase: Schema.string() } }),
    },
  });

  test('renders the scale subresource when its paths exist in the schema', () => {
    // GIVEN
    const c = chart();
    widget({
      versions: [{
        name: 'v1',
        schema: scalable(),
        statusSubresource: true,
        scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' },
      }],
    }, c);

    // WHEN
    const v = only(synthValid(c), 'CustomResourceDefinition').spec.versions[0];

    // THEN
    expect(v.subresources).toEqual({
      status: {},
      scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' },
    });
  });

  test('refuses scale paths missing from the schema, of the wrong type or outside spec/status', () => {
    const withScale = (scale: any) => widget({ versions: [{ name: 'v1', schema: scalable(), scale }] });
    expect(() => withScale({ specReplicasPath: '.spec.size', statusReplicasPath: '.status.replicas' })).toThrow(
      "[test/widget] 'versions[0].scale.specReplicasPath' (\".spec.size\") does not exist in the schema (no .spec.size)");
    expect(() => withScale({ specReplicasPath: '.spec.selector', statusReplicasPath: '.status.replicas' })).toThrow(
      "'versions[0].scale.specReplicasPath' (\".spec.selector\") leads to a string in the schema; must lead to an integer");
    expect(() => withScale({ specReplicasPath: '.status.replicas', statusReplicasPath: '.status.replicas' })).toThrow(
      "'versions[0].scale.specReplicasPath' (\".status.replicas\") should be a json path under .spec [apiextensions ValidateCustomResourceDefinitionSubresources]");
  });

  test('refuses the status subresource when the schema has no status', () => {
    expect(() => widget({ versions: [{ name: 'v1', schema: Schema.object({ properties: { spec: Schema.object() } }), statusSubresource: true }] })).toThrow(
      "[test/widget] 'versions[0].schema.properties.status' (undefined) must be defined with the status subresource: the API server prunes every field the schema does not list");
  });

  test('refuses root keywords the status subresource does not allow', () => {
    const schema = Schema.object({ properties: { status: Schema.object() }, validations: [{ rule: 'true' }], preserveUnknownFields: true, description: 'ok' });
    expect(() => widget({ versions: [{ name: 'v1', schema, statusSubresource: true }] })).not.toThrow();
    const rootDefault = Schema.fromJson({ type: 'object', properties: { status: { type: 'object' } }, minProperties: 1 });
    expect(() => widget({ versions: [{ name: 'v1', schema: rootDefault, statusSubresource: true }] })).toThrow(
      "'versions[0].schema.minProperties' (1) is not allowed at the root of the schema if the status subresource is enabled");
  });

  test('refuses printer column paths that are not in the schema', () => {
    expect(() => atDefinition(chart(), { printerColumns: [{ name: 'When', type: PrinterColumnType.DATE, jsonPath: '.spec.when' }] })).toThrow(
      "[test/at] 'versions[0].printerColumns[0].jsonPath' (\".spec.when\") does not exist in the schema (no .spec.when)");
  });

  test('refuses printer columns whose type does not match the schema', () => {
    expect(() => atDefinition(chart(), { printerColumns: [{ name: 'Phase', type: PrinterColumnType.INTEGER, jsonPath: '.status.phase' }] })).toThrow(
      "[test/at] 'versions[0].printerColumns[0].jsonPath' (\".status.phase\") leads to a string in the schema; an integer column must lead to integer");
  });

  test('accepts metadata, array and map paths in printer columns', () => {
    const schema = Schema.object({
      properties: {
        status: Schema.object({
          properties: {
            conditions: Schema.array(Schema.object({ properties: { type: Schema.string(), status: Schema.string() } })),
            counts: Schema.map(Schema.integer()),
          },
        }),
      },
    });
    const columns = [
      { name: 'Ready', type: PrinterColumnType.STRING, jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
      { name: 'First', type: PrinterColumnType.STRING, jsonPath: '.status.conditions[0].type' },
      { name: 'Done', type: PrinterColumnType.INTEGER, jsonPath: '.status.counts.done' },
      { name: 'Age', type: PrinterColumnType.DATE, jsonPath: '.metadata.creationTimestamp' },
    ];
    const c = chart();
    widget({ versions: [{ name: 'v1', schema, printerColumns: columns }] }, c);
    expect(only(synthValid(c), 'CustomResourceDefinition').spec.versions[0].additionalPrinterColumns).toEqual(columns);
  });

  test('refuses array notation on a field that is not an array, and unknown metadata fields', () => {
    const withColumn = (jsonPath: string) => atDefinition(chart(), { printerColumns: [{ name: 'X', type: PrinterColumnType.STRING, jsonPath }] });
    expect(() => withColumn('.spec.command[0]')).toThrow("'versions[0].printerColumns[0].jsonPath' (\".spec.command[0]\") indexes .spec.command, which is not an array in the schema");
    expect(() => withColumn('.metadata.owner')).toThrow("'versions[0].printerColumns[0].jsonPath' (\".metadata.owner\") must name an ObjectMeta field after .metadata");
    expect(() => withColumn('spec.command')).toThrow("'versions[0].printerColumns[0].jsonPath' (\"spec.command\") must be a simple json path starting with \".\" [apiextensions ValidateCustomResourceColumnDefinition]");
  });

  test('refuses duplicate column names, unknown formats and negative priorities', () => {
    const col = { name: 'Phase', type: PrinterColumnType.STRING, jsonPath: '.status.phase' };
    expect(() => atDefinition(chart(), { printerColumns: [col, col] })).toThrow("'versions[0].printerColumns[1].name' (\"Phase\") must be unique within the version");
    expect(() => atDefinition(chart(), { printerColumns: [{ ...col, format: 'hex' }] })).toThrow("'versions[0].printerColumns[0].format' (\"hex\") must be one of byte, date, date-time, double, float, int32, int64, password [apiextensions ValidateCustomResourceColumnDefinition]");
    expect(() => atDefinition(chart(), { printerColumns: [{ ...col, priority: -1 }] })).toThrow("'versions[0].printerColumns[0].priority' (-1) must be an integer >= 0");
  });
});

describe('scope', () => {
  test('a cluster-scoped CRD renders scope Cluster', () => {
    const c = chart('shop');
    widget({ scope: CustomResourceScope.CLUSTER }, c);
    const crd = only(synthValid(c), 'CustomResourceDefinition');
    expect(crd.spec.scope).toBe('Cluster');
    expect(crd.metadata.namespace).toBeUndefined();
  });

  test('refuses an unknown scope (JavaScript callers)', () => {
    expect(() => widget({ scope: 'Global' as CustomResourceScope })).toThrow("[test/widget] 'scope' (\"Global\") must be one of \"Cluster\", \"Namespaced\" [apiextensions ValidateCustomResourceDefinition]");
  });
});

test('synthesizes byte-identical output twice', () => {
  const synth = () => {
    const c = chart('cnat');
    atDefinition(c);
    return JSON.stringify(Testing.synth(c));
  };
  expect(synth()).toEqual(synth());
});

describe('found by the property tests', () => {
  test('a group that makes <plural>.<group> longer than 253 characters is refused (the API server names the CRD so)', () => {
    const group = `${'g'.repeat(60)}.${'h'.repeat(60)}.${'i'.repeat(60)}.${'j'.repeat(63)}`;
    expect(() => widget({ group })).toThrow(/\[test\/widget\] 'group' \(".*"\) \(<plural>.<group>, 254 characters\) must be a DNS subdomain: at most 253 characters/);
    expect(widget({ group: group.slice(0, -1) }).name).toHaveLength(253);
  });

  test('a schema built one level at a time, thousands deep, is refused cleanly instead of overflowing the stack', () => {
    let s = Schema.string();
    for (let i = 0; i < 5000; i++) s = Schema.object({ properties: { n: s } });
    expect(() => widget({ versions: [version('v1', { schema: Schema.object({ properties: { spec: s } }) })] }))
      .toThrow("[test/widget] 'versions[0].schema' (\"10003 JSON levels\") nests too deeply: at most 200 JSON levels (about 100 nested fields)");
    expect(s.toJson().properties.n.properties.n.type).toBe('object');
  });

  test('building a nested schema keeps field order and copies nothing the caller can change afterwards', () => {
    const inner = Schema.object({ properties: { b: Schema.string(), a: Schema.integer() } });
    const outer = Schema.object({ properties: { z: inner, y: inner } });
    const json = outer.toJson();
    expect(Object.keys(json.properties)).toEqual(['z', 'y']);
    expect(Object.keys(json.properties.z.properties)).toEqual(['b', 'a']);
    json.properties.z.properties.b.type = 'boolean';
    expect(outer.toJson().properties.z.properties.b.type).toBe('string');
  });
});
