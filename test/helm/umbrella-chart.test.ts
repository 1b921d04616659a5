import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { parse, parseAllDocuments } from 'yaml';
import { ALERT_RULES, canonical, cdk8sObjects, helmTemplate, lintStrict, readTree, shopCharts, synthUmbrella, tmpdir } from './util';
import { warningsOf } from '../../src/common/warnings';
import { ChartApiVersion, UmbrellaChart, VersioningStrategy } from '../../src/helm';
import { CHART_YAML_KEYS } from '../../src/helm/chart-metadata';
import { helm } from '../util/helm';
import { ManifestObject, validateObjects } from '../util/validate';

/** The shop app as an umbrella chart: backend (with default values), frontend, widgets (CRD + custom resource). */
function shopUmbrella(apiVersion = ChartApiVersion.V2) {
  const shop = shopCharts();
  const umbrella = new UmbrellaChart(shop.app, 'umbrella', {
    name: 'shop',
    appVersion: '1.4.0',
    versioning: VersioningStrategy.LOCK_STEP,
    apiVersion,
    description: 'The shop, one subchart per cdk8s chart',
  });
  umbrella.addSubchart(shop.backend, { values: { replicas: 2, image: { tag: '2.1.0' } } });
  umbrella.addSubchart(shop.frontend);
  umbrella.addSubchart(shop.widgets);
  const expected = cdk8sObjects(shop.backend, shop.frontend, shop.widgets);
  const dir = synthUmbrella(umbrella);
  return { ...shop, umbrella, dir, expected };
}

const isCrd = (o: ManifestObject) => o.kind === 'CustomResourceDefinition';

