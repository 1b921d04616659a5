import { ProblemCollector } from '../../src/validation';
import { validateCustomResource } from '../../src/validation/apiextensions';
import { matchesFormat } from '../../src/validation/apiextensions/formats';

/** A CRD (rendered JSON) whose spec is `spec`, and a checker for instances of it. */
function checker(spec: any) {
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.shop.example.com' },
    spec: {
      group: 'shop.example.com',
      names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
      scope: 'Namespaced',
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec } } } }],
    },
  };
  return (value: any, strictFields = false) => {
    const problems = ProblemCollector.root();
    validateCustomResource(crd, { apiVersion: 'shop.example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: value }, problems, { strictFields });
    return problems.problems.map(p => `${p.severity} ${p.path}: ${p.message}`);
  };
}

describe('formats as kube-openapi checks them', () => {
  test.each([
    ['date-time', '0001-01-01T00:00:00Z', true], // Go's zero time
    ['date-time', '0099-12-31T23:59:59.5+01:00', true], // years below 100
    ['date-time', '2019-02-29T00:00:00Z', false],
    ['date-time', '2020-02-29t00:00:00z', true],
    ['date', '0000-01-01', true],
    ['k8s-short-name', 'my-app', true],
    ['k8s-short-name', 'My-App', false],
    ['k8s-long-name', 'a.b-c.d', true],
    ['k8s-long-name', 'a..b', false],
    ['uuid', '0f8fad5bd9cb469fa16570867728950e', true], // dashes are optional upstream
    ['hostname', 'bücher.example', true],
    ['ipv4', '010.001.0.1', true], // ParseIPSloppy keeps leading zeros
    ['cidr', '10.0.0.0/33', false],
    ['byte', 'aGk=', true],
  ])('%s %j → %s', (format, value, ok) => {
    expect(matchesFormat(format as string, value as string)).toBe(ok);
  });
});

describe('instances', () => {
  test('patterns run with RE2 semantics: POSIX classes and Unicode classes match', () => {
    const check = checker({ type: 'object', properties: { a: { type: 'string', pattern: '^[[:alpha:]]+$' }, b: { type: 'string', pattern: '^\\pL+$' } } });
    expect(check({ a: 'abc', b: 'Bücher' })).toEqual([]);
    expect(check({ a: 'ab1', b: 'x' })).toEqual(['error spec.a: must match the pattern "^[[:alpha:]]+$" (RE2)']);
  });

  test('numbers outside their format range are a warning, not an error (the server does not check them)', () => {
    const check = checker({ type: 'object', properties: { n: { type: 'integer', format: 'int32' } } });
    expect(check({ n: 2147483648 })).toEqual([
      'warning spec.n: is outside the int32 range [-2147483648, 2147483647]: the API server stores it, but clients built from the schema (format int32) overflow',
    ]);
  });

  test('embedded resources are validated as objects: apiVersion, kind and metadata', () => {
    const check = checker({ type: 'object', properties: { template: { 'type': 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true } } });
    expect(check({ template: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ok', labels: { app: 'shop' } } } })).toEqual([]);
    expect(check({ template: { kind: 'Config_Map', metadata: { namespace: 'Not-A-Namespace' } } })).toEqual([
      'error spec.template.apiVersion: is required in an embedded resource',
      'error spec.template.kind: may have mixed case, but should otherwise match a DNS-1035 label (letters, digits and "-", starting with a letter, at most 63 characters)',
      'error spec.template.metadata.namespace: must be a namespace name (a DNS-1123 label)',
    ]);
  });

  test('defaults are applied before validation, unknown fields pruned with a warning or refused when strict', () => {
    const check = checker({ type: 'object', properties: { size: { type: 'integer', default: 3, minimum: 1 } }, required: ['size'] });
    expect(check({})).toEqual([]);
    expect(check({ colour: 'red' })).toEqual(['warning spec.colour: is not in the schema: the API server prunes unknown fields (kubectl warns "unknown field")']);
    expect(check({ colour: 'red' }, true)).toEqual([
      'error spec.colour: is not in the schema: the API server prunes unknown fields (kubectl warns "unknown field"); refused because strictFields is set',
    ]);
  });

  test('list sets and map lists hold no duplicates', () => {
    const check = checker({
      type: 'object',
      properties: {
        tags: { 'type': 'array', 'items': { type: 'string' }, 'x-kubernetes-list-type': 'set' },
        ports: { 'type': 'array', 'items': { type: 'object', properties: { port: { type: 'integer' } }, required: ['port'] }, 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['port'] },
      },
    });
    expect(check({ tags: ['a', 'b', 'a'], ports: [{ port: 80 }, { port: 80 }] })).toEqual([
      'error spec.tags[2]: is a duplicate: x-kubernetes-list-type "set" holds each value once (Duplicate value: "a")',
      'error spec.ports[1]: is a duplicate: x-kubernetes-list-type "map" holds one item per key (port)',
    ]);
  });
});
