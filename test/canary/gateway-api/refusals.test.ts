import { Duration, Testing } from 'cdk8s';
import { reviewsProps } from './scenarios';
import { CanaryRoute, CanaryRouteOptions, CanaryService, CanaryServiceProps, TrafficBackend } from '../../../src';

const BACKEND = 'has no faithful mapping on the Gateway API backend (Gateway API v1.5.1, Standard channel, as Istio 1.30 supports it)';

function build(extra: Partial<CanaryServiceProps> = {}, backend = TrafficBackend.gatewayApi()): CanaryService {
  const { routes, ...props } = reviewsProps(backend);
  return new CanaryService(Testing.chart(), 'reviews', { ...props, ...extra });
}

describe('features without a faithful Gateway API mapping are refused, naming the feature and the backend', () => {
  const rules: Array<[string, CanaryRoute, string]> = [
    ['source labels', { match: { sourceLabels: { app: 'productpage' } }, version: 'v2' },
      "'routes[0].match.sourceLabels' ({\"app\":\"productpage\"}) " + BACKEND + ': the Gateway API has no source-workload match (and Istio ambient ignores sourceLabels on waypoints)'],
    ['source namespace', { match: { sourceNamespace: 'shop' }, version: 'v2' },
      "'routes[0].match.sourceNamespace' (\"shop\") " + BACKEND + ': the Gateway API has no source-namespace match'],
    ['negated headers', { match: { withoutHeaders: { 'x-beta': { exact: 'no' } } }, version: 'v2' },
      "'routes[0].match.withoutHeaders' ({\"x-beta\":{\"exact\":\"no\"}}) " + BACKEND + ': the Gateway API has no negated header match'],
    ['a uri prefix', { match: { uri: { prefix: '/api' } }, version: 'v2' },
      "'routes[0].match.uri.prefix' (\"/api\") " + BACKEND + ": a Gateway API PathPrefix matches whole path segments ('/api' matches '/api' and '/api/x', not '/apix')"],
    ['case-insensitive paths', { match: { uri: { exact: '/api' }, ignoreUriCase: true }, version: 'v2' },
      "'routes[0].match.ignoreUriCase' (true) " + BACKEND + ': Gateway API path matches are case-sensitive'],
    ['a header prefix', { match: { headers: { 'x-user': { prefix: 'test-' } } }, version: 'v2' },
      '\'routes[0].match.headers["x-user"].prefix\' ("test-") ' + BACKEND + ': Gateway API header matches are Exact or RegularExpression; write the prefix as a regex'],
    ['a method regex', { match: { method: { regex: 'P.*' } }, version: 'v2' },
      "'routes[0].match.method.regex' (\"P.*\") " + BACKEND + ': Gateway API method matches name one method'],
    ['per-match gateways', { match: { headers: { 'x-user': { exact: 'a' } }, gateways: ['mesh'] }, version: 'v2' },
      "'routes[0].match.gateways' ([\"mesh\"]) " + BACKEND + ': per-match gateways have no Gateway API form'],
  ];
  test.each(rules)('%s', (_, route, message) => {
    const c = build();
    expect(() => c.addRoute(route)).toThrow(`[test/reviews] ${message}`);
  });

  const options: Array<[string, CanaryRouteOptions, string]> = [
    ['fault injection', { fault: { abort: { httpStatus: 503, percentage: 10 } } },
      "'defaultRoute.fault' ({\"abort\":{\"httpStatus\":503,\"percentage\":{\"value\":10}}}) " + BACKEND + ': the Gateway API has no fault injection filter'],
    ['retries', { retries: { attempts: 3 } },
      "'defaultRoute.retries' ({\"attempts\":3}) " + BACKEND + ': HTTPRouteRetry (GEP-1731) is Experimental in Gateway API v1.5.1 and absent from the Standard channel'],
    ['CORS', { corsPolicy: { allowOrigins: [{ exact: 'https://shop.example.com' }] } },
      "'defaultRoute.corsPolicy' ({\"allowOrigins\":[{\"exact\":\"https://shop.example.com\"}]}) " + BACKEND + ': Istio translates the HTTPRoute CORS filter with unmatchedPreflights IGNORE'],
    ['a mirror percentage finer than a millionth', { mirror: { version: 'v2', percentage: 1.0000001 } },
      "'defaultRoute.mirror.percentage' (1.0000001) " + BACKEND + ': a RequestMirror fraction has an int32 numerator and denominator'],
  ];
  test.each(options)('%s on the catch-all route', (_, defaultRoute, message) => {
    expect(() => build({ defaultRoute })).toThrow(`[test/reviews] ${message}`);
  });

  test('the same props are accepted on the Istio backend', () => {
    for (const [, route] of rules) expect(() => build({}, TrafficBackend.istio()).addRoute(route)).not.toThrow();
    for (const [, defaultRoute] of options) expect(() => build({ defaultRoute }, TrafficBackend.istio())).not.toThrow();
  });

  test('a rule name must be a DNS-1123 subdomain (it names the HTTPRoute rule)', () => {
    expect(() => build({ defaultRoute: { name: 'Catch All' } }))
      .toThrow("'defaultRoute.name' (\"Catch All\") must be a DNS-1123 subdomain (lowercase alphanumerics, \"-\" and \".\"; at most 253) on the Gateway API backend");
  });

  test('a method outside the Gateway API enum', () => {
    expect(() => build().addRoute({ match: { method: { exact: 'PURGE' } }, version: 'v2' }))
      .toThrow("'routes[0].match.method.exact' (\"PURGE\") must be one of GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH on the Gateway API backend");
  });

  test('Istio-only props: hosts and gateways', () => {
    expect(() => build({ hosts: ['reviews.example.com'] })).toThrow("'hosts' ([\"reviews.example.com\"]) must be left out on the Gateway API backend");
    expect(() => build({ gateways: ['shop/public'] })).toThrow("'gateways' ([\"shop/public\"]) must be left out on the Gateway API backend: attach the route with TrafficBackend.gatewayApi({ gateways })");
  });

  test('a refused rule is not kept: the service still synthesizes without it', () => {
    const chart = Testing.chart();
    const c = new CanaryService(chart, 'reviews', reviewsProps(TrafficBackend.gatewayApi()));
    expect(() => c.routeSourceLabels({ app: 'productpage' }, 'v2')).toThrow('sourceLabels');
    const route = Testing.synth(chart).find((o: any) => o.kind === 'HTTPRoute');
    expect(route.spec.rules).toHaveLength(2);
  });

  test('backend options: a parent is needed, gateway references are checked, a version Service name must fit', () => {
    expect(() => build({}, TrafficBackend.gatewayApi({ mesh: false })))
      .toThrow("'trafficBackend.mesh' (false) must be true when no 'gateways' are given: the HTTPRoute needs a parent");
    expect(() => build({}, TrafficBackend.gatewayApi({ gateways: [{ name: 'Public' }] })))
      .toThrow("'trafficBackend.gateways[0].name' (\"Public\") must be a Gateway name (DNS-1123 subdomain)");
    expect(() => build({}, TrafficBackend.gatewayApi({ gateways: [{ name: 'edge', port: 0 }] })))
      .toThrow("'trafficBackend.gateways[0].port' (0) must be an integer from 1 to 65535");
    expect(() => build({}, TrafficBackend.gatewayApi({ gateways: [{ name: 'edge' }, { name: 'edge' }] })))
      .toThrow("'trafficBackend.gateways[1]' ({\"name\":\"edge\"}) must not repeat trafficBackend.gateways[0]");
    const long = 'r'.repeat(61); // 61 + '-v1' = 64 > 63
    expect(() => new CanaryService(Testing.chart(), 'x', { ...reviewsProps(TrafficBackend.gatewayApi()), serviceName: long }))
      .toThrow(`'versions[0].name' ("v1") must leave room for the version Service "${long}-v1" on the Gateway API backend`);
  });

  test('durations the Gateway API writes in its own format', () => {
    const c = build({ defaultRoute: { timeout: Duration.millis(1500) } });
    expect(Testing.synth(c.node.scope as any).find((o: any) => o.kind === 'HTTPRoute').spec.rules[0].timeouts).toEqual({ request: '1500ms' });
  });
});
