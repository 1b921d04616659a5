/**
 * Conformance: the normalization (stabilization, rate limits, event and recommendation storage) tests of
 * kubernetes/kubernetes pkg/controller/podautoscaler/horizontal_test.go, as stored in the search index on
 * 2026-12-02 (read_file id 82418915, 204,199 characters; it uses ptr.To and the monitor labels, so 1.29 or later;
 * the index does not give its commit). One table per upstream test function, each case under upstream's name,
 * run through src/autoscaling/simulator/normalize.ts. "now" is 0; times are seconds.
 */
import { Duration } from 'cdk8s';
import { ConformanceCase, ConformanceTable, describeTables, Outcome, tally, COUNTS } from './upstream';
import { ScalingPolicy, ScalingPolicySelect, ScalingRules } from '../../../src/autoscaling/behavior';
import { ScalingReason } from '../../../src/autoscaling/simulator/model';
import {
  effectiveRules, EffectiveRules, legacyLimit, legacyStabilize, limit, longestPolicyPeriod, replicasChangePerPeriod, scaleDownLimit, scaleUpLimit,
  stabilize, storeRecommendation, storeScaleEvent, Timed, oldForBehavior,
} from '../../../src/autoscaling/simulator/normalize';

/** The condition reason upstream reports for a limited (or not) count. */
function condition(reason: ScalingReason | undefined, desired: number, current: number): string {
  switch (reason) {
    case undefined: return 'DesiredWithinRange';
    case ScalingReason.MAX_REPLICAS: return 'TooManyReplicas';
    case ScalingReason.MIN_REPLICAS: return 'TooFewReplicas';
    default: return desired > current ? 'ScaleUpLimit' : 'ScaleDownLimit';
  }
}

/** generateScalingRules: Max of the policies given (0 leaves one out), with a stabilization window. */
function generateScalingRules(pods: number, podsPeriod: number, percent: number, percentPeriod: number, window: number): ScalingRules {
  const policies: ScalingPolicy[] = [];
  if (pods !== 0) policies.push(ScalingPolicy.pods(pods, Duration.seconds(podsPeriod)));
  if (percent !== 0) policies.push(ScalingPolicy.percent(percent, Duration.seconds(percentPeriod)));
  const rules = { stabilizationWindow: Duration.seconds(window), selectPolicy: ScalingPolicySelect.MAX };
  return policies.length > 0 ? { ...rules, policies } : rules;
}

/** generateEventsUniformDistribution: each event in the middle of its segment of the last `period` seconds. */
function uniformEvents(raw: number[], period: number): Timed[] {
  const segment = period / raw.length;
  return raw.map((change, i) => ({ time: -Math.trunc(period - segment * (i + 1) + segment / 2), value: change }));
}

const convertDesiredReplicasWithRules: ConformanceTable = {
  upstream: 'TestConvertDesiredReplicasWithRules',
  cases: ([
    [5, 7, 3, 8, 7, 'DesiredWithinRange', 'prenormalized desired replicas within range'],
    [3, 1, 2, 8, 2, 'TooFewReplicas', 'prenormalized desired replicas < minReplicas'],
    [1, 0, 0, 10, 0, 'DesiredWithinRange', 'prenormalized desired zeroed replicas within range'],
    [20, 1000, 1, 10, 10, 'TooManyReplicas', 'maxReplicas is the limit because maxReplicas < scaleUpLimit'],
    [3, 1000, 1, 2000, Math.max(2 * 3, 4), 'ScaleUpLimit', 'scaleUpLimit is the limit because scaleUpLimit < maxReplicas'],
  ] as Array<[number, number, number, number, number, string, string]>).map(([current, desired, min, max, replicas, cond, name]) => ({
    name,
    run: () => {
      const r = legacyLimit(desired, current, min, max);
      const legacyCondition = r.reason === ScalingReason.POLICY_LIMIT ? 'ScaleUpLimit' : condition(r.reason, desired, current);
      return { replicas: r.replicas, condition: legacyCondition };
    },
    expected: { replicas, condition: cond },
  })),
};

