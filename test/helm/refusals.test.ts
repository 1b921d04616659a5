import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart, JsonPatch, Lazy, Testing } from 'cdk8s';
import { shopCharts, tmpdir } from './util';
import { UmbrellaChart, VersioningStrategy } from '../../src/helm';

function configMap(chart: Chart, id: string, name: string, data: Record<string, string> = {}, namespace?: string): ApiObject {
  return new ApiObject(chart, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });
}

/** The message of the error `fn` throws; fails when it throws none. */
function errorOf(fn: () => void): string {
  try {
    fn();
  } catch (e: any) {
    return e.message;
  }
  throw new Error('expected an error');
}

function twoCharts() {
  const app = Testing.app();
  const a = new Chart(app, 'a', { namespace: 'shop' });
  const b = new Chart(app, 'b', { namespace: 'shop' });
  const umbrella = new UmbrellaChart(app, 'shop', { version: '1.0.0' });
  return { app, a, b, umbrella };
}

describe('UmbrellaChart refuses invalid chart names', () => {
  test.each([
    ['Shop', 'upper case'],
    ['shop_app', 'an underscore'],
    ['-shop', 'a leading dash'],
    ['x'.repeat(64), '64 characters'],
  ])('%s (%s)', (name) => {
    expect(() => new UmbrellaChart(Testing.app(), 'shop', { name, version: '1.0.0' }))
      .toThrow(`[shop] 'name' (${JSON.stringify(name)}) must be a DNS-1123 label: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit`);
  });

  test('a name defaulting to an invalid construct id says so', () => {
    expect(() => new UmbrellaChart(Testing.app(), 'MyShop', { version: '1.0.0' }))
      .toThrow(/\[MyShop\] 'name' \("MyShop"\) must be a DNS-1123 label.*\(it defaults to the construct id\)/);
  });

  test('an invalid subchart name, defaulting to the chart id, asks for name', () => {
    const { app, umbrella } = twoCharts();
    const chart = new Chart(app, 'Payments');
    expect(() => umbrella.addSubchart(chart))
      .toThrow('[shop] \'subcharts["Payments"].name\' ("Payments") must be a DNS-1123 label: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit (it defaults to the chart\'s id; pass \'name\')');
  });

  test.each(['global', 'tags'])('the subchart name %s, a Helm top-level value', (name) => {
    const { a, umbrella } = twoCharts();
    expect(() => umbrella.addSubchart(a, { name }))
      .toThrow(`[shop] 'subcharts["${name}"].name' ("${name}") must not be "global" or "tags", which are Helm's own top-level values`);
  });
});

describe('UmbrellaChart refuses versions that are not SemVer 2.0.0', () => {
  test.each([
    ['v1.4.0', 'drop the "v" prefix: "1.4.0"'],
    ['1.4', 'the core "1.4" needs exactly three dot-separated numbers'],
    ['01.4.0', '"01" has a leading zero'],
    ['1.4.0-rc.01', 'the numeric pre-release identifier "01" has a leading zero'],
  ])('version %s', (version, hint) => {
    expect(() => new UmbrellaChart(Testing.app(), 'shop', { version }))
      .toThrow(`[shop] 'version' (${JSON.stringify(version)}) must be a SemVer 2.0.0 version MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] (e.g. "1.4.0", "2.0.0-rc.1"), without a "v" prefix or leading zeros; ${hint}`);
  });

  test('a subchart version', () => {
    const { a, umbrella } = twoCharts();
    expect(() => umbrella.addSubchart(a, { version: '2.0' }))
      .toThrow(/\[shop\] 'subcharts\["a"\]\.version' \("2\.0"\) must be a SemVer 2\.0\.0 version/);
  });

  test('lock-step: appVersion is required and must be SemVer; version must equal it', () => {
    const app = Testing.app();
    expect(() => new UmbrellaChart(app, 'a', { versioning: VersioningStrategy.LOCK_STEP }))
      .toThrow("[a] 'appVersion' (undefined) is required with lock-step versioning, which uses it as the chart version");
    expect(() => new UmbrellaChart(app, 'b', { versioning: VersioningStrategy.LOCK_STEP, appVersion: '2024.05' }))
      .toThrow(/\[b\] 'appVersion' \("2024\.05"\) must be a SemVer 2\.0\.0 version .*\(lock-step versioning uses it as the chart version\)/);
    expect(() => new UmbrellaChart(app, 'c', { versioning: VersioningStrategy.LOCK_STEP, appVersion: '1.4.0', version: '1.5.0' }))
      .toThrow('[c] \'version\' ("1.5.0") must equal appVersion ("1.4.0") with lock-step versioning, or be omitted');
  });

  test('independent: version is required', () => {
    expect(() => new UmbrellaChart(Testing.app(), 'shop', { appVersion: '1.4.0' }))
      .toThrow("[shop] 'version' (undefined) is required with independent versioning (or choose VersioningStrategy.LOCK_STEP to use appVersion as the chart version)");
  });

  test('lock-step subcharts follow their own app version, and refuse a different chart version', () => {
    const { app, a, b } = twoCharts();
    const umbrella = new UmbrellaChart(app, 'lockstep', { appVersion: '3.0.0', versioning: VersioningStrategy.LOCK_STEP });
    expect(umbrella.addSubchart(a)).toMatchObject({ version: '3.0.0', appVersion: '3.0.0' });
    expect(umbrella.addSubchart(b, { appVersion: '3.1.0' })).toMatchObject({ version: '3.1.0', appVersion: '3.1.0' });
    const c = new Chart(app, 'c');
    expect(() => umbrella.addSubchart(c, { version: '3.0.1', appVersion: '3.0.0' }))
      .toThrow('[lockstep] \'subcharts["c"].version\' ("3.0.1") must equal subcharts["c"].appVersion ("3.0.0") with lock-step versioning, or be omitted');
  });
});

