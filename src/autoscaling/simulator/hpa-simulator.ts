import { Duration } from 'cdk8s';
import { checkArgs } from '../../common';
import { AutoscalingOptions, autoscalingProblems, autoscalingSpec, defaultMetrics } from '../autoscaling-options';
import { durationSeconds, ScalingPolicyType } from '../behavior';
import { Metric, MetricSourceType, MetricTargetType } from '../metric';
import { check, checkInteger, Problem, throwFirstFor } from '../problem';
import { renderTimeline } from './chart';
import { HpaSimulatorProps, MetricRecommendation, ScalingReason, SimulationInput, SimulationStep, SyncSample } from './model';
import { effectiveRules, EffectiveRules, legacyLimit, legacyStabilize, limit, stabilize, Timed } from './normalize';
import { PodCounts, recommend, targetValue, Tolerances } from './replica-calculator';

/**
 * Runs the HorizontalPodAutoscaler controller's algorithm offline, one step per sync (15 s by default),
 * on a trace of metric samples: "how long from 2 to 10 replicas under this load?", "how fast does it
 * scale down?".
 *
 * It models, after kubernetes/kubernetes pkg/controller/podautoscaler (replica_calculator.go,
 * horizontal.go) and the server's defaults (pkg/apis/autoscaling/v2/defaults.go):
 * - per metric `ceil(current / target × ready pods)`, kept when within the tolerance (0.1, or the spec's
 *   per-direction `tolerance`); Object/External Value and AverageValue targets as the controller computes them;
 * - missing metrics (100% of the target on a scale-down, 0% on a scale-up) and not-ready pods (0% on a
 *   scale-up), applied only when the recomputed ratio still points the same way;
 * - the largest count across metrics; no scaling when some metrics are unavailable and the rest point down;
 * - with a `behavior`: stabilization (highest recommendation in the scale-down window, lowest in the
 *   scale-up window, the history seeded with the starting count), policies over the replicas at the start
 *   of each period (Pods, Percent; Max, Min, Disabled) with the server's defaults for unset fields, then
 *   `[minReplicas, maxReplicas]`;
 * - without one (nothing set in `scaleUp`/`scaleDown`), the controller's other path: the highest
 *   recommendation of the last 300 s, at most `max(2 × replicas, 4)` per sync, then the bounds;
 * - targets outside the bounds brought back at once; a target at 0 replicas left alone unless
 *   `minReplicas` is 0;
 * - pods that take `podStartup` to become ready after a scale-up.
 *
 * It does not model: metrics-server scrape lag and its 15–60 s averaging window, the
 * `--horizontal-pod-autoscaler-cpu-initialization-period` and initial-readiness delay (a not-ready pod
 * is not ready for every metric, where the controller distinguishes them for cpu), container restarts and
 * crash loops, scheduling delays and cluster-autoscaler capacity, rollouts (surge pods), pod-level
 * resources, and sync jitter (syncs are exactly `syncPeriod` apart, so a window edge can fall one sync
 * earlier or later than on a cluster).
 */
export class HpaSimulator {
  /** The autoscaler's spec being simulated. */
  public readonly autoscaling: AutoscalingOptions;
  /** Seconds between syncs. */
  public readonly syncPeriodSeconds: number;

  private readonly metrics: Metric[];
  private readonly tolerances: Tolerances;
  private readonly up: EffectiveRules;
  private readonly down: EffectiveRules;
  private readonly podStartupSeconds: number;
  /** Whether the spec writes a `behavior` (the controller's code path depends on it). */
  private readonly behavior: boolean;

  constructor(props: HpaSimulatorProps) {
    checkArgs('HpaSimulator', 'HpaSimulator.<init>', arguments);
    const seconds = (d: Duration | undefined, fallback: number) => d === undefined ? fallback : durationSeconds(d);
    this.autoscaling = props.autoscaling;
    this.syncPeriodSeconds = seconds(props.syncPeriod, 15);
    const tolerance = props.tolerance ?? 0.1;
    const downscaleWindow = seconds(props.downscaleStabilization, 300);
    this.podStartupSeconds = seconds(props.podStartup, 0);
    throwFirstFor('HpaSimulator', [
      ...autoscalingProblems(props.autoscaling, props.autoscaling.metrics).map(p => ({ ...p, prop: `autoscaling.${p.prop}` })),
      ...checkInteger(this.syncPeriodSeconds, 'syncPeriod', 1, 3600, 'must be a whole number of seconds from 1 to 3600'),
      ...check(Number.isFinite(tolerance) && tolerance >= 0 && tolerance < 1, 'tolerance', tolerance, 'must be from 0 to less than 1'),
      ...checkInteger(downscaleWindow, 'downscaleStabilization', 0, 86400, 'must be a whole number of seconds from 0'),
      ...checkInteger(this.podStartupSeconds, 'podStartup', 0, 86400, 'must be a whole number of seconds from 0'),
    ]);
    this.metrics = props.autoscaling.metrics ?? defaultMetrics();
    this.tolerances = { up: props.autoscaling.scaleUp?.tolerance ?? tolerance, down: props.autoscaling.scaleDown?.tolerance ?? tolerance };
    this.up = effectiveRules(props.autoscaling.scaleUp, 'up', downscaleWindow);
    this.down = effectiveRules(props.autoscaling.scaleDown, 'down', downscaleWindow);
    this.behavior = autoscalingSpec(props.autoscaling, props.autoscaling.metrics).behavior !== undefined;
  }

