import { ScalingRules, scalingRulesProblems, scalingRulesToKube } from './behavior';
import {
  DEFAULT_KUBERNETES_VERSION, describeStage, featureStage, kubernetesVersionProblem, onByDefaultSince, parseKubernetesVersion,
  versionText,
} from './kubernetes-version';
import { Metric, MetricSourceType, MetricTarget } from './metric';
import { check, checkInteger, Problem } from './problem';

/**
 * Everything about scaling that does not name what is scaled: bounds, metrics and behavior. Shared by
 * `PodAutoscaler`, `AutoscaledDeployment` (and any construct that autoscales its workloads) and the
 * `HpaSimulator`.
 *
 * Fields left unset are not written, so the apiserver's defaults apply.
 */
export interface AutoscalingOptions {
  /**
   * The most replicas the autoscaler sets. An integer from 1, at least `minReplicas`.
   */
  readonly maxReplicas: number;

  /**
   * The fewest replicas the autoscaler sets. 0 (scale to zero) needs an Object or External metric and the
   * `HPAScaleToZero` feature gate (alpha and off by default up to 1.36, beta and on from 1.37; a warning names
   * the version when it is off).
   *
   * @default 1 (the server's default; not written)
   */
  readonly minReplicas?: number;

  /**
   * What to scale on. The largest replica count any metric asks for wins.
   *
   * @default - the server's default: cpu Resource metric at 80% Utilization (not written); every container
   * must then request cpu
   */
  readonly metrics?: Metric[];

  /**
   * Scale-up behavior: only the fields you set are written.
   *
   * @default - the server's: no stabilization, the larger of 4 pods or 100 % per 15 s
   */
  readonly scaleUp?: ScalingRules;

  /**
   * Scale-down behavior: only the fields you set are written.
   *
   * @default - the server's: 300 s stabilization, up to 100 % per 15 s
   */
  readonly scaleDown?: ScalingRules;

  /**
   * Also create a PodDisruptionBudget for the target's pods: `maxUnavailable: 1` with
   * `unhealthyPodEvictionPolicy: AlwaysAllow`. At any replica count the autoscaler picks, a drain evicts
   * one pod at a time and waits for its replacement; it never blocks a drain for good: a single replica
   * can still be evicted, and pods that are not Ready (crash-looping) are always evictable. Deliberately
   * not `minAvailable` derived from `minReplicas`, which protects little at high scale and
   * (minAvailable = minReplicas) blocks drains at `minReplicas: 1`. Needs a cdk8s-plus workload target;
   * `unhealthyPodEvictionPolicy` is honoured from Kubernetes 1.27 (beta, on by default; GA in 1.31).
   *
   * @default false
   */
  readonly podDisruptionBudget?: boolean;

  /**
   * The Kubernetes version of the cluster the autoscaler is for, e.g. "1.33". Features a version lacks are
   * refused (a `tolerance` before 1.33, a ContainerResource metric before 1.20); features behind a gate that
   * is off by default there are accepted with a warning that names the gate and the version (a `tolerance`
   * on 1.33–1.34, `minReplicas: 0` before 1.37, a ContainerResource metric on 1.20–1.26). The `HpaSimulator`
   * simulates this version. Never written to the manifest.
   *
   * @default "1.37"
   */
  readonly kubernetesVersion?: string;
}

/** The server's default metric when `metrics` is unset: cpu at 80% utilization. Internal. */
export function defaultMetrics(): Metric[] {
  return [Metric.resourceCpu(MetricTarget.utilization(80))];
}

/**
 * Everything wrong with a set of options on their own; `metrics` is the list as it stands (props plus
 * metrics added later). Internal.
 */