describe('UmbrellaChart refuses ambiguous subcharts', () => {
  test('a duplicate subchart name', () => {
    const { a, b, umbrella } = twoCharts();
    umbrella.addSubchart(a, { name: 'api' });
    expect(() => umbrella.addSubchart(b, { name: 'api' }))
      .toThrow('[shop] \'subcharts["api"].name\' ("api") is already the name of the subchart of chart a; subchart names must be unique');
  });

  test('the same chart twice', () => {
    const { a, umbrella } = twoCharts();
    umbrella.addSubchart(a);
    expect(() => umbrella.addSubchart(a, { name: 'again' })).toThrow('[shop] \'chart\' ("a") is already the subchart "a"');
  });

  test('a chart of another app', () => {
    const { umbrella } = twoCharts();
    const foreign = new Chart(Testing.app(), 'foreign');
    expect(() => umbrella.addSubchart(foreign)).toThrow('[shop] \'chart\' ("foreign") must be a cdk8s Chart of the same App as the umbrella chart');
  });

  test('no subcharts at all', () => {
    const { app } = twoCharts();
    expect(() => app.synth()).toThrow("[shop] 'subcharts' ([]) must not be empty: add cdk8s charts with addSubchart()");
  });

  test('a chart nested in a subchart that is not a subchart itself (cdk8s synthesizes it on its own)', () => {
    const { a, umbrella } = twoCharts();
    const nested = new Chart(a, 'nested');
    configMap(nested, 'cm', 'nested');
    umbrella.addSubchart(a);
    expect(() => Testing.synth(a)).toThrow('[shop] \'subcharts["a"]\' ("a") contains chart a/nested, which cdk8s synthesizes on its own: add it with addSubchart() too, or its objects are missing from the umbrella');
    umbrella.addSubchart(nested);
    expect(Object.keys(umbrella.toFiles())).toContain('charts/nested/templates/nested.yaml');
  });
});

