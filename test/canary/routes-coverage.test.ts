/**
 * Coverage of Istio 1.30's HTTPRoute fields (issue 12, item 4): every typed prop renders to exactly its CRD
 * field and passes the Istio schema oracle; a wrong JavaScript type or shape gets the library's error naming
 * the prop (never a TypeError).
 */
import { Duration, Testing } from 'cdk8s';
import { expectCrdFields } from './crd-fields';
import {
  CanaryRoute, CanaryRouteOptions, CanaryService, CanaryServiceProps, CorsUnmatchedPreflights, DirectResponseBody, GrpcStatus, RedirectPortSelection,
} from '../../src';
import { synthValid } from '../util/validate';

const PATH = '[test/app]';

function props(extra: Partial<CanaryServiceProps> = {}): CanaryServiceProps {
  return {
    versions: ['v1', 'v2'].map(name => ({ name, containers: [{ image: `ghcr.io/example/app:${name}`, portNumber: 8080 }] })),
    canaryWeight: 10,
    ...extra,
  };
}

/** The VirtualService http rules written for these props and later routes. */
function httpRules(extra: Partial<CanaryServiceProps>, ...routes: CanaryRoute[]): any[] {
  const chart = Testing.chart();
  const c = new CanaryService(chart, 'app', props(extra));
  routes.forEach(r => c.addRoute(r));
  return expectCrdFields(synthValid(chart)).vs.http;
}

function refusal(build: () => unknown): string {
  try {
    build();
    return 'not refused';
  } catch (e: any) {
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(TypeError);
    return e.message;
  }
}

const byHeader = { headers: { 'x-canary': { exact: 'yes' } } };

