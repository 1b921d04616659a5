/**
 * The per-metric replica count of the HPA controller, ported from kubernetes/kubernetes
 * pkg/controller/podautoscaler/replica_calculator.go (ReplicaCalculator, groupPods, calculateRequests) and
 * metrics/utilization.go (GetResourceUtilizationRatio, GetMetricUsageRatio), over pod objects and
 * metric maps as the controller lists them. Values are milli-units in 64-bit integers (bigint here), ratios
 * float64 (number), replica counts int32, as upstream. Pure; internal.
 */
import { PodPhase, PodReadiness } from './pod';

export const MAX_INT32 = 2 ** 31 - 1;
export const MAX_INT64 = 2n ** 63n - 1n;
/** Go's zero `time.Time` (year 1) in seconds on a clock where 0 is 1970: what an unset timestamp compares as. */
export const ZERO_TIME = -62135596800;

/** Scale-down and scale-up tolerances of one HPA (Tolerances). */
export interface Tolerances {
  readonly down: number;
  readonly up: number;
}

/** Tolerances.isWithin. */
export function withinTolerance(ratio: number, t: Tolerances): boolean {
  return (1 - t.down) <= ratio && ratio <= (1 + t.up);
}

/** A container of a pod object: requests in milli-units. */
export interface PodContainer {
  readonly name: string;
  readonly requests: ReadonlyMap<string, bigint>;
  /** An init container with restartPolicy Always. */
  readonly sidecar: boolean;
}

/** A pod object as groupPods and calculateRequests read it. Times in seconds. */
export interface PodObject {
  readonly name: string;
  readonly phase: PodPhase;
  readonly readiness: PodReadiness;
  readonly readinessChangedAt: number;
  /** undefined: status.startTime is nil. */
  readonly startedAt: number | undefined;
  readonly deleting: boolean;
  readonly containers: readonly PodContainer[];
  /** Pod-level requests, milli-units; empty when unset. */
  readonly podRequests: ReadonlyMap<string, bigint>;
}

/** One pod's metric (PodMetric). */
export interface PodMetric {
  readonly value: bigint;
  readonly timestamp: number;
  readonly window: number;
}

/** PodMetricsInfo: metrics by pod name. */
export type PodMetricsInfo = Map<string, PodMetric>;

/** The controller settings the calculator reads. */
export interface CalculatorSettings {
  /** --horizontal-pod-autoscaler-cpu-initialization-period, seconds. */
  readonly cpuInitializationPeriod: number;
  /** --horizontal-pod-autoscaler-initial-readiness-delay, seconds. */
  readonly initialReadinessDelay: number;
  /** The sync's time. */
  readonly now: number;
  /** Whether the PodLevelResources feature is on. */
  readonly podLevelResources: boolean;
}

/** What one metric asks for, or why it could not be computed. */
export interface Calculation {
  readonly replicas: number;
  /** The usage reported: utilization percent, or milli-units. */
  readonly usage: bigint;
  /** Resource Utilization only: the average raw value, milli-units. */
  readonly rawUsage?: bigint;
  /** The ratio the count was decided on (after the recount when there was one). */
  readonly ratio: number;
  /** The current count was kept: within tolerance, or the recount would reverse the direction. */
  readonly kept: boolean;
}

/** A calculation, or the controller's error for it. */
export type CalculationResult = Calculation | { readonly error: string };

export function isError(r: CalculationResult): r is { readonly error: string } {
  return (r as { error?: string }).error !== undefined;
}

function ceilInt32(x: number): number {
  // int32(math.Ceil(x)) where upstream caps; callers that do not cap in upstream never reach it with our inputs
  return x > MAX_INT32 ? MAX_INT32 : Math.ceil(x);
}

