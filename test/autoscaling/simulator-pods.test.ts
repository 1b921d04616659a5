import { Duration } from 'cdk8s';
import { HpaSimulator, Metric, MetricTarget, PodPhase, PodReadiness, ScalingReason, SimulatedPod, SyncSample } from '../../src';

const CPU_50 = Metric.resourceCpu(MetricTarget.utilization(50));
const RPS_100 = Metric.pods({ name: 'rps', target: MetricTarget.averageValue(100) });
const quickDown = { stabilizationWindow: Duration.seconds(0) };

/** A pod with one container `app` requesting `request` cores and using `usage` cores, long started and Ready. */
function pod(name: string, request: number, usage: number | undefined, extra: Partial<SimulatedPod> = {}): SimulatedPod {
  return {
    name,
    containers: [{ name: 'app', requests: { cpu: request }, usage: usage === undefined ? undefined : { cpu: usage } }],
    ...extra,
  };
}

function once(autoscaling: ConstructorParameters<typeof HpaSimulator>[0]['autoscaling'], replicas: number, sample: SyncSample) {
  return new HpaSimulator({ autoscaling }).run({ initialReplicas: replicas, samples: [sample] })[0];
}

describe('HpaSimulator pod-level model: groupPods', () => {
  test('a Running pod that is not Ready counts for a Pods metric, but not for cpu', () => {
    const pods = [
      { ...pod('a', 1, 1), customMetrics: { rps: 150 } },
      { ...pod('b', 1, 1), customMetrics: { rps: 150 } },
      { ...pod('c', 1, 0.1), customMetrics: { rps: 150 }, readiness: PodReadiness.FALSE, readinessChangedAt: -20, startedAt: -25 },
    ];
    // rps: all three report 150 → ceil(1.5 × 3) = 5
    const rps = once({ maxReplicas: 10, metrics: [RPS_100] }, 3, { metrics: [{ value: 0 }], pods });
    expect(rps).toMatchObject({ replicas: 5 });
    expect(rps.metrics[0]).toMatchObject({ current: 150, ratio: 1.5 });
    // cpu: c is within the initialization period and not Ready: set aside; a and b at 100% of 50% → scale-up with c at 0%:
    // (1000 + 1000 + 0) / 3000 = 66% → ratio 1.32 → ceil(1.32 × 3) = 4
    const cpu = once({ maxReplicas: 10, metrics: [CPU_50] }, 3, { metrics: [{ value: 0 }], pods });
    expect(cpu.metrics[0]).toMatchObject({ current: 100, ratio: 1.32, replicas: 4 });
  });

  test('the cpu initialization period: a Ready pod whose sample predates one metrics window after it became Ready is set aside', () => {
    const fresh = (window: number) => [pod('a', 1, 0.2), pod('b', 1, 0.2), pod('c', 1, 0.9, { startedAt: -60, readinessChangedAt: -20, metricsWindow: window })];
    // window 30 s > 20 s since Ready: c's 90% is ignored → 20% of 50% → ceil(0.4 × 2) = 1
    expect(once({ maxReplicas: 10, metrics: [CPU_50], scaleDown: quickDown }, 3, { metrics: [{ value: 0 }], pods: fresh(30) }).metrics[0])
      .toMatchObject({ current: 20, replicas: 1 });
    // window 15 s: c counts → (200 + 200 + 900) / 3000 = 43% → ceil(0.86 × 3) = 3 (within tolerance? 0.86 < 0.9: no) → 3
    expect(once({ maxReplicas: 10, metrics: [CPU_50], scaleDown: quickDown }, 3, { metrics: [{ value: 0 }], pods: fresh(15) }).metrics[0])
      .toMatchObject({ current: 43, replicas: 3 });
  });

  test('a pod that has never been Ready past the initialization period is set aside for cpu; one that was Ready is not', () => {
    const pods = (changedAt: number) => [pod('a', 1, 0.1), pod('b', 1, 0.1, { readiness: PodReadiness.FALSE, startedAt: -600, readinessChangedAt: changedAt })];
    // turned not Ready 10 s after start (within the 30 s initial readiness delay): never ready → only a counts: 10%
    expect(once({ maxReplicas: 10, metrics: [CPU_50], scaleDown: quickDown }, 2, { metrics: [{ value: 0 }], pods: pods(-590) }).metrics[0])
      .toMatchObject({ current: 10 });
    // turned not Ready long after start: it was Ready once, its sample counts
    expect(once({ maxReplicas: 10, metrics: [CPU_50], scaleDown: quickDown }, 2, { metrics: [{ value: 0 }], pods: pods(-60) }).metrics[0])
      .toMatchObject({ current: 10, ratio: 0.2 });
  });

  test('Failed and terminating pods are ignored, Pending pods are left out of a scale-down', () => {
    const pods = [
      pod('a', 1, 0.1), pod('b', 1, 0.1),
      pod('failed', 1, 0.9, { phase: PodPhase.FAILED }),
      pod('leaving', 1, 0.9, { deleting: true }),
      pod('pending', 1, undefined, { phase: PodPhase.PENDING }),
    ];
    const step = once({ maxReplicas: 10, metrics: [CPU_50], scaleDown: quickDown }, 3, { metrics: [{ value: 0 }], pods });
    // only a and b: 10% of 50% → ceil(0.2 × 2) = 1
    expect(step.metrics[0]).toMatchObject({ current: 10, replicas: 1 });
    expect(step.replicas).toBe(1);
  });
});

