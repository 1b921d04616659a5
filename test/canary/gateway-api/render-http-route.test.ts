import { Testing } from 'cdk8s';
import { DeclaredRule, toHttpRouteRule } from '../../../src/canary/gateway-api/render-http-route';
import { ProblemSeverity, validateObject } from '../../../src/validation';

/**
 * The VirtualService fields that CanaryRouteOptions does not set today (rewrite, redirect) translate as
 * Istio translates them back (createRewriteFilter / createRedirectFilter, Istio 1.30.3), so a prop that
 * writes them later gets the Gateway API form, or a refusal, without changes here.
 */
const scope = () => Testing.chart();
const backend = { serviceName: (v: string) => `app-${v}`, port: 80 };
const translate = (http: any) => toHttpRouteRule(scope(), { prop: 'routes[0]', http } as DeclaredRule, backend);
const route = (...rules: any[]) => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'app' }, spec: { rules } });
const errors = (rules: any[]) => validateObject(route(...rules)).filter(p => p.severity === ProblemSeverity.ERROR);

describe('rewrite', () => {
  test('authority and a full-path regex rewrite become a URLRewrite with hostname and ReplaceFullPath', () => {
    const rule = translate({
      match: [{ headers: { 'x-v': { exact: '2' } } }],
      route: [{ destination: { subset: 'v2' } }],
      rewrite: { authority: 'app-v2.shop.svc', uriRegexRewrite: { match: '/.*', rewrite: '/v2/index' } },
    });
    expect(rule.filters).toEqual([{ type: 'URLRewrite', urlRewrite: { hostname: 'app-v2.shop.svc', path: { type: 'ReplaceFullPath', replaceFullPath: '/v2/index' } } }]);
    expect(errors([rule])).toEqual([]);
  });

  test('a prefix rewrite on a rule without a path match (PathPrefix / by default) passes the CRD rule that needs one PathPrefix match', () => {
    const rule = translate({ match: [{ headers: { 'x-v': { exact: '2' } } }], route: [{ destination: { subset: 'v2' } }], rewrite: { uri: '/v2' } });
    expect(rule.filters).toEqual([{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' } } }]);
    expect(errors([rule])).toEqual([]);
  });

  test('refused where Istio would translate back to something else', () => {
    expect(() => translate({ match: [{ uri: { exact: '/a' } }], route: [{ destination: { subset: 'v2' } }], rewrite: { uri: '/b' } }))
      .toThrow("'routes[0].rewrite.uri' (\"/b\") has no faithful mapping on the Gateway API backend");
    expect(() => translate({ route: [{ destination: { subset: 'v2' } }], rewrite: { uri: '/v2/' } }))
      .toThrow('Istio trims the trailing "/" of a ReplacePrefixMatch');
    expect(() => translate({ route: [{ destination: { subset: 'v2' } }], rewrite: { uriRegexRewrite: { match: '^/api/(.*)', rewrite: '/\\1' } } }))
      .toThrow("'routes[0].rewrite.uriRegexRewrite.match' (\"^/api/(.*)\") has no faithful mapping");
  });
});

describe('redirect', () => {
  test("Istio's default code (301) is written, since the Gateway API's is 302; no backendRefs beside a redirect", () => {
    const rule = translate({ match: [{ uri: { exact: '/old' } }], redirect: { uri: '/new', authority: 'shop.example.com', derivePort: 'FROM_REQUEST_PORT' } });
    expect(rule).toEqual({
      matches: [{ path: { type: 'Exact', value: '/old' } }],
      filters: [{ type: 'RequestRedirect', requestRedirect: { statusCode: 301, hostname: 'shop.example.com', path: { type: 'ReplaceFullPath', replaceFullPath: '/new' } } }],
    });
    expect(errors([rule])).toEqual([]);
  });

  test('scheme and port; a %PREFIX()% uri becomes ReplacePrefixMatch', () => {
    const rule = translate({ match: [{ headers: { 'x-v': { exact: '2' } } }], redirect: { scheme: 'https', port: 8443, redirectCode: 308, uri: '%PREFIX()%/v2' } });
    expect(rule.filters[0].requestRedirect).toEqual({ statusCode: 308, scheme: 'https', port: 8443, path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' } });
    expect(errors([rule])).toEqual([]);
  });

  test('a redirect without port or derivePort has no Gateway API form (Istio would derive the port)', () => {
    expect(() => translate({ match: [{ uri: { exact: '/old' } }], redirect: { scheme: 'https' } }))
      .toThrow("'routes[0].redirect.derivePort' (undefined) has no faithful mapping on the Gateway API backend (Gateway API v1.5.1, Standard channel, as Istio 1.30 supports it): "
        + 'a RequestRedirect without a port makes Istio derive it from the scheme (FROM_PROTOCOL_DEFAULT); set that, or a port');
  });
});

test('a field the construct has no translation for is refused by name, never dropped', () => {
  expect(() => translate({ route: [{ destination: { subset: 'v2' } }], directResponse: { status: 503 } }))
    .toThrow("'routes[0].directResponse' ({\"status\":503}) has no faithful mapping on the Gateway API backend (Gateway API v1.5.1, Standard channel, as Istio 1.30 supports it): the construct has no HTTPRoute translation for it");
});