/** groupPods. */
export function groupPods(pods: readonly PodObject[], metrics: PodMetricsInfo, resource: string, s: CalculatorSettings) {
  const unready = new Set<string>();
  const missing = new Set<string>();
  const ignored = new Set<string>();
  let ready = 0;
  for (const pod of pods) {
    if (pod.deleting || pod.phase === PodPhase.FAILED) {
      ignored.add(pod.name);
      continue;
    }
    if (pod.phase === PodPhase.PENDING) {
      unready.add(pod.name);
      continue;
    }
    const metric = metrics.get(pod.name);
    if (!metric) {
      missing.add(pod.name);
      continue;
    }
    if (resource === 'cpu') {
      let isUnready: boolean;
      if (pod.readiness === PodReadiness.ABSENT || pod.startedAt === undefined) {
        isUnready = true;
      } else if (pod.startedAt + s.cpuInitializationPeriod > s.now) {
        // within the initialization period: unready, or no full metric window since the last transition
        isUnready = pod.readiness === PodReadiness.FALSE || metric.timestamp < pod.readinessChangedAt + metric.window;
      } else {
        // after it: unready only if it has never been ready
        isUnready = pod.readiness === PodReadiness.FALSE && pod.startedAt + s.initialReadinessDelay > pod.readinessChangedAt;
      }
      if (isUnready) {
        unready.add(pod.name);
        continue;
      }
    }
    ready++;
  }
  return { ready, unready, missing, ignored };
}

/** calculateRequests (with calculatePodLevelRequests and calculatePodRequestsFromContainers). */
export function calculateRequests(pods: readonly PodObject[], container: string, resource: string,
  podLevelResources: boolean): Map<string, bigint> | { error: string } {
  const requests = new Map<string, bigint>();
  for (const pod of pods) {
    const podLevelSet = pod.podRequests.has('cpu') || pod.podRequests.has('memory');
    if (podLevelResources && podLevelSet && container === '') {
      const r = pod.podRequests.get(resource);
      if (r === undefined) return { error: `missing pod-level request for ${resource} in Pod ${pod.name}` };
      requests.set(pod.name, r);
      continue;
    }
    const containers = [...pod.containers.filter(c => !c.sidecar), ...pod.containers.filter(c => c.sidecar)];
    let request = 0n;
    let found = false;
    for (const c of containers) {
      if (container === '' || container === c.name) {
        const r = c.requests.get(resource);
        if (r === undefined) return { error: `missing request for ${resource} in container ${c.name} of Pod ${pod.name}` };
        request += r;
      }
      if (container === c.name) {
        found = true;
        break;
      }
    }
    if (container !== '' && !found) return { error: `container ${container} not found in Pod ${pod.name}` };
    requests.set(pod.name, request);
  }
  return requests;
}

/** metricsclient.GetResourceUtilizationRatio. */
function resourceUtilizationRatio(metrics: PodMetricsInfo, requests: Map<string, bigint>, target: number) {
  let metricsTotal = 0n;
  let requestsTotal = 0n;
  let entries = 0n;
  for (const [pod, metric] of metrics) {
    const request = requests.get(pod);
    // missing requests are checked elsewhere: a metric without one is extraneous
    if (request === undefined) continue;
    metricsTotal += metric.value;
    requestsTotal += request;
    entries++;
  }
  if (requestsTotal === 0n) return { error: 'no metrics returned matched known pods' };
  const utilization = (metricsTotal * 100n) / requestsTotal;
  return { ratio: Number(utilization) / target, utilization, raw: metricsTotal / entries };
}

/** metricsclient.GetMetricUsageRatio. */
function metricUsageRatio(metrics: PodMetricsInfo, target: bigint) {
  let total = 0n;
  for (const m of metrics.values()) total += m.value;
  const usage = total / BigInt(metrics.size);
  return { ratio: Number(usage) / Number(target), usage };
}

function dropPods(metrics: PodMetricsInfo, pods: Set<string>): void {
  for (const p of pods) metrics.delete(p);
}

