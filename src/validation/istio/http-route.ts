/** HTTP routes and their matches, as Istio 1.30 checks them (virtualservice.go). */
import { ProblemCollector } from '../problem';
import { validateCORSPolicy } from './cors';
import { validateDestination, validateHTTPMirrors, validateHTTPRouteDestinations } from './destination';
import { validateHTTPFaultInjection } from './fault';
import { entries, isDns1123Label, isSet, list, num, obj, rule, str, validateDuration, validateLabels, validateOneof, validatePort, wrapped } from './fields';
import { headerNameOrJwtClaimError, isAuthorityHeader, validateHeaderOperations } from './headers';
import { validateGatewayNames } from './hosts';
import { validateHTTPDirectResponse, validateHTTPRedirect, validateHTTPRewrite } from './redirect';
import { validateHTTPRetry } from './retry';
import { validateStringMatch, validateStringMatchRegexp } from './string-match';

const STRING_MATCH = ['exact', 'prefix', 'regex'];

/** getHTTPRouteType: a route of a delegate VirtualService, a root route (with `delegate`), or an independent one. */
export enum HTTPRouteType { INDEPENDENT, ROOT, DELEGATE }

/** validateHTTPRouteConflict: route, redirect, directResponse and delegate exclude each other. */
function validateHTTPRouteConflict(http: Record<string, any>, routeType: HTTPRouteType, problems: ProblemCollector): void {
  const fn = rule('validateHTTPRouteConflict');
  if (routeType === HTTPRouteType.ROOT) {
    if (isSet(http.redirect)) problems.error('redirect', http.redirect, 'must not be set on a root HTTP route (one with a delegate)', fn);
    if (isSet(http.route)) problems.error('route', http.route, 'must not be set on a root HTTP route (one with a delegate)', fn);
    return;
  }
  if (routeType === HTTPRouteType.DELEGATE && isSet(http.delegate)) {
    problems.error('delegate', http.delegate, 'must not be set in a delegate VirtualService', fn);
  }
  const routes = list(http.route).length;
  if (isSet(http.redirect)) {
    if (routes > 0) problems.error('route', http.route, 'must not be set together with redirect', fn);
    if (isSet(http.fault)) problems.error('fault', http.fault, 'must not be set together with redirect', fn);
    if (isSet(http.rewrite)) problems.error('rewrite', http.rewrite, 'must not be set together with redirect', fn);
    if (isSet(http.directResponse)) problems.error('directResponse', http.directResponse, 'must not be set together with redirect', fn);
  } else if (isSet(http.directResponse)) {
    if (routes > 0) problems.error('route', http.route, 'must not be set together with directResponse', fn);
    if (isSet(http.fault)) problems.error('fault', http.fault, 'must not be set together with directResponse', fn);
    if (isSet(http.rewrite)) problems.error('rewrite', http.rewrite, 'must not be set together with directResponse', fn);
  } else if (routes === 0) {
    problems.error('route', http.route, 'must be set (or redirect, or directResponse)', fn);
  }
  if (isSet(http.mirror) && list(http.mirrors).length > 0) problems.error('mirrors', http.mirrors, 'must not be set together with mirror', fn);
}

