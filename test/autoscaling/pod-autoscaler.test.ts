import { ApiObject, Chart, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { plainDeployment, shopChart } from './fixtures';
import { Metric, MetricTarget, PodAutoscaler, ScaleTarget } from '../../src';
import { requestProblems } from '../../src/autoscaling/requests';
import { ofKind, only, synthValid } from '../util/validate';

const CPU_60 = Metric.resourceCpu(MetricTarget.utilization(60));

describe('PodAutoscaler targets', () => {
  test('a Deployment: autoscaled, so it has no spec.replicas; the HPA is named after it', () => {
    const chart = shopChart();
    const worker = plainDeployment(chart);
    const hpa = new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(worker), minReplicas: 2, maxReplicas: 8, metrics: [CPU_60] });

    const objects = synthValid(chart);
    expect(only(objects, 'Deployment').spec.replicas).toBeUndefined();
    const h = only(objects, 'HorizontalPodAutoscaler');
    expect(h.apiVersion).toBe('autoscaling/v2');
    expect(h.metadata).toEqual({ name: 'worker', namespace: 'shop' });
    expect(h.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'worker' });
    expect([h.spec.minReplicas, h.spec.maxReplicas]).toEqual([2, 8]);
    expect([hpa.name, hpa.minReplicas, hpa.maxReplicas, hpa.target.workload]).toEqual(['worker', 2, 8, worker]);
    expect(objects).toMatchSnapshot();
  });

  test('without the autoscaler the same Deployment has replicas (the control case)', () => {
    const chart = shopChart();
    plainDeployment(chart);
    expect(only(synthValid(chart), 'Deployment').spec.replicas).toBe(2);
  });

  test('a StatefulSet', () => {
    const chart = shopChart();
    const db = new kplus.StatefulSet(chart, 'db', {
      metadata: { name: 'db' },
      containers: [{ name: 'db', image: 'ghcr.io/example/db:1.0.0', portNumber: 5432 }],
    });
    new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromStatefulSet(db), maxReplicas: 5, metrics: [CPU_60] });
    const objects = synthValid(chart);
    expect(only(objects, 'StatefulSet').spec.replicas).toBeUndefined();
    expect(only(objects, 'HorizontalPodAutoscaler').spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db' });
  });

  test('a custom resource with a scale subresource, by reference', () => {
    const chart = shopChart();
    new ApiObject(chart, 'crd', {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'workers.example.com' },
      spec: {
        group: 'example.com',
        names: { kind: 'Worker', plural: 'workers', singular: 'worker' },
        scope: 'Namespaced',
        versions: [{
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { replicas: { type: 'integer' } } }, status: { type: 'object', properties: { replicas: { type: 'integer' }, selector: { type: 'string' } } } } } },
          subresources: { scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' } },
        }],
      },
    });
    new ApiObject(chart, 'pool', { apiVersion: 'example.com/v1', kind: 'Worker', metadata: { name: 'pool' }, spec: {} });
    new PodAutoscaler(chart, 'hpa', {
      target: ScaleTarget.fromReference({ apiVersion: 'example.com/v1', kind: 'Worker', name: 'pool' }),
      maxReplicas: 20,
      metrics: [Metric.external({ name: 'queue_depth', target: MetricTarget.averageValue(30) })],
    });
    const hpa = only(synthValid(chart), 'HorizontalPodAutoscaler');
    expect(hpa.metadata.name).toBe('pool');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'example.com/v1', kind: 'Worker', name: 'pool' });
  });

  test('metadata overrides the name', () => {
    const chart = shopChart();
    new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(plainDeployment(chart)), maxReplicas: 3, metadata: { name: 'worker-hpa', labels: { team: 'a' } } });
    expect(only(synthValid(chart), 'HorizontalPodAutoscaler').metadata).toEqual({ name: 'worker-hpa', namespace: 'shop', labels: { team: 'a' } });
  });
});

