import { Chart, JsonPatch, Testing } from 'cdk8s';
import { AT_GROUP, atDefinition, atSchema } from './at';
import { CustomResource, CustomResourceDefinition, CustomResourceScope, Schema } from '../../src';
import { warningsOf } from '../../src/common/warnings';
import { ofKind, only, synthValid } from '../util/validate';

function chart(namespace?: string): Chart {
  return new Chart(Testing.app(), 'test', { namespace });
}

const SCHEDULE = '2019-07-03T02:00:00Z';

/** Synthesizes and returns the validation error message (empty when synth passes). */
function synthError(c: Chart): string {
  try {
    synthValid(c);
    return '';
  } catch (e: any) {
    return e.message;
  }
}

describe('a valid At instance', () => {
  // GIVEN
  const c = chart('cnat');
  const at = atDefinition(c);

  // WHEN
  const example = new CustomResource(c, 'example', {
    definition: at,
    metadata: { name: 'example-at' },
    spec: { schedule: SCHEDULE, command: 'echo YAY' },
  });
  const objects = synthValid(c); // the shared helper validates the instance against the CRD on its own

  test('is an object of the CRD kind and storage version', () => {
    expect(only(objects, 'At')).toEqual({
      apiVersion: 'cnat.programming-kubernetes.info/v1alpha1',
      kind: 'At',
      metadata: { name: 'example-at', namespace: 'cnat' },
      spec: { command: 'echo YAY', schedule: SCHEDULE },
    });
  });

  test('exposes its object, version and name', () => {
    expect(example.version).toBe('v1alpha1');
    expect(example.name).toBe('example-at');
    expect(example.apiObject.kind).toBe('At');
  });

  test('passes validateInstance', () => {
    expect(at.validateInstance(only(objects, 'At'))).toEqual([]);
  });
});

describe('instances that break the schema are refused at synth', () => {
  const withSpec = (spec: any) => {
    const c = chart('cnat');
    new CustomResource(c, 'example', { definition: atDefinition(c), spec });
    return synthError(c);
  };

  test('a value of the wrong type', () => {
    expect(withSpec({ schedule: 42, command: 'echo YAY' })).toContain("[test/example] 'spec.schedule' (42) must be of type string, found integer [apiextensions ValidateCustomResource]");
  });

  test('a missing required field', () => {
    expect(withSpec({ schedule: SCHEDULE })).toContain("[test/example] 'spec.command' (undefined) is required [apiextensions ValidateCustomResource]");
  });

  test('a string that is not a date-time', () => {
    expect(withSpec({ schedule: 'tomorrow at noon', command: 'echo YAY' })).toContain(
      "[test/example] 'spec.schedule' (\"tomorrow at noon\") must be of format date-time [apiextensions ValidateCustomResource]");
    expect(withSpec({ schedule: '2019-02-30T02:00:00Z', command: 'echo YAY' })).toContain("'spec.schedule' (\"2019-02-30T02:00:00Z\") must be of format date-time");
  });

  test('a string shorter than allowed', () => {
    expect(withSpec({ schedule: SCHEDULE, command: '' })).toContain("[test/example] 'spec.command' (\"\") must be at least 1 characters long [apiextensions ValidateCustomResource]");
  });

  test('a field the schema does not list is refused with strictFields, and a warning otherwise (the API server prunes it)', () => {
    // GIVEN
    const c = chart('cnat');
    const at = atDefinition(c);
    const spec = { schedule: SCHEDULE, command: 'echo YAY', retries: 3 };

    // WHEN
    const lenient = new CustomResource(c, 'lenient', { definition: at, spec });
    new CustomResource(c, 'strict', { definition: at, spec, strictFields: true });

    const error = synthError(c);

    // THEN
    expect(error).toContain(
      "[test/strict] 'spec.retries' (3) is not in the schema: the API server prunes unknown fields (kubectl warns \"unknown field\"); refused because strictFields is set [apiextensions pruning.Prune (fieldValidation=Strict)]");
    expect(error).not.toContain('test/lenient');
    expect(warningsOf(lenient)).toEqual([
      "[test/lenient] 'spec.retries' (3) is not in the schema: the API server prunes unknown fields (kubectl warns \"unknown field\") [apiextensions pruning.Prune]",
    ]);
  });

  test('every problem at once', () => {
    const message = withSpec({ schedule: 42 });
    expect(message).toContain("'spec.schedule' (42) must be of type string, found integer");
    expect(message).toContain("'spec.command' (undefined) is required");
  });

  test('a value outside an enum, set through the escape hatch', () => {
    // GIVEN a version without the status subresource, where status is part of the object
    const c = chart('cnat');
    const at = atDefinition(c, { statusSubresource: false });
    const example = new CustomResource(c, 'example', { definition: at, spec: { schedule: SCHEDULE, command: 'true' } });

    // WHEN
    example.apiObject.addJsonPatch(JsonPatch.add('/status', { phase: 'later' }));

    // THEN
    expect(synthError(c)).toContain("[test/example] 'status.phase' (\"later\") must be one of \"pending\", \"running\", \"done\" [apiextensions ValidateCustomResource]");
  });

  test('status written in git when the status subresource ignores it is a warning', () => {
    const c = chart('cnat');
    const example = new CustomResource(c, 'example', { definition: atDefinition(c), spec: { schedule: SCHEDULE, command: 'true' } });
    example.apiObject.addJsonPatch(JsonPatch.add('/status', { phase: 'done' }));
    expect(synthError(c)).toBe('');
    expect(warningsOf(example)).toEqual([
      "[test/example] 'status' ({\"phase\":\"done\"}) is ignored on create: with the status subresource, status is written only through ats/status (by the controller) [apiextensions statusStrategy]",
    ]);
  });
});

