import { IConstruct } from 'constructs';
import { checkDuration, checkHeaderName, checkInteger, checkLabels, checkPercent, checkRegex, isDns1123Label } from './checks';
import { optBoolean, optEnum, optInteger, optMap, optObject, optString, optStringMap, optStrings } from './shapes';
import * as istio from '../../../imports/networking.istio.io';
import { describeValue, propError, requireProp } from '../../common';
import { CORS_METHODS } from '../../validation/istio/cors';
import { isRetryOnPolicy, RETRY_ON_POLICIES } from '../../validation/istio/retry';
import {
  CanaryRoute, CanaryRouteOptions, CorsPolicy, CorsUnmatchedPreflights, DirectResponseBody, GrpcStatus, HeaderEdits, HeaderOperations,
  HttpDirectResponse, HttpFaultInjection, HttpMirror, HttpRedirect, HttpRetryPolicy, HttpRewrite, RedirectPortSelection,
} from '../http-route';
import { HttpMatch, StringMatch } from '../match';

/** Where a version's traffic goes, as the VirtualService writes it. */
export type Destination = (version: string) => istio.VirtualServiceSpecHttpRouteDestination;

/** The header edits written on every HTTP route destination of a version (its `routeHeaders`), if any. */
export type VersionHeaders = (version: string) => any;

/** The rule groups, in the order the VirtualService lists them. */
export enum RuleGroup {
  HEADERS = 0,
  SOURCE = 1,
  OTHER = 2,
}


/** The group a match belongs to: any header condition first, then source conditions, then the rest. */
export function ruleGroup(match: HttpMatch): RuleGroup {
  if (nonEmpty(match.headers) || nonEmpty(match.withoutHeaders)) return RuleGroup.HEADERS;
  if (nonEmpty(match.sourceLabels) || match.sourceNamespace !== undefined) return RuleGroup.SOURCE;
  return RuleGroup.OTHER;
}

function nonEmpty(record: Record<string, unknown> | undefined): boolean {
  return record !== undefined && record !== null && typeof record === 'object' && Object.keys(record).length > 0;
}

/** Checks a StringMatch (exactly one of exact/prefix/regex; RE2) and returns it as Istio writes it. */
export function stringMatch(scope: IConstruct, prop: string, m: StringMatch): { exact?: string; prefix?: string; regex?: string } {
  const set = (['exact', 'prefix', 'regex'] as const).filter(k => m?.[k] !== undefined);
  requireProp(set.length === 1, scope, prop, m, `must set exactly one of 'exact', 'prefix' or 'regex' (it sets ${set.length === 0 ? 'none' : set.join(', ')})`);
  const kind = set[0];
  requireProp(typeof m[kind] === 'string', scope, `${prop}.${kind}`, m[kind], 'must be a string');
  if (kind === 'regex') checkRegex(scope, `${prop}.regex`, m.regex!);
  return { [kind]: m[kind] };
}

function stringMatches(scope: IConstruct, prop: string, record: Record<string, StringMatch> | undefined, headerKeys: boolean):
Record<string, any> | undefined {
  return optMap(scope, prop, record, (m, entryProp, k) => {
    if (headerKeys) checkHeaderName(scope, entryProp, k);
    else requireProp(k.length > 0, scope, entryProp, k, 'must be a non-empty name');
    return stringMatch(scope, entryProp, m);
  });
}

/** True when a match takes every request (a catch-all in disguise). */
function matchesEverything(match: HttpMatch): boolean {
  const others = nonEmpty(match.headers) || nonEmpty(match.withoutHeaders) || nonEmpty(match.sourceLabels)
    || match.sourceNamespace !== undefined || match.method !== undefined || nonEmpty(match.queryParams)
    || match.authority !== undefined || match.scheme !== undefined || match.port !== undefined;
  if (others) return false;
  const uri = match.uri;
  if (uri === undefined) return true;
  return uri.prefix === '' || uri.prefix === '/' || uri.regex === '.*' || uri.regex === '^.*$';
}