  /**
   * Runs a trace and returns the decision at each sync.
   */
  public run(input: SimulationInput): SimulationStep[] {
    checkArgs('HpaSimulator', 'HpaSimulator.run', arguments);
    throwFirstFor('HpaSimulator', this.inputProblems(input));
    let replicas = input.initialReplicas;
    let readyAt: number[] = Array.from({ length: replicas }, () => -Infinity);
    const history: Timed[] = [];
    const ups: Timed[] = [];
    const downs: Timed[] = [];
    return input.samples.map((sample, i) => {
      const now = i * this.syncPeriodSeconds;
      if (i === 0) history.push({ time: now, value: replicas });
      const starting = readyAt.filter(t => t > now).length;
      const unready = Math.min(replicas, starting + (sample.unreadyPods ?? 0));
      const pods: PodCounts = { total: replicas, unready, missing: Math.min(replicas - unready, sample.podsWithoutMetrics ?? 0) };
      const step = this.reconcile(now, replicas, sample, pods, history, ups, downs);
      const change = step.replicas - replicas;
      if (change > 0) {
        ups.push({ time: now, value: change });
        readyAt = [...readyAt, ...Array.from({ length: change }, () => now + this.podStartupSeconds)];
      } else if (change < 0) {
        downs.push({ time: now, value: -change });
        // the ReplicaSet removes pods that are not ready first
        readyAt = [...readyAt].sort((a, b) => a - b).slice(0, step.replicas);
      }
      replicas = step.replicas;
      return step;
    });
  }

  /**
   * A text chart of a run: one row per sync (runs of identical rows folded), the replica count as a bar
   * up to `maxReplicas`, the metrics' current values and the reason.
   */
  public timeline(steps: SimulationStep[]): string {
    const columns = this.metrics.map(m => ({ name: m._describe(), format: (v: number) => formatValue(v, m) }));
    return renderTimeline(steps, this.autoscaling.maxReplicas, columns);
  }

  private reconcile(now: number, current: number, sample: SyncSample, pods: PodCounts,
    history: Timed[], ups: readonly Timed[], downs: readonly Timed[]): SimulationStep {
    const min = this.autoscaling.minReplicas ?? 1;
    const max = this.autoscaling.maxReplicas;
    const fixed = (replicas: number, reason: ScalingReason, message: string, metrics: MetricRecommendation[] = []): SimulationStep =>
      ({ time: now, replicasBefore: current, replicas, recommendation: replicas, stabilized: replicas, reason, message, metrics });

    if (current === 0 && min !== 0) {
      return fixed(0, ScalingReason.SCALING_DISABLED, 'the target has 0 replicas and minReplicas is at least 1: autoscaling is off');
    }
    if (current > max) return fixed(max, ScalingReason.MAX_REPLICAS, `${current} replicas above maxReplicas: set to ${max}`);
    if (current < min) return fixed(min, ScalingReason.MIN_REPLICAS, `${current} replicas below minReplicas: set to ${min}`);

    const recommendations = this.metrics.map((m, j) => recommend(m, sample.metrics[j], current, pods, this.tolerances));
    const valid = recommendations.filter(r => !r.unavailable);
    const desired = Math.max(...valid.map(r => r.replicas!));
    if (valid.length === 0 || (valid.length < recommendations.length && desired < current)) {
      return fixed(current, ScalingReason.NO_METRICS, valid.length === 0
        ? 'no metric could be computed: nothing changes'
        : 'some metrics are unavailable and the others point down: nothing changes', recommendations);
    }

    const stabilized = this.behavior
      ? stabilize(desired, current, now, history, this.up, this.down)
      : legacyStabilize(desired, now, history, this.down.windowSeconds);
    history.push({ time: now, value: desired });
    const limited = this.behavior
      ? limit(stabilized, current, min, max, now, ups, downs, this.up, this.down)
      : legacyLimit(stabilized, current, min, max);
    const decider = valid.find(r => r.replicas === desired)!;
    const decidingMetric = this.metrics[recommendations.indexOf(decider)];

    let reason: ScalingReason;
    let message: string;
    if (limited.reason) {
      reason = limited.reason;
      message = this.limitMessage(reason, stabilized, limited.replicas);
    } else if (stabilized !== desired) {
      reason = ScalingReason.STABILIZATION;
      const rules = stabilized > desired ? this.down : this.up;
      message = `recommendation ${desired} held at ${stabilized} by the ${rules.windowSeconds} s scale-${rules === this.down ? 'down' : 'up'} stabilization window`;
    } else if (desired === current && decider.withinTolerance) {
      reason = ScalingReason.TOLERANCE;
      message = pods.missing + pods.unready > 0 && measuredOnPods(decidingMetric)
        ? `${describe(decider, decidingMetric)} once ${pods.missing} pods without metrics and ${pods.unready} not ready are counted: `
          + `within tolerance or pointing the other way, ${current} kept`
        : `${describe(decider, decidingMetric)} within tolerance: ${current} kept`;
    } else {
      reason = ScalingReason.RATIO;
      message = `${describe(decider, decidingMetric)} → ${desired}`;
    }
    return {
      time: now,
      replicasBefore: current,
      replicas: limited.replicas,
      recommendation: desired,
      stabilized,
      reason,
      message,
      metrics: recommendations,
    };
  }