describe('HTTP route options reach their Istio fields', () => {
  test('rewrite: uri and authority on the catch-all; uriRegexRewrite on a rule', () => {
    // GIVEN / WHEN
    const http = httpRules(
      { defaultRoute: { rewrite: { uri: '/v1/', authority: 'backend.internal' } } },
      { match: { uri: { prefix: '/legacy/' } }, version: 'v2', rewrite: { uriRegexRewrite: { match: '^/legacy/(.*)$', rewrite: '/\\1' } } },
    );
    // THEN
    expect(http[0].rewrite).toEqual({ uriRegexRewrite: { match: '^/legacy/(.*)$', rewrite: '/\\1' } });
    expect(http[1].rewrite).toEqual({ uri: '/v1/', authority: 'backend.internal' });
  });

  test('redirect: uri, authority, port, scheme, redirectCode; derivePort; a redirect rule has no route', () => {
    const http = httpRules({},
      { match: { uri: { prefix: '/old' } }, redirect: { uri: '/new', authority: 'shop.example.com', port: 8443, scheme: 'https', redirectCode: 308 } },
      { match: { scheme: { exact: 'http' } }, redirect: { scheme: 'https', derivePort: RedirectPortSelection.FROM_PROTOCOL_DEFAULT } },
    );
    expect(http[0]).toEqual({
      match: [{ uri: { prefix: '/old' } }],
      redirect: { uri: '/new', authority: 'shop.example.com', port: 8443, scheme: 'https', redirectCode: 308 },
    });
    expect(http[1]).toEqual({ match: [{ scheme: { exact: 'http' } }], redirect: { scheme: 'https', derivePort: 'FROM_PROTOCOL_DEFAULT' } });
  });

  test('directResponse: status with a text or a base64 body', () => {
    const http = httpRules({},
      { match: { uri: { exact: '/maintenance' } }, directResponse: { status: 503, body: DirectResponseBody.fromString('down for maintenance') } },
      { match: { uri: { exact: '/pixel.gif' } }, directResponse: { status: 200, body: DirectResponseBody.fromBase64('R0lGODlhAQABAAAAACw=') } },
      { match: { uri: { exact: '/gone' } }, directResponse: { status: 410 } },
    );
    expect(http[0]).toEqual({ match: [{ uri: { exact: '/maintenance' } }], directResponse: { status: 503, body: { string: 'down for maintenance' } } });
    expect(http[1].directResponse).toEqual({ status: 200, body: { bytes: 'R0lGODlhAQABAAAAACw=' } });
    expect(http[2].directResponse).toEqual({ status: 410 });
    expect(http[2].route).toBeUndefined();
  });

  test('retries: backoff, retryRemoteLocalities, retryIgnorePreviousHosts', () => {
    const [catchAll] = httpRules({
      defaultRoute: {
        retries: {
          attempts: 3,
          perTryTimeout: Duration.seconds(2),
          backoff: Duration.millis(50),
          retryRemoteLocalities: true,
          retryIgnorePreviousHosts: false,
          retryOn: ['5xx', 'reset'],
        },
      },
    });
    expect(catchAll.retries).toEqual({
      attempts: 3, perTryTimeout: '2s', backoff: '50ms', retryRemoteLocalities: true, retryIgnorePreviousHosts: false, retryOn: '5xx,reset',
    });
  });

  test('retries disabled still take backoff and retryIgnorePreviousHosts, as Istio does (validateHTTPRetry)', () => {
    const [catchAll] = httpRules({ defaultRoute: { retries: { attempts: 0, backoff: Duration.millis(25), retryIgnorePreviousHosts: true } } });
    expect(catchAll.retries).toEqual({ attempts: 0, backoff: '25ms', retryIgnorePreviousHosts: true });
  });

  test('fault: an abort with a gRPC status', () => {
    const [catchAll] = httpRules({ defaultRoute: { fault: { abort: { grpcStatus: GrpcStatus.UNAVAILABLE, percentage: 5 } } } });
    expect(catchAll.fault).toEqual({ abort: { grpcStatus: 'UNAVAILABLE', percentage: { value: 5 } } });
  });

  test('corsPolicy: unmatchedPreflights', () => {
    const [catchAll] = httpRules({
      defaultRoute: { corsPolicy: { allowOrigins: [{ exact: 'https://shop.example.com' }], unmatchedPreflights: CorsUnmatchedPreflights.IGNORE } },
    });
    expect(catchAll.corsPolicy).toEqual({ allowOrigins: [{ exact: 'https://shop.example.com' }], unmatchedPreflights: 'IGNORE' });
  });

  test('match: authority, scheme, port, name, statPrefix', () => {
    const [rule] = httpRules({}, {
      match: { authority: { prefix: 'beta.' }, scheme: { exact: 'https' }, port: 80, name: 'beta-host', statPrefix: 'beta' },
      version: 'v2',
    });
    expect(rule.match).toEqual([{ name: 'beta-host', authority: { prefix: 'beta.' }, scheme: { exact: 'https' }, port: 80, statPrefix: 'beta' }]);
  });

  test('a rule with its own weighted split (route[] with weights)', () => {
    const base = props();
    const http = httpRules({ versions: [...base.versions, { name: 'v3', containers: [{ image: 'ghcr.io/example/app:v3', portNumber: 8080 }] }], canaryWeight: undefined, weights: { v1: 100 } },
      { match: byHeader, weights: { v3: 50, v2: 50 } });
    expect(http[0].route).toEqual([
      { destination: { host: 'app', subset: 'v2' }, weight: 50 },
      { destination: { host: 'app', subset: 'v3' }, weight: 50 },
    ]);
  });

  test('toMermaid draws split rules, redirects and direct responses', () => {
    const c = new CanaryService(Testing.chart(), 'app', props());
    c.addRoute({ match: byHeader, weights: { v1: 20, v2: 80 } });
    c.addRoute({ match: { uri: { prefix: '/old' } }, redirect: { uri: '/new' } });
    c.addRoute({ match: { authority: { exact: 'down.example.com' } }, directResponse: { status: 503 } });
    const mermaid = c.toMermaid();
    expect(mermaid).toContain('rule1 -->|match 20%| subset0');
    expect(mermaid).toContain('rule1 -->|match 80%| subset1');
    expect(mermaid).toContain('rule2answer(["redirect /new"])');
    expect(mermaid).toContain('rule3{"3. authority = down.example.com"}');
    expect(mermaid).toContain('rule3 -->|match| rule3answer');
  });

  test("a version's routeHeaders land on every route destination of that version, rules and catch-all", () => {
    const base = props();
    const http = httpRules({
      versions: [base.versions[0], { ...base.versions[1], routeHeaders: { response: { set: { 'x-served-by': 'canary' } } } }],
    }, { match: byHeader, version: 'v2' }, { match: { uri: { prefix: '/v1' } }, version: 'v1' });
    expect(http[0].route).toEqual([{ destination: { host: 'app', subset: 'v2' }, headers: { response: { set: { 'x-served-by': 'canary' } } } }]);
    expect(http[1].route).toEqual([{ destination: { host: 'app', subset: 'v1' } }]);
    expect(http[2].route[1]).toEqual({ destination: { host: 'app', subset: 'v2' }, weight: 10, headers: { response: { set: { 'x-served-by': 'canary' } } } });
    expect(http[2].route[0].headers).toBeUndefined();
  });
});

