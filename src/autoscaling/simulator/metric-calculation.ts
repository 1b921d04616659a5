/**
 * One metric of one sync as the controller computes it (horizontal.go computeReplicasForMetric), from either
 * simulated pods (`SyncSample.pods`, read the way metrics/metrics_client.go reads the metrics APIs) or the
 * uniform convenience samples, which are turned into pods here. Internal.
 */
import { Metric, MetricSourceType, MetricTargetType } from '../metric';
import { parseQuantity } from '../quantity';
import { MetricSample } from './model';
import { PodPhase, PodReadiness, SimulatedPod } from './pod';
import {
  CalculationResult, CalculatorSettings, externalPerPodReplicas, externalReplicas, objectPerPodReplicas, objectReplicas,
  plainMetricReplicas, PodMetricsInfo, PodObject, resourceReplicas, Tolerances, ZERO_TIME,
} from './replica-calculator';

/** A number in the metric's unit as milli-units, rounded up as Quantity.MilliValue() does. */
export function toMilli(value: number): bigint {
  return BigInt(Math.ceil(value * 1000 - 1e-6));
}

/** The target as the controller reads it: the percentage, or the quantity in milli-units. */
export function targetMilli(metric: Metric): bigint {
  return toMilli(parseQuantity(metric.target.amount)!);
}

const toMap = (r: Record<string, number> | undefined) =>
  new Map(Object.entries(r ?? {}).map(([k, v]) => [k, toMilli(v)] as [string, bigint]));

/** The pod objects of a sample's simulated pods. */
export function podObjects(pods: readonly SimulatedPod[]): PodObject[] {
  return pods.map(p => ({
    name: p.name,
    phase: p.phase ?? PodPhase.RUNNING,
    readiness: p.readiness ?? PodReadiness.TRUE,
    readinessChangedAt: p.readinessChangedAt ?? ZERO_TIME,
    startedAt: p.startedAt ?? ZERO_TIME,
    deleting: p.deleting ?? false,
    containers: (p.containers ?? []).map(c => ({ name: c.name, requests: toMap(c.requests), sidecar: c.sidecar ?? false })),
    podRequests: toMap(p.podRequests),
  }));
}

/** One item of the resource metrics API (PodMetrics): per-container usage in milli-units. */
export interface RawPodMetrics {
  readonly name: string;
  readonly timestamp: number;
  readonly window: number;
  readonly containers: ReadonlyArray<{ readonly name: string; readonly usage?: ReadonlyMap<string, bigint> }>;
}

/** What the metrics server reports for simulated pods: one item per pod whose containers report usage. */
export function rawMetricsOf(pods: readonly SimulatedPod[], now: number): RawPodMetrics[] {
  return pods.filter(p => (p.containers ?? []).some(c => c.usage !== undefined)).map(p => ({
    name: p.name,
    timestamp: p.metricsAt ?? now,
    window: p.metricsWindow ?? 0,
    containers: (p.containers ?? []).filter(c => c.usage !== undefined).map(c => ({ name: c.name, usage: toMap(c.usage) })),
  }));
}

/**
 * The resource metrics client (metrics_client.go GetResourceMetric with getPodMetrics / getContainerMetrics):
 * a pod's value is the sum over its containers, and the pod is left out when a container lacks the resource;
 * with `container`, that container's value, the pod left out when it does not report it.
 */
export function resourceMetrics(items: readonly RawPodMetrics[], resource: string, container: string): PodMetricsInfo | string {
  if (items.length === 0) return `unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`;
  const metrics: PodMetricsInfo = new Map();
  for (const m of items) {
    const at = { timestamp: m.timestamp, window: m.window };
    if (container !== '') {
      const value = m.containers.find(c => c.name === container)?.usage?.get(resource);
      if (value !== undefined) metrics.set(m.name, { value, ...at });
      continue;
    }
    if (m.containers.length === 0 || m.containers.some(c => c.usage?.get(resource) === undefined)) continue;
    metrics.set(m.name, { value: m.containers.reduce((sum, c) => sum + c.usage!.get(resource)!, 0n), ...at });
  }
  return metrics;
}

/** The custom metrics API for a Pods metric over simulated pods. */
export function customMetricsOf(pods: readonly SimulatedPod[], name: string, now: number): PodMetricsInfo | string {
  const metrics: PodMetricsInfo = new Map();
  for (const pod of pods) {
    const v = pod.customMetrics?.[name];
    if (v !== undefined) metrics.set(pod.name, { value: toMilli(v), timestamp: now, window: 0 });
  }
  return metrics.size === 0 ? `unable to get metric ${name}: no metrics returned from custom metrics API` : metrics;
}