const MIN_60: ScalingRules = {
  stabilizationWindow: Duration.seconds(300),
  selectPolicy: ScalingPolicySelect.MIN,
  policies: [ScalingPolicy.pods(2, Duration.seconds(60)), ScalingPolicy.percent(50, Duration.seconds(60))],
};
const limitTables: ConformanceTable[] = [
  { upstream: 'TestCalculateScaleUpLimitWithScalingRules', cases: [{ name: 'TestCalculateScaleUpLimitWithScalingRules', run: () => ({ limit: scaleUpLimit(1, 0, [], [], effectiveRules(MIN_60, 'up', 300)) }), expected: { limit: 2 } }] },
  { upstream: 'TestCalculateScaleDownLimitWithBehaviors', cases: [{ name: 'TestCalculateScaleDownLimitWithBehaviors', run: () => ({ limit: scaleDownLimit(5, 0, [], [], effectiveRules(MIN_60, 'down', 300)) }), expected: { limit: 3 } }] },
];

const rec = (value: number, minutesAgo: number): Timed => ({ time: -minutesAgo * 60, value });
const normalizeDesiredReplicas: ConformanceTable = {
  upstream: 'TestNormalizeDesiredReplicas',
  cases: ([
    ['empty log', [], 5, 5, 1],
    ['stabilize', [rec(4, 2), rec(5, 1)], 3, 5, 3],
    ['no stabilize', [rec(1, 2), rec(2, 1)], 3, 3, 3],
    ['no stabilize - old recommendations', [rec(10, 10), rec(9, 9)], 3, 3, 2],
    ['stabilize - old recommendations', [rec(10, 10), rec(4, 1), rec(5, 2), rec(9, 9)], 3, 5, 4],
  ] as Array<[string, Timed[], number, number, number]>).map(([name, history, desired, stabilized, logLength]) => ({
    name,
    run: () => {
      const log = [...history];
      const r = legacyStabilize(desired, 0, log, 300);
      storeRecommendation(log, desired, 0, x => x.time < -300);
      return { stabilized: r, logLength: log.length };
    },
    expected: { stabilized, logLength },
  })),
};

