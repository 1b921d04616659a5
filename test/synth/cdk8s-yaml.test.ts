import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart, Testing, Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import { CanaryService } from '../../src';
import { FAST_YAML_ENV, fastDocument, fastYamlAvailable, withFastYaml } from '../../src/synth/cdk8s-yaml';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const YAML = require(require.resolve('yaml', { paths: [path.dirname(path.dirname(require.resolve('cdk8s')))] }));
/** What cdk8s writes for one document: `Yaml.stringify` of cdk8s 2.x. */
const cdk8sPrints = (doc: unknown): string => YAML.stringify(doc, { keepUndefined: true, lineWidth: 0, version: '1.1' });

/** Strings that exercise every branch of yaml's plain-or-quoted decision. */
const TRICKY = [
  '', ' ', 'a', 'true', 'True', 'TRUE', 'yes', 'No', 'on', 'OFF', 'y', 'n', '~', 'null', 'Null', '0', '-1', '+1', '1_000', '0x1F', '0o17',
  '017', '0b101', '1.5', '.5', '1e3', '1E-3', '.inf', '-.Inf', '.NaN', '1:20', '190:20:30.15', '2001-12-14', '2001-12-14t21:59:43.10-05:00',
  '<<', '-', '?', '- a', '? a', 'a: b', 'a:b', 'a:', 'a #b', 'a#b', '#a', ' a', 'a ', '\ta', 'a\tb', '&a', '*a', '!a', '|', '>', "'a'", '"a"',
  'a"b', "a'b", 'a\'b"c', '%a', '@a', '`a', ',a', '[a]', '{a}', 'a,b', 'a[0]', '---', '--- a', '...', '....a', 'a\nb', 'a\n', '\n', 'a\rb',
  '\u0000', '\u0007', '\u007f', '\u0085', '\u00a0', 'é', '日本', '\u2028', '\ud800', 'x'.repeat(1030), 'nginx:1.27', 'apps/v1', '100m', '1Gi',
  'http://example.com/a?b=c#d', 'app.kubernetes.io/name', '*.example.com', '0.0.0.0/0', '::1', '8080', '-1.5', '=', '\\', 'a\\b',
];

const jsonValue = fc.letrec(tie => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...TRICKY),
    fc.string({ maxLength: 6 }),
    fc.integer(),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 4 })), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('cdk8s YAML, printed faster', () => {
  test('the yaml package cdk8s loads is a version the printer was ported from (an upgrade must re-check the port)', () => {
    // GIVEN the dev dependency cdk8s WHEN the printer loads THEN it takes the fast path
    expect(fastYamlAvailable()).toBe(true);
  });

  test('every document it prints is byte for byte what cdk8s prints (property)', () => {
    // GIVEN any JSON document WHEN the fast path prints it THEN it equals the yaml package's output, or it gives up
    let printed = 0;
    fc.assert(fc.property(fc.dictionary(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 4 })), jsonValue, { maxKeys: 5 }), doc => {
      const fast = fastDocument(doc);
      if (fast !== undefined) {
        printed++;
        expect(fast).toBe(cdk8sPrints(doc));
      }
    }), { numRuns: 3000, seed: 20261202 });
    // and it does print most of them (the generator is biased towards strings yaml quotes or refuses)
    expect(printed).toBeGreaterThan(1500);
  });

  test('each tricky string, as a key and as a value, alone and nested, agrees', () => {
    for (const s of TRICKY) {
      for (const doc of [{ k: s }, { [s]: 1 }, { l: [s, { [s]: [s] }] }, { m: { n: { [s]: s } } }, { e: [[s], [], {}] }]) {
        const fast = fastDocument(doc);
        if (fast !== undefined) expect(fast).toBe(cdk8sPrints(doc));
      }
    }
  });

  test('it gives up where the yaml package would write something it does not port', () => {
    // multi-line and control characters, document markers, long keys, the same object twice, non-plain objects
    const shared = { a: 1 };
    for (const doc of [{ a: 'x\ny' }, { a: 'x\u0007' }, { a: '--- x' }, { ['k'.repeat(1025)]: 1 }, { a: shared, b: shared },
      { a: new Date(0) }, { a: undefined }, { a: Infinity }, { a: NaN }, [1], 'text', null]) {
      expect(fastDocument(doc)).toBeUndefined();
    }
  });

  test("a synth writes the same bytes as cdk8s's own printer, and the original printer is back afterwards", () => {
    // GIVEN an app with a CanaryService and a document the fast path gives up on (a multi-line string)
    const build = (outdir: string) => {
      const app = new App({ outdir });
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      new CanaryService(chart, 'web', {
        versions: [
          { name: 'v1', containers: [{ image: 'nginx:1.27', portNumber: 8080 }] },
          { name: 'v2', containers: [{ image: 'nginx:1.28', portNumber: 8080 }] },
        ],
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
        canaryWeight: 10,
      });
      new ApiObject(chart, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config' }, data: { 'a.conf': 'x: 1\ny: "2"\n', 'on': 'yes' } });
      return app;
    };
    const original = Yaml.stringify;
    const fastDir = fs.mkdtempSync('/tmp/fast-yaml-');
    // WHEN it synthesizes THEN the file equals cdk8s's own printing of the same objects
    build(fastDir).synth();
    expect(Yaml.stringify).toBe(original);
    const written = fs.readFileSync(path.join(fastDir, 'shop.k8s.yaml'), 'utf-8');
    const objects = Testing.synth(Chart.of(build('/tmp/unused').node.findChild('shop') as Chart));
    expect(written).toBe(objects.map(cdk8sPrints).join('---\n'));
    expect(written).toContain('a.conf: |');
    expect(written).toContain('"on": "yes"');
  });

  test('withFastYaml puts the original back when the work throws', () => {
    const original = Yaml.stringify;
    expect(() => withFastYaml(() => {
      throw new Error('boom');
    })).toThrow('boom');
    expect(Yaml.stringify).toBe(original);
  });

  test(`${FAST_YAML_ENV}=0 leaves cdk8s's printer in place during a synth`, () => {
    const original = Yaml.stringify;
    const seen: unknown[] = [];
    process.env[FAST_YAML_ENV] = '0';
    try {
      withFastYaml(() => seen.push(Yaml.stringify));
    } finally {
      delete process.env[FAST_YAML_ENV];
    }
    withFastYaml(() => seen.push(Yaml.stringify));
    expect(seen[0]).toBe(original);
    expect(seen[1]).not.toBe(original);
  });
});
