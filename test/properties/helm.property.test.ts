/**
 * Property-based tests of UmbrellaChart against a real helm: generated umbrella names, versions and
 * subcharts (names, duplicates, conditions, tags, default values, contents with `{{`, YAML specials,
 * unicode and CRDs) are either refused with the library's error naming path and prop, or written to a
 * directory that `helm lint --strict --with-subcharts` accepts and that `helm template` renders back to
 * exactly the objects cdk8s synthesizes. helm is slow: the helm properties run few cases.
 * Needs helm (HELM_BIN, PATH, or the kubectl layer dev dependency); fails without it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { parse } from 'yaml';
import { expectLibraryError, nastyString, NASTY_STRINGS, OutcomeTally, runs, synthOrRefuse } from './support';
import { CustomResource, CustomResourceDefinition, Schema, UmbrellaChart, VersioningStrategy } from '../../src';
import { canonical, helmTemplate, lintStrict, tmpdir } from '../helm/util';
import { helmBinary } from '../util/helm';
import { ManifestObject } from '../util/validate';
import { KUBERNETES_YAML } from '../util/yaml';

/** Strings YAML 1.1 or 1.2 would read as something else than a string. */
const RETYPED = ['yes', 'no', 'on', 'off', 'y', 'n', 'true', 'null', '~', '1.0', '0123', '0o17', '0x1', '1e3', '.inf', '.nan', '12:30', '2019-07-03', ''];

const semverOk = fc.constantFrom('1.0.0', '0.1.0-rc.1', '1.10.0', '2.0.0+build.7', '10.20.30-alpha.1+meta');
const semverBad = fc.oneof(fc.constantFrom('1.0', 'v1.0.0', '01.0.0', '1.0.0-', '1.0.0 '), nastyString());
const chartName = fc.stringMatching(/^[a-z]([a-z0-9-]{0,10}[a-z0-9])?$/).filter(n => n !== 'global' && n !== 'tags');

interface SubchartGen {
  readonly id: string;
  readonly name?: string;
  readonly condition?: string;
  readonly tags?: string[];
  readonly enabled?: boolean;
  readonly values?: Record<string, unknown>;
  readonly data: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly crd: boolean;
}

const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...RETYPED) },
  { weight: 3, arbitrary: nastyString() },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true })) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...RETYPED, 'a', 'b c', '{{'), fc.constantFrom(...RETYPED), { maxKeys: 3, noNullPrototype: true }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...RETYPED), { maxLength: 3 }) },
);

function subchartArb(clean: boolean): fc.Arbitrary<SubchartGen> {
  const maybe = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) =>
    (clean ? good : fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: bad }));
  return fc.record({
    id: chartName,
    name: fc.option(maybe(chartName, fc.oneof(fc.constantFrom('global', 'tags', 'Shop', 'a'.repeat(64)), nastyString())), { nil: undefined }),
    condition: fc.option(maybe(fc.constantFrom('features.shop', 'x.y.z'), fc.oneof(fc.constantFrom('global.x', 'a..b', 'tags'), nastyString())), { nil: undefined }),
    tags: fc.option(fc.uniqueArray(maybe(fc.constantFrom('web', 'db', 'edge'), nastyString()), { maxLength: 2 }), { nil: undefined }),
    enabled: fc.option(fc.boolean(), { nil: undefined }),
    values: fc.option(fc.dictionary(maybe(fc.constantFrom(...RETYPED.filter(k => k !== ''), 'replicas', 'image', 'b c'), fc.constantFrom('global', 'enabled', '')),
      valueArb, { maxKeys: 4, noNullPrototype: true }), { nil: undefined }),
    data: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9._-]{0,8}$/), fc.oneof(fc.constantFrom(...NASTY_STRINGS), nastyString()), { maxKeys: 5, noNullPrototype: true }),
    annotations: fc.dictionary(fc.constantFrom('example.com/rule', 'note', 'a'), nastyString(), { maxKeys: 2, noNullPrototype: true }),
    crd: fc.boolean(),
  }).map(s => (clean && s.tags?.length ? { ...s, enabled: undefined } : s));
}

interface UmbrellaGen {
  readonly clean: boolean;
  readonly name: string;
  readonly lockStep: boolean;
  readonly version: string;
  readonly appVersion: string;
  readonly subcharts: SubchartGen[];
}

