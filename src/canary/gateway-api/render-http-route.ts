import { IConstruct } from 'constructs';
import * as istio from '../../../imports/networking.istio.io';
import { describeValue, isDns1123Subdomain, propError } from '../../common';

/**
 * A CanaryService rule in the form the Istio backend writes it (one VirtualService `http` entry), with the
 * prop it came from. The Gateway API backend translates exactly this, so both backends carry one intent.
 */
export interface DeclaredRule {
  /** The prop the rule came from (`routes[0]`, or `defaultRoute` for the weighted catch-all). */
  readonly prop: string;
  /** The rule as the VirtualService writes it. */
  readonly http: istio.VirtualServiceSpecHttp;
}

/** Where a version's traffic goes on the Gateway API backend: its version Service and port. */
export interface VersionBackend {
  readonly serviceName: (version: string) => string;
  readonly port: number;
}

const BACKEND = 'the Gateway API backend (Gateway API v1.5.1, Standard channel, as Istio 1.30 supports it)';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];

/** Why each VirtualService field has no faithful HTTPRoute form (keyed by the field, with the prop that sets it). */
const UNMAPPED: Record<string, string> = {
  'retries': 'HTTPRouteRetry (GEP-1731) is Experimental in Gateway API v1.5.1 and absent from the Standard channel; '
    + 'without it Istio applies its default retry policy (2 attempts), as it does for a route without retries',
  'fault': 'the Gateway API has no fault injection filter',
  'corsPolicy': 'Istio translates the HTTPRoute CORS filter with unmatchedPreflights IGNORE and the CRD defaults maxAge to 5s, '
    + 'so the same policy would answer preflight requests differently; and only exact origins have a Gateway API form',
  'match.sourceLabels': 'the Gateway API has no source-workload match (and Istio ambient ignores sourceLabels on waypoints)',
  'match.sourceNamespace': 'the Gateway API has no source-namespace match (and Istio ambient ignores sourceNamespace on waypoints)',
  'match.withoutHeaders': 'the Gateway API has no negated header match',
  'match.ignoreUriCase': 'Gateway API path matches are case-sensitive',
  'match.gateways': 'per-match gateways have no Gateway API form; attach the route with TrafficBackend.gatewayApi({ gateways }) instead',
  'match.uri.prefix': "a Gateway API PathPrefix matches whole path segments ('/api' matches '/api' and '/api/x', not '/apix') "
    + "while Istio's prefix matches characters, and a RegularExpression path ranks below the catch-all's PathPrefix '/'; use an exact uri",
  'match.headers.prefix': 'Gateway API header matches are Exact or RegularExpression; write the prefix as a regex',
  'match.queryParams.prefix': 'Gateway API query parameter matches are Exact or RegularExpression; write the prefix as a regex',
  'match.method.prefix': 'Gateway API method matches name one method',
  'match.method.regex': 'Gateway API method matches name one method',
};

function refuse(scope: IConstruct, prop: string, field: string, value: unknown, reason: string): never {
  throw propError(scope, `${prop}.${field}`, value, `has no faithful mapping on ${BACKEND}: ${reason}`);
}

/** The keys of a rendered object that hold a value. */
function setKeys(obj: object | undefined): string[] {
  return Object.entries(obj ?? {}).filter(([, v]) => v !== undefined).map(([k]) => k);
}

function stringMatch(scope: IConstruct, prop: string, field: string, m: any): { type: string; value: string } {
  if (m.exact !== undefined) return { type: 'Exact', value: m.exact };
  if (m.regex !== undefined) return { type: 'RegularExpression', value: m.regex };
  const generic = field.replace(/\[.*\]/, '');
  return refuse(scope, prop, `${field}.prefix`, m.prefix, UNMAPPED[`${generic}.prefix`] ?? 'the Gateway API has no prefix match here');
}

function match(scope: IConstruct, prop: string, m: istio.VirtualServiceSpecHttpMatch): any {
  for (const k of setKeys(m)) {
    if (UNMAPPED[`match.${k}`]) refuse(scope, prop, `match.${k}`, (m as any)[k], UNMAPPED[`match.${k}`]);
    if (!['uri', 'headers', 'queryParams', 'method'].includes(k)) {
      refuse(scope, prop, `match.${k}`, (m as any)[k], 'the Gateway API HTTPRouteMatch has no such condition');
    }
  }
  const out: any = {};
  if (m.uri !== undefined) {
    if (m.uri.prefix !== undefined) refuse(scope, prop, 'match.uri.prefix', m.uri.prefix, UNMAPPED['match.uri.prefix']);
    out.path = stringMatch(scope, prop, 'match.uri', m.uri);
  }
  const list = (field: 'headers' | 'queryParams') => Object.entries(m[field] ?? {}).map(([name, sm]) => ({
    name, ...stringMatch(scope, prop, `match.${field}[${JSON.stringify(name)}]`, sm),
  }));
  if (m.headers !== undefined) out.headers = list('headers').map(h => ({ name: h.name, type: h.type, value: h.value }));
  if (m.queryParams !== undefined) out.queryParams = list('queryParams').map(q => ({ name: q.name, type: q.type, value: q.value }));
  if (m.method !== undefined) {
    if (m.method.exact === undefined) {
      const kind = m.method.prefix !== undefined ? 'prefix' : 'regex';
      refuse(scope, prop, `match.method.${kind}`, (m.method as any)[kind], UNMAPPED[`match.method.${kind}`]);
    }
    if (!METHODS.includes(m.method.exact!)) {
      throw propError(scope, `${prop}.match.method.exact`, m.method.exact, `must be one of ${METHODS.join(', ')} on ${BACKEND}`);
    }
    out.method = m.method.exact;
  }
  return out;
}

