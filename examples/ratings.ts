import { Chart, Duration } from 'cdk8s';
import { CanaryService, LoadBalancerSettings, TrafficBackend, Waypoint } from 'cdk8s-patterns';

/**
 * The shop's ratings service, released as a canary on the Kubernetes Gateway API and Istio ambient: an
 * HTTPRoute attached to the `ratings` Service splits 80/20 between one Service per version, a waypoint proxy
 * applies it, and reviewers who send `x-shop-reviewer: true` always get 2.1.0. Moving it to the Istio API is
 * the one `trafficBackend` line.
 */
export function buildRatings(chart: Chart): CanaryService {
  const ratings = (version: string) => ({
    image: `ghcr.io/example/shop-ratings:${version}`,
    portNumber: 8080,
    securityContext: { user: 1000 },
  });
  const service = new CanaryService(chart, 'ratings', {
    trafficBackend: TrafficBackend.gatewayApi({ waypoint: Waypoint.create('shop-waypoint') }),
    versions: [
      { name: 'v2-0-0', containers: [ratings('2.0.0')], replicas: 2 },
      { name: 'v2-1-0', containers: [ratings('2.1.0')], replicas: 1, trafficPolicy: { loadBalancer: LoadBalancerSettings.leastRequest() } },
    ],
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    canaryWeight: 20,
    defaultRoute: { timeout: Duration.seconds(3), mirror: { version: 'v2-1-0', percentage: 10 } },
  });
  service.routeHeader('x-shop-reviewer', { exact: 'true' }, 'v2-1-0');
  return service;
}