  private limitMessage(reason: ScalingReason, stabilized: number, replicas: number): string {
    const direction = stabilized > replicas ? 'up' : 'down';
    switch (reason) {
      case ScalingReason.MAX_REPLICAS: return `recommendation ${stabilized} capped at maxReplicas ${replicas}`;
      case ScalingReason.MIN_REPLICAS: return `recommendation ${stabilized} raised to minReplicas ${replicas}`;
      case ScalingReason.DIRECTION_DISABLED: return `recommendation ${stabilized}, but scale-${direction} is disabled (selectPolicy Disabled)`;
      default: {
        if (!this.behavior) return `recommendation ${stabilized} limited to ${replicas}: without a behavior the controller at most doubles the replicas (or goes to 4) per sync`;
        const rules = direction === 'up' ? this.up : this.down;
        const policies = rules.policies.map(p => `${p.value}${p.type === ScalingPolicyType.PERCENT ? '%' : ' pods'} per ${p.periodSeconds} s`);
        return `recommendation ${stabilized} limited to ${replicas} by the scale-${direction} policies (${rules.select} of ${policies.join(', ')})`;
      }
    }
  }

  private inputProblems(input: SimulationInput): Problem[] {
    const problems = checkInteger(input.initialReplicas, 'initialReplicas', 0, 2 ** 31 - 1, 'must be an integer from 0');
    input.samples.forEach((sample, i) => {
      const prop = `samples[${i}]`;
      problems.push(...check(sample.metrics.length === this.metrics.length, `${prop}.metrics`, sample.metrics.length,
        `must hold one sample per metric of the spec (${this.metrics.length}: ${this.metrics.map(m => m._describe()).join(', ')})`));
      sample.metrics.forEach((m, j) => {
        const given = [m.value, m.total].filter(v => v !== undefined);
        problems.push(...check(m.unavailable ? given.length === 0 : given.length === 1, `${prop}.metrics[${j}]`, m,
          'must set exactly one of value and total, or only unavailable'));
        given.forEach(v => problems.push(...check(Number.isFinite(v) && v! >= 0, `${prop}.metrics[${j}]`, m, 'must hold a number from 0')));
      });
      for (const key of ['unreadyPods', 'podsWithoutMetrics'] as const) {
        if (sample[key] !== undefined) problems.push(...checkInteger(sample[key], `${prop}.${key}`, 0, 2 ** 31 - 1, 'must be an integer from 0'));
      }
    });
    return problems;
  }
}

function measuredOnPods(metric: Metric): boolean {
  return metric.type !== MetricSourceType.OBJECT && metric.type !== MetricSourceType.EXTERNAL;
}

function describe(r: MetricRecommendation, metric: Metric): string {
  return `${r.metric} ${formatValue(r.current!, metric)} for ${formatValue(targetValue(metric), metric)} (ratio ${formatNumber(r.ratio!)})`;
}

/** A metric value for the chart: percent for Utilization, Mi/Gi for byte-valued resources, else one decimal. */
function formatValue(v: number, metric: Metric): string {
  const round1 = (n: number) => String(Math.round(n * 10) / 10);
  if (metric.target.type === MetricTargetType.UTILIZATION) return `${round1(v)}%`;
  if (metric.isResource && ['memory', 'ephemeral-storage'].includes(metric.name)) {
    if (v >= 2 ** 30) return `${round1(v / 2 ** 30)}Gi`;
    if (v >= 2 ** 20) return `${round1(v / 2 ** 20)}Mi`;
  }
  return round1(v);
}

/** A number with at most two decimals, trailing zeros dropped. Internal. */
export function formatNumber(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : String(n);
}