function headerModifier(edits: any): any {
  const list = (record: Record<string, string> | undefined) =>
    record === undefined ? undefined : Object.entries(record).map(([name, value]) => ({ name, value }));
  return { set: list(edits.set), add: list(edits.add), remove: edits.remove };
}

/** A mirror percentage as the RequestMirror filter writes it: whole percentages as `percent`, others as a fraction. */
function mirrorShare(scope: IConstruct, prop: string, percentage: number | undefined): any {
  if (percentage === undefined) return {};
  if (Number.isInteger(percentage)) return { percent: percentage };
  // Istio reads a fraction as 100 * numerator / denominator percent
  const denominator = 100000000;
  const numerator = Math.round(percentage * 1000000);
  if (100 * numerator / denominator !== percentage) {
    refuse(scope, prop, 'percentage', percentage, 'a RequestMirror fraction has an int32 numerator and denominator; give the percentage with at most 6 decimals');
  }
  return { fraction: { numerator, denominator } };
}

/**
 * A VirtualService `rewrite` as the URLRewrite filter Istio translates back into exactly it
 * (`createRewriteFilter`, istio/istio pilot/pkg/config/kube/gateway/conversion.go, 1.30.3): `authority` is the
 * hostname, `uriRegexRewrite` with match `/.*` a full-path replacement, `uri` a prefix replacement of the
 * PathPrefix `/` that a rule without a path match gets by default.
 */
function urlRewrite(scope: IConstruct, prop: string, r: istio.VirtualServiceSpecHttpRewrite, hasUriMatch: boolean): any {
  const out: any = {};
  if (r.authority !== undefined) {
    if (!isDns1123Subdomain(r.authority)) refuse(scope, prop, 'rewrite.authority', r.authority, 'URLRewrite takes a hostname (lowercase DNS name, no port)');
    out.hostname = r.authority;
  }
  if (r.uriRegexRewrite !== undefined) {
    if (r.uriRegexRewrite.match !== '/.*') {
      refuse(scope, prop, 'rewrite.uriRegexRewrite.match', r.uriRegexRewrite.match, "URLRewrite replaces the full path (Istio's regex rewrite of '/.*') or a prefix, never other regexes");
    }
    out.path = { type: 'ReplaceFullPath', replaceFullPath: r.uriRegexRewrite.rewrite };
  }
  if (r.uri !== undefined) {
    if (hasUriMatch) refuse(scope, prop, 'rewrite.uri', r.uri, 'a prefix replacement needs the rule to match PathPrefix, and the construct writes only Exact paths');
    if (r.uri !== '/' && r.uri.endsWith('/')) refuse(scope, prop, 'rewrite.uri', r.uri, 'Istio trims the trailing "/" of a ReplacePrefixMatch; leave it out');
    out.path = { type: 'ReplacePrefixMatch', replacePrefixMatch: r.uri };
  }
  return out;
}

/**
 * A VirtualService `redirect` as the RequestRedirect filter Istio translates back into exactly it
 * (`createRedirectFilter`, same file): Istio's default code 301 written out (the Gateway API's is 302), and
 * the port kept only where Istio derives the same one back.
 */
