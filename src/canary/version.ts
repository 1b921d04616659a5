import * as kplus from 'cdk8s-plus-27';
import { HeaderOperations } from './http-route';
import { TrafficPolicy } from './traffic-policy';
import { AutoscalingOptions } from '../autoscaling/autoscaling-options';

/**
 * One version of a CanaryService: a cdk8s-plus Deployment (every `kplus.DeploymentProps` field applies:
 * containers, replicas, volumes, service account, strategy, ...) plus its DestinationRule subset.
 *
 * The construct adds the pod labels `<appLabel>: <service name>` and `<versionLabel>: <version name>` and
 * selects the pods by both. `select` is not used (the construct owns the selector).
 */
export interface CanaryVersionProps extends kplus.DeploymentProps {
  /**
   * The version's name: the `version` label value, the DestinationRule subset name and the suffix of the
   * Deployment name (a DNS-1123 label, e.g. `v2` or `stable`).
   */
  readonly name: string;

  /**
   * Traffic policy for this version's subset, on top of the service-wide one.
   *
   * @default - only the service-wide policy
   */
  readonly trafficPolicy?: TrafficPolicy;

  /**
   * Header edits written on every HTTP route destination of this version (Istio's `route[].headers`), e.g. a
   * response header naming the version that answered.
   *
   * @default - none
   */
  readonly routeHeaders?: HeaderOperations;

  /**
   * Scale this version with an `autoscaling/v2` HorizontalPodAutoscaler (the same `PodAutoscaler` that
   * `AutoscaledDeployment` uses). The Deployment is then written without `spec.replicas`, so `replicas`
   * must be left unset.
   *
   * @default - no autoscaler: the Deployment keeps `replicas`
   */
  readonly autoscaling?: AutoscalingOptions;
}
