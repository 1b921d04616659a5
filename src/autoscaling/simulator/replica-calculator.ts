/**
 * The per-metric replica count of the HPA controller (kubernetes/kubernetes
 * pkg/controller/podautoscaler/replica_calculator.go), over counts of pods instead of pod objects. Pure.
 */
import { Metric, MetricSourceType, MetricTargetType } from '../metric';
import { parseQuantity } from '../quantity';
import { MetricRecommendation, MetricSample } from './model';

/** Scale-down and scale-up tolerances of one HPA. */
export interface Tolerances {
  readonly down: number;
  readonly up: number;
}

/** The pods of the target at one sync. */
export interface PodCounts {
  /** Pods of the target (the scale's replicas). */
  readonly total: number;
  /** Pods not ready (Pending, starting or not Ready): no metrics, 0% on a scale-up. */
  readonly unready: number;
  /** Ready pods without metrics: 100% of the target on a scale-down, 0% on a scale-up. */
  readonly missing: number;
}

export function withinTolerance(ratio: number, t: Tolerances): boolean {
  return 1 - t.down <= ratio && ratio <= 1 + t.up;
}

/** The numeric target: percent for Utilization, the quantity's value otherwise. */
export function targetValue(metric: Metric): number {
  return metric.target.type === MetricTargetType.UTILIZATION ? metric.target.amount as number : parseQuantity(metric.target.amount)!;
}

const unavailable = (metric: Metric): MetricRecommendation => ({ metric: metric._describe(), unavailable: true, withinTolerance: false });

/** What `metric` asks for, given its sample, the current replica count and the pods. */
export function recommend(metric: Metric, sample: MetricSample, replicas: number, pods: PodCounts, t: Tolerances): MetricRecommendation {
  if (sample.unavailable) return unavailable(metric);
  const target = targetValue(metric);
  const raw = sample.value ?? sample.total!;
  if (metric.type === MetricSourceType.OBJECT || metric.type === MetricSourceType.EXTERNAL) {
    return metric.target.type === MetricTargetType.VALUE
      ? valueReplicas(metric, raw, target, replicas, pods, t)
      : averageValueReplicas(metric, raw, target, pods.total, t);
  }
  return podMetricReplicas(metric, sample, target, replicas, pods, t);
}

/**
 * Resource, ContainerResource and Pods metrics (GetResourceReplicas, calcPlainMetricReplicas): the
 * average over the ready pods with metrics; missing and unready pods are counted in only when they
 * could change the answer, and only if the recomputed ratio still points the same way.
 */
function podMetricReplicas(metric: Metric, sample: MetricSample, target: number, replicas: number,
  pods: PodCounts, t: Tolerances): MetricRecommendation {
  const reporting = pods.total - pods.unready - pods.missing;
  if (pods.total === 0 || reporting <= 0) return unavailable(metric);
  // the controller averages in integers: whole percent of the request, or thousandths of the unit
  const utilization = metric.target.type === MetricTargetType.UTILIZATION;
  const average = (sum: number, count: number) => utilization
    ? Math.trunc(sum / count + 1e-9)
    : Math.trunc(sum / count * 1000 + 1e-6) / 1000;
  const reported = sample.value !== undefined ? sample.value * reporting : sample.total!;
  const current = average(reported, reporting);
  const ratio = current / target;
  const result = (r: number, count: number, within: boolean): MetricRecommendation =>
    ({ metric: metric._describe(), unavailable: false, current, ratio: r, replicas: count, withinTolerance: within });

  const scaleUpWithUnready = pods.unready > 0 && ratio > 1;
  if (!scaleUpWithUnready && pods.missing === 0) {
    return withinTolerance(ratio, t) ? result(ratio, replicas, true) : result(ratio, Math.ceil(ratio * reporting), false);
  }

  let sum = reported;
  let count = reporting;
  if (pods.missing > 0 && ratio !== 1) {
    // a scale-down counts them at 100% (of the request, or the target when above 100%), a scale-up at 0%
    const fallback = utilization ? Math.max(100, target) : target;
    sum += ratio < 1 ? pods.missing * fallback : 0;
    count += pods.missing;
  }
  if (scaleUpWithUnready) count += pods.unready;
  const newRatio = average(sum, count) / target;
  if (withinTolerance(newRatio, t) || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1)) {
    return result(newRatio, replicas, true);
  }
  const newReplicas = Math.ceil(newRatio * count);
  if ((newRatio < 1 && newReplicas > replicas) || (newRatio > 1 && newReplicas < replicas)) {
    return result(newRatio, replicas, false);
  }
  return result(newRatio, newReplicas, false);
}

/** Object and External metrics with a Value target (getUsageRatioReplicaCount). */
function valueReplicas(metric: Metric, value: number, target: number, replicas: number,
  pods: PodCounts, t: Tolerances): MetricRecommendation {
  const ratio = value / target;
  const base = { metric: metric._describe(), unavailable: false, current: value, ratio };
  if (replicas === 0) return { ...base, replicas: Math.ceil(ratio), withinTolerance: false };
  if (withinTolerance(ratio, t)) return { ...base, replicas, withinTolerance: true };
  const ready = pods.total - pods.unready;
  return { ...base, replicas: Math.ceil(ratio * ready), withinTolerance: false };
}

/** Object and External metrics with an AverageValue target (Get*PerPodMetricReplicas): per replica. */
function averageValueReplicas(metric: Metric, value: number, target: number, statusReplicas: number,
  t: Tolerances): MetricRecommendation {
  const ratio = value / (target * statusReplicas);
  const within = withinTolerance(ratio, t);
  return {
    metric: metric._describe(),
    unavailable: false,
    current: statusReplicas > 0 ? value / statusReplicas : value,
    ratio,
    replicas: within ? statusReplicas : Math.ceil(value / target),
    withinTolerance: within,
  };
}
