import { Duration } from 'cdk8s';
import { AutoscalingOptions } from '../autoscaling-options';
import { SimulatedPod } from './pod';

/**
 * Props for `HpaSimulator`: the autoscaler's spec and the controller settings of the cluster.
 */
export interface HpaSimulatorProps {
  /**
   * The autoscaler's spec, e.g. `podAutoscaler.autoscalingOptions` or the options given to
   * `AutoscaledDeployment`.
   */
  readonly autoscaling: AutoscalingOptions;

  /**
   * How often the controller reconciles (`--horizontal-pod-autoscaler-sync-period`); one sample per sync.
   *
   * @default Duration.seconds(15)
   */
  readonly syncPeriod?: Duration;

  /**
   * The cluster-wide tolerance (`--horizontal-pod-autoscaler-tolerance`), used where the spec sets none.
   *
   * @default 0.1
   */
  readonly tolerance?: number;

  /**
   * The cluster-wide scale-down stabilization window
   * (`--horizontal-pod-autoscaler-downscale-stabilization`), used where the spec sets none.
   *
   * @default Duration.minutes(5)
   */
  readonly downscaleStabilization?: Duration;

  /**
   * How long a pod added by a scale-up is not ready (Pending, starting). Meanwhile it reports no
   * metrics, counts as 0% on a scale-up and takes no share of a `total` load.
   *
   * @default Duration.seconds(0) - ready at the next sync
   */
  readonly podStartup?: Duration;

  /**
   * The Kubernetes version of the cluster: decides whether the spec's per-direction `tolerance` is honoured
   * (HPAConfigurableTolerance) and how a target at 0 replicas is treated (the `ScaledToZero` condition,
   * from 1.36). Overrides `autoscaling.kubernetesVersion`.
   *
   * @default - `autoscaling.kubernetesVersion`, or "1.37"
   */
  readonly kubernetesVersion?: string;

  /**
   * Feature gates of the cluster that differ from the version's defaults, e.g.
   * `{ HPAConfigurableTolerance: true }` on 1.33. A spec with `minReplicas: 0` implies `HPAScaleToZero` is on
   * (the apiserver accepts it only then).
   *
   * @default - the version's defaults
   */
  readonly featureGates?: Record<string, boolean>;

  /**
   * `--horizontal-pod-autoscaler-cpu-initialization-period`: within it after a pod starts, a cpu sample is
   * ignored while the pod is not Ready or when it was taken less than one metrics window after the pod
   * became Ready.
   *
   * @default Duration.minutes(5)
   */
  readonly cpuInitializationPeriod?: Duration;

  /**
   * `--horizontal-pod-autoscaler-initial-readiness-delay`: after the initialization period, a pod that is not
   * Ready counts as never ready (its cpu sample ignored) when it turned not Ready within this delay of its start.
   *
   * @default Duration.seconds(30)
   */
  readonly initialReadinessDelay?: Duration;
}

/**
 * What one metric reports at one sync. Give `value` or `total`, or set `unavailable`.
 */
export interface MetricSample {
  /**
   * What the metrics API reports, in the unit of the metric's target: for Resource and ContainerResource
   * metrics with a Utilization target the average utilization in percent of the request, otherwise the
   * average per pod (Resource, ContainerResource, Pods) or the metric's value (Object, External), which
   * for an AverageValue target the controller divides by the replica count.
   *
   * @default - use `total`
   */
  readonly value?: number;

  /**
   * The load as a total, for metrics measured on the pods (Resource, ContainerResource, Pods): the
   * simulator divides it among the pods that report metrics, so adding replicas lowers the per-pod value
   * as real load does (`305` with a Utilization target: 3.05 pods' worth of the request). For Object and
   * External metrics it is the metric's value, like `value`.
   *
   * @default - use `value`
   */
  readonly total?: number;

  /**
   * External metrics only: the values of every series the selector matches; the controller sums them.
   *
   * @default - use `value` or `total`
   */
  readonly values?: number[];

  /**
   * The metric cannot be fetched at this sync (metrics API error).
   *
   * @default false
   */
  readonly unavailable?: boolean;
}

/**
 * The state of the metrics and pods at one sync of the controller.
 */
export interface SyncSample {
  /**
   * One sample per metric of the spec, in its order (one for the server's default cpu metric when the
   * spec lists none).
   */
  readonly metrics: MetricSample[];

  /**
   * Pending pods at this sync besides those still starting (see `podStartup`): they report no metrics, are
   * left out on a scale-down and count as 0% on a scale-up, for every metric (as the controller treats Pending
   * pods). For pods that run but are not Ready, give `pods`.
   *
   * @default 0
   */
  readonly unreadyPods?: number;

