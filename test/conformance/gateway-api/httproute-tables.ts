/**
 * The HTTPRoute CEL test tables of Gateway API v1.5.1, ported as data: `tests/cel/httproute_test.go` (seven
 * test functions) and `tests/cel/httproute_standard_test.go` (TestHTTPRouteParentRefStandard) at tag v1.5.1
 * (commit e7677b70ae75d14a4448fba94870e7deea6cf0ad). Case names are upstream's; each spec is what the Go
 * test's wrapper builds around the case (Go zero values that `omitempty` drops are left out, non-pointer
 * struct fields kept as Go marshals them).
 *
 * `notExpressible` says why a CanaryService never writes such an object: it writes header and query matches,
 * Exact and RegularExpression paths, Service backendRefs with a port, RequestHeaderModifier,
 * ResponseHeaderModifier and RequestMirror filters, request timeouts, and Service or Gateway parents; never
 * PathPrefix matches, redirects, rewrites, CORS or ExtensionRef filters.
 */
import { UpstreamTable } from './upstream';

const backend = (port = 8080) => ({ name: 'test', port });
const svc = (port: number) => ({ name: 'test-service', port });
const prefix = (value: string) => ({ path: { type: 'PathPrefix', value } });
const NO_PREFIX = 'the construct writes no PathPrefix match (refused: Istio prefix semantics differ)';
const NO_REDIRECT = 'the construct writes no RequestRedirect filter';
const NO_REWRITE = 'the construct writes no URLRewrite filter';
const NO_CORS = 'the construct writes no CORS filter (refused: Istio translates it with other preflight and max-age defaults)';
const NO_EXTENSION = 'the construct writes no ExtensionRef filter';
const MALFORMED = 'the construct writes each filter with exactly its own field';

/** TestHTTPPathMatch: the case's path in one rule with a backendRef `test:8080`. */
const pathMatch = (path: any) => ({ rules: [{ matches: [{ path }], backendRefs: [backend()] }] });

export const TestHTTPPathMatch: UpstreamTable = {
  test: 'TestHTTPPathMatch',
  kind: 'HTTPRoute',
  cases: [
    { name: "invalid because path does not start with '/'", wantErrors: ["value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']"], spec: pathMatch({ type: 'PathPrefix', value: 'foo' }), notExpressible: NO_PREFIX },
    { name: 'invalid httpRoute prefix (/.)', wantErrors: ["must not end with '/.' when type one of ['Exact', 'PathPrefix']"], spec: pathMatch({ type: 'PathPrefix', value: '/.' }), notExpressible: NO_PREFIX },
    { name: 'invalid exact (/./)', wantErrors: ["must not contain '/./' when type one of ['Exact', 'PathPrefix']"], spec: pathMatch({ type: 'Exact', value: '/foo/./bar' }) },
    { name: 'invalid type', wantErrors: ['supported values: "Exact", "PathPrefix", "RegularExpression"'], spec: pathMatch({ type: 'FooBar', value: '/path' }), notExpressible: 'the construct writes only Exact and RegularExpression paths' },
    { name: 'valid because type is RegularExpression but would not be valid for Exact', spec: pathMatch({ type: 'RegularExpression', value: '/foo/./bar' }) },
    { name: 'valid httpRoute prefix', spec: pathMatch({ type: 'PathPrefix', value: '/path' }), notExpressible: NO_PREFIX },
    { name: 'valid path with some special characters', spec: pathMatch({ type: 'Exact', value: "/abc/123'/a-b-c/d@gmail/%0A" }) },
    { name: 'invalid prefix path (/[])', wantErrors: ["must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types ['Exact', 'PathPrefix']"], spec: pathMatch({ type: 'PathPrefix', value: '/[]' }), notExpressible: NO_PREFIX },
    { name: 'invalid exact path (/^)', wantErrors: ["must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types ['Exact', 'PathPrefix']"], spec: pathMatch({ type: 'Exact', value: '/^' }) },
  ],
};

/** TestBackendObjectReference: the case's reference as the only backendRef of the only rule. */
const backendRef = (ref: any) => ({ rules: [{ backendRefs: [ref] }] });
const NOT_A_SERVICE = 'the construct only references its version Services';