/** validateHTTPRouteMatchRequest: header keys and string matches, ports, source labels, gateways, sourceNamespace. */
function validateHTTPRouteMatchRequest(http: Record<string, any>, problems: ProblemCollector): void {
  const fn = 'validateHTTPRouteMatchRequest';
  const r = rule(fn);
  list(http.match).forEach((match, i) => {
    const m = obj(match);
    if (!m) return;
    const at = problems.at('match', i);
    for (const f of ['uri', 'scheme', 'method', 'authority'] as const) validateOneof(m[f], STRING_MATCH, at, f);
    for (const f of ['headers', 'withoutHeaders', 'queryParams'] as const) {
      for (const [name, sm] of entries(m[f])) validateOneof(sm, STRING_MATCH, at.at(f), name);
    }
    for (const [name, header] of entries(m.headers)) {
      if (header === null || header === undefined) at.at('headers').error(name, header, 'must not be null', r);
      const err = headerNameOrJwtClaimError(name);
      if (err) at.at('headers').error(name, name, err, rule(`${fn} (ValidateHTTPHeaderNameOrJwtClaimRoute)`));
      validateStringMatch(header, at.at('headers'), name, fn);
    }
    for (const [name, header] of entries(m.withoutHeaders)) {
      const err = headerNameOrJwtClaimError(name);
      if (err) at.at('withoutHeaders').error(name, name, err, rule(`${fn} (ValidateHTTPHeaderNameOrJwtClaimRoute)`));
      // regex "*" is not RE2: Istio turns it into a presence match
      if (obj(header)?.regex !== '*') validateStringMatch(header, at.at('withoutHeaders'), name, fn);
    }
    // uri allows an empty prefix; scheme, method and authority do not
    validateStringMatchRegexp(m.uri, at, 'uri', fn);
    validateStringMatch(m.scheme, at, 'scheme', fn);
    validateStringMatch(m.method, at, 'method', fn);
    validateStringMatch(m.authority, at, 'authority', fn);
    for (const [name, qp] of entries(m.queryParams)) validateStringMatch(qp, at.at('queryParams'), name, fn);
  });
  list(http.match).forEach((match, i) => {
    const m = obj(match);
    if (!m) return;
    const at = problems.at('match', i);
    if (num(m.port) !== 0) validatePort(num(m.port), at, 'port', fn);
    validateLabels(m.sourceLabels, at, 'sourceLabels', fn);
    validateGatewayNames(m.gateways, at, 'gateways', fn);
    const ns = str(m.sourceNamespace);
    if (ns !== '' && !isDns1123Label(ns)) at.error('sourceNamespace', ns, 'must be a namespace (a DNS-1123 label)', r);
  });
}

/** validateAuthorityRewrite: the authority is rewritten in one place only (rewrite.authority or one header). */
function validateAuthorityRewrite(http: Record<string, any>, problems: ProblemCollector): void {
  let current = str(obj(http.rewrite)?.authority);
  const request = obj(obj(http.headers)?.request);
  for (const op of ['set', 'add'] as const) {
    for (const [k, v] of entries(request?.[op])) {
      if (!isAuthorityHeader(k)) continue;
      if (current !== '') {
        problems.at('headers', 'request', op).error(k, v, `must not rewrite the authority again (it is already ${JSON.stringify(current)})`, rule('validateAuthorityRewrite'));
        return;
      }
      current = str(v);
    }
  }
}

/** validateHTTPRoute: one `http` rule of a VirtualService. */
export function validateHTTPRoute(
  http: Record<string, any>, problems: ProblemCollector, routeType = HTTPRouteType.INDEPENDENT, gatewaySemantics = false,
): void {
  const type = routeType === HTTPRouteType.DELEGATE ? routeType : isSet(http.delegate) ? HTTPRouteType.ROOT : HTTPRouteType.INDEPENDENT;
  validateHTTPRouteConflict(http, type, problems);
  validateHTTPRouteMatchRequest(http, problems);
  validateHeaderOperations(http.headers, problems, 'headers', 'validateHTTPRoute');
  validateCORSPolicy(http.corsPolicy, problems, 'corsPolicy');
  validateHTTPFaultInjection(http.fault, problems, 'fault');
  const fn = rule('validateHTTPRoute');
  if (isSet(http.mirrorPercent)) {
    const value = num(wrapped(http.mirrorPercent));
    if (value > 100) problems.error('mirrorPercent', http.mirrorPercent, 'must be at most 100', fn);
    problems.warning('mirrorPercent', http.mirrorPercent, 'is deprecated: use mirrorPercentage', fn);
  }
  const mp = obj(http.mirrorPercentage);
  if (mp) {
    const value = num(mp.value);
    if (value > 100 || value < 0) problems.at('mirrorPercentage').error('value', mp.value, 'must be a percentage from 0 to 100', fn);
  }
  validateDestination(http.mirror, problems, 'mirror');
  validateHTTPMirrors(http.mirrors, problems, 'mirrors');
  validateHTTPRedirect(http.redirect, problems, 'redirect');
  validateHTTPDirectResponse(http.directResponse, problems, 'directResponse');
  validateHTTPRetry(http.retries, problems, 'retries');
  validateHTTPRewrite(http.rewrite, problems, 'rewrite');
  validateAuthorityRewrite(http, problems);
  validateHTTPRouteDestinations(http.route, problems, 'route', gatewaySemantics);
  if (isSet(http.timeout)) validateDuration(http.timeout, problems, 'timeout');
}
