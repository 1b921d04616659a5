import { dns1123LabelErrors, portNameErrors, portNumErrors, qualifiedNameErrors } from '../../common/names';
import { ProblemCollector } from '../problem';
import { duplicate, each, isObject, isSet, listOf, notSupported, REQUIRED } from './field';
import { checkListMapKeys, LIST_MAP_KEYS } from './list-map';
import { nameIsDns1035Label, validateLabels, validateObjectMeta } from './object-meta';

// Ported from kubernetes/kubernetes v1.34 `pkg/apis/core/validation/validation.go` `ValidateService`.

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** core `ValidateService` for `v1/Service` as written (before defaulting: type ClusterIP, protocol TCP). */
export function validateService(obj: any, p: ProblemCollector): void {
  validateObjectMeta(obj, p, nameIsDns1035Label, false);
  const spec = obj?.spec;
  const sp = p.at('spec');
  if (!isObject(spec)) return sp.error('', spec, REQUIRED, 'k8s ValidateService');
  const type = spec.type ?? 'ClusterIP';
  if (!TYPES.includes(type)) notSupported(sp, 'type', spec.type, TYPES, 'k8s ValidateService');
  const headless = spec.clusterIP === 'None';
  const ports = listOf(spec.ports);
  if (ports.length === 0 && !headless && type !== 'ExternalName') {
    sp.error('ports', spec.ports, REQUIRED, 'k8s ValidateService');
  }
  if (type === 'ExternalName') {
    if (!isSet(spec.externalName)) sp.error('externalName', spec.externalName, REQUIRED, 'k8s ValidateService');
  }
  const names = new Set<string>();
  const nodePorts = new Set<string>();
  ports.forEach((port, i) => {
    const pp = sp.at('ports', i);
    const rule = 'k8s validateServicePort';
    if (ports.length > 1 && !isSet(port?.name)) {pp.error('name', port?.name, `${REQUIRED}: a Service with more than one port must name each`, rule);} else if (isSet(port?.name)) {
      each(pp, 'name', port.name, dns1123LabelErrors(String(port.name)), rule);
      if (names.has(port.name)) duplicate(pp, 'name', port.name, rule);
      names.add(port.name);
    }
    each(pp, 'port', port?.port, portNumErrors(Number(port?.port)), rule);
    if (isSet(port?.protocol) && !PROTOCOLS.includes(port.protocol)) notSupported(pp, 'protocol', port.protocol, PROTOCOLS, rule);
    if (typeof port?.targetPort === 'number') each(pp, 'targetPort', port.targetPort, portNumErrors(port.targetPort), 'k8s ValidatePortNumOrName');
    else if (typeof port?.targetPort === 'string') each(pp, 'targetPort', port.targetPort, portNameErrors(port.targetPort), 'k8s ValidatePortNumOrName');
    if (isSet(port?.appProtocol)) each(pp, 'appProtocol', port.appProtocol, qualifiedNameErrors(String(port.appProtocol)), 'k8s validateServicePort');
    if (port?.nodePort !== undefined && port?.nodePort !== null && port.nodePort !== 0) {
      if (type === 'ClusterIP' || type === 'ExternalName') {
        pp.error('nodePort', port.nodePort, `may not be used when \`type\` is '${type}'`, 'k8s ValidateService');
      } else {
        each(pp, 'nodePort', port.nodePort, portNumErrors(port.nodePort), 'k8s ValidateService');
        const key = `${port.protocol ?? 'TCP'}/${port.nodePort}`;
        if (nodePorts.has(key)) duplicate(pp, 'nodePort', port.nodePort, 'k8s ValidateService');
        nodePorts.add(key);
      }
    }
  });
  // ValidateService's duplicate (port, protocol) check is the ports list-map key of server-side apply.
  checkListMapKeys(spec.ports, LIST_MAP_KEYS.servicePorts, sp.at('ports'), 'ports');
  if (spec.selector !== undefined && spec.selector !== null) validateLabels(spec.selector, sp.at('selector'), 'k8s ValidateService selector');
  if (isSet(spec.sessionAffinity) && !['None', 'ClientIP'].includes(spec.sessionAffinity)) {
    notSupported(sp, 'sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None'], 'k8s ValidateService');
  }
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (timeout !== undefined && timeout !== null && !(Number.isInteger(timeout) && timeout > 0 && timeout <= 86400)) {
    sp.at('sessionAffinityConfig', 'clientIP').error('timeoutSeconds', timeout, 'must be greater than 0 and less than 86400', 'k8s validateClientIPAffinityConfig');
  }
  const external = type === 'NodePort' || type === 'LoadBalancer';
  if (isSet(spec.externalTrafficPolicy)) {
    if (!external) sp.error('externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services', 'k8s validateServiceExternalTrafficPolicy');
    else if (!['Cluster', 'Local'].includes(spec.externalTrafficPolicy)) notSupported(sp, 'externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local'], 'k8s validateServiceExternalTrafficPolicy');
  }
  if (isSet(spec.internalTrafficPolicy) && !['Cluster', 'Local'].includes(spec.internalTrafficPolicy)) {
    notSupported(sp, 'internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local'], 'k8s validateServiceInternalTrafficFieldsValue');
  }
  if (listOf(spec.loadBalancerSourceRanges).length > 0 && type !== 'LoadBalancer') {
    sp.error('loadBalancerSourceRanges', spec.loadBalancerSourceRanges, "may only be used when `type` is 'LoadBalancer'", 'k8s ValidateService');
  }
  if (isSet(spec.clusterIP) && spec.clusterIP !== 'None' && !isIp(spec.clusterIP)) {
    sp.error('clusterIP', spec.clusterIP, 'must be a valid IP address or "None"', 'k8s validateServiceClusterIPsRelatedFields');
  }
}

function isIp(value: unknown): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ipaddr = require('ipaddr.js');
  return typeof value === 'string' && ipaddr.isValid(value) && !value.includes('%');
}
