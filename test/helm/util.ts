/**
 * Helpers for the UmbrellaChart tests: a small shop app of cdk8s charts, and a real helm to check the chart.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { parseAllDocuments } from 'yaml';
import { restrictedContainer, runtimeDefaultSeccomp } from '../../src/common';
import { UmbrellaChart } from '../../src/helm';
import { helm } from '../util/helm';
import { ManifestObject, synthValid } from '../util/validate';
import { KUBERNETES_YAML } from '../util/yaml';

/** A Prometheus alert rule: Go-template text Helm must not evaluate. */
export const ALERT_RULES = [
  'groups:',
  '  - name: shop',
  '    rules:',
  '      - alert: InstanceDown',
  '        expr: up == 0',
  '        annotations:',
  '          summary: "Instance {{ $labels.instance }} down"',
  '          description: "{{ $labels.instance }} of job {{ $labels.job }} has been down for more than 5 minutes."',
  '',
].join('\n');

export interface ShopCharts {
  readonly app: App;
  readonly backend: Chart;
  readonly frontend: Chart;
  readonly widgets: Chart;
}

/** A temporary directory. */
export function tmpdir(prefix = 'umbrella-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A secure-by-default Deployment named `name`, exposed by a Service of the same name on port 80. */
function service(chart: Chart, name: string, image: string): void {
  const deployment = new kplus.Deployment(chart, name, {
    metadata: { name },
    containers: [restrictedContainer({ image, portNumber: 8080, securityContext: { user: 1000 } })],
  });
  runtimeDefaultSeccomp(deployment);
  deployment.exposeViaService({ name, ports: [{ port: 80, targetPort: 8080 }] });
}

/**
 * Three charts of one app: a backend (Deployment, Service, ConfigMap with an alert rule), a frontend
 * (Deployment, Service) and a CRD with a custom resource; the frontend depends on the backend.
 */
export function shopCharts(outdir = tmpdir('shop-app-')): ShopCharts {
  const app = new App({ outdir });
  const backend = new Chart(app, 'backend', { namespace: 'shop', disableResourceNameHashes: true });
  service(backend, 'api', 'ghcr.io/example/shop-api:2.1.0');
  new kplus.ConfigMap(backend, 'alerts', { metadata: { name: 'api-alerts' }, data: { 'rules.yaml': ALERT_RULES } });

  const frontend = new Chart(app, 'frontend', { namespace: 'shop', disableResourceNameHashes: true });
  service(frontend, 'web', 'ghcr.io/example/shop-web:1.4.0');
  frontend.addDependency(backend);

  const widgets = new Chart(app, 'widgets', { namespace: 'shop', disableResourceNameHashes: true });
  new ApiObject(widgets, 'crd', {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList' },
      versions: [{
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            description: 'A widget; its template field holds Go templates such as {{ .Name }}, kept verbatim.',
            properties: { spec: { type: 'object', properties: { template: { type: 'string' } } } },
          },
        },
      }],
    },
  });
  new ApiObject(widgets, 'gear', {
    apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'gear' }, spec: { template: 'Hello {{ .Name }}' },
  });
  return { app, backend, frontend, widgets };
}

/** The objects cdk8s synthesizes for the charts, each chart schema-validated on the way. */
export function cdk8sObjects(...charts: Chart[]): Map<Chart, ManifestObject[]> {
  return new Map(charts.map(c => [c, synthValid(c)]));
}

/** One document of `helm template` output. */
export interface RenderedObject {
  readonly source: string;
  readonly object: ManifestObject;
}

/** The namespace the test charts declare, and the release namespace `helmTemplate` installs into unless told. */
export const SHOP_NAMESPACE = 'shop';

/**
 * `helm template` of a chart directory, parsed per document with its `# Source:` file. Parsed as YAML 1.1,
 * the way Helm and Kubernetes read it. The release goes to namespace `shop` (the charts' own, so the
 * release-namespace templates render what cdk8s wrote) unless `args` name one (`-n`/`--namespace`); the
 * release is called `release` unless `--release-name` is given as the first two args.
 */
export function helmTemplate(chartDir: string, ...args: string[]): RenderedObject[] {
  const release = args[0] === '--release-name' ? args[1] : 'release';
  const rest = args[0] === '--release-name' ? args.slice(2) : args;
  const namespace = rest.some(a => a === '-n' || a === '--namespace' || a.startsWith('--namespace=')) ? [] : ['--namespace', SHOP_NAMESPACE];
  const out = helm(['template', release, chartDir, ...namespace, ...rest]);
  const rendered: RenderedObject[] = [];
  for (const doc of out.split(/^---$/m)) {
    const source = doc.match(/^# Source: (.*)$/m)?.[1];
    const parsed = parseAllDocuments(doc, KUBERNETES_YAML);
    for (const d of parsed) {
      if (d.errors.length > 0) throw new Error(`helm template output does not parse: ${d.errors[0].message}\n${doc}`);
      const object = d.toJS();
      if (object === null || object === undefined) continue;
      if (!source) throw new Error(`a rendered document has no # Source line:\n${doc}`);
      rendered.push({ source, object });
    }
  }
  return rendered;
}

/** `helm lint --strict --with-subcharts`, failing on anything above INFO. */
export function lintStrict(chartDir: string): string {
  const out = helm(['lint', '--strict', '--with-subcharts', chartDir]);
  const problems = out.split('\n').filter(l => /^\[(WARNING|ERROR)\]/.test(l));
  if (problems.length > 0) throw new Error(`helm lint reported:\n${problems.join('\n')}`);
  return out;
}

/** Writes the umbrella into a fresh directory (after synthesizing the app, as main.ts does); returns the chart directory. */
export function synthUmbrella(umbrella: UmbrellaChart): string {
  App.of(umbrella).synth();
  return umbrella.synth();
}

/** A canonical, order-free form of a list of objects, for multiset comparison. */
export function canonical(objects: readonly unknown[]): string[] {
  return objects.map(o => JSON.stringify(sortKeys(o))).sort();
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map(k => [k, sortKeys((v as any)[k])]));
  }
  return v;
}

/** Every file below a directory, relative and sorted, with its content. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter(e => e.isFile())
    .map(e => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  for (const f of files) out[f] = fs.readFileSync(path.join(dir, f), 'utf-8');
  return out;
}