describe('HpaSimulator pod-level model: requests and missing pods', () => {
  test('utilization is the sum of usage over the sum of each pod\'s requests', () => {
    // 1 of 1 core and 1 of 3 cores: 2000m / 4000m = 50% (the average of the per-pod 100% and 33% would be 66%)
    const step = once({ maxReplicas: 10, metrics: [CPU_50] }, 2, { metrics: [{ value: 0 }], pods: [pod('a', 1, 1), pod('b', 3, 1)] });
    expect(step.metrics[0]).toMatchObject({ current: 50, ratio: 1, withinTolerance: true });
  });

  test('on a scale-down a pod without metrics is filled in at its own request', () => {
    // a, b at 10% of 1 core; c has no metrics and requests 4 cores: (100 + 100 + 4000) / 6000 = 70% of 50% → 1.4: reversed, keep 3
    const step = once({ maxReplicas: 10, metrics: [CPU_50], scaleDown: quickDown }, 3,
      { metrics: [{ value: 0 }], pods: [pod('a', 1, 0.1), pod('b', 1, 0.1), pod('c', 4, undefined)] });
    expect(step).toMatchObject({ replicas: 3, reason: ScalingReason.TOLERANCE });
    expect(step.metrics[0]).toMatchObject({ current: 10, ratio: 1.4, withinTolerance: true });
  });

  test('a container without a request makes the metric unavailable, in the controller\'s words', () => {
    const pods: SimulatedPod[] = [{ name: 'a', containers: [{ name: 'app', requests: { cpu: 1 }, usage: { cpu: 1 } }, { name: 'proxy', usage: { cpu: 0.1 } }] }];
    const step = once({ maxReplicas: 10, metrics: [CPU_50] }, 1, { metrics: [{ value: 0 }], pods });
    expect(step).toMatchObject({ replicas: 1, reason: ScalingReason.NO_METRICS });
    expect(step.metrics[0]).toMatchObject({ unavailable: true, error: 'missing request for cpu in container proxy of Pod a' });
  });

  test('a sidecar\'s request counts, a ContainerResource metric reads one container', () => {
    const pods: SimulatedPod[] = [{
      name: 'a',
      containers: [{ name: 'app', requests: { cpu: 1 }, usage: { cpu: 0.8 } }, { name: 'proxy', sidecar: true, requests: { cpu: 1 }, usage: { cpu: 0.2 } }],
    }];
    expect(once({ maxReplicas: 10, metrics: [CPU_50] }, 1, { metrics: [{ value: 0 }], pods }).metrics[0]).toMatchObject({ current: 50 });
    const app = Metric.containerResource({ container: 'app', resource: 'cpu', target: MetricTarget.utilization(50) });
    expect(once({ maxReplicas: 10, metrics: [app] }, 1, { metrics: [{ value: 0 }], pods }).metrics[0]).toMatchObject({ current: 80, replicas: 2 });
  });
});

describe('HpaSimulator: status.replicas and overflow', () => {
  test('an External AverageValue metric divides by status.replicas (surge pods included)', () => {
    const queue = Metric.external({ name: 'queue', target: MetricTarget.averageValue(10) });
    // spec 4, status 5 during a rollout: 60 / 5 = 12 per pod → 1.2 → ceil(60 / 10) = 6
    const step = once({ maxReplicas: 10, metrics: [queue] }, 4, { metrics: [{ value: 60 }], statusReplicas: 5 });
    expect(step.metrics[0]).toMatchObject({ current: 12, replicas: 6 });
    // the series of an External metric are summed
    expect(once({ maxReplicas: 10, metrics: [queue] }, 4, { metrics: [{ values: [30, 30] }] }).metrics[0])
      .toMatchObject({ current: 15, replicas: 6 });
  });

  test('a huge Object metric asks for MaxInt32 replicas, not more', () => {
    const rps = Metric.object({ name: 'rps', describedObject: { apiVersion: 'v1', kind: 'Service', name: 'web' }, target: MetricTarget.value('1m') });
    const step = once({ maxReplicas: 100, metrics: [rps] }, 3, { metrics: [{ value: 1e15 }] });
    expect(step.metrics[0].replicas).toBe(2 ** 31 - 1);
    expect(step).toMatchObject({ replicas: 6, recommendation: 2 ** 31 - 1 });
  });
});

