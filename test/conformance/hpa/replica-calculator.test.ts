/**
 * Conformance: kubernetes/kubernetes pkg/controller/podautoscaler/replica_calculator_test.go (master as stored in
 * the search index, 2026-12-02; see upstream.ts), one table per upstream test function, each case under upstream's
 * name, run through the ported calculator (src/autoscaling/simulator/replica-calculator.ts) and the ported
 * metrics-client reading (metric-calculation.ts).
 */
import {
  ConformanceCase, ConformanceTable, COOL, cpuRequests, DEFAULT_TOLERANCE, describeTables, fakePods, fakeResourceMetrics, HOT, levels,
  MAX_INT32, MAX_INT64, NUM_CONTAINERS_PER_POD, Outcome, Scenario, tally, TEST_SETTINGS, COUNTS,
} from './upstream';
import { resourceMetrics, toMilli } from '../../../src/autoscaling/simulator/metric-calculation';
import { PodPhase, PodReadiness } from '../../../src/autoscaling/simulator/pod';
import {
  calculateRequests, groupPods, resourceReplicas, plainMetricReplicas, objectReplicas, objectPerPodReplicas, externalReplicas, externalPerPodReplicas,
  PodMetricsInfo, PodObject, Tolerances, isError, ZERO_TIME, CalculationResult,
} from '../../../src/autoscaling/simulator/replica-calculator';

const T = DEFAULT_TOLERANCE;
const TOL: Tolerances = { down: T, up: T };
const { RUNNING, PENDING, FAILED, SUCCEEDED } = PodPhase;

function outcome(r: CalculationResult, withRaw: boolean): Outcome {
  if (isError(r)) return { error: r.error };
  return withRaw ? { replicas: r.replicas, utilization: Number(r.usage), raw: r.rawUsage! } : { replicas: r.replicas, usage: r.usage };
}

/** GetResourceReplicas over a scenario (cpu). */
function resource(f: Scenario & { container?: string }, targetUtilization: number, tolerances: Tolerances = TOL): Outcome {
  const metrics = resourceMetrics(fakeResourceMetrics(f), 'cpu', f.container ?? '');
  if (typeof metrics === 'string') return { error: metrics };
  return outcome(resourceReplicas(f.currentReplicas, targetUtilization, 'cpu', tolerances, fakePods(f), metrics, f.container ?? '', TEST_SETTINGS), true);
}

type MetricKind = 'object' | 'objectPerPod' | 'external' | 'externalPerPod' | 'pod';
interface MetricScenario extends Scenario {
  readonly kind: MetricKind;
  readonly metricLevels: ReadonlyArray<number | bigint>;
  readonly target: number | bigint;
}

/** runTest's metric branch: the custom or external metric client and the matching calculator method. */
function metric(f: MetricScenario, tolerances: Tolerances = TOL): Outcome {
  const pods = fakePods(f);
  const values = f.metricLevels.map(v => BigInt(v));
  const target = BigInt(f.target);
  switch (f.kind) {
    case 'object': return outcome(objectReplicas(f.currentReplicas, target, values[0], tolerances, pods), false);
    case 'objectPerPod': return outcome(objectPerPodReplicas(f.currentReplicas, target, values[0], tolerances), false);
    case 'external': return outcome(externalReplicas(f.currentReplicas, target, values, tolerances, pods), false);
    case 'externalPerPod': return outcome(externalPerPodReplicas(f.currentReplicas, target, values, tolerances), false);
    default: {
      if (values.length === 0) return { error: 'no metrics returned from custom metrics API' };
      const metrics: PodMetricsInfo = new Map(values.map((v, i) => [`test-pod-${i}`, { value: v, timestamp: ZERO_TIME, window: 60 }]));
      return outcome(plainMetricReplicas(metrics, f.currentReplicas, target, tolerances, pods, '', TEST_SETTINGS), false);
    }
  }
}

const C = NUM_CONTAINERS_PER_POD;
const one = (name: string, run: () => Outcome, expected: Outcome): ConformanceTable => ({ upstream: name, cases: [{ name, run, expected }] });
const cpu = (name: string, f: Scenario & { container?: string }, target: number,
  replicas: number, utilization: number, raw: number): ConformanceCase =>
  ({ name, run: () => resource(f, target), expected: { replicas, utilization, raw: BigInt(raw) } });

