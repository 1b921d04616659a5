import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { AutoscalingObjectReference } from './metric';
import { check, Problem } from './problem';
import { checkArgs, hasUserPatches, isPathSegmentName, PATH_SEGMENT_RULE } from '../common';

/**
 * What an autoscaler scales (`spec.scaleTargetRef`): a cdk8s-plus Deployment or StatefulSet, or any
 * object with a `scale` subresource given by apiVersion, kind and name.
 */
export class ScaleTarget {
  /**
   * A cdk8s-plus Deployment. The autoscaler marks it autoscaled, so it synthesizes without
   * `spec.replicas`; a Deployment created with `replicas` is refused.
   */
  public static fromDeployment(deployment: kplus.Deployment): ScaleTarget {
    checkArgs('ScaleTarget', 'ScaleTarget.fromDeployment', arguments);
    return ScaleTarget.fromScalable(deployment, deployment);
  }

  /**
   * A cdk8s-plus StatefulSet, handled like `fromDeployment()`.
   */
  public static fromStatefulSet(statefulSet: kplus.StatefulSet): ScaleTarget {
    checkArgs('ScaleTarget', 'ScaleTarget.fromStatefulSet', arguments);
    return ScaleTarget.fromScalable(statefulSet, statefulSet);
  }

  /**
   * Any object with a `scale` subresource, e.g. a custom resource whose CRD declares
   * `subresources.scale`. The library cannot see its pods, so the container-request check is skipped
   * and leaving its replica count to the autoscaler is up to you.
   */
  public static fromReference(reference: AutoscalingObjectReference): ScaleTarget {
    checkArgs('ScaleTarget', 'ScaleTarget.fromReference', arguments);
    return new ScaleTarget(reference.apiVersion, reference.kind, reference.name);
  }

  private static fromScalable(scalable: kplus.IScalable, workload: kplus.Workload): ScaleTarget {
    const target = scalable.toScalingTarget();
    return new ScaleTarget(target.apiVersion, target.kind, target.name, workload, scalable);
  }

  /** API version of the target. */
  public readonly apiVersion: string;
  /** Kind of the target. */
  public readonly kind: string;
  /** Name of the target. */
  public readonly name: string;

  /**
   * The cdk8s-plus workload, when the target is one.
   *
   * @default - a target given by reference
   */
  public readonly workload?: kplus.Workload;

  private readonly scalable?: kplus.IScalable;
  /** The workload's ApiObject, looked up once: synth-time checks read it several times. */
  private readonly workloadObject?: ApiObject;

  private constructor(apiVersion: string, kind: string, name: string, workload?: kplus.Workload, scalable?: kplus.IScalable) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.name = name;
    this.workload = workload;
    this.scalable = scalable;
    this.workloadObject = workload && ApiObject.of(workload);
  }

  /**
   * Checks the target can take an autoscaler and marks it autoscaled (no `spec.replicas`).
   * @internal
   */
  public _bind(prop: string): Problem[] {
    const nonEmpty = (value: string) => typeof value === 'string' && value.length > 0;
    // the apiserver checks kind and name as path segments (ValidateCrossVersionObjectReference)
    const problems = [
      ...check(nonEmpty(this.apiVersion), `${prop}.apiVersion`, this.apiVersion, 'must be a non-empty string'),
      ...check(nonEmpty(this.kind) && isPathSegmentName(this.kind), `${prop}.kind`, this.kind, `must be a non-empty string ${PATH_SEGMENT_RULE}`),
      ...check(nonEmpty(this.name) && isPathSegmentName(this.name), `${prop}.name`, this.name, `must be a non-empty string ${PATH_SEGMENT_RULE}`),
    ];
    if (this.scalable) {
      const replicas = this.scalable.toScalingTarget().replicas;
      problems.push(...check(replicas === undefined, `${prop}.replicas`, replicas,
        `must be unset: ${this.kind} ${this.name} has a fixed replica count, which every apply would reset under the autoscaler; remove 'replicas' from it`));
      problems.push(...check(!this.scalable.hasAutoscaler, prop, `${this.kind} ${this.name}`,
        'already has an autoscaler; two HorizontalPodAutoscalers on one workload fight over its replicas'));
    }
    if (problems.length === 0) this.scalable?.markHasAutoscaler();
    return problems;
  }

  /**
   * The pod spec as the request check reads it (container names and requests, init containers whole),
   * patches included, when the target is a cdk8s-plus workload.
   * @internal
   */
  public _podSpec(): any | undefined {
    const apiObject = this.workloadObject;
    if (!this.workload || !apiObject) return undefined;
    // A patch may add containers or requests: then only the rendered object tells. Unpatched, the
    // containers are read from the model: rendering costs a full resolve, and cdk8s-plus adds its `spread`
    // anti-affinity terms again on every render of the pod spec. Containers need only their requests
    // (rendering each one's probes, env and security context cost more than the whole check); init
    // containers are rendered, as whether they are sidecars is theirs to write.
    if (hasUserPatches(apiObject)) return apiObject.toJson()?.spec?.template?.spec;
    return {
      containers: this.workload.containers.map(c => ({ name: c.name, resources: { requests: requestsOf(c) } })),
      initContainers: this.workload.initContainers.map(c => c._toKube()),
    };
  }

  /**
   * The namespace the target is synthesized in, when the target is a cdk8s-plus workload.
   * @internal
   */
  public _namespace(): string | undefined {
    return this.workloadObject?.metadata.namespace;
  }

  /** @internal */
  public _toKube(): Record<string, string> {
    return { apiVersion: this.apiVersion, kind: this.kind, name: this.name };
  }
}

/**
 * The `resources.requests` a cdk8s-plus container synthesizes, by resource name: cdk8s-plus-27's
 * `Container._toKube()` writes a cpu, memory or ephemeral-storage request exactly when these are set (the
 * values are not needed, only whether there is one). `test/autoscaling/requests.test.ts` holds it to the render.
 */
function requestsOf(container: kplus.Container): Record<string, true> {
  const resources = container.resources;
  const requests: Record<string, true> = {};
  if (resources?.cpu?.request?.amount) requests.cpu = true;
  if (resources?.memory?.request) requests.memory = true;
  if (resources?.ephemeralStorage?.request) requests['ephemeral-storage'] = true;
  return requests;
}
