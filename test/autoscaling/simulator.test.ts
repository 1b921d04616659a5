import { Duration } from 'cdk8s';
import { BACKEND, shopChart } from './fixtures';
import {
  AutoscaledDeployment, AutoscalingOptions, HpaSimulator, Metric, MetricSample, MetricTarget, ScalingPolicy, ScalingPolicySelect,
  ScalingReason, SimulationStep, SyncSample,
} from '../../src';

const CPU_50 = Metric.resourceCpu(MetricTarget.utilization(50));

/** `n` syncs with the same samples. */
function repeat(n: number, ...metrics: MetricSample[]): SyncSample[] {
  return Array.from({ length: n }, () => ({ metrics }));
}

function run(autoscaling: AutoscalingOptions, initialReplicas: number, samples: SyncSample[]): SimulationStep[] {
  return new HpaSimulator({ autoscaling }).run({ initialReplicas, samples });
}

const replicas = (steps: SimulationStep[]) => steps.map(s => s.replicas);
const reasons = (steps: SimulationStep[]) => steps.map(s => s.reason);

describe('HpaSimulator: the php-apache walkthrough (kubernetes.io, target 50% cpu, 1 to 10 replicas)', () => {
  // The load generator drives cpu to 305% of the request on one pod; the walkthrough sees 7 replicas.
  // Then the load stops, and after the 5 minute scale-down stabilization the Deployment is back at 1.
  const autoscaling = { minReplicas: 1, maxReplicas: 10, metrics: [CPU_50] };
  const steps = run(autoscaling, 1, [...repeat(8, { total: 305 }), ...repeat(22, { total: 0 })]);

  test('scales 1 → 4 (no behavior: at most max(2 × replicas, 4) per sync) → 7, and holds 7 at 43%', () => {
    expect(replicas(steps).slice(0, 8)).toEqual([4, 7, 7, 7, 7, 7, 7, 7]);
    expect(steps[0]).toMatchObject({ recommendation: 7, reason: ScalingReason.POLICY_LIMIT });
    // 305% / 4 = 76% → ceil(4 × 1.52) = 7; 305% / 7 = 43% → ceil(7 × 0.86) = 7
    expect(steps[1].metrics[0]).toMatchObject({ current: 76, replicas: 7 });
    expect(steps[2].metrics[0]).toMatchObject({ current: 43, replicas: 7, withinTolerance: false });
    expect(steps[2].reason).toBe(ScalingReason.RATIO);
  });

  test('holds 7 for the 300 s window after the last recommendation of 7 (at 1:45), then goes to 1', () => {
    const down = steps.findIndex(s => s.replicas === 1);
    expect(steps[down].time).toBe(105 + 300 + 15);
    expect(steps.slice(8, down).every(s => s.reason === ScalingReason.STABILIZATION && s.replicas === 7)).toBe(true);
    expect(steps[down]).toMatchObject({ replicasBefore: 7, replicas: 1, recommendation: 0, reason: ScalingReason.MIN_REPLICAS });
  });
});

describe('HpaSimulator: the ratio', () => {
  test('rounds up: 3 pods at 150 for a target of 100 → ceil(4.5) = 5', () => {
    const steps = run({ maxReplicas: 10, metrics: [Metric.pods({ name: 'rps', target: MetricTarget.averageValue(100) })] }, 3, repeat(1, { value: 150 }));
    expect(steps[0]).toMatchObject({ replicas: 5, recommendation: 5, reason: ScalingReason.RATIO });
    expect(steps[0].message).toBe('pods metric "rps" 150 for 100 (ratio 1.5) → 5');
  });

  test('a total load is shared among the pods: 2 pods, 500 m cpu each of 250 m → 4, then steady', () => {
    const steps = run({ maxReplicas: 10, metrics: [Metric.resourceCpu(MetricTarget.averageValue('250m'))] }, 2, repeat(3, { total: 1 }));
    expect(replicas(steps)).toEqual([4, 4, 4]);
    expect(steps.map(s => s.metrics[0].current)).toEqual([0.5, 0.25, 0.25]);
    expect(reasons(steps)).toEqual([ScalingReason.RATIO, ScalingReason.TOLERANCE, ScalingReason.TOLERANCE]);
  });

  test('Utilization is averaged in whole percent, as the controller does', () => {
    // 1000% over 6 pods is 166.67%, taken as 166% → 3.32 × 6 = 19.92 → 20 (not 21)
    const steps = run({ maxReplicas: 30, metrics: [CPU_50], scaleUp: { policies: [ScalingPolicy.percent(1000)] } }, 6, repeat(1, { total: 1000 }));
    expect(steps[0].metrics[0]).toMatchObject({ current: 166, replicas: 20 });
  });
});

