import { ApiObject, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { BACKEND, shopChart } from './fixtures';
import { AutoscaledDeployment, Metric, MetricTarget, ScalingPolicy } from '../../src';
import { ofKind, only, synthValid } from '../util/validate';

describe('AutoscaledDeployment', () => {
  test('a Deployment without replicas and an HPA targeting it, nothing else by default', () => {
    const chart = shopChart();
    const backend = new AutoscaledDeployment(chart, 'backend', {
      ...BACKEND,
      minReplicas: 2,
      metrics: [Metric.resourceCpu(MetricTarget.utilization(60))],
    });

    const objects = synthValid(chart);
    expect(objects.map(o => o.kind)).toEqual(['Deployment', 'HorizontalPodAutoscaler']);
    const deployment = only(objects, 'Deployment');
    expect(deployment.metadata.name).toBe('backend');
    expect(deployment.spec.replicas).toBeUndefined();
    const hpa = only(objects, 'HorizontalPodAutoscaler');
    expect(hpa.metadata.name).toBe('backend');
    expect(hpa.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'backend' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }],
    });
    expect(backend.name).toBe('backend');
    expect(objects).toMatchSnapshot();
  });

  test('restricted security defaults on every container and the pod', () => {
    const chart = shopChart();
    const backend = new AutoscaledDeployment(chart, 'backend', {
      ...BACKEND,
      initContainers: [{ name: 'migrate', image: 'ghcr.io/example/migrate:1.0.0' }],
    });
    backend.addContainer({ name: 'metrics', image: 'ghcr.io/example/exporter:1.0.0' });

    const pod = only(synthValid(chart), 'Deployment').spec.template.spec;
    expect(pod.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    for (const c of [...pod.containers, ...pod.initContainers]) {
      expect({ name: c.name, securityContext: c.securityContext }).toEqual({
        name: c.name,
        securityContext: { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
      });
    }
    expect(pod.containers.map((c: any) => c.name)).toEqual(['app', 'metrics']);
    expect(pod.initContainers.map((c: any) => c.name)).toEqual(['migrate']);
  });

  test('restrictedSecurity: false keeps cdk8s-plus defaults only', () => {
    const chart = shopChart();
    new AutoscaledDeployment(chart, 'backend', { ...BACKEND, restrictedSecurity: false });
    const pod = only(synthValid(chart), 'Deployment').spec.template.spec;
    expect(pod.securityContext.seccompProfile).toBeUndefined();
    expect(pod.containers[0].securityContext.capabilities).toBeUndefined();
  });

  test('capabilities the user asks for are kept', () => {
    const chart = shopChart();
    new AutoscaledDeployment(chart, 'backend', {
      ...BACKEND,
      containers: [{ ...BACKEND.containers![0], securityContext: { capabilities: { add: [kplus.Capability.NET_BIND_SERVICE] } } }],
    });
    expect(only(synthValid(chart), 'Deployment').spec.template.spec.containers[0].securityContext.capabilities)
      .toEqual({ add: ['CAP_NET_BIND_SERVICE'] });
  });

  test('behavior, tolerance and a PodDisruptionBudget', () => {
    const chart = shopChart();
    new AutoscaledDeployment(chart, 'backend', {
      ...BACKEND,
      minReplicas: 3,
      metrics: [Metric.resourceCpu(MetricTarget.utilization(60)), Metric.resourceMemory(MetricTarget.averageValue('768Mi'))],
      scaleDown: { stabilizationWindow: Duration.minutes(10), policies: [ScalingPolicy.pods(1, Duration.minutes(1))], tolerance: 0.05 },
      podDisruptionBudget: true,
    });
    const objects = synthValid(chart);
    expect(objects.map(o => o.kind)).toEqual(['Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']);
    expect(only(objects, 'HorizontalPodAutoscaler').spec.behavior).toEqual({
      scaleDown: { stabilizationWindowSeconds: 600, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }], tolerance: '50m' },
    });
    expect(only(objects, 'PodDisruptionBudget').spec.maxUnavailable).toBe(1);
  });

  test('escape hatches: the Deployment, the autoscaler and its raw HPA', () => {
    const chart = shopChart();
    const backend = new AutoscaledDeployment(chart, 'backend', BACKEND);
    backend.deployment.exposeViaService({ name: 'backend', ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
    backend.autoscaler.apiObject.metadata.addAnnotation('example.com/owner', 'team-a');
    expect(backend.node.defaultChild).toBe(backend.deployment);
    expect(ApiObject.of(backend.deployment).kind).toBe('Deployment');

    const objects = synthValid(chart);
    expect(only(objects, 'Service').metadata.name).toBe('backend');
    expect(only(objects, 'HorizontalPodAutoscaler').metadata.annotations).toEqual({ 'example.com/owner': 'team-a' });
    expect(ofKind(objects, 'PodDisruptionBudget')).toEqual([]);
  });

  test('refuses replicas', () => {
    expect(() => new AutoscaledDeployment(shopChart(), 'backend', { ...BACKEND, replicas: 3 }))
      .toThrow("[shop/backend] 'replicas' (3) must be unset: the autoscaler owns the replica count (use minReplicas and maxReplicas)");
  });

  test('refuses autoscaling mistakes with its autoscaler\'s path', () => {
    expect(() => new AutoscaledDeployment(shopChart(), 'backend', { ...BACKEND, minReplicas: 11 }))
      .toThrow("[shop/backend/Autoscaler] 'minReplicas' (11) must be <= 'maxReplicas' (10)");
  });

  test('a container added later without a cpu request is refused at synth', () => {
    const chart = shopChart();
    const backend = new AutoscaledDeployment(chart, 'backend', { ...BACKEND, metrics: [Metric.resourceCpu(MetricTarget.utilization(60))] });
    backend.addContainer({ name: 'envoy', image: 'envoyproxy/envoy:v1.30.0', resources: {} });
    expect(() => synthValid(chart)).toThrow(/\[shop\/backend\/Autoscaler\] .*container "envoy" requests none/);
  });
});