interface RulesCase {
  name: string;
  min: number;
  max: number;
  current: number;
  desired: number;
  replicas: number;
  condition: string;
  up?: ScalingRules;
  down?: ScalingRules;
  upEvents?: Timed[];
  downEvents?: Timed[];
}
const g = generateScalingRules;
const ev = uniformEvents;
const rulesCases: RulesCase[] = [
  { name: 'prenormalized desired replicas within range', current: 5, desired: 7, min: 3, max: 8, replicas: 7, condition: 'DesiredWithinRange' },
  { name: 'prenormalized desired replicas < minReplicas', current: 3, desired: 1, min: 2, max: 8, replicas: 2, condition: 'TooFewReplicas' },
  { name: 'prenormalized desired replicas within range when minReplicas is 0', current: 1, desired: 0, min: 0, max: 10, replicas: 0, condition: 'DesiredWithinRange' },
  { name: 'maxReplicas is the limit because maxReplicas < scaleUpLimit', current: 20, desired: 1000, min: 1, max: 10, replicas: 10, condition: 'TooManyReplicas' },
  { name: 'desired replica count is more than the maximum replica count', current: 100, desired: 1000, min: 100, max: 150, replicas: 150, condition: 'TooManyReplicas' },
  { name: 'scaleUpLimit is the limit because scaleUpLimit < maxReplicas with user policies', current: 3, desired: 1000, min: 1, max: 2000, replicas: 4, condition: 'ScaleUpLimit', up: g(0, 0, 1, 60, 0) },
  // upstream skips this case (testThis: true); it agrees with its expectation all the same
  { name: 'scaleDownLimit is the limit because scaleDownLimit > minReplicas with user defined policies', current: 1000, desired: 3, min: 3, max: 2000, down: g(20, 60, 0, 0, 0), replicas: 980, condition: 'ScaleDownLimit' },
  { name: 'scaleUp with default behavior', min: 1, max: 1000, current: 10, desired: 50, replicas: 20, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with pods policy larger than percent policy', min: 1, max: 1000, up: g(100, 60, 100, 60, 0), current: 10, desired: 500, replicas: 110, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with percent policy larger than pods policy', min: 1, max: 1000, up: g(2, 60, 100, 60, 0), current: 10, desired: 500, replicas: 20, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with spec MaxReplicas limitation with large pod policy', min: 1, max: 1000, up: g(100, 60, 0, 0, 0), current: 10, desired: 50, replicas: 50, condition: 'DesiredWithinRange' },
  { name: 'scaleUp with spec MaxReplicas limitation with large percent policy', min: 1, max: 1000, up: g(10000, 60, 0, 0, 0), current: 10, desired: 50, replicas: 50, condition: 'DesiredWithinRange' },
  { name: 'scaleUp with pod policy limitation', min: 1, max: 1000, up: g(30, 60, 0, 0, 0), current: 10, desired: 50, replicas: 40, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with percent policy limitation', min: 1, max: 1000, up: g(0, 0, 200, 60, 0), current: 10, desired: 50, replicas: 30, condition: 'ScaleUpLimit' },
  { name: 'scaleDown with percent policy larger than pod policy', min: 1, max: 1000, down: g(20, 60, 1, 60, 300), current: 100, desired: 2, replicas: 80, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with pod policy larger than percent policy', min: 1, max: 1000, down: g(2, 60, 1, 60, 300), current: 100, desired: 2, replicas: 98, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with spec MinReplicas=nil limitation with large pod policy', min: 1, max: 1000, down: g(100, 60, 0, 0, 300), current: 10, desired: 0, replicas: 1, condition: 'TooFewReplicas' },
  { name: 'scaleDown with spec MinReplicas limitation with large pod policy', min: 1, max: 1000, down: g(100, 60, 0, 0, 300), current: 10, desired: 0, replicas: 1, condition: 'TooFewReplicas' },
  { name: 'scaleDown with spec MinReplicas limitation with large percent policy', min: 5, max: 1000, down: g(0, 0, 100, 60, 300), current: 10, desired: 2, replicas: 5, condition: 'TooFewReplicas' },
  { name: 'scaleDown with pod policy limitation', min: 1, max: 1000, down: g(5, 60, 0, 0, 300), current: 10, desired: 2, replicas: 5, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with percent policy limitation', min: 1, max: 1000, down: g(0, 0, 50, 60, 300), current: 10, desired: 5, replicas: 5, condition: 'DesiredWithinRange' },
  { name: 'scaleUp with spec MaxReplicas limitation with large pod policy and events', upEvents: ev([1, 5, 9], 120), min: 1, max: 200, up: g(300, 60, 0, 0, 0), current: 100, desired: 500, replicas: 200, condition: 'TooManyReplicas' },
  { name: 'scaleUp with spec MaxReplicas limitation with large percent policy and events', upEvents: ev([1, 5, 9], 120), min: 1, max: 200, up: g(0, 0, 10000, 60, 0), current: 100, desired: 500, replicas: 200, condition: 'TooManyReplicas' },
  { name: 'scaleUp with currentReplicas limitation with rate.PeriodSeconds with a lot of recent scale up events', upEvents: ev([1, 5, 9], 120), min: 1, max: 1000, up: g(5, 120, 0, 0, 0), current: 100, desired: 500, replicas: 100, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with pod policy and previous scale up events', upEvents: ev([1, 5, 9], 120), min: 1, max: 1000, up: g(150, 120, 0, 0, 0), current: 100, desired: 500, replicas: 235, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with percent policy and previous scale up events', upEvents: ev([1, 5, 9], 120), min: 1, max: 1000, up: g(0, 0, 200, 120, 0), current: 100, desired: 500, replicas: 255, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with percent policy and previous scale up and down events', upEvents: ev([4], 120), downEvents: ev([2], 120), min: 1, max: 1000, up: g(0, 0, 300, 300, 0), current: 6, desired: 24, replicas: 16, condition: 'ScaleUpLimit' },
  { name: 'scaleDown with default policy and previous events', downEvents: ev([1, 5, 9], 120), min: 1, max: 1000, current: 10, desired: 5, replicas: 5, condition: 'DesiredWithinRange' },
  { name: 'scaleDown with spec MinReplicas=nil limitation with large pod policy and previous events', downEvents: ev([1, 5, 9], 120), min: 1, max: 1000, down: g(115, 120, 0, 0, 300), current: 100, desired: 0, replicas: 1, condition: 'TooFewReplicas' },
  { name: 'scaleDown with spec MinReplicas limitation with large pod policy and previous events', downEvents: ev([1, 5, 9], 120), min: 5, max: 1000, down: g(130, 120, 0, 0, 300), current: 100, desired: 0, replicas: 5, condition: 'TooFewReplicas' },
  { name: 'scaleDown with spec MinReplicas limitation with large percent policy and previous events', downEvents: ev([1, 5, 9], 120), min: 5, max: 1000, down: g(0, 0, 100, 120, 300), current: 100, desired: 2, replicas: 5, condition: 'TooFewReplicas' },
  { name: 'scaleDown with pod policy limitation and previous events', downEvents: ev([1, 5, 9], 120), min: 1, max: 1000, down: g(5, 120, 0, 0, 300), current: 100, desired: 2, replicas: 100, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with percent policy limitation and previous events', downEvents: ev([2, 4, 6], 120), min: 1, max: 1000, down: g(0, 0, 50, 120, 300), current: 100, desired: 0, replicas: 56, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with percent policy and previous scale up and down events', upEvents: ev([2], 120), downEvents: ev([4], 120), min: 1, max: 1000, down: g(0, 0, 50, 180, 0), current: 10, desired: 1, replicas: 6, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with previous events preventing further scale down', downEvents: ev([10, 10, 10], 120), min: 1, max: 1000, down: g(0, 0, 10, 120, 300), current: 100, desired: 0, replicas: 100, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with with previous events still allowing more scale down', downEvents: ev([10, 10, 10], 120), min: 1, max: 1000, down: g(0, 0, 1000, 120, 300), current: 10, desired: 5, replicas: 5, condition: 'DesiredWithinRange' },
  { name: "check 'outdated' flag for events for one behavior for up", upEvents: ev([8, 12, 9, 11], 120), min: 1, max: 1000, up: g(1000, 60, 0, 0, 0), current: 100, desired: 200, replicas: 200, condition: 'DesiredWithinRange' },
  { name: "check that events were not marked 'outdated' for two different policies in the behavior for up", upEvents: ev([8, 12, 9, 11], 120), min: 1, max: 1000, up: g(1000, 120, 100, 60, 0), current: 100, desired: 200, replicas: 200, condition: 'DesiredWithinRange' },
  { name: "check that events were marked 'outdated' for two different policies in the behavior for up", upEvents: ev([8, 12, 9, 11], 120), min: 1, max: 1000, up: g(1000, 30, 100, 60, 0), current: 100, desired: 200, replicas: 200, condition: 'DesiredWithinRange' },
  { name: "check 'outdated' flag for events for one behavior for down", downEvents: ev([8, 12, 9, 11], 120), min: 1, max: 1000, down: g(1000, 60, 0, 0, 300), current: 100, desired: 5, replicas: 5, condition: 'DesiredWithinRange' },
  { name: "check that events were not marked 'outdated' for two different policies in the behavior for down", downEvents: ev([8, 12, 9, 11], 120), min: 1, max: 1000, down: g(1000, 120, 100, 60, 300), current: 100, desired: 5, replicas: 5, condition: 'DesiredWithinRange' },
  { name: "check that events were marked 'outdated' for two different policies in the behavior for down", downEvents: ev([8, 12, 9, 11], 120), min: 1, max: 1000, down: g(1000, 30, 100, 60, 300), current: 100, desired: 5, replicas: 5, condition: 'DesiredWithinRange' },
];
const scalingWithRules: ConformanceTable = {
  upstream: 'TestScalingWithRules',
  cases: rulesCases.map(c => ({
    name: c.name,
    run: () => {
      // convertDesiredReplicasWithBehaviorRate with GenerateHPAScaleUpRules / GenerateHPAScaleDownRules defaults
      const r = limit(c.desired, c.current, c.min, c.max, 0, c.upEvents ?? [], c.downEvents ?? [],
        effectiveRules(c.up, 'up', 300), effectiveRules(c.down, 'down', 300));
      return { replicas: r.replicas, condition: condition(r.reason, c.desired, c.current) };
    },
    expected: { replicas: c.replicas, condition: c.condition },
  })),
};

type StoredEvent = [number, boolean];
const storeCases: Array<[string, Timed[], StoredEvent[], ScalingRules | undefined, number]> = [
  ['empty entries with default behavior', [], [], undefined, 0],
  ['empty entries with two-policy-behavior', [], [[5, false]], g(10, 60, 100, 60, 0), 0],
  ['one outdated entry to be kept untouched without behavior', [{ time: -61, value: 7 }], [[7, false]], undefined, 0],
  ['one outdated entry to be replaced with behavior', [{ time: -61, value: 7 }], [[5, false]], g(10, 60, 100, 60, 0), 0],
  ['one actual entry to be not touched with behavior', [{ time: -58, value: 7 }], [[7, false], [5, false]], g(10, 60, 100, 60, 0), 7],
  ['two entries, one of them to be replaced', [{ time: -61, value: 7 }, { time: -59, value: 6 }], [[5, false], [6, false]], g(10, 60, 0, 0, 0), 6],
  ['replace one entry, use policies with different periods',
    [{ time: -29, value: 8 }, { time: -59, value: 6 }, { time: -61, value: 7 }, { time: -61, value: 9 }],
    [[8, false], [6, false], [7, true], [5, false]], g(10, 60, 100, 30, 0), 14],
  ['two entries, both actual', [{ time: -58, value: 7 }, { time: -59, value: 6 }], [[7, false], [6, false], [5, false]], g(10, 120, 100, 30, 0), 13],
];
const storeScaleEvents: ConformanceTable = {
  upstream: 'TestStoreScaleEvents',
  cases: storeCases.map(([name, prev, stored, rules, change]): ConformanceCase => ({
    name,
    run: () => {
      // the same for the scale-up and the scale-down events, as upstream checks both
      const out: Outcome = {};
      for (const direction of ['up', 'down'] as const) {
        const events = prev.map(e => ({ ...e }));
        const before = replicasChangePerPeriod(60, 0, events);
        if (rules) storeScaleEvent(events, 5, 0, longestPolicyPeriod(effectiveRules(rules, direction, 300)));
        out[`${direction}Change`] = before;
        out[`${direction}Events`] = JSON.stringify(events.map(e => [e.value, e.outdated ?? false]));
      }
      return out;
    },
    expected: { upChange: change, downChange: change, upEvents: JSON.stringify(stored), downEvents: JSON.stringify(stored) },
  })),
};

interface BehaviorCase {
  name: string;
  recs: Timed[];
  current: number;
  desired: number;
  stabilized: number;
  stored?: number[];
  upWindow?: number;
  downWindow?: number;
}
const windows = (up: number, down: number): [EffectiveRules, EffectiveRules] => [
  { windowSeconds: up, select: ScalingPolicySelect.MAX, policies: [] },
  { windowSeconds: down, select: ScalingPolicySelect.MAX, policies: [] },
];
const behaviorCases: BehaviorCase[] = [
  { name: 'empty recommendations for scaling down', recs: [], current: 100, desired: 5, stabilized: 5, stored: [5] },
  { name: 'simple scale down stabilization', recs: [rec(4, 2), rec(5, 1)], current: 100, desired: 3, stabilized: 5, stored: [4, 5, 3], downWindow: 180 },
  { name: 'simple scale up stabilization', recs: [rec(4, 2), rec(5, 1)], current: 1, desired: 7, stabilized: 4, stored: [4, 5, 7], upWindow: 300 },
  { name: 'no scale down stabilization', recs: [rec(1, 2), rec(2, 1)], current: 100, desired: 3, stabilized: 3, stored: [1, 2, 3], upWindow: 300 },
  { name: 'no scale up stabilization', recs: [rec(4, 2), rec(5, 1)], current: 1, desired: 3, stabilized: 3, stored: [4, 5, 3], downWindow: 300 },
  { name: 'no scale down stabilization, reuse recommendation element', recs: [rec(10, 10), rec(9, 9)], current: 100, desired: 3, stabilized: 3, stored: [10, 3] },
  { name: 'no scale up stabilization, reuse recommendation element', recs: [rec(10, 10), rec(9, 9)], current: 1, desired: 100, stabilized: 100, stored: [10, 100] },
  { name: 'scale down stabilization, reuse one of obsolete recommendation element', recs: [rec(10, 10), rec(4, 1), rec(5, 2), rec(9, 9)], current: 100, desired: 3, stabilized: 5, stored: [10, 4, 5, 3], downWindow: 180 },
  { name: 'scale up stabilization, reuse one of obsolete recommendation element', recs: [rec(10, 100), rec(6, 1), rec(5, 2), rec(9, 3)], current: 1, desired: 100, stabilized: 5, stored: [100, 6, 5, 9], upWindow: 300 },
  { name: 'scale up and down stabilization, do not scale up when prenormalized rec goes down', recs: [rec(2, 100), rec(3, 3)], current: 2, desired: 1, stabilized: 2, upWindow: 300, downWindow: 300 },
  { name: 'scale up and down stabilization, do not scale down when prenormalized rec goes up', recs: [rec(2, 100), rec(1, 3)], current: 2, desired: 3, stabilized: 2, upWindow: 300, downWindow: 300 },
];
const normalizeWithBehavior: ConformanceTable = {
  upstream: 'TestNormalizeDesiredReplicasWithBehavior',
  cases: behaviorCases.map(c => ({
    name: c.name,
    run: () => {
      const [up, down] = windows(c.upWindow ?? 0, c.downWindow ?? 0);
      const log = c.recs.map(r => ({ ...r }));
      const stabilized = stabilize(c.desired, c.current, 0, log, up, down);
      storeRecommendation(log, c.desired, 0, oldForBehavior(0, up, down));
      return c.stored ? { stabilized, stored: JSON.stringify(log.map(r => r.value)) } : { stabilized };
    },
    expected: c.stored ? { stabilized: c.stabilized, stored: JSON.stringify(c.stored) } : { stabilized: c.stabilized },
  })),
};

export const NORMALIZATION_TABLES: ConformanceTable[] = [
  convertDesiredReplicasWithRules, ...limitTables, normalizeDesiredReplicas, scalingWithRules, storeScaleEvents, normalizeWithBehavior,
];

describeTables(NORMALIZATION_TABLES);

describe('horizontal_test.go normalization counts', () => {
  test('every ported case agrees', () => {
    const counts = tally(NORMALIZATION_TABLES);
    // eslint-disable-next-line no-console
    console.log(`horizontal_test.go (normalization): ported ${counts.ported}, agreeing ${counts.agreeing}, not expressible ${counts.notExpressible}`);
    expect({ file: COUNTS.normalization.file, tables: NORMALIZATION_TABLES.length, ...counts }).toEqual(COUNTS.normalization);
  });
});
