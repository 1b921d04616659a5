import { ApiObject, ApiObjectMetadata, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { addWarning, checkArgs, checkConstructArgs, overlay, propMessage } from '../common';
import { AutoscalingOptions, autoscalingProblems, autoscalingSpec, autoscalingWarnings, containerMetricWarnings, defaultMetrics } from './autoscaling-options';
import { ScalingRules } from './behavior';
import { createDisruptionBudget } from './disruption-budget';
import { Metric } from './metric';
import { check, throwFirst } from './problem';
import { requestProblems } from './requests';
import { ScaleTarget } from './scale-target';
import { oncePerSynth } from '../synth/render-once';
import { validateWrittenObjects } from '../validation/construct';

/**
 * Props for `PodAutoscaler`.
 */
export interface PodAutoscalerProps extends AutoscalingOptions {
  /**
   * What to scale: `ScaleTarget.fromDeployment(d)`, `.fromStatefulSet(s)` or `.fromReference({...})`.
   */
  readonly target: ScaleTarget;

  /**
   * Metadata of the HorizontalPodAutoscaler; the PodDisruptionBudget, when asked for, takes the same
   * name and namespace.
   *
   * @default - named after the target, in the target's namespace (the chart's for a reference)
   */
  readonly metadata?: ApiObjectMetadata;
}

/**
 * An `autoscaling/v2` HorizontalPodAutoscaler for a Deployment, StatefulSet or any object with a scale
 * subresource, written with only the fields you set (the apiserver's defaults apply to the rest) and
 * checked at synth time: bounds, metric targets, behavior ranges, a target with fixed replicas, and
 * Utilization metrics on containers (sidecars included) that request nothing.
 *
 * A cdk8s-plus target is marked autoscaled, so it synthesizes without `spec.replicas`.
 *
 * @example
 * new PodAutoscaler(chart, 'worker-hpa', {
 *   target: ScaleTarget.fromDeployment(worker),
 *   maxReplicas: 20,
 *   metrics: [Metric.external({ name: 'queue_depth', target: MetricTarget.averageValue(30) })],
 * });
 */
export class PodAutoscaler extends Construct {
  /** The HorizontalPodAutoscaler (`autoscaling/v2`) as an ApiObject, for patches. */
  public readonly apiObject: ApiObject;

  /**
   * The PodDisruptionBudget (`policy/v1`), when `podDisruptionBudget` is set.
   *
   * @default - none
   */
  public readonly podDisruptionBudget?: ApiObject;

  /** What is scaled. */
  public readonly target: ScaleTarget;

  /** The most replicas the autoscaler sets. */
  public readonly maxReplicas: number;

  /** The fewest replicas the autoscaler sets (1, the server's default, when unset). */
  public readonly minReplicas: number;

  /**
   * Scale-up rules as given.
   *
   * @default - the server's
   */
  public readonly scaleUp?: ScalingRules;

  /**
   * Scale-down rules as given.
   *
   * @default - the server's
   */
  public readonly scaleDown?: ScalingRules;

  private readonly options: AutoscalingOptions;
  private explicitMetrics?: Metric[];

  /**
   * Defines the construct; see the props for what it writes and checks.
   *
   * @param scope the construct this one is defined in (a Chart, or a construct in one)
   * @param id the id, unique among the children of `scope`; the construct path ends with it
   * @param props the settings (PodAutoscalerProps)
   */
  constructor(scope: Construct, id: string, props: PodAutoscalerProps) {
    super(checkConstructArgs('PodAutoscaler', scope, id, props), id);
    validateWrittenObjects(this);
    const { target, metadata, ...options } = props;
    throwFirst(this, autoscalingProblems(options, options.metrics));
    throwFirst(this, check(!options.podDisruptionBudget || target.workload !== undefined, 'podDisruptionBudget', true,
      `needs a cdk8s-plus workload target to take the pod selector from; ${target.kind} ${target.name} is a reference`));
    throwFirst(this, target._bind('target'));

    this.target = target;
    this.options = options;
    this.explicitMetrics = options.metrics ? [...options.metrics] : undefined;
    this.maxReplicas = options.maxReplicas;
    this.minReplicas = options.minReplicas ?? 1;
    this.scaleUp = options.scaleUp;
    this.scaleDown = options.scaleDown;

    // the autoscaler lives beside its target: an HPA scales only objects of its own namespace
    const namespace = metadata?.namespace ?? target._namespace();
    const name = metadata?.name ?? target.name;
    const objectMetadata = overlay(metadata, namespace === undefined ? { name } : { name, namespace });
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: objectMetadata,
      spec: Lazy.any({ produce: () => ({ scaleTargetRef: target._toKube(), ...autoscalingSpec(this.options, this.explicitMetrics) }) }),
    });
    if (options.podDisruptionBudget && target.workload) {
      this.podDisruptionBudget = createDisruptionBudget(this, 'DisruptionBudget', target.workload,
        { name: objectMetadata.name, namespace });
    }
    this.node.addValidation({ validate: oncePerSynth(() => this.validateTarget()) });
    autoscalingWarnings(options, options.metrics).forEach(w => addWarning(this, w));
  }

  /** The name of the HorizontalPodAutoscaler. */
  public get name(): string {
    return this.apiObject.name;
  }

  /**
   * The metrics the autoscaler scales on; when none were given, the server's default it relies on
   * (cpu at 80% utilization).
   */
  public get metrics(): Metric[] {
    return [...(this.explicitMetrics ?? defaultMetrics())];
  }

  /**
   * The autoscaling options as they stand (metrics added later included), e.g. to run the
   * `HpaSimulator` on exactly what is synthesized.
   */
  public get autoscalingOptions(): AutoscalingOptions {
    return { ...this.options, metrics: this.explicitMetrics ? [...this.explicitMetrics] : undefined };
  }

  /**
   * Adds a metric. On an autoscaler created without metrics this replaces the server's default cpu
   * metric, which is then no longer implied.
   */
  public addMetric(metric: Metric): void {
    checkArgs(this, 'PodAutoscaler.addMetric', arguments);
    const metrics = [...(this.explicitMetrics ?? []), metric];
    throwFirst(this, autoscalingProblems(this.options, metrics));
    this.explicitMetrics = metrics;
    containerMetricWarnings(this.options, [metric]).forEach(w => addWarning(this, w));
  }

  private validateTarget(): string[] {
    if (!this.target.workload) return [];
    const problems = [];
    const workload = `${this.target.kind} ${this.target.name}`;
    const namespace = this.target._namespace();
    const ownNamespace = this.apiObject.metadata.namespace;
    if (namespace !== ownNamespace) {
      problems.push({
        prop: 'target',
        value: workload,
        allowed: `is in namespace ${namespace ?? '(none)'} but the autoscaler is in ${ownNamespace ?? '(none)'}; `
          + 'an HPA scales only objects in its own namespace',
      });
    }
    problems.push(...requestProblems(this.target._podSpec(), this.explicitMetrics ?? defaultMetrics(), this.explicitMetrics !== undefined, workload));
    return problems.map(p => propMessage(p.prop, p.value, p.allowed));
  }
}
