import { Duration } from 'cdk8s';
import { checkArgs } from '../../common';
import { AutoscalingOptions, autoscalingProblems, autoscalingSpec, defaultMetrics } from '../autoscaling-options';
import { durationSeconds, ScalingPolicyType } from '../behavior';
import {
  DEFAULT_KUBERNETES_VERSION, describeStage, featureEnabled, hasScaledToZeroCondition, KubeVersion, kubernetesVersionProblem,
  parseKubernetesVersion, versionText,
} from '../kubernetes-version';
import { Metric, MetricSourceType, MetricTargetType } from '../metric';
import { check, checkInteger, Problem, throwFirstFor } from '../problem';
import { parseQuantity } from '../quantity';
import { renderTimeline } from './chart';
import { calculateMetric, customMetricsOf, podObjects, rawMetricsOf, resourceMetrics, uniformPods } from './metric-calculation';
import { HpaSimulatorProps, MetricRecommendation, ScalingReason, SimulationInput, SimulationStep, SyncSample } from './model';
import {
  effectiveRules, EffectiveRules, legacyLimit, legacyStabilize, limit, longestPolicyPeriod, oldForBehavior, stabilize, storeRecommendation,
  storeScaleEvent, Timed,
} from './normalize';
import { CalculatorSettings, isError, PodMetricsInfo, PodObject, Tolerances } from './replica-calculator';

/**
 * Runs the HorizontalPodAutoscaler controller's algorithm offline, one step per sync (15 s by default),
 * on a trace of metric samples: "how long from 2 to 10 replicas under this load?", "how fast does it
 * scale down?".
 *
 * Ported from kubernetes/kubernetes pkg/controller/podautoscaler (replica_calculator.go, horizontal.go,
 * metrics/utilization.go) and the server's defaults (pkg/apis/autoscaling/v2/defaults.go); see
 * docs/autoscaling.md for exactly what it models and what it does not, and test/conformance/hpa for the
 * upstream test cases it agrees with.
 */
export class HpaSimulator {
  /** The autoscaler's spec being simulated. */
  public readonly autoscaling: AutoscalingOptions;
  /** Seconds between syncs. */
  public readonly syncPeriodSeconds: number;
  /** The Kubernetes version simulated, e.g. "1.37". */
  public readonly kubernetesVersion: string;
  /** The scale-up tolerance applied: the spec's where the version honours it, else the cluster's. */
  public readonly scaleUpTolerance: number;
  /** The scale-down tolerance applied: the spec's where the version honours it, else the cluster's. */
  public readonly scaleDownTolerance: number;

  private readonly metrics: Metric[];
  private readonly tolerances: Tolerances;
  private readonly up: EffectiveRules;
  private readonly down: EffectiveRules;
  private readonly podStartupSeconds: number;
  private readonly settings: Omit<CalculatorSettings, 'now'>;
  private readonly version: KubeVersion;
  private readonly scaleToZeroGate: boolean;
  /** Whether the spec writes a `behavior` (the controller's code path depends on it). */
  private readonly behavior: boolean;
  /** scaleUpLimitFactor of the path without a behavior (2; upstream's tests set 8). */
  private legacyScaleUpFactor = 2;

