/**
 * Shared helpers of the HPA conformance tables: the upstream test fixtures rebuilt over the ported calculator,
 * and the tally each table reports (ported / agreeing / not expressible).
 *
 * Upstream read: kubernetes/kubernetes pkg/controller/podautoscaler at master as stored in the search index on
 * 2026-12-02 (the version after the 1.35 `calcScenario` refactor of replica_calculator_test.go; read_file id
 * 51982554829 for replica_calculator_test.go, 4233727116 for replica_calculator.go). The index does not give
 * the commit of these stored copies; it does not hold the tagged v1.35.0 files either.
 */
import { parseQuantity } from '../../../src/autoscaling/quantity';
import { RawPodMetrics, toMilli } from '../../../src/autoscaling/simulator/metric-calculation';
import { PodPhase, PodReadiness } from '../../../src/autoscaling/simulator/pod';
import { CalculatorSettings, PodObject, ZERO_TIME } from '../../../src/autoscaling/simulator/replica-calculator';

/** defaultTestingCPUInitializationPeriod, defaultTestingDelayOfInitialReadinessStatus; "now" is 0. */
export const TEST_SETTINGS: CalculatorSettings = { cpuInitializationPeriod: 120, initialReadinessDelay: 10, now: 0, podLevelResources: false };
export const DEFAULT_TOLERANCE = 0.1;
/** hotCPUCreationTime(): now; coolCPUCreationTime(): three minutes ago. */
export const HOT = 0;
export const COOL = -180;
export const NUM_CONTAINERS_PER_POD = 2;
export const MAX_INT32 = 2 ** 31 - 1;
export const MAX_INT64 = 2n ** 63n - 1n;

/** makePodMetricLevels: every container of pod i reports level i. */
export function levels(...perPod: number[]): number[][] {
  return perPod.map(l => Array.from({ length: NUM_CONTAINERS_PER_POD }, () => l));
}

/** cpuRequests(n, val). */
export function cpuRequests(n: number, val: string): string[] {
  return Array.from({ length: n }, () => val);
}

/** calcScenario / replicaCalcTestCase: pods, their state and their resource metrics. */
export interface Scenario {
  readonly currentReplicas: number;
  readonly requests?: readonly string[];
  /** levels[i][j]: usage of container j+1 in pod i (milli). */
  readonly levels?: ReadonlyArray<readonly number[]>;
  readonly podNames?: readonly string[];
  readonly podReadiness?: ReadonlyArray<'True' | 'False'>;
  readonly podStartTime?: readonly number[];
  readonly podPhase?: readonly PodPhase[];
  readonly podDeletionTimestamp?: readonly boolean[];
}

/** newFakePodClient + buildFakePod: the pods the lister returns. */
export function fakePods(f: Scenario): PodObject[] {
  const count = Math.max(f.currentReplicas, f.podPhase?.length ?? 0);
  return Array.from({ length: count }, (_, i) => {
    const request = f.requests && i < f.requests.length ? toMilli(parseQuantity(f.requests[i])!) : undefined;
    const requests = new Map<string, bigint>(request !== undefined ? [['cpu', request]] : []);
    return {
      name: `test-pod-${i}`,
      phase: f.podPhase?.[i] ?? PodPhase.RUNNING,
      readiness: f.podReadiness && i < f.podReadiness.length ? f.podReadiness[i] as PodReadiness : PodReadiness.TRUE,
      readinessChangedAt: ZERO_TIME,
      // a zero metav1.Time when unset, not nil
      startedAt: f.podStartTime?.[i] ?? ZERO_TIME,
      deleting: f.podDeletionTimestamp?.[i] ?? false,
      containers: [{ name: 'container1', requests, sidecar: false }, { name: 'container2', requests, sidecar: false }],
      podRequests: new Map(),
    };
  });
}

/** newFakeResourceMetricsClient: one PodMetrics per level row, two container slots, timestamp zero, window 1 min. */
export function fakeResourceMetrics(f: Scenario): RawPodMetrics[] {
  return (f.levels ?? []).map((row, i) => ({
    name: f.podNames && i < f.podNames.length ? f.podNames[i] : `test-pod-${i}`,
    timestamp: ZERO_TIME,
    window: 60,
    containers: Array.from({ length: NUM_CONTAINERS_PER_POD }, (_, j) => j < row.length
      ? { name: `container${j + 1}`, usage: new Map([['cpu', BigInt(row[j])]]) }
      : { name: '' }),
  }));
}

/** The result of one case, compared field by field with upstream's expectations. */
export type Outcome = Record<string, number | bigint | string | boolean | string[] | undefined>;

/** One upstream case: its name, what upstream expects, and our run of it (undefined: not expressible). */
export interface ConformanceCase {
  readonly name: string;
  readonly expected: Outcome;
  readonly run?: () => Outcome;
  /** Why our model cannot express the case. */
  readonly notExpressible?: string;
}

/** One table: the upstream test function it ports and its cases. */
export interface ConformanceTable {
  readonly upstream: string;
  readonly cases: readonly ConformanceCase[];
}

/** Whether `actual` agrees with `expected` on every field upstream asserts (an error: by substring). */
export function agrees(expected: Outcome, actual: Outcome): boolean {
  return Object.entries(expected).every(([k, v]) => k === 'error'
    ? typeof actual.error === 'string' && actual.error.includes(v as string)
    : JSON.stringify(actual[k], (_, x) => typeof x === 'bigint' ? x.toString() : x) === JSON.stringify(v, (_, x) => typeof x === 'bigint' ? x.toString() : x));
}

/**
 * What each conformance file ports and how it fares; its test asserts these, and docs/autoscaling.md shows them
 * (checked by test/autoscaling/readme.test.ts).
 */
export const COUNTS = {
  replicaCalculator: { file: 'replica_calculator_test.go', tables: 51, ported: 100, agreeing: 100, notExpressible: 0 },
  normalization: { file: 'horizontal_test.go (normalization)', tables: 7, ported: 73, agreeing: 73, notExpressible: 0 },
  controller: { file: 'horizontal_test.go (controller)', tables: 81, ported: 85, agreeing: 74, notExpressible: 11 },
};

export interface Tally {
  readonly ported: number;
  readonly agreeing: number;
  readonly notExpressible: number;
}

export function tally(tables: readonly ConformanceTable[]): Tally {
  const cases = tables.flatMap(t => t.cases);
  return {
    ported: cases.length,
    agreeing: cases.filter(c => c.run && agrees(c.expected, c.run())).length,
    notExpressible: cases.filter(c => !c.run).length,
  };
}

/** Registers one jest test per case, named `<upstream function> / <case>`. */
export function describeTables(tables: readonly ConformanceTable[]): void {
  for (const table of tables) {
    describe(table.upstream, () => {
      for (const c of table.cases.filter(x => x.run)) {
        test(c.name, () => {
          const actual = c.run!();
          // the whole outcome in the message when it disagrees
          expect({ agrees: agrees(c.expected, actual), actual: JSON.parse(JSON.stringify(actual, (_, x) => typeof x === 'bigint' ? x.toString() : x)) })
            .toMatchObject({ agrees: true });
        });
      }
    });
  }
}