/** Checks an HttpMatch and returns it as Istio writes it. */
export function renderMatch(scope: IConstruct, prop: string, match: HttpMatch): istio.VirtualServiceSpecHttpMatch {
  if (match === undefined || match === null || typeof match !== 'object') {
    throw propError(scope, prop, match, 'must be an HttpMatch with at least one condition');
  }
  for (const field of ['headers', 'withoutHeaders', 'queryParams', 'sourceLabels'] as const) {
    const record = match[field];
    requireProp(record === undefined || (record !== null && typeof record === 'object' && !Array.isArray(record)), scope, `${prop}.${field}`, record,
      'must be an object of names to values');
  }
  requireProp(!matchesEverything(match), scope, prop, match,
    'must set at least one condition that narrows the traffic (headers, withoutHeaders, sourceLabels, sourceNamespace, uri, method, queryParams, authority, scheme, port): '
    + 'a rule that matches every request would take all traffic and the weighted route after it would never be used [IST0130] '
    + '(stricter than Istio on purpose: its webhook only warns, VirtualServiceUnreachableRule, and the split would silently stop)');
  const sourceLabels = optStringMap(scope, `${prop}.sourceLabels`, match.sourceLabels);
  if (sourceLabels !== undefined) checkLabels(scope, `${prop}.sourceLabels`, sourceLabels);
  if (match.sourceNamespace !== undefined) {
    requireProp(isDns1123Label(match.sourceNamespace), scope, `${prop}.sourceNamespace`, match.sourceNamespace, 'must be a namespace name (DNS-1123 label)');
  }
  const gateways = optStrings(scope, `${prop}.gateways`, match.gateways);
  checkSourceWithGateways(scope, prop, match);
  const optMatch = (field: 'uri' | 'method' | 'authority' | 'scheme') =>
    match[field] === undefined ? undefined : stringMatch(scope, `${prop}.${field}`, match[field]!);
  return {
    name: optString(scope, `${prop}.name`, match.name),
    headers: stringMatches(scope, `${prop}.headers`, match.headers, true),
    withoutHeaders: stringMatches(scope, `${prop}.withoutHeaders`, match.withoutHeaders, true),
    sourceLabels,
    sourceNamespace: match.sourceNamespace,
    uri: optMatch('uri'),
    ignoreUriCase: optBoolean(scope, `${prop}.ignoreUriCase`, match.ignoreUriCase),
    method: optMatch('method'),
    authority: optMatch('authority'),
    scheme: optMatch('scheme'),
    port: optInteger(scope, `${prop}.port`, match.port, 'uint32', 1),
    queryParams: stringMatches(scope, `${prop}.queryParams`, match.queryParams, false),
    statPrefix: optString(scope, `${prop}.statPrefix`, match.statPrefix),
    gateways,
  };
}

/**
 * A match naming its own gateways is not checked against source labels or namespace at all (Istio's
 * `sourceMatchHTTP` / `sourceMatchTCP` in pilot/pkg/networking/core/route: `if len(match.Gateways) > 0`
 * returns before the source conditions), so writing both would take all traffic of those gateways.
 */
export function checkSourceWithGateways(scope: IConstruct, prop: string,
  match: { gateways?: string[]; sourceLabels?: Record<string, string>; sourceNamespace?: string }): void {
  if (match.gateways === undefined || (!nonEmpty(match.sourceLabels) && match.sourceNamespace === undefined)) return;
  throw propError(scope, `${prop}.gateways`, match.gateways,
    'must not be set together with sourceLabels or sourceNamespace: Istio ignores the source conditions of a match that names gateways, '
    + 'so the rule would take all traffic of those gateways; leave gateways out (source conditions only ever match sidecar traffic)');
}

/**
 * A rule's own weighted split: version names to integer percentages summing to 100 (stricter than Istio on
 * purpose, as the catch-all's weights), in the order of the versions.
 */
export function ruleWeights(scope: IConstruct, prop: string, weights: Record<string, number>, versions: readonly string[]): Array<[string, number]> {
  const given = optMap(scope, prop, weights, (w, entryProp, v) => {
    requireProp(versions.includes(v), scope, entryProp, w, `names no version; the versions are ${versions.join(', ')}`);
    checkInteger(scope, entryProp, w, 0, 100);
    return w;
  })!;
  const sum = Object.values(given).reduce((a, b) => a + b, 0);
  requireProp(sum === 100, scope, prop, weights, `must sum to 100 (they sum to ${sum})`);
  return versions.filter(v => v in given).map(v => [v, given[v]]);
}

