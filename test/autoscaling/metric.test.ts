import { Chart } from 'cdk8s';
import { plainDeployment, shopChart } from './fixtures';
import { Metric, MetricSourceType, MetricTarget, MetricTargetType, PodAutoscaler, ScaleTarget } from '../../src';
import { only, synthValid } from '../util/validate';

/** GIVEN a worker Deployment WHEN autoscaled on `metrics` THEN the synthesized (and validated) HPA spec. */
function hpaSpec(metrics: Metric[], chart: Chart = shopChart()): any {
  new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(plainDeployment(chart)), maxReplicas: 5, metrics });
  return only(synthValid(chart), 'HorizontalPodAutoscaler').spec;
}

function build(metrics: Metric[]): () => PodAutoscaler {
  const chart = shopChart();
  return () => new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromReference({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'worker' }), maxReplicas: 5, metrics });
}

describe('metrics', () => {
  test('Resource cpu with a Utilization target', () => {
    const spec = hpaSpec([Metric.resourceCpu(MetricTarget.utilization(60))]);
    expect(spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }]);
    expect(spec).toMatchSnapshot();
  });

  test('Resource memory with an AverageValue quantity string, and any resource by name', () => {
    const spec = hpaSpec([
      Metric.resourceMemory(MetricTarget.averageValue('512Mi')),
      Metric.resource('ephemeral-storage', MetricTarget.averageValue('1Gi')),
    ]);
    expect(spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '512Mi' } } },
      { type: 'Resource', resource: { name: 'ephemeral-storage', target: { type: 'AverageValue', averageValue: '1Gi' } } },
    ]);
  });

  test('numbers become canonical quantity strings', () => {
    const spec = hpaSpec([Metric.resourceCpu(MetricTarget.averageValue(0.5)), Metric.resourceMemory(MetricTarget.averageValue(268435456))]);
    expect(spec.metrics.map((m: any) => m.resource.target.averageValue)).toEqual(['500m', '268435456']);
  });

  test('ContainerResource measures one container', () => {
    const spec = hpaSpec([Metric.containerResource({ container: 'app', resource: 'cpu', target: MetricTarget.utilization(70) })]);
    expect(spec.metrics).toEqual([{
      type: 'ContainerResource',
      containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization', averageUtilization: 70 } },
    }]);
  });

  test('Pods metric with a selector', () => {
    const spec = hpaSpec([Metric.pods({ name: 'http_requests', selector: { matchLabels: { verb: 'GET' } }, target: MetricTarget.averageValue('1k') })]);
    expect(spec.metrics).toEqual([{
      type: 'Pods',
      pods: { metric: { name: 'http_requests', selector: { matchLabels: { verb: 'GET' } } }, target: { type: 'AverageValue', averageValue: '1k' } },
    }]);
  });

  test('Object metric with Value and AverageValue targets', () => {
    const ingress = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'main-route' };
    const spec = hpaSpec([
      Metric.object({ name: 'requests-per-second', describedObject: ingress, target: MetricTarget.value('10k') }),
      Metric.object({ name: 'requests-per-second', describedObject: { ...ingress, name: 'other-route' }, target: MetricTarget.averageValue(100) }),
    ]);
    expect(spec.metrics[0]).toEqual({
      type: 'Object',
      object: { describedObject: ingress, metric: { name: 'requests-per-second' }, target: { type: 'Value', value: '10k' } },
    });
    expect(spec.metrics[1].object.target).toEqual({ type: 'AverageValue', averageValue: '100' });
    expect(spec).toMatchSnapshot();
  });

  test('External metric with a selector', () => {
    const spec = hpaSpec([Metric.external({
      name: 'queue_messages_ready',
      selector: { matchLabels: { queue: 'worker_tasks' } },
      target: MetricTarget.averageValue(30),
    })]);
    expect(spec.metrics).toEqual([{
      type: 'External',
      external: { metric: { name: 'queue_messages_ready', selector: { matchLabels: { queue: 'worker_tasks' } } }, target: { type: 'AverageValue', averageValue: '30' } },
    }]);
  });

  test('exposes what a metric is', () => {
    const m = Metric.containerResource({ container: 'app', resource: 'memory', target: MetricTarget.averageValue('1Gi') });
    expect([m.type, m.name, m.container, m.target.type, m.target.amount, m.isResource])
      .toEqual([MetricSourceType.CONTAINER_RESOURCE, 'memory', 'app', MetricTargetType.AVERAGE_VALUE, '1Gi', true]);
  });
});

