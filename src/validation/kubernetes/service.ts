import { dns1123LabelErrors, dns1123SubdomainErrors, portNameErrors, portNumErrors, qualifiedNameErrors } from '../../common/names';
import type { ParsedIp } from '../../ipvs/ip-address';
import { ProblemCollector } from '../problem';
import { duplicate, each, isObject, isSet, listOf, notSupported, REQUIRED } from './field';
import { checkListMapKeys, LIST_MAP_KEYS } from './list-map';
import { nameIsDns1035Label, validateLabels, validateObjectMeta } from './object-meta';

// Ported from kubernetes/kubernetes v1.34 `pkg/apis/core/validation/validation.go` `ValidateService` (which
// `ValidateServiceCreate` runs), with `validateServicePort`, `ValidateServiceClusterIPsRelatedFields`,
// `validateServiceExternalTrafficPolicy`, `validateServiceInternalTrafficFieldsValue`,
// `validateServiceTrafficDistribution`, `validateLoadBalancerClassField`, `validateClientIPAffinityConfig` and
// `ValidateNonSpecialIP`. A v1 manifest is checked as written, before the API server's defaulting (type
// ClusterIP, protocol TCP, sessionAffinity None, internalTrafficPolicy Cluster, externalTrafficPolicy Cluster,
// allocateLoadBalancerNodePorts true, the ClientIP timeout, `clusterIPs` from `clusterIP`) and allocation
// (cluster IPs, node ports, the health check node port): a field those fill is never required here.

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
/** PreferSameZone and PreferSameNode came with the PreferSameTrafficDistribution gate, on by default in v1.34. */
const TRAFFIC_DISTRIBUTIONS = ['PreferClose', 'PreferSameNode', 'PreferSameZone'];
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const TOPOLOGY_HINTS_ANNOTATION = 'service.kubernetes.io/topology-aware-hints';
const TOPOLOGY_MODE_ANNOTATION = 'service.kubernetes.io/topology-mode';
/** core `MaxClientIPServiceAffinitySeconds`. */
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
const IP_MESSAGE = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
const CIDR_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

type IpAddressModule = typeof import('../../ipvs/ip-address');
let ipAddressModule: IpAddressModule | undefined;

/** The IP helpers, loaded on first use: a Service without IPs or CIDRs (and the index) never loads them. */
function ipAddress(): IpAddressModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return ipAddressModule ??= require('../../ipvs/ip-address') as IpAddressModule;
}