export function autoscalingProblems(options: AutoscalingOptions, metrics: readonly Metric[] | undefined): Problem[] {
  const problems: Problem[] = [];
  const max = options.maxReplicas;
  const min = options.minReplicas;
  problems.push(...checkInteger(max, 'maxReplicas', 1, 2 ** 31 - 1, 'must be an integer from 1'));
  if (min !== undefined) {
    problems.push(...checkInteger(min, 'minReplicas', 0, 2 ** 31 - 1, 'must be an integer from 0'));
    problems.push(...check(!(min > max), 'minReplicas', min, `must be <= 'maxReplicas' (${max})`));
  }
  if (metrics !== undefined) {
    problems.push(...check(metrics.length > 0, 'metrics', metrics,
      'must list at least one metric, or be left unset for the server\'s default (cpu at 80% utilization)'));
    metrics.forEach((m, i) => problems.push(...m._problems(`metrics[${i}]`)));
    problems.push(...duplicateProblems(metrics));
  }
  const versionProblem = options.kubernetesVersion === undefined ? undefined : kubernetesVersionProblem(options.kubernetesVersion);
  if (versionProblem) problems.push({ prop: 'kubernetesVersion', value: options.kubernetesVersion, allowed: versionProblem });
  const version = parseKubernetesVersion(options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION)
    ?? parseKubernetesVersion(DEFAULT_KUBERNETES_VERSION)!;
  if (min === 0) {
    const external = (metrics ?? []).some(m => m.type === MetricSourceType.OBJECT || m.type === MetricSourceType.EXTERNAL);
    problems.push(...check(external, 'minReplicas', 0,
      'needs at least one Object or External metric (with no pods there is no pod metric to wake up on) '
      + `and the HPAScaleToZero feature gate (${describeStage('HPAScaleToZero', version)}); use 1 otherwise`));
  }
  if (options.scaleUp) problems.push(...scalingRulesProblems(options.scaleUp, 'scaleUp', 'up'));
  if (options.scaleDown) problems.push(...scalingRulesProblems(options.scaleDown, 'scaleDown', 'down'));
  for (const direction of ['scaleUp', 'scaleDown'] as const) {
    const t = options[direction]?.tolerance;
    if (t !== undefined && featureStage('HPAConfigurableTolerance', version).stage === 'Absent') {
      problems.push({
        prop: `${direction}.tolerance`,
        value: t,
        allowed: `needs Kubernetes 1.33 or later (HPAConfigurableTolerance): Kubernetes ${versionText(version)} has no tolerance field `
          + 'and the apiserver drops it; leave it unset for the cluster-wide tolerance',
      });
    }
  }
  return problems;
}

/**
 * Warnings for features the options use that the Kubernetes version has only behind a gate that is off by
 * default, each naming the gate and the version. Internal.
 */
export function autoscalingWarnings(options: AutoscalingOptions, metrics: readonly Metric[] | undefined): string[] {
  const version = parseKubernetesVersion(options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
  if (!version) return [];
  const offByDefault = (feature: 'HPAConfigurableTolerance' | 'HPAScaleToZero' | 'HPAContainerMetrics') => {
    const s = featureStage(feature, version);
    return s.stage !== 'Absent' && !s.onByDefault;
  };
  const warnings: string[] = [];
  const tolerances = (['scaleUp', 'scaleDown'] as const).filter(d => options[d]?.tolerance !== undefined);
  if (tolerances.length > 0 && offByDefault('HPAConfigurableTolerance')) {
    warnings.push(`${tolerances.map(d => `'${d}.tolerance'`).join(' and ')}: HPAConfigurableTolerance is `
      + `${describeStage('HPAConfigurableTolerance', version)}: the apiserver drops the field and the controller uses the `
      + `cluster-wide tolerance unless the gate is on (on by default from ${onByDefaultSince('HPAConfigurableTolerance')})`);
  }
  if (options.minReplicas === 0 && offByDefault('HPAScaleToZero')) {
    warnings.push(`'minReplicas' (0): HPAScaleToZero is ${describeStage('HPAScaleToZero', version)}: the apiserver refuses `
      + `minReplicas 0 unless the gate is on (on by default from ${onByDefaultSince('HPAScaleToZero')})`);
  }
  warnings.push(...containerMetricWarnings(options, metrics ?? []));
  return warnings;
}

/** The warning for ContainerResource metrics on a version where the source is alpha. Internal. */
export function containerMetricWarnings(options: AutoscalingOptions, metrics: readonly Metric[]): string[] {
  const version = parseKubernetesVersion(options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
  const stage = version && featureStage('HPAContainerMetrics', version);
  if (!version || !stage || stage.onByDefault) return [];
  return metrics.filter(m => m.type === MetricSourceType.CONTAINER_RESOURCE).map(m =>
    `metric ${m._describe()}: HPAContainerMetrics is ${describeStage('HPAContainerMetrics', version)}: the apiserver drops `
    + `ContainerResource metrics unless the gate is on (on by default from ${onByDefaultSince('HPAContainerMetrics')})`);
}

function duplicateProblems(metrics: readonly Metric[]): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  metrics.forEach((m, i) => {
    const identity = m._identity();
    const first = seen.get(identity);
    if (first === undefined) {
      seen.set(identity, i);
    } else {
      problems.push({ prop: `metrics[${i}]`, value: m._describe(), allowed: `duplicates metrics[${first}]; list each metric once (with one target)` });
    }
  });
  return problems;
}

/** The spec fields the options decide (all but `scaleTargetRef`), only those set. Internal. */
export function autoscalingSpec(options: AutoscalingOptions, metrics: readonly Metric[] | undefined): Record<string, unknown> {
  const scaleUp = scalingRulesToKube(options.scaleUp);
  const scaleDown = scalingRulesToKube(options.scaleDown);
  return {
    minReplicas: options.minReplicas,
    maxReplicas: options.maxReplicas,
    metrics: metrics?.map(m => m._toKube()),
    behavior: scaleUp || scaleDown ? { scaleUp, scaleDown } : undefined,
  };
}
