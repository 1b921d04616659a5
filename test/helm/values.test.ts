/**
 * Helm values that drive the chart, checked with a real helm on the example shop: defaults render exactly
 * the cdk8s objects; every leaf of every generated values.yaml is live and changes exactly its bound fields;
 * invalid overrides fail with the library's message; `-n other` moves every namespaced object and namespace
 * reference; release-scoped names give two releases disjoint identities that still route and scale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { parse, parseAllDocuments } from 'yaml';
import { canonical, helmTemplate, lintStrict, tmpdir } from './util';
import { buildShop } from '../../examples/shop';
import { UmbrellaChart } from '../../src/helm';
import { INSTANCE_LABEL } from '../../src/helm/chart-template';
import { helm } from '../util/helm';
import { ManifestObject } from '../util/validate';
import { KUBERNETES_YAML } from '../util/yaml';

/** The example app, synthesized as `cdk8s synth` does (app.synth() writes the umbrella too). */
function example(extra?: (app: App) => void) {
  const app = new App({ outdir: tmpdir('shop-values-') });
  buildShop(app);
  extra?.(app);
  app.synth();
  // every chart but the cluster's, which the example leaves out of the shop's release on purpose
  const written = fs.readdirSync(app.outdir).filter(f => f.endsWith('.k8s.yaml') && f !== 'cluster.k8s.yaml')
    .flatMap(f => parseAllDocuments(fs.readFileSync(path.join(app.outdir, f), 'utf-8')).map(d => d.toJS() as ManifestObject));
  return { app, dir: path.join(app.outdir, 'helm', 'shop'), written };
}

const id = (o: ManifestObject) => `${o.kind} ${o.metadata?.name}`;

/** `Kind name path` of every field that differs between two renders (objects matched by kind and name). */
function changedFields(before: readonly ManifestObject[], after: readonly ManifestObject[]): string[] {
  const out: string[] = [];
  const a = new Map(before.map(o => [id(o), o]));
  const b = new Map(after.map(o => [id(o), o]));
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (!a.has(key) || !b.has(key)) {
      out.push(`${key} ${a.has(key) ? 'removed' : 'added'}`);
      continue;
    }
    diff(a.get(key), b.get(key), '', p => out.push(`${key} ${p}`));
  }
  return out.sort();
}

function diff(x: any, y: any, at: string, report: (p: string) => void): void {
  if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object' && Array.isArray(x) === Array.isArray(y)) {
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
      diff(x[k], y[k], Array.isArray(x) ? `${at}[${k}]` : at ? `${at}.${k}` : k, report);
    }
  } else if (JSON.stringify(x) !== JSON.stringify(y)) {
    report(at);
  }
}

/** Every leaf of a values tree, as [dotted key, value]. */
function leaves(values: any, prefix = ''): [string, unknown][] {
  return Object.entries(values).flatMap(([k, v]) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0
    ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]]);
}

/** Another valid value for a leaf: a number + 1, a quantity's number + 1, a tag with another patch, a flipped boolean. */
function another(value: unknown): string[] {
  if (typeof value === 'boolean') return ['--set', String(!value)];
  if (typeof value === 'number') return ['--set', String(value + 1)];
  const s = String(value);
  const quantity = s.match(/^(\d+)([A-Za-z]*)$/);
  if (quantity) return ['--set-string', `${Number(quantity[1]) + 1}${quantity[2]}`];
  return ['--set-string', s.replace(/\d+$/, d => String(Number(d) + 7))];
}

const readValues = (file: string) => parse(fs.readFileSync(file, 'utf-8'), KUBERNETES_YAML);

/** What each leaf of the example's values drives: the fields bound to it, as `Kind name path`. */
const BOUND: Record<string, string[]> = {
  'frontend.image.stableTag': ['Deployment frontend-v1-4-0 spec.template.spec.containers[0].image'],
  'frontend.image.canaryTag': ['Deployment frontend-v1-5-0 spec.template.spec.containers[0].image'],
  'backend.replicas.min': ['HorizontalPodAutoscaler backend spec.minReplicas'],
  'backend.replicas.max': ['HorizontalPodAutoscaler backend spec.maxReplicas'],
  'backend.resources.limits.cpu': ['Deployment backend spec.template.spec.containers[0].resources.limits.cpu'],
  'backend.resources.limits.memory': ['Deployment backend spec.template.spec.containers[0].resources.limits.memory'],
  'backend.resources.requests.cpu': ['Deployment backend spec.template.spec.containers[0].resources.requests.cpu'],
  'backend.resources.requests.memory': ['Deployment backend spec.template.spec.containers[0].resources.requests.memory'],
  'backend.disruptionBudget': ['PodDisruptionBudget backend removed'],
};