describe('HpaSimulator: tolerance', () => {
  test('54% of a 50% target (ratio 1.08) is within the default 0.1; 56% is not', () => {
    const steps = run({ maxReplicas: 10, metrics: [CPU_50] }, 3, [{ metrics: [{ value: 54 }] }, { metrics: [{ value: 56 }] }]);
    expect(steps[0]).toMatchObject({ replicas: 3, reason: ScalingReason.TOLERANCE });
    expect(steps[0].message).toBe('cpu resource 54% for 50% (ratio 1.08) within tolerance: 3 kept');
    expect(steps[1]).toMatchObject({ replicas: 4, reason: ScalingReason.RATIO }); // ceil(3 × 1.12) = 4
  });

  test('a per-direction tolerance from the spec', () => {
    const autoscaling = { maxReplicas: 10, metrics: [CPU_50], scaleUp: { tolerance: 0.05 }, scaleDown: { tolerance: 0.3 } };
    const up = run(autoscaling, 3, repeat(1, { value: 54 }));
    expect(up[0].replicas).toBe(4); // 1.08 > 1.05
    const down = run(autoscaling, 4, repeat(1, { value: 36 }));
    expect(down[0]).toMatchObject({ replicas: 4, reason: ScalingReason.TOLERANCE }); // 0.72 >= 0.7
  });

  test('the cluster-wide tolerance is a simulator setting', () => {
    const simulator = new HpaSimulator({ autoscaling: { maxReplicas: 10, metrics: [CPU_50] }, tolerance: 0.2 });
    const steps = simulator.run({ initialReplicas: 3, samples: repeat(1, { value: 56 }) });
    expect(steps[0].reason).toBe(ScalingReason.TOLERANCE);
  });
});

describe('HpaSimulator: several metrics', () => {
  const metrics = [CPU_50, Metric.resourceMemory(MetricTarget.averageValue(500))];

  test('the largest recommendation wins (cpu 80% of 50% → 7 over memory 600 of 500 → 5)', () => {
    const steps = run({ maxReplicas: 10, metrics }, 4, repeat(1, { value: 80 }, { value: 600 }));
    expect(steps[0].metrics.map(m => m.replicas)).toEqual([7, 5]);
    expect(steps[0]).toMatchObject({ replicas: 7, recommendation: 7 });
    expect(steps[0].message).toMatch(/^cpu resource 80% for 50% \(ratio 1\.6\) → 7$/);
  });

  test('one metric high keeps the count up while the other is low', () => {
    const steps = run({ maxReplicas: 10, metrics }, 4, repeat(1, { value: 10 }, { value: 750 }));
    expect(steps[0].metrics.map(m => m.replicas)).toEqual([1, 6]);
    expect(steps[0].replicas).toBe(6);
  });

  test('an unavailable metric stops a scale-down but not a scale-up', () => {
    const down = run({ maxReplicas: 10, metrics }, 4, repeat(1, { value: 10 }, { unavailable: true }));
    expect(down[0]).toMatchObject({ replicas: 4, reason: ScalingReason.NO_METRICS });
    const up = run({ maxReplicas: 10, metrics }, 4, repeat(1, { value: 100 }, { unavailable: true }));
    expect(up[0]).toMatchObject({ replicas: 8, reason: ScalingReason.RATIO });
  });

  test('no metric at all: nothing changes', () => {
    const steps = run({ maxReplicas: 10, metrics }, 4, repeat(1, { unavailable: true }, { unavailable: true }));
    expect(steps[0]).toMatchObject({ replicas: 4, reason: ScalingReason.NO_METRICS, message: 'no metric could be computed: nothing changes' });
  });
});