const umbrellaArb: fc.Arbitrary<UmbrellaGen> = fc.boolean().chain(clean => fc.record({
  clean: fc.constant(clean),
  name: clean ? chartName : fc.oneof({ weight: 3, arbitrary: chartName }, { weight: 1, arbitrary: fc.constantFrom('Shop', '-shop', 'a'.repeat(64)) }, { weight: 1, arbitrary: nastyString() }),
  lockStep: fc.boolean(),
  version: clean ? semverOk : fc.oneof({ weight: 3, arbitrary: semverOk }, { weight: 1, arbitrary: semverBad }),
  appVersion: clean ? semverOk : fc.oneof({ weight: 3, arbitrary: semverOk }, { weight: 1, arbitrary: semverBad }),
  subcharts: fc.array(subchartArb(clean), { minLength: clean ? 1 : 0, maxLength: 4 }),
}));

interface Built {
  readonly app: App;
  readonly umbrella: UmbrellaChart;
  readonly charts: Chart[];
  readonly given: Array<{ name: string; values: Record<string, unknown>; enabled?: boolean; chart: Chart }>;
}

/** Builds the app; throws the library's error for what it refuses. */
function build(g: UmbrellaGen, outdir: string): Built {
  const app = new App({ outdir });
  const umbrella = new UmbrellaChart(app, 'umbrella', {
    name: g.name,
    version: g.lockStep ? undefined : g.version,
    appVersion: g.lockStep ? g.version : g.appVersion,
    versioning: g.lockStep ? VersioningStrategy.LOCK_STEP : VersioningStrategy.INDEPENDENT,
  });
  const charts: Chart[] = [];
  const given: Built['given'] = [];
  g.subcharts.forEach((s: SubchartGen, i: number) => {
    const chart = new Chart(app, `${s.id}-${i}`, { namespace: 'shop', disableResourceNameHashes: true });
    new kplus.ConfigMap(chart, 'config', { metadata: { name: `config-${i}`, annotations: s.annotations }, data: s.data });
    if (s.crd) {
      const crd = new CustomResourceDefinition(chart, 'crd', {
        group: `c${i}.example.com`,
        kind: 'Rule',
        versions: [{ name: 'v1', schema: Schema.object({ properties: { spec: Schema.object({ properties: { expr: Schema.string({ description: 'a {{ $labels.x }} expression' }) } }) } }) }],
      });
      new CustomResource(chart, 'rule', { definition: crd, metadata: { name: 'rule' }, spec: { expr: s.data[Object.keys(s.data)[0]] ?? '{{ up }}' } });
    }
    charts.push(chart);
    const sub = umbrella.addSubchart(chart, { name: s.name, condition: s.condition, tags: s.tags, enabled: s.enabled, values: s.values });
    given.push({ name: sub.name, values: s.values ?? {}, enabled: sub.enabled, chart });
  });
  return { app, umbrella, charts, given };
}

const timings: string[] = [];
afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(`helm property run times:\n  ${timings.join('\n  ')}`);
});