describe('UmbrellaChart (apiVersion v2) checked with a real helm', () => {
  const { dir, expected, backend, frontend, widgets, umbrella } = shopUmbrella();
  const subOf = new Map<Chart, string>([[backend, 'backend'], [frontend, 'frontend'], [widgets, 'widgets']]);
  const allObjects = [...expected.values()].flat();

  test('writes the GUIDE §8 layout: Chart.yaml, values, one directory per subchart, CRDs in crds/, no Chart.lock', () => {
    // WHEN
    const files = Object.keys(readTree(dir));
    // THEN
    expect(path.basename(dir)).toBe('shop');
    expect(files).toEqual([
      'Chart.yaml',
      'charts/backend/Chart.yaml',
      'charts/backend/templates/backend.yaml',
      'charts/backend/values.yaml',
      'charts/frontend/Chart.yaml',
      'charts/frontend/templates/frontend.yaml',
      'charts/frontend/values.yaml',
      'charts/widgets/Chart.yaml',
      'charts/widgets/crds/widgets.example.com.yaml',
      'charts/widgets/templates/widgets.yaml',
      'charts/widgets/values.yaml',
      'templates/NOTES.txt',
      'values.schema.json',
      'values.yaml',
    ]);
  });

  test('Chart.yaml: apiVersion v2, quoted versions, type application, exact vendored dependencies, only Helm keys', () => {
    const text = fs.readFileSync(path.join(dir, 'Chart.yaml'), 'utf-8');
    const chart = parse(text, { version: '1.1' });
    expect(chart).toEqual({
      apiVersion: 'v2',
      name: 'shop',
      version: '1.4.0',
      description: 'The shop, one subchart per cdk8s chart',
      type: 'application',
      dependencies: [
        { name: 'backend', version: '1.4.0', condition: 'backend.enabled' },
        { name: 'frontend', version: '1.4.0', condition: 'frontend.enabled' },
        { name: 'widgets', version: '1.4.0', condition: 'widgets.enabled' },
      ],
      appVersion: '1.4.0',
    });
    expect(text).toMatch(/^version: "1\.4\.0"$/m);
    expect(text).toMatch(/^appVersion: "1\.4\.0"$/m);
    expect(Object.keys(chart).every(k => (CHART_YAML_KEYS as readonly string[]).includes(k))).toBe(true);
    for (const sub of ['backend', 'frontend', 'widgets']) {
      const subChart = parse(fs.readFileSync(path.join(dir, 'charts', sub, 'Chart.yaml'), 'utf-8'));
      expect(subChart).toEqual({ apiVersion: 'v2', name: sub, version: '1.4.0', type: 'application', appVersion: '1.4.0' });
      expect(parse(fs.readFileSync(path.join(dir, 'charts', sub, 'values.yaml'), 'utf-8'))).toEqual({ global: {} });
    }
  });

  test('values.yaml: global, <sub>.enabled and the default values per subchart', () => {
    const values = parse(fs.readFileSync(path.join(dir, 'values.yaml'), 'utf-8'), { version: '1.1' });
    expect(values).toEqual({
      global: {},
      backend: { enabled: true, replicas: 2, image: { tag: '2.1.0' } },
      frontend: { enabled: true },
      widgets: { enabled: true },
    });
    const files = umbrella.toFiles();
    expect(['Chart.yaml', 'values.yaml', 'values.schema.json', 'templates/NOTES.txt'].map(f => `# ${f}\n${files[f]}`).join('\n')).toMatchSnapshot();
  });

  test('helm lint --strict --with-subcharts is clean', () => {
    expect(lintStrict(dir)).toContain('4 chart(s) linted, 0 chart(s) failed');
  });

  test('helm template reproduces exactly the objects cdk8s synthesizes, each from its subchart, in cdk8s order per kind', () => {
    // WHEN
    const rendered = helmTemplate(dir, '--include-crds');
    // THEN the same multiset of objects
    expect(canonical(rendered.map(r => r.object))).toEqual(canonical(allObjects));
    expect(() => validateObjects(rendered.map(r => r.object))).not.toThrow();
    // each object comes from its own subchart, and Helm's kind sort keeps cdk8s's order within a kind
    for (const [chart, objects] of expected) {
      const sub = subOf.get(chart)!;
      const fromSub = rendered.filter(r => r.source.startsWith(`shop/charts/${sub}/`)).map(r => r.object);
      expect(canonical(fromSub)).toEqual(canonical(objects));
      for (const kind of new Set(objects.map(o => o.kind))) {
        expect(fromSub.filter(o => o.kind === kind)).toEqual(objects.filter(o => o.kind === kind));
      }
    }
  });

  test.each(['backend', 'frontend', 'widgets'])('--set %s.enabled=false removes exactly that subchart\'s objects', (sub) => {
    const chart = [...subOf].find(([, name]) => name === sub)![0];
    // WHEN
    const rendered = helmTemplate(dir, '--include-crds', '--set', `${sub}.enabled=false`).map(r => r.object);
    // THEN
    const remaining = [...expected].filter(([c]) => c !== chart).flatMap(([, objects]) => objects);
    expect(canonical(rendered)).toEqual(canonical(remaining));
  });

  test('a ConfigMap holding a Prometheus alert rule with {{ $labels.instance }} renders back unchanged', () => {
    const template = fs.readFileSync(path.join(dir, 'charts/backend/templates/backend.yaml'), 'utf-8');
    expect(template).toContain('Instance {{"{{"}} $labels.instance }} down');

    const configMap = helmTemplate(dir).map(r => r.object).find(o => o.kind === 'ConfigMap')!;
    expect(configMap.data['rules.yaml']).toBe(ALERT_RULES);
  });

  test('CRDs render only with --include-crds, from the owning subchart\'s crds/, as plain unescaped YAML', () => {
    const crdFile = fs.readFileSync(path.join(dir, 'charts/widgets/crds/widgets.example.com.yaml'), 'utf-8');
    expect(crdFile).toContain('Go templates such as {{ .Name }}, kept verbatim');
    expect(fs.readFileSync(path.join(dir, 'charts/widgets/templates/widgets.yaml'), 'utf-8')).not.toContain('CustomResourceDefinition');

    expect(helmTemplate(dir).filter(r => isCrd(r.object))).toEqual([]);
    const crds = helmTemplate(dir, '--include-crds').filter(r => isCrd(r.object));
    expect(crds.map(r => r.source)).toEqual(['shop/charts/widgets/crds/widgets.example.com.yaml']);
    expect(crds[0].object).toEqual(expected.get(widgets)!.find(isCrd));
    // a switched-off subchart takes its CRDs with it
    expect(helmTemplate(dir, '--include-crds', '--set', 'widgets.enabled=false').filter(r => isCrd(r.object))).toEqual([]);
  });

  test('helm package of the output holds every file exactly once', () => {
    const out = tmpdir('umbrella-pkg-');
    helm(['package', dir, '--destination', out]);
    const entries = execFileSync('tar', ['tzf', path.join(out, 'shop-1.4.0.tgz')], { encoding: 'utf-8' }).trim().split('\n');
    expect(new Set(entries).size).toBe(entries.length);
    expect(entries.sort()).toEqual(Object.keys(readTree(dir)).map(f => `shop/${f}`).sort());
  });

  test('values.schema.json makes helm refuse unknown or mistyped values, and accept global values', () => {
    expect(() => helmTemplate(dir, '--set', 'backnd.enabled=false')).toThrow(/additional properties 'backnd' not allowed/);
    expect(() => helmTemplate(dir, '--set', 'backend.enabled=nope')).toThrow(/\/backend\/enabled.*want boolean/);
    expect(() => helmTemplate(dir, '--set', 'backend.replicas=many')).toThrow(/\/backend\/replicas.*want number/);
    expect(helmTemplate(dir, '--set', 'global.team=shop', '--set', 'backend.replicas=3')).toHaveLength(allObjects.length - 1);
  });

  test('the default NOTES.txt names every subchart and its condition', () => {
    const notes = helm(['install', 'release', dir, '--dry-run=client']).split('NOTES:\n')[1];
    expect(notes).toContain('shop 1.4.0 is an umbrella chart of 3 subchart(s)');
    expect(notes).toContain('backend: condition backend.enabled');
    expect(notes).toContain('widgets: condition widgets.enabled');
  });
});