describe('the example shop chart with Helm values', () => {
  const { dir, written } = example();
  const defaults = helmTemplate(dir, '--include-crds').map(r => r.object);

  test('helm lint --strict --with-subcharts is clean, and default values render exactly the cdk8s objects', () => {
    expect(() => lintStrict(dir)).not.toThrow();
    expect(canonical(defaults)).toEqual(canonical(written));
  });

  test('values.yaml holds the defaults the constructs got, values.schema.json their types and the fields\' bounds', () => {
    // THEN
    const values = readValues(path.join(dir, 'values.yaml'));
    expect(values.frontend).toEqual({ enabled: true, image: { stableTag: '1.4.0', canaryTag: '1.5.0' } });
    expect(values.backend).toMatchObject({ enabled: true, replicas: { min: 2, max: 10 }, disruptionBudget: true });
    expect(values.backend.resources).toEqual({ limits: { cpu: '1000m', memory: '1024Mi' }, requests: { cpu: '250m', memory: '512Mi' } });
    const schema = JSON.parse(fs.readFileSync(path.join(dir, 'charts', 'backend', 'values.schema.json'), 'utf-8'));
    expect(schema.properties.replicas.properties.min).toEqual({ description: 'The fewest backend pods', type: 'integer', minimum: 1, maximum: 2147483647 });
    expect(schema.properties.global).toEqual({ type: 'object' });
    expect(schema.properties.enabled).toEqual({ type: 'boolean' });
    const template = fs.readFileSync(path.join(dir, 'charts', 'backend', 'templates', 'backend.yaml'), 'utf-8');
    expect(template).toContain('  minReplicas: {{ .Values.replicas.min | int }}\n');
    expect(template).toContain('          resources: {{- .Values.resources | toYaml | nindent 12 }}\n');
    expect(template).toContain('{{- if .Values.disruptionBudget }}\napiVersion: policy/v1\nkind: PodDisruptionBudget');
    expect(fs.readFileSync(path.join(dir, 'charts', 'frontend', 'templates', 'frontend.yaml'), 'utf-8'))
      .toContain('        - image: {{ (print "ghcr.io/example/shop-frontend:" .Values.image.stableTag) | quote }}\n');
  });

  test('every leaf of the umbrella values.yaml is live: another valid value changes exactly the bound fields', () => {
    const values = readValues(path.join(dir, 'values.yaml'));
    const checked: string[] = [];
    for (const [key, value] of leaves(values)) {
      if (key === 'global') continue;
      const [flag, other] = another(value);
      const after = helmTemplate(dir, '--include-crds', flag, `${key}=${other}`).map(r => r.object);
      const changed = changedFields(defaults, after);
      if (key.endsWith('.enabled')) {
        // a subchart's condition: exactly its objects go (its CRDs too)
        const sub = key.split('.')[0];
        const source = (r: { source: string }) => r.source.startsWith(`shop/charts/${sub}/`);
        const removed = helmTemplate(dir, '--include-crds').filter(source).map(r => `${id(r.object)} removed`);
        expect({ key, changed }).toEqual({ key, changed: removed.sort() });
      } else {
        expect({ key, changed }).toEqual({ key, changed: BOUND[key] });
      }
      checked.push(key);
    }
    expect(checked.filter(k => !k.endsWith('.enabled')).sort()).toEqual(Object.keys(BOUND).sort());
  });

  test('every leaf of each subchart\'s own values.yaml is live when the subchart is templated on its own', () => {
    for (const sub of ['frontend', 'backend']) {
      const subDir = path.join(dir, 'charts', sub);
      const own = helmTemplate(subDir).map(r => r.object);
      for (const [key, value] of leaves(readValues(path.join(subDir, 'values.yaml')))) {
        if (key === 'global') continue;
        const [flag, other] = another(value);
        const changed = changedFields(own, helmTemplate(subDir, flag, `${key}=${other}`).map(r => r.object));
        expect({ key, changed }).toEqual({ key, changed: BOUND[`${sub}.${key}`] });
      }
    }
  });

  test.each([
    ['backend.replicas.min=0', '--set', /at '\/replicas\/min': minimum: got 0, want 1/],
    ['backend.replicas.max=many', '--set', /at '\/replicas\/max': got string, want integer/],
    ['backend.replicas.min=11', '--set', /\[backend\/backend\/Autoscaler\] 'minReplicas' \(11\) must be <= 'maxReplicas' \(10\)/],
    ['frontend.image.canaryTag=1 6', '--set-string', /at '\/image\/canaryTag': '1 6' does not match pattern/],
    ['backend.resources.requests.cpu=2x', '--set-string', /at '\/resources\/requests\/cpu': '2x' does not match pattern/],
    ['backend.resources.requests.cpu=2', '--set-string',
      /Deployment backend: 'spec.template.spec.containers\[0\].resources.requests.cpu' \(2\) must be less than or equal to the cpu limit \(1000m\)/],
    ['backend.disruptionBudget=maybe', '--set-string', /at '\/disruptionBudget': got string, want boolean/],
    ['backend.replica.min=3', '--set', /additional properties 'replica' not allowed/],
  ])('an invalid override (%s) fails helm template with a clear message', (assignment, flag, message) => {
    expect(() => helmTemplate(dir, flag, assignment)).toThrow(message);
  });

  test('subcharts with a values.schema.json accept the keys Helm injects (global, enabled)', () => {
    const rendered = helmTemplate(dir, '--include-crds', '--set', 'global.team=shop', '--set', 'backend.enabled=true', '--set', 'frontend.enabled=true')
      .map(r => r.object);
    expect(canonical(rendered)).toEqual(canonical(defaults));
    expect(fs.existsSync(path.join(dir, 'charts', 'backend', 'values.schema.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'charts', 'frontend', 'values.schema.json'))).toBe(true);
  });

  test('helm template -n other puts every namespaced object and every namespace reference in other', () => {
    // WHEN
    const rendered = helmTemplate(dir, '--namespace', 'other').map(r => r.object);
    // THEN
    const namespaced = rendered.filter(o => !['ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition'].includes(o.kind));
    expect(namespaced.length).toBeGreaterThan(10);
    expect(namespaced.filter(o => o.metadata?.namespace !== 'other').map(id)).toEqual([]);
    const namespaces: string[] = [];
    const text = JSON.stringify(rendered, (k, v) => {
      if (k === 'namespace') namespaces.push(v);
      return v;
    });
    expect(new Set(namespaces)).toEqual(new Set(['other']));
    expect(text).not.toMatch(/\.shop\.svc/);
    const subjects = rendered.filter(o => o.kind.endsWith('RoleBinding')).flatMap(o => (o as any).subjects);
    expect(subjects.length).toBe(2);
    expect(subjects.map((s: any) => s.namespace)).toEqual(['other', 'other']);
  });
});

describe('release-scoped names: two releases in one namespace', () => {
  const { dir } = example(app => {
    const scoped = new UmbrellaChart(app, 'scoped', { name: 'shop', version: '1.4.0', releaseScopedNames: true, outdir: path.join(app.outdir, 'scoped') });
    for (const chart of app.node.children.filter(Chart.isChart)) scoped.addSubchart(chart);
  });
  const scopedDir = path.join(path.dirname(path.dirname(dir)), 'scoped', 'shop');
  const render = (release: string) => helmTemplate(scopedDir, '--release-name', release).map(r => r.object);
  const a = render('alpha');
  const b = render('beta');

  test('helm lint --strict --with-subcharts is clean', () => {
    expect(() => lintStrict(scopedDir)).not.toThrow();
  });

  test('render disjoint object identities, every name prefixed by its release', () => {
    const ids = (objects: ManifestObject[]) => objects.map(o => `${o.apiVersion} ${o.kind} ${o.metadata?.namespace}/${o.metadata?.name}`);
    expect(ids(a).filter(x => ids(b).includes(x))).toEqual([]);
    expect(a.filter(o => !o.metadata?.name?.startsWith('alpha-')).map(id)).toEqual([]);
    expect(b.filter(o => !o.metadata?.name?.startsWith('beta-')).map(id)).toEqual([]);
  });

  test.each([['alpha'], ['beta']])('the cross-object checks hold within release %s', release => {
    const objects = release === 'alpha' ? a : b;
    const other = release === 'alpha' ? b : a;
    const named = (kind: string, name: string) => objects.some(o => o.kind === kind && o.metadata?.name === name);
    const pods = (list: ManifestObject[]) => list.filter(o => o.kind === 'Deployment').map(o => (o as any).spec.template.metadata.labels as Record<string, string>);
    const selects = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);
    let checks = 0;
    for (const o of objects as any[]) {
      if (o.kind === 'HorizontalPodAutoscaler') {
        expect(named(o.spec.scaleTargetRef.kind, o.spec.scaleTargetRef.name)).toBe(true);
        checks++;
      }
      if (o.kind.endsWith('RoleBinding')) {
        expect(named(o.roleRef.kind, o.roleRef.name)).toBe(true);
        for (const s of o.subjects) expect(named(s.kind, s.name)).toBe(true);
        checks++;
      }
      if (o.kind === 'Deployment') {
        expect(selects(o.spec.selector.matchLabels, o.spec.template.metadata.labels)).toBe(true);
        expect(o.spec.template.metadata.labels[INSTANCE_LABEL]).toBe(release);
        if (o.spec.template.spec.serviceAccountName) expect(named('ServiceAccount', o.spec.template.spec.serviceAccountName)).toBe(true);
        checks++;
      }
      const selector = o.kind === 'Service' ? o.spec.selector : o.kind === 'PodDisruptionBudget' ? o.spec.selector.matchLabels : undefined;
      if (selector) {
        expect(pods(objects).some(l => selects(selector, l))).toBe(true);
        expect(pods(other).some(l => selects(selector, l))).toBe(false);
        checks++;
      }
      if (o.kind === 'VirtualService' || o.kind === 'DestinationRule') {
        const hosts = o.kind === 'DestinationRule' ? [o.spec.host] : [...o.spec.hosts, ...o.spec.http.flatMap((h: any) => h.route.map((r: any) => r.destination.host))];
        for (const host of hosts) expect(named('Service', host)).toBe(true);
        checks++;
      }
      if (o.kind === 'VirtualService') {
        const dr = objects.find(d => d.kind === 'DestinationRule' && (d as any).spec.host === o.spec.hosts[0]) as any;
        const subsets = new Map(dr.spec.subsets.map((s: any) => [s.name, s.labels]));
        const service = objects.find(s => s.kind === 'Service' && s.metadata?.name === o.spec.hosts[0]) as any;
        for (const route of o.spec.http.flatMap((h: any) => h.route)) {
          const labels = subsets.get(route.destination.subset) as Record<string, string>;
          // the subset's pods: in the host Service's selection, carrying the subset's labels
          expect(pods(objects).some(l => selects(service.spec.selector, l) && selects(labels, l))).toBe(true);
        }
      }
    }
    expect(checks).toBeGreaterThan(10);
  });
});

describe('values that cannot drive the chart are refused at synth, with the reason', () => {
  test('a release name too long for a scoped Service name fails helm template', () => {
    const { dir } = example(app => {
      const scoped = new UmbrellaChart(app, 'scoped', { name: 'shop', version: '1.4.0', releaseScopedNames: true, outdir: path.join(app.outdir, 'scoped') });
      scoped.addSubchart(app.node.findChild('entry') as Chart);
    });
    const scopedDir = path.join(path.dirname(path.dirname(dir)), 'scoped', 'shop');
    const release = 'a'.repeat(53);
    expect(() => helm(['template', release, scopedDir])).toThrow(`Service name "${release}-shop-entry" must be at most 63 characters: choose a shorter release name`);
  });
});

describe('the guide\'s helm install commands for the example shop', () => {
  const guide = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'helm.md'), 'utf-8');
  const commands = guide.slice(guide.indexOf('The example shop (`examples/umbrella.ts`)')).split('```sh\n')[1].split('```')[0].replace(/\\\n/g, ' ')
    .split('\n').filter(l => l.startsWith('helm '));

  test('each sets values the example chart has, and helm template renders them', () => {
    const { dir } = example();
    const defaults = helmTemplate(dir).map(r => r.object);
    expect(commands.length).toBe(4);
    for (const command of commands) {
      const flags = [...command.matchAll(/(--set(?:-string)?) (\S+=\S+)/g)].flatMap(m => [m[1], m[2]]);
      expect(flags.length).toBeGreaterThan(0);
      const changed = changedFields(defaults, helmTemplate(dir, ...flags).map(r => r.object));
      const keys = flags.filter((_, i) => i % 2 === 1).map(f => f.split('=')[0]);
      expect({ command, changed }).toEqual({ command, changed: keys.flatMap(k => BOUND[k]).sort() });
    }
  });
});
