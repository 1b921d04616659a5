/**
 * The benchmark workload: N services, each a canary with two versions at 75/25 whose Deployments are
 * autoscaled on cpu at 50% — 2 Deployments, 2 HPAs, 1 Service, 1 VirtualService, 1 DestinationRule.
 */
import * as fs from 'fs';
import { ApiObject, App, Chart, JsonPatch } from 'cdk8s';
import { CanaryService, Metric, MetricTarget } from 'cdk8s-patterns';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';

export const NAMESPACE = 'bench';
export const VERSIONS = [{ name: 'v1', weight: 75, tag: '1.0.0' }, { name: 'v2', weight: 25, tag: '1.1.0' }];
export const PORT = 8080;
export const MIN_REPLICAS = 2;
export const MAX_REPLICAS = 10;
export const CPU_UTILIZATION = 50;

export function serviceName(i: number): string {
  return `svc-${String(i).padStart(4, '0')}`;
}

export function image(name: string, tag: string): string {
  return `registry.example.com/${name}:${tag}`;
}

/** One chart per app, as a monorepo synth would hold them. */
export function benchChart(app: App): Chart {
  return new Chart(app, 'bench', { namespace: NAMESPACE, disableResourceNameHashes: true });
}

/** ours: the workload with this library's constructs. */
export function buildOurs(app: App, services: number): Chart {
  const chart = benchChart(app);
  for (let i = 0; i < services; i++) {
    const name = serviceName(i);
    new CanaryService(chart, name, {
      versions: VERSIONS.map(v => ({
        name: v.name,
        containers: [{ image: image(name, v.tag), portNumber: PORT }],
        autoscaling: {
          minReplicas: MIN_REPLICAS,
          maxReplicas: MAX_REPLICAS,
          metrics: [Metric.resourceCpu(MetricTarget.utilization(CPU_UTILIZATION))],
        },
      })),
      weights: Object.fromEntries(VERSIONS.map(v => [v.name, v.weight])),
      ports: [{ name: 'http', port: 80, targetPort: PORT }],
    });
  }
  return chart;
}

/**
 * cdk8s-plus: the same objects assembled by hand, as a cdk8s-plus-27 user would without this library:
 * L2 Deployments and Services, the HPA as the k8s L1 (cdk8s-plus's own HPA always writes a `behavior`, so
 * it cannot produce the same object), Istio as raw ApiObjects.
 */
export function buildPlus(app: App, services: number): Chart {
  const chart = benchChart(app);
  for (let i = 0; i < services; i++) {
    const name = serviceName(i);
    const scope = new Construct(chart, name);
    for (const v of VERSIONS) {
      const deployment = new kplus.Deployment(scope, v.name, {
        metadata: { name: `${name}-${v.name}` },
        select: false,
        containers: [{
          image: image(name, v.tag),
          portNumber: PORT,
          securityContext: { capabilities: { drop: ['ALL' as kplus.Capability] } },
        }],
      });
      const labels = { app: name, version: v.name };
      for (const [k, value] of Object.entries(labels)) deployment.podMetadata.addLabel(k, value);
      deployment.select(kplus.LabelSelector.of({ labels }));
      deployment.markHasAutoscaler();
      ApiObject.of(deployment).addJsonPatch(JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }));
      new kplus.k8s.KubeHorizontalPodAutoscalerV2(scope, `${v.name}-hpa`, {
        metadata: { name: `${name}-${v.name}` },
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: `${name}-${v.name}` },
          minReplicas: MIN_REPLICAS,
          maxReplicas: MAX_REPLICAS,
          metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: CPU_UTILIZATION } } }],
        },
      });
    }
    const service = new kplus.Service(scope, 'Service', { metadata: { name }, ports: [{ name: 'http', port: 80, targetPort: PORT }] });
    service.selectLabel('app', name);
    new ApiObject(scope, 'DestinationRule', {
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name },
      spec: { host: name, subsets: VERSIONS.map(v => ({ labels: { version: v.name }, name: v.name })) },
    });
    new ApiObject(scope, 'VirtualService', {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name },
      spec: { hosts: [name], http: [{ route: VERSIONS.map(v => ({ destination: { host: name, subset: v.name }, weight: v.weight })) }] },
    });
  }
  return chart;
}

/**
 * The values the hand-written Helm chart (bench/helm-template-chart) renders the workload from: the service
 * names and the pod label cdk8s-plus derives from each construct path (Helm has no md5 to compute it).
 */
export function writeHelmValues(file: string, objects: any[]): void {
  const lines = ['services:'];
  for (const o of objects) {
    if (o.kind !== 'Service') continue;
    lines.push(`  - name: ${o.metadata.name}`, '    addr:');
    for (const v of VERSIONS) {
      const deployment = objects.find(d => d.kind === 'Deployment' && d.metadata.name === `${o.metadata.name}-${v.name}`);
      lines.push(`      ${v.name}: ${deployment.spec.template.metadata.labels['cdk8s.io/metadata.addr']}`);
    }
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
}
