/**
 * Pods as the HPA controller sees them: phase, Ready condition and its transition time, start time,
 * per-container requests and usage, custom metric values, deletion.
 */

/** `status.phase` of a pod. */
export enum PodPhase {
  /** Accepted but not running yet (scheduling, pulling images). */
  PENDING = 'Pending',
  /** Bound to a node, containers started. */
  RUNNING = 'Running',
  /** Every container exited successfully. */
  SUCCEEDED = 'Succeeded',
  /** Every container exited, at least one with a failure. */
  FAILED = 'Failed',
  /** The node stopped reporting. */
  UNKNOWN = 'Unknown',
}

/** The status of a pod's `Ready` condition. */
export enum PodReadiness {
  /** `Ready` is `True`. */
  TRUE = 'True',
  /** `Ready` is `False`. */
  FALSE = 'False',
  /** `Ready` is `Unknown`. */
  UNKNOWN = 'Unknown',
  /** The pod has no `Ready` condition yet. */
  ABSENT = 'Absent',
}

/**
 * One container of a simulated pod.
 */
export interface SimulatedContainer {
  /** The container's name. */
  readonly name: string;

  /**
   * Requests by resource name, in the resource's unit (cores for `cpu`, bytes for `memory`).
   *
   * @default - none
   */
  readonly requests?: Record<string, number>;

  /**
   * What the resource metrics API (metrics-server) reports for the container, by resource name, in the same
   * units as `requests`. A pod whose containers report no usage has no resource metrics.
   *
   * @default - none
   */
  readonly usage?: Record<string, number>;

  /**
   * A sidecar: an init container with `restartPolicy: Always`. Its requests count in the pod's.
   *
   * @default false
   */
  readonly sidecar?: boolean;
}

/**
 * One pod of the scale target at one sync, for `SyncSample.pods`. Times are seconds on the simulation clock
 * (the sync at index `i` runs at `i × syncPeriod`); negative times are before the trace starts.
 */
export interface SimulatedPod {
  /** The pod's name, unique in the sample. */
  readonly name: string;

  /**
   * `status.phase`.
   *
   * @default PodPhase.RUNNING
   */
  readonly phase?: PodPhase;

  /**
   * The status of the `Ready` condition.
   *
   * @default PodReadiness.TRUE
   */
  readonly readiness?: PodReadiness;

  /**
   * When the `Ready` condition last changed.
   *
   * @default - long before the trace starts
   */
  readonly readinessChangedAt?: number;

  /**
   * `status.startTime`: when the kubelet started the pod.
   *
   * @default - long before the trace starts
   */
  readonly startedAt?: number;

  /**
   * The pod has a deletion timestamp (it is terminating).
   *
   * @default false
   */
  readonly deleting?: boolean;

  /**
   * The containers (sidecars included).
   *
   * @default - none: the pod reports no resource metrics and requests nothing
   */
  readonly containers?: SimulatedContainer[];

  /**
   * Pod-level requests (`spec.resources.requests`, the PodLevelResources feature), by resource name.
   * When set, Resource metrics with a Utilization target use them instead of the containers' sum.
   *
   * @default - none
   */
  readonly podRequests?: Record<string, number>;

  /**
   * Values of Pods metrics (custom metrics API) for this pod, by metric name, in the unit of the target.
   * A metric missing here is missing for this pod.
   *
   * @default - none
   */
  readonly customMetrics?: Record<string, number>;

  /**
   * When the resource metrics were collected (the metrics API's `timestamp`).
   *
   * @default - the sync's time
   */
  readonly metricsAt?: number;

  /**
   * The window the resource metrics were averaged over (the metrics API's `window`), in seconds.
   *
   * @default 0
   */
  readonly metricsWindow?: number;
}
