import { Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import { parse, parseAllDocuments } from 'yaml';
import { dataYaml, manifestYaml, quoted } from '../../src/helm/yaml';

/** -0 is not JSON data: JSON and YAML both write it as 0. */
function normalize(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v));
}

describe('the YAML emitter', () => {
  test('metadata: every string double-quoted, keys YAML 1.1 would misread quoted, empty collections inline', () => {
    const yaml = dataYaml({
      'apiVersion': 'v2',
      'version': '1.10',
      'on': 'yes',
      'a.b': 1.5,
      'no': null,
      'empty': {},
      'none': [],
      'list': [{ name: 'x', tags: ['a', 'b'] }, [1, [2]], true],
    });
    expect(yaml).toBe([
      'apiVersion: "v2"',
      'version: "1.10"',
      '"on": "yes"',
      'a.b: 1.5',
      '"no": null',
      'empty: {}',
      'none: []',
      'list:',
      '  - name: "x"',
      '    tags:',
      '      - "a"',
      '      - "b"',
      '  - - 1',
      '    - - 2',
      '  - true',
      '',
    ].join('\n'));
    expect(parse(yaml, { version: '1.1' })).toEqual(parse(yaml, { version: '1.2' }));
    expect(parse(yaml, { version: '1.1' }).version).toBe('1.10');
  });

  test('escapes what YAML parsers refuse unescaped or read as line breaks: DEL, C1 controls, NEL, LS, PS, BOM', () => {
    expect(quoted('a\u007fb\u0085c\u0090d\ufeffe\u2028\u2029\n')).toBe('"a\\u007fb\\u0085c\\u0090d\\ufeffe\\u2028\\u2029\\n"');
  });

  test('round-trips any JSON value under YAML 1.1 and 1.2 (property)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
      const yaml = dataYaml(value);
      const expected = normalize(value);
      expect(parse(yaml, { version: '1.1' })).toEqual(expected);
      expect(parse(yaml, { version: '1.2' })).toEqual(expected);
    }), { seed: 7, numRuns: 400 });
  });

  test('round-trips full-Unicode strings and keys (property)', () => {
    fc.assert(fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (value) => {
      expect(parse(dataYaml(value), { version: '1.1' })).toEqual(value);
    }), { seed: 11, numRuns: 300 });
  });

  test('refuses what is not JSON data instead of writing it', () => {
    expect(() => dataYaml({ n: Number.POSITIVE_INFINITY })).toThrow('cannot write number Infinity as YAML');
    expect(() => dataYaml({ u: undefined })).toThrow('cannot write undefined undefined as YAML');
  });

  test('manifests: plain scalars only where nothing else can be read, literal blocks for plain multi-line text', () => {
    const yaml = manifestYaml([{
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'web', 'on': 'yes' } },
      data: {
        image: 'ghcr.io/example/web:1.4.0',
        yes: 'no',
        version: '1.10',
        percent: '25%',
        spaced: 'The shop',
        colon: 'a: b',
        empty: '',
        rules: 'groups:\n  - name: x\n',
        noNewline: 'a\nb',
        tabFirst: '\tx\ny',
        keep: 'a\n\n',
        cr: 'a\r\nb',
        trailing: 'a \nb',
        missing: 'x <no value> y',
      },
      spec: { replicas: 2, paused: false, list: ['a', 1, null], nested: [{ a: 'x' }] },
    }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }]);
    expect(yaml).toBe([
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      '  labels:',
      '    app.kubernetes.io/name: web',
      '    "on": "yes"',
      'data:',
      '  image: ghcr.io/example/web:1.4.0',
      '  "yes": "no"',
      '  version: "1.10"',
      '  percent: "25%"',
      '  spaced: The shop',
      '  colon: "a: b"',
      '  empty: ""',
      '  rules: |',
      '    groups:',
      '      - name: x',
      '  noNewline: |-',
      '    a',
      '    b',
      '  tabFirst: "\\tx\\ny"',
      '  keep: "a\\n\\n"',
      '  cr: "a\\r\\nb"',
      '  trailing: "a \\nb"',
      '  missing: "x \\u003cno value> y"',
      'spec:',
      '  replicas: 2',
      '  paused: false',
      '  list:',
      '    - a',
      '    - 1',
      '    - null',
      '  nested:',
      '    - a: x',
      '---',
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: shop',
      '',
    ].join('\n'));
    expect(manifestYaml([])).toBe('');
  });

  test('manifests round-trip any JSON value under YAML 1.1 and 1.2 (property)', () => {
    const text = fc.array(fc.constantFrom('a', 'B', '0', '1.5', ' ', '  ', '\n', '\t', '\r', ':', ': ', '#', ' #', '-', '|', '>', '"', "'",
      '{', '}', '[', ']', ',', '&', '*', '!', '%', '@', '`', 'yes', 'no', 'null', '~', '---', '...', '<no value>', 'é', '💥', '\u0085', '\u2028', '\ufeff'))
      .map(parts => parts.join(''));
    const value = fc.letrec(tie => ({
      node: fc.oneof({ depthSize: 'small' }, text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(text, tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(fc.property(fc.dictionary(text, value, { maxKeys: 6 }), (doc) => {
      const yaml = manifestYaml([doc, doc]);
      const expected = normalize(doc);
      for (const version of ['1.1', '1.2'] as const) {
        expect(parseAllDocuments(yaml, { version }).map(d => d.toJS())).toEqual([expected, expected]);
      }
      expect(yaml).not.toContain('<no value>');
    }), { seed: 3, numRuns: 500 });
  });

  test('manifests mean what cdk8s\'s own YAML means', () => {
    const objects = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { flag: 'no', text: 'x\ny\n', n: '0775' } }];
    expect(parseAllDocuments(manifestYaml(objects), { version: '1.1' }).map(d => d.toJS()))
      .toEqual(parseAllDocuments(Yaml.stringify(...objects), { version: '1.1' }).map(d => d.toJS()));
  });
});