  /**
   * Ready pods whose metrics are missing at this sync: they count as 100% of the target (of the request,
   * or the target when it is above 100%, for Utilization) on a scale-down and as 0% on a scale-up.
   *
   * @default 0
   */
  readonly podsWithoutMetrics?: number;

  /**
   * The target's pods as objects, for the pod-level model: phase, readiness and its transition time, start
   * time, per-container requests and usage, Pods metric values, deletion. When given, metrics measured on
   * pods (Resource, ContainerResource, Pods) are read from them and `value`/`total`, `unreadyPods`,
   * `podsWithoutMetrics` and `podStartup` do not apply; Object and External metrics still take their sample.
   *
   * @default - uniform pods built from the samples
   */
  readonly pods?: SimulatedPod[];

  /**
   * The scale's `status.replicas` (pods that exist, e.g. with a rollout's surge), which the controller uses
   * for Object and External metrics with an AverageValue target.
   *
   * @default - the replica count (spec.replicas)
   */
  readonly statusReplicas?: number;
}

/**
 * A trace to run through the simulator.
 */
export interface SimulationInput {
  /** Replicas of the target when the simulation starts. */
  readonly initialReplicas: number;
  /** One sample per sync, the first at time 0. */
  readonly samples: SyncSample[];

  /**
   * The autoscaler's `ScaledToZero` condition when the trace starts (Kubernetes 1.36 and later): true when
   * the autoscaler itself scaled the target to 0.
   *
   * @default false
   */
  readonly scaledToZero?: boolean;
}

/**
 * Why the replica count is what it is after a sync.
 */
export enum ScalingReason {
  /** The metrics' recommendation, `ceil(replicas × current / target)` (largest across metrics), applied. */
  RATIO = 'Ratio',
  /** Every metric deciding the count is within the tolerance of its target, so the count is kept. */
  TOLERANCE = 'Tolerance',
  /** A recommendation within the stabilization window holds the count (highest on scale-down, lowest on scale-up). */
  STABILIZATION = 'Stabilization',
  /** A scaling policy limits the change in this period. */
  POLICY_LIMIT = 'PolicyLimit',
  /** Capped at `maxReplicas`. */
  MAX_REPLICAS = 'MaxReplicas',
  /** Raised to `minReplicas`. */
  MIN_REPLICAS = 'MinReplicas',
  /** `selectPolicy: Disabled` forbids scaling in this direction. */
  DIRECTION_DISABLED = 'DirectionDisabled',
  /** No replica count could be computed (no metric, or some missing while the others point down): nothing changes. */
  NO_METRICS = 'NoMetrics',
  /** The target has 0 replicas and `minReplicas` is at least 1: the controller leaves it alone. */
  SCALING_DISABLED = 'ScalingDisabled',
}

/**
 * What one metric asked for at one sync.
 */
export interface MetricRecommendation {
  /** The metric, e.g. `cpu resource`. */
  readonly metric: string;
  /** True when the metric could not be computed at this sync. */
  readonly unavailable: boolean;
  /**
   * The value compared with the target (average utilization in percent, average value, or value).
   *
   * @default - unavailable
   */
  readonly current?: number;
  /**
   * `current / target` as the controller computed it (after counting missing and unready pods).
   *
   * @default - unavailable
   */
  readonly ratio?: number;
  /**
   * The replica count this metric asks for.
   *
   * @default - unavailable
   */
  readonly replicas?: number;
  /** True when the ratio was within the tolerance, so the metric asked for the current count. */
  readonly withinTolerance: boolean;
  /**
   * Why the metric is unavailable, in the controller's words (e.g. `missing request for cpu in container app
   * of Pod pod-0`).
   *
   * @default - available
   */
  readonly error?: string;
}

/**
 * The controller's decision at one sync.
 */
export interface SimulationStep {
  /** Seconds since the start of the trace. */
  readonly time: number;
  /** Replicas before this sync. */
  readonly replicasBefore: number;
  /** Replicas after this sync. */
  readonly replicas: number;
  /** The largest count the metrics asked for, before stabilization and limits (`replicasBefore` when none could). */
  readonly recommendation: number;
  /** The recommendation after stabilization. */
  readonly stabilized: number;
  /** Why `replicas` is what it is. */
  readonly reason: ScalingReason;
  /** The decision in words. */
  readonly message: string;
  /** Each metric's recommendation, in the spec's order. */
  readonly metrics: MetricRecommendation[];
  /** The autoscaler's `ScaledToZero` condition after this sync (always false before Kubernetes 1.36). */
  readonly scaledToZero: boolean;
}