describe('what the API server would accept passes', () => {
  const crd = (c: Chart, spec: Schema) => new CustomResourceDefinition(c, 'widget', {
    group: 'shop.example.com',
    kind: 'Widget',
    versions: [{ name: 'v1', schema: Schema.object({ properties: { spec } }) }],
  });

  test('int-or-string, nullable, maps and free-form fields', () => {
    // GIVEN
    const c = chart();
    const widget = crd(c, Schema.object({
      properties: {
        port: Schema.intOrString(),
        name: Schema.string({ nullable: true }),
        labels: Schema.map(Schema.string()),
        config: Schema.preserveUnknownFields(),
        items: Schema.array(Schema.object({ properties: { id: Schema.integer() } })),
      },
    }));

    // WHEN
    new CustomResource(c, 'a', { definition: widget, spec: { port: 'http', labels: { 'app.kubernetes.io/name': 'shop' }, config: { any: { thing: [1] } }, items: [{ id: 1 }] } });
    new CustomResource(c, 'b', { definition: widget, spec: { port: 8080 } });

    // THEN
    expect(ofKind(synthValid(c), 'Widget')).toHaveLength(2);
    expect(widget.validateInstance({ apiVersion: 'shop.example.com/v1', kind: 'Widget', metadata: { name: 'c' }, spec: { name: null, port: true } }))
      .toEqual(["'spec.port' (true) must be of type integer,string, found boolean [apiextensions ValidateCustomResource]"]);
    expect(widget.validateInstance({ apiVersion: 'shop.example.com/v1', kind: 'Widget', metadata: { name: 'c' }, spec: { items: [{ id: 'one' }], labels: { a: 1 } } }))
      .toEqual(["'spec.items[0].id' (\"one\") must be of type integer, found string [apiextensions ValidateCustomResource]", "'spec.labels.a' (1) must be of type string, found integer [apiextensions ValidateCustomResource]"]);
  });

  test('metadata is the server\'s, except the name restrictions a schema makes', () => {
    // GIVEN a schema restricting metadata.name
    const c = chart();
    const widget = new CustomResourceDefinition(c, 'widget', {
      group: 'shop.example.com',
      kind: 'Widget',
      versions: [{ name: 'v1', schema: Schema.fromJson({ type: 'object', properties: { metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 5 } } } } }) }],
    });

    // WHEN
    new CustomResource(c, 'short', { definition: widget, metadata: { name: 'short', labels: { app: 'shop' }, annotations: { a: 'b' } } });
    new CustomResource(c, 'long', { definition: widget, metadata: { name: 'much-too-long' } });

    // THEN
    expect(synthError(c)).toContain("[test/long] 'metadata.name' (\"much-too-long\") must be at most 5 characters long [apiextensions ValidateCustomResource]");
    expect(synthError(c)).not.toContain('test/short');
  });

  test('defaults are applied before validation, as the API server does', () => {
    const widget = crd(chart(), Schema.object({ properties: { size: Schema.integer({ default: 3 }) }, required: ['size'] }));
    expect(widget.validateInstance({ apiVersion: 'shop.example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: {} })).toEqual([]);
  });

  test('CEL rules are evaluated at synth, with message, messageExpression and fieldPath', () => {
    // GIVEN
    const c = chart();
    const widget = crd(c, Schema.object({
      properties: { min: Schema.integer(), max: Schema.integer(), name: Schema.string() },
      validations: [
        { rule: 'self.min <= self.max', messageExpression: '"min " + string(self.min) + " exceeds max " + string(self.max)', fieldPath: '.min' },
        { rule: '!has(self.name) || self.name.matches("^[[:lower:]]+$")', message: 'name must be lowercase letters' },
        { rule: 'self.max <= oldSelf.max' },
      ],
    }));

    // WHEN
    new CustomResource(c, 'bad', { definition: widget, spec: { min: 5, max: 1, name: 'Shop' } });
    new CustomResource(c, 'good', { definition: widget, spec: { min: 1, max: 5, name: 'shop' } });

    // THEN the first two rules refuse the bad one; the transition rule (oldSelf) cannot run at synth
    expect(synthError(c).split('\n').slice(1)).toEqual([
      "  [test/bad] 'spec.min' (5) must satisfy the rule \"self.min <= self.max\": min 5 exceeds max 1 [apiextensions cel Validator (x-kubernetes-validations)[0]]",
      "  [test/bad] 'spec' ({\"max\":1,\"min\":5,\"name\":\"Shop\"}) must satisfy the rule \"!has(self.name) || self.name.matches(\\\"^[[:lower:]]+$\\\")\": name must be lowercase letters [apiextensions cel Validator (x-kubernetes-validations)[1]]",
    ]);
  });
});

describe('versions and scope', () => {
  const twoVersions = (c: Chart) => new CustomResourceDefinition(c, 'at', {
    group: AT_GROUP,
    kind: 'At',
    versions: [
      { name: 'v1alpha1', schema: atSchema(), deprecated: true, deprecationWarning: 'cnat.programming-kubernetes.info/v1alpha1 At is deprecated; use v1' },
      { name: 'v1', schema: atSchema(), storage: true },
      { name: 'v0', schema: atSchema(), served: false },
    ],
  });

  test('an instance of a deprecated version carries a warning', () => {
    // GIVEN
    const c = chart();
    const at = twoVersions(c);

    // WHEN
    const old = new CustomResource(c, 'old', { definition: at, version: 'v1alpha1', spec: { schedule: SCHEDULE, command: 'true' } });
    const current = new CustomResource(c, 'current', { definition: at, spec: { schedule: SCHEDULE, command: 'true' } });

    // THEN
    expect(only(synthValid(c), 'At', old.name).apiVersion).toBe('cnat.programming-kubernetes.info/v1alpha1');
    expect(warningsOf(old)).toEqual([
      '[test/old] At v1alpha1 is deprecated: cnat.programming-kubernetes.info/v1alpha1 At is deprecated; use v1',
    ]);
    expect(current.version).toBe('v1');
    expect(warningsOf(current)).toEqual([]);
  });

  test('refuses a version that is not served', () => {
    const c = chart();
    const at = twoVersions(c);
    expect(() => new CustomResource(c, 'x', { definition: at, version: 'v0' })).toThrow(
      "[test/x] 'version' (\"v0\") must be a served version of ats.cnat.programming-kubernetes.info: v1alpha1, v1");
    expect(() => new CustomResource(c, 'y', { definition: at, version: 'v2' })).toThrow("[test/y] 'version' (\"v2\") must be a served version");
  });

  test('validateInstance refuses an apiVersion or kind of another resource', () => {
    const at = atDefinition(chart());
    expect(at.validateInstance({ apiVersion: 'v1', kind: 'ConfigMap' })).toEqual([
      "'apiVersion' (\"v1\") must be a served version of ats.cnat.programming-kubernetes.info: cnat.programming-kubernetes.info/v1alpha1 [apiextensions crdHandler (served versions)]",
    ]);
    expect(at.validateInstance({ apiVersion: 'cnat.programming-kubernetes.info/v1alpha1', kind: 'Cron' })).toEqual(["'kind' (\"Cron\") must be \"At\" [apiextensions crdHandler (kind)]"]);
  });

  test('a cluster-scoped instance has no namespace, and refuses one', () => {
    // GIVEN
    const c = chart('shop');
    const crd = new CustomResourceDefinition(c, 'zone', {
      group: 'shop.example.com',
      kind: 'Zone',
      scope: CustomResourceScope.CLUSTER,
      versions: [{ name: 'v1', schema: Schema.object({ properties: { spec: Schema.object({ properties: { region: Schema.string() } }) } }) }],
    });

    // WHEN
    new CustomResource(c, 'eu', { definition: crd, metadata: { name: 'eu' }, spec: { region: 'eu-west-1' } });

    // THEN
    expect(only(synthValid(c), 'Zone').metadata).toEqual({ name: 'eu' });
    expect(() => new CustomResource(c, 'us', { definition: crd, metadata: { namespace: 'shop' } })).toThrow(
      "[test/us] 'metadata.namespace' (\"shop\") must be unset: Zone is cluster-scoped");
  });
});

describe('found by the property tests', () => {
  const widget = (c: Chart) => new CustomResourceDefinition(c, 'widget', {
    group: 'shop.example.com', kind: 'Widget', versions: [{ name: 'v1', schema: Schema.object({ properties: { spec: Schema.preserveUnknownFields() } }) }],
  });

  test('metadata with an explicit name: undefined still gets the generated name', () => {
    const c = chart('shop');
    new CustomResource(c, 'one', { definition: widget(c), metadata: { name: undefined, labels: { app: 'shop' } } });
    expect(only(synthValid(c), 'Widget').metadata).toEqual({ name: expect.stringMatching(/^test-one-c8[0-9a-f]+$/), namespace: 'shop', labels: { app: 'shop' } });
  });

  test('a name, label or annotation key the API server rejects is refused with its path', () => {
    const c = chart('shop');
    new CustomResource(c, 'one', {
      definition: widget(c),
      metadata: { name: 'Not A Name', labels: { 'a b': 'ok', 'app': 'line\nbreak' }, annotations: { '{{': 'x', 'example.com/fine': 'yes {{ }}' } },
    });
    const message = synthError(c);
    expect(message).toContain("[test/one] 'metadata.name' (\"Not A Name\") must be a DNS subdomain");
    expect(message).toContain("[test/one] 'metadata.labels[\"a b\"]' (\"a b\") has a key that must be a qualified name");
    expect(message).toContain("[test/one] 'metadata.labels.app' (\"line\\nbreak\") must be a label value");
    expect(message).toContain("[test/one] 'metadata.annotations[\"{{\"]' (\"{{\") has a key that must be a qualified name");
    expect(message).not.toContain('example.com/fine');
  });
});