const resourceScale: ConformanceTable = {
  upstream: 'TestReplicaCalcResourceScale',
  cases: [
    cpu('scale up', { currentReplicas: 3, requests: cpuRequests(3, '1.0'), levels: levels(300, 500, 700) }, 30, 5, 50, C * 500),
    cpu('scale up: container metric', { currentReplicas: 3, container: 'container2', requests: cpuRequests(3, '1.0'), levels: [[1000, 300], [1000, 500], [1000, 700]] }, 30, 5, 50, 500),
    cpu('scale up: unready pod scales less', { currentReplicas: 3, podReadiness: ['False', 'True', 'True'], requests: cpuRequests(3, '1.0'), levels: levels(300, 500, 700) }, 30, 4, 60, C * 600),
    cpu('scale up: hot-CPU container scales less', { currentReplicas: 3, podStartTime: [HOT, COOL, COOL], container: 'container2', requests: cpuRequests(3, '1.0'), levels: [[0, 300], [0, 500], [0, 700]] }, 30, 4, 60, 600),
    cpu('scale up: hot-CPU pod scales less', { currentReplicas: 3, podStartTime: [HOT, COOL, COOL], requests: cpuRequests(3, '1.0'), levels: levels(300, 500, 700) }, 30, 4, 60, C * 600),
    cpu('no scale: unready pods ignored', { currentReplicas: 3, podReadiness: ['True', 'False', 'False'], requests: cpuRequests(3, '1.0'), levels: levels(400, 500, 700) }, 30, 3, 40, C * 400),
    cpu('no scale: hot-CPU pods ignored', { currentReplicas: 3, podReadiness: ['True', 'False', 'False'], podStartTime: [COOL, HOT, HOT], requests: cpuRequests(3, '1.0'), levels: levels(400, 500, 700) }, 30, 3, 40, C * 400),
    cpu('scale up: failed pods ignored', { currentReplicas: 2, podReadiness: ['True', 'True', 'False', 'False'], podPhase: [RUNNING, RUNNING, FAILED, FAILED], requests: cpuRequests(4, '1.0'), levels: levels(500, 700) }, 30, 4, 60, C * 600),
    cpu('scale up: failed pods ignored with missing container metric', { currentReplicas: 2, podReadiness: ['True', 'True', 'False', 'False'], podPhase: [RUNNING, RUNNING, FAILED, FAILED], container: 'container2', requests: cpuRequests(4, '1.0'), levels: [[1000, 500], [9000, 700], [1000], [9000]] }, 30, 4, 60, 600),
    cpu('scale up: container metrics with failed pods ignored', { currentReplicas: 2, podReadiness: ['True', 'True', 'False', 'False'], podPhase: [RUNNING, RUNNING, FAILED, FAILED], container: 'container2', requests: cpuRequests(4, '1.0'), levels: [[1000, 500], [9000, 700]] }, 30, 4, 60, 600),
    cpu('scale up: pods being deleted are ignored', { currentReplicas: 2, podReadiness: ['True', 'True', 'False', 'False'], podPhase: [RUNNING, RUNNING, RUNNING, RUNNING], podDeletionTimestamp: [false, false, true, true], requests: cpuRequests(4, '1.0'), levels: levels(500, 700) }, 30, 4, 60, C * 600),
    cpu('scale up: container metrics with pods being deleted ignored', { currentReplicas: 2, podReadiness: ['True', 'True', 'False', 'False'], podPhase: [RUNNING, RUNNING, RUNNING, RUNNING], podDeletionTimestamp: [false, false, true, true], container: 'container1', requests: cpuRequests(4, '1.0'), levels: levels(500, 700) }, 30, 4, 60, 600),
    cpu('scale down', { currentReplicas: 5, requests: cpuRequests(5, '1.0'), levels: levels(100, 300, 500, 250, 250) }, 50, 3, 28, C * 280),
    cpu('scale down: container metric', { currentReplicas: 5, container: 'container2', requests: cpuRequests(5, '1.0'), levels: [[1000, 100], [1000, 300], [1000, 500], [1000, 250], [1000, 250]] }, 50, 3, 28, 280),
    cpu('scale down: exclude unready pods', { currentReplicas: 5, podReadiness: ['True', 'True', 'True', 'False', 'False'], requests: cpuRequests(5, '1.0'), levels: levels(100, 300, 500, 250, 250) }, 50, 2, 30, C * 300),
    cpu('scale down: container metric excludes unready pods', { currentReplicas: 5, podReadiness: ['True', 'True', 'True', 'False', 'False'], container: 'container2', requests: cpuRequests(5, '1.0'), levels: [[1000, 100], [1000, 300], [1000, 500], [1000, 250], [1000, 250]] }, 50, 2, 30, 300),
    cpu('scale down: exclude unscheduled pods', { currentReplicas: 5, podReadiness: ['True', 'False', 'False', 'False', 'False'], podPhase: [RUNNING, PENDING, PENDING, PENDING, PENDING], requests: cpuRequests(5, '1.0'), levels: levels(100) }, 50, 1, 10, C * 100),
    cpu('scale down: container metric excludes unscheduled pods', { currentReplicas: 5, podReadiness: ['True', 'False', 'False', 'False', 'False'], podPhase: [RUNNING, PENDING, PENDING, PENDING, PENDING], container: 'container2', requests: cpuRequests(5, '1.0'), levels: [[1000, 100], [1000, 300], [1000, 500], [1000, 250], [1000, 250]] }, 50, 1, 10, 100),
    cpu('scale down: ignore hot-CPU pods', { currentReplicas: 5, podStartTime: [COOL, COOL, COOL, HOT, HOT], requests: cpuRequests(5, '1.0'), levels: levels(100, 300, 500, 250, 250) }, 50, 2, 30, C * 300),
    cpu('scale down: container metric ignores hot-CPU pods', { currentReplicas: 5, podStartTime: [COOL, COOL, COOL, HOT, HOT], container: 'container2', requests: cpuRequests(5, '1.0'), levels: [[1000, 100], [1000, 300], [1000, 500], [1000, 1000], [1000, 1000]] }, 50, 2, 30, 300),
    cpu('scale down: failed pods ignored', { currentReplicas: 5, podReadiness: ['True', 'True', 'True', 'True', 'True', 'False', 'False'], podPhase: [RUNNING, RUNNING, RUNNING, RUNNING, RUNNING, FAILED, FAILED], requests: cpuRequests(7, '1.0'), levels: levels(100, 300, 500, 250, 250) }, 50, 3, 28, C * 280),
    cpu('scale down: container metric with failed pods ignored', { currentReplicas: 5, podReadiness: ['True', 'True', 'True', 'True', 'True', 'False', 'False'], podPhase: [RUNNING, RUNNING, RUNNING, RUNNING, RUNNING, FAILED, FAILED], container: 'container2', requests: cpuRequests(7, '1.0'), levels: [[1000, 100], [1000, 300], [1000, 500], [1000, 250], [1000, 250]] }, 50, 3, 28, 280),
    cpu('scale down: pods being deleted are ignored', { currentReplicas: 5, podReadiness: ['True', 'True', 'True', 'True', 'True', 'False', 'False'], podPhase: Array(7).fill(RUNNING), podDeletionTimestamp: [false, false, false, false, false, true, true], requests: cpuRequests(7, '1.0'), levels: levels(100, 300, 500, 250, 250) }, 50, 3, 28, C * 280),
    cpu('scale down: still-running pods being deleted are ignored', { currentReplicas: 5, podReadiness: ['True', 'True', 'True', 'True', 'True', 'False', 'False'], podPhase: Array(7).fill(RUNNING), podDeletionTimestamp: [false, false, false, false, false, true, true], container: 'container2', requests: cpuRequests(7, '1.0'), levels: [[1000, 100], [1000, 300], [1000, 500], [1000, 250], [1000, 250]] }, 50, 3, 28, 280),
  ],
};

