import { IConstruct } from 'constructs';
import * as istio from '../../../imports/networking.istio.io';
import { describeValue, propError, requireProp } from '../../common';
import { CanaryRoute, CanaryRouteOptions, CorsPolicy, HeaderEdits, HttpFaultInjection, HttpMirror, HttpRetryPolicy } from '../http-route';
import { HttpMatch, StringMatch } from '../match';
import { checkDuration, checkHeaderName, checkInteger, checkLabels, checkPercent, checkRegex, isDns1123Label, key } from './checks';

/** Where a version's traffic goes, as the VirtualService writes it. */
export type Destination = (version: string) => istio.VirtualServiceSpecHttpRouteDestination;

/** The rule groups, in the order the VirtualService lists them. */
export enum RuleGroup {
  HEADERS = 0,
  SOURCE = 1,
  OTHER = 2,
}

// Istio 1.30's lists (validation layer: RETRY_ON_POLICIES in src/validation/istio/retry.ts, CORS_METHODS in cors.ts)
const RETRY_ON = new Set([
  '5xx', 'gateway-error', 'reset', 'reset-before-request', 'connect-failure', 'retriable-4xx', 'refused-stream', 'retriable-status-codes',
  'retriable-headers', 'envoy-ratelimited', 'http3-post-connect-failure', 'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable',
]);
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', '*'];

/** The group a match belongs to: any header condition first, then source conditions, then the rest. */
export function ruleGroup(match: HttpMatch): RuleGroup {
  if (nonEmpty(match.headers) || nonEmpty(match.withoutHeaders)) return RuleGroup.HEADERS;
  if (nonEmpty(match.sourceLabels) || match.sourceNamespace !== undefined) return RuleGroup.SOURCE;
  return RuleGroup.OTHER;
}

function nonEmpty(record: Record<string, unknown> | undefined): boolean {
  return record !== undefined && Object.keys(record).length > 0;
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
  if (record === undefined) return undefined;
  const out: Record<string, any> = {};
  for (const [k, m] of Object.entries(record)) {
    if (headerKeys) checkHeaderName(scope, key(prop, k), k);
    else requireProp(k.length > 0, scope, key(prop, k), k, 'must be a non-empty name');
    out[k] = stringMatch(scope, key(prop, k), m);
  }
  return out;
}

/** True when a match takes every request (a catch-all in disguise). */
function matchesEverything(match: HttpMatch): boolean {
  const others = nonEmpty(match.headers) || nonEmpty(match.withoutHeaders) || nonEmpty(match.sourceLabels)
    || match.sourceNamespace !== undefined || match.method !== undefined || nonEmpty(match.queryParams);
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
  requireProp(!matchesEverything(match), scope, prop, match,
    'must set at least one condition that narrows the traffic (headers, withoutHeaders, sourceLabels, sourceNamespace, uri, method, queryParams): '
    + 'a rule that matches every request would take all traffic and the weighted route after it would never be used [IST0130] '
    + '(stricter than Istio on purpose: its webhook only warns, VirtualServiceUnreachableRule, and the split would silently stop)');
  if (match.sourceLabels !== undefined) checkLabels(scope, `${prop}.sourceLabels`, match.sourceLabels);
  if (match.sourceNamespace !== undefined) {
    requireProp(isDns1123Label(match.sourceNamespace), scope, `${prop}.sourceNamespace`, match.sourceNamespace, 'must be a namespace name (DNS-1123 label)');
  }
  if (match.gateways !== undefined && (nonEmpty(match.sourceLabels) || match.sourceNamespace !== undefined)) {
    requireProp(match.gateways.includes('mesh'), scope, `${prop}.gateways`, match.gateways,
      "must include 'mesh': sourceLabels and sourceNamespace only match traffic from sidecars, so on gateways alone the rule never applies");
  }
  return {
    headers: stringMatches(scope, `${prop}.headers`, match.headers, true),
    withoutHeaders: stringMatches(scope, `${prop}.withoutHeaders`, match.withoutHeaders, true),
    // copies: a user's record may have a null prototype, which cdk8s cannot serialize (TypeError in sanitizeValue)
    sourceLabels: match.sourceLabels && { ...match.sourceLabels },
    sourceNamespace: match.sourceNamespace,
    uri: match.uri === undefined ? undefined : stringMatch(scope, `${prop}.uri`, match.uri),
    ignoreUriCase: match.ignoreUriCase,
    method: match.method === undefined ? undefined : stringMatch(scope, `${prop}.method`, match.method),
    queryParams: stringMatches(scope, `${prop}.queryParams`, match.queryParams, false),
    gateways: match.gateways,
  };
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
  (r.retryOn ?? []).forEach((on, i) => {
    const status = /^[1-5][0-9][0-9]$/.test(on);
    requireProp(RETRY_ON.has(on) || status, scope, `${prop}.retryOn[${i}]`, on,
      `must be an HTTP status code or one of ${[...RETRY_ON].join(', ')}`);
  });
  return {
    attempts: r.attempts,
    perTryTimeout: r.perTryTimeout === undefined ? undefined : checkDuration(scope, `${prop}.perTryTimeout`, r.perTryTimeout),
    retryOn: r.retryOn === undefined ? undefined : r.retryOn.join(','),
    retryRemoteLocalities: r.retryRemoteLocalities,
  };
}