describe('UmbrellaChart subchart switches', () => {
  test('tags: --set tags.<tag>=false removes a tagged subchart; --set <sub>.enabled still wins over its tags', () => {
    // GIVEN
    const shop = shopCharts();
    const umbrella = new UmbrellaChart(shop.app, 'shop', { version: '0.3.0', appVersion: '2024.05' });
    umbrella.addSubchart(shop.backend);
    umbrella.addSubchart(shop.frontend, { tags: ['web', 'edge'] });
    const frontendObjects = shop.frontend.toJson();
    // WHEN
    const dir = synthUmbrella(umbrella);
    // THEN
    lintStrict(dir);
    const values = parse(fs.readFileSync(path.join(dir, 'values.yaml'), 'utf-8'));
    expect(values).toEqual({ global: {}, tags: { web: true, edge: true }, backend: { enabled: true } });
    expect(parse(fs.readFileSync(path.join(dir, 'Chart.yaml'), 'utf-8')).dependencies[1])
      .toEqual({ name: 'frontend', version: '0.3.0', condition: 'frontend.enabled', tags: ['web', 'edge'] });
    const names = (...args: string[]) => canonical(helmTemplate(dir, ...args).map(r => r.object));
    const all = names();
    const withoutFrontend = canonical(shop.backend.toJson());
    expect(all).toEqual(canonical([...shop.backend.toJson(), ...frontendObjects]));
    expect(names('--set', 'tags.web=false', '--set', 'tags.edge=false')).toEqual(withoutFrontend);
    expect(names('--set', 'tags.web=false')).toEqual(all); // Helm: any true tag keeps it on
    expect(names('--set', 'tags.web=false', '--set', 'tags.edge=false', '--set', 'frontend.enabled=true')).toEqual(all);
    expect(names('--set', 'frontend.enabled=false')).toEqual(withoutFrontend);
  });

  test('a custom condition and enabled: false switch a subchart on only on request', () => {
    // GIVEN
    const shop = shopCharts();
    const umbrella = new UmbrellaChart(shop.app, 'shop', { version: '1.0.0' });
    umbrella.addSubchart(shop.backend);
    umbrella.addSubchart(shop.widgets, { condition: 'features.widgets', enabled: false });
    // WHEN
    const dir = synthUmbrella(umbrella);
    // THEN
    lintStrict(dir);
    expect(parse(fs.readFileSync(path.join(dir, 'values.yaml'), 'utf-8')))
      .toEqual({ global: {}, backend: { enabled: true }, features: { widgets: false } });
    expect(canonical(helmTemplate(dir, '--include-crds').map(r => r.object))).toEqual(canonical(shop.backend.toJson()));
    expect(canonical(helmTemplate(dir, '--include-crds', '--set', 'features.widgets=true').map(r => r.object)))
      .toEqual(canonical([...shop.backend.toJson(), ...shop.widgets.toJson()]));
    const schema = JSON.parse(fs.readFileSync(path.join(dir, 'values.schema.json'), 'utf-8'));
    expect(schema.properties.features).toEqual({ type: 'object', additionalProperties: false, properties: { widgets: { type: 'boolean' } } });
  });

  test('custom NOTES.txt is literal text, valuesSchema: false writes no schema', () => {
    // GIVEN
    const shop = shopCharts();
    const notes = 'Open the shop at https://shop.example.com. Alerts read {{ $labels.instance }}; }} stays.\n';
    const umbrella = new UmbrellaChart(shop.app, 'shop', { version: '1.0.0', notes, valuesSchema: false });
    umbrella.addSubchart(shop.backend);
    // WHEN
    const dir = synthUmbrella(umbrella);
    // THEN
    lintStrict(dir);
    expect(fs.existsSync(path.join(dir, 'values.schema.json'))).toBe(false);
    expect(helm(['install', 'release', dir, '--dry-run=client']).split('NOTES:\n')[1]).toBe(notes);
    expect(helmTemplate(dir, '--set', 'anything=1')).toHaveLength(shop.backend.toJson().length);
  });
});

