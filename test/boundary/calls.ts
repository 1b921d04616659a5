/**
 * One valid call per public entry point that takes input: the arguments (a small hand-written table of
 * minimal valid props) and how to run the call and read what it wrote. The boundary test varies every
 * argument and every prop below it as the assembly describes them; only these base values are written by hand.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AccessGrant, AutoscaledDeployment, CanaryService, ConsistentHashAlgorithm, ConsistentHashKey, CustomResource, CustomResourceController,
  CustomResourceDefinition, DirectResponseBody, HelmValue, HpaSimulator, IpvsDirector, ListType, IpvsLoadBalancer, IpvsPersistence,
  IpvsPrediction, IpvsStatsTable, IpvsadmRules, KubeProxyConfiguration, KubeProxyMode, LoadBalancerSettings, ManifestValidation,
  ManifestValidationPlugin, Metric, MetricTarget, NftablesMigrationReport, PodAutoscaler, ProblemSeverity, RolloutAutoscalingSimulator,
  RolloutPlan, ScaleTarget, ScalingPolicy, Schema, TrafficBackend, UmbrellaChart, Waypoint,
} from '../../src';

/** A fresh App and Chart for one attempt. */
export interface Context {
  readonly app: App;
  readonly chart: Chart;
}

/** One entry point: valid arguments, and the call that returns what was written (manifests, files or results). */
export interface CallCase {
  /** Valid arguments, in the order of the jsii parameters. */
  readonly args: (ctx: Context) => unknown[];
  /** Makes the call and everything that writes output (synth); returns the output to inspect. */
  readonly run: (ctx: Context, args: unknown[]) => unknown;
}

/** A fresh context: an App writing into a temporary directory and a namespaced chart with readable names. */
export function newContext(): Context {
  const app = Testing.app({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'boundary-')) });
  const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  return { app, chart };
}

const image = 'ghcr.io/example/app:1.0.0';
const container = (): kplus.ContainerProps => ({ name: 'app', image, portNumber: 8080 });
const synth = (ctx: Context) => ctx.app.charts.flatMap(c => Testing.synth(c));
const crd = (chart: Chart) => new CustomResourceDefinition(chart, 'at', {
  group: 'cnat.example.com',
  kind: 'At',
  versions: [{ name: 'v1alpha1', schema: replicatedSchema(), statusSubresource: true }],
});
const replicatedSchema = () => Schema.object({
  properties: {
    spec: Schema.object({ properties: { schedule: Schema.string(), replicas: Schema.integer() } }),
    status: Schema.object({ properties: { replicas: Schema.integer() } }),
  },
});
/** An HTTP, a TCP and a TLS port, so that TCP and TLS rules (and their samples) resolve. */
const ports = () => [{ port: 80, targetPort: 8080, name: 'http' }, { port: 9000, targetPort: 8080, name: 'tcp' }, { port: 443, targetPort: 8080, name: 'tls' }];
const canaryProps = () => ({
  versions: [{ name: 'v1', containers: [container()] }, { name: 'v2', containers: [container()] }],
  ports: ports(),
});
const canary = (chart: Chart) => new CanaryService(chart, 'reviews', canaryProps());
/** A TCP or TLS rule narrowed to one destination subnet (source conditions would exclude `gateways`). */
const toSubnet = () => ({ match: { destinationSubnets: ['10.96.0.0/12'] }, version: 'v2' });
/**
 * A route's actions (forward to `version`, split by `weights`, `redirect`, `directResponse`) exclude each other. The
 * base routes forward to 'v2'; where a variation (or the sample placed for it) sets another action, the base forward
 * is left out, so each action is varied on its own. A varied `version` is never left out.
 */