const OBJ = 'object' as const;
const PER_OBJ = 'objectPerPod' as const;
const EXT = 'external' as const;
const PER_EXT = 'externalPerPod' as const;
const POD = 'pod' as const;
const m = (f: MetricScenario, tolerances?: Tolerances) => () => metric(f, tolerances);
const cpuCase = (f: Scenario, target: number, tolerances?: Tolerances) => () => resource(f, target, tolerances);
const r1 = (...q: string[]) => q;

const singles: ConformanceTable[] = [
  one('TestReplicaCalcDisjointResourcesMetrics', cpuCase({ currentReplicas: 1, requests: r1('1.0'), levels: levels(100), podNames: ['an-older-pod-name'] }, 100),
    { error: 'no metrics returned matched known pods' }),
  one('TestReplicaCalcScaleUpOverflow', m({ currentReplicas: 3, kind: OBJ, metricLevels: [MAX_INT64], target: 1 }), { replicas: MAX_INT32, usage: MAX_INT64 }),
  one('TestExternalPerPodMetricReplicaOverflow', m({ currentReplicas: 1, kind: PER_EXT, metricLevels: [MAX_INT64], target: 1 }), { replicas: MAX_INT32, usage: MAX_INT64 }),
  one('TestExternalPerPodMetricUsageOverflow', m({ currentReplicas: 1, kind: PER_EXT, metricLevels: [MAX_INT64], target: MAX_INT64 }), { replicas: 1, usage: MAX_INT64 }),
  one('TestReplicaCalcScaleUpCM', m({ currentReplicas: 3, kind: POD, metricLevels: [20000, 10000, 30000], target: 15000 }), { replicas: 4, usage: 20000n }),
  one('TestReplicaCalcScaleUpCMUnreadyHotCpuNoLessScale', m({ currentReplicas: 3, podReadiness: ['True', 'True', 'False'], podStartTime: [COOL, COOL, HOT], kind: POD, metricLevels: [50000, 10000, 30000], target: 15000 }), { replicas: 6, usage: 30000n }),
  one('TestReplicaCalcScaleUpCMUnreadyHotCpuScaleWouldScaleDown', m({ currentReplicas: 3, podReadiness: ['False', 'True', 'False'], podStartTime: [HOT, COOL, HOT], kind: POD, metricLevels: [50000, 15000, 30000], target: 15000 }), { replicas: 7, usage: 31666n }),
  one('TestReplicaCalcScaleUpCMObject', m({ currentReplicas: 3, kind: OBJ, metricLevels: [20000], target: 15000 }), { replicas: 4, usage: 20000n }),
  one('TestReplicaCalcScaleUpCMPerPodObject', m({ currentReplicas: 3, kind: PER_OBJ, metricLevels: [20000], target: 5000 }), { replicas: 4, usage: 6667n }),
  one('TestReplicaCalcScaleUpCMObjectIgnoresUnreadyPods', m({ currentReplicas: 3, podReadiness: ['False', 'True', 'False'], kind: OBJ, metricLevels: [50000], target: 10000 }), { replicas: 5, usage: 50000n }),
  one('TestReplicaCalcScaleUpCMExternalIgnoresUnreadyPods', m({ currentReplicas: 3, podReadiness: ['False', 'True', 'False'], kind: EXT, metricLevels: [8600], target: 4400 }), { replicas: 2, usage: 8600n }),
  one('TestReplicaCalcScaleUpPerPodCMExternal', m({ currentReplicas: 3, kind: PER_EXT, metricLevels: [8600], target: 2150 }), { replicas: 4, usage: 2867n }),
  one('TestReplicaCalcScaleDownCM', m({ currentReplicas: 5, kind: POD, metricLevels: [12000, 12000, 12000, 12000, 12000], target: 20000 }), { replicas: 3, usage: 12000n }),
  one('TestReplicaCalcScaleDownPerPodCMObject', m({ currentReplicas: 5, kind: PER_OBJ, metricLevels: [6000], target: 2000 }), { replicas: 3, usage: 1200n }),
  one('TestReplicaCalcScaleDownCMObject', m({ currentReplicas: 5, kind: OBJ, metricLevels: [12000], target: 20000 }), { replicas: 3, usage: 12000n }),
  one('TestReplicaCalcScaleDownCMExternal', m({ currentReplicas: 5, kind: EXT, metricLevels: [8600], target: 14334 }), { replicas: 3, usage: 8600n }),
  one('TestReplicaCalcScaleDownPerPodCMExternal', m({ currentReplicas: 5, kind: PER_EXT, metricLevels: [8600], target: 2867 }), { replicas: 3, usage: 1720n }),
  one('TestReplicaCalcTolerance', cpuCase({ currentReplicas: 3, requests: r1('0.9', '1.0', '1.1'), levels: levels(1010, 1030, 1020) }, 100), { replicas: 3, utilization: 102, raw: BigInt(C * 1020) }),
  one('TestReplicaCalcToleranceCM', m({ currentReplicas: 3, kind: POD, metricLevels: [20000, 21000, 21000], target: 20000 }), { replicas: 3, usage: 20666n }),
  one('TestReplicaCalcToleranceCMObject', m({ currentReplicas: 3, kind: OBJ, metricLevels: [20666], target: 20000 }), { replicas: 3, usage: 20666n }),
  one('TestReplicaCalcTolerancePerPodCMObject', m({ currentReplicas: 4, kind: PER_OBJ, metricLevels: [20166], target: 5000 }), { replicas: 4, usage: 5042n }),
  one('TestReplicaCalcToleranceCMExternal', m({ currentReplicas: 3, kind: EXT, metricLevels: [8600], target: 8888 }), { replicas: 3, usage: 8600n }),
  one('TestReplicaCalcTolerancePerPodCMExternal', m({ currentReplicas: 3, kind: PER_EXT, metricLevels: [8600], target: 2900 }), { replicas: 3, usage: 2867n }),
];

