/**
 * ServiceEntry, as Istio 1.30's webhook checks it: ValidateServiceEntry and what it calls
 * (ValidateAlphaWorkloadSelector, validateWorkloadEntry, validateExportTo, ValidatePortName, ValidateProtocol)
 * of pkg/config/validation/validation.go (istio/istio tag 1.30.3, commit
 * 56df41f63e513f834c9a3af33d8aed82d1d961f2).
 */
import { ProblemCollector } from '../problem';
import { entries, list, num, obj, rule, str, validateLabels, validatePort } from './fields';
import { fqdnError, ipSubnetError, isIpAddress, partialWildcardError, validateExportTo, wildcardDomainError } from './hosts';
import { validateMetadata } from './metadata';
import { isHTTP, isTCP, isTLS, parseProtocol, portNameError, protocolError, UNIX_ADDRESS_PREFIX, unixAddressError } from './protocol';

/** label.NetworkingEnableAutoallocateIp: "false" opts a ServiceEntry out of IP auto-allocation. */
const AUTOALLOCATE_LABEL = 'networking.istio.io/enable-autoallocate-ip';
/** label.IoIstioUseWaypoint. */
const USE_WAYPOINT_LABEL = 'istio.io/use-waypoint';

const RESOLUTIONS = new Set(['NONE', 'STATIC', 'DNS', 'DNS_ROUND_ROBIN', 'DYNAMIC_DNS']);

/**
 * ValidateAlphaWorkloadSelector: no empty keys, no wildcards; no labels warns. Returns whether it found an
 * error (upstream then returns that error alone).
 */
function validateAlphaWorkloadSelector(selector: unknown, problems: ProblemCollector, field: string): boolean {
  const s = obj(selector);
  if (!s) return false;
  const fn = rule('ValidateAlphaWorkloadSelector');
  let failed = false;
  const labels = entries(s.labels);
  for (const [k, v] of labels) {
    if (k === '') {
      problems.at(field, 'labels').error(k, v, 'must not have an empty key', fn);
      failed = true;
    }
    if (k.includes('*') || str(v).includes('*')) {
      problems.at(field, 'labels').error(k, v, 'must not hold wildcards', fn);
      failed = true;
    }
  }
  if (!failed && labels.length === 0) {
    problems.warning(field, selector, 'has no labels: the ServiceEntry will be applied to all services in the namespace', fn);
  }
  return failed;
}

/** The endpoint ports (a name → port map): names of the ServiceEntry's ports, valid port names and numbers. */
function validateEndpointPorts(ports: unknown, servicePorts: Set<string> | undefined, problems: ProblemCollector, fn: string): void {
  for (const [name, port] of entries(ports)) {
    if (servicePorts && !servicePorts.has(name)) {
      problems.at('ports').error(name, port, 'must name a port the ServiceEntry defines (endpoint port is not defined by the service entry)', rule(fn));
    }
    const nameErr = portNameError(name);
    if (nameErr) problems.at('ports').error(name, port, nameErr, rule(`${fn} (ValidatePortName)`));
    validatePort(num(port), problems.at('ports'), name, `${fn} (agent.ValidatePort)`);
  }
}

/**
 * validateWorkloadEntry (a STATIC ServiceEntry's endpoint; FQDN addresses are not allowed there): an address
 * (or a network, which warns), a unix socket without ports, or an IP.
 */
export function validateWorkloadEntry(endpoint: Record<string, any>, servicePorts: Set<string> | undefined, allowFQDNAddresses: boolean,
  problems: ProblemCollector): void {
  const fn = 'validateWorkloadEntry';
  const address = str(endpoint.address);
  if (address === '') {
    if (str(endpoint.network) === '') {
      problems.error('address', endpoint.address, 'must be set (address is required)', rule(fn));
      return;
    }
    problems.warning('address', endpoint.address, `is unset with network ${JSON.stringify(endpoint.network)}`, rule(fn));
  }
  let unix = false;
  if (address.startsWith(UNIX_ADDRESS_PREFIX)) {
    unix = true;
    const err = unixAddressError(address.slice(UNIX_ADDRESS_PREFIX.length));
    if (err) problems.error('address', address, err, rule(`${fn} (ValidateUnixAddress)`));
    if (entries(endpoint.ports).length !== 0) problems.error('ports', endpoint.ports, `must not be set on a unix endpoint (${address})`, rule(fn));
  } else if (address !== '' && !isIpAddress(address)) {
    if (!allowFQDNAddresses) {
      problems.error('address', address, 'must be an IP address (endpoint address is not a valid IP address)', rule(fn));
    } else if (fqdnError(address)) {
      problems.error('address', address, 'must be an FQDN or an IP address', rule(fn));
    }
  }
  validateEndpointPorts(endpoint.ports, servicePorts, problems, fn);
  validateLabels(endpoint.labels, problems, 'labels', fn);
  if (unix && servicePorts && servicePorts.size !== 1) {
    problems.error('address', address, 'must be used with exactly 1 service port (a unix endpoint)', rule(fn));
  }
}

