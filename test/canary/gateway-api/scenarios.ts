import { Chart, Duration } from 'cdk8s';
import { CanaryService, CanaryServiceProps, LoadBalancerSettings, TrafficBackend } from '../../../src';

/**
 * The scenarios both traffic backends are tested with: the same props, only `trafficBackend` differs.
 */

/** Istio bookinfo's reviews at 75/25 (v2 is the canary), per-version load balancers, testers to the canary by header. */
export function reviewsProps(trafficBackend: TrafficBackend): CanaryServiceProps {
  return {
    trafficBackend,
    versions: [
      {
        name: 'v1',
        containers: [{ image: 'docker.io/istio/examples-bookinfo-reviews-v1:1.20.3', portNumber: 9080 }],
        trafficPolicy: { loadBalancer: LoadBalancerSettings.leastRequest() },
      },
      {
        name: 'v2',
        containers: [{ image: 'docker.io/istio/examples-bookinfo-reviews-v2:1.20.3', portNumber: 9080 }],
        trafficPolicy: { loadBalancer: LoadBalancerSettings.roundRobin() },
      },
    ],
    ports: [{ name: 'http', port: 9080 }],
    canaryWeight: 25,
    defaultRoute: { timeout: Duration.seconds(10) },
    routes: [{ match: { headers: { 'end-user': { exact: 'jason' } } }, version: 'v2' }],
  };
}

export function buildReviews(chart: Chart, trafficBackend: TrafficBackend): CanaryService {
  return new CanaryService(chart, 'reviews', reviewsProps(trafficBackend));
}

/** Three versions at 60/30/10 with a quarter of the traffic mirrored to v3 and a header rule to v3. */
export function threeWayProps(trafficBackend: TrafficBackend): CanaryServiceProps {
  const version = (name: string) => ({ name, containers: [{ image: `ghcr.io/example/ratings:${name}`, portNumber: 8080 }] });
  return {
    trafficBackend,
    versions: [version('v1'), version('v2'), version('v3')],
    weights: { v1: 60, v2: 30, v3: 10 },
    defaultRoute: {
      mirror: { version: 'v3', percentage: 25 },
      headers: { request: { set: { 'x-canary-split': 'weighted' } } },
    },
    routes: [{ match: { headers: { 'x-version': { exact: 'v3' } } }, version: 'v3' }],
  };
}

export function buildThreeWay(chart: Chart, trafficBackend: TrafficBackend): CanaryService {
  return new CanaryService(chart, 'ratings', threeWayProps(trafficBackend));
}
