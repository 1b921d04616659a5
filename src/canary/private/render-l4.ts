import { IConstruct } from 'constructs';
import { propError, requireProp } from '../../common';
import { CanaryTcpRoute, CanaryTlsRoute, TcpMatch, TlsMatch } from '../tcp-tls-route';
import { checkLabels, isDns1123Label } from './checks';
import { checkSourceWithGateways, ruleWeights } from './render-route';
import { optInteger, optString, optStringMap, optStrings } from './shapes';

/** The Service ports of one kind of L4 route, and how to write a version's destination on one of them. */
export interface L4Ports {
  /** `tcp` or `tls`: the VirtualService section. */
  readonly kind: 'tcp' | 'tls';
  /** The Service ports whose traffic this section routes. */
  readonly ports: readonly number[];
  /** The versions' names. */
  readonly versions: readonly string[];
  /** The VirtualService hosts (TLS matches default their SNI hosts to them). */
  readonly hosts: readonly string[];
  /** The Service host. */
  readonly host: string;
}

function destination(l4: L4Ports, version: string, port: number): any {
  return { host: l4.host, subset: version, port: { number: port } };
}

/** The port a rule's connections arrive on: its match's port, or the only port of its kind. */
function rulePort(scope: IConstruct, prop: string, l4: L4Ports, port: number | undefined): number {
  const kind = l4.kind.toUpperCase();
  if (port !== undefined) {
    optInteger(scope, `${prop}.match.port`, port, 'uint32', 1);
    requireProp(l4.ports.includes(port), scope, `${prop}.match.port`, port,
      `must be one of the Service's ${kind} ports (${l4.ports.join(', ') || 'none'})`);
    return port;
  }
  requireProp(l4.ports.length === 1, scope, `${prop}.match.port`, port, l4.ports.length === 0
    ? `cannot be resolved: the Service has no ${kind} port (name a port ${l4.kind}-..., or set appProtocol)`
    : `must be set: the Service has ${l4.ports.length} ${kind} ports (${l4.ports.join(', ')}), so the rule must name one [IST0112]`);
  return l4.ports[0];
}

function checkSource(scope: IConstruct, prop: string, match: TcpMatch | TlsMatch): Record<string, string> | undefined {
  const sourceLabels = optStringMap(scope, `${prop}.sourceLabels`, match.sourceLabels);
  if (sourceLabels !== undefined) checkLabels(scope, `${prop}.sourceLabels`, sourceLabels);
  if (match.sourceNamespace !== undefined) {
    requireProp(isDns1123Label(match.sourceNamespace), scope, `${prop}.sourceNamespace`, match.sourceNamespace, 'must be a namespace name (DNS-1123 label)');
  }
  checkSourceWithGateways(scope, prop, match);
  return sourceLabels;
}

/** The route of a rule: its version, or its own weighted split. */
function ruleRoute(scope: IConstruct, prop: string, route: CanaryTcpRoute | CanaryTlsRoute, l4: L4Ports, port: number): any[] {
  const actions = (['version', 'weights'] as const).filter(k => route[k] !== undefined);
  requireProp(actions.length === 1, scope, prop, route,
    `must set exactly one of 'version' and 'weights' (it sets ${actions.length === 0 ? 'none' : actions.join(', ')})`);
  if (route.weights !== undefined) {
    return ruleWeights(scope, `${prop}.weights`, route.weights, l4.versions).map(([v, weight]) => ({ destination: destination(l4, v, port), weight }));
  }
  requireProp(typeof route.version === 'string' && l4.versions.includes(route.version), scope, `${prop}.version`, route.version,
    `must name a version of this service (${l4.versions.join(', ')}); a route to a missing subset fails with 503 [IST0101]`);
  return [{ destination: destination(l4, route.version!, port) }];
}

function checkRouteShape(scope: IConstruct, prop: string, route: unknown): void {
  if (route === undefined || route === null || typeof route !== 'object') throw propError(scope, prop, route, 'must be a route with a match and a version');
  const match = (route as { match?: unknown }).match;
  if (match === undefined || match === null || typeof match !== 'object' || Array.isArray(match)) {
    throw propError(scope, `${prop}.match`, match, 'must be an object of connection conditions');
  }
}