const REQ3 = r1('0.9', '1.0', '1.1');
const configurableTolerance: ConformanceTable = {
  upstream: 'TestReplicaCalcConfigurableTolerance',
  cases: [
    { name: 'Outside of a 0% tolerance', run: cpuCase({ currentReplicas: 3, requests: REQ3, levels: levels(909, 1010, 1111) }, 100, { down: 0, up: 0 }), expected: { replicas: 4, utilization: 101, raw: BigInt(C * 1010) } },
    { name: 'Within a 200% scale-up tolerance', run: cpuCase({ currentReplicas: 3, requests: REQ3, levels: levels(1890, 1910, 1900) }, 100, { down: T, up: 2 }), expected: { replicas: 3, utilization: 190, raw: BigInt(C * 1900) } },
    { name: 'Outside 8% scale-up tolerance (and superfuous scale-down tolerance)', run: cpuCase({ currentReplicas: 3, requests: REQ3, levels: levels(1100, 1080, 1090) }, 100, { down: 2, up: 0.08 }), expected: { replicas: 4, utilization: 109, raw: BigInt(C * 1090) } },
    { name: 'Within a 36% scale-down tolerance', run: cpuCase({ currentReplicas: 3, requests: REQ3, levels: levels(660, 640, 650) }, 100, { down: 0.36, up: T }), expected: { replicas: 3, utilization: 65, raw: BigInt(C * 650) } },
    { name: 'Outside a 34% scale-down tolerance', run: cpuCase({ currentReplicas: 3, requests: REQ3, levels: levels(660, 640, 650) }, 100, { down: 0.34, up: T }), expected: { replicas: 2, utilization: 65, raw: BigInt(C * 650) } },
  ],
};

