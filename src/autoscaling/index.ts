// Public API only: the files also export helpers the folder shares internally.
export type { AutoscalingOptions } from './autoscaling-options';
export { AutoscaledDeployment } from './autoscaled-deployment';
export type { AutoscaledDeploymentProps } from './autoscaled-deployment';
export { ScalingPolicy, ScalingPolicySelect, ScalingPolicyType } from './behavior';
export type { ScalingRules } from './behavior';
export { Metric, MetricSourceType, MetricTarget, MetricTargetType } from './metric';
export type { AutoscalingObjectReference, ContainerResourceMetricOptions, CustomMetricOptions, ObjectMetricOptions } from './metric';
export { PodAutoscaler } from './pod-autoscaler';
export type { PodAutoscalerProps } from './pod-autoscaler';
export { ScaleTarget } from './scale-target';
export * from './simulator';
