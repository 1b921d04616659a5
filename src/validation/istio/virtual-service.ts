/** VirtualService, as Istio 1.30's webhook checks it (ValidateVirtualService). */
import { ProblemCollector } from '../problem';
import { entries, list, obj, rule, str } from './fields';
import { isJwtClaimRoute } from './headers';
import { gatewayBoundDomainError, hostsMatch, isIpAddress, validateExportTo, validateGatewayNames, wildcardDomainError } from './hosts';
import { HTTPRouteType, validateHTTPRoute } from './http-route';
import { validateMetadata } from './metadata';
import { validateTCPRoute, validateTLSRoute } from './tcp-tls-route';
import { analyzeUnreachableRules } from './unreachable';

/** isSniHost: some TLS match names SNI hosts. */
function hasSniHosts(vs: Record<string, any>): boolean {
  return list(vs.tls).some(t => list(obj(t)?.match).some(m => list(obj(m)?.sniHosts).length > 0));
}

/** ValidateVirtualService over a spec; `namespace` is the object's (for exportTo). */
export function validateVirtualServiceSpec(spec: Record<string, any>, problems: ProblemCollector, namespace = ''): void {
  const fn = rule('ValidateVirtualService');
  const hosts = list(spec.hosts).map(str);
  const gateways = list(spec.gateways);
  const delegate = hosts.length === 0;
  if (delegate) {
    if (gateways.length > 0) problems.error('gateways', spec.gateways, 'must not be set on a delegate VirtualService (one without hosts)', fn);
    if (list(spec.tls).length > 0) problems.error('tls', spec.tls, 'must not be set on a delegate VirtualService (one without hosts)', fn);
    if (list(spec.tcp).length > 0) problems.error('tcp', spec.tcp, 'must not be set on a delegate VirtualService (one without hosts)', fn);
  }
  let appliesToMesh = true;
  let appliesToGateway = false;
  if (gateways.length > 0) {
    validateGatewayNames(spec.gateways, problems, 'gateways', 'ValidateVirtualService');
    appliesToGateway = !gateways.includes('mesh');
    appliesToMesh = !appliesToGateway;
  }
  if (!appliesToGateway) {
    list(spec.http).forEach((http, i) => list(obj(http)?.match).forEach((m, j) => {
      for (const field of ['headers', 'withoutHeaders'] as const) {
        for (const [key] of entries(obj(m)?.[field])) {
          if (isJwtClaimRoute(key)) {
            problems.at('http', i, 'match', j, field).error(key, key, 'must not route on a JWT claim: that is only supported on gateways (the VirtualService applies to the mesh)', fn);
          }
        }
      }
    }));
  }
  let allHostsValid = true;
  hosts.forEach((host, i) => {
    const err = appliesToGateway ? gatewayBoundDomainError(hasSniHosts(spec), host) : wildcardDomainError(host);
    if (err) {
      if (!isIpAddress(host)) {
        problems.at('hosts').error(i, host, `must be a host name: ${err}`, fn);
        allHostsValid = false;
      }
    } else if (appliesToMesh && host === '*') {
      problems.at('hosts').error(i, host, 'must not be "*" while the VirtualService applies to the mesh (no gateways, or mesh among them)', fn);
      allHostsValid = false;
    }
  });
  if (allHostsValid) {
    for (let i = 0; i < hosts.length; i++) {
      for (let j = i + 1; j < hosts.length; j++) {
        if (hostsMatch(hosts[i], hosts[j])) {
          problems.at('hosts').error(j, hosts[j], `must not overlap hosts[${i}] (${JSON.stringify(hosts[i])}): duplicate hosts`, fn);
        }
      }
    }
  }
  if (list(spec.http).length === 0 && list(spec.tcp).length === 0 && list(spec.tls).length === 0) {
    problems.error('', undefined, 'must have http, tcp or tls routes', fn);
  }
  list(spec.http).forEach((http, i) => {
    const h = obj(http);
    if (!h) problems.at('http').error(i, http, 'must not be null', fn);
    else validateHTTPRoute(h, problems.at('http', i), delegate ? HTTPRouteType.DELEGATE : HTTPRouteType.INDEPENDENT);
  });
  list(spec.tls).forEach((tls, i) => validateTLSRoute(tls, spec, problems.at('tls', i)));
  list(spec.tcp).forEach((tcp, i) => validateTCPRoute(tcp, problems.at('tcp', i)));
  validateExportTo(namespace, spec.exportTo, problems, 'exportTo');
  analyzeUnreachableRules(spec.http, problems, 'http', true);
  analyzeUnreachableRules(spec.tcp, problems, 'tcp', false);
  analyzeUnreachableRules(spec.tls, problems, 'tls', false);
}

/** A whole VirtualService object: metadata annotations, then the spec. */
export function validateVirtualService(object: any, problems: ProblemCollector): void {
  const o = obj(object) ?? {};
  validateMetadata(o, problems);
  validateVirtualServiceSpec(obj(o.spec) ?? {}, problems.at('spec'), str(obj(o.metadata)?.namespace));
}