describe('HTTP route props of the wrong type or shape are refused naming the prop', () => {
  const make = (extra: Partial<CanaryServiceProps> = {}) => new CanaryService(Testing.chart(), 'app', props(extra));
  const withOptions = (o: unknown) => () => make({ defaultRoute: o as CanaryRouteOptions });
  const withRoute = (r: unknown) => () => make().addRoute(r as CanaryRoute);

  test.each<[string, () => unknown, string]>([
    ['a rule with neither version, redirect nor directResponse', withRoute({ match: byHeader }),
      "'routes[0]' ({\"match\":{\"headers\":{\"x-canary\":{\"exact\":\"yes\"}}}}) must set exactly one of 'version' (forward), 'weights' (split), 'redirect' and 'directResponse' (it sets none)"],
    ['a rule with a version and a redirect', withRoute({ match: byHeader, version: 'v2', redirect: { uri: '/x' } }),
      "must set exactly one of 'version' (forward), 'weights' (split), 'redirect' and 'directResponse' (it sets version, redirect)"],
    ['rule weights that do not sum to 100', withRoute({ match: byHeader, weights: { v1: 50, v2: 40 } }),
      "'routes[0].weights' ({\"v1\":50,\"v2\":40}) must sum to 100 (they sum to 90)"],
    ['rule weights naming an unknown version', withRoute({ match: byHeader, weights: { v1: 50, v9: 50 } }),
      "'routes[0].weights[\"v9\"]' (50) names no version; the versions are v1, v2"],
    ['a rule weight that is a string', withRoute({ match: byHeader, weights: { v1: '100' } }),
      "'route.weights[\"v1\"]' (\"100\") must be a finite number"],
    ['redirect port and derivePort together', withRoute({ match: byHeader, redirect: { port: 80, derivePort: RedirectPortSelection.FROM_REQUEST_PORT } }),
      "'routes[0].redirect.derivePort' (\"FROM_REQUEST_PORT\") must not be set together with 'port'"],
    ['a redirect port that is not an integer', withRoute({ match: byHeader, redirect: { port: '80' } }),
      "'route.redirect.port' (\"80\") must be a finite number or left out"],
    ['an unknown derivePort', withRoute({ match: byHeader, redirect: { derivePort: 'FROM_HEADER' } }),
      "'route.redirect.derivePort' (\"FROM_HEADER\") must be one of \"FROM_PROTOCOL_DEFAULT\", \"FROM_REQUEST_PORT\" (RedirectPortSelection) or left out"],
    ['a redirect that is not an object', withRoute({ match: byHeader, redirect: 'https://x' }), "'route.redirect' (\"https://x\") must be an object (HttpRedirect) or left out"],
    ['a directResponse without status', withRoute({ match: byHeader, directResponse: {} }),
      "'route.directResponse.status' (undefined) must be set: a finite number"],
    ['a directResponse body that is a plain string', withRoute({ match: byHeader, directResponse: { status: 200, body: 'hi' } }),
      "'route.directResponse.body' (\"hi\") must be a DirectResponseBody or left out"],
    ['a rewrite uri that is a number', withOptions({ rewrite: { uri: 42 } }), "'defaultRoute.rewrite.uri' (42) must be a string"],
    ['a uriRegexRewrite without rewrite', withOptions({ rewrite: { uriRegexRewrite: { match: '^/a' } } }),
      "'defaultRoute.rewrite.uriRegexRewrite.rewrite' (undefined) must be set: a string"],
    ['an abort with both statuses', withOptions({ fault: { abort: { httpStatus: 503, grpcStatus: GrpcStatus.INTERNAL, percentage: 1 } } }),
      "'defaultRoute.fault.abort' ({\"httpStatus\":503,\"grpcStatus\":\"INTERNAL\",\"percentage\":1}) must set exactly one of 'httpStatus' and 'grpcStatus' (it sets httpStatus, grpcStatus)"],
    ['an abort with an unknown gRPC status', withOptions({ fault: { abort: { grpcStatus: 'BROKEN', percentage: 1 } } }),
      "'defaultRoute.fault.abort.grpcStatus' (\"BROKEN\") must be one of \"OK\", \"CANCELLED\", \"UNKNOWN\", \"INVALID_ARGUMENT\", \"DEADLINE_EXCEEDED\", \"NOT_FOUND\", \"ALREADY_EXISTS\", \"PERMISSION_DENIED\", \"RESOURCE_EXHAUSTED\", \"FAILED_PRECONDITION\", \"ABORTED\", \"OUT_OF_RANGE\", \"UNIMPLEMENTED\", \"INTERNAL\", \"UNAVAILABLE\", \"DATA_LOSS\", \"UNAUTHENTICATED\" (GrpcStatus) or left out"],
    ['a retry backoff that is not a Duration', withOptions({ retries: { attempts: 2, backoff: '25ms' } }),
      "'defaultRoute.retries.backoff' (\"25ms\") must be a Duration or left out"],
    ['retryIgnorePreviousHosts as a string', withOptions({ retries: { attempts: 2, retryIgnorePreviousHosts: 'yes' } }),
      "'defaultRoute.retries.retryIgnorePreviousHosts' (\"yes\") must be true or false"],
    ['retryOn as a string', withOptions({ retries: { attempts: 2, retryOn: '5xx' } }), "'defaultRoute.retries.retryOn' (\"5xx\") must be a list of strings"],
    ['an unknown unmatchedPreflights', withOptions({ corsPolicy: { allowOrigins: [{ exact: 'a' }], unmatchedPreflights: 'DROP' } }),
      "'defaultRoute.corsPolicy.unmatchedPreflights' (\"DROP\") must be one of \"FORWARD\", \"IGNORE\" (CorsUnmatchedPreflights) or left out"],
    ['a match port that is not an integer', withRoute({ match: { port: 80.5 }, version: 'v2' }), "'routes[0].match.port' (80.5) must be an integer from 1 to 4294967295"],
    ['a statPrefix that is not a string', withRoute({ match: { ...byHeader, statPrefix: 1 }, version: 'v2' }), "'route.match.statPrefix' (1) must be a string or left out"],
    ['match gateways that are not a list', withRoute({ match: { ...byHeader, gateways: 'mesh' }, version: 'v2' }),
      "'route.match.gateways' (\"mesh\") must be a list of strings or left out"],
    ['a redirect on the catch-all', () => make({ defaultRoute: { redirect: { uri: '/x' } } as CanaryRouteOptions }),
      "'defaultRoute' ({\"redirect\":{\"uri\":\"/x\"}}) must not set 'redirect' or 'directResponse': the catch-all route splits the traffic by the weights"],
  ])('%s', (_what, build, message) => {
    const got = refusal(build);
    expect(got.startsWith(PATH)).toBe(true);
    expect(got).toContain(message);
  });
});