describe('HpaSimulator: scale-down stabilization', () => {
  test('the highest recommendation of the window holds the count (window 60 s)', () => {
    // 10 pods, cpu target 50%: a total of 200% asks for 4, 400% for 8
    const load = [200, 400, 200, 200, 200, 200, 200].map(total => ({ metrics: [{ total }] }));
    const steps = run({ maxReplicas: 10, metrics: [CPU_50], scaleDown: { stabilizationWindow: Duration.seconds(60) } }, 10, load);
    expect(steps.map(s => s.recommendation)).toEqual([4, 8, 4, 4, 4, 4, 4]);
    // 0–45 s: the starting count (10) is in the window; 60 s: the 8 from 15 s is; 75 s: only 4s remain
    expect(replicas(steps)).toEqual([10, 10, 10, 10, 8, 4, 4]);
    expect(reasons(steps)).toEqual([
      ScalingReason.STABILIZATION, ScalingReason.STABILIZATION, ScalingReason.STABILIZATION, ScalingReason.STABILIZATION,
      ScalingReason.STABILIZATION, ScalingReason.RATIO, ScalingReason.TOLERANCE,
    ]);
    expect(steps[4].message).toBe('recommendation 4 held at 8 by the 60 s scale-down stabilization window');
  });

  test('a scale-up window holds the lowest recommendation', () => {
    const load = [100, 100, 100, 100, 100].map(total => ({ metrics: [{ total }] }));
    const steps = run({ maxReplicas: 10, metrics: [CPU_50], scaleUp: { stabilizationWindow: Duration.seconds(30) } }, 1, load);
    // 1 pod at 100% asks for 2; the starting 1 is within the window until 30 s
    expect(replicas(steps)).toEqual([1, 1, 2, 2, 2]);
    expect(steps[0].reason).toBe(ScalingReason.STABILIZATION);
  });
});

describe('HpaSimulator: policies', () => {
  // cpu 50%: a total of 1000% asks for 20 at any replica count
  const busy = repeat(17, { total: 1000 });
  const upPolicies = [ScalingPolicy.pods(4, Duration.minutes(1)), ScalingPolicy.percent(100, Duration.minutes(1))];

  test('scale-up, Max of 4 pods or 100% per minute: 2 → 6 → 12 → 20, limits from the replicas at the start of the period', () => {
    const steps = run({ maxReplicas: 30, metrics: [CPU_50], scaleUp: { policies: upPolicies } }, 2, busy);
    expect(replicas(steps).filter((_, i) => i % 4 === 0)).toEqual([6, 12, 20, 20, 20]);
    expect(replicas(steps).slice(0, 5)).toEqual([6, 6, 6, 6, 12]);
    expect(steps[1]).toMatchObject({ reason: ScalingReason.POLICY_LIMIT, recommendation: 20 });
    expect(steps[0].message).toBe('recommendation 20 limited to 6 by the scale-up policies (Max of 4 pods per 60 s, 100% per 60 s)');
  });

  test('scale-up, Min of the same: 2 → 4 → 8 → 12 → 16 → 20', () => {
    const steps = run({ maxReplicas: 30, metrics: [CPU_50], scaleUp: { policies: upPolicies, selectPolicy: ScalingPolicySelect.MIN } }, 2, busy);
    expect(replicas(steps).filter((_, i) => i % 4 === 0)).toEqual([4, 8, 12, 16, 20]);
  });

  const idle = repeat(13, { total: 0 });
  const downPolicies = [ScalingPolicy.pods(5, Duration.minutes(1)), ScalingPolicy.percent(50, Duration.minutes(1))];
  const down = (selectPolicy: ScalingPolicySelect) => ({
    minReplicas: 2,
    maxReplicas: 30,
    metrics: [CPU_50],
    scaleDown: { stabilizationWindow: Duration.seconds(0), policies: downPolicies, selectPolicy },
  });

  test('scale-down, Max (the largest change): 20 → 10 → 5 → 2 (minReplicas)', () => {
    const steps = run(down(ScalingPolicySelect.MAX), 20, idle);
    expect(replicas(steps).filter((_, i) => i % 4 === 0)).toEqual([10, 5, 2, 2]);
    expect(reasons(steps).filter((_, i) => i % 4 === 0)).toEqual([
      ScalingReason.POLICY_LIMIT, ScalingReason.POLICY_LIMIT, ScalingReason.MIN_REPLICAS, ScalingReason.MIN_REPLICAS,
    ]);
  });

  test('scale-down, Min (the smallest change): 20 → 15 → 10 → 5 → 2', () => {
    const steps = run(down(ScalingPolicySelect.MIN), 20, idle);
    expect(replicas(steps).filter((_, i) => i % 4 === 0)).toEqual([15, 10, 5, 2]);
  });

  test('Disabled forbids a direction', () => {
    const steps = run({ maxReplicas: 10, metrics: [CPU_50], scaleDown: { selectPolicy: ScalingPolicySelect.DISABLED } }, 6, repeat(25, { total: 0 }));
    expect(steps.every(s => s.replicas === 6)).toBe(true);
    expect(steps[24]).toMatchObject({ reason: ScalingReason.DIRECTION_DISABLED });
  });

  test('the default scale-up rules once a behavior exists: 1 → 5 (4 pods beat 100%) → 10', () => {
    const steps = run({ maxReplicas: 10, metrics: [CPU_50], scaleDown: { stabilizationWindow: Duration.minutes(1) } }, 1, repeat(2, { total: 1000 }));
    expect(replicas(steps)).toEqual([5, 10]);
    expect(reasons(steps)).toEqual([ScalingReason.POLICY_LIMIT, ScalingReason.MAX_REPLICAS]);
  });
});

