import { Duration } from 'cdk8s';
import { AutoscalingOptions, Metric, MetricTarget, RolloutAutoscalingSimulator, RolloutPlan, ScalingPolicy } from '../../src';

/** rps per pod 100; scale-ups and scale-downs unlimited and unstabilized, so each sync goes straight to ceil(rps / 100). */
const quick = (maxReplicas: number): AutoscalingOptions => ({
  maxReplicas,
  metrics: [Metric.pods({ name: 'rps', target: MetricTarget.averageValue(100) })],
  scaleUp: { policies: [ScalingPolicy.pods(100)] },
  scaleDown: { stabilizationWindow: Duration.seconds(0) },
});

describe('RolloutAutoscalingSimulator: a hand-computed rollout', () => {
  // 1200 rps in total; the canary takes 25%, 50%, then 100%, one minute (4 syncs) per step.
  // stable starts at 12 pods, the canary at 1 and may grow to 4 only.
  const plan = new RolloutPlan({ stable: 'v1', canary: 'v2', canaryWeights: [25, 50, 100] });
  const simulator = new RolloutAutoscalingSimulator({ plan, stable: quick(20), canary: quick(4), stepDuration: Duration.minutes(1) });
  const result = simulator.run({ total: Array(12).fill(1200), stableReplicas: 12 });

  test('each version follows its share: stable 900 → 9, 600 → 6, 0 → 1 (minReplicas); canary 300 → 3, then capped at 4', () => {
    // stable at 0:00: 900 rps over 12 pods = 75 → ceil(0.75 × 12) = 9; at 1:00: 600 over 9 = 66.666 → ceil(5.99994) = 6
    expect(result.stable.replicas).toEqual([9, 9, 9, 9, 6, 6, 6, 6, 1, 1, 1, 1]);
    // canary at 0:00: 300 rps on 1 pod → 3; at 1:00: 600 over 3 = 200 → 6, capped at maxReplicas 4
    expect(result.canary.replicas).toEqual([3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4]);
    expect(result.stable.needed).toEqual([9, 9, 9, 9, 6, 6, 6, 6, 0, 0, 0, 0]);
    expect(result.canary.needed).toEqual([3, 3, 3, 3, 6, 6, 6, 6, 12, 12, 12, 12]);
    // pods start at once here, so every replica is ready at its sync
    expect(result.canary.ready).toEqual(result.canary.replicas);
  });

  test('the steps where the canary is at maxReplicas and short of what its weight needs', () => {
    expect(result.steps.map(s => [s.index, s.canaryWeight, s.startTime])).toEqual([[0, 25, 0], [1, 50, 60], [2, 100, 120]]);
    expect(result.steps.map(s => s.canary)).toEqual([
      { version: 'v2', weight: 25, replicas: 3, ready: 3, needed: 3, atMaxReplicas: false, shortfall: 0, syncsShort: 0 },
      { version: 'v2', weight: 50, replicas: 4, ready: 4, needed: 6, atMaxReplicas: true, shortfall: 2, syncsShort: 4 },
      { version: 'v2', weight: 100, replicas: 4, ready: 4, needed: 12, atMaxReplicas: true, shortfall: 8, syncsShort: 4 },
    ]);
    expect(result.steps.every(s => !s.stable.atMaxReplicas && s.stable.shortfall === 0)).toBe(true);
    expect(result.findings).toEqual([
      'step 1 (canary 50%): canary v2 at maxReplicas 4, up to 2 short of what its 50% needs (4 of 4 syncs short)',
      'step 2 (canary 100%): canary v2 at maxReplicas 4, up to 8 short of what its 100% needs (4 of 4 syncs short)',
    ]);
  });

  test('the chart draws both versions and marks the short steps', () => {
    const svg = simulator.renderSvg(result);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/canary \d+%/g)).toEqual(['canary 25%', 'canary 50%', 'canary 100%']);
    // the two steps where the canary is short are red bands
    expect(svg.match(/fill="#fde0dc"/g)).toHaveLength(2);
    expect(svg).toContain('v1 replicas');
    expect(svg).toContain('maxReplicas 4');
    expect(simulator.renderSvg(result)).toBe(svg);
  });
});

describe('RolloutAutoscalingSimulator: the controller\'s own pace', () => {
  test('with the default behaviour a canary that starts late lags behind its weight', () => {
    const plan = new RolloutPlan({ stable: 'v1', canary: 'v2', canaryWeights: [10, 100] });
    const hpa: AutoscalingOptions = { maxReplicas: 30, metrics: [Metric.resourceCpu(MetricTarget.utilization(50))] };
    const simulator = new RolloutAutoscalingSimulator({
      plan, stable: hpa, canary: hpa, stepDuration: Duration.minutes(1), podStartup: Duration.seconds(30),
    });
    const result = simulator
      .run({ total: Array(8).fill(1000), stableReplicas: 20 });
    // at 1:00 all 1000% go to the canary (2 pods): 20 needed, at most max(2 × 2, 4) = 4 per sync without a behavior
    expect(result.canary.needed.slice(4)).toEqual([20, 20, 20, 20]);
    expect(result.canary.replicas[4]).toBe(4);
    expect(result.steps[1].canary.shortfall).toBeGreaterThan(10);
    expect(result.findings.some(f => f.startsWith('step 1 (canary 100%): canary v2 up to'))).toBe(true);
  });
});

describe('RolloutAutoscalingSimulator refusals', () => {
  const plan = new RolloutPlan({ stable: 'v1', canary: 'v2', canaryWeights: [50, 100] });

  test('a step that is not a whole number of syncs', () => {
    expect(() => new RolloutAutoscalingSimulator({ plan, stable: quick(4), canary: quick(4), stepDuration: Duration.seconds(20) }))
      .toThrow("[RolloutAutoscalingSimulator] 'stepDuration' (1.3333333333333333) must be a positive whole number of syncs (15 s each)");
  });

  test('a first metric the weights cannot share', () => {
    const external = { maxReplicas: 4, metrics: [Metric.external({ name: 'queue', target: MetricTarget.averageValue(10) })] };
    expect(() => new RolloutAutoscalingSimulator({ plan, stable: quick(4), canary: external, stepDuration: Duration.minutes(1) }))
      .toThrow('[RolloutAutoscalingSimulator] \'canary.metrics[0]\' ("external metric \\"queue\\"") must be measured on the pods (Resource, ContainerResource or Pods)');
  });

  test('a negative load', () => {
    const simulator = new RolloutAutoscalingSimulator({ plan, stable: quick(4), canary: quick(4), stepDuration: Duration.minutes(1) });
    expect(() => simulator.run({ total: [10, -1], stableReplicas: 1 })).toThrow("[RolloutAutoscalingSimulator] 'total[1]' (-1) must be a number from 0");
  });
});