function fault(scope: IConstruct, prop: string, f: HttpFaultInjection): istio.VirtualServiceSpecHttpFault {
  requireProp(f.delay !== undefined || f.abort !== undefined, scope, prop, f, "must set 'delay', 'abort' or both");
  if (f.delay) checkPercent(scope, `${prop}.delay.percentage`, f.delay.percentage);
  if (f.abort) {
    checkInteger(scope, `${prop}.abort.httpStatus`, f.abort.httpStatus, 200, 599);
    checkPercent(scope, `${prop}.abort.percentage`, f.abort.percentage);
  }
  return {
    delay: f.delay && {
      fixedDelay: checkDuration(scope, `${prop}.delay.fixedDelay`, f.delay.fixedDelay),
      percentage: { value: f.delay.percentage },
    },
    abort: f.abort && { httpStatus: f.abort.httpStatus, percentage: { value: f.abort.percentage } },
  };
}

function cors(scope: IConstruct, prop: string, c: CorsPolicy): istio.VirtualServiceSpecHttpCorsPolicy {
  requireProp(Array.isArray(c.allowOrigins) && c.allowOrigins.length > 0, scope, `${prop}.allowOrigins`, c.allowOrigins, 'must list at least one origin');
  (c.allowMethods ?? []).forEach((m, i) => requireProp(HTTP_METHODS.includes(m), scope, `${prop}.allowMethods[${i}]`, m,
    `must be one of ${HTTP_METHODS.join(', ')}`));
  (c.allowHeaders ?? []).forEach((h, i) => checkHeaderName(scope, `${prop}.allowHeaders[${i}]`, h, false));
  (c.exposeHeaders ?? []).forEach((h, i) => checkHeaderName(scope, `${prop}.exposeHeaders[${i}]`, h, false));
  return {
    allowOrigins: c.allowOrigins.map((o, i) => {
      const m = stringMatch(scope, `${prop}.allowOrigins[${i}]`, o);
      requireProp(Object.values(m)[0] !== '', scope, `${prop}.allowOrigins[${i}]`, o, 'must not be empty');
      return m;
    }),
    allowMethods: c.allowMethods,
    allowHeaders: c.allowHeaders,
    exposeHeaders: c.exposeHeaders,
    maxAge: c.maxAge === undefined ? undefined : checkDuration(scope, `${prop}.maxAge`, c.maxAge, true),
    allowCredentials: c.allowCredentials,
  };
}

function headerEdits(scope: IConstruct, prop: string, e: HeaderEdits | undefined): any {
  if (e === undefined) return undefined;
  for (const [field, record] of [['set', e.set], ['add', e.add]] as const) {
    for (const [k, v] of Object.entries(record ?? {})) {
      checkHeaderName(scope, key(`${prop}.${field}`, k), k, false);
      requireProp(typeof v === 'string', scope, key(`${prop}.${field}`, k), v, 'must be a string');
    }
  }
  (e.remove ?? []).forEach((h, i) => checkHeaderName(scope, `${prop}.remove[${i}]`, h, false));
  // copies, as for sourceLabels: a record with a null prototype would crash cdk8s's serializer
  return { set: e.set && { ...e.set }, add: e.add && { ...e.add }, remove: e.remove };
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
    headers: o.headers && {
      request: headerEdits(scope, `${prop}.headers.request`, o.headers.request),
      response: headerEdits(scope, `${prop}.headers.response`, o.headers.response),
    },
  };
}

/** Checks a rule and returns it as a VirtualService http rule. */
export function renderRoute(scope: IConstruct, prop: string, route: CanaryRoute, versions: readonly string[], destination: Destination):
istio.VirtualServiceSpecHttp {
  const match = renderMatch(scope, `${prop}.match`, route.match);
  const version = checkVersion(scope, `${prop}.version`, route.version, versions);
  const options = renderOptions(scope, prop, route, versions, destination);
  return { name: options.name, match: [match], route: [{ destination: destination(version) }], ...options };
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