export const TestBackendObjectReference: UpstreamTable = {
  test: 'TestBackendObjectReference',
  kind: 'HTTPRoute',
  cases: [
    { name: 'default groupkind with port', spec: backendRef({ name: 'backend', port: 99 }) },
    { name: 'default groupkind with no port', wantErrors: ['Must have port for Service reference'], spec: backendRef({ name: 'backend' }), notExpressible: 'the construct always writes the port' },
    { name: 'explicit service with port', spec: backendRef({ group: '', kind: 'Service', name: 'backend', port: 99 }) },
    { name: 'explicit service with no port', wantErrors: ['Must have port for Service reference'], spec: backendRef({ group: '', kind: 'Service', name: 'backend' }), notExpressible: 'the construct always writes the port' },
    { name: 'explicit ref with no port', spec: backendRef({ group: 'foo.example.com', kind: 'Foo', name: 'backend' }), notExpressible: NOT_A_SERVICE },
  ],
};

/** TestHTTPRouteFilter: the case's filter as the only filter of the only rule. */
const filter = (f: any) => ({ rules: [{ filters: [f] }] });
/** Go marshals an empty HTTPRequestMirrorFilter with its non-pointer BackendRef: `{backendRef: {name: ""}}`. */
const EMPTY_MIRROR = { backendRef: { name: '' } };

export const TestHTTPRouteFilter: UpstreamTable = {
  test: 'TestHTTPRouteFilter',
  kind: 'HTTPRoute',
  cases: [
    { name: 'valid HTTPRouteFilterRequestHeaderModifier route filter', spec: filter({ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'name', value: 'foo' }], add: [{ name: 'add', value: 'foo' }], remove: ['remove'] } }) },
    { name: 'invalid HTTPRouteFilterRequestHeaderModifier type filter with non-matching field', wantErrors: ['filter.requestHeaderModifier must be specified for RequestHeaderModifier filter.type', 'filter.requestMirror must be nil if the filter.type is not RequestMirror'], spec: filter({ type: 'RequestHeaderModifier', requestMirror: EMPTY_MIRROR }), notExpressible: MALFORMED },
    { name: 'invalid HTTPRouteFilterRequestHeaderModifier type filter with empty value field', wantErrors: ['filter.requestHeaderModifier must be specified for RequestHeaderModifier filter.type'], spec: filter({ type: 'RequestHeaderModifier' }), notExpressible: MALFORMED },
    { name: 'valid HTTPRouteFilterRequestMirror route filter', spec: filter({ type: 'RequestMirror', requestMirror: { backendRef: { group: 'group', kind: 'kind', name: 'name', namespace: 'ns', port: 22 } } }), notExpressible: NOT_A_SERVICE },
    { name: 'invalid HTTPRouteFilterRequestMirror type filter with non-matching field', wantErrors: ['filter.requestHeaderModifier must be nil if the filter.type is not RequestHeaderModifier', 'filter.requestMirror must be specified for RequestMirror filter.type'], spec: filter({ type: 'RequestMirror', requestHeaderModifier: {} }), notExpressible: MALFORMED },
    { name: 'invalid HTTPRouteFilterRequestMirror type filter with empty value field', wantErrors: ['filter.requestMirror must be specified for RequestMirror filter.type'], spec: filter({ type: 'RequestMirror' }), notExpressible: MALFORMED },
    { name: 'valid HTTPRouteFilterRequestRedirect route filter', spec: filter({ type: 'RequestRedirect', requestRedirect: { scheme: 'http', hostname: 'hostname', path: { type: 'ReplaceFullPath', replaceFullPath: 'path' }, port: 8080, statusCode: 302 } }), notExpressible: NO_REDIRECT },
    { name: 'invalid HTTPRouteFilterRequestRedirect type filter with non-matching field', wantErrors: ['filter.requestMirror must be nil if the filter.type is not RequestMirror', 'filter.requestRedirect must be specified for RequestRedirect filter.type'], spec: filter({ type: 'RequestRedirect', requestMirror: EMPTY_MIRROR }), notExpressible: MALFORMED },
    { name: 'invalid HTTPRouteFilterRequestRedirect type filter with empty value field', wantErrors: ['filter.requestRedirect must be specified for RequestRedirect filter.type'], spec: filter({ type: 'RequestRedirect' }), notExpressible: MALFORMED },
    { name: 'valid HTTPRouteFilterExtensionRef filter', spec: filter({ type: 'ExtensionRef', extensionRef: { group: 'group', kind: 'kind', name: 'name' } }), notExpressible: NO_EXTENSION },
    { name: 'invalid HTTPRouteFilterExtensionRef type filter with non-matching field', wantErrors: ['filter.requestMirror must be nil if the filter.type is not RequestMirror', 'filter.extensionRef must be specified for ExtensionRef filter.type'], spec: filter({ type: 'ExtensionRef', requestMirror: EMPTY_MIRROR }), notExpressible: MALFORMED },
    { name: 'invalid HTTPRouteFilterExtensionRef type filter with empty value field', wantErrors: ['filter.extensionRef must be specified for ExtensionRef filter.type'], spec: filter({ type: 'ExtensionRef' }), notExpressible: MALFORMED },
    { name: 'valid HTTPRouteFilterURLRewrite route filter', spec: filter({ type: 'URLRewrite', urlRewrite: { hostname: 'hostname', path: { type: 'ReplaceFullPath', replaceFullPath: 'path' } } }), notExpressible: NO_REWRITE },
    { name: 'invalid HTTPCORSFilter type filter with non-matching field', wantErrors: ['filter.cors must be specified for CORS filter.type', 'filter.requestMirror must be nil if the filter.type is not RequestMirror'], spec: filter({ type: 'CORS', requestMirror: EMPTY_MIRROR }), notExpressible: MALFORMED },
    { name: 'invalid HTTPCORSFilter type filter with empty value field', wantErrors: ['filter.cors must be specified for CORS filter.type'], spec: filter({ type: 'CORS' }), notExpressible: MALFORMED },
    { name: 'valid HTTPCORSFilter test', spec: filter({ type: 'CORS', cors: { allowOrigins: ['*'] } }), notExpressible: NO_CORS },
    { name: 'invalid HTTPRouteFilterURLRewrite type filter with non-matching field', wantErrors: ['filter.requestMirror must be nil if the filter.type is not RequestMirror', 'filter.urlRewrite must be specified for URLRewrite filter.type'], spec: filter({ type: 'URLRewrite', requestMirror: EMPTY_MIRROR }), notExpressible: MALFORMED },
    { name: 'invalid HTTPRouteFilterURLRewrite type filter with empty value field', wantErrors: ['filter.urlRewrite must be specified for URLRewrite filter.type'], spec: filter({ type: 'URLRewrite' }), notExpressible: MALFORMED },
  ],
};

