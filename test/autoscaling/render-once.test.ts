import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PodAutoscaler, ScaleTarget } from '../../src';
import { only, synthValid } from '../util/validate';

// The request check reads the workload's containers; it must not render the workload, whose cdk8s-plus
// pod spec grows again on every render (spread anti-affinity terms).
describe('PodAutoscaler request check', () => {
  const spreadDeployment = () => {
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'web', { spread: true, containers: [{ image: 'web', portNumber: 80 }] });
    new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(deployment), maxReplicas: 3 });
    return { chart, deployment };
  };

  test('leaves a spread Deployment with exactly its two anti-affinity terms', () => {
    const { chart } = spreadDeployment();
    const terms = only(synthValid(chart), 'Deployment').spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution;
    expect(terms.map((t: any) => t.topologyKey)).toEqual(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']);
  });

  test('still sees a container that an escape-hatch patch adds without a request', () => {
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'web', { containers: [{ image: 'web', portNumber: 80 }] });
    new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(deployment), maxReplicas: 3 });
    ApiObject.of(deployment).addJsonPatch(JsonPatch.add('/spec/template/spec/containers/-', { name: 'sidecar', image: 'proxy' }));
    expect(() => Testing.synth(chart)).toThrow(/container "sidecar" requests none/);
  });
});