function checkVersion(scope: IConstruct, prop: string, version: unknown, versions: readonly string[]): string {
  requireProp(typeof version === 'string' && versions.includes(version), scope, prop, version,
    `must name a version of this service (${versions.join(', ')}); a route to a missing subset fails with 503 [IST0101]`);
  return version as string;
}

function retries(scope: IConstruct, prop: string, r: HttpRetryPolicy): istio.VirtualServiceSpecHttpRetries {
  checkInteger(scope, `${prop}.attempts`, r.attempts, 0, 2147483647);
  if (r.attempts === 0) {
    const set = ['perTryTimeout', 'retryOn', 'retryRemoteLocalities'].filter(f => (r as any)[f] !== undefined);
    requireProp(set.length === 0, scope, `${prop}.attempts`, 0, `disables retries, so ${set.map(f => `'${f}'`).join(', ')} must not be set`);
  }
  optStrings(scope, `${prop}.retryOn`, r.retryOn);
  (r.retryOn ?? []).forEach((on, i) => {
    requireProp(isRetryOnPolicy(on), scope, `${prop}.retryOn[${i}]`, on,
      `must be an HTTP status code Go names or one of ${[...RETRY_ON_POLICIES].join(', ')} [istio validateHTTPRetry]`);
  });
  return {
    attempts: r.attempts,
    perTryTimeout: r.perTryTimeout === undefined ? undefined : checkDuration(scope, `${prop}.perTryTimeout`, r.perTryTimeout),
    retryOn: r.retryOn === undefined ? undefined : r.retryOn.join(','),
    retryRemoteLocalities: optBoolean(scope, `${prop}.retryRemoteLocalities`, r.retryRemoteLocalities),
    backoff: r.backoff === undefined ? undefined : checkDuration(scope, `${prop}.backoff`, r.backoff),
    retryIgnorePreviousHosts: optBoolean(scope, `${prop}.retryIgnorePreviousHosts`, r.retryIgnorePreviousHosts),
  };
}

function fault(scope: IConstruct, prop: string, f: HttpFaultInjection): istio.VirtualServiceSpecHttpFault {
  requireProp(f.delay !== undefined || f.abort !== undefined, scope, prop, f, "must set 'delay', 'abort' or both");
  if (f.delay) checkPercent(scope, `${prop}.delay.percentage`, f.delay.percentage);
  if (f.abort) {
    optObject(scope, `${prop}.abort`, f.abort);
    const kinds = (['httpStatus', 'grpcStatus'] as const).filter(k => f.abort![k] !== undefined);
    requireProp(kinds.length === 1, scope, `${prop}.abort`, f.abort,
      `must set exactly one of 'httpStatus' and 'grpcStatus' (it sets ${kinds.length === 0 ? 'none' : kinds.join(', ')})`);
    // Istio's validateHTTPStatus takes 200 to 600
    if (f.abort.httpStatus !== undefined) checkInteger(scope, `${prop}.abort.httpStatus`, f.abort.httpStatus, 200, 600);
    optEnum(scope, `${prop}.abort.grpcStatus`, f.abort.grpcStatus, GrpcStatus);
    checkPercent(scope, `${prop}.abort.percentage`, f.abort.percentage);
  }
  return {
    delay: f.delay && {
      fixedDelay: checkDuration(scope, `${prop}.delay.fixedDelay`, f.delay.fixedDelay),
      percentage: { value: f.delay.percentage },
    },
    abort: f.abort && { httpStatus: f.abort.httpStatus, grpcStatus: f.abort.grpcStatus, percentage: { value: f.abort.percentage } },
  };
}