describe('HpaSimulator: missing metrics and pods that are not ready', () => {
  const quick = { maxReplicas: 10, metrics: [CPU_50], scaleDown: { stabilizationWindow: Duration.seconds(0) } };

  test('on a scale-down, pods without metrics count as 100% of the request: 6 → 5, not 1', () => {
    // 4 pods at 10% and 2 without metrics: (40 + 200) / 6 = 40% → ceil(6 × 0.8) = 5
    const steps = run(quick, 6, [{ metrics: [{ value: 10 }], podsWithoutMetrics: 2 }]);
    expect(steps[0]).toMatchObject({ replicas: 5 });
    expect(steps[0].metrics[0]).toMatchObject({ current: 10, ratio: 0.8 });
  });

  test('when counting them reverses the direction, nothing changes', () => {
    // 2 pods at 20%, 2 without metrics: (40 + 200) / 4 = 60% → 1.2 points up → keep 4
    const steps = run(quick, 4, [{ metrics: [{ value: 20 }], podsWithoutMetrics: 2 }]);
    expect(steps[0]).toMatchObject({ replicas: 4, reason: ScalingReason.TOLERANCE });
    expect(steps[0].message).toMatch(/once 2 pods without metrics and 0 not ready are counted: within tolerance or pointing the other way, 4 kept/);
  });

  test('on a scale-up, pods without metrics count as 0%', () => {
    // 2 pods at 60% and 2 without metrics: 120 / 4 = 30% → points down → keep 4 (alone, 2 × 1.2 would give 3)
    const steps = run(quick, 4, [{ metrics: [{ value: 60 }], podsWithoutMetrics: 2 }]);
    expect(steps[0]).toMatchObject({ replicas: 4, reason: ScalingReason.TOLERANCE });
  });

  test('on a scale-up, pods not ready count as 0%', () => {
    // 3 ready pods at 58% and 1 not ready: 174 / 4 = 43% → 0.86 points down → keep 4
    const steps = run(quick, 4, [{ metrics: [{ value: 58 }], unreadyPods: 1 }]);
    expect(steps[0]).toMatchObject({ replicas: 4, reason: ScalingReason.TOLERANCE });
    // the same pods all ready: ceil(4 × 1.16) = 5
    expect(run(quick, 4, [{ metrics: [{ value: 58 }] }])[0].replicas).toBe(5);
  });

  test('pods that take 45 s to start take no share of the load meanwhile', () => {
    const steps = new HpaSimulator({ autoscaling: { maxReplicas: 10, metrics: [CPU_50] }, podStartup: Duration.seconds(45) })
      .run({ initialReplicas: 2, samples: repeat(5, { total: 300 }) });
    // 0 s: 2 pods at 150% → 6, capped at 4 (the 2 new pods start until 45 s)
    // 15 s: 300% over the 2 ready pods, the 2 starting at 0% → 75% → ceil(4 × 1.5) = 6 (2 more start until 60 s)
    // 30 s, 45 s: 300% over 6 pods of which 4 or 2 starting → 50%: kept; 60 s: all ready at 50%
    expect(replicas(steps)).toEqual([4, 6, 6, 6, 6]);
    expect(steps[1].metrics[0]).toMatchObject({ current: 150, ratio: 1.5, replicas: 6 });
    expect(steps.map(s => s.metrics[0].current)).toEqual([150, 150, 150, 75, 50]);
    expect(reasons(steps).slice(2)).toEqual([ScalingReason.TOLERANCE, ScalingReason.TOLERANCE, ScalingReason.TOLERANCE]);
  });
});