const rewritePrefix = (replacePrefixMatch: string) => ({ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch } } });
const redirectPrefix = (replacePrefixMatch: string) => ({ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch } } });
const redirectFull = (replaceFullPath: string) => ({ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath } } });
const cors = (origin: string) => ({ type: 'CORS', cors: { allowOrigins: [origin] } });
const rules = (...r: any[]) => ({ rules: r });
const matches128 = (ruleCount: number, matchCount: number) => rules(...Array.from({ length: ruleCount }, () => ({
  matches: Array.from({ length: matchCount }, () => prefix('/')),
})));

export const TestHTTPRouteRule: UpstreamTable = {
  test: 'TestHTTPRouteRule',
  kind: 'HTTPRoute',
  cases: [
    { name: 'valid httpRoute with no filters', spec: rules({ matches: [prefix('/')], backendRefs: [{ ...svc(8080), weight: 100 }] }), notExpressible: NO_PREFIX },
    { name: 'valid httpRoute with 1 filter', spec: rules({ matches: [prefix('/')], filters: [{ type: 'RequestMirror', requestMirror: { backendRef: svc(8081) } }] }), notExpressible: NO_PREFIX },
    {
      name: 'valid httpRoute with duplicate ExtensionRef filters',
      spec: rules({
        matches: [prefix('/')],
        filters: [
          { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'special-header', value: 'foo' }] } },
          { type: 'RequestMirror', requestMirror: { backendRef: svc(8080) } },
          { type: 'ExtensionRef', extensionRef: { group: '', kind: 'Service', name: 'test' } },
          { type: 'ExtensionRef', extensionRef: { group: '', kind: 'Service', name: 'test' } },
          { type: 'ExtensionRef', extensionRef: { group: '', kind: 'Service', name: 'test' } },
        ],
      }),
      notExpressible: NO_EXTENSION,
    },
    { name: 'valid redirect path modifier', spec: rules({ filters: [redirectFull('foo')] }), notExpressible: NO_REDIRECT },
    { name: 'valid rewrite path modifier', spec: rules({ matches: [prefix('/bar')], filters: [rewritePrefix('foo')] }), notExpressible: NO_REWRITE },
    {
      name: 'multiple actions for different request headers',
      spec: rules({ filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { add: [{ name: 'x-vegetable', value: 'carrot' }, { name: 'x-grain', value: 'rye' }], set: [{ name: 'x-fruit', value: 'watermelon' }, { name: 'x-spice', value: 'coriander' }] } }] }),
    },
    {
      name: 'multiple actions for different response headers',
      spec: rules({ filters: [{ type: 'ResponseHeaderModifier', responseHeaderModifier: { add: [{ name: 'x-example', value: 'blueberry' }], set: [{ name: 'x-different', value: 'turnip' }] } }] }),
    },
    { name: 'backendref with request redirect httpRoute filter', wantErrors: ['RequestRedirect filter must not be used together with backendRefs'], spec: rules({ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }], backendRefs: [svc(80)] }), notExpressible: NO_REDIRECT },
    { name: 'request redirect without backendref in httpRoute filter', spec: rules({ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }), notExpressible: NO_REDIRECT },
    { name: 'backendref without request redirect filter', spec: rules({ filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'name', value: 'foo' }] } }], backendRefs: [svc(80)] }) },
    { name: 'backendref without any filter', spec: rules({ backendRefs: [svc(80)] }) },
    { name: 'valid use of URLRewrite filter', spec: rules({ matches: [prefix('/foo')], filters: [rewritePrefix('foo')] }), notExpressible: NO_REWRITE },
    { name: 'invalid URLRewrite filter because too many path matches', wantErrors: ['When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'], spec: rules({ matches: [prefix('/foo'), prefix('/bar')], filters: [rewritePrefix('foo')] }), notExpressible: NO_REWRITE },
    { name: 'invalid URLRewrite filter because wrong path match type', wantErrors: ['When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'], spec: rules({ matches: [{ path: { type: 'RegularExpression', value: '/foo' } }], filters: [rewritePrefix('foo')] }), notExpressible: NO_REWRITE },
    { name: 'valid use of RequestRedirect filter', spec: rules({ matches: [prefix('/foo')], filters: [redirectPrefix('foo')] }), notExpressible: NO_REDIRECT },
    { name: 'invalid RequestRedirect filter because too many path matches', wantErrors: ['When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'], spec: rules({ matches: [prefix('/foo'), prefix('/bar')], filters: [redirectPrefix('foo')] }), notExpressible: NO_REDIRECT },
    { name: 'invalid RequestRedirect filter because path match has type RegularExpression', wantErrors: ['When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'], spec: rules({ matches: [{ path: { type: 'RegularExpression', value: '/foo' } }], filters: [redirectPrefix('foo')] }), notExpressible: NO_REDIRECT },
    { name: 'valid use of URLRewrite filter (within backendRefs)', spec: rules({ matches: [prefix('/foo')], backendRefs: [{ ...svc(80), filters: [rewritePrefix('foo')] }] }), notExpressible: NO_REWRITE },
    { name: 'invalid URLRewrite filter (within backendRefs) because too many path matches', wantErrors: ['Within backendRefs, When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'], spec: rules({ matches: [prefix('/foo'), prefix('/bar')], backendRefs: [{ ...svc(80), filters: [rewritePrefix('foo')] }] }), notExpressible: NO_REWRITE },
    { name: 'invalid URLRewrite filter (within backendRefs) because path match has type RegularExpression', wantErrors: ['Within backendRefs, When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'], spec: rules({ matches: [{ path: { type: 'RegularExpression', value: '/foo' } }], backendRefs: [{ ...svc(80), filters: [rewritePrefix('foo')] }] }), notExpressible: NO_REWRITE },
    { name: 'valid use of RequestRedirect filter (within backendRefs)', spec: rules({ matches: [prefix('/foo')], backendRefs: [{ ...svc(80), filters: [redirectPrefix('foo')] }] }), notExpressible: NO_REDIRECT },
    { name: 'invalid RequestRedirect filter (within backendRefs) because too many path matches', wantErrors: ['Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'], spec: rules({ matches: [prefix('/foo'), prefix('/bar')], backendRefs: [{ ...svc(80), filters: [redirectPrefix('foo')] }] }), notExpressible: NO_REDIRECT },
    { name: 'invalid RequestRedirect filter (within backendRefs) because path match has type RegularExpression', wantErrors: ['Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'], spec: rules({ matches: [{ path: { type: 'RegularExpression', value: '/foo' } }], backendRefs: [{ ...svc(80), filters: [redirectPrefix('foo')] }] }), notExpressible: NO_REDIRECT },
    { name: 'rewrite and redirect filters combined (invalid)', wantErrors: ['May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both'], spec: rules({ filters: [rewritePrefix('foo'), redirectPrefix('foo')] }), notExpressible: NO_REDIRECT },
    { name: 'invalid because repeated URLRewrite filter', wantErrors: ['URLRewrite filter cannot be repeated'], spec: rules({ matches: [prefix('/')], filters: [rewritePrefix('foo'), rewritePrefix('bar')] }), notExpressible: NO_REWRITE },
    {
      name: 'invalid because repeated RequestHeaderModifier filter among mix of filters',
      wantErrors: ['RequestHeaderModifier filter cannot be repeated'],
      spec: rules({
        matches: [prefix('/')],
        filters: [
          { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'special-header', value: 'foo' }] } },
          { type: 'RequestMirror', requestMirror: { backendRef: svc(8080) } },
          { type: 'RequestHeaderModifier', requestHeaderModifier: { add: [{ name: 'my-header', value: 'bar' }] } },
        ],
      }),
      notExpressible: 'the construct writes one RequestHeaderModifier per rule (and no PathPrefix match)',
    },
    {
      name: 'invalid because multiple filters are repeated',
      wantErrors: ['CORS filter cannot be repeated', 'ResponseHeaderModifier filter cannot be repeated', 'RequestRedirect filter cannot be repeated'],
      spec: rules({
        matches: [prefix('/')],
        filters: [
          { type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'special-header', value: 'foo' }] } },
          { type: 'ResponseHeaderModifier', responseHeaderModifier: { add: [{ name: 'my-header', value: 'bar' }] } },
          redirectFull('foo'),
          redirectFull('bar'),
          cors('http://foo.example.com'),
          cors('http://bar.example.com'),
        ],
      }),
      notExpressible: NO_CORS,
    },
    { name: 'too many matches and rules', wantErrors: ['total number of matches across all rules in a route must be less than 128'], spec: matches128(7, 20), notExpressible: 'the construct writes one match per rule, at most 16 rules' },
    { name: 'many matches and few rules', spec: matches128(2, 48), notExpressible: 'the construct writes one match per rule' },
  ],
};

