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
  AutoscaledDeployment, CanaryService, ConsistentHashKey, CustomResource, CustomResourceController, CustomResourceDefinition,
  HpaSimulator, IpvsDirector, ListType, IpvsLoadBalancer, IpvsPersistence, IpvsPrediction, IpvsStatsTable, IpvsadmRules, KubeProxyConfiguration,
  LoadBalancerSettings, Metric, MetricTarget, PodAutoscaler, RolloutPlan, ScaleTarget, ScalingPolicy, Schema, UmbrellaChart, AccessGrant,
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
const canaryProps = () => ({
  versions: [{ name: 'v1', containers: [container()] }, { name: 'v2', containers: [container()] }],
});
const canary = (chart: Chart) => new CanaryService(chart, 'reviews', canaryProps());
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
  'CanaryService.<init>': { args: c => [c.chart, 'reviews', canaryProps()], run: (c, a) => { new CanaryService(...(a as [Chart, string, any])); return synth(c); } },
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
    args: () => [container()],
    run: (c, a) => { new AutoscaledDeployment(c.chart, 'backend', { containers: [container()], maxReplicas: 5 }).addContainer(a[0] as any); return synth(c); },
  },
  'AutoscaledDeployment.addInitContainer': {
    args: () => [{ name: 'init', image }],
    run: (c, a) => { new AutoscaledDeployment(c.chart, 'backend', { containers: [container()], maxReplicas: 5 }).addInitContainer(a[0] as any); return synth(c); },
  },
  'CanaryService.promote': { args: () => [canaryProps(), 'v2', {}], run: (c, a) => { new CanaryService(c.chart, 'reviews', CanaryService.promote(...(a as [any, string, any]))); return synth(c); } },
  'CanaryService.addRoute': {
    args: () => [{ match: { uri: { prefix: '/beta' } }, version: 'v2' }],
    run: (c, a) => { canary(c.chart).addRoute(a[0] as any); return synth(c); },
  },
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
  'LoadBalancerSettings.consistentHash': { args: () => [ConsistentHashKey.header('x-user')], run: (c, a) => balanced(c, LoadBalancerSettings.consistentHash(a[0] as any)) },
  'CustomResourceDefinition.grantFullAccess': grant('grantFullAccess'),
  'CustomResourceDefinition.grantRead': grant('grantRead'),
  'CustomResourceDefinition.grantStatusUpdate': grant('grantStatusUpdate'),
  'CustomResourceDefinition.grantWatch': grant('grantWatch'),
  'CustomResourceDefinition.apiVersionOf': { args: () => ['v1alpha1'], run: (c, a) => crd(c.chart).apiVersionOf(a[0] as string) },
  'HpaSimulator.run': {
    args: () => [{ initialReplicas: 2, samples: [{ metrics: [{ value: 90 }] }] }],
    run: (_c, a) => new HpaSimulator({ autoscaling: hpaOptions() }).run(a[0] as any),
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
    run: (c, a) => { new CanaryService(c.chart, 'reviews', new RolloutPlan({ stable: 'v1', canary: 'v2', canaryWeights: [10, 50] }).stepProps(...(a as [any, number]))); return synth(c); },
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
};

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