describe('HpaSimulator: Object and External metrics, scale to zero', () => {
  test('External Value: ceil(value / target × ready pods)', () => {
    const steps = run({ maxReplicas: 20, metrics: [Metric.external({ name: 'lag', target: MetricTarget.value(10) })] }, 3, repeat(1, { value: 45 }));
    expect(steps[0]).toMatchObject({ recommendation: 14, replicas: 6, reason: ScalingReason.POLICY_LIMIT });
  });

  test('External AverageValue: ceil(value / target) — 95 queued, 30 per pod → 4', () => {
    const steps = run({ maxReplicas: 20, metrics: [Metric.external({ name: 'queue', target: MetricTarget.averageValue(30) })] }, 2, repeat(1, { value: 95 }));
    expect(steps[0]).toMatchObject({ replicas: 4 });
    expect(steps[0].metrics[0]).toMatchObject({ current: 47.5 });
  });

  test('Object Value', () => {
    const metric = Metric.object({ name: 'rps', describedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'main' }, target: MetricTarget.value('2k') });
    const steps = run({ maxReplicas: 20, metrics: [metric] }, 2, repeat(1, { value: 3000 }));
    expect(steps[0]).toMatchObject({ replicas: 3 });
    expect(steps[0].message).toBe('Ingress metric "rps" 3000 for 2000 (ratio 1.5) → 3');
  });

  test('minReplicas 0: to zero when the queue is empty, back up when it fills', () => {
    const autoscaling = {
      minReplicas: 0,
      maxReplicas: 10,
      metrics: [Metric.external({ name: 'queue', target: MetricTarget.averageValue(30) })],
      scaleDown: { stabilizationWindow: Duration.seconds(0) },
    };
    const steps = run(autoscaling, 2, [...repeat(2, { value: 0 }), ...repeat(1, { value: 45 })]);
    expect(replicas(steps)).toEqual([0, 0, 2]);
  });

  test('a target at 0 replicas with minReplicas 1 is left alone', () => {
    const steps = run({ maxReplicas: 10, metrics: [CPU_50] }, 0, repeat(1, { total: 500 }));
    expect(steps[0]).toMatchObject({ replicas: 0, reason: ScalingReason.SCALING_DISABLED });
  });

  test('a target outside the bounds is brought back at once', () => {
    const bounds = { minReplicas: 3, maxReplicas: 10, metrics: [CPU_50] };
    expect(run(bounds, 12, repeat(1, { total: 0 }))[0]).toMatchObject({ replicas: 10, reason: ScalingReason.MAX_REPLICAS });
    expect(run(bounds, 1, repeat(1, { total: 0 }))[0]).toMatchObject({ replicas: 3, reason: ScalingReason.MIN_REPLICAS });
  });
});