/** ValidateServiceEntry over a spec; `namespace` and `labels` are the object's (exportTo, IP auto-allocation, waypoints). */
export function validateServiceEntrySpec(spec: Record<string, any>, problems: ProblemCollector, namespace = '',
  labels: Record<string, any> = {}): void {
  const fn = rule('ValidateServiceEntry');
  // upstream returns the selector's error alone
  if (validateAlphaWorkloadSelector(spec.workloadSelector, problems, 'workloadSelector')) return;
  const hosts = list(spec.hosts).map(str);
  const addresses = list(spec.addresses).map(str);
  const endpoints = list(spec.endpoints);
  const ports = list(spec.ports);
  // ServiceEntry.Resolution / Location: NONE and MESH_EXTERNAL are the zero values
  const resolution = str(spec.resolution) || 'NONE';
  const location = str(spec.location) || 'MESH_EXTERNAL';
  const hasSelector = obj(spec.workloadSelector) !== undefined;

  if (hasSelector && endpoints.length > 0) {
    problems.error('endpoints', spec.endpoints, 'must not be set together with workloadSelector (only one of WorkloadSelector or Endpoints is allowed)', fn);
  }
  if (hosts.length === 0) problems.error('hosts', spec.hosts, 'must hold at least one host', fn);
  hosts.forEach((host, i) => {
    if (host === '*') {
      problems.at('hosts').error(i, host, 'must not be "*" (a full wildcard)', fn);
      return;
    }
    const err = wildcardDomainError(host);
    if (err) problems.at('hosts').error(i, host, `must be a host name: ${err}`, rule('ValidateServiceEntry (agent.ValidateWildcardDomain)'));
    if (resolution !== 'DYNAMIC_DNS') {
      const partial = partialWildcardError(host);
      if (partial) problems.at('hosts').warning(i, host, partial, rule('ValidateServiceEntry (agent.ValidatePartialWildCard)'));
    }
  });

  let cidr = false;
  addresses.forEach((address, i) => {
    cidr = cidr || address.includes('/');
    const err = ipSubnetError(address);
    if (err) problems.at('addresses').error(i, address, err, rule('ValidateServiceEntry (agent.ValidateIPSubnet)'));
  });
  if (cidr && resolution !== 'NONE' && resolution !== 'STATIC') {
    problems.error('addresses', spec.addresses, 'must not hold CIDR blocks unless resolution is NONE or STATIC', fn);
  }

  // serviceentry.ShouldV2AutoAllocateIPFromConfig (PILOT_ENABLE_IP_AUTOALLOCATE defaults to true)
  const autoAllocation = resolution !== 'NONE' && str(labels[AUTOALLOCATE_LABEL]).toLowerCase() !== 'false' && addresses.length === 0;
  const portNames = new Set<string>();
  const portNumbers = new Set<number>();
  ports.forEach((port, i) => {
    const p = obj(port);
    if (!p) {
      problems.at('ports').error(i, port, 'must not be null', fn);
      return;
    }
    const at = problems.at('ports', i);
    const name = str(p.name);
    const number = num(p.number);
    const protocol = str(p.protocol);
    if (portNames.has(name)) at.error('name', p.name, `must be unique among the ports (${JSON.stringify(name)} is already defined)`, fn);
    portNames.add(name);
    if (portNumbers.has(number)) at.error('number', p.number, `must be unique among the ports (${number} is already defined)`, fn);
    portNumbers.add(number);
    if (num(p.targetPort) !== 0) validatePort(num(p.targetPort), at, 'targetPort', 'ValidateServiceEntry (agent.ValidatePort)');
    if (addresses.length === 0 && !autoAllocation && (protocol === '' || protocol === 'TCP')) {
      at.warning('protocol', p.protocol, 'serves TCP (or is unset) without addresses: addresses are required for such ports when IP auto-allocation is not enabled', fn);
    }
    const nameErr = portNameError(name);
    if (nameErr) at.error('name', p.name, nameErr, rule('ValidateServiceEntry (ValidatePortName)'));
    const protocolErr = protocolError(protocol);
    if (protocolErr) at.error('protocol', p.protocol, protocolErr, rule('ValidateServiceEntry (ValidateProtocol)'));
    validatePort(number, at, 'number', 'ValidateServiceEntry (agent.ValidatePort)');
  });

  switch (resolution) {
    case 'NONE':
      if (endpoints.length !== 0) problems.error('endpoints', spec.endpoints, 'must not be set for resolution NONE', fn);
      if (hasSelector) problems.warning('workloadSelector', spec.workloadSelector, 'should not be set when resolution is NONE', fn);
      break;
    case 'STATIC':
      endpoints.forEach((endpoint, i) => {
        const e = obj(endpoint);
        if (!e) problems.at('endpoints').error(i, endpoint, 'must not be null', fn);
        else validateWorkloadEntry(e, portNames, false, problems.at('endpoints', i));
      });
      break;
    case 'DNS':
    case 'DNS_ROUND_ROBIN':
      if (endpoints.length === 0) {
        const i = hosts.findIndex(h => fqdnError(h) !== undefined);
        if (i >= 0) {
          problems.at('hosts').error(i, hosts[i], `must be an FQDN (or the ServiceEntry must list endpoints) for resolution ${resolution}: ${fqdnError(hosts[i])}`, fn);
        }
      }
      if (resolution === 'DNS_ROUND_ROBIN' && endpoints.length > 1) {
        problems.error('endpoints', spec.endpoints, `must hold at most 1 endpoint for resolution ${resolution}`, fn);
      }
      endpoints.forEach((endpoint, i) => {
        const e = obj(endpoint);
        const at = problems.at('endpoints', i);
        if (!e) {
          problems.at('endpoints').error(i, endpoint, 'must not be null', fn);
          return;
        }
        const address = str(e.address);
        if (!isIpAddress(address) && fqdnError(address)) at.error('address', e.address, 'must be an FQDN or an IP address', fn);
        validateLabels(e.labels, at, 'labels', 'ValidateServiceEntry');
        validateEndpointPorts(e.ports, portNames, at, 'ValidateServiceEntry');
      });
      if (addresses.length > 0) {
        for (let i = 0; i < ports.length; i++) {
          const p = obj(ports[i]);
          if (!p) {
            problems.at('ports').error(i, ports[i], 'must not be null', fn);
            continue;
          }
          if (isTCP(parseProtocol(str(p.protocol)))) {
            if (hosts.length > 1) {
              problems.warning('hosts', spec.hosts, 'should hold one host when the ServiceEntry has addresses and a TCP port', fn);
            }
            break;
          }
        }
      }
      break;
    case 'DYNAMIC_DNS':
      if (hosts.length === 0) problems.error('hosts', spec.hosts, `must hold at least one wildcard host for resolution ${resolution}`, fn);
      hosts.forEach((host, i) => {
        if (!host.startsWith('*')) problems.at('hosts').error(i, host, `must be a wildcard host for resolution ${resolution}`, fn);
      });
      if (addresses.length !== 0) problems.error('addresses', spec.addresses, `must not be set for resolution ${resolution}: HTTP route domains are generated from the hosts only`, fn);
      if (endpoints.length !== 0) problems.error('endpoints', spec.endpoints, `must not be set for resolution ${resolution}: the destination IP is determined from the hosts`, fn);
      ports.forEach((port, i) => {
        const p = obj(port);
        if (!p) {
          problems.at('ports').error(i, port, 'must not be null', fn);
          return;
        }
        const proto = parseProtocol(str(p.protocol));
        if (proto !== 'HTTP' && proto !== 'TLS' && proto !== 'GRPC' && proto !== 'HTTP2') {
          problems.at('ports', i).error('protocol', p.protocol, `must be HTTP, TLS, GRPC or HTTP2 for resolution ${resolution}`, fn);
        }
      });
      if (location !== 'MESH_EXTERNAL' && location !== 'MESH_INTERNAL') {
        problems.error('location', spec.location, `must be MESH_EXTERNAL or MESH_INTERNAL for resolution ${resolution}`, fn);
      }
      if (location === 'MESH_INTERNAL' && usesWaypoint(labels)) {
        problems.error('location', spec.location, `must not be MESH_INTERNAL with resolution ${resolution} when the ServiceEntry uses a waypoint (${USE_WAYPOINT_LABEL})`, fn);
      }
      break;
    default:
      problems.error('resolution', spec.resolution, `must be one of ${[...RESOLUTIONS].join(', ')} (unsupported resolution type)`, fn);
  }

  // several hosts on a plain TCP port cannot be told apart (no Host header, no SNI), unless resolution is NONE
  if (resolution !== 'NONE' && hosts.length > 1) {
    for (let i = 0; i < ports.length; i++) {
      const p = obj(ports[i]);
      if (!p) {
        problems.at('ports').error(i, ports[i], 'must not be null', fn);
        continue;
      }
      const proto = parseProtocol(str(p.protocol));
      if (!isHTTP(proto) && !isTLS(proto)) {
        problems.at('ports', i).error('protocol', p.protocol, 'must be HTTP or TLS when the ServiceEntry has several hosts (multiple hosts provided with non-HTTP, non-TLS ports)', fn);
        break;
      }
    }
  }

  validateExportTo(namespace, spec.exportTo, problems, 'exportTo', false, true);
}

/** usesWaypoint: the istio.io/use-waypoint label names a waypoint (not "none"). */
function usesWaypoint(labels: Record<string, any>): boolean {
  const value = str(labels[USE_WAYPOINT_LABEL]);
  return value !== '' && value.toLowerCase() !== 'none';
}

/** A whole ServiceEntry object: metadata annotations, then the spec. */
export function validateServiceEntry(object: any, problems: ProblemCollector): void {
  const o = obj(object) ?? {};
  validateMetadata(o, problems);
  const metadata = obj(o.metadata) ?? {};
  validateServiceEntrySpec(obj(o.spec) ?? {}, problems.at('spec'), str(metadata.namespace), obj(metadata.labels) ?? {});
}
