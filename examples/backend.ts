import { Chart, Duration, Size } from 'cdk8s';
import { AutoscaledDeployment, AutoscalingOptions, Metric, MetricTarget, ScalingPolicy } from 'cdk8s-patterns';
import * as kplus from 'cdk8s-plus-27';

/**
 * How the shop's backend scales (the README simulates a busy hour with exactly these options).
 */
export const BACKEND_AUTOSCALING: AutoscalingOptions = {
  minReplicas: 2,
  maxReplicas: 10,
  metrics: [
    Metric.resourceCpu(MetricTarget.utilization(60)),
    Metric.resourceMemory(MetricTarget.averageValue('768Mi')),
  ],
  // after the server's 5 minute stabilization, give back at most one pod a minute
  scaleDown: { policies: [ScalingPolicy.pods(1, Duration.minutes(1))] },
  podDisruptionBudget: true,
};

/**
 * The shop's backend: a Deployment that scales itself on cpu and memory, behind a Service.
 */
export function buildBackend(chart: Chart): AutoscaledDeployment {
  const backend = new AutoscaledDeployment(chart, 'backend', {
    metadata: { name: 'backend' },
    containers: [{
      name: 'app',
      image: 'ghcr.io/example/shop-backend:3.2.0',
      portNumber: 8080,
      securityContext: { user: 1000 },
      resources: {
        cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(1000) },
        memory: { request: Size.mebibytes(512), limit: Size.mebibytes(1024) },
      },
    }],
    ...BACKEND_AUTOSCALING,
  });
  backend.deployment.exposeViaService({ name: 'backend', ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
  return backend;
}
