export { HpaSimulator } from './hpa-simulator';
export * from './model';
export * from './pod';