export const TestHTTPBackendRef: UpstreamTable = {
  test: 'TestHTTPBackendRef',
  kind: 'HTTPRoute',
  cases: [
    {
      name: 'invalid because repeated URLRewrite and CORS filters within backendRefs',
      wantErrors: ['CORS filter cannot be repeated', 'URLRewrite filter cannot be repeated'],
      spec: rules({
        matches: [prefix('/')],
        backendRefs: [{ ...svc(80), filters: [rewritePrefix('foo'), rewritePrefix('bar'), cors('http://foo.example.com'), cors('http://bar.example.com')] }],
      }),
      notExpressible: NO_CORS,
    },
  ],
};

/** TestHTTPPathModifier: the case's modifier in a RequestRedirect filter of the only rule. */
const redirectPath = (path: any) => rules({ filters: [{ type: 'RequestRedirect', requestRedirect: { path } }] });

export const TestHTTPPathModifier: UpstreamTable = {
  test: 'TestHTTPPathModifier',
  kind: 'HTTPRoute',
  cases: [
    { name: 'valid ReplaceFullPath', spec: redirectPath({ type: 'ReplaceFullPath', replaceFullPath: 'foo' }), notExpressible: NO_REDIRECT },
    { name: "replaceFullPath must be specified when type is set to 'ReplaceFullPath'", wantErrors: ["replaceFullPath must be specified when type is set to 'ReplaceFullPath'"], spec: redirectPath({ type: 'ReplaceFullPath' }), notExpressible: NO_REDIRECT },
    { name: "type must be 'ReplaceFullPath' when replaceFullPath is set", wantErrors: ["type must be 'ReplaceFullPath' when replaceFullPath is set"], spec: redirectPath({ type: 'ReplacePrefixMatch', replaceFullPath: 'foo' }), notExpressible: NO_REDIRECT },
    { name: 'valid ReplacePrefixMatch', spec: redirectPath({ type: 'ReplacePrefixMatch', replacePrefixMatch: '/foo' }), notExpressible: NO_REDIRECT },
    { name: "replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'", wantErrors: ["replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'"], spec: redirectPath({ type: 'ReplacePrefixMatch' }), notExpressible: NO_REDIRECT },
    { name: "type must be 'ReplacePrefixMatch' when replacePrefixMatch is set", wantErrors: ["type must be 'ReplacePrefixMatch' when replacePrefixMatch is set"], spec: redirectPath({ type: 'ReplaceFullPath', replacePrefixMatch: '/foo' }), notExpressible: NO_REDIRECT },
  ],
};

