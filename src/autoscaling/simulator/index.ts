export { HpaSimulator } from './hpa-simulator';
export {
  HpaSimulatorProps, MetricRecommendation, MetricSample, ScalingReason, SimulationInput, SimulationStep, SyncSample,
} from './model';