/** ReplicaCalculator.GetResourceReplicas (Resource and ContainerResource metrics, Utilization target). */
export function resourceReplicas(currentReplicas: number, targetUtilization: number, resource: string, t: Tolerances,
  pods: readonly PodObject[], podMetrics: PodMetricsInfo, container: string, s: CalculatorSettings): CalculationResult {
  if (pods.length === 0) return { error: 'no pods returned by selector while calculating replica count' };
  const metrics = new Map(podMetrics);
  const g = groupPods(pods, metrics, resource, s);
  dropPods(metrics, g.ignored);
  dropPods(metrics, g.unready);
  if (metrics.size === 0) return { error: 'did not receive metrics for targeted pods (pods might be unready)' };
  const requests = calculateRequests(pods, container, resource, s.podLevelResources);
  if (!(requests instanceof Map)) return requests;
  const first = resourceUtilizationRatio(metrics, requests, targetUtilization);
  if (first.error !== undefined) return { error: first.error };
  const usageRatio = first.ratio!;
  const base = { usage: first.utilization!, rawUsage: first.raw! };

  const scaleUpWithUnready = g.unready.size > 0 && usageRatio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (withinTolerance(usageRatio, t)) return { ...base, replicas: currentReplicas, ratio: usageRatio, kept: true };
    return { ...base, replicas: ceilInt32(usageRatio * g.ready), ratio: usageRatio, kept: false };
  }
  if (g.missing.size > 0) {
    if (usageRatio < 1) {
      // on a scale-down, missing pods use 100% of the request, or the target when it is above 100%
      const fallback = BigInt(Math.max(100, targetUtilization));
      for (const p of g.missing) metrics.set(p, { value: requests.get(p)! * fallback / 100n, timestamp: 0, window: 0 });
    } else if (usageRatio > 1) {
      for (const p of g.missing) metrics.set(p, { value: 0n, timestamp: 0, window: 0 });
    }
  }
  if (scaleUpWithUnready) {
    for (const p of g.unready) metrics.set(p, { value: 0n, timestamp: 0, window: 0 });
  }
  const second = resourceUtilizationRatio(metrics, requests, targetUtilization);
  if (second.error !== undefined) return { error: second.error };
  const newRatio = second.ratio!;
  if (withinTolerance(newRatio, t) || (usageRatio < 1 && newRatio > 1) || (usageRatio > 1 && newRatio < 1)) {
    return { ...base, replicas: currentReplicas, ratio: newRatio, kept: true };
  }
  const newReplicas = ceilInt32(newRatio * metrics.size);
  if ((newRatio < 1 && newReplicas > currentReplicas) || (newRatio > 1 && newReplicas < currentReplicas)) {
    return { ...base, replicas: currentReplicas, ratio: newRatio, kept: true };
  }
  return { ...base, replicas: newReplicas, ratio: newRatio, kept: false };
}

/**
 * ReplicaCalculator.calcPlainMetricReplicas: Pods metrics, and Resource / ContainerResource metrics with an
 * AverageValue target (GetRawResourceReplicas, where `resource` is the resource's name: cpu readiness rules
 * then apply).
 */
export function plainMetricReplicas(podMetrics: PodMetricsInfo, currentReplicas: number, targetUsage: bigint, t: Tolerances,
  pods: readonly PodObject[], resource: string, s: CalculatorSettings): CalculationResult {
  if (pods.length === 0) return { error: 'no pods returned by selector while calculating replica count' };
  const metrics = new Map(podMetrics);
  const g = groupPods(pods, metrics, resource, s);
  dropPods(metrics, g.ignored);
  dropPods(metrics, g.unready);
  if (metrics.size === 0) return { error: 'did not receive metrics for targeted pods (pods might be unready)' };
  const first = metricUsageRatio(metrics, targetUsage);
  const usageRatio = first.ratio;
  const usage = first.usage;

  const scaleUpWithUnready = g.unready.size > 0 && usageRatio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (withinTolerance(usageRatio, t)) return { usage, replicas: currentReplicas, ratio: usageRatio, kept: true };
    return { usage, replicas: ceilInt32(usageRatio * g.ready), ratio: usageRatio, kept: false };
  }
  if (g.missing.size > 0) {
    if (usageRatio < 1) {
      // on a scale-down, missing pods use exactly the target
      for (const p of g.missing) metrics.set(p, { value: targetUsage, timestamp: 0, window: 0 });
    } else if (usageRatio > 1) {
      for (const p of g.missing) metrics.set(p, { value: 0n, timestamp: 0, window: 0 });
    }
  }
  if (scaleUpWithUnready) {
    for (const p of g.unready) metrics.set(p, { value: 0n, timestamp: 0, window: 0 });
  }
  const newRatio = metricUsageRatio(metrics, targetUsage).ratio;
  if (withinTolerance(newRatio, t) || (usageRatio < 1 && newRatio > 1) || (usageRatio > 1 && newRatio < 1)) {
    return { usage, replicas: currentReplicas, ratio: newRatio, kept: true };
  }
  const newReplicas = ceilInt32(newRatio * metrics.size);
  if ((newRatio < 1 && newReplicas > currentReplicas) || (newRatio > 1 && newReplicas < currentReplicas)) {
    return { usage, replicas: currentReplicas, ratio: newRatio, kept: true };
  }
  return { usage, replicas: newReplicas, ratio: newRatio, kept: false };
}