describe('UmbrellaChart refuses an object identity that repeats across subcharts', () => {
  test('the same namespaced object in two subcharts, at app.synth() with both construct paths', () => {
    // GIVEN
    const { app, a, b, umbrella } = twoCharts();
    configMap(a, 'settings', 'settings');
    configMap(b, 'config', 'settings');
    umbrella.addSubchart(a);
    umbrella.addSubchart(b);
    // THEN
    expect(() => app.synth()).toThrow('[shop] \'subcharts["b"]\' ("v1 ConfigMap shop/settings") repeats an object of subchart "a" (a/settings) at b/config: an object identity (API group, kind, namespace, name) may appear once in an umbrella chart');
  });

  test('apiVersion versions of one group are one identity; other namespaces, kinds and groups are not', () => {
    const { app, a, b, umbrella } = twoCharts();
    new ApiObject(a, 'hpa1', { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'api' } });
    new ApiObject(b, 'hpa2', { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'api' } });
    configMap(a, 'cm', 'api');
    configMap(b, 'other-ns', 'api', {}, 'other');
    new ApiObject(b, 'svc', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api' } });
    new ApiObject(b, 'vs', { apiVersion: 'networking.istio.io/v1', kind: 'ConfigMap', metadata: { name: 'api' } });
    umbrella.addSubchart(a);
    umbrella.addSubchart(b);
    const message = errorOf(() => app.synth());
    expect(message.match(/repeats an object/g)).toHaveLength(1);
    expect(message).toContain('\'subcharts["b"]\' ("autoscaling/v2 HorizontalPodAutoscaler shop/api") repeats an object of subchart "a" (a/hpa1)');
  });

  test('cluster-scoped kinds, built in or declared Cluster by a CRD in the umbrella, ignore the namespace', () => {
    const { app, a, b, umbrella } = twoCharts();
    const other = new Chart(app, 'c', { namespace: 'other' });
    new ApiObject(a, 'role', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader' } });
    new ApiObject(other, 'role', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader' } });
    new ApiObject(a, 'crd', {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'pools.example.com' },
      spec: { group: 'example.com', scope: 'Cluster', names: { kind: 'Pool', plural: 'pools' }, versions: [{ name: 'v1', served: true, storage: true }] },
    });
    new ApiObject(b, 'pool', { apiVersion: 'example.com/v1', kind: 'Pool', metadata: { name: 'default' } });
    new ApiObject(other, 'pool', { apiVersion: 'example.com/v1', kind: 'Pool', metadata: { name: 'default' } });
    umbrella.addSubchart(a);
    umbrella.addSubchart(b);
    umbrella.addSubchart(other);
    expect(() => app.synth()).toThrow(/'subcharts\["c"\]' \("rbac\.authorization\.k8s\.io\/v1 ClusterRole other\/reader"\) repeats an object of subchart "a" \(a\/role\)[^]*'subcharts\["c"\]' \("example\.com\/v1 Pool other\/default"\) repeats an object of subchart "b" \(b\/pool\)/);
  });

  test('lists at most 20 repeats, then says how many more there are', () => {
    const { app, a, b, umbrella } = twoCharts();
    for (let i = 0; i < 25; i++) {
      configMap(a, `a${i}`, `cm${i}`);
      configMap(b, `b${i}`, `cm${i}`);
    }
    umbrella.addSubchart(a);
    umbrella.addSubchart(b);
    const message = errorOf(() => app.synth());
    expect(message).toContain('[shop] \'subcharts\' ("25 repeated objects") hold 5 more repeated objects than listed here');
    expect(message.match(/repeats an object/g)).toHaveLength(20);
  });

  test('a repeat made by a JSON patch is caught on the synthesized objects when the chart is written', () => {
    const { a, b, umbrella } = twoCharts();
    configMap(a, 'one', 'one');
    configMap(b, 'two', 'two').addJsonPatch(JsonPatch.replace('/metadata/name', 'one'));
    umbrella.addSubchart(a);
    umbrella.addSubchart(b);
    expect(() => umbrella.toFiles()).toThrow('[shop] \'subcharts["b"]\' ("v1 ConfigMap shop/one") repeats an object of subchart "a" in the synthesized manifests: an object identity (API group, kind, namespace, name) may appear once in an umbrella chart');
  });
});

describe('UmbrellaChart refuses notes Helm would change', () => {
  test('notes holding "<no value>"', () => {
    expect(() => new UmbrellaChart(Testing.app(), 'shop', { version: '1.0.0', notes: 'x <no value>' }))
      .toThrow('[shop] \'notes\' ("x <no value>") must not contain "<no value>", which Helm deletes from every rendered template');
  });
});

