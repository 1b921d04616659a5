export { HpaSimulator } from './hpa-simulator';
export * from './model';
export * from './pod';
export { RolloutAutoscalingSimulator } from './rollout-simulator';
export type {
  RolloutAutoscalingSimulatorProps, RolloutLoad, RolloutSimulation, RolloutStepOutcome, RolloutVersionStep, RolloutVersionTimeline,
} from './rollout-simulator';
