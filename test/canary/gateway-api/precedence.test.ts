import { Testing } from 'cdk8s';
import { reviewsProps } from './scenarios';
import { CanaryService, TrafficBackend } from '../../../src';
import { gatewayOrder, mayOverlap, precedenceConflict, RankedRule } from '../../../src/canary/gateway-api/precedence';
import { only, synthValid } from '../../util/validate';

const rule = (prop: string, match: any, effect = prop): RankedRule => ({ prop, match, effect });
const header = (name: string, value: string, type = 'Exact') => ({ name, type, value });

describe("Istio's sortHTTPRoutes, ported: the order the Gateway API evaluates an HTTPRoute's rules", () => {
  test('Exact path, then longer PathPrefix, then RegularExpression; the defaulted catch-all (PathPrefix /) sorts with the prefixes', () => {
    const rules = [
      rule('regex', { path: { type: 'RegularExpression', value: '/api/.*/v2' } }),
      rule('catch-all', undefined),
      rule('prefix', { path: { type: 'PathPrefix', value: '/api/' } }),
      rule('exact', { path: { type: 'Exact', value: '/a' } }),
    ];
    expect(gatewayOrder(rules).map(r => r.prop)).toEqual(['exact', 'prefix', 'catch-all', 'regex']);
  });

  test('at the same path: a method match, then more headers, then more query parameters; ties keep the written order', () => {
    const rules = [
      rule('query', { queryParams: [header('beta', 'true')] }),
      rule('one-header', { headers: [header('x-a', '1')] }),
      rule('two-headers', { headers: [header('x-a', '1'), header('x-b', '2')] }),
      rule('method', { method: 'POST' }),
      rule('other-one-header', { headers: [header('x-c', '3')] }),
    ];
    expect(gatewayOrder(rules).map(r => r.prop)).toEqual(['method', 'two-headers', 'one-header', 'other-one-header', 'query']);
  });

  test("a PathPrefix's trailing slash does not count in its length (createURIMatch trims it)", () => {
    const rules = [rule('slash', { path: { type: 'PathPrefix', value: '/ab/' } }), rule('longer', { path: { type: 'PathPrefix', value: '/abc' } })];
    expect(gatewayOrder(rules).map(r => r.prop)).toEqual(['longer', 'slash']);
  });
});

describe('overlap: matches are disjoint only when they require different values', () => {
  test.each([
    ['different exact header values', { headers: [header('x-v', 'a')] }, { headers: [header('X-V', 'b')] }, false],
    ['an exact value the regex does not fully match', { headers: [header('x-v', 'beta')] }, { headers: [header('x-v', 'bet', 'RegularExpression')] }, false],
    ['an exact value the regex matches', { headers: [header('x-v', 'beta')] }, { headers: [header('x-v', 'b.*', 'RegularExpression')] }, true],
    ['different headers', { headers: [header('x-a', '1')] }, { headers: [header('x-b', '1')] }, true],
    ['different methods', { method: 'GET' }, { method: 'POST' }, false],
    ['different exact paths', { path: { type: 'Exact', value: '/a' } }, { path: { type: 'Exact', value: '/b' } }, false],
    ['an exact path and a header', { path: { type: 'Exact', value: '/a' } }, { headers: [header('x-a', '1')] }, true],
    ['different query values', { queryParams: [header('v', '1')] }, { queryParams: [header('v', '2')] }, false],
  ])('%s', (_, a, b, overlap) => {
    expect(mayOverlap(a, b)).toBe(overlap);
    expect(mayOverlap(b, a)).toBe(overlap);
  });
});