/** TestHTTPRouteCORS: the case's CORS filter as the only filter of the only rule. */
const corsFilter = (c: any) => rules({ filters: [{ type: 'CORS', cors: c }] });
const invalidOrigin = (origin: string, index = 0) => `Invalid value: "${origin}": spec.rules[0].filters[0].cors.allowOrigins[${index}] in body should match`;

export const TestHTTPRouteCORS: UpstreamTable = {
  test: 'TestHTTPRouteCORS',
  kind: 'HTTPRoute',
  cases: [
    { name: 'Valid cors should be accepted', spec: corsFilter({ allowOrigins: ['https://xpto.com', 'http://*.abcd.com', 'http://*.abcd.com:12345', 'https://*:443', 'https://*'] }) },
    { name: 'Using wildcard only is accepted', spec: corsFilter({ allowOrigins: ['*'] }) },
    { name: 'Wildcard and other hosts on the same origin list should be denied', wantErrors: ["AllowOrigins cannot contain '*' alongside other origins"], spec: corsFilter({ allowOrigins: ['*', 'https://xpto.com'] }) },
    { name: 'An origin without the format scheme://host should be denied', wantErrors: [invalidOrigin('xpto.com', 1)], spec: corsFilter({ allowOrigins: ['https://xpto.com', 'xpto.com'] }) },
    { name: 'An origin as http://*.com should be accepted', spec: corsFilter({ allowOrigins: ['https://*.com'] }) },
    { name: 'An origin with an invalid port should be denied', wantErrors: [invalidOrigin('https://xpto.com:notaport')], spec: corsFilter({ allowOrigins: ['https://xpto.com:notaport'] }) },
    { name: 'An origin with a value before the scheme definition should be denied', wantErrors: ['Invalid value: "xpto/https://xpto.com"'], spec: corsFilter({ allowOrigins: ['xpto/https://xpto.com'] }) },
    { name: 'invalid-origin-with-six-digit-port', wantErrors: [invalidOrigin('http://www.example.com:111111')], spec: corsFilter({ allowOrigins: ['http://www.example.com:111111'] }) },
    { name: 'invalid-origin-with-empty-port', wantErrors: [invalidOrigin('http://www.example.com:')], spec: corsFilter({ allowOrigins: ['http://www.example.com:'] }) },
    { name: 'invalid-origin-with-non-empty-path', wantErrors: [invalidOrigin('http://www.example.com/cart')], spec: corsFilter({ allowOrigins: ['http://www.example.com/cart'] }) },
    { name: 'invalid-origin-with-non-http-https-scheme', wantErrors: [invalidOrigin('spiffe://www.example.com')], spec: corsFilter({ allowOrigins: ['spiffe://www.example.com'] }) },
    { name: 'invalid-origin-with-wildcard-as-label-prefix', wantErrors: [invalidOrigin('http://*bar.com')], spec: corsFilter({ allowOrigins: ['http://*bar.com'] }) },
    { name: 'invalid-origin-with-wildcard-as-label-sufix', wantErrors: [invalidOrigin('http://bar*.com')], spec: corsFilter({ allowOrigins: ['http://bar*.com'] }) },
    { name: 'invalid-origin-with-wildcard-as-label', wantErrors: [invalidOrigin('http://bar.*.com')], spec: corsFilter({ allowOrigins: ['http://bar.*.com'] }) },
    { name: 'invalid-origin-with-wildcard-as-hostname-prefix', wantErrors: [invalidOrigin('http://*bar')], spec: corsFilter({ allowOrigins: ['http://*bar'] }) },
    { name: 'invalid-origin-with-wildcard-as-hostname-sufix', wantErrors: [invalidOrigin('http://bar*')], spec: corsFilter({ allowOrigins: ['http://bar*'] }) },
    { name: 'invalid-origin-with-multiple-wildcards', wantErrors: [invalidOrigin('http://*.bar.*.dev')], spec: corsFilter({ allowOrigins: ['http://*.bar.*.dev'] }) },
    { name: 'Using an invalid HTTP method should be denied', wantErrors: ['Unsupported value: "BAZINGA"'], spec: corsFilter({ allowMethods: ['BAZINGA'] }) },
    { name: 'Using wildcard and a valid method should be denied', wantErrors: ["AllowMethods cannot contain '*' alongside other methods"], spec: corsFilter({ allowMethods: ['GET', '*', 'POST'] }) },
    { name: 'Using an array of valid methods should be accepted', spec: corsFilter({ allowMethods: ['GET', 'OPTIONS', 'POST'] }) },
  ].map(c => ({ ...c, notExpressible: NO_CORS })),
};