const NARROWING = 'a rule that matches every connection of its port would take all of it, and the weighted split after it would never be used [IST0130]';

/** Checks a TCP rule and returns it as a VirtualService `tcp` entry. */
export function renderTcpRoute(scope: IConstruct, prop: string, route: CanaryTcpRoute, l4: L4Ports): any {
  checkRouteShape(scope, prop, route);
  const m = route.match;
  const mProp = `${prop}.match`;
  const sourceLabels = checkSource(scope, mProp, m);
  const destinationSubnets = optStrings(scope, `${mProp}.destinationSubnets`, m.destinationSubnets);
  const sourceSubnet = optString(scope, `${mProp}.sourceSubnet`, m.sourceSubnet);
  const narrows = Object.keys(sourceLabels ?? {}).length > 0 || m.sourceNamespace !== undefined || (destinationSubnets ?? []).length > 0
    || sourceSubnet !== undefined;
  requireProp(narrows, scope, mProp, m, `must set at least one of sourceLabels, sourceNamespace, destinationSubnets, sourceSubnet: ${NARROWING}`);
  const port = rulePort(scope, prop, l4, m.port);
  const routeTo = ruleRoute(scope, prop, route, l4, port);
  return {
    match: [{
      port: m.port,
      destinationSubnets,
      sourceSubnet,
      sourceLabels,
      sourceNamespace: m.sourceNamespace,
      gateways: optStrings(scope, `${mProp}.gateways`, m.gateways),
    }],
    route: routeTo,
  };
}

/** Checks a TLS rule and returns it as a VirtualService `tls` entry. */
export function renderTlsRoute(scope: IConstruct, prop: string, route: CanaryTlsRoute, l4: L4Ports): any {
  checkRouteShape(scope, prop, route);
  const m = route.match;
  const mProp = `${prop}.match`;
  const sourceLabels = checkSource(scope, mProp, m);
  const destinationSubnets = optStrings(scope, `${mProp}.destinationSubnets`, m.destinationSubnets);
  const sniHosts = optStrings(scope, `${mProp}.sniHosts`, m.sniHosts, true);
  const narrowerSni = sniHosts !== undefined && !l4.hosts.every(h => sniHosts.includes(h));
  requireProp(Object.keys(sourceLabels ?? {}).length > 0 || m.sourceNamespace !== undefined || (destinationSubnets ?? []).length > 0 || narrowerSni,
    scope, mProp, m, `must set at least one of sourceLabels, sourceNamespace, destinationSubnets, or sniHosts narrower than the hosts: ${NARROWING}`);
  const port = rulePort(scope, prop, l4, m.port);
  const routeTo = ruleRoute(scope, prop, route, l4, port);
  return {
    match: [{
      sniHosts: sniHosts ?? [...l4.hosts],
      port: m.port,
      destinationSubnets,
      sourceLabels,
      sourceNamespace: m.sourceNamespace,
      gateways: optStrings(scope, `${mProp}.gateways`, m.gateways),
    }],
    route: routeTo,
  };
}

/** The weighted catch-all of every port of the section: one entry per port, matching on it. */
export function renderL4CatchAll(l4: L4Ports, weights: Record<string, number>): any[] {
  return l4.ports.map(port => ({
    match: [l4.kind === 'tls' ? { port, sniHosts: [...l4.hosts] } : { port }],
    route: l4.versions.map(v => ({ destination: destination(l4, v, port), weight: weights[v] })),
  }));
}

/** The rules of a section prop (`tcpRoutes`, `tlsRoutes`) as given: a list, or none. */
export function l4Rules<T>(scope: IConstruct, prop: string, rules: T[] | undefined): T[] {
  if (rules === undefined) return [];
  requireProp(Array.isArray(rules), scope, prop, rules, 'must be a list of routes');
  return rules;
}