describe('UmbrellaChart legacy apiVersion v1 (requirements.yaml), as Helm 4.1.4 still reads it', () => {
  const { dir, expected } = shopUmbrella(ChartApiVersion.V1);
  const allObjects = [...expected.values()].flat();

  test('keeps dependencies in requirements.yaml and writes no type field', () => {
    const chart = parse(fs.readFileSync(path.join(dir, 'Chart.yaml'), 'utf-8'));
    expect(chart).toEqual({ apiVersion: 'v1', name: 'shop', version: '1.4.0', description: 'The shop, one subchart per cdk8s chart', appVersion: '1.4.0' });
    expect(parse(fs.readFileSync(path.join(dir, 'requirements.yaml'), 'utf-8'))).toEqual({
      dependencies: [
        { name: 'backend', version: '1.4.0', condition: 'backend.enabled' },
        { name: 'frontend', version: '1.4.0', condition: 'frontend.enabled' },
        { name: 'widgets', version: '1.4.0', condition: 'widgets.enabled' },
      ],
    });
    expect(parse(fs.readFileSync(path.join(dir, 'charts/backend/Chart.yaml'), 'utf-8')))
      .toEqual({ apiVersion: 'v1', name: 'backend', version: '1.4.0', appVersion: '1.4.0' });
  });

  test('helm lint --strict --with-subcharts is clean', () => {
    expect(() => lintStrict(dir)).not.toThrow();
  });

  test('helm install (client dry run) accepts it', () => {
    expect(helm(['install', 'release', dir, '--dry-run=client'])).toContain('STATUS: pending-install');
  });

  test('helm template reproduces the objects, honours conditions and CRDs', () => {
    expect(canonical(helmTemplate(dir, '--include-crds').map(r => r.object))).toEqual(canonical(allObjects));
    expect(helmTemplate(dir).some(r => isCrd(r.object))).toBe(false);
    const withoutBackend = [...expected].filter(([c]) => c.node.id !== 'backend').flatMap(([, o]) => o);
    expect(canonical(helmTemplate(dir, '--include-crds', '--set', 'backend.enabled=false').map(r => r.object))).toEqual(canonical(withoutBackend));
  });
});