const oneAction = (route: unknown): unknown => {
  if (!route || typeof route !== 'object' || Array.isArray(route)) return route;
  const r = route as Record<string, unknown>;
  if (r.version !== 'v2' || !['weights', 'redirect', 'directResponse'].some(k => k in r)) return route;
  const { version: _forward, ...rest } = r;
  return rest;
};
const oneActionEach = (routes: unknown): unknown => (Array.isArray(routes) ? routes.map(oneAction) : routes);
/** The same for CanaryService props: every route list. */
const withOneAction = (props: any): any => {
  if (!props || typeof props !== 'object' || Array.isArray(props)) return props;
  const out = { ...props };
  for (const key of ['routes', 'tcpRoutes', 'tlsRoutes']) if (key in out) out[key] = oneActionEach(out[key]);
  return out;
};
/** A metric sample reads `value`, `total` or `values`: the base's `value` (90) is left out where a variation sets another. */
const oneReading = (input: any): any => {
  if (!input || typeof input !== 'object' || !Array.isArray(input.samples)) return input;
  return {
    ...input,
    samples: input.samples.map((s: any) => (s && typeof s === 'object' && Array.isArray(s.metrics)
      ? { ...s, metrics: s.metrics.map((m: any) => (m && m.value === 90 && ('total' in m || 'values' in m) ? (({ value: _v, ...rest }) => rest)(m) : m)) }
      : s)),
  };
};
const rolloutProps = () => ({
  plan: new RolloutPlan({ stable: 'v1', canary: 'v2', canaryWeights: [25, 50, 100] }),
  stable: { maxReplicas: 20, metrics: [Metric.pods({ name: 'rps', target: MetricTarget.averageValue(100) })] },
  canary: { maxReplicas: 4, metrics: [Metric.pods({ name: 'rps', target: MetricTarget.averageValue(100) })] },
  stepDuration: Duration.minutes(1),
});
const rolloutLoad = () => ({ total: [1200, 1200, 1200, 1200], stableReplicas: 12 });
const problem = () => ({ source: 'manifests[0]', path: 'metadata.name', message: 'must be set', rule: 'k8s ValidateObjectMeta', severity: ProblemSeverity.ERROR });
/** A cdk8s-cli ValidationContext over one manifest; returns what the plugin reported. */
const pluginRun = (plugin: ManifestValidationPlugin): unknown => {
  const report: { violations: unknown[]; status?: string } = { violations: [] };
  void plugin.validate({
    manifests: ['shop.k8s.yaml'],
    parseManifest: () => [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '' } }],
    report: { addViolation: (v: unknown) => report.violations.push(v), submit: (status: string) => { report.status = status; } },
  });
  return report;
};
const withBackend = (ctx: Context, trafficBackend: TrafficBackend) => {
  new CanaryService(ctx.chart, 'reviews', { ...canaryProps(), trafficBackend });
  return synth(ctx);
};
const withRoute = (ctx: Context, route: unknown) => {
  new CanaryService(ctx.chart, 'reviews', { ...canaryProps(), routes: [route as any] });
  return synth(ctx);
};
const helmValue = (u: UmbrellaChart, c: Context, value: HelmValue) => {
  u.addSubchart(c.chart);
  u.bindExistence(value, new kplus.ConfigMap(c.chart, 'config', { data: { a: 'b' } }));
};
const virtualServer = () => ({ address: '1.2.3.4', port: 80, realServers: [{ address: '172.17.0.3' }, { address: '172.17.0.4' }] });
const hpaOptions = () => ({ maxReplicas: 5 });
const reference = () => ({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' });
const serviceAccount = (chart: Chart) => new kplus.ServiceAccount(chart, 'sa', { metadata: { name: 'controller' } });
const withPodAutoscaler = (ctx: Context, metric: unknown) => {
  new PodAutoscaler(ctx.chart, 'hpa', { target: ScaleTarget.fromReference(reference()), maxReplicas: 5, metrics: [metric as Metric] });
  return synth(ctx);
};
const withUmbrella = (ctx: Context, build: (u: UmbrellaChart) => void) => {
  const umbrella = new UmbrellaChart(ctx.app, 'umbrella', { name: 'shop', version: '1.0.0', outdir: ctx.app.outdir });
  build(umbrella);
  return umbrella.toFiles();
};

/** Every entry point with input, by `Class.<init>`, `Class.method` or `Class.staticMethod`. */
export const CALLS: Record<string, CallCase> = {
  // constructs
  'CanaryService.<init>': { args: c => [c.chart, 'reviews', canaryProps()], run: (c, a) => { new CanaryService(a[0] as Chart, a[1] as string, withOneAction(a[2])); return synth(c); } },
  'AutoscaledDeployment.<init>': {
    args: c => [c.chart, 'backend', { containers: [container()], maxReplicas: 5 }],
    run: (c, a) => { new AutoscaledDeployment(...(a as [Chart, string, any])); return synth(c); },
  },
  'PodAutoscaler.<init>': {
    args: c => [c.chart, 'hpa', { target: ScaleTarget.fromReference(reference()), maxReplicas: 5 }],
    run: (c, a) => { new PodAutoscaler(...(a as [Chart, string, any])); return synth(c); },
  },
  'CustomResourceDefinition.<init>': {
    args: c => [c.chart, 'at', { group: 'cnat.example.com', kind: 'At', versions: [{ name: 'v1alpha1', schema: replicatedSchema() }] }],
    run: (c, a) => { new CustomResourceDefinition(...(a as [Chart, string, any])); return synth(c); },
  },
  'CustomResource.<init>': {
    args: c => [c.chart, 'job', { definition: crd(c.chart), spec: { schedule: 'now' } }],
    run: (c, a) => { new CustomResource(...(a as [Chart, string, any])); return synth(c); },
  },
  'CustomResourceController.<init>': {
    args: c => [c.chart, 'controller', { definition: crd(c.chart), container: { image } }],
    run: (c, a) => { new CustomResourceController(...(a as [Chart, string, any])); return synth(c); },
  },
  'IpvsLoadBalancer.<init>': {
    args: c => [c.chart, 'web', { selector: { app: 'web' }, ports: [{ port: 80, name: 'http' }] }],
    run: (c, a) => { new IpvsLoadBalancer(...(a as [Chart, string, any])); return synth(c); },
  },
  'IpvsDirector.<init>': {
    args: c => [c.chart, 'director', { virtualServers: [virtualServer()] }],
    run: (c, a) => { new IpvsDirector(...(a as [Chart, string, any])); return synth(c); },
  },
  'KubeProxyConfiguration.<init>': {
    args: c => [c.chart, 'kube-proxy', {}],
    run: (c, a) => { new KubeProxyConfiguration(...(a as [Chart, string, any])); return synth(c); },
  },
  'UmbrellaChart.<init>': {
    args: c => [c.app, 'umbrella', { name: 'shop', version: '1.0.0', outdir: c.app.outdir }],
    run: (c, a) => {
      const umbrella = new UmbrellaChart(...(a as [App, string, any]));
      umbrella.addSubchart(c.chart);
      return [umbrella.toFiles(), fs.readdirSync(umbrella.synth())];
    },
  },
  'HpaSimulator.<init>': {
    args: () => [{ autoscaling: hpaOptions() }],
    run: (_c, a) => new HpaSimulator(a[0] as any).run({ initialReplicas: 2, samples: [{ metrics: [{ value: 90 }] }] }),
  },
  'RolloutPlan.<init>': { args: () => [{ stable: 'v1', canary: 'v2', canaryWeights: [10, 50] }], run: (_c, a) => new RolloutPlan(a[0] as any).steps },
  // methods
  'AccessGrant.of': {
    args: c => [serviceAccount(c.chart), { namespace: 'shop' }],
    run: (c, a) => { AccessGrant.of(a[0] as any, a[1] as any); crd(c.chart).grantRead(a[0] as any); return synth(c); },
  },
  'AccessGrant.allow': {
    args: () => ['cnat.example.com', 'ats', ['get']],
    run: (c, a) => { AccessGrant.of(serviceAccount(c.chart)).allow(...(a as [string, string, string[]])); return synth(c); },
  },
  'AutoscaledDeployment.addContainer': {
    args: () => [{ ...container(), name: 'sidecar', portNumber: 9090 }],
    run: (c, a) => { new AutoscaledDeployment(c.chart, 'backend', { containers: [container()], maxReplicas: 5 }).addContainer(a[0] as any); return synth(c); },
  },
  'AutoscaledDeployment.addInitContainer': {
    args: () => [{ name: 'init', image }],
    run: (c, a) => { new AutoscaledDeployment(c.chart, 'backend', { containers: [container()], maxReplicas: 5 }).addInitContainer(a[0] as any); return synth(c); },
  },
  'CanaryService.promote': { args: () => [canaryProps(), 'v2', {}], run: (c, a) => { new CanaryService(c.chart, 'reviews', CanaryService.promote(withOneAction(a[0]), ...(a.slice(1) as [string, any]))); return synth(c); } },
  'CanaryService.addRoute': {
    args: () => [{ match: { uri: { prefix: '/beta' } }, version: 'v2' }],
    run: (c, a) => { canary(c.chart).addRoute(oneAction(a[0]) as any); return synth(c); },
  },
  'CanaryService.addTcpRoute': { args: () => [toSubnet()], run: (c, a) => { canary(c.chart).addTcpRoute(oneAction(a[0]) as any); return synth(c); } },
  'CanaryService.addTlsRoute': { args: () => [toSubnet()], run: (c, a) => { canary(c.chart).addTlsRoute(oneAction(a[0]) as any); return synth(c); } },
  'CanaryService.routeHeader': {
    args: () => ['x-beta', { exact: '1' }, 'v2', {}],
    run: (c, a) => { canary(c.chart).routeHeader(...(a as [string, any, string, any])); return synth(c); },
  },
  'CanaryService.routeSourceLabels': {
    args: () => [{ app: 'tester' }, 'v2', {}],
    run: (c, a) => { canary(c.chart).routeSourceLabels(...(a as [any, string, any])); return synth(c); },
  },
  'CanaryService.routeUri': {
    args: () => [{ prefix: '/beta' }, 'v2', {}],
    run: (c, a) => { canary(c.chart).routeUri(...(a as [any, string, any])); return synth(c); },
  },
  'ConsistentHashKey.cookie': { args: () => ['session', {}], run: (c, a) => hashed(c, ConsistentHashKey.cookie(...(a as [string, any]))) },
  'ConsistentHashKey.header': { args: () => ['x-user'], run: (c, a) => hashed(c, ConsistentHashKey.header(a[0] as string)) },
  'ConsistentHashKey.queryParameter': { args: () => ['user'], run: (c, a) => hashed(c, ConsistentHashKey.queryParameter(a[0] as string)) },
  'LoadBalancerSettings.consistentHash': { args: () => [ConsistentHashKey.header('x-user'), {}], run: (c, a) => balanced(c, LoadBalancerSettings.consistentHash(...(a as [any, any]))) },
  'LoadBalancerSettings.defaultAlgorithm': { args: () => [{ warmup: { duration: Duration.seconds(60) } }], run: (c, a) => balanced(c, LoadBalancerSettings.defaultAlgorithm(a[0] as any)) },
  'LoadBalancerSettings.leastRequest': { args: () => [{}], run: (c, a) => balanced(c, LoadBalancerSettings.leastRequest(a[0] as any)) },
  'LoadBalancerSettings.random': { args: () => [{}], run: (c, a) => balanced(c, LoadBalancerSettings.random(a[0] as any)) },
  'LoadBalancerSettings.roundRobin': { args: () => [{}], run: (c, a) => balanced(c, LoadBalancerSettings.roundRobin(a[0] as any)) },
  'ConsistentHashAlgorithm.maglev': { args: () => [65537], run: (c, a) => balanced(c, LoadBalancerSettings.consistentHash(ConsistentHashKey.header('x-user'), { algorithm: ConsistentHashAlgorithm.maglev(a[0] as any) })) },
  'ConsistentHashAlgorithm.ringHash': { args: () => [1024], run: (c, a) => balanced(c, LoadBalancerSettings.consistentHash(ConsistentHashKey.header('x-user'), { algorithm: ConsistentHashAlgorithm.ringHash(a[0] as any) })) },
  'DirectResponseBody.fromBase64': { args: () => ['aGVsbG8='], run: (c, a) => withRoute(c, { match: { uri: { prefix: '/beta' } }, directResponse: { status: 503, body: DirectResponseBody.fromBase64(a[0] as any) } }) },
  'DirectResponseBody.fromString': { args: () => ['unavailable'], run: (c, a) => withRoute(c, { match: { uri: { prefix: '/beta' } }, directResponse: { status: 503, body: DirectResponseBody.fromString(a[0] as any) } }) },
  'TrafficBackend.gatewayApi': { args: () => [{ mesh: true }], run: (c, a) => withBackend(c, TrafficBackend.gatewayApi(a[0] as any)) },
  'Waypoint.create': { args: () => ['waypoint'], run: (c, a) => withBackend(c, TrafficBackend.gatewayApi({ waypoint: Waypoint.create(a[0] as any) })) },
  'Waypoint.use': { args: () => ['waypoint', 'mesh'], run: (c, a) => withBackend(c, TrafficBackend.gatewayApi({ waypoint: Waypoint.use(...(a as [string, string])) })) },
  'HelmValue.booleanValue': { args: () => ['config.enabled', { default: true }], run: (c, a) => withUmbrella(c, u => helmValue(u, c, HelmValue.booleanValue(...(a as [string, any])))) },
  'HelmValue.integerValue': { args: () => ['replicas', { default: 2 }], run: (c, a) => integerBound(c, HelmValue.integerValue(...(a as [string, any]))) },
  'HelmValue.numberValue': { args: () => ['ratio', { default: 0.5 }], run: (_c, a) => HelmValue.numberValue(...(a as [string, any])) },
  'HelmValue.objectValue': { args: () => ['resources', { default: { cpu: '100m' } }], run: (_c, a) => HelmValue.objectValue(...(a as [string, any])) },
  'HelmValue.stringValue': { args: () => ['image.tag', { default: '1.0.0' }], run: (_c, a) => HelmValue.stringValue(...(a as [string, any])) },
  'KubeProxyConfiguration.defaultMode': { args: () => ['1.33'], run: (_c, a) => KubeProxyConfiguration.defaultMode(a[0] as any) },
  'ManifestValidation.format': { args: () => [problem()], run: (_c, a) => ManifestValidation.format(a[0] as any) },
  'ManifestValidation.validateConstructs': {
    args: c => [c.chart],
    run: (c, a) => { new kplus.ConfigMap(c.chart, 'config', { data: { a: 'b' } }); return ManifestValidation.validateConstructs(a[0] as any); },
  },
  'ManifestValidationPlugin.<init>': { args: () => [{ failOnWarnings: true }], run: (_c, a) => pluginRun(new ManifestValidationPlugin(a[0] as any)) },
  'NftablesMigrationReport.of': {
    args: c => [c.app],
    run: (c, a) => { new KubeProxyConfiguration(c.chart, 'kube-proxy', { mode: KubeProxyMode.IPVS }); return NftablesMigrationReport.of(a[0] as any).items; },
  },
  'RolloutAutoscalingSimulator.<init>': { args: () => [rolloutProps()], run: (_c, a) => new RolloutAutoscalingSimulator(a[0] as any).run(rolloutLoad()) },
  'RolloutAutoscalingSimulator.run': { args: () => [rolloutLoad()], run: (_c, a) => new RolloutAutoscalingSimulator(rolloutProps()).run(a[0] as any) },
  'UmbrellaChart.bindExistence': {
    args: c => [HelmValue.booleanValue('config.enabled', { default: true }), new kplus.ConfigMap(c.chart, 'config', { data: { a: 'b' } })],
    run: (c, a) => withUmbrella(c, u => { u.addSubchart(c.chart); u.bindExistence(...(a as [HelmValue, any])); }),
  },
  'UmbrellaChart.bindValue': {
    args: c => [HelmValue.integerValue('replicas.min', { default: 2 }), hpa(c, 2), 'spec.minReplicas', {}],
    run: (c, a) => withUmbrella(c, u => { u.addSubchart(c.chart); u.bindValue(...(a as [HelmValue, any, string, any])); }),
  },
  'UmbrellaChart.leaveOut': {
    args: c => [c.chart],
    run: (c, a) => withUmbrella(c, u => { u.addSubchart(new Chart(c.app, 'backend', { namespace: 'shop' })); u.leaveOut(a[0] as any); }),
  },
  'CustomResourceDefinition.grantFullAccess': grant('grantFullAccess'),
  'CustomResourceDefinition.grantRead': grant('grantRead'),
  'CustomResourceDefinition.grantStatusUpdate': grant('grantStatusUpdate'),
  'CustomResourceDefinition.grantWatch': grant('grantWatch'),
  'CustomResourceDefinition.apiVersionOf': { args: () => ['v1alpha1'], run: (c, a) => crd(c.chart).apiVersionOf(a[0] as string) },
  'HpaSimulator.run': {
    args: () => [{ initialReplicas: 2, samples: [{ metrics: [{ value: 90 }] }] }],
    // an External metric, so that a sample may read several values
    run: (_c, a) => new HpaSimulator({ autoscaling: { ...hpaOptions(), metrics: [Metric.external({ name: 'queue', target: MetricTarget.value(10) })] } }).run(oneReading(a[0])),
  },
  'IpvsPersistence.clientIp': {
    args: () => [Duration.minutes(10)],
    run: (c, a) => { new IpvsLoadBalancer(c.chart, 'web', { selector: { app: 'web' }, ports: [{ port: 80 }], persistence: IpvsPersistence.clientIp(a[0] as any) }); return synth(c); },
  },
  'IpvsPrediction.predict': { args: () => [virtualServer(), 10], run: (_c, a) => IpvsPrediction.predict(...(a as [any, number])) },
  'IpvsStatsTable.predict': {
    args: () => [[virtualServer()], 10, { inBytes: 1000, inPackets: 10, outBytes: 2000, outPackets: 10 }],
    run: (_c, a) => IpvsStatsTable.predict(...(a as [any, number, any])),
  },
  'IpvsadmRules.lines': { args: () => [[virtualServer()]], run: (_c, a) => IpvsadmRules.lines(a[0] as any) },
  'IpvsadmRules.render': { args: () => [[virtualServer()]], run: (_c, a) => IpvsadmRules.render(a[0] as any) },
  'Metric.containerResource': {
    args: () => [{ container: 'app', resource: 'cpu', target: MetricTarget.averageValue('500m') }],
    run: (c, a) => withPodAutoscaler(c, Metric.containerResource(a[0] as any)),
  },
  'Metric.external': { args: () => [{ name: 'queue', target: MetricTarget.value(10) }], run: (c, a) => withPodAutoscaler(c, Metric.external(a[0] as any)) },
  'Metric.object': {
    args: () => [{ name: 'rps', target: MetricTarget.value(10), describedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'web' } }],
    run: (c, a) => withPodAutoscaler(c, Metric.object(a[0] as any)),
  },
  'Metric.pods': { args: () => [{ name: 'rps', target: MetricTarget.averageValue(10) }], run: (c, a) => withPodAutoscaler(c, Metric.pods(a[0] as any)) },
  'Metric.resource': { args: () => ['memory', MetricTarget.averageValue('512Mi')], run: (c, a) => withPodAutoscaler(c, Metric.resource(...(a as [string, any]))) },
  'Metric.resourceCpu': { args: () => [MetricTarget.averageValue('500m')], run: (c, a) => withPodAutoscaler(c, Metric.resourceCpu(a[0] as any)) },
  'Metric.resourceMemory': { args: () => [MetricTarget.averageValue('512Mi')], run: (c, a) => withPodAutoscaler(c, Metric.resourceMemory(a[0] as any)) },
  'MetricTarget.averageValue': { args: () => ['500m'], run: (c, a) => withPodAutoscaler(c, Metric.resourceCpu(MetricTarget.averageValue(a[0] as any))) },
  'MetricTarget.utilization': {
    args: () => [60],
    run: (c, a) => {
      new AutoscaledDeployment(c.chart, 'backend', { containers: [container()], maxReplicas: 5, metrics: [Metric.resourceCpu(MetricTarget.utilization(a[0] as any))] });
      return synth(c);
    },
  },
  'MetricTarget.value': { args: () => [10], run: (c, a) => withPodAutoscaler(c, Metric.external({ name: 'queue', target: MetricTarget.value(a[0] as any) })) },
  'PodAutoscaler.addMetric': {
    args: () => [Metric.resourceMemory(MetricTarget.averageValue('512Mi'))],
    run: (c, a) => { new PodAutoscaler(c.chart, 'hpa', { target: ScaleTarget.fromReference(reference()), maxReplicas: 5 }).addMetric(a[0] as any); return synth(c); },
  },
  'RolloutPlan.stepProps': {
    args: () => [canaryProps(), 0],
    run: (c, a) => { new CanaryService(c.chart, 'reviews', new RolloutPlan({ stable: 'v1', canary: 'v2', canaryWeights: [10, 50] }).stepProps(withOneAction(a[0]), a[1] as number)); return synth(c); },
  },
  'ScaleTarget.fromDeployment': {
    args: c => [new kplus.Deployment(c.chart, 'web', { containers: [container()] })],
    run: (c, a) => { new PodAutoscaler(c.chart, 'hpa', { target: ScaleTarget.fromDeployment(a[0] as any), maxReplicas: 5 }); return synth(c); },
  },
  'ScaleTarget.fromReference': {
    args: () => [reference()],
    run: (c, a) => { new PodAutoscaler(c.chart, 'hpa', { target: ScaleTarget.fromReference(a[0] as any), maxReplicas: 5 }); return synth(c); },
  },
  'ScaleTarget.fromStatefulSet': {
    args: c => [new kplus.StatefulSet(c.chart, 'db', { containers: [container()] })],
    run: (c, a) => { new PodAutoscaler(c.chart, 'hpa', { target: ScaleTarget.fromStatefulSet(a[0] as any), maxReplicas: 5 }); return synth(c); },
  },
  'ScalingPolicy.percent': { args: () => [50, Duration.minutes(1)], run: (c, a) => scaled(c, ScalingPolicy.percent(...(a as [number, any]))) },
  'ScalingPolicy.pods': { args: () => [2, Duration.minutes(1)], run: (c, a) => scaled(c, ScalingPolicy.pods(...(a as [number, any]))) },
  'Schema.array': { args: () => [Schema.object({ properties: { name: Schema.string() }, required: ['name'] }), { listType: ListType.MAP, listMapKeys: ['name'] }], run: (c, a) => schemaOf(c, Schema.array(...(a as [any, any]))) },
  'Schema.boolean': { args: () => [{}], run: (c, a) => schemaOf(c, Schema.boolean(a[0] as any)) },
  'Schema.integer': { args: () => [{}], run: (c, a) => schemaOf(c, Schema.integer(a[0] as any)) },
  'Schema.intOrString': { args: () => [{}], run: (c, a) => schemaOf(c, Schema.intOrString(a[0] as any)) },
  'Schema.map': { args: () => [Schema.string(), {}], run: (c, a) => schemaOf(c, Schema.map(...(a as [any, any]))) },
  'Schema.number': { args: () => [{}], run: (c, a) => schemaOf(c, Schema.number(a[0] as any)) },
  'Schema.object': { args: () => [{ properties: { name: Schema.string() }, required: ['name'] }], run: (c, a) => schemaOf(c, Schema.object(a[0] as any)) },
  'Schema.preserveUnknownFields': { args: () => [{}], run: (c, a) => schemaOf(c, Schema.preserveUnknownFields(a[0] as any)) },
  'Schema.string': { args: () => [{}], run: (c, a) => schemaOf(c, Schema.string(a[0] as any)) },
  'UmbrellaChart.addSubchart': { args: c => [c.chart, {}], run: (c, a) => withUmbrella(c, u => u.addSubchart(...(a as [Chart, any]))) },
  'UmbrellaChart.synthAll': {
    args: c => [c.app],
    run: (c, a) => { new UmbrellaChart(c.app, 'umbrella', { name: 'shop', version: '1.0.0', outdir: c.app.outdir }).addSubchart(c.chart); return UmbrellaChart.synthAll(a[0] as any); },
  },
};

/**
 * Entry points the boundary test does not vary, with the reason. Everything else with parameters must be in CALLS.
 */
export const NOT_VARIED: Record<string, string> = {
  'UmbrellaChart.isUmbrellaChart': 'a type guard: any value is a valid question',
  'CustomResourceDefinition.validateInstance': 'takes any manifest and reports what is wrong with it',
  'Schema.fromJson': 'takes any JSON schema and reports what is wrong with it (test/crd/schema.test.ts)',
  'HpaSimulator.timeline': 'renders the steps run() returned',
  'CanaryService.deployment': 'a lookup: an unknown version is its own error (test/canary)',
  'ManifestValidation.validateManifests': 'takes any manifests (typed any) and reports what is wrong with them rather than refusing',
  'ManifestValidationPlugin.validate': 'its one parameter is cdk8s-cli\'s ValidationContext, typed any: nothing to vary (the constructor is varied)',
  'RolloutAutoscalingSimulator.renderSvg': 'renders the simulation run() returned',
};

function hpa(c: Context, minReplicas: number): unknown {
  return new PodAutoscaler(c.chart, 'hpa', { target: ScaleTarget.fromReference(reference()), minReplicas, maxReplicas: 5 }).apiObject;
}

function integerBound(c: Context, value: HelmValue): unknown {
  return withUmbrella(c, u => { u.addSubchart(c.chart); u.bindValue(value, hpa(c, value.defaultNumber) as any, 'spec.minReplicas'); });
}

function hashed(c: Context, key: ConsistentHashKey): unknown {
  return balanced(c, LoadBalancerSettings.consistentHash(key));
}

function balanced(c: Context, loadBalancer: LoadBalancerSettings): unknown {
  new CanaryService(c.chart, 'reviews', { ...canaryProps(), trafficPolicy: { loadBalancer } });
  return synth(c);
}

function scaled(c: Context, policy: ScalingPolicy): unknown {
  new PodAutoscaler(c.chart, 'hpa', { target: ScaleTarget.fromReference(reference()), maxReplicas: 5, scaleUp: { policies: [policy] } });
  return synth(c);
}

function schemaOf(c: Context, schema: Schema): unknown {
  new CustomResourceDefinition(c.chart, 'at', {
    group: 'cnat.example.com',
    kind: 'At',
    versions: [{ name: 'v1alpha1', schema: Schema.object({ properties: { spec: Schema.object({ properties: { field: schema } }) } }) }],
  });
  return synth(c);
}

function grant(method: 'grantFullAccess' | 'grantRead' | 'grantStatusUpdate' | 'grantWatch'): CallCase {
  return {
    args: c => [serviceAccount(c.chart), { namespace: 'shop' }],
    run: (c, a) => { crd(c.chart)[method](a[0] as any, a[1] as any); return synth(c); },
  };
}