const UP1: Tolerances = { down: T, up: 0.01 };
const REQ4 = cpuRequests(4, '1.0');
const moreSingles: ConformanceTable[] = [
  one('TestReplicaCalcConfigurableToleranceCM', m({ currentReplicas: 3, kind: POD, metricLevels: [20000, 21000, 21000], target: 20000 }, UP1), { replicas: 4, usage: 20666n }),
  one('TestReplicaCalcConfigurableToleranceCMObject', m({ currentReplicas: 3, kind: OBJ, metricLevels: [20666], target: 20000 }, UP1), { replicas: 4, usage: 20666n }),
  one('TestReplicaCalcConfigurableTolerancePerPodCMObject', m({ currentReplicas: 4, kind: PER_OBJ, metricLevels: [20208], target: 5000 }, UP1), { replicas: 5, usage: 5052n }),
  one('TestReplicaCalcConfigurableToleranceCMExternal', m({ currentReplicas: 3, kind: EXT, metricLevels: [8900], target: 8800 }, UP1), { replicas: 4, usage: 8900n }),
  one('TestReplicaCalcConfigurableTolerancePerPodCMExternal', m({ currentReplicas: 3, kind: PER_EXT, metricLevels: [8600], target: 2800 }, UP1), { replicas: 4, usage: 2867n }),
  one('TestReplicaCalcSuperfluousMetrics', cpuCase({ currentReplicas: 4, requests: REQ4, levels: levels(4000, 9500, 3000, 7000, 3200, 2000) }, 100), { replicas: 24, utilization: 587, raw: BigInt(C * 5875) }),
  one('TestReplicaCalcMissingMetrics', cpuCase({ currentReplicas: 4, requests: REQ4, levels: levels(400, 95) }, 100), { replicas: 3, utilization: 24, raw: 495n }),
  one('TestReplicaCalcEmptyMetrics', cpuCase({ currentReplicas: 4, requests: cpuRequests(3, '1.0'), levels: levels() }, 100),
    { error: 'unable to get metrics for resource cpu: no metrics returned from resource metrics API' }),
  one('TestReplicaCalcEmptyCPURequest', cpuCase({ currentReplicas: 1, requests: [], levels: levels(200) }, 100), { error: 'missing request for' }),
  one('TestPlainMetricReplicaCalcMissingMetricsNoChangeEq', m({ currentReplicas: 5, kind: POD, metricLevels: [20000, 19000, 21000], target: 20000 }), { replicas: 5, usage: 20000n }),
  one('TestReplicaCalcMissingMetricsNoChangeEq', cpuCase({ currentReplicas: 2, requests: cpuRequests(2, '1.0'), levels: levels(1000) }, 100), { replicas: 2, utilization: 100, raw: BigInt(C * 1000) }),
  one('TestReplicaCalcMissingMetricsNoChangeGt', cpuCase({ currentReplicas: 2, requests: cpuRequests(2, '1.0'), levels: levels(1900) }, 100), { replicas: 2, utilization: 190, raw: BigInt(C * 1900) }),
  one('TestReplicaCalcMissingMetricsNoChangeLt', cpuCase({ currentReplicas: 2, requests: cpuRequests(2, '1.0'), levels: levels(600) }, 100), { replicas: 2, utilization: 60, raw: BigInt(C * 600) }),
  one('TestReplicaCalcMissingMetricsUnreadyChange', cpuCase({ currentReplicas: 3, podReadiness: ['False', 'True', 'True'], requests: cpuRequests(3, '1.0'), levels: levels(100, 450) }, 50), { replicas: 3, utilization: 45, raw: BigInt(C * 450) }),
  one('TestReplicaCalcMissingMetricsHotCpuNoChange', cpuCase({ currentReplicas: 3, podStartTime: [HOT, COOL, COOL], requests: cpuRequests(3, '1.0'), levels: levels(100, 450) }, 50), { replicas: 3, utilization: 45, raw: BigInt(C * 450) }),
  one('TestReplicaCalcMissingMetricsUnreadyScaleUp', cpuCase({ currentReplicas: 3, podReadiness: ['False', 'True', 'True'], requests: cpuRequests(3, '1.0'), levels: levels(100, 2000) }, 50), { replicas: 4, utilization: 200, raw: BigInt(C * 2000) }),
  one('TestReplicaCalcMissingMetricsHotCpuScaleUp', cpuCase({ currentReplicas: 3, podReadiness: ['False', 'True', 'True'], podStartTime: [HOT, COOL, COOL], requests: cpuRequests(3, '1.0'), levels: levels(100, 2000) }, 50), { replicas: 4, utilization: 200, raw: BigInt(C * 2000) }),
  one('TestReplicaCalcMissingMetricsUnreadyScaleDown', cpuCase({ currentReplicas: 4, podReadiness: ['False', 'True', 'True', 'True'], requests: REQ4, levels: levels(100, 100, 100) }, 50), { replicas: 3, utilization: 10, raw: BigInt(C * 100) }),
  one('TestReplicaCalcMissingMetricsScaleDownTargetOver100', cpuCase({ currentReplicas: 4, podReadiness: ['False', 'True', 'True', 'True'], requests: r1('1.0', '1.0', '2.0', '2.0'), levels: levels(200, 100, 100) }, 300), { replicas: 2, utilization: 6, raw: BigInt(C * 100) }),
  one('TestReplicaCalcDuringRollingUpdateWithMaxSurge', cpuCase({ currentReplicas: 2, podPhase: [RUNNING, RUNNING, RUNNING], requests: cpuRequests(3, '1.0'), levels: levels(100, 100) }, 50), { replicas: 2, utilization: 10, raw: BigInt(C * 100) }),
  one('TestReplicaCalcDuringRollingUpdateWithMaxSurgeCM', m({ currentReplicas: 2, podPhase: [RUNNING, RUNNING, RUNNING], kind: POD, metricLevels: [10000, 10000], target: 17000 }), { replicas: 2, usage: 10000n }),
];