/** core `ValidateService` for `v1/Service` as written (before defaulting and allocation). */
export function validateService(obj: any, p: ProblemCollector): void {
  validateObjectMeta(obj, p, nameIsDns1035Label, false);
  const annotations = isObject(obj?.metadata?.annotations) ? obj.metadata.annotations : {};
  const hints = annotations[TOPOLOGY_HINTS_ANNOTATION];
  const mode = annotations[TOPOLOGY_MODE_ANNOTATION];
  if (hints !== undefined && mode !== undefined && hints !== mode) {
    p.at('metadata', 'annotations').error(TOPOLOGY_MODE_ANNOTATION, mode, `must match annotations[${TOPOLOGY_HINTS_ANNOTATION}] when both are specified`, 'k8s ValidateService');
  }
  const spec = obj?.spec;
  const sp = p.at('spec');
  if (!isObject(spec)) return sp.error('', spec, REQUIRED, 'k8s ValidateService');
  const rule = 'k8s ValidateService';
  const type = isSet(spec.type) ? spec.type : 'ClusterIP';
  // the registry's NormalizeClusterIPs fills `clusterIPs` from `clusterIP` on create (never the other way)
  const clusterIPs: unknown[] = Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0
    ? spec.clusterIPs : isSet(spec.clusterIP) ? [spec.clusterIP] : [];
  const headless = clusterIPs.length === 1 && clusterIPs[0] === 'None'; // isHeadlessService
  const ports = listOf(spec.ports);
  if (ports.length === 0 && !headless && type !== 'ExternalName') sp.error('ports', spec.ports, REQUIRED, rule);
  if ((type === 'LoadBalancer' || type === 'NodePort') && headless) {
    sp.at('clusterIPs').error(0, 'None', `may not be set to 'None' for ${type} services`, rule);
  } else if (type === 'ExternalName') {
    if (clusterIPs.length > 0) sp.error('clusterIPs', clusterIPs, 'may not be set for ExternalName services (Forbidden)', rule);
    if (listOf(spec.ipFamilies).length > 0) sp.error('ipFamilies', spec.ipFamilies, 'may not be set for ExternalName services (Forbidden)', rule);
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) {
      sp.error('ipFamilyPolicy', spec.ipFamilyPolicy, 'may not be set for ExternalName services (Forbidden)', rule);
    }
    // the value (a CNAME) may have a trailing dot to denote it as fully qualified
    const cname = typeof spec.externalName === 'string' ? spec.externalName.replace(/\.$/, '') : '';
    if (cname.length > 0) each(sp, 'externalName', spec.externalName, dns1123SubdomainErrors(cname), rule);
    else sp.error('externalName', spec.externalName, REQUIRED, rule);
  }
  const names = new Set<string>();
  ports.forEach((port, i) => validateServicePort(port, ports.length > 1, names, sp.at('ports', i)));
  if (spec.selector !== undefined && spec.selector !== null) validateLabels(spec.selector, sp.at('selector'), 'k8s ValidateService selector');
  const affinity = isSet(spec.sessionAffinity) ? spec.sessionAffinity : 'None';
  if (!['ClientIP', 'None'].includes(affinity)) notSupported(sp, 'sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None'], rule);
  if (affinity === 'ClientIP') {
    // validateClientIPAffinityConfig: a missing config or timeout is defaulted (10800 seconds)
    const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    if (timeout !== undefined && timeout !== null && !(Number.isInteger(timeout) && timeout > 0 && timeout <= MAX_CLIENT_IP_AFFINITY_SECONDS)) {
      sp.at('sessionAffinityConfig', 'clientIP').error('timeoutSeconds', timeout,
        `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`, 'k8s validateClientIPAffinityConfig');
    }
  } else if (affinity === 'None' && spec.sessionAffinityConfig !== undefined && spec.sessionAffinityConfig !== null) {
    sp.error('sessionAffinityConfig', spec.sessionAffinityConfig, 'must not be set when session affinity is None (Forbidden)', rule);
  }
  if (type !== 'ExternalName') validateClusterIPsRelatedFields(spec, clusterIPs, headless, sp);
  listOf(spec.externalIPs).forEach((ip, i) => {
    const parsed = typeof ip === 'string' ? legacyIp(ip) : undefined;
    if (!parsed) sp.at('externalIPs').error(i, ip, IP_MESSAGE, 'k8s IsValidIP');
    else each(sp.at('externalIPs'), i, ip, nonSpecialIpErrors(ip, parsed), 'k8s ValidateNonSpecialIP');
  });
  if (!TYPES.includes(type)) notSupported(sp, 'type', spec.type, TYPES, rule);
  const nodePorts = new Set<string>();
  ports.forEach((port, i) => {
    const nodePort = port?.nodePort;
    if (nodePort === undefined || nodePort === null || nodePort === 0) return;
    const pp = sp.at('ports', i);
    if (type === 'ClusterIP') return pp.error('nodePort', nodePort, "may not be used when `type` is 'ClusterIP' (Forbidden)", rule);
    each(pp, 'nodePort', nodePort, portNumErrors(nodePort), rule);
    const key = `${port.protocol ?? 'TCP'}/${nodePort}`;
    if (nodePorts.has(key)) duplicate(pp, 'nodePort', nodePort, rule);
    nodePorts.add(key);
  });
  // ValidateService's duplicate (port, protocol) check is the ports list-map key of server-side apply.
  checkListMapKeys(spec.ports, LIST_MAP_KEYS.servicePorts, sp.at('ports'), 'ports');
  validateSourceRanges(spec, type, annotations, p);
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && type !== 'LoadBalancer') {
    sp.error('allocateLoadBalancerNodePorts', spec.allocateLoadBalancerNodePorts, "may only be used when `type` is 'LoadBalancer' (Forbidden)", rule);
  }
  // validateLoadBalancerClassField (create)
  if (spec.loadBalancerClass !== undefined && spec.loadBalancerClass !== null) {
    if (type !== 'LoadBalancer') {
      sp.error('loadBalancerClass', spec.loadBalancerClass, "may only be used when service type is 'LoadBalancer' (Forbidden)", 'k8s validateLoadBalancerClassField');
    } else {
      each(sp, 'loadBalancerClass', spec.loadBalancerClass, qualifiedNameErrors(String(spec.loadBalancerClass)), 'k8s validateLoadBalancerClassField');
    }
  }
  validateTrafficPolicies(spec, type, sp);
  if (spec.trafficDistribution !== undefined && spec.trafficDistribution !== null && !TRAFFIC_DISTRIBUTIONS.includes(spec.trafficDistribution)) {
    notSupported(sp, 'trafficDistribution', spec.trafficDistribution, TRAFFIC_DISTRIBUTIONS, 'k8s validateServiceTrafficDistribution');
  }
}

