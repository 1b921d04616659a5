import { Chart, Testing } from 'cdk8s';
import { CustomResourceDefinition, ListType, Schema, ValidationReason } from '../../src';
import { warningsOf } from '../../src/common/warnings';
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
  const S = '[apiextensions ValidateStructural]';

  test('refuses a field without a type', () => {
    const missing = Schema.fromJson({ type: 'object', properties: { spec: { type: 'object', properties: { size: { description: 'no type' } } } } });
    expect(() => crdWithRoot(missing)).toThrow(
      `[test/widget] ${SPEC}.properties.size.type' (undefined) must not be empty for specified object fields (one of object, array, string, integer, number, boolean; only x-kubernetes-int-or-string and x-kubernetes-preserve-unknown-fields nodes may omit it) ${S}`);
  });

  test('refuses array items and map values without a type', () => {
    const missing = Schema.fromJson({
      type: 'object',
      properties: { spec: { type: 'object', properties: { list: { type: 'array', items: {} }, map: { type: 'object', additionalProperties: {} } } } },
    });
    expect(() => crdWithRoot(missing)).toThrow(`${SPEC}.properties.list.items.type' (undefined) must not be empty for specified array items`);
    expect(() => crdWithRoot(missing)).toThrow(`${SPEC}.properties.map.additionalProperties.type' (undefined) must not be empty for specified object fields`);
  });

  test('refuses an array without items', () => {
    expect(() => crdWithSpec(Schema.fromJson({ type: 'array' })))
      .toThrow(`${SPEC}.items' (undefined) must be specified for an array ${S}`);
  });

  test('refuses additionalProperties together with properties', () => {
    const both = Schema.object({ properties: { a: Schema.string() }, additionalProperties: Schema.string() });
    expect(() => crdWithSpec(both)).toThrow(
      `[test/widget] ${SPEC}.additionalProperties' ({"type":"string"}) and properties are mutually exclusive: properties are for structs, additionalProperties for maps [apiextensions ValidateCustomResourceDefinitionOpenAPISchema]`);
  });

  test('refuses a root that is not an object, or additionalProperties at the root', () => {
    expect(() => crdWithRoot(Schema.string())).toThrow(`'versions[0].schema.type' ("string") must be object at the root ${S}`);
    expect(() => crdWithRoot(Schema.map(Schema.string()))).toThrow(`'versions[0].schema.additionalProperties' ({"type":"string"}) must not be used at the root ${S}`);
  });

  test('refuses a default that is not valid against its own node', () => {
    expect(() => crdWithSpec(Schema.object({ properties: { size: Schema.integer({ minimum: 1, default: 0 }) } })))
      .toThrow(`${SPEC}.properties.size.default' (0) must be >= 1 [apiextensions ValidateCustomResource]`);
    expect(() => crdWithSpec(Schema.object({ properties: { color: Schema.string({ enum: ['red'], default: 'blue' }) } })))
      .toThrow(`${SPEC}.properties.color.default' ("blue") must be one of "red" [apiextensions ValidateCustomResource]`);
  });

  test('checks an object default as it is written, as the API server does (ValidateDefaults applies no nested defaults)', () => {
    // GIVEN an object defaulting to {} whose required field has a default of its own
    const spec = Schema.object({ properties: { size: Schema.integer({ default: 1 }) }, required: ['size'], default: {} });

    // THEN the default is refused: it lacks the required field
    expect(() => crdWithSpec(spec)).toThrow(`${SPEC}.default.size' (undefined) is required [apiextensions ValidateCustomResource]`);
    // and accepted without the required field
    expect(() => crdWithSpec(Schema.object({ properties: { size: Schema.integer({ default: 1 }) }, default: {} }))).not.toThrow();
    // and a default with a field the schema does not list is refused (the server would prune it)
    expect(() => crdWithSpec(Schema.object({ properties: { size: Schema.integer() }, default: { colour: 'red' } })))
      .toThrow(`${SPEC}.default' ({"colour":"red"}) must not have unknown fields (the API server would prune them) [apiextensions structuraldefaulting.ValidateDefaults]`);
  });

  test('refuses a default that breaks a CEL rule of its node', () => {
    const spec = Schema.object({ properties: { size: Schema.integer({ default: 0, validations: [{ rule: 'self > 0', message: 'size must be positive' }] }) } });
    expect(() => crdWithSpec(spec)).toThrow(
      `${SPEC}.properties.size.default' (0) must satisfy the rule "self > 0": size must be positive [apiextensions cel Validator (x-kubernetes-validations)[0]]`);
  });

  test('warns about enum values of the wrong type and required fields the schema does not list (the API server accepts them)', () => {
    const enumCrd = crdWithSpec(Schema.fromJson({ type: 'integer', enum: [1, 'two'] }));
    expect(warningsOf(enumCrd)).toEqual([expect.stringContaining(`${SPEC}.enum[1]' ("two") can never be stored: the node's own schema refuses it (must be of type integer, found string)`)]);
    const required = crdWithSpec(Schema.object({ properties: { a: Schema.string() }, required: ['b'] }));
    expect(warningsOf(required)).toEqual([expect.stringContaining(`${SPEC}.required[0]' ("b") names no property ("a"): the API server prunes a field the schema does not list, so no object can have it`)]);
  });

  test('warns about formats the API server ignores, and knows the 1.34 formats', () => {
    expect(warningsOf(crdWithSpec(Schema.string({ format: 'datetime-local' }))))
      .toEqual([expect.stringContaining(`${SPEC}.format' ("datetime-local") is not a format the API server (1.34) validates, so it ignores it; known: bsonobjectid`)]);
    expect(warningsOf(crdWithSpec(Schema.string({ format: 'k8s-short-name' })))).toEqual([]);
    expect(warningsOf(crdWithSpec(Schema.string({ format: 'k8s-long-name' })))).toEqual([]);
  });

  test('refuses RE2-incompatible and invalid patterns', () => {
    const p = 'must be a valid regular expression (RE2, as Go\'s regexp compiles it), but isn\'t: error parsing regexp:';
    expect(() => crdWithSpec(Schema.string({ pattern: '^(?!admin).*$' })))
      .toThrow(`${SPEC}.pattern' ("^(?!admin).*$") ${p} invalid or unsupported Perl syntax: \`(?!\``);
    expect(() => crdWithSpec(Schema.string({ pattern: '^[a-z' })))
      .toThrow(`${SPEC}.pattern' ("^[a-z") ${p} missing closing ]: \`[a-z\``);
    expect(() => crdWithSpec(Schema.string({ pattern: '^\\w+\\Z' })))
      .toThrow(`${SPEC}.pattern' ("^\\\\w+\\\\Z") ${p} invalid escape sequence: \`\\Z\``);
  });

  test('warns about inverted bounds', () => {
    expect(warningsOf(crdWithSpec(Schema.string({ minLength: 5, maxLength: 2 })))).toEqual([expect.stringContaining(`${SPEC}.minLength' (5) is greater than 'maxLength' (2): no value can be valid`)]);
    expect(warningsOf(crdWithSpec(Schema.integer({ minimum: 5, maximum: 2 })))).toEqual([expect.stringContaining(`${SPEC}.minimum' (5) is greater than 'maximum' (2)`)]);
  });

  test('refuses keywords that are not structural, and accepts the value validations controller-gen writes', () => {
    expect(() => crdWithSpec(Schema.fromJson({ type: 'array', items: { type: 'string' }, uniqueItems: true })))
      .toThrow(`${SPEC}.uniqueItems' (true) cannot be set to true since the runtime complexity becomes quadratic (use x-kubernetes-list-type: set)`);
    expect(() => crdWithSpec(Schema.fromJson({ anyOf: [{ type: 'integer' }, { type: 'boolean' }] })))
      .toThrow(`${SPEC}.anyOf[1].type' ("boolean") must be empty to be structural ${S}`);
    expect(() => crdWithSpec(Schema.fromJson({ type: 'string', oneOf: [{ minLength: 1 }, { pattern: '^a' }], not: { enum: ['x'] } }))).not.toThrow();
    expect(() => crdWithSpec(Schema.fromJson({ type: 'array', items: { type: 'string' }, uniqueItems: false }))).not.toThrow();
    expect(() => crdWithSpec(Schema.fromJson({ type: 'integer', pattern: '^1' }))).not.toThrow();
  });

  test('refuses metadata schemas beyond name and generateName', () => {
    const root = Schema.fromJson({ type: 'object', properties: { metadata: { type: 'object', properties: { labels: { type: 'object' } } } } });
    expect(() => crdWithRoot(root)).toThrow("'versions[0].schema.properties.metadata' ({\"type\":\"object\",\"properties\":{\"labels\":{\"type\":\"object\"}}}) must not specify anything other than name and generateName, but metadata is implicitly specified [apiextensions ValidateStructural]");
    const name = Schema.fromJson({ type: 'object', properties: { metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 20 } } } } });
    expect(() => crdWithRoot(name)).not.toThrow();
  });

  test('refuses malformed CEL rules', () => {
    const V = `${SPEC}.x-kubernetes-validations[0]`;
    expect(() => crdWithSpec(Schema.object({ validations: [{ rule: ' ' }] })))
      .toThrow(`${V}.rule' (" ") must be set: rule is not specified`);
    expect(() => crdWithSpec(Schema.object({ validations: [{ rule: 'self.a > 0', message: 'line one\nline two' }] })))
      .toThrow(`${V}.message' ("line one\\nline two") must not contain line breaks`);
    expect(() => crdWithSpec(Schema.object({ validations: [{ rule: 'self.a > 0', reason: 'Nope' as ValidationReason }] })))
      .toThrow(`${V}.reason' ("Nope") must be one of FieldValueDuplicate, FieldValueForbidden, FieldValueInvalid, FieldValueRequired`);
  });

  test('refuses CEL rules that do not compile or type-check against the schema', () => {
    const V = `${SPEC}.x-kubernetes-validations[0]`;
    const properties = { name: Schema.string(), size: Schema.integer() };
    const spec = (rule: string, extra = {}) => Schema.object({ properties, validations: [{ rule, ...extra }] });
    expect(() => crdWithSpec(spec('self.name == true'))).toThrow(`${V}.rule' ("self.name == true") compilation failed: no such overload: string == bool [apiextensions cel.Compile]`);
    expect(() => crdWithSpec(spec('self.colour == "red"'))).toThrow(`${V}.rule' ("self.colour == \\"red\\"") compilation failed: No such key: colour`);
    expect(() => crdWithSpec(spec('self.size +'))).toThrow(`${V}.rule' ("self.size +") compilation failed:`);
    expect(() => crdWithSpec(spec('self.size'))).toThrow(`${V}.rule' ("self.size") cel expression must evaluate to a bool, not int`);
    expect(() => crdWithSpec(spec('self.size > 0', { messageExpression: 'self.size' })))
      .toThrow(`${V}.messageExpression' ("self.size") messageExpression must evaluate to a string, not int`);
    expect(() => crdWithSpec(spec('self.size > 0', { fieldPath: '.colour' }))).toThrow(`${V}.fieldPath' (".colour") must be a valid path: does not exist in the schema: no field "colour" [apiextensions cel.ValidFieldPath]`);
    expect(() => crdWithSpec(spec('self.size > 0', { optionalOldSelf: true }))).toThrow(`${V}.optionalOldSelf' (true) may not be set if oldSelf is not used in rule`);
    expect(() => crdWithSpec(spec('self.size >= oldSelf.size', { optionalOldSelf: true }))).toThrow(`${V}.rule' ("self.size >= oldSelf.size") compilation failed:`);
    expect(() => crdWithSpec(spec('!oldSelf.hasValue() || self.size >= oldSelf.value().size', { optionalOldSelf: true }))).not.toThrow();
    expect(() => crdWithSpec(spec('self.size >= oldSelf.size', { fieldPath: '.size', messageExpression: '"size shrank to " + string(self.size)' }))).not.toThrow();
  });

  test('refuses oldSelf where items cannot be correlated (inside lists that are not map lists)', () => {
    const items = Schema.object({ properties: { n: Schema.integer() }, validations: [{ rule: 'self.n >= oldSelf.n' }] });
    expect(() => crdWithSpec(Schema.array(items))).toThrow(
      `${SPEC}.items.x-kubernetes-validations[0].rule' ("self.n >= oldSelf.n") oldSelf cannot be used on the uncorrelatable portion of the schema within openAPIV3Schema.properties.spec`);
    const mapItems = Schema.object({ properties: { n: Schema.integer() }, required: ['n'], validations: [{ rule: 'self.n >= oldSelf.n' }] });
    expect(() => crdWithSpec(Schema.array(mapItems, { listType: ListType.MAP, listMapKeys: ['n'] }))).not.toThrow();
  });

  test('refuses a map list whose keys are not required or defaulted, or listed twice', () => {
    const list = Schema.array(Schema.object({ properties: { name: Schema.string() } }), { listType: ListType.MAP, listMapKeys: ['name'] });
    expect(() => crdWithSpec(list)).toThrow(`${SPEC}.items.properties.name.default' (undefined) must be set: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property [apiextensions validateMapListKeysMapSet]`);
    const twice = Schema.array(Schema.object({ properties: { name: Schema.string() }, required: ['name'] }), { listType: ListType.MAP, listMapKeys: ['name', 'name'] });
    expect(() => crdWithSpec(twice)).toThrow(`${SPEC}.x-kubernetes-list-map-keys' (["name","name"]) must not contain duplicate entries ("name")`);
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
      expect.stringContaining(`${SPEC}.properties.a.type' (undefined) must not be empty`),
      expect.stringContaining(`${SPEC}.properties.b.items' (undefined) must be specified`),
    ]);
  });
});