  /**
   * Creates it from its props.
   *
   * @param props the settings (HpaSimulatorProps)
   */
  constructor(props: HpaSimulatorProps) {
    checkArgs('HpaSimulator', 'HpaSimulator.<init>', arguments);
    const seconds = (d: Duration | undefined, fallback: number) => d === undefined ? fallback : durationSeconds(d);
    this.autoscaling = props.autoscaling;
    this.syncPeriodSeconds = seconds(props.syncPeriod, 15);
    const tolerance = props.tolerance ?? 0.1;
    const downscaleWindow = seconds(props.downscaleStabilization, 300);
    this.podStartupSeconds = seconds(props.podStartup, 0);
    const cpuInit = seconds(props.cpuInitializationPeriod, 300);
    const readinessDelay = seconds(props.initialReadinessDelay, 30);
    const versionProp = props.kubernetesVersion !== undefined ? 'kubernetesVersion' : 'autoscaling.kubernetesVersion';
    this.kubernetesVersion = props.kubernetesVersion ?? props.autoscaling.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    const versionProblem = kubernetesVersionProblem(this.kubernetesVersion);
    throwFirstFor('HpaSimulator', [
      ...(versionProblem ? [{ prop: versionProp, value: this.kubernetesVersion, allowed: versionProblem }] : []),
      ...autoscalingProblems({ ...props.autoscaling, kubernetesVersion: undefined }, props.autoscaling.metrics)
        .map(p => ({ ...p, prop: `autoscaling.${p.prop}` })),
      ...checkInteger(this.syncPeriodSeconds, 'syncPeriod', 1, 3600, 'must be a whole number of seconds from 1 to 3600'),
      ...check(Number.isFinite(tolerance) && tolerance >= 0 && tolerance < 1, 'tolerance', tolerance, 'must be from 0 to less than 1'),
      ...checkInteger(downscaleWindow, 'downscaleStabilization', 0, 86400, 'must be a whole number of seconds from 0'),
      ...checkInteger(this.podStartupSeconds, 'podStartup', 0, 86400, 'must be a whole number of seconds from 0'),
      ...checkInteger(cpuInit, 'cpuInitializationPeriod', 0, 86400, 'must be a whole number of seconds from 0'),
      ...checkInteger(readinessDelay, 'initialReadinessDelay', 0, 86400, 'must be a whole number of seconds from 0'),
    ]);
    this.version = parseKubernetesVersion(this.kubernetesVersion)!;
    const gates = props.featureGates;
    this.metrics = props.autoscaling.metrics ?? defaultMetrics();
    // horizontal.go: the spec's tolerances only with a behavior (which holds them) and the gate on
    const configurable = featureEnabled('HPAConfigurableTolerance', this.version, gates);
    this.tolerances = {
      up: configurable ? props.autoscaling.scaleUp?.tolerance ?? tolerance : tolerance,
      down: configurable ? props.autoscaling.scaleDown?.tolerance ?? tolerance : tolerance,
    };
    this.scaleUpTolerance = this.tolerances.up;
    this.scaleDownTolerance = this.tolerances.down;
    const containerMetrics = this.metrics.find(m => m.type === MetricSourceType.CONTAINER_RESOURCE);
    if (containerMetrics && !featureEnabled('HPAContainerMetrics', this.version, gates)) {
      throwFirstFor('HpaSimulator', [{
        prop: 'autoscaling.metrics',
        value: containerMetrics._describe(),
        allowed: `is a ContainerResource metric, ${describeStage('HPAContainerMetrics', this.version)}: the apiserver drops it `
          + '(set featureGates.HPAContainerMetrics, or use Kubernetes 1.27 or later)',
      }]);
    }
    // an HPA with minReplicas 0 exists only where the apiserver accepted it, so the gate is on
    this.scaleToZeroGate = props.autoscaling.minReplicas === 0 || featureEnabled('HPAScaleToZero', this.version, gates);
    this.settings = {
      cpuInitializationPeriod: cpuInit,
      initialReadinessDelay: readinessDelay,
      podLevelResources: this.version.minor >= 34 || (gates?.PodLevelResources ?? false),
    };
    this.up = effectiveRules(props.autoscaling.scaleUp, 'up', downscaleWindow);
    this.down = effectiveRules(props.autoscaling.scaleDown, 'down', downscaleWindow);
    this.behavior = autoscalingSpec(props.autoscaling, props.autoscaling.metrics).behavior !== undefined;
  }

  /**
   * Runs a trace and returns the decision at each sync.
   */
  public run(input: SimulationInput): SimulationStep[] {
    checkArgs('HpaSimulator', 'HpaSimulator.run', arguments);
    return this.runFrom(input, undefined);
  }