describe('UmbrellaChart refuses values, conditions and tags Helm would misread', () => {
  test.each([
    [{ replicas: Number.NaN }, 'subcharts["a"].values.replicas', 'NaN'],
    [{ hook: function hook() { return 1; } }, 'subcharts["a"].values.hook', '"function hook"'],
    [{ list: [1, undefined] }, 'subcharts["a"].values.list[1]', 'undefined'],
    [{ lazy: Lazy.any({ produce: () => 1 }) }, 'subcharts["a"].values.lazy', '"Lazy instance"'],
  ])('non-JSON values %#', (values, prop, shown) => {
    const { a, umbrella } = twoCharts();
    expect(() => umbrella.addSubchart(a, { values }))
      .toThrow(`[shop] '${prop}' (${shown}) must be JSON data (strings, finite numbers, booleans, null, arrays and object literals)`);
  });

  test('values.global and values.enabled, which belong to Helm and to the condition', () => {
    const { a, umbrella } = twoCharts();
    expect(() => umbrella.addSubchart(a, { values: { global: { x: 1 } } }))
      .toThrow('[shop] \'subcharts["a"].values.global\' ({"x":1}) must not be set: Helm fills a subchart\'s "global" from the umbrella\'s global values');
    expect(() => umbrella.addSubchart(a, { values: { enabled: false } }))
      .toThrow('[shop] \'subcharts["a"].values.enabled\' (false) must not be set: it is the subchart\'s condition; use the \'enabled\' option');
  });

  test.each(['a..enabled', 'a enabled', '', 'a.enabled,b.enabled'])('condition %j', (condition) => {
    const { a, umbrella } = twoCharts();
    expect(() => umbrella.addSubchart(a, { condition }))
      .toThrow(`[shop] 'subcharts["a"].condition' (${JSON.stringify(condition)}) must be a dotted values path of letters, digits, "_" and "-" (e.g. "payments.enabled")`);
  });

  test('a condition under global or tags', () => {
    const { a, umbrella } = twoCharts();
    expect(() => umbrella.addSubchart(a, { condition: 'tags.a' }))
      .toThrow('[shop] \'subcharts["a"].condition\' ("tags.a") must not start with "global" or "tags", which are Helm\'s own top-level values');
  });

  test('a condition that lands on another subchart\'s value, or two defaults for one condition', () => {
    const { app, a, b, umbrella } = twoCharts();
    umbrella.addSubchart(a, { values: { switches: { on: true } } });
    expect(() => umbrella.addSubchart(b, { condition: 'a.switches.b' }))
      .toThrow('[shop] \'subcharts["b"].condition\' ("a.switches.b") conflicts with the umbrella\'s values: a.switches.b is inside a.switches, which is a value of subchart "a"');
    umbrella.addSubchart(b, { condition: 'features.shared' });
    expect(() => umbrella.addSubchart(new Chart(app, 'c'), { condition: 'features.shared', enabled: false }))
      .toThrow('[shop] \'subcharts["c"].condition\' ("features.shared") conflicts with the umbrella\'s values: features.shared is already the condition of subchart "b"');
    // one switch for two subcharts that agree on its default is fine
    expect(umbrella.addSubchart(new Chart(app, 'd'), { condition: 'features.shared' }).condition).toBe('features.shared');
  });

  test('a condition set by another subchart, on a subchart switched by its tags (Helm would ignore the tags)', () => {
    const { a, b, umbrella } = twoCharts();
    umbrella.addSubchart(a, { condition: 'features.shop', tags: ['web'] });
    expect(() => umbrella.addSubchart(b, { condition: 'features.shop', enabled: false }))
      .toThrow('[shop] \'subcharts["b"].condition\' ("features.shop") conflicts with the umbrella\'s values: features.shop, the condition of '
        + 'subchart "a", is set as the condition of subchart "b": Helm lets a set condition override the tags (web) that switch "a"');
    // a boolean value of another subchart at that path does the same
    const second = twoCharts();
    second.umbrella.addSubchart(second.a, { values: { on: true } });
    expect(() => second.umbrella.addSubchart(second.b, { condition: 'a.on', tags: ['db'] }))
      .toThrow('a.on, the condition of subchart "b", is set as a value of subchart "a"');
  });

  test('tags that are not plain keys, repeated, or combined with enabled', () => {
    const { a, umbrella } = twoCharts();
    expect(() => umbrella.addSubchart(a, { tags: ['web', 'front end'] }))
      .toThrow('[shop] \'subcharts["a"].tags[1]\' ("front end") must be letters, digits, "_" and "-"');
    expect(() => umbrella.addSubchart(a, { tags: ['web', 'web'] }))
      .toThrow('[shop] \'subcharts["a"].tags\' (["web","web"]) must not repeat a tag');
    expect(() => umbrella.addSubchart(a, { tags: ['web'], enabled: false }))
      .toThrow('[shop] \'subcharts["a"].enabled\' (false) cannot be combined with tags: Helm lets a set condition override tags, so the tags would never apply');
  });
});

describe('UmbrellaChart refuses to overwrite what is not a chart', () => {
  test('a non-empty directory without Chart.yaml at <outdir>/<name>', () => {
    const outdir = tmpdir('umbrella-guard-');
    fs.mkdirSync(path.join(outdir, 'shop'));
    fs.writeFileSync(path.join(outdir, 'shop', 'notes.md'), 'mine');
    const shop = shopCharts();
    const umbrella = new UmbrellaChart(shop.app, 'shop', { version: '1.0.0', outdir });
    umbrella.addSubchart(shop.backend);
    expect(() => umbrella.synth())
      .toThrow(`[shop] 'outdir' (${JSON.stringify(outdir)}) cannot hold the chart: ${path.join(outdir, 'shop')} is not empty and holds no Chart.yaml; refusing to replace it`);
    expect(fs.readFileSync(path.join(outdir, 'shop', 'notes.md'), 'utf-8')).toBe('mine');
  });

  test('the app outdir is the default parent', () => {
    const app = new App({ outdir: '/tmp/some-app-out' });
    expect(new UmbrellaChart(app, 'shop', { version: '1.0.0' }).outdir).toBe('/tmp/some-app-out/helm');
  });
});