describe('PodAutoscaler metrics', () => {
  test('no metrics: none written, and the server default (cpu 80%) is what the autoscaler reports', () => {
    const chart = shopChart();
    const hpa = new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(plainDeployment(chart)), maxReplicas: 3 });
    expect(only(synthValid(chart), 'HorizontalPodAutoscaler').spec.metrics).toBeUndefined();
    expect(hpa.metrics.map(m => [m.name, m.target.amount])).toEqual([['cpu', 80]]);
    expect(hpa.autoscalingOptions.metrics).toBeUndefined();
  });

  test('addMetric lands in the output and in the options', () => {
    const chart = shopChart();
    const hpa = new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(plainDeployment(chart)), maxReplicas: 3, metrics: [CPU_60] });
    hpa.addMetric(Metric.pods({ name: 'inflight', target: MetricTarget.averageValue(20) }));
    expect(only(synthValid(chart), 'HorizontalPodAutoscaler').spec.metrics.map((m: any) => m.type)).toEqual(['Resource', 'Pods']);
    expect(hpa.autoscalingOptions.metrics).toHaveLength(2);
  });

  test('addMetric refuses a duplicate with the index it would take', () => {
    const chart = shopChart();
    const hpa = new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(plainDeployment(chart)), maxReplicas: 3, metrics: [CPU_60] });
    expect(() => hpa.addMetric(Metric.resourceCpu(MetricTarget.utilization(70))))
      .toThrow(/\[shop\/hpa\] 'metrics\[1\]' \("cpu resource"\) duplicates metrics\[0\]/);
  });
});

describe('PodAutoscaler refusals', () => {
  const reference = () => ScaleTarget.fromReference({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'worker' });

  test('minReplicas above maxReplicas', () => {
    expect(() => new PodAutoscaler(shopChart(), 'hpa', { target: reference(), minReplicas: 5, maxReplicas: 3 }))
      .toThrow("[shop/hpa] 'minReplicas' (5) must be <= 'maxReplicas' (3)");
  });

  test('maxReplicas below 1', () => {
    expect(() => new PodAutoscaler(shopChart(), 'hpa', { target: reference(), maxReplicas: 0 }))
      .toThrow("[shop/hpa] 'maxReplicas' (0) must be an integer from 1");
  });

  test('a fractional or negative minReplicas', () => {
    expect(() => new PodAutoscaler(shopChart(), 'hpa', { target: reference(), minReplicas: -1, maxReplicas: 3 }))
      .toThrow("[shop/hpa] 'minReplicas' (-1) must be an integer from 0");
  });

  test('minReplicas 0 without an Object or External metric', () => {
    expect(() => new PodAutoscaler(shopChart(), 'hpa', { target: reference(), minReplicas: 0, maxReplicas: 3, metrics: [CPU_60] }))
      .toThrow(/\[shop\/hpa\] 'minReplicas' \(0\) needs at least one Object or External metric .* and the HPAScaleToZero feature gate \(beta and on by default in Kubernetes 1\.37\); use 1 otherwise/);
    // the message names the gate's stage in the version asked for
    expect(() => new PodAutoscaler(shopChart(), 'hpa', { target: reference(), minReplicas: 0, maxReplicas: 3, metrics: [CPU_60], kubernetesVersion: '1.35' }))
      .toThrow(/HPAScaleToZero feature gate \(alpha and off by default in Kubernetes 1\.35\); use 1 otherwise/);
  });

  test('minReplicas 0 with an External metric is written', () => {
    const chart = shopChart();
    new PodAutoscaler(chart, 'hpa', {
      target: reference(),
      minReplicas: 0,
      maxReplicas: 3,
      metrics: [Metric.external({ name: 'queue_depth', target: MetricTarget.averageValue(10) })],
    });
    expect(only(synthValid(chart), 'HorizontalPodAutoscaler').spec.minReplicas).toBe(0);
  });

  test('a target with fixed replicas', () => {
    const chart = shopChart();
    const worker = plainDeployment(chart, 'worker', { replicas: 3 });
    expect(() => new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(worker), maxReplicas: 5 }))
      .toThrow(/\[shop\/hpa\] 'target\.replicas' \(3\) must be unset: Deployment worker has a fixed replica count, .*remove 'replicas' from it/);
  });

  test('a target that already has an autoscaler', () => {
    const chart = shopChart();
    const worker = plainDeployment(chart);
    new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(worker), maxReplicas: 5 });
    expect(() => new PodAutoscaler(chart, 'hpa2', { target: ScaleTarget.fromDeployment(worker), maxReplicas: 5 }))
      .toThrow(/\[shop\/hpa2\] 'target' \("Deployment worker"\) already has an autoscaler/);
  });

  test('a refused autoscaler leaves its target alone', () => {
    const chart = shopChart();
    const worker = plainDeployment(chart);
    expect(() => new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(worker), minReplicas: 4, maxReplicas: 2 })).toThrow();
    expect(worker.hasAutoscaler).toBe(false);
  });

  test('a reference without a name', () => {
    expect(() => new PodAutoscaler(shopChart(), 'hpa', { target: ScaleTarget.fromReference({ apiVersion: 'apps/v1', kind: 'Deployment', name: '' }), maxReplicas: 2 }))
      .toThrow("[shop/hpa] 'target.name' (\"\") must be a non-empty string");
  });

  test('a reference whose kind or name the apiserver cannot use as a path segment', () => {
    const ref = (kind: string, name: string) => () => new PodAutoscaler(shopChart(), 'hpa', {
      target: ScaleTarget.fromReference({ apiVersion: 'example.com/v1', kind, name }), maxReplicas: 2,
    });
    expect(ref('Worker', 'pool/a')).toThrow("[shop/hpa] 'target.name' (\"pool/a\") must be a non-empty string that is not \".\" or \"..\" and has no \"/\" or \"%\"");
    expect(ref('..', 'pool')).toThrow("[shop/hpa] 'target.kind' (\"..\") must be a non-empty string that is not");
    expect(ref('Worker', 'pool.a')).not.toThrow();
  });

  test('a target in another namespace than the one set on the autoscaler', () => {
    const app = Testing.app();
    const other = new Chart(app, 'other', { namespace: 'batch' });
    const worker = plainDeployment(other);
    new PodAutoscaler(new Chart(app, 'shop', { namespace: 'shop' }), 'hpa', {
      target: ScaleTarget.fromDeployment(worker), maxReplicas: 2, metadata: { namespace: 'shop' },
    });
    expect(() => app.synthYaml())
      .toThrow(/\[shop\/hpa\] 'target' \("Deployment worker"\) is in namespace batch but the autoscaler is in shop; an HPA scales only objects in its own namespace/);
  });

  test('without a namespace of its own, the autoscaler and its budget follow the target\'s namespace', () => {
    // GIVEN a Deployment in namespace batch, the autoscaler in a chart of namespace shop
    const app = Testing.app();
    const worker = plainDeployment(new Chart(app, 'other', { namespace: 'batch' }));
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    // WHEN
    new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(worker), maxReplicas: 2, podDisruptionBudget: true });
    // THEN both land beside the Deployment
    const objects = synthValid(chart);
    expect(objects.map(o => [o.kind, o.metadata.namespace])).toEqual([['HorizontalPodAutoscaler', 'batch'], ['PodDisruptionBudget', 'batch']]);
  });
});