describe('metric refusals', () => {
  test.each([
    ['a Value target on a Resource metric', Metric.resourceCpu(MetricTarget.value(1)),
      /\[shop\/hpa\] 'metrics\[0\]\.resource\.target\.type' \("Value"\) is not allowed for a Resource metric, which takes Utilization or AverageValue/],
    ['a Utilization target on a Pods metric', Metric.pods({ name: 'rps', target: MetricTarget.utilization(50) }),
      /'metrics\[0\]\.pods\.target\.type' \("Utilization"\) is not allowed for a Pods metric, which takes AverageValue/],
    ['a Utilization target on an External metric', Metric.external({ name: 'q', target: MetricTarget.utilization(50) }),
      /'metrics\[0\]\.external\.target\.type' \("Utilization"\) is not allowed for an External metric, which takes Value or AverageValue/],
    ['a Utilization target on an Object metric',
      Metric.object({ name: 'rps', describedObject: { apiVersion: 'v1', kind: 'Service', name: 's' }, target: MetricTarget.utilization(50) }),
      /'metrics\[0\]\.object\.target\.type' \("Utilization"\) is not allowed for an Object metric, which takes Value or AverageValue/],
    ['a Value target on a ContainerResource metric', Metric.containerResource({ container: 'app', resource: 'cpu', target: MetricTarget.value(1) }),
      /'metrics\[0\]\.containerResource\.target\.type' \("Value"\) is not allowed for a ContainerResource metric/],
    ['a utilization of 0', Metric.resourceCpu(MetricTarget.utilization(0)),
      /'metrics\[0\]\.resource\.target\.averageUtilization' \(0\) must be an integer percentage of the request, at least 1/],
    ['a fractional utilization', Metric.resourceCpu(MetricTarget.utilization(50.5)),
      /'metrics\[0\]\.resource\.target\.averageUtilization' \(50\.5\) must be an integer percentage/],
    ['a negative quantity', Metric.resourceMemory(MetricTarget.averageValue('-1Gi')),
      /'metrics\[0\]\.resource\.target\.averageValue' \("-1Gi"\) must be greater than zero/],
    ['a zero value', Metric.external({ name: 'q', target: MetricTarget.value(0) }),
      /'metrics\[0\]\.external\.target\.value' \(0\) must be greater than zero/],
    ['a quantity that is not one', Metric.resourceMemory(MetricTarget.averageValue('512MB')),
      /'metrics\[0\]\.resource\.target\.averageValue' \("512MB"\) must be a Kubernetes quantity \(a number, or a string such as "500m", "512Mi"/],
    ['a number finer than a quantity holds', Metric.resourceCpu(MetricTarget.averageValue(1e-12)),
      /'metrics\[0\]\.resource\.target\.averageValue' \(1e-12\) must be a multiple of 1n/],
    ['a bad resource name', Metric.resource('CPU cores', MetricTarget.utilization(50)),
      /'metrics\[0\]\.resource\.name' \("CPU cores"\) must be a resource name such as "cpu" or "memory"/],
    ['a bad container name', Metric.containerResource({ container: 'App_1', resource: 'cpu', target: MetricTarget.utilization(50) }),
      /'metrics\[0\]\.containerResource\.container' \("App_1"\) must be a container name \(a DNS label\)/],
    ['an empty metric name', Metric.pods({ name: ' ', target: MetricTarget.averageValue(1) }),
      /'metrics\[0\]\.pods\.metric\.name' \(" "\) must be a non-empty metric name/],
    ['a described object without a kind',
      Metric.object({ name: 'rps', describedObject: { apiVersion: 'v1', kind: '', name: 's' }, target: MetricTarget.value(1) }),
      /'metrics\[0\]\.object\.describedObject\.kind' \(""\) must be a non-empty string/],
    // the apiserver's IsValidPathSegmentName (found by test/properties/autoscaling.property.test.ts)
    ['a metric name with a slash', Metric.external({ name: 'queue/depth', target: MetricTarget.value(1) }),
      /'metrics\[0\]\.external\.metric\.name' \("queue\/depth"\) must be a non-empty metric name that is not "\." or "\.\." and has no "\/" or "%"/],
    ['a metric name ".."', Metric.pods({ name: '..', target: MetricTarget.averageValue(1) }),
      /'metrics\[0\]\.pods\.metric\.name' \("\.\."\) must be a non-empty metric name that is not/],
    ['a described object name with "%"',
      Metric.object({ name: 'rps', describedObject: { apiVersion: 'v1', kind: 'Service', name: 'a%2Fb' }, target: MetricTarget.value(1) }),
      /'metrics\[0\]\.object\.describedObject\.name' \("a%2Fb"\) must be a non-empty string that is not "\." or "\.\." and has no "\/" or "%"/],
  ])('refuses %s', (_, metric, message) => {
    expect(build([metric])).toThrow(message);
  });

  test('refuses a metric listed twice, even with another target', () => {
    expect(build([Metric.resourceCpu(MetricTarget.utilization(60)), Metric.resourceMemory(MetricTarget.utilization(80)), Metric.resourceCpu(MetricTarget.averageValue('500m'))]))
      .toThrow(/'metrics\[2\]' \("cpu resource"\) duplicates metrics\[0\]; list each metric once/);
  });

  test('the same metric name with another selector is another metric', () => {
    expect(build([
      Metric.external({ name: 'queue', selector: { matchLabels: { q: 'a' } }, target: MetricTarget.value(10) }),
      Metric.external({ name: 'queue', selector: { matchLabels: { q: 'b' } }, target: MetricTarget.value(10) }),
    ])).not.toThrow();
  });

  test('refuses an empty metric list', () => {
    expect(build([])).toThrow(/'metrics' \(\[\]\) must list at least one metric, or be left unset for the server's default \(cpu at 80% utilization\)/);
  });
});
