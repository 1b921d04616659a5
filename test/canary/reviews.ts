import { Chart, Duration } from 'cdk8s';
import { CanaryService, LoadBalancerSettings } from '../../src';

/**
 * The seed example: Istio bookinfo's `reviews` service, v1 and v2 at 75/25, per-subset load balancing and
 * a source-label rule. The lines between the markers are the canary guide's example (docs/canary.md), word for word.
 */
export function buildReviews(chart: Chart): CanaryService {
  // begin:readme
  const reviews = new CanaryService(chart, 'reviews', {
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
    defaultRoute: { timeout: Duration.seconds(10), retries: { attempts: 2, perTryTimeout: Duration.seconds(3) } },
  });
  // the new productpage (its v2) reads reviews from the canary
  reviews.routeSourceLabels({ app: 'productpage', version: 'v2' }, 'v2');
  // testers reach the canary with a header
  reviews.routeHeader('end-user', { exact: 'jason' }, 'v2');
  // end:readme
  return reviews;
}