/** TestReplicaCalcComputedToleranceAlgImplementation: its arithmetic in Go's int32 / float64, then both runs. */
function computedTolerance(): ConformanceTable {
  const startPods = 10;
  const totalUsed = startPods * 150;
  const totalRequested = 2 * totalUsed;
  const requestedToUsed = Math.trunc(totalRequested / totalUsed);
  const perPodRequested = totalRequested / startPods;
  let target = Math.abs(1 / (requestedToUsed * (1 - T))) + 0.01;
  const finalTarget = Math.trunc(target * 100);
  const usedRatio = totalUsed / (totalRequested * target);
  const finalPods = Math.ceil(usedRatio * startPods);
  const requests = [100, -100, 10, -10, 2, -2, 1, -1, 0, 0].map(d => `${perPodRequested + d}m`);
  const f: Scenario = { currentReplicas: startPods, requests, levels: levels(...Array(10).fill(totalUsed / 10)) };
  const expected = { utilization: Math.trunc(totalUsed * 100 / totalRequested), raw: BigInt(C * totalUsed / 10) };
  target = Math.abs(1 / (requestedToUsed * (1 - T))) + 0.004;
  const closeTarget = Math.trunc(target * 100);
  return {
    upstream: 'TestReplicaCalcComputedToleranceAlgImplementation',
    cases: [
      { name: 'TestReplicaCalcComputedToleranceAlgImplementation (minimal scale-down)', run: cpuCase(f, finalTarget), expected: { replicas: finalPods, ...expected } },
      { name: 'TestReplicaCalcComputedToleranceAlgImplementation (within the margin: no scaling)', run: cpuCase(f, closeTarget), expected: { replicas: startPods, ...expected } },
    ],
  };
}

