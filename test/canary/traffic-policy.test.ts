import { Duration, Testing } from 'cdk8s';
import {
  CanaryService, ClientTlsMode, ConsistentHashKey, H2UpgradePolicy, LoadBalancerSettings, TrafficPolicy,
} from '../../src';
import { only, synthValid } from '../util/validate';

/** The DestinationRule written for a shared policy and a policy on v2. */
function destinationRule(shared: TrafficPolicy | undefined, v2?: TrafficPolicy): any {
  const chart = Testing.chart();
  new CanaryService(chart, 'app', {
    versions: [
      { name: 'v1', containers: [{ image: 'ghcr.io/example/app:1', portNumber: 8080 }] },
      { name: 'v2', containers: [{ image: 'ghcr.io/example/app:2', portNumber: 8080 }], trafficPolicy: v2 },
    ],
    trafficPolicy: shared,
  });
  return only(synthValid(chart), 'DestinationRule').spec;
}

describe('DestinationRule traffic policies', () => {
  test.each([
    ['roundRobin', 'ROUND_ROBIN', LoadBalancerSettings.roundRobin()],
    ['leastRequest', 'LEAST_REQUEST', LoadBalancerSettings.leastRequest()],
    ['random', 'RANDOM', LoadBalancerSettings.random()],
    ['passthrough', 'PASSTHROUGH', LoadBalancerSettings.passthrough()],
  ])('%s() writes simple: %s', (_name, simple, lb) => {
    expect(destinationRule({ loadBalancer: lb }).trafficPolicy).toEqual({ loadBalancer: { simple } });
  });

  test('LEAST_CONN, deprecated since Istio 1.14, is accepted and written as LEAST_REQUEST', () => {
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const lb = LoadBalancerSettings.leastConn();
    expect(lb.description).toBe('LEAST_REQUEST');
    expect(destinationRule({ loadBalancer: lb }).trafficPolicy.loadBalancer).toEqual({ simple: 'LEAST_REQUEST' });
  });

  test.each([
    ['a header', ConsistentHashKey.header('x-user'), { httpHeaderName: 'x-user' }],
    ['a cookie', ConsistentHashKey.cookie('session', { ttl: Duration.hours(1), path: '/' }), { httpCookie: { name: 'session', path: '/', ttl: '1h' } }],
    ['the source IP', ConsistentHashKey.sourceIp(), { useSourceIp: true }],
    ['a query parameter', ConsistentHashKey.queryParameter('tenant'), { httpQueryParameterName: 'tenant' }],
  ])('consistent hash on %s', (_what, key, consistentHash) => {
    const lb = LoadBalancerSettings.consistentHash(key);
    expect(lb.description).toMatch(/^consistent hash on /);
    expect(destinationRule(undefined, { loadBalancer: lb }).subsets[1].trafficPolicy).toEqual({ loadBalancer: { consistentHash } });
  });

  test('connection pool, outlier detection and TLS, shared and per subset', () => {
    // GIVEN a shared circuit breaker and mutual TLS, and an own load balancer for v2
    const spec = destinationRule({
      connectionPool: {
        tcp: {
          maxConnections: 100,
          connectTimeout: Duration.millis(250),
          idleTimeout: Duration.minutes(5),
          maxConnectionDuration: Duration.hours(1),
        },
        http: {
          http1MaxPendingRequests: 10,
          http2MaxRequests: 1000,
          maxRequestsPerConnection: 1,
          maxRetries: 3,
          idleTimeout: Duration.seconds(90),
          h2UpgradePolicy: H2UpgradePolicy.UPGRADE,
          useClientProtocol: false,
        },
      },
      outlierDetection: {
        consecutive5xxErrors: 5,
        consecutiveGatewayErrors: 3,
        interval: Duration.seconds(10),
        baseEjectionTime: Duration.seconds(30),
        maxEjectionPercent: 50,
        minHealthPercent: 20,
      },
      tls: { mode: ClientTlsMode.ISTIO_MUTUAL, sni: 'app.shop.svc' },
    }, { loadBalancer: LoadBalancerSettings.random() });
    // THEN the durations are Go durations and the Istio field names are right (consecutive5xxErrors)
    expect(spec.trafficPolicy).toEqual({
      connectionPool: {
        tcp: { maxConnections: 100, connectTimeout: '250ms', idleTimeout: '5m', maxConnectionDuration: '1h' },
        http: {
          http1MaxPendingRequests: 10,
          http2MaxRequests: 1000,
          maxRequestsPerConnection: 1,
          maxRetries: 3,
          idleTimeout: '1m30s',
          h2UpgradePolicy: 'UPGRADE',
          useClientProtocol: false,
        },
      },
      outlierDetection: {
        consecutive5xxErrors: 5, consecutiveGatewayErrors: 3, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50, minHealthPercent: 20,
      },
      tls: { mode: 'ISTIO_MUTUAL', sni: 'app.shop.svc' },
    });
    expect(spec.subsets[0].trafficPolicy).toBeUndefined();
    expect(spec.subsets[1].trafficPolicy).toEqual({ loadBalancer: { simple: 'RANDOM' } });
  });

  test('MUTUAL TLS with a credential secret', () => {
    expect(destinationRule({ tls: { mode: ClientTlsMode.MUTUAL, credentialName: 'app-client', subjectAltNames: ['app.example.com'] } }).trafficPolicy)
      .toEqual({ tls: { mode: 'MUTUAL', credentialName: 'app-client', subjectAltNames: ['app.example.com'] } });
  });
});