/** What the convenience samples describe at one sync. */
export interface UniformPods {
  /** Pods of the target. */
  readonly total: number;
  /** Pending pods (starting, or `unreadyPods`). */
  readonly pending: number;
  /** Running, Ready pods without metrics. */
  readonly withoutMetrics: number;
}

/**
 * The uniform convenience as pods for one metric: Pending pods first, then Ready pods without metrics, then
 * Ready pods reporting `value` each, or `total` shared among them (in whole milli-units, the remainder on the
 * first pods). A Utilization target's pods request 1 of the resource in one container, so `value` 54 is 540m.
 */
export function uniformPods(metric: Metric, sample: MetricSample, u: UniformPods, now: number): { pods: PodObject[]; metrics: PodMetricsInfo } {
  const utilization = metric.target.type === MetricTargetType.UTILIZATION;
  const container = metric.container ?? 'app';
  const requests = new Map<string, bigint>(utilization ? [[metric.name, 1000n]] : []);
  const pods: PodObject[] = [];
  const metrics: PodMetricsInfo = new Map();
  const reporting = Math.max(0, u.total - u.pending - u.withoutMetrics);
  const scale = utilization ? 10 : 1000;
  const each = sample.value !== undefined ? BigInt(Math.round(sample.value * scale)) : undefined;
  const total = sample.total !== undefined ? BigInt(Math.round(sample.total * scale)) : 0n;
  const share = reporting > 0 ? total / BigInt(reporting) : 0n;
  const remainder = reporting > 0 ? Number(total % BigInt(reporting)) : 0;
  for (let i = 0; i < u.total; i++) {
    const name = `pod-${i}`;
    const pending = i < u.pending;
    pods.push({
      name,
      phase: pending ? PodPhase.PENDING : PodPhase.RUNNING,
      readiness: pending ? PodReadiness.FALSE : PodReadiness.TRUE,
      readinessChangedAt: ZERO_TIME,
      startedAt: ZERO_TIME,
      deleting: false,
      containers: [{ name: container, requests, sidecar: false }],
      podRequests: new Map(),
    });
    const k = i - u.pending - u.withoutMetrics;
    if (k >= 0) metrics.set(name, { value: each ?? share + (k < remainder ? 1n : 0n), timestamp: now, window: 0 });
  }
  return { pods, metrics };
}

/** The replicas counts horizontal.go passes: spec.replicas for most metrics, status.replicas for per-pod ones. */
export interface ReplicaCounts {
  readonly spec: number;
  readonly status: number;
}

/**
 * computeReplicasForMetric for one metric: dispatch on source and target type to the ported calculator.
 * `pods`/`metrics` are the target's pods and the metric's per-pod values (pod-measured metrics only).
 */
export function calculateMetric(metric: Metric, sample: MetricSample, counts: ReplicaCounts, t: Tolerances,
  pods: readonly PodObject[], metrics: PodMetricsInfo | string | undefined, s: CalculatorSettings): CalculationResult {
  const target = metric.target;
  if (metric.type === MetricSourceType.OBJECT || metric.type === MetricSourceType.EXTERNAL) {
    const values = (sample.values ?? [sample.value ?? sample.total!]).map(toMilli);
    if (metric.type === MetricSourceType.OBJECT) {
      return target.type === MetricTargetType.VALUE
        ? objectReplicas(counts.spec, targetMilli(metric), values[0], t, pods)
        : objectPerPodReplicas(counts.status, targetMilli(metric), values[0], t);
    }
    return target.type === MetricTargetType.VALUE
      ? externalReplicas(counts.spec, targetMilli(metric), values, t, pods)
      : externalPerPodReplicas(counts.status, targetMilli(metric), values, t);
  }
  if (typeof metrics === 'string') return { error: metrics };
  if (metric.type === MetricSourceType.PODS) {
    return plainMetricReplicas(metrics!, counts.spec, targetMilli(metric), t, pods, '', s);
  }
  const container = metric.container ?? '';
  if (target.type === MetricTargetType.UTILIZATION) {
    return resourceReplicas(counts.spec, target.amount as number, metric.name, t, pods, metrics!, container, s);
  }
  return plainMetricReplicas(metrics!, counts.spec, targetMilli(metric), t, pods, metric.name, s);
}