describe('HpaSimulator: on a construct\'s own spec', () => {
  test('runs the options an AutoscaledDeployment synthesizes, the server default metric included', () => {
    const backend = new AutoscaledDeployment(shopChart(), 'backend', BACKEND);
    const simulator = new HpaSimulator({ autoscaling: backend.autoscaler.autoscalingOptions });
    // the default metric, cpu at 80%: 2 pods at 200% ask for 5, capped at 4 (no behavior: max(2 × 2, 4)); 4 pods ask for 10, capped at 8
    expect(simulator.run({ initialReplicas: 2, samples: repeat(1, { value: 200 }) })[0].replicas).toBe(4);
    expect(simulator.run({ initialReplicas: 4, samples: repeat(1, { value: 200 }) })[0].replicas).toBe(8);
  });
});

describe('HpaSimulator refusals', () => {
  test('a spec the constructs would refuse', () => {
    expect(() => new HpaSimulator({ autoscaling: { minReplicas: 4, maxReplicas: 2 } }))
      .toThrow("[HpaSimulator] 'autoscaling.minReplicas' (4) must be <= 'maxReplicas' (2)");
  });

  test('a sync period that is not whole seconds', () => {
    expect(() => new HpaSimulator({ autoscaling: { maxReplicas: 2 }, syncPeriod: Duration.millis(1500) }))
      .toThrow("[HpaSimulator] 'syncPeriod' (1.5) must be a whole number of seconds from 1 to 3600");
  });

  test('a cluster tolerance of 1 or more', () => {
    expect(() => new HpaSimulator({ autoscaling: { maxReplicas: 2 }, tolerance: 1 }))
      .toThrow("[HpaSimulator] 'tolerance' (1) must be from 0 to less than 1");
  });

  const simulator = new HpaSimulator({ autoscaling: { maxReplicas: 5, metrics: [CPU_50] } });

  test('samples that do not match the metrics', () => {
    expect(() => simulator.run({ initialReplicas: 1, samples: [{ metrics: [] }] }))
      .toThrow("[HpaSimulator] 'samples[0].metrics' (0) must hold one sample per metric of the spec (1: cpu resource)");
  });

  test('a sample with both value and total, or neither', () => {
    expect(() => simulator.run({ initialReplicas: 1, samples: [{ metrics: [{ value: 1, total: 2 }] }] }))
      .toThrow("[HpaSimulator] 'samples[0].metrics[0]' ({\"value\":1,\"total\":2}) must set exactly one of value, total and values, or only unavailable");
    expect(() => simulator.run({ initialReplicas: 1, samples: [{ metrics: [{}] }] })).toThrow(/must set exactly one of value, total and values/);
  });

  test('a negative value', () => {
    expect(() => simulator.run({ initialReplicas: 1, samples: [{ metrics: [{ total: -5 }] }] }))
      .toThrow("[HpaSimulator] 'samples[0].metrics[0]' ({\"total\":-5}) must hold a number from 0");
  });

  test('a negative pod count', () => {
    expect(() => simulator.run({ initialReplicas: 1, samples: [{ metrics: [{ total: 5 }], podsWithoutMetrics: -1 }] }))
      .toThrow("[HpaSimulator] 'samples[0].podsWithoutMetrics' (-1) must be an integer from 0");
    expect(() => simulator.run({ initialReplicas: 1.5, samples: [] })).toThrow("[HpaSimulator] 'initialReplicas' (1.5) must be an integer from 0");
  });
});

describe('HpaSimulator timeline', () => {
  test('a text chart, identical rows folded', () => {
    const simulator = new HpaSimulator({ autoscaling: { maxReplicas: 8, metrics: [CPU_50] } });
    const steps = simulator.run({ initialReplicas: 2, samples: [...repeat(4, { total: 300 }), ...repeat(2, { unavailable: true })] });
    expect(simulator.timeline(steps)).toBe([
      'time  cpu resource  replicas (max 8)  reason',
      '0:00  150%          ####.... 4        PolicyLimit',
      '0:15  75%           ######.. 6        Ratio',
      '0:30  50%           ######.. 6        Tolerance',
      '…                   1 more alike',
      '1:00  n/a           ######.. 6        NoMetrics',
      '…                   1 more alike',
      '',
    ].join('\n'));
  });
});
