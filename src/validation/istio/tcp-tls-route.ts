/** TCP and TLS routes, as Istio 1.30 checks them (validation.go). */
import { ProblemCollector } from '../problem';
import { validateRouteDestinations } from './destination';
import { list, num, obj, rule, str, validateLabels, validatePort } from './fields';
import { gatewayBoundDomainError, hostSubsetOf, ipSubnetError, isIpAddress, validateGatewayNames, wildcardDomainError } from './hosts';

/** isGateway: the VirtualService lists gateways, none of them `mesh`. */
export function appliesToGatewayOnly(vs: Record<string, any>): boolean {
  return !list(vs.gateways).includes('mesh');
}

/** L4 match fields both route kinds share: destinationSubnets, port, sourceLabels, gateways. */
function validateL4Match(m: Record<string, any>, at: ProblemCollector, fn: string): void {
  list(m.destinationSubnets).forEach((subnet, i) => {
    const err = ipSubnetError(str(subnet));
    if (err) at.at('destinationSubnets').error(i, subnet, err, rule(`${fn} (ValidateIPSubnet)`));
  });
  if (num(m.port) !== 0) validatePort(num(m.port), at, 'port', fn);
  validateLabels(m.sourceLabels, at, 'sourceLabels', fn);
  validateGatewayNames(m.gateways, at, 'gateways', fn);
}

/** validateSniHost: a (wildcard) domain within the VirtualService's hosts; an IP warns. */
function validateSniHost(sniHost: string, vs: Record<string, any>, problems: ProblemCollector, i: number): void {
  const fn = rule('validateSniHost');
  const err = appliesToGatewayOnly(vs) ? gatewayBoundDomainError(true, sniHost) : wildcardDomainError(sniHost);
  if (err) {
    if (isIpAddress(sniHost)) problems.warning(i, sniHost, 'is an IP address: that goes against the SNI spec and most clients do not support it', fn);
    else problems.error(i, sniHost, `must be an SNI host name: ${err}`, fn);
    return;
  }
  const hosts = list(vs.hosts).map(str);
  if (!hosts.some(h => hostSubsetOf(sniHost, h))) {
    problems.error(i, sniHost, `must be within one of the VirtualService's hosts (${hosts.join(', ')})`, fn);
  }
}

/** validateTLSRoute: matches with SNI hosts, and a route. */
export function validateTLSRoute(tls: unknown, vs: Record<string, any>, problems: ProblemCollector, gatewaySemantics = false): void {
  const t = obj(tls);
  if (!t) return;
  const fn = 'validateTLSMatch';
  if (list(t.match).length === 0) problems.error('match', t.match, 'must hold at least one match (a TLS route matches on SNI)', rule('validateTLSRoute'));
  list(t.match).forEach((match, i) => {
    const at = problems.at('match', i);
    const m = obj(match);
    if (!m) {
      at.error('', match, 'must not be null', rule(fn));
      return;
    }
    const sniHosts = list(m.sniHosts);
    if (sniHosts.length === 0) at.error('sniHosts', m.sniHosts, 'must hold at least one SNI host', rule(fn));
    sniHosts.forEach((h, j) => validateSniHost(str(h), vs, at.at('sniHosts'), j));
    validateL4Match(m, at, fn);
  });
  if (list(t.route).length === 0) problems.error('route', t.route, 'must be set', rule('validateTLSRoute'));
  validateRouteDestinations(t.route, problems, 'route', gatewaySemantics);
}

/** validateTCPRoute: valid matches, and a route. */
export function validateTCPRoute(tcp: unknown, problems: ProblemCollector, gatewaySemantics = false): void {
  const t = obj(tcp);
  if (!t) return;
  const fn = 'validateTCPMatch';
  list(t.match).forEach((match, i) => {
    const at = problems.at('match', i);
    const m = obj(match);
    if (!m) {
      at.error('', match, 'must not be null', rule(fn));
      return;
    }
    validateL4Match(m, at, fn);
  });
  if (list(t.route).length === 0) problems.error('route', t.route, 'must be set', rule('validateTCPRoute'));
  validateRouteDestinations(t.route, problems, 'route', gatewaySemantics);
}