function cors(scope: IConstruct, prop: string, c: CorsPolicy): istio.VirtualServiceSpecHttpCorsPolicy {
  requireProp(c.allowOrigins === undefined || Array.isArray(c.allowOrigins), scope, `${prop}.allowOrigins`, c.allowOrigins,
    'must be a list of origin matches');
  (c.allowMethods ?? []).forEach((m, i) => requireProp(CORS_METHODS.has(m), scope, `${prop}.allowMethods[${i}]`, m,
    `must be one of ${[...CORS_METHODS].join(', ')} [istio validateCORSHTTPMethod]`));
  (c.allowHeaders ?? []).forEach((h, i) => checkHeaderName(scope, `${prop}.allowHeaders[${i}]`, h, false));
  (c.exposeHeaders ?? []).forEach((h, i) => checkHeaderName(scope, `${prop}.exposeHeaders[${i}]`, h, false));
  return {
    allowOrigins: c.allowOrigins?.map((o, i) => {
      const m = stringMatch(scope, `${prop}.allowOrigins[${i}]`, o);
      requireProp(Object.values(m)[0] !== '', scope, `${prop}.allowOrigins[${i}]`, o, 'must not be empty');
      return m;
    }),
    allowMethods: c.allowMethods,
    allowHeaders: c.allowHeaders,
    exposeHeaders: c.exposeHeaders,
    maxAge: c.maxAge === undefined ? undefined : checkDuration(scope, `${prop}.maxAge`, c.maxAge, true),
    allowCredentials: optBoolean(scope, `${prop}.allowCredentials`, c.allowCredentials),
    unmatchedPreflights: optEnum(scope, `${prop}.unmatchedPreflights`, c.unmatchedPreflights, CorsUnmatchedPreflights) as any,
  };
}

function headerEdits(scope: IConstruct, prop: string, e: HeaderEdits | undefined): any {
  if (optObject(scope, prop, e) === undefined) return undefined;
  const values = (field: 'set' | 'add') => optMap(scope, `${prop}.${field}`, e![field], (v, entryProp, k) => {
    checkHeaderName(scope, entryProp, k, false);
    requireProp(typeof v === 'string', scope, entryProp, v, 'must be a string');
    return v;
  });
  const remove = optStrings(scope, `${prop}.remove`, e!.remove);
  (remove ?? []).forEach((h, i) => checkHeaderName(scope, `${prop}.remove[${i}]`, h, false));
  return { set: values('set'), add: values('add'), remove };
}

/** Request and response header edits (a rule's `headers`, a version's `routeHeaders`). */
export function headerOperations(scope: IConstruct, prop: string, h: HeaderOperations | undefined): any {
  if (optObject(scope, prop, h) === undefined) return undefined;
  return {
    request: headerEdits(scope, `${prop}.request`, h!.request),
    response: headerEdits(scope, `${prop}.response`, h!.response),
  };
}

function rewrite(scope: IConstruct, prop: string, r: HttpRewrite): istio.VirtualServiceSpecHttpRewrite {
  optObject(scope, prop, r);
  const regex = optObject(scope, `${prop}.uriRegexRewrite`, r.uriRegexRewrite);
  return {
    uri: optString(scope, `${prop}.uri`, r.uri),
    authority: optString(scope, `${prop}.authority`, r.authority),
    uriRegexRewrite: regex && {
      match: requiredString(scope, `${prop}.uriRegexRewrite.match`, regex.match),
      rewrite: requiredString(scope, `${prop}.uriRegexRewrite.rewrite`, regex.rewrite),
    },
  };
}

function requiredString(scope: IConstruct, prop: string, value: unknown): string {
  requireProp(typeof value === 'string', scope, prop, value, 'must be a string');
  return value as string;
}

function redirect(scope: IConstruct, prop: string, r: HttpRedirect): any {
  optObject(scope, prop, r);
  if (r.port !== undefined && r.derivePort !== undefined) {
    throw propError(scope, `${prop}.derivePort`, r.derivePort, "must not be set together with 'port': Istio takes one or the other");
  }
  return {
    uri: optString(scope, `${prop}.uri`, r.uri),
    authority: optString(scope, `${prop}.authority`, r.authority),
    port: optInteger(scope, `${prop}.port`, r.port, 'uint32'),
    derivePort: optEnum(scope, `${prop}.derivePort`, r.derivePort, RedirectPortSelection),
    scheme: optString(scope, `${prop}.scheme`, r.scheme),
    redirectCode: optInteger(scope, `${prop}.redirectCode`, r.redirectCode, 'uint32'),
  };
}