/** getReadyPodsCount: Running pods whose Ready condition is True. */
function readyPodsCount(pods: readonly PodObject[]): number | { error: string } {
  if (pods.length === 0) return { error: 'unable to calculate ready pods: no pods returned by selector while calculating replica count' };
  return pods.filter(p => p.phase === PodPhase.RUNNING && p.readiness === PodReadiness.TRUE).length;
}

/** getUsageRatioReplicaCount: Object and External metrics with a Value target. */
function usageRatioReplicaCount(currentReplicas: number, usageRatio: number, t: Tolerances,
  pods: readonly PodObject[]): { replicas: number; kept: boolean } | { error: string } {
  if (currentReplicas === 0) {
    // scale to zero or to n pods depending on the ratio, without tolerance
    return { replicas: Math.ceil(usageRatio), kept: false };
  }
  if (withinTolerance(usageRatio, t)) return { replicas: currentReplicas, kept: true };
  const ready = readyPodsCount(pods);
  if (typeof ready !== 'number') return ready;
  const count = usageRatio * ready;
  return { replicas: count > MAX_INT32 ? MAX_INT32 : Math.ceil(count), kept: false };
}

/** GetObjectMetricReplicas. */
export function objectReplicas(currentReplicas: number, targetUsage: bigint, usage: bigint, t: Tolerances,
  pods: readonly PodObject[]): CalculationResult {
  const ratio = Number(usage) / Number(targetUsage);
  const r = usageRatioReplicaCount(currentReplicas, ratio, t, pods);
  return 'error' in r ? r : { ...r, usage, ratio };
}

/** GetObjectPerPodMetricReplicas: Object metrics with an AverageValue target, over status.replicas. */
export function objectPerPodReplicas(statusReplicas: number, targetAverageUsage: bigint, usage: bigint, t: Tolerances): CalculationResult {
  const ratio = Number(usage) / (Number(targetAverageUsage) * statusReplicas);
  let replicas = statusReplicas;
  const kept = withinTolerance(ratio, t);
  if (!kept) replicas = ceilInt32(Number(usage) / Number(targetAverageUsage));
  return { replicas, kept, ratio, usage: ceilDiv(usage, statusReplicas) };
}

/** GetExternalMetricReplicas: the sum of the series (capped at MaxInt64), Value target. */
export function externalReplicas(currentReplicas: number, targetUsage: bigint, values: readonly bigint[], t: Tolerances,
  pods: readonly PodObject[]): CalculationResult {
  let usage = 0n;
  for (const v of values) {
    if (v > 0n && usage > MAX_INT64 - v) {
      usage = MAX_INT64;
      break;
    }
    usage += v;
  }
  const ratio = Number(usage) / Number(targetUsage);
  const r = usageRatioReplicaCount(currentReplicas, ratio, t, pods);
  return 'error' in r ? r : { ...r, usage, ratio };
}

/** GetExternalPerPodMetricReplicas: AverageValue target, over status.replicas. */
export function externalPerPodReplicas(statusReplicas: number, targetUsagePerPod: bigint, values: readonly bigint[],
  t: Tolerances): CalculationResult {
  let usage = 0n;
  for (const v of values) {
    usage += v;
    // an int64 overflow in upstream
    if (usage > MAX_INT64) {
      usage = MAX_INT64;
      break;
    }
  }
  const ratio = Number(usage) / (Number(targetUsagePerPod) * statusReplicas);
  const kept = withinTolerance(ratio, t);
  const replicas = kept ? statusReplicas : ceilInt32(Number(usage) / Number(targetUsagePerPod));
  const perPod = Number(usage) >= Number(MAX_INT64) ? MAX_INT64 : ceilDiv(usage, statusReplicas);
  return { replicas, kept, ratio, usage: perPod };
}

/** int64(math.Ceil(float64(usage) / float64(n))). */
function ceilDiv(usage: bigint, n: number): bigint {
  const q = Math.ceil(Number(usage) / n);
  return Number.isFinite(q) ? BigInt(q) : usage;
}