describe('UmbrellaChart output is deterministic', () => {
  test('two synths of the same app are byte-identical', () => {
    const once = shopUmbrella().dir;
    lintStrict(once);
    const first = readTree(once);
    const second = readTree(shopUmbrella().dir);
    expect(Object.keys(second)).toEqual(Object.keys(first));
    for (const f of Object.keys(first)) expect({ f, bytes: second[f] }).toEqual({ f, bytes: first[f] });
  });

  test('synth replaces an earlier chart directory: a removed subchart does not linger', () => {
    // GIVEN a chart written with two subcharts
    const outdir = tmpdir('umbrella-out-');
    const before = shopCharts();
    const old = new UmbrellaChart(before.app, 'shop', { version: '1.0.0', outdir });
    old.addSubchart(before.backend);
    old.addSubchart(before.frontend);
    synthUmbrella(old);
    // WHEN the app now has one
    const after = shopCharts();
    const umbrella = new UmbrellaChart(after.app, 'shop', { version: '1.0.1', outdir });
    umbrella.addSubchart(after.backend);
    const dir = synthUmbrella(umbrella);
    // THEN
    expect(dir).toBe(path.join(outdir, 'shop'));
    lintStrict(dir);
    expect(Object.keys(readTree(dir)).filter(f => f.includes('frontend'))).toEqual([]);
    expect(readTree(dir)).toEqual(umbrella.toFiles());
  });

  test('defaults to <app outdir>/helm/<name>, beside the manifests cdk8s writes; synthAll writes every umbrella', () => {
    const shop = shopCharts();
    const umbrella = new UmbrellaChart(shop.app, 'shop', { version: '1.0.0' });
    umbrella.addSubchart(shop.backend);
    shop.app.synth();
    expect(UmbrellaChart.synthAll(shop.app)).toEqual([path.join(shop.app.outdir, 'helm', 'shop')]);
    lintStrict(path.join(shop.app.outdir, 'helm', 'shop'));
    expect(fs.readdirSync(shop.app.outdir).sort()).toEqual(['0000-backend.k8s.yaml', '0001-frontend.k8s.yaml', '0002-widgets.k8s.yaml', 'helm']);
    // the subchart renders the objects of the manifest file cdk8s writes
    const written = parseAllDocuments(fs.readFileSync(path.join(shop.app.outdir, '0000-backend.k8s.yaml'), 'utf-8')).map(d => d.toJS());
    expect(canonical(helmTemplate(path.join(shop.app.outdir, 'helm/shop')).map(r => r.object))).toEqual(canonical(written));
  });
});

describe('UmbrellaChart.leaveOut', () => {
  test('GIVEN a chart in no umbrella THEN a warning; GIVEN it is left out on purpose THEN none', () => {
    const build = (leaveOut: boolean) => {
      const app = Testing.app();
      const shop = new Chart(app, 'shop', { namespace: 'shop' });
      const cluster = new Chart(app, 'cluster');
      const umbrella = new UmbrellaChart(app, 'umbrella', { name: 'shop', version: '1.0.0', appVersion: '1.0.0' });
      umbrella.addSubchart(shop);
      if (leaveOut) umbrella.leaveOut(cluster);
      const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        app.synth();
      } finally {
        spy.mockRestore();
      }
      return warningsOf(cluster);
    };
    expect(build(false)).toEqual([expect.stringContaining('chart cluster is in no umbrella chart of the app (umbrella): cdk8s writes its manifests, '
      + 'but helm install leaves its objects out; add it with addSubchart(), or leaveOut() if that is meant')]);
    expect(build(true)).toEqual([]);
  });
});
