/** Host names, IPs, gateway names and exportTo, as Istio 1.30 checks them (agent/validation.go, validation.go). */
import { isIP } from 'net';
import { ProblemCollector } from '../problem';
import { isDns1123Label, isWildcardDns1123Label, list, rule, str } from './fields';

/** agent.CheckDNS1123Preconditions: 1..255 characters. */
function dnsPreconditions(name: string): string | undefined {
  if (name.length > 255) return 'must be a domain name of at most 255 characters';
  if (name.length === 0) return 'must not be empty';
  return undefined;
}

/** agent.ValidateDNS1123Labels: DNS-1123 labels, a non-numeric top-level label, an optional trailing dot. */
export function dns1123LabelsError(domain: string): string | undefined {
  const parts = domain.split('.');
  const top = parts[parts.length - 1];
  // Go's strconv.Atoi: an optional sign and decimal digits
  if (/^[+-]?[0-9]+$/.test(top)) return `must be a domain name whose top-level label (${JSON.stringify(top)}) is not all-numeric`;
  for (let i = 0; i < parts.length; i++) {
    if (i === parts.length - 1 && parts[i] === '') return undefined;
    if (!isDns1123Label(parts[i])) return `must be a domain name of DNS-1123 labels (${JSON.stringify(parts[i])} is not one)`;
  }
  return undefined;
}

/** agent.ValidateFQDN. */
export function fqdnError(fqdn: string): string | undefined {
  return dnsPreconditions(fqdn) ?? dns1123LabelsError(fqdn);
}

/** agent.ValidateWildcardDomain: a DNS name whose first label may be a wildcard (`*`, `*.foo`, `*foo`). */
export function wildcardDomainError(domain: string): string | undefined {
  const pre = dnsPreconditions(domain);
  if (pre) return pre;
  const dot = domain.indexOf('.');
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (!isWildcardDns1123Label(first)) {
    return `must be a domain name whose first label is a DNS-1123 label or a wildcard (${JSON.stringify(first)} is neither)`;
  }
  return dot < 0 ? undefined : dns1123LabelsError(domain.slice(dot + 1));
}

/**
 * agent.ValidateWildcardDomainForVirtualServiceBoundToGateway: as ValidateWildcardDomain, but an SNI host may
 * be an auto-generated `outbound_.<PORT>_._.<HOSTNAME>`.
 */
export function gatewayBoundDomainError(sni: boolean, domain: string): string | undefined {
  const pre = dnsPreconditions(domain);
  if (pre) return pre;
  if (sni && domain.startsWith('outbound_')) {
    const parts = domain.split('_');
    if (parts.length < 4) return 'must follow the outbound_.<PORT>_._.<HOSTNAME> format';
    const trim = (s: string) => s.replace(/^\.+|\.+$/g, '');
    if (parts[0] !== 'outbound') return `must follow the outbound_.<PORT>_._.<HOSTNAME> format (${JSON.stringify(parts[0])} is not "outbound")`;
    if (!/[0-9]/.test(trim(parts[1]))) return 'must follow the outbound_.<PORT>_._.<HOSTNAME> format (no port)';
    if (!/[a-zA-Z]/.test(trim(parts[3]))) return 'must follow the outbound_.<PORT>_._.<HOSTNAME> format (no host name)';
    return undefined;
  }
  return wildcardDomainError(domain);
}

/** netutil.IsValidIPAddress (Go's netip.ParseAddr; IPv6 zones allowed). */
export function isIpAddress(value: string): boolean {
  return isIP(value) !== 0;
}

/** agent.ValidateIPSubnet: an IP address or a CIDR block. */
export function ipSubnetError(subnet: string): string | undefined {
  if (subnet.split('/').length === 2) {
    const [ip, bits] = subnet.split('/');
    const family = isIP(ip);
    const max = family === 4 ? 32 : 128;
    // netip.ParsePrefix: no zone, bits a decimal without leading zeros
    if (family === 0 || ip.includes('%') || !/^(0|[1-9][0-9]*)$/.test(bits) || Number(bits) > max) return 'must be a CIDR block';
    return undefined;
  }
  return isIP(subnet) !== 0 ? undefined : 'must be an IP address or a CIDR block';
}

/** host.Name.IsWildCarded / Matches: whether two hosts overlap. */
export function hostsMatch(n: string, o: string): boolean {
  const nw = n.startsWith('*');
  const ow = o.startsWith('*');
  if (nw) {
    if (ow) return n.length < o.length ? o.slice(1).endsWith(n.slice(1)) : n.slice(1).endsWith(o.slice(1));
    return o.endsWith(n.slice(1));
  }
  if (ow) return n.endsWith(o.slice(1));
  return n === o;
}

/** host.Name.SubsetOf: whether every host `n` covers is covered by `o`. */
export function hostSubsetOf(n: string, o: string): boolean {
  const nw = n.startsWith('*');
  const ow = o.startsWith('*');
  if (nw) {
    if (ow) return n.length < o.length ? false : n.slice(1).endsWith(o.slice(1));
    return false;
  }
  if (ow) return n.endsWith(o.slice(1));
  return n === o;
}

/**
 * validateGatewayNames: `<namespace>/<name>` (DNS-1123 labels), or a bare FQDN such as `mesh` (the legacy
 * `name.namespace` form warns). Like upstream, a bare name ends the check of the list.
 */