describe('PodAutoscaler container requests (checked at synth)', () => {
  test('a Utilization metric on a container without the request, added after the autoscaler', () => {
    const chart = shopChart();
    const worker = plainDeployment(chart);
    new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(worker), maxReplicas: 5, metrics: [CPU_60] });
    worker.addContainer({ name: 'log-shipper', image: 'ghcr.io/example/shipper:1.0.0', resources: { memory: { request: Size.mebibytes(64) } } });
    expect(() => synthValid(chart)).toThrow(
      /\[shop\/hpa\] 'metrics\[0\]\.resource\.target\.averageUtilization' \(60\) needs a cpu request on every container of Deployment worker, sidecars included .*container "log-shipper" requests none/);
  });

  test('the server default metric needs the cpu request too', () => {
    const chart = shopChart();
    const worker = plainDeployment(chart, 'worker', { containers: [{ name: 'app', image: 'ghcr.io/example/worker:1.0.0', resources: {} }] });
    new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(worker), maxReplicas: 5 });
    expect(() => synthValid(chart)).toThrow(/'metrics' \(undefined\) defaults to cpu at 80% utilization, which needs a cpu request on every container/);
  });

  test('an init container is not measured', () => {
    const chart = shopChart();
    const worker = plainDeployment(chart);
    worker.addInitContainer({ name: 'migrate', image: 'ghcr.io/example/migrate:1.0.0', resources: {} });
    new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(worker), maxReplicas: 5, metrics: [CPU_60] });
    expect(() => synthValid(chart)).not.toThrow();
  });

  // cdk8s-plus-27's L1 cannot write native sidecars or pod-level resources (it drops unknown fields), so
  // the rule is checked on raw pod specs, as another workload or a later cdk8s-plus would write them.
  test('a native sidecar (restartable init container) is measured; pod-level requests stand for all', () => {
    const app = { name: 'app', resources: { requests: { cpu: '1' } } };
    const sidecar = { name: 'mesh', restartPolicy: 'Always' };
    const metrics = [CPU_60];
    expect(requestProblems({ containers: [app], initContainers: [sidecar] }, metrics, true, 'Deployment w').map(p => p.allowed))
      .toEqual([expect.stringMatching(/container "mesh" requests none$/)]);
    expect(requestProblems({ containers: [app], initContainers: [{ name: 'mesh' }] }, metrics, true, 'Deployment w')).toEqual([]);
    expect(requestProblems({ resources: { requests: { cpu: '2' } }, containers: [{ name: 'app' }], initContainers: [sidecar] }, metrics, true, 'Deployment w')).toEqual([]);
    expect(requestProblems({ containers: [app], initContainers: [sidecar] },
      [Metric.containerResource({ container: 'mesh', resource: 'cpu', target: MetricTarget.utilization(50) })], true, 'Deployment w')[0].allowed)
      .toMatch(/needs a cpu request on container "mesh"/);
  });

  test('AverageValue needs no request', () => {
    const chart = shopChart();
    const worker = plainDeployment(chart, 'worker', { containers: [{ name: 'app', image: 'ghcr.io/example/worker:1.0.0', resources: {} }] });
    new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(worker), maxReplicas: 5, metrics: [Metric.resourceCpu(MetricTarget.averageValue('500m'))] });
    expect(() => synthValid(chart)).not.toThrow();
  });

  test('a ContainerResource metric on a container that does not exist', () => {
    const chart = shopChart();
    const worker = plainDeployment(chart);
    new PodAutoscaler(chart, 'hpa', {
      target: ScaleTarget.fromDeployment(worker),
      maxReplicas: 5,
      metrics: [Metric.containerResource({ container: 'web', resource: 'cpu', target: MetricTarget.utilization(60) })],
    });
    expect(() => synthValid(chart)).toThrow(/'metrics\[0\]\.containerResource\.container' \("web"\) must name a container of Deployment worker \("app"\)/);
  });

  test('a ContainerResource Utilization metric on a container without the request; the others do not matter', () => {
    const chart = shopChart();
    const worker = plainDeployment(chart);
    worker.addContainer({ name: 'proxy', image: 'ghcr.io/example/proxy:1.0.0', resources: {} });
    const hpa = new PodAutoscaler(chart, 'hpa', {
      target: ScaleTarget.fromDeployment(worker),
      maxReplicas: 5,
      metrics: [Metric.containerResource({ container: 'app', resource: 'cpu', target: MetricTarget.utilization(60) })],
    });
    expect(() => synthValid(chart)).not.toThrow();
    hpa.addMetric(Metric.containerResource({ container: 'proxy', resource: 'memory', target: MetricTarget.utilization(80) }));
    expect(() => synthValid(chart)).toThrow(/'metrics\[1\]\.containerResource\.target\.averageUtilization' \(80\) needs a memory request on container "proxy"/);
  });
});