/** core `validateServicePort` (protocol defaults to TCP, a zero or empty targetPort to the port). */
function validateServicePort(port: any, requireName: boolean, names: Set<string>, pp: ProblemCollector): void {
  const rule = 'k8s validateServicePort';
  if (requireName && !isSet(port?.name)) {
    pp.error('name', port?.name, `${REQUIRED}: a Service with more than one port must name each`, rule);
  } else if (isSet(port?.name)) {
    each(pp, 'name', port.name, dns1123LabelErrors(String(port.name)), rule);
    if (names.has(port.name)) duplicate(pp, 'name', port.name, rule);
    else names.add(port.name);
  }
  each(pp, 'port', port?.port, portNumErrors(Number(port?.port)), rule);
  if (isSet(port?.protocol) && !PROTOCOLS.includes(port.protocol)) notSupported(pp, 'protocol', port.protocol, PROTOCOLS, rule);
  const target = port?.targetPort;
  if (typeof target === 'number' && target !== 0) each(pp, 'targetPort', target, portNumErrors(target), 'k8s ValidatePortNumOrName');
  else if (typeof target === 'string' && target !== '') each(pp, 'targetPort', target, portNameErrors(target), 'k8s ValidatePortNumOrName');
  if (port?.appProtocol !== undefined && port?.appProtocol !== null) {
    each(pp, 'appProtocol', port.appProtocol, qualifiedNameErrors(String(port.appProtocol)), rule);
  }
}

/** core `ValidateServiceClusterIPsRelatedFields` over the normalized `clusterIPs`. */
function validateClusterIPsRelatedFields(spec: any, clusterIPs: unknown[], headless: boolean, sp: ProblemCollector): void {
  const rule = 'k8s ValidateServiceClusterIPsRelatedFields';
  if (isSet(spec.clusterIP)) {
    if (clusterIPs[0] !== spec.clusterIP) sp.error('clusterIPs', clusterIPs, 'first value must match `clusterIP`', rule);
  } else if (clusterIPs.length > 0) {
    sp.error('clusterIPs', clusterIPs, 'must be empty when `clusterIP` is not specified', rule);
  }
  const families = listOf(spec.ipFamilies);
  const seen = new Set<unknown>();
  families.forEach((family, i) => {
    if (!IP_FAMILIES.includes(family)) notSupported(sp.at('ipFamilies'), i, family, IP_FAMILIES, rule);
    if (seen.has(family)) duplicate(sp.at('ipFamilies'), i, family, rule);
    seen.add(family);
  });
  if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null && !IP_FAMILY_POLICIES.includes(spec.ipFamilyPolicy)) {
    notSupported(sp, 'ipFamilyPolicy', spec.ipFamilyPolicy, IP_FAMILY_POLICIES, rule);
  }
  let invalid = false;
  const parsed: ParsedIp[] = [];
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (clusterIPs.length > 1) {
        invalid = true;
        sp.error('clusterIPs', clusterIPs, "'None' must be the first and only value", rule);
      }
      return;
    }
    const address = typeof ip === 'string' ? legacyIp(ip) : undefined;
    if (!address) {
      invalid = true;
      sp.at('clusterIPs').error(i, ip, IP_MESSAGE, 'k8s IsValidIP');
    } else {
      parsed.push(address);
    }
  });
  if (clusterIPs.length > 2) sp.error('clusterIPs', clusterIPs, 'may only hold up to 2 values', rule);
  if (invalid) return;
  if (clusterIPs.length > 1 && !(parsed.length === 2 && parsed[0].family !== parsed[1].family)) {
    sp.error('clusterIPs', clusterIPs, 'may specify no more than one IP for each IP family', rule);
  }
  if (!headless && families.length > 0) {
    parsed.slice(0, families.length).forEach((ip, i) => {
      if (families[i] === 'IPv4' && ip.family === 6) sp.at('clusterIPs').error(i, clusterIPs[i], `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``, rule);
      if (families[i] === 'IPv6' && ip.family !== 6) sp.at('clusterIPs').error(i, clusterIPs[i], `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``, rule);
    });
  }
}