/** TestHTTPRouteParentRefStandard (httproute_standard_test.go): the case's parentRefs, rules left to the CRD default. */
const gateway = (name: string, extra: any = {}) => ({ kind: 'Gateway', group: 'gateway.networking.k8s.io', name, ...extra });
const parents = (...parentRefs: any[]) => ({ parentRefs });
const ONE_REF_PER_GATEWAY = 'the construct refuses two references to one Gateway without distinct sectionNames (and writes backendRefs)';

export const TestHTTPRouteParentRefStandard: UpstreamTable = {
  test: 'TestHTTPRouteParentRefStandard',
  kind: 'HTTPRoute',
  cases: [
    { name: 'invalid because duplicate parent refs without section name', wantErrors: ['sectionName must be unique when parentRefs includes 2 or more references to the same parent'], spec: parents(gateway('example'), gateway('example')), notExpressible: ONE_REF_PER_GATEWAY },
    { name: 'invalid because duplicate parent refs with only one section name', wantErrors: ['sectionName must be specified when parentRefs includes 2 or more references to the same parent'], spec: parents(gateway('example'), gateway('example', { sectionName: 'foo' })), notExpressible: ONE_REF_PER_GATEWAY },
    { name: 'invalid because duplicate parent refs with duplicate section names', wantErrors: ['sectionName must be unique when parentRefs includes 2 or more references to the same parent'], spec: parents(gateway('example', { sectionName: 'foo' }), gateway('example', { sectionName: 'foo' })), notExpressible: ONE_REF_PER_GATEWAY },
    { name: 'valid single parentRef without sectionName', spec: parents(gateway('example')) },
    { name: 'valid single parentRef with sectionName', spec: parents(gateway('example', { sectionName: 'foo' })) },
    { name: 'valid because duplicate parent refs with different section names', spec: parents(gateway('example', { sectionName: 'foo' }), gateway('example', { sectionName: 'bar' })) },
    { name: 'valid because duplicate parent refs with different names', spec: parents(gateway('example', { sectionName: 'foo' }), gateway('example2', { sectionName: 'foo' })) },
    { name: "valid because first parentRef has namespace while second doesn't", spec: parents(gateway('example', { namespace: 'test' }), gateway('example')) },
    { name: "valid because second parentRef has namespace while first doesn't", spec: parents(gateway('example'), gateway('example', { namespace: 'test' })) },
  ],
};

export const HTTPROUTE_TABLES: readonly UpstreamTable[] = [
  TestHTTPPathMatch,
  TestBackendObjectReference,
  TestHTTPRouteFilter,
  TestHTTPRouteRule,
  TestHTTPBackendRef,
  TestHTTPPathModifier,
  TestHTTPRouteCORS,
  TestHTTPRouteParentRefStandard,
];