describe('PodDisruptionBudget', () => {
  test('maxUnavailable 1 with AlwaysAllow over the workload selector, named like the HPA', () => {
    const chart = shopChart();
    const worker = plainDeployment(chart);
    const hpa = new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(worker), minReplicas: 1, maxReplicas: 5, podDisruptionBudget: true });
    const objects = synthValid(chart);
    const pdb = only(objects, 'PodDisruptionBudget');
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(pdb.metadata).toEqual({ name: 'worker', namespace: 'shop' });
    expect(pdb.spec).toEqual({
      maxUnavailable: 1,
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
      selector: only(objects, 'Deployment').spec.selector,
    });
    expect(hpa.podDisruptionBudget).toBeDefined();
  });

  test('follows selectors added later', () => {
    const chart = shopChart();
    const worker = plainDeployment(chart);
    new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(worker), maxReplicas: 5, podDisruptionBudget: true });
    worker.select(kplus.LabelSelector.of({ labels: { tier: 'backend' } }));
    expect(only(synthValid(chart), 'PodDisruptionBudget').spec.selector.matchLabels).toMatchObject({ tier: 'backend' });
  });

  test('none unless asked', () => {
    const chart = shopChart();
    new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(plainDeployment(chart)), maxReplicas: 5 });
    expect(ofKind(synthValid(chart), 'PodDisruptionBudget')).toEqual([]);
  });

  test('refused for a target by reference, whose pods the library cannot select', () => {
    expect(() => new PodAutoscaler(shopChart(), 'hpa', {
      target: ScaleTarget.fromReference({ apiVersion: 'example.com/v1', kind: 'Worker', name: 'pool' }), maxReplicas: 5, podDisruptionBudget: true,
    })).toThrow(/\[shop\/hpa\] 'podDisruptionBudget' \(true\) needs a cdk8s-plus workload target to take the pod selector from; Worker pool is a reference/);
  });

  test('refused at synth when the workload selects nothing', () => {
    const chart = shopChart();
    const worker = plainDeployment(chart, 'worker', { select: false });
    new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(worker), maxReplicas: 5, podDisruptionBudget: true });
    expect(() => Testing.synth(chart)).toThrow(/'podDisruptionBudget' \(true\) needs a pod selector, but shop\/worker selects no labels/);
  });
});