// TestGroupPods: pods as upstream builds them ("now" is 0, times in seconds)
interface GroupPod {
  name: string;
  phase?: PodPhase;
  start?: number;
  ready?: { status: PodReadiness; at: number };
  deleted?: boolean;
}
const gp = (p: GroupPod): PodObject => ({
  name: p.name,
  phase: p.phase ?? SUCCEEDED,
  readiness: p.ready?.status ?? PodReadiness.ABSENT,
  readinessChangedAt: p.ready?.at ?? ZERO_TIME,
  startedAt: p.start,
  deleting: p.deleted ?? false,
  containers: [],
  podRequests: new Map(),
});
const pm = (value: number, timestamp = ZERO_TIME, window = 0) => ({ value: BigInt(value), timestamp, window });
function groupCase(name: string, pods: GroupPod[], metrics: Record<string, ReturnType<typeof pm>>, resourceName: string,
  ready: number, unready: string[], missing: string[], ignored: string[]): ConformanceCase {
  return {
    name,
    run: () => {
      const g = groupPods(pods.map(gp), new Map(Object.entries(metrics)), resourceName, TEST_SETTINGS);
      return { ready: g.ready, unready: [...g.unready].sort(), missing: [...g.missing].sort(), ignored: [...g.ignored].sort() };
    },
    expected: { ready, unready, missing, ignored },
  };
}
const { TRUE, FALSE } = PodReadiness;
const groupPodsTable: ConformanceTable = {
  upstream: 'TestGroupPods',
  cases: [
    groupCase('void', [], {}, 'cpu', 0, [], [], []),
    groupCase('count in a ready pod - memory', [{ name: 'bentham' }], { bentham: pm(1, 0, 60) }, 'memory', 1, [], [], []),
    groupCase('unready a pod without ready condition - CPU', [{ name: 'lucretius', start: 0 }], { lucretius: pm(1) }, 'cpu', 0, ['lucretius'], [], []),
    groupCase('count in a ready pod with fresh metrics during initialization period - CPU',
      [{ name: 'bentham', start: -60, ready: { status: TRUE, at: -30 } }], { bentham: pm(1, 0, 30) }, 'cpu', 1, [], [], []),
    groupCase('unready a ready pod without fresh metrics during initialization period - CPU',
      [{ name: 'bentham', start: -60, ready: { status: TRUE, at: -30 } }], { bentham: pm(1, 0, 60) }, 'cpu', 0, ['bentham'], [], []),
    groupCase('unready an unready pod during initialization period - CPU',
      [{ name: 'lucretius', start: -600, ready: { status: FALSE, at: -594 } }], { lucretius: pm(1) }, 'cpu', 0, ['lucretius'], [], []),
    groupCase('count in a ready pod without fresh metrics after initialization period - CPU',
      [{ name: 'bentham', start: -180, ready: { status: TRUE, at: -180 } }], { bentham: pm(1, -120, 60) }, 'cpu', 1, [], [], []),
    groupCase('count in an unready pod that was ready after initialization period - CPU',
      [{ name: 'lucretius', start: -600, ready: { status: FALSE, at: -540 } }], { lucretius: pm(1) }, 'cpu', 1, [], [], []),
    groupCase('unready pod that has never been ready after initialization period - CPU',
      [{ name: 'lucretius', start: -600, ready: { status: FALSE, at: -590 } }], { lucretius: pm(1) }, 'cpu', 1, [], [], []),
    groupCase('a missing pod', [{ name: 'epicurus', start: -180 }], {}, 'cpu', 0, [], ['epicurus'], []),
    groupCase('several pods', [
      { name: 'lucretius', start: 0 },
      { name: 'niccolo', start: -180, ready: { status: TRUE, at: -180 } },
      { name: 'epicurus', start: -180 },
    ], { lucretius: pm(1), niccolo: pm(1) }, 'cpu', 1, ['lucretius'], ['epicurus'], []),
    groupCase('pending pods are unreadied', [{ name: 'unscheduled', phase: PENDING }], {}, 'cpu', 0, ['unscheduled'], [], []),
    groupCase('ignore pods with deletion timestamps', [{ name: 'deleted', phase: PENDING, deleted: true }], { deleted: pm(1) }, 'cpu', 0, [], [], ['deleted']),
    groupCase('ignore pods in a failed state', [{ name: 'failed', phase: FAILED }], { failed: pm(1) }, 'cpu', 0, [], [], ['failed']),
  ],
};

