import { Testing } from 'cdk8s';
import { CanaryService, Metric, MetricTarget } from '../../src';
import { ofKind, only, synthValid } from '../util/validate';

// GIVEN a canary whose versions scale themselves, WHEN synthesized, THEN each version Deployment has its own
// autoscaling/v2 HPA (built by PodAutoscaler, the code AutoscaledDeployment uses) and no spec.replicas.
describe('CanaryService with autoscaled versions', () => {
  const versions = () => [
    { name: 'v1', containers: [{ image: 'reviews:1', portNumber: 9080 }], autoscaling: { minReplicas: 2, maxReplicas: 10, metrics: [Metric.resourceCpu(MetricTarget.utilization(50))] } },
    { name: 'v2', containers: [{ image: 'reviews:2', portNumber: 9080 }], autoscaling: { maxReplicas: 4 } },
  ];

  test('one HPA per version Deployment, targets that Deployment, no replicas written', () => {
    const chart = Testing.chart();
    const canary = new CanaryService(chart, 'reviews', { versions: versions(), canaryWeight: 25 });
    const objects = synthValid(chart);

    const hpas = ofKind(objects, 'HorizontalPodAutoscaler');
    expect(hpas.map(h => [h.metadata.name, h.spec.scaleTargetRef, h.spec.minReplicas, h.spec.maxReplicas])).toEqual([
      ['reviews-v1', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'reviews-v1' }, 2, 10],
      ['reviews-v2', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'reviews-v2' }, undefined, 4],
    ]);
    expect(hpas[0].spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
    for (const name of ['reviews-v1', 'reviews-v2']) {
      expect(only(objects, 'Deployment', name).spec).not.toHaveProperty('replicas');
    }
    expect(Object.keys(canary.autoscalers)).toEqual(['v1', 'v2']);
  });

  test('a version without autoscaling keeps its replicas and gets no HPA', () => {
    const chart = Testing.chart();
    const [v1, v2] = versions();
    new CanaryService(chart, 'reviews', { versions: [v1, { ...v2, autoscaling: undefined, replicas: 3 }], canaryWeight: 25 });
    const objects = synthValid(chart);
    expect(ofKind(objects, 'HorizontalPodAutoscaler').map(h => h.metadata.name)).toEqual(['reviews-v1']);
    expect(only(objects, 'Deployment', 'reviews-v2').spec.replicas).toBe(3);
  });

  test('refuses replicas together with autoscaling', () => {
    const chart = Testing.chart();
    const [v1, v2] = versions();
    expect(() => new CanaryService(chart, 'reviews', { versions: [v1, { ...v2, replicas: 2 }], canaryWeight: 25 }))
      .toThrow("[test/reviews] 'versions[1].replicas' (2) must be unset when 'autoscaling' is set: the HorizontalPodAutoscaler owns the replica count");
  });

  test('autoscaling refusals come from the shared autoscaler with the version path', () => {
    const chart = Testing.chart();
    const [v1, v2] = versions();
    expect(() => new CanaryService(chart, 'reviews', { versions: [v1, { ...v2, autoscaling: { minReplicas: 5, maxReplicas: 3 } }], canaryWeight: 25 }))
      .toThrow(/\[test\/reviews\/v2-autoscaler\] 'minReplicas' \(5\) must be <= 'maxReplicas' \(3\)/);
  });
});