function requestRedirect(scope: IConstruct, prop: string, r: istio.VirtualServiceSpecHttpRedirect, hasUriMatch: boolean): any {
  const out: any = { statusCode: r.redirectCode ?? 301 };
  if (r.scheme !== undefined) {
    if (r.scheme !== 'http' && r.scheme !== 'https') refuse(scope, prop, 'redirect.scheme', r.scheme, 'RequestRedirect takes http or https');
    out.scheme = r.scheme;
  }
  if (r.authority !== undefined) {
    if (!isDns1123Subdomain(r.authority)) refuse(scope, prop, 'redirect.authority', r.authority, 'RequestRedirect takes a hostname (lowercase DNS name, no port)');
    out.hostname = r.authority;
  }
  if (r.port !== undefined) {
    out.port = r.port;
  } else {
    // without a port Istio derives it: from the scheme when one is set, else from the request
    const derived = r.scheme !== undefined ? 'FROM_PROTOCOL_DEFAULT' : 'FROM_REQUEST_PORT';
    if (r.derivePort !== derived) {
      refuse(scope, prop, 'redirect.derivePort', r.derivePort,
        `a RequestRedirect without a port makes Istio derive it ${derived === 'FROM_PROTOCOL_DEFAULT' ? 'from the scheme' : 'from the request'} (${derived}); set that, or a port`);
    }
  }
  if (r.uri !== undefined) {
    const prefix = /^%PREFIX\(\)%(.*)$/.exec(r.uri);
    if (prefix && hasUriMatch) refuse(scope, prop, 'redirect.uri', r.uri, 'a prefix replacement needs the rule to match PathPrefix, and the construct writes only Exact paths');
    out.path = prefix ? { type: 'ReplacePrefixMatch', replacePrefixMatch: prefix[1] } : { type: 'ReplaceFullPath', replaceFullPath: r.uri };
  }
  return out;
}

/**
 * Translates one declared rule into an HTTPRouteRule, refusing (with the prop, the value and the reason)
 * anything without a faithful Gateway API form.
 */
export function toHttpRouteRule(scope: IConstruct, rule: DeclaredRule, backend: VersionBackend): any {
  const { prop, http } = rule;
  const known = ['name', 'match', 'route', 'timeout', 'mirror', 'mirrorPercentage', 'mirrors', 'headers', 'rewrite', 'redirect'];
  for (const k of setKeys(http)) {
    if (UNMAPPED[k]) refuse(scope, prop, k, (http as any)[k], UNMAPPED[k]);
    if (!known.includes(k)) refuse(scope, prop, k, (http as any)[k], 'the construct has no HTTPRoute translation for it');
  }
  if (http.name !== undefined && !isDns1123Subdomain(http.name)) {
    throw propError(scope, `${prop}.name`, http.name,
      `must be a DNS-1123 subdomain (lowercase alphanumerics, "-" and "."; at most 253) on ${BACKEND}: it is the HTTPRoute rule's name`);
  }
  const matches = (http.match ?? []).map(m => match(scope, prop, m));
  const ref = (version: string) => ({ name: backend.serviceName(version), port: backend.port });
  const backendRefs = (http.route ?? []).map((r, i) => {
    const extra = setKeys(r).filter(k => k !== 'destination' && k !== 'weight');
    if (extra.length > 0) refuse(scope, prop, `route[${i}].${extra[0]}`, (r as any)[extra[0]], 'per-destination options have no translation in the construct');
    return { ...ref(r.destination.subset!), weight: r.weight };
  });
  const filters: any[] = [];
  if (http.headers?.request !== undefined) filters.push({ type: 'RequestHeaderModifier', requestHeaderModifier: headerModifier(http.headers.request) });
  if (http.headers?.response !== undefined) filters.push({ type: 'ResponseHeaderModifier', responseHeaderModifier: headerModifier(http.headers.response) });
  if (http.mirror !== undefined) {
    filters.push({ type: 'RequestMirror', requestMirror: { backendRef: ref(http.mirror.subset!), ...mirrorShare(scope, `${prop}.mirror`, http.mirrorPercentage?.value) } });
  }
  (http.mirrors ?? []).forEach((m, i) => {
    filters.push({ type: 'RequestMirror', requestMirror: { backendRef: ref(m.destination.subset!), ...mirrorShare(scope, `${prop}.mirrors[${i}]`, m.percentage?.value) } });
  });
  const hasUriMatch = (http.match ?? []).some(m => m.uri !== undefined);
  if (http.rewrite !== undefined) filters.push({ type: 'URLRewrite', urlRewrite: urlRewrite(scope, prop, http.rewrite, hasUriMatch) });
  if (http.redirect !== undefined) filters.push({ type: 'RequestRedirect', requestRedirect: requestRedirect(scope, prop, http.redirect, hasUriMatch) });
  return {
    name: http.name,
    matches: matches.length > 0 ? matches : undefined,
    filters: filters.length > 0 ? filters : undefined,
    backendRefs: backendRefs.length > 0 ? backendRefs : undefined,
    timeouts: http.timeout === undefined ? undefined : { request: http.timeout },
  };
}

/** A one-line description of an HTTPRouteMatch for messages: `path Exact /api, header end-user Exact jason`. */
export function describeGatewayMatch(m: any): string {
  const parts = [
    ...(m?.path ? [`path ${m.path.type} ${m.path.value}`] : []),
    ...(m?.method ? [`method ${m.method}`] : []),
    ...(m?.headers ?? []).map((h: any) => `header ${h.name} ${h.type} ${h.value}`),
    ...(m?.queryParams ?? []).map((q: any) => `query ${q.name} ${q.type} ${q.value}`),
  ];
  return parts.length > 0 ? parts.join(', ') : describeValue(m);
}