describe('precedenceConflict: the Gateway API result must equal the declared (Istio) order', () => {
  test('a swap of disjoint rules is proved harmless', () => {
    const rules = [rule('routes[0]', { headers: [header('x-v', 'a')] }), rule('routes[1]', { headers: [header('x-v', 'b'), header('x-w', 'c')] }), rule('defaultRoute', undefined)];
    expect(gatewayOrder(rules).map(r => r.prop)).toEqual(['routes[1]', 'routes[0]', 'defaultRoute']);
    expect(precedenceConflict(rules)).toBeUndefined();
  });

  test('a swap of rules with the same effect is harmless', () => {
    const rules = [rule('routes[0]', { headers: [header('x-a', '1')] }, 'to v2'), rule('routes[1]', { method: 'POST' }, 'to v2'), rule('defaultRoute', undefined)];
    expect(precedenceConflict(rules)).toBeUndefined();
  });

  test('a swap of overlapping rules that route differently is a conflict, with the reason', () => {
    const rules = [rule('routes[0]', { headers: [header('x-a', '1')] }), rule('routes[1]', { path: { type: 'Exact', value: '/api' } }), rule('defaultRoute', undefined)];
    expect(precedenceConflict(rules)).toEqual({
      overtaken: rules[0],
      overtaking: rules[1],
      reason: 'its path match kind ranks higher (Exact > PathPrefix > RegularExpression)',
    });
  });
});

describe('the construct refuses what the Gateway API would decide differently', () => {
  const service = () => new CanaryService(Testing.chart(), 'reviews', reviewsProps(TrafficBackend.gatewayApi()));

  test('an exact-path rule that would overtake the header rule declared before it', () => {
    const c = service();
    expect(() => c.routeUri({ exact: '/reviews/0' }, 'v1')).toThrow(
      "[test/reviews] 'routes[0].match' (\"header end-user Exact jason\") must not be overtaken on the Gateway API backend: the Gateway API picks the most specific match, "
      + 'so it evaluates routes[1] (path Exact /reviews/0) first because its path match kind ranks higher (Exact > PathPrefix > RegularExpression); '
      + 'one request can match both and they route differently, so the result would differ from the rules as declared.');
  });

  test('the same rule is accepted on the Istio backend, and on the Gateway API backend when it routes where the header rule does', () => {
    const istio = new CanaryService(Testing.chart(), 'reviews', reviewsProps(TrafficBackend.istio()));
    expect(() => istio.routeUri({ exact: '/reviews/0' }, 'v1')).not.toThrow();
    const chart = Testing.chart();
    const c = new CanaryService(chart, 'reviews', reviewsProps(TrafficBackend.gatewayApi()));
    c.routeUri({ exact: '/reviews/0' }, 'v2');
    expect(only(synthValid(chart), 'HTTPRoute').spec.rules.map((r: any) => r.matches?.[0])).toEqual([
      { headers: [{ name: 'end-user', type: 'Exact', value: 'jason' }] },
      { path: { type: 'Exact', value: '/reviews/0' } },
      undefined,
    ]);
  });

  test('a RegularExpression path ranks below the catch-all, so it would never apply', () => {
    expect(() => service().routeUri({ regex: '/reviews/[0-9]+' }, 'v2')).toThrow(
      "'routes[1].match' (\"path RegularExpression /reviews/[0-9]+\") must not be overtaken on the Gateway API backend: the Gateway API picks the most specific match, "
      + 'so it evaluates defaultRoute (every request (PathPrefix /)) first because its path match kind ranks higher');
  });

  test('more specific header rules declared later are fine when their values exclude the earlier ones', () => {
    const chart = Testing.chart();
    const c = new CanaryService(chart, 'reviews', reviewsProps(TrafficBackend.gatewayApi()));
    c.addRoute({ match: { headers: { 'end-user': { exact: 'maria' }, 'x-beta': { exact: 'true' } } }, version: 'v1' });
    expect(only(synthValid(chart), 'HTTPRoute').spec.rules).toHaveLength(3);
  });

  test('a method rule declared after a header rule that can match the same request is refused', () => {
    expect(() => service().addRoute({ match: { method: { exact: 'POST' } }, version: 'v1' })).toThrow('because it matches the method');
  });
});