export function validateGatewayNames(gateways: unknown, problems: ProblemCollector, field: string, fn: string): void {
  const names = list(gateways);
  for (let i = 0; i < names.length; i++) {
    const gateway = str(names[i]);
    const slash = gateway.indexOf('/');
    if (slash < 0) {
      if (gateway.includes('.')) {
        const parts = gateway.split('.');
        problems.at(field).warning(i, gateway, `uses the legacy gateway name format; prefer <namespace>/<name>: "${parts[1]}/${parts[0]}"`, rule(`${fn} (validateGatewayNames)`));
      }
      const err = fqdnError(gateway);
      if (err) problems.at(field).error(i, gateway, `must be a gateway name (<namespace>/<name>, or mesh): ${err}`, rule(`${fn} (validateGatewayNames)`));
      return;
    }
    const [namespace, name] = [gateway.slice(0, slash), gateway.slice(slash + 1)];
    if (namespace.length === 0 || name.length === 0) {
      problems.at(field).error(i, gateway, 'must name both the namespace and the gateway (<namespace>/<name>)', rule(`${fn} (validateGatewayNames)`));
    }
    if (!isDns1123Label(namespace)) {
      problems.at(field).error(i, gateway, `must be <namespace>/<name> with a DNS-1123 label as namespace (${JSON.stringify(namespace)} is not one)`, rule(`${fn} (validateGatewayNames)`));
    }
    if (!isDns1123Label(name)) {
      problems.at(field).error(i, gateway, `must be <namespace>/<name> with a DNS-1123 label as name (${JSON.stringify(name)} is not one)`, rule(`${fn} (validateGatewayNames)`));
    }
  }
}

/**
 * validateExportTo: `.`, `*` or namespaces, no duplicates, `*` alone; a ServiceEntry may also be exported to
 * no one (`~`), alone.
 */
export function validateExportTo(namespace: string, exportTo: unknown, problems: ProblemCollector, field: string, withSelector = false,
  isServiceEntry = false): void {
  const values = list(exportTo).map(str);
  if (values.length === 0) return;
  const seen = new Set<string>();
  const fn = rule('validateExportTo');
  values.forEach((e, i) => {
    // an object without a namespace lands in the one it is applied to: '.' is that namespace
    const key = e === '.' ? (namespace || '.') : e;
    if (seen.has(key)) {
      problems.at(field).error(i, e, key !== e ? `must not repeat the current namespace (${namespace}) as "."` : 'must not be listed twice', fn);
    } else if (isServiceEntry && e === '~') {
      seen.add(key);
    } else if (key === '~') {
      problems.at(field).error(i, e, 'must not be "~" (export to no one) on Istio configuration other than ServiceEntry', fn);
    } else if (key !== '.' && key !== '*' && !isDns1123Label(key)) {
      problems.at(field).error(i, e, 'must be ".", "*" or a namespace (DNS-1123 label)', fn);
    } else {
      seen.add(key);
    }
  });
  if (withSelector && seen.size > 0) {
    if (seen.has(namespace)) {
      if (seen.size > 1) problems.error(field, exportTo, 'must hold one entry on a DestinationRule with a workload selector', fn);
    } else {
      problems.error(field, exportTo, 'must not export beyond the current namespace on a DestinationRule with a workload selector', fn);
    }
  }
  if (seen.has('*') && values.length > 1) problems.error(field, exportTo, 'must not hold "*" together with other entries', fn);
  if (seen.has('~') && values.length > 1) problems.error(field, exportTo, 'must not hold "~" (export to no one) together with other entries', fn);
}

/** agent.ValidatePartialWildCard: a wildcard only as a whole first label (`*` or `*.foo`). */
export function partialWildcardError(host: string): string | undefined {
  return host.includes('*') && host.length !== 1 && !host.startsWith('*.') ? `must not be a partial wildcard (${JSON.stringify(host)})` : undefined;
}

/** agent.validateSidecarOrGatewayHostnamePart: no short names, a wildcard domain (or, on a gateway, an IP), no partial wildcard. */
function hostnamePartErrors(hostname: string, isGateway: boolean): string[] {
  const errs: string[] = [];
  if (hostname !== '*' && !hostname.includes('.')) errs.push(`must not be a short name (${JSON.stringify(hostname)}): use a FQDN`);
  const err = wildcardDomainError(hostname);
  if (err && (!isGateway || !isIpAddress(hostname))) errs.push(`must be a host name or an IP address: ${err}`);
  const partial = partialWildcardError(hostname);
  if (partial) errs.push(partial);
  return errs;
}

/**
 * agent.ValidateNamespaceSlashWildcardHostname, for gateways and sidecars: `<namespace>/<dnsName>` (namespace
 * `*`, `.`, a DNS-1123 label; `~` on sidecars and on gateways converted from the Gateway API), or on a gateway a
 * bare host.
 */
export function namespaceSlashHostnameErrors(hostname: string, isGateway: boolean, gatewaySemantics: boolean): string[] {
  const slash = hostname.indexOf('/');
  if (slash < 0) return isGateway ? hostnamePartErrors(hostname, true) : ['must be of the form <namespace>/<dnsName>'];
  const [namespace, name] = [hostname.slice(0, slash), hostname.slice(slash + 1)];
  const errs: string[] = [];
  if (namespace.length === 0 || name.length === 0) errs.push('must name both a namespace and a host (<namespace>/<dnsName>)');
  const tilde = isGateway ? gatewaySemantics : true;
  if (namespace !== '*' && namespace !== '.' && (namespace !== '~' || !tilde) && !isDns1123Label(namespace)) {
    errs.push(`must have "*", ".", or a namespace (DNS-1123 label) before the "/" (invalid namespace value ${JSON.stringify(namespace)})`);
  }
  return [...errs, ...hostnamePartErrors(name, isGateway)];
}
