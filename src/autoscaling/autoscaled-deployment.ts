import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { checkArgs, checkConstructArgs, overlay, requireProp, restrictedContainer, runtimeDefaultSeccomp } from '../common';
import { AutoscalingOptions } from './autoscaling-options';
import { PodAutoscaler } from './pod-autoscaler';
import { ScaleTarget } from './scale-target';
import { validateWrittenObjects } from '../validation/construct';

/**
 * Props for `AutoscaledDeployment`: a cdk8s-plus Deployment's props (without `replicas`, which the
 * autoscaler owns) plus the autoscaling options.
 */
export interface AutoscaledDeploymentProps extends kplus.DeploymentProps, AutoscalingOptions {
  /**
   * Apply the restricted Pod Security Standard where the containers leave it open: every capability
   * dropped (on top of cdk8s-plus' non-root, read-only root filesystem, no privilege escalation) and
   * `seccompProfile: RuntimeDefault` on the pod.
   *
   * @default true
   */
  readonly restrictedSecurity?: boolean;
}

/**
 * A Deployment that scales itself: a cdk8s-plus Deployment without `spec.replicas` and an
 * `autoscaling/v2` HorizontalPodAutoscaler targeting it (see `PodAutoscaler`), optionally with a
 * PodDisruptionBudget.
 *
 * @example
 * new AutoscaledDeployment(chart, 'backend', {
 *   containers: [{ image: 'ghcr.io/example/backend:2.1.0', portNumber: 8080 }],
 *   maxReplicas: 10,
 *   metrics: [Metric.resourceCpu(MetricTarget.utilization(60))],
 * });
 */
export class AutoscaledDeployment extends Construct {
  /** The Deployment (cdk8s-plus), for everything a Deployment offers (`exposeViaService()`, …). */
  public readonly deployment: kplus.Deployment;

  /** The autoscaler; its `apiObject` is the raw HorizontalPodAutoscaler. */
  public readonly autoscaler: PodAutoscaler;

  private readonly restricted: boolean;

  /**
   * Defines the construct; see the props for what it writes and checks.
   *
   * @param scope the construct this one is defined in (a Chart, or a construct in one)
   * @param id the id, unique among the children of `scope`; the construct path ends with it
   * @param props the settings (AutoscaledDeploymentProps)
   */
  constructor(scope: Construct, id: string, props: AutoscaledDeploymentProps) {
    super(checkConstructArgs('AutoscaledDeployment', scope, id, props), id);
    validateWrittenObjects(this);
    const {
      maxReplicas, minReplicas, metrics, scaleUp, scaleDown, podDisruptionBudget, kubernetesVersion, restrictedSecurity, ...deploymentProps
    } = props;
    requireProp(deploymentProps.replicas === undefined, this, 'replicas', deploymentProps.replicas,
      'must be unset: the autoscaler owns the replica count (use minReplicas and maxReplicas)');
    this.restricted = restrictedSecurity ?? true;
    const secure = (containers?: kplus.ContainerProps[]) => this.restricted ? containers?.map(restrictedContainer) : containers;

    // id 'Default': the Deployment is this construct's default child and is named after it
    this.deployment = new kplus.Deployment(this, 'Default', overlay(deploymentProps, {
      containers: secure(deploymentProps.containers),
      initContainers: secure(deploymentProps.initContainers),
    }));
    if (this.restricted) runtimeDefaultSeccomp(this.deployment);
    this.autoscaler = new PodAutoscaler(this, 'Autoscaler', {
      target: ScaleTarget.fromDeployment(this.deployment),
      maxReplicas,
      minReplicas,
      metrics,
      scaleUp,
      scaleDown,
      podDisruptionBudget,
      kubernetesVersion,
    });
  }

  /** The Deployment's name (the autoscaler and the PodDisruptionBudget share it). */
  public get name(): string {
    return this.deployment.name;
  }

  /**
   * Adds a container to the pod template, with the restricted security defaults unless
   * `restrictedSecurity` is false. A Utilization metric then needs its request too (checked at synth).
   */
  public addContainer(container: kplus.ContainerProps): kplus.Container {
    checkArgs(this, 'AutoscaledDeployment.addContainer', arguments);
    return this.deployment.addContainer(this.restricted ? restrictedContainer(container) : container);
  }

  /**
   * Adds an init container to the pod template, like `addContainer()`.
   */
  public addInitContainer(container: kplus.ContainerProps): kplus.Container {
    checkArgs(this, 'AutoscaledDeployment.addInitContainer', arguments);
    return this.deployment.addInitContainer(this.restricted ? restrictedContainer(container) : container);
  }
}
