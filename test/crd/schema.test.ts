import { Chart, Testing } from 'cdk8s';
import { CustomResourceDefinition, ListType, Schema, ValidationReason } from '../../src';
import { only, synthValid } from '../util/validate';

/** A CRD in a fresh chart whose only version has `spec` described by `spec`. */
function crdWithSpec(spec: Schema, chart = new Chart(Testing.app(), 'test')): CustomResourceDefinition {
  return crdWithRoot(Schema.object({ properties: { spec } }), chart);
}

function crdWithRoot(schema: Schema, chart = new Chart(Testing.app(), 'test')): CustomResourceDefinition {
  return new CustomResourceDefinition(chart, 'widget', {
    group: 'shop.example.com',
    kind: 'Widget',
    versions: [{ name: 'v1', schema }],
  });
}

const SPEC = "'versions[0].schema.properties.spec";

describe('Schema builder', () => {
  test('renders every factory as structural OpenAPI v3', () => {
    // GIVEN
    const schema = Schema.object({
      description: 'A widget.',
      properties: {
        size: Schema.integer({ minimum: 1, maximum: 10, default: 3, format: 'int32' }),
        ratio: Schema.number({ minimum: 0, maximum: 1, multipleOf: 0.25 }),
        enabled: Schema.boolean({ default: true }),
        color: Schema.string({ enum: ['red', 'green'], nullable: true }),
        name: Schema.string({ pattern: '^[a-z]+$', minLength: 1, maxLength: 20 }),
        tags: Schema.array(Schema.string(), { minItems: 1, maxItems: 5, listType: ListType.SET }),
        labels: Schema.map(Schema.string(), { maxProperties: 10 }),
        port: Schema.intOrString({ description: 'A number or a name.' }),
        config: Schema.preserveUnknownFields(),
      },
      required: ['size'],
      validations: [{ rule: 'self.size <= 5 || self.enabled', message: 'big widgets must be enabled', reason: ValidationReason.FIELD_VALUE_FORBIDDEN }],
    });

    // WHEN
    const json = schema.toJson();

    // THEN
    expect(json).toEqual({
      'description': 'A widget.',
      'type': 'object',
      'properties': {
        size: { type: 'integer', minimum: 1, maximum: 10, default: 3, format: 'int32' },
        ratio: { type: 'number', minimum: 0, maximum: 1, multipleOf: 0.25 },
        enabled: { type: 'boolean', default: true },
        color: { type: 'string', enum: ['red', 'green'], nullable: true },
        name: { type: 'string', pattern: '^[a-z]+$', minLength: 1, maxLength: 20 },
        tags: { 'type': 'array', 'items': { type: 'string' }, 'minItems': 1, 'maxItems': 5, 'x-kubernetes-list-type': 'set' },
        labels: { type: 'object', additionalProperties: { type: 'string' }, maxProperties: 10 },
        port: { 'description': 'A number or a name.', 'anyOf': [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true },
        config: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
      'required': ['size'],
      'x-kubernetes-validations': [{ rule: 'self.size <= 5 || self.enabled', message: 'big widgets must be enabled', reason: 'FieldValueForbidden' }],
    });
  });

  test('a CRD carries the rendered schema and the Kubernetes schema accepts it', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'test');
    crdWithSpec(Schema.object({
      properties: { port: Schema.intOrString(), items: Schema.array(Schema.object({ properties: { name: Schema.string() }, required: ['name'] }), { listType: ListType.MAP, listMapKeys: ['name'] }) },
    }), chart);

    // WHEN
    const crd = only(synthValid(chart), 'CustomResourceDefinition');

    // THEN
    const spec = crd.spec.versions[0].schema.openAPIV3Schema.properties.spec;
    expect(spec.properties.port['x-kubernetes-int-or-string']).toBe(true);
    expect(spec.properties.items['x-kubernetes-list-map-keys']).toEqual(['name']);
  });

  test('toJson returns a copy', () => {
    const schema = Schema.string();
    schema.toJson().type = 'integer';
    expect(schema.toJson()).toEqual({ type: 'string' });
  });

  test('fromJson takes a controller-gen style schema as it is', () => {
    // GIVEN
    const raw = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            replicas: { type: 'integer', format: 'int32', minimum: 0, exclusiveMinimum: false },
            port: { 'anyOf': [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true },
          },
        },
      },
    };

    // WHEN
    const crd = crdWithRoot(Schema.fromJson(raw));

    // THEN
    expect(crd.apiObject.toJson().spec.versions[0].schema.openAPIV3Schema).toEqual(raw);
  });
});