// TestCalculateRequests
interface RequestPod {
  containers: Array<[string, number?]>;
  init?: Array<[string, number, boolean]>;
  podLevel?: number;
}
const rp = (p: RequestPod): PodObject => ({
  name: 'test-pod',
  phase: RUNNING,
  readiness: TRUE,
  readinessChangedAt: ZERO_TIME,
  startedAt: ZERO_TIME,
  deleting: false,
  containers: [
    ...p.containers.map(([name, milli]) => ({ name, requests: new Map(milli === undefined ? [] : [['cpu', BigInt(milli)]]) as Map<string, bigint>, sidecar: false })),
    // regular init containers are not part of the running pod's requests
    ...(p.init ?? []).filter(([, , always]) => always).map(([name, milli]) => ({ name, requests: new Map([['cpu', BigInt(milli)]]), sidecar: true })),
  ],
  podRequests: new Map(p.podLevel === undefined ? [] : [['cpu', BigInt(p.podLevel)]]),
});
function requestsCase(name: string, pods: RequestPod[], container: string, podLevel: boolean, expected: Outcome): ConformanceCase {
  return {
    name,
    run: () => {
      const r = calculateRequests(pods.map(rp), container, 'cpu', podLevel);
      return r instanceof Map ? { requests: JSON.stringify(Object.fromEntries([...r].map(([k, v]) => [k, Number(v)]))) } : { error: r.error };
    },
    expected,
  };
}
const req = (o: Record<string, number>) => ({ requests: JSON.stringify(o) });
const TWO: RequestPod = { containers: [['container1', 100], ['container2', 50]] };
const calculateRequestsTable: ConformanceTable = {
  upstream: 'TestCalculateRequests',
  cases: [
    requestsCase('void', [], '', false, req({})),
    requestsCase('Sum container requests if pod-level feature is disabled', [TWO], '', false, req({ 'test-pod': 150 })),
    requestsCase('Pod-level resources are enabled, but not set: fallback to sum container requests', [TWO], '', true, req({ 'test-pod': 150 })),
    requestsCase('Pod-level resources override container requests when feature enabled and pod resources specified', [{ ...TWO, podLevel: 800 }], '', true, req({ 'test-pod': 800 })),
    requestsCase('Fail if at least one of the containers is missing requests and pod-level feature/requests are not set',
      [{ containers: [['container1'], ['container2', 50]] }], '', false, { error: 'missing request for cpu in container container1 of Pod test-pod' }),
    requestsCase('Pod-level resources override missing container requests when feature enabled and pod resources specified',
      [{ containers: [['container1'], ['container2', 50]], podLevel: 800 }], '', true, req({ 'test-pod': 800 })),
    requestsCase('Container: if a container name is specified, calculate requests only for that container', [TWO], 'container1', false, req({ 'test-pod': 100 })),
    requestsCase('Container: if a container name is specified, calculate requests only for that container and ignore pod-level requests',
      [{ ...TWO, podLevel: 800 }], 'container1', true, req({ 'test-pod': 100 })),
    requestsCase('pod with restartable init containers',
      [{ containers: [['container1', 100]], init: [['init-container1', 20, false], ['restartable-container1', 50, true]] }], '', false, req({ 'test-pod': 150 })),
  ],
};

const lastTables: ConformanceTable[] = [
  one('TestCalculatePodRequestsFromContainers_NonExistentContainer', () => {
    const r = calculateRequests([rp({ containers: [['container1', 100]] })], 'non-existent-container', 'cpu', false);
    return r instanceof Map ? { requests: r.size } : { error: r.error };
  }, { error: 'container non-existent-container not found in Pod test-pod' }),
  one('TestReplicaCalcExternalMetricUsageOverflow', m({ currentReplicas: 3, kind: EXT, metricLevels: [MAX_INT64 / 2n + 1n, MAX_INT64 / 2n + 1n], target: MAX_INT64 }), { replicas: 3, usage: MAX_INT64 }),
];

export const REPLICA_CALCULATOR_TABLES: ConformanceTable[] = [
  resourceScale, ...singles, configurableTolerance, ...moreSingles, computedTolerance(), groupPodsTable, calculateRequestsTable, ...lastTables,
];

describeTables(REPLICA_CALCULATOR_TABLES);

describe('replica_calculator_test.go counts', () => {
  test('every upstream case is ported and agrees; none is out of reach', () => {
    const counts = tally(REPLICA_CALCULATOR_TABLES);
    // eslint-disable-next-line no-console
    console.log(`replica_calculator_test.go: ported ${counts.ported}, agreeing ${counts.agreeing}, not expressible ${counts.notExpressible}`);
    expect({ file: COUNTS.replicaCalculator.file, tables: REPLICA_CALCULATOR_TABLES.length, ...counts }).toEqual(COUNTS.replicaCalculator);
  });

  test('a milli-unit target reads as Quantity.MilliValue() does (rounded up)', () => {
    expect(toMilli(0.0005)).toBe(1n);
    expect(toMilli(1.5)).toBe(1500n);
  });
});