describe('HpaSimulator: Kubernetes versions', () => {
  const spec = { maxReplicas: 10, metrics: [CPU_50], scaleUp: { tolerance: 0.01 } };

  test('the spec\'s tolerance is honoured where HPAConfigurableTolerance is on (1.35+, or 1.33 with the gate)', () => {
    // 53% of 50% is 1.06: outside a 1% scale-up tolerance, inside the default 10%
    const at = (kubernetesVersion: string, featureGates?: Record<string, boolean>) =>
      new HpaSimulator({ autoscaling: spec, kubernetesVersion, featureGates })
        .run({ initialReplicas: 3, samples: [{ metrics: [{ value: 53 }] }] })[0].replicas;
    expect(at('1.32')).toBe(3);
    expect(at('1.33')).toBe(3);
    expect(at('1.33', { HPAConfigurableTolerance: true })).toBe(4);
    expect(at('1.35')).toBe(4);
    const at134 = new HpaSimulator({ autoscaling: { ...spec, kubernetesVersion: '1.34' } });
    expect([at134.scaleUpTolerance, at134.scaleDownTolerance]).toEqual([0.1, 0.1]);
    const current = new HpaSimulator({ autoscaling: spec });
    expect([current.scaleUpTolerance, current.scaleDownTolerance]).toEqual([0.01, 0.1]);
  });

  const queue = { minReplicas: 0, maxReplicas: 10, metrics: [Metric.external({ name: 'queue', target: MetricTarget.averageValue(10) })] };

  test('before 1.36 a target at 0 with minReplicas 0 is always woken up; from 1.36 only after the autoscaler scaled it there', () => {
    const run = (kubernetesVersion: string, scaledToZero?: boolean) =>
      new HpaSimulator({ autoscaling: queue, kubernetesVersion })
        .run({ initialReplicas: 0, scaledToZero, samples: [{ metrics: [{ value: 25 }] }] })[0];
    expect(run('1.35')).toMatchObject({ replicas: 3, scaledToZero: false });
    // scaled to 0 by hand: no ScaledToZero condition, autoscaling stays off
    expect(run('1.37')).toMatchObject({ replicas: 0, reason: ScalingReason.SCALING_DISABLED });
    expect(run('1.37').message).toMatch(/did not scale it there \(no ScaledToZero condition\).*\(Kubernetes 1\.37\)$/);
    expect(run('1.37', true)).toMatchObject({ replicas: 3, scaledToZero: false });
  });

  test('from 1.36 the autoscaler sets ScaledToZero when it scales to 0, and wakes up from it', () => {
    const steps = new HpaSimulator({ autoscaling: { ...queue, scaleDown: quickDown }, kubernetesVersion: '1.37' })
      .run({ initialReplicas: 2, samples: [{ metrics: [{ value: 0 }] }, { metrics: [{ value: 0 }] }, { metrics: [{ value: 25 }] }] });
    expect(steps.map(s => [s.replicas, s.scaledToZero])).toEqual([[0, true], [0, true], [3, false]]);
  });

  test('raising minReplicas while scaled to zero: 1.37 goes straight to minReplicas, 1.35 stays off', () => {
    const raised = { ...queue, minReplicas: 4 };
    const run = (kubernetesVersion: string) =>
      new HpaSimulator({ autoscaling: raised, kubernetesVersion })
        .run({ initialReplicas: 0, scaledToZero: true, samples: [{ metrics: [{ value: 5 }] }] })[0];
    expect(run('1.37')).toMatchObject({ replicas: 4, reason: ScalingReason.MIN_REPLICAS });
    expect(run('1.35')).toMatchObject({ replicas: 0, reason: ScalingReason.SCALING_DISABLED });
    expect(run('1.35').message).toBe('the target has 0 replicas and minReplicas is at least 1: autoscaling is off (Kubernetes 1.35)');
  });

  test('a ContainerResource metric where the source is alpha and off is refused with the version', () => {
    const app = Metric.containerResource({ container: 'app', resource: 'cpu', target: MetricTarget.utilization(50) });
    expect(() => new HpaSimulator({ autoscaling: { maxReplicas: 3, metrics: [app] }, kubernetesVersion: '1.26' }))
      .toThrow('[HpaSimulator] \'autoscaling.metrics\' ("cpu of container \\"app\\"") is a ContainerResource metric, alpha and off by default in Kubernetes 1.26');
    expect(new HpaSimulator({ autoscaling: { maxReplicas: 3, metrics: [app] }, kubernetesVersion: '1.26', featureGates: { HPAContainerMetrics: true } }).kubernetesVersion).toBe('1.26');
  });

  test('a version that is not one', () => {
    expect(() => new HpaSimulator({ autoscaling: { maxReplicas: 3 }, kubernetesVersion: '1.22' }))
      .toThrow("[HpaSimulator] 'kubernetesVersion' (\"1.22\") must be a Kubernetes minor version such as \"1.33\" (1.23 or later");
    expect(() => new HpaSimulator({ autoscaling: { maxReplicas: 3, kubernetesVersion: 'latest' } }))
      .toThrow("[HpaSimulator] 'autoscaling.kubernetesVersion' (\"latest\") must be a Kubernetes minor version");
  });
});