describe('structural schema refusals', () => {
  test('refuses a field without a type', () => {
    const missing = Schema.fromJson({ type: 'object', properties: { spec: { type: 'object', properties: { size: { description: 'no type' } } } } });
    expect(() => crdWithRoot(missing)).toThrow(
      `[test/widget] ${SPEC}.properties.size.type' (undefined) must be set for an object field (structural schema): one of object, array, string, integer, number, boolean, unless the node is Schema.intOrString() or Schema.preserveUnknownFields()`);
  });

  test('refuses array items and map values without a type', () => {
    const missing = Schema.fromJson({
      type: 'object',
      properties: { spec: { type: 'object', properties: { list: { type: 'array', items: {} }, map: { type: 'object', additionalProperties: {} } } } },
    });
    expect(() => crdWithRoot(missing)).toThrow(`${SPEC}.properties.list.items.type' (undefined) must be set for array items`);
    expect(() => crdWithRoot(missing)).toThrow(`${SPEC}.properties.map.additionalProperties.type' (undefined) must be set for map values`);
  });

  test('refuses an array without items', () => {
    expect(() => crdWithSpec(Schema.fromJson({ type: 'array' })))
      .toThrow(`${SPEC}.items' (undefined) must be set for an array (structural schema)`);
  });

  test('refuses additionalProperties together with properties', () => {
    const both = Schema.object({ properties: { a: Schema.string() }, additionalProperties: Schema.string() });
    expect(() => crdWithSpec(both)).toThrow(
      `[test/widget] ${SPEC}.additionalProperties' ({"type":"string"}) and properties are mutually exclusive (structural schema): use properties for a struct, Schema.map() for a map`);
  });

  test('refuses a root that is not an object, or additionalProperties at the root', () => {
    expect(() => crdWithRoot(Schema.string())).toThrow("'versions[0].schema.type' (\"string\") must be \"object\" at the root");
    expect(() => crdWithRoot(Schema.map(Schema.string()))).toThrow("'versions[0].schema.additionalProperties' ({\"type\":\"string\"}) must not be used at the root");
  });

  test('refuses a default that is not valid against its own node', () => {
    expect(() => crdWithSpec(Schema.object({ properties: { size: Schema.integer({ minimum: 1, default: 0 }) } })))
      .toThrow(`${SPEC}.properties.size.default' (0) must be valid against its own schema: must be >= 1 (schema minimum)`);
    expect(() => crdWithSpec(Schema.object({ properties: { color: Schema.string({ enum: ['red'], default: 'blue' }) } })))
      .toThrow(`${SPEC}.properties.color.default' ("blue") must be valid against its own schema: must be one of "red" (schema enum)`);
  });

  test('checks an object default with the nested defaults applied, as the API server does', () => {
    // GIVEN an object defaulting to {} whose required field has a default of its own
    const spec = Schema.object({ properties: { size: Schema.integer({ default: 1 }) }, required: ['size'], default: {} });

    // THEN it is accepted
    expect(() => crdWithSpec(spec)).not.toThrow();
    // and a default with a field the schema does not list is refused (the server would prune it)
    expect(() => crdWithSpec(Schema.object({ properties: { size: Schema.integer() }, default: { colour: 'red' } })))
      .toThrow(`${SPEC}.default' ({"colour":"red"}) must be valid against its own schema: colour is not in the schema (the API server would prune it) (schema additionalProperties)`);
  });

  test('refuses enum values of the wrong type', () => {
    expect(() => crdWithSpec(Schema.fromJson({ type: 'integer', enum: [1, 'two'] })))
      .toThrow(`${SPEC}.enum[1]' ("two") must be integer (schema type)`);
  });

  test('refuses required fields the schema does not list', () => {
    expect(() => crdWithSpec(Schema.object({ properties: { a: Schema.string() }, required: ['b'] })))
      .toThrow(`${SPEC}.required[0]' ("b") must name one of the properties ("a"): a field the schema does not list is pruned, so it could never be present`);
  });

  test('refuses formats the API server does not know', () => {
    expect(() => crdWithSpec(Schema.string({ format: 'datetime-local' })))
      .toThrow(`${SPEC}.format' ("datetime-local") is not a format the API server knows for type "string" (it would ignore it); one of date-time, datetime, date, duration`);
  });

  test('refuses RE2-incompatible and invalid patterns', () => {
    expect(() => crdWithSpec(Schema.string({ pattern: '^(?!admin).*$' })))
      .toThrow(`${SPEC}.pattern' ("^(?!admin).*$") must be a regular expression the API server's RE2 engine runs: error parsing regexp: invalid or unsupported Perl syntax: \`(?!\``);
    expect(() => crdWithSpec(Schema.string({ pattern: '^[a-z' })))
      .toThrow(`${SPEC}.pattern' ("^[a-z") must be a regular expression the API server's RE2 engine runs: error parsing regexp: missing closing ]: \`[a-z\``);
    expect(() => crdWithSpec(Schema.string({ pattern: '^\\w+\\Z' })))
      .toThrow(`${SPEC}.pattern' ("^\\\\w+\\\\Z") must be a regular expression the API server's RE2 engine runs: error parsing regexp: invalid escape sequence: \`\\Z\``);
  });

  test('refuses inverted bounds', () => {
    expect(() => crdWithSpec(Schema.string({ minLength: 5, maxLength: 2 }))).toThrow(`${SPEC}.minLength' (5) must be <= 'maxLength' (2)`);
    expect(() => crdWithSpec(Schema.integer({ minimum: 5, maximum: 2 }))).toThrow(`${SPEC}.minimum' (5) must be <= 'maximum' (2)`);
    expect(() => crdWithSpec(Schema.array(Schema.string(), { minItems: -1 }))).toThrow(`${SPEC}.minItems' (-1) must be an integer >= 0`);
  });

  test('refuses keywords that are not structural or do not fit the type', () => {
    expect(() => crdWithSpec(Schema.fromJson({ type: 'string', oneOf: [{ minLength: 1 }] })))
      .toThrow(`${SPEC}.oneOf' ([{"minLength":1}]) is not supported in a structural schema; allowed keywords:`);
    expect(() => crdWithSpec(Schema.fromJson({ type: 'array', items: { type: 'string' }, uniqueItems: true })))
      .toThrow(`${SPEC}.uniqueItems' (true) is not supported in a structural schema`);
    expect(() => crdWithSpec(Schema.fromJson({ type: 'integer', pattern: '^1' })))
      .toThrow(`${SPEC}.pattern' ("^1") does not apply to type "integer"; it applies to string`);
    expect(() => crdWithSpec(Schema.fromJson({ anyOf: [{ type: 'integer' }, { type: 'boolean' }] })))
      .toThrow(`${SPEC}.anyOf' ([{"type":"integer"},{"type":"boolean"}]) is only supported as the x-kubernetes-int-or-string pattern`);
  });

  test('refuses a boolean additionalProperties', () => {
    expect(() => crdWithSpec(Schema.fromJson({ type: 'object', additionalProperties: true })))
      .toThrow(`${SPEC}.additionalProperties' (true) must be a schema: use Schema.map(values) for a map or Schema.preserveUnknownFields() for free-form data`);
  });

  test('refuses metadata schemas beyond name and generateName', () => {
    const root = Schema.fromJson({ type: 'object', properties: { metadata: { type: 'object', properties: { labels: { type: 'object' } } } } });
    expect(() => crdWithRoot(root)).toThrow("'versions[0].schema.properties.metadata' ({\"type\":\"object\",\"properties\":{\"labels\":{\"type\":\"object\"}}}) may only restrict name and generateName");
    const name = Schema.fromJson({ type: 'object', properties: { metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 20 } } } } });
    expect(() => crdWithRoot(name)).not.toThrow();
  });

  test('refuses malformed CEL rules', () => {
    expect(() => crdWithSpec(Schema.object({ validations: [{ rule: ' ' }] })))
      .toThrow(`${SPEC}.x-kubernetes-validations[0].rule' (" ") must be a non-empty CEL expression`);
    expect(() => crdWithSpec(Schema.object({ validations: [{ rule: 'self.a > 0', message: 'line one\nline two' }] })))
      .toThrow(`${SPEC}.x-kubernetes-validations[0].message' ("line one\\nline two") must not contain line breaks`);
    expect(() => crdWithSpec(Schema.object({ validations: [{ rule: 'self.a > 0', reason: 'Nope' as ValidationReason }] })))
      .toThrow(`${SPEC}.x-kubernetes-validations[0].reason' ("Nope") must be one of FieldValueInvalid, FieldValueForbidden, FieldValueRequired, FieldValueDuplicate`);
  });

  test('refuses a map list whose keys are not required or defaulted', () => {
    const list = Schema.array(Schema.object({ properties: { name: Schema.string() } }), { listType: ListType.MAP, listMapKeys: ['name'] });
    expect(() => crdWithSpec(list)).toThrow(`${SPEC}.x-kubernetes-list-map-keys' ("name") must name fields that are required or have a default`);
  });

  test('refuses a plain JavaScript object where a Schema is expected (Schema.fromJson takes plain JSON)', () => {
    expect(() => Schema.object({ properties: { size: { minimum: 1 } as any } }))
      .toThrow('[Schema] \'options.properties["size"]\' ({"minimum":1}) must be a Schema');
  });

  test('reports every problem at once', () => {
    const bad = Schema.fromJson({ type: 'object', properties: { a: {}, b: { type: 'array' } } });
    let message = '';
    try {
      crdWithSpec(bad);
    } catch (e: any) {
      message = e.message;
    }
    expect(message.split('\n')).toEqual([
      expect.stringContaining(`${SPEC}.properties.a.type' (undefined) must be set`),
      expect.stringContaining(`${SPEC}.properties.b.items' (undefined) must be set`),
    ]);
  });
});
