// Public API only: the files also export helpers the folder shares internally.
export { AutoscalingOptions } from './autoscaling-options';
export { AutoscaledDeployment, AutoscaledDeploymentProps } from './autoscaled-deployment';
export { ScalingPolicy, ScalingPolicySelect, ScalingPolicyType, ScalingRules } from './behavior';
export {
  AutoscalingObjectReference, ContainerResourceMetricOptions, CustomMetricOptions, Metric, MetricSourceType, MetricTarget,
  MetricTargetType, ObjectMetricOptions,
} from './metric';
export { PodAutoscaler, PodAutoscalerProps } from './pod-autoscaler';
export { ScaleTarget } from './scale-target';
export * from './simulator';
