import { Chart, Duration } from 'cdk8s';
import { CanaryService, LoadBalancerSettings } from 'cdk8s-patterns';

/**
 * The shop's frontend, released as an Istio canary: 1.4.0 is stable, 1.5.0 takes 10% of the traffic, and
 * testers who send `x-shop-tester: true` always get 1.5.0. Promote with `CanaryService.promote()` once the
 * canary's metrics hold.
 */
export function buildFrontend(chart: Chart): CanaryService {
  const frontend = (version: string) => ({
    image: `ghcr.io/example/shop-frontend:${version}`,
    portNumber: 8080,
    securityContext: { user: 1000 },
  });
  const service = new CanaryService(chart, 'frontend', {
    versions: [
      { name: 'v1-4-0', containers: [frontend('1.4.0')], replicas: 3 },
      { name: 'v1-5-0', containers: [frontend('1.5.0')], replicas: 1 },
    ],
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    canaryWeight: 10,
    trafficPolicy: {
      loadBalancer: LoadBalancerSettings.leastRequest(),
      outlierDetection: { consecutive5xxErrors: 5, interval: Duration.seconds(10), baseEjectionTime: Duration.seconds(30) },
    },
    defaultRoute: { timeout: Duration.seconds(5), retries: { attempts: 2, perTryTimeout: Duration.seconds(2), retryOn: ['5xx', 'connect-failure'] } },
  });
  service.routeHeader('x-shop-tester', { exact: 'true' }, 'v1-5-0');
  return service;
}