describe('UmbrellaChart properties (with a real helm)', () => {
  beforeAll(() => {
    // fails, never skips, without helm
    expect(helmBinary()).toBeTruthy();
  });

  test('refused naming path and prop, or lint-clean and helm template reproduces exactly the cdk8s objects', () => {
    const tally = new OutcomeTally();
    const t0 = Date.now();
    fc.assert(fc.property(umbrellaArb, g => {
      const outdir = tmpdir('umbrella-prop-');
      try {
        let built: Built | undefined;
        const outcome = tally.add(synthOrRefuse(() => {
          built = build(g, outdir);
          return built.charts.length > 0 ? built.charts : [new Chart(new App(), 'empty')];
        }));
        if (outcome.kind === 'refused') return;
        const { app, umbrella, charts, given } = built!;
        let dir: string;
        try {
          app.synth();
          dir = umbrella.synth();
        } catch (e) {
          tally.valid--;
          tally.add({ kind: 'refused', message: expectLibraryError(e) });
          return;
        }
        lintStrict(dir);
        // a subchart switched off by default renders nothing (tags default to true)
        const expected: ManifestObject[] = given.filter(x => x.enabled !== false).flatMap(x => x.chart.toJson());
        expect(charts).toHaveLength(given.length);
        const rendered = helmTemplate(dir, '--include-crds').map(r => r.object);
        expect(canonical(rendered)).toEqual(canonical(expected));
        // every value key given to a subchart is in values.yaml once, with its type (YAML 1.1, as Helm reads it)
        const values = parse(fs.readFileSync(path.join(dir, 'values.yaml'), 'utf-8'), { ...KUBERNETES_YAML, uniqueKeys: true });
        for (const { name, values: v } of given) {
          for (const [k, value] of Object.entries(v)) expect({ name, k, value: values[name][k] }).toEqual({ name, k, value });
        }
      } finally {
        fs.rmSync(outdir, { recursive: true, force: true });
      }
    }), runs(30));
    timings.push(`umbrella charts (30 runs, ${tally.valid} through helm lint and template, ${tally.refused} refused): ${Date.now() - t0} ms`);
    expect(tally.valid).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  }, 120_000);

  test('clean umbrellas are never refused; duplicate subchart names always are, naming the subchart', () => {
    const t0 = Date.now();
    const arb = fc.tuple(fc.array(subchartArb(true), { minLength: 1, maxLength: 4 }), fc.boolean());
    let refused = 0;
    fc.assert(fc.property(arb, ([subs, duplicate]) => {
      const named = subs.map((s, i) => ({ ...s, name: duplicate && i > 0 ? 'dup' : `sub-${i}`, condition: undefined }));
      const dup = duplicate && subs.length > 2;
      try {
        build({ clean: true, name: 'shop', lockStep: true, version: '1.0.0', appVersion: '1.0.0', subcharts: named }, tmpdir('umbrella-dup-'));
        expect(dup).toBe(false);
      } catch (e) {
        const message = expectLibraryError(e);
        expect(dup).toBe(true);
        expect(message).toContain("'subcharts[\"dup\"].name' (\"dup\") is already the name of the subchart");
        refused++;
      }
    }), runs(60));
    timings.push(`duplicate names (60 runs, no helm): ${Date.now() - t0} ms`);
    expect(refused).toBeGreaterThan(0);
  });

  test('strings YAML would re-type come back as strings from helm template and values.yaml; 60 subcharts render', () => {
    const t0 = Date.now();
    const outdir = tmpdir('umbrella-many-');
    const app = new App({ outdir });
    const umbrella = new UmbrellaChart(app, 'umbrella', { name: 'many', appVersion: '1.0.0', versioning: VersioningStrategy.LOCK_STEP });
    const charts: Chart[] = [];
    const values = Object.fromEntries(RETYPED.map((s, i) => [`k${i}`, s]));
    for (let i = 0; i < 60; i++) {
      const chart = new Chart(app, `part-${i}`, { namespace: 'shop', disableResourceNameHashes: true });
      new kplus.ConfigMap(chart, 'config', { metadata: { name: `config-${i}` }, data: Object.fromEntries(RETYPED.map((s, j) => [`k${j}`, s])) });
      umbrella.addSubchart(chart, { values: { ...values, [`${RETYPED[i % RETYPED.length] || 'empty'}`]: RETYPED[i % RETYPED.length] } });
      charts.push(chart);
    }
    const outcome = synthOrRefuse(() => charts);
    expect(outcome.kind === 'refused' ? outcome.message : 'valid').toBe('valid');
    app.synth();
    const dir = umbrella.synth();
    lintStrict(dir);
    const rendered = helmTemplate(dir).map(r => r.object);
    expect(rendered).toHaveLength(60);
    for (const cm of rendered) expect(RETYPED.map((_, j) => cm.data[`k${j}`])).toEqual(RETYPED);
    const parsed = parse(fs.readFileSync(path.join(dir, 'values.yaml'), 'utf-8'), { ...KUBERNETES_YAML, uniqueKeys: true });
    for (let i = 0; i < 60; i++) {
      for (const [k, v] of Object.entries(values)) expect(parsed[`part-${i}`][k]).toBe(v);
    }
    // and the YAML 1.2 reading of the same file agrees (the emitter quotes every string)
    const parsed12 = parse(fs.readFileSync(path.join(dir, 'values.yaml'), 'utf-8'), { version: '1.2' });
    expect(parsed12).toEqual(parsed);
    fs.rmSync(outdir, { recursive: true, force: true });
    timings.push(`60 subcharts with re-typed strings: ${Date.now() - t0} ms`);
  }, 60_000);
});