/** ValidateService's check of `loadBalancerSourceRanges`, or else of the source-ranges annotation. */
function validateSourceRanges(spec: any, type: string, annotations: Record<string, any>, p: ProblemCollector): void {
  const rule = 'k8s ValidateService';
  const ranges = listOf(spec.loadBalancerSourceRanges);
  const onlyLoadBalancer = "may only be used when `type` is 'LoadBalancer' (Forbidden)";
  if (ranges.length > 0) {
    const sp = p.at('spec');
    if (type !== 'LoadBalancer') sp.error('loadBalancerSourceRanges', ranges, onlyLoadBalancer, rule);
    // space-padded values are allowed (a historical accident of the move from the annotation)
    ranges.forEach((value, i) => {
      if (typeof value !== 'string' || !legacyCidr(value.trim())) sp.at('loadBalancerSourceRanges').error(i, value, CIDR_MESSAGE, 'k8s IsValidCIDR');
    });
  } else if (annotations[SOURCE_RANGES_ANNOTATION] !== undefined) {
    const ap = p.at('metadata', 'annotations');
    const value = annotations[SOURCE_RANGES_ANNOTATION];
    if (type !== 'LoadBalancer') ap.error(SOURCE_RANGES_ANNOTATION, value, onlyLoadBalancer, rule);
    const trimmed = String(value ?? '').trim();
    if (trimmed !== '') {
      for (const cidr of trimmed.split(',')) {
        if (!legacyCidr(cidr.trim())) ap.error(SOURCE_RANGES_ANNOTATION, cidr.trim(), CIDR_MESSAGE, 'k8s IsValidCIDR');
      }
    }
  }
}

/** core `validateServiceExternalTrafficPolicy` and `validateServiceInternalTrafficFieldsValue`. */
function validateTrafficPolicies(spec: any, type: string, sp: ProblemCollector): void {
  // apiservice.ExternallyAccessible; a missing policy there is defaulted to Cluster
  const external = type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && listOf(spec.externalIPs).length > 0);
  const etp = spec.externalTrafficPolicy;
  if (isSet(etp)) {
    if (!external) sp.error('externalTrafficPolicy', etp, 'may only be set for externally-accessible services', 'k8s validateServiceExternalTrafficPolicy');
    else if (!TRAFFIC_POLICIES.includes(etp)) notSupported(sp, 'externalTrafficPolicy', etp, TRAFFIC_POLICIES, 'k8s validateServiceExternalTrafficPolicy');
  }
  // apiservice.NeedsHealthCheck; a missing health check node port is allocated before validation
  const hcnp = spec.healthCheckNodePort;
  if (hcnp !== undefined && hcnp !== null && hcnp !== 0) {
    if (!(type === 'LoadBalancer' && etp === 'Local')) {
      sp.error('healthCheckNodePort', hcnp, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'", 'k8s validateServiceExternalTrafficPolicy');
    } else {
      each(sp, 'healthCheckNodePort', hcnp, portNumErrors(Number(hcnp)), 'k8s validateServiceExternalTrafficPolicy');
    }
  }
  const itp = spec.internalTrafficPolicy;
  if (itp !== undefined && itp !== null && !TRAFFIC_POLICIES.includes(itp)) {
    notSupported(sp, 'internalTrafficPolicy', itp, TRAFFIC_POLICIES, 'k8s validateServiceInternalTrafficFieldsValue');
  }
}

/** core `ValidateNonSpecialIP` (Go's `IsUnspecified`, `IsLoopback`, `IsLinkLocalUnicast`, `IsLinkLocalMulticast`). */
function nonSpecialIpErrors(text: string, ip: ParsedIp): string[] {
  const within = (...blocks: string[]) => blocks.some(b => ipAddress().cidrContains(ipAddress().parseCidr(b)!, ip));
  const errs: string[] = [];
  if (ip.value === 0n) errs.push(`may not be unspecified (${text})`);
  if (within('127.0.0.0/8', '::1/128')) errs.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
  if (within('169.254.0.0/16', 'fe80::/10')) errs.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  // Go's IsLinkLocalMulticast takes any IPv6 scope-2 multicast address (ff02::/16 and the ff12::, ff22::, … flags)
  const ipv6Scope2 = ip.family === 6 && /^ff[0-9a-f]2:/.test(ip.text);
  if (within('224.0.0.0/24') || ipv6Scope2) errs.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  return errs;
}

/**
 * An IP address as Kubernetes' legacy `IsValidIP` reads it in v1.34 (`netutils.ParseIPSloppy`, the
 * StrictIPCIDRValidation gate being off): IPv4 octets may have leading zeros (decimal).
 */
function legacyIp(text: string): ParsedIp | undefined {
  return ipAddress().parseIp(sloppyIpv4(text));
}

/** A CIDR block as the legacy `IsValidCIDR` reads it: `net.ParseCIDR` with leading zeros allowed, host bits too. */
function legacyCidr(text: string): boolean {
  const slash = text.indexOf('/');
  return slash > 0 && ipAddress().parsesAsCidr(`${sloppyIpv4(text.slice(0, slash))}${text.slice(slash)}`);
}

function sloppyIpv4(text: string): string {
  return /^[0-9]+(\.[0-9]+){3}$/.test(text) ? text.split('.').map(o => String(Number(o))).join('.') : text;
}
