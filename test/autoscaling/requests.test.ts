import { Chart, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Metric, MetricTarget, ScaleTarget } from '../../src';
import { requestProblems } from '../../src/autoscaling/requests';

// ScaleTarget._podSpec() reads an unpatched container's requests from the cdk8s-plus model instead of
// rendering it: the request check must find the same problems on both.
describe('the request check reads the model as the render writes it', () => {
  const metrics = [
    Metric.resourceCpu(MetricTarget.utilization(50)),
    Metric.resourceMemory(MetricTarget.utilization(50)),
    Metric.resource('ephemeral-storage', MetricTarget.utilization(50)),
    Metric.resource('nvidia.com/gpu', MetricTarget.utilization(50)),
    Metric.containerResource({ resource: 'cpu', container: 'app', target: MetricTarget.utilization(50) }),
    Metric.containerResource({ resource: 'memory', container: 'side', target: MetricTarget.utilization(50) }),
  ];
  const resources: Array<kplus.ContainerResources | undefined> = [
    undefined,
    {},
    { cpu: { request: kplus.Cpu.millis(100) } },
    { cpu: { limit: kplus.Cpu.units(1) }, memory: { limit: Size.mebibytes(64) } },
    { memory: { request: Size.mebibytes(128) } },
    { ephemeralStorage: { request: Size.gibibytes(1) } },
    { cpu: { request: kplus.Cpu.units(0) }, memory: { request: Size.mebibytes(0) }, ephemeralStorage: { request: Size.gibibytes(0) } },
  ];

  test.each(resources.map((r, i) => [i, r]))('resources #%d', (_i, r) => {
    const chart = new Chart(Testing.app(), 'c');
    const deployment = new kplus.Deployment(chart, 'd', {
      containers: [{ name: 'app', image: 'app:1', resources: r }, { name: 'side', image: 'side:1', resources: { cpu: { request: kplus.Cpu.millis(10) } } }],
      initContainers: [{ name: 'init', image: 'init:1', resources: r }],
    });
    const rendered = Testing.synth(chart).find(o => o.kind === 'Deployment').spec.template.spec;
    const model = ScaleTarget.fromDeployment(deployment)._podSpec();
    expect(model.containers.map((c: any) => c.name)).toEqual(rendered.containers.map((c: any) => c.name));
    expect(requestProblems(model, metrics, true, 'Deployment d')).toEqual(requestProblems(rendered, metrics, true, 'Deployment d'));
  });
});