function directResponse(scope: IConstruct, prop: string, d: HttpDirectResponse): any {
  optObject(scope, prop, d);
  requireProp(d.status !== undefined, scope, `${prop}.status`, d.status, 'must be set: the HTTP status of the response');
  const body = d.body;
  if (body !== undefined && !(body instanceof DirectResponseBody)) {
    throw propError(scope, `${prop}.body`, body, 'must be a DirectResponseBody (DirectResponseBody.fromString() or .fromBase64())');
  }
  return {
    status: optInteger(scope, `${prop}.status`, d.status, 'uint32'),
    body: body && { [body._field]: requiredString(scope, `${prop}.body`, body._value) },
  };
}

function mirror(scope: IConstruct, prop: string, m: HttpMirror, versions: readonly string[]): void {
  checkVersion(scope, `${prop}.version`, m?.version, versions);
  if (m.percentage !== undefined) checkPercent(scope, `${prop}.percentage`, m.percentage);
}

/**
 * Checks a route's options and returns them as the VirtualService binding's http rule fields (without match
 * and route). `destination` renders a version's destination.
 */
export function renderOptions(scope: IConstruct, prop: string, o: CanaryRouteOptions, versions: readonly string[], destination: Destination):
istio.VirtualServiceSpecHttp {
  if (o.mirror !== undefined && o.mirrors !== undefined) {
    throw propError(scope, `${prop}.mirrors`, o.mirrors, "must not be set together with 'mirror': Istio takes one or the other");
  }
  if (o.mirror !== undefined) mirror(scope, `${prop}.mirror`, o.mirror, versions);
  (o.mirrors ?? []).forEach((m, i) => mirror(scope, `${prop}.mirrors[${i}]`, m, versions));
  return {
    name: o.name,
    timeout: o.timeout === undefined ? undefined : checkDuration(scope, `${prop}.timeout`, o.timeout),
    retries: o.retries && retries(scope, `${prop}.retries`, o.retries),
    fault: o.fault && fault(scope, `${prop}.fault`, o.fault),
    mirror: o.mirror && destination(o.mirror.version),
    mirrorPercentage: o.mirror?.percentage === undefined ? undefined : { value: o.mirror.percentage },
    mirrors: o.mirrors?.map(m => ({
      destination: destination(m.version),
      percentage: m.percentage === undefined ? undefined : { value: m.percentage },
    })),
    corsPolicy: o.corsPolicy && cors(scope, `${prop}.corsPolicy`, o.corsPolicy),
    headers: headerOperations(scope, `${prop}.headers`, o.headers),
    rewrite: o.rewrite === undefined ? undefined : rewrite(scope, `${prop}.rewrite`, o.rewrite),
  };
}

/** Checks a rule and returns it as a VirtualService http rule. */
export function renderRoute(scope: IConstruct, prop: string, route: CanaryRoute, versions: readonly string[], destination: Destination,
  versionHeaders: VersionHeaders = () => undefined): istio.VirtualServiceSpecHttp {
  const match = renderMatch(scope, `${prop}.match`, route.match);
  const actions = (['version', 'weights', 'redirect', 'directResponse'] as const).filter(k => route[k] !== undefined);
  requireProp(actions.length === 1, scope, prop, route,
    `must set exactly one of 'version' (forward), 'weights' (split), 'redirect' and 'directResponse' (it sets ${actions.length === 0 ? 'none' : actions.join(', ')})`);
  const version = route.version === undefined ? undefined : checkVersion(scope, `${prop}.version`, route.version, versions);
  const split = route.weights === undefined ? undefined : ruleWeights(scope, `${prop}.weights`, route.weights, versions);
  const options = renderOptions(scope, prop, route, versions, destination);
  return {
    name: options.name,
    match: [match],
    route: version !== undefined ? [{ destination: destination(version), headers: versionHeaders(version) }]
      : split?.map(([v, weight]) => ({ destination: destination(v), weight, headers: versionHeaders(v) })),
    redirect: route.redirect === undefined ? undefined : redirect(scope, `${prop}.redirect`, route.redirect),
    directResponse: route.directResponse === undefined ? undefined : directResponse(scope, `${prop}.directResponse`, route.directResponse),
    ...options,
  };
}

/** A stable text form of a rendered match, to find duplicates. */
export function matchKey(match: istio.VirtualServiceSpecHttpMatch): string {
  return describeValue(sortKeys(match));
}

function sortKeys(value: any): any {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).filter(k => value[k] !== undefined).sort().map(k => [k, sortKeys(value[k])]));
}