  /**
   * `run`, with the controller's recommendation history given: undefined seeds it with the starting count,
   * as the controller does for an autoscaler it has no history for.
   */
  private runFrom(input: SimulationInput, recommendations: Timed[] | undefined): SimulationStep[] {
    throwFirstFor('HpaSimulator', this.inputProblems(input));
    let replicas = input.initialReplicas;
    let readyAt: number[] = Array.from({ length: replicas }, () => -Infinity);
    let scaledToZero = hasScaledToZeroCondition(this.version) && this.scaleToZeroGate && (input.scaledToZero ?? false);
    const history: Timed[] = recommendations ? recommendations.map(r => ({ ...r })) : [];
    const ups: Timed[] = [];
    const downs: Timed[] = [];
    return input.samples.map((sample, i) => {
      const now = i * this.syncPeriodSeconds;
      if (i === 0 && !recommendations) history.push({ time: now, value: replicas });
      const pending = Math.min(replicas, readyAt.filter(t => t > now).length + (sample.unreadyPods ?? 0));
      const withoutMetrics = Math.min(replicas - pending, sample.podsWithoutMetrics ?? 0);
      const uniform = { total: replicas, pending, withoutMetrics };
      const step = this.reconcile(now, replicas, sample, uniform, scaledToZero, history, ups, downs);
      scaledToZero = step.scaledToZero;
      const change = step.replicas - replicas;
      if (change > 0) {
        if (this.behavior) storeScaleEvent(ups, change, now, longestPolicyPeriod(this.up));
        readyAt = [...readyAt, ...Array.from({ length: change }, () => now + this.podStartupSeconds)];
      } else if (change < 0) {
        if (this.behavior) storeScaleEvent(downs, -change, now, longestPolicyPeriod(this.down));
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

  /** Each metric's recommendation at one sync (horizontal.go computeReplicasForMetrics, per metric). */
  private recommendations(now: number, current: number, sample: SyncSample,
    uniform: { total: number; pending: number; withoutMetrics: number }): MetricRecommendation[] {
    const settings = { ...this.settings, now };
    const counts = { spec: current, status: sample.statusReplicas ?? current };
    const objects = sample.pods ? podObjects(sample.pods) : undefined;
    return this.metrics.map((metric, j) => {
      const metricSample = sample.metrics[j];
      const name = metric._describe();
      if (metricSample.unavailable) return { metric: name, unavailable: true, withinTolerance: false, error: 'the metric could not be fetched' };
      let pods: PodObject[];
      let perPod: PodMetricsInfo | string | undefined;
      if (objects) {
        pods = objects;
        if (metric.type === MetricSourceType.PODS) perPod = customMetricsOf(sample.pods!, metric.name, now);
        else if (measuredOnPods(metric)) perPod = resourceMetrics(rawMetricsOf(sample.pods!, now), metric.name, metric.container ?? '');
      } else {
        const built = uniformPods(metric, metricSample, uniform, now);
        pods = built.pods;
        perPod = built.metrics;
      }
      const r = calculateMetric(metric, metricSample, counts, this.tolerances, pods, perPod, settings);
      if (isError(r)) return { metric: name, unavailable: true, withinTolerance: false, error: r.error };
      const utilization = metric.target.type === MetricTargetType.UTILIZATION;
      return {
        metric: name,
        unavailable: false,
        current: utilization ? Number(r.usage) : Number(r.usage) / 1000,
        ratio: r.ratio,
        replicas: r.replicas,
        withinTolerance: r.kept,
      };
    });
  }

  private reconcile(now: number, current: number, sample: SyncSample, uniform: { total: number; pending: number; withoutMetrics: number },
    scaledToZero: boolean, history: Timed[], ups: readonly Timed[], downs: readonly Timed[]): SimulationStep {
    // ups/downs: the controller's scale events, kept only with a behavior (storeScaleEvent)
    const min = this.autoscaling.minReplicas ?? 1;
    const max = this.autoscaling.maxReplicas;
    const withCondition = hasScaledToZeroCondition(this.version);
    const fixed = (replicas: number, reason: ScalingReason, message: string, metrics: MetricRecommendation[] = []): SimulationStep => ({
      time: now,
      replicasBefore: current,
      replicas,
      recommendation: replicas,
      stabilized: replicas,
      reason,
      message,
      metrics,
      scaledToZero: replicas === current ? scaledToZero : this.conditionAfterRescale(current, replicas),
    });

    if (current === 0) {
      const hasObjectOrExternal = this.metrics.some(m => !measuredOnPods(m));
      const condition = withCondition && this.scaleToZeroGate && scaledToZero;
      // shouldComputeMetricsForZeroReplicas (1.36+); before, only minReplicas 0 lets the controller act
      const compute = withCondition ? (min !== 0 && condition) || (condition && hasObjectOrExternal) : min === 0;
      if (!compute) {
        const why = withCondition
          ? `the target has 0 replicas and the autoscaler did not scale it there (no ScaledToZero condition${min === 0 && !hasObjectOrExternal ? ', and no Object or External metric' : ''}): `
            + `autoscaling is off until the target is scaled up (Kubernetes ${versionText(this.version)})`
          : `the target has 0 replicas and minReplicas is at least 1: autoscaling is off (Kubernetes ${versionText(this.version)})`;
        return fixed(0, ScalingReason.SCALING_DISABLED, why);
      }
    } else if (current > max) {
      return fixed(max, ScalingReason.MAX_REPLICAS, `${current} replicas above maxReplicas: set to ${max}`);
    } else if (current < min) {
      return fixed(min, ScalingReason.MIN_REPLICAS, `${current} replicas below minReplicas: set to ${min}`);
    }

    const recommendations = this.recommendations(now, current, sample, uniform);
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
    storeRecommendation(history, desired, now, this.behavior
      ? oldForBehavior(now, this.up, this.down)
      : rec => rec.time < now - this.down.windowSeconds);
    let limited = this.behavior
      ? limit(stabilized, current, min, max, now, ups, downs, this.up, this.down)
      : legacyLimit(stabilized, current, min, max, this.legacyScaleUpFactor);
    if (withCondition && current === 0 && min !== 0 && scaledToZero && limited.replicas < min) {
      // waking up from the autoscaler's own scale to zero: at least minReplicas
      limited = { replicas: min, reason: ScalingReason.MIN_REPLICAS };
    }
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
      message = !sample.pods && uniform.withoutMetrics + uniform.pending > 0 && measuredOnPods(decidingMetric)
        ? `${describe(decider, decidingMetric)} once ${uniform.withoutMetrics} pods without metrics and ${uniform.pending} not ready are counted: `
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
      scaledToZero: limited.replicas === current ? scaledToZero : this.conditionAfterRescale(current, limited.replicas),
    };
  }

  /** The ScaledToZero condition after a rescale (horizontal.go, 1.36 and later with the gate on). */
  private conditionAfterRescale(current: number, desired: number): boolean {
    if (!hasScaledToZeroCondition(this.version) || !this.scaleToZeroGate) return false;
    const min = this.autoscaling.minReplicas ?? 1;
    return current > 0 && desired === 0 && min === 0 && this.metrics.some(m => !measuredOnPods(m));
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
        const given = [m.value, m.total, m.values].filter(v => v !== undefined);
        problems.push(...check(m.unavailable ? given.length === 0 : given.length === 1, `${prop}.metrics[${j}]`, m,
          'must set exactly one of value, total and values, or only unavailable'));
        [m.value, m.total, ...(m.values ?? [])].filter(v => v !== undefined)
          .forEach(v => problems.push(...check(Number.isFinite(v) && v! >= 0, `${prop}.metrics[${j}]`, m, 'must hold a number from 0')));
        if (m.values !== undefined) {
          problems.push(...check(this.metrics[j]?.type === MetricSourceType.EXTERNAL && m.values.length > 0, `${prop}.metrics[${j}].values`, m.values,
            'is for External metrics only, with at least one value'));
        }
      });
      if (sample.pods) {
        const names = sample.pods.map(p => p.name);
        problems.push(...check(new Set(names).size === names.length, `${prop}.pods`, names, 'must name each pod once'));
      }
      for (const key of ['unreadyPods', 'podsWithoutMetrics', 'statusReplicas'] as const) {
        if (sample[key] !== undefined) problems.push(...checkInteger(sample[key], `${prop}.${key}`, 0, 2 ** 31 - 1, 'must be an integer from 0'));
      }
    });
    return problems;
  }
}

function measuredOnPods(metric: Metric): boolean {
  return metric.type !== MetricSourceType.OBJECT && metric.type !== MetricSourceType.EXTERNAL;
}

/** The numeric target: percent for Utilization, the quantity's value otherwise. */
function targetValue(metric: Metric): number {
  return metric.target.type === MetricTargetType.UTILIZATION ? metric.target.amount as number : parseQuantity(metric.target.amount)!;
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
