/**
 * Gateway (`gateway.networking.k8s.io/v1`) as the API server admits it with the Gateway API v1.5.1 Standard
 * channel CRD (`config/crd/standard/gateway.networking.k8s.io_gateways.yaml`): the fields a Gateway the library
 * writes (an Istio waypoint) uses, and every CEL rule on `spec.listeners` and `spec.addresses`, ported by hand.
 * TLS configuration and infrastructure are not written by the library and only checked for the CEL rules that
 * read them from the listener list.
 */
import { isIPv4, isIPv6 } from 'net';
import { ProblemCollector } from '../problem';
import { checkInt, checkKnownFields, checkList, checkString, HOSTNAME, SCHEMA, SUBDOMAIN, patternMatches } from './schema';

const CEL = (message: string) => `gateway-api v1.5.1 CEL: ${message}`;
const PROTOCOL = '^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9]+$';

/** Validates a Gateway. */
export function validateGateway(obj: any, problems: ProblemCollector): void {
  const spec = obj?.spec;
  const p = problems.at('spec');
  if (spec === undefined || spec === null || typeof spec !== 'object') {
    problems.error('spec', spec, 'must be set', SCHEMA);
    return;
  }
  checkKnownFields(p, spec, ['gatewayClassName', 'listeners', 'addresses', 'infrastructure', 'allowedListeners', 'tls'], 'GatewaySpec');
  checkString(p, spec, 'gatewayClassName', { required: true, minLength: 1, maxLength: 253 });
  if (spec.listeners === undefined) p.error('listeners', undefined, 'must be set (Required value)', SCHEMA);
  const listeners = checkList(p, spec, 'listeners', 64, 1);
  listeners.forEach((l, i) => {
    const q = p.at('listeners', i);
    checkKnownFields(q, l, ['name', 'hostname', 'port', 'protocol', 'tls', 'allowedRoutes'], 'Listener');
    checkString(q, l, 'name', { required: true, minLength: 1, maxLength: 253, pattern: SUBDOMAIN });
    checkString(q, l, 'hostname', { minLength: 1, maxLength: 253, pattern: HOSTNAME });
    checkInt(q, l, 'port', 1, 65535, true);
    checkString(q, l, 'protocol', { required: true, minLength: 1, maxLength: 255, pattern: PROTOCOL });
    if (l?.allowedRoutes?.namespaces !== undefined) {
      checkString(q.at('allowedRoutes', 'namespaces'), l.allowedRoutes.namespaces, 'from', { enum: ['All', 'Selector', 'Same'] });
    }
    if (l?.tls !== undefined) checkString(q.at('tls'), l.tls, 'mode', { enum: ['Terminate', 'Passthrough'] });
    // tls.mode defaults to Terminate
    if (l?.tls !== undefined && (l.tls.mode ?? 'Terminate') === 'Terminate'
      && !(l.tls.certificateRefs?.length > 0) && !(Object.keys(l.tls.options ?? {}).length > 0)) {
      q.error('tls', l.tls, 'must name certificateRefs or options when mode is Terminate', CEL('certificateRefs or options must be specified when mode is Terminate'));
    }
  });
  const rules: Array<[(l: any) => boolean, string, string]> = [
    [l => ['HTTP', 'TCP', 'UDP'].includes(l?.protocol) ? l.tls === undefined : true, 'must not set tls on an HTTP, TCP or UDP listener',
      "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']"],
    [l => (l?.protocol === 'HTTPS' && l.tls !== undefined) ? (l.tls.mode === undefined || l.tls.mode === '' || l.tls.mode === 'Terminate') : true,
      'must use tls mode Terminate on an HTTPS listener', 'tls mode must be Terminate for protocol HTTPS'],
    [l => l?.protocol === 'TLS' ? (l.tls !== undefined && (l.tls.mode ?? 'Terminate') !== '') : true, 'must set a tls mode on a TLS listener', 'tls mode must be set for protocol TLS'],
    [l => ['TCP', 'UDP'].includes(l?.protocol) ? (l.hostname === undefined || l.hostname === '') : true, 'must not set a hostname on a TCP or UDP listener',
      "hostname must not be specified for protocols ['TCP', 'UDP']"],
  ];
  for (const [ok, message, upstream] of rules) {
    if (!listeners.every(ok)) p.error('listeners', listeners.map(l => l?.name), message, CEL(upstream));
  }
  if (!listeners.every(a => listeners.filter(b => a?.name === b?.name).length === 1)) {
    p.error('listeners', listeners.map(l => l?.name), 'must have unique names', CEL('Listener name must be unique within the Gateway'));
  }
  const sameHost = (a: any, b: any) => (a?.hostname !== undefined && b?.hostname !== undefined)
    ? a.hostname === b.hostname
    : (a?.hostname === undefined && b?.hostname === undefined);
  if (!listeners.every(a => listeners.filter(b => a?.port === b?.port && a?.protocol === b?.protocol && sameHost(a, b)).length === 1)) {
    p.error('listeners', listeners.map(l => `${l?.port}/${l?.protocol}/${l?.hostname ?? ''}`), 'must not repeat a port, protocol and hostname combination',
      CEL('Combination of port, protocol and hostname must be unique for each listener'));
  }
  const addresses = checkList(p, spec, 'addresses', 16);
  for (const type of ['IPAddress', 'Hostname']) {
    const values = addresses.filter(a => (a?.type ?? 'IPAddress') === type && a.value !== undefined).map(a => a.value);
    if (new Set(values).size !== values.length) {
      p.error('addresses', values, `must not repeat a ${type} value`, CEL(`${type} values must be unique`));
    }
  }
  addresses.forEach((a, i) => {
    // type defaults to IPAddress, whose value the schema wants in format ipv4 or ipv6 (oneOf)
    if ((a?.type ?? 'IPAddress') === 'IPAddress' && a?.value !== undefined && !isIPv4(a.value) && !isIPv6(a.value)) {
      p.at('addresses', i).error('value', a.value, 'must be an IPv4 or IPv6 address (must be of type ipv4)', SCHEMA);
    }
    if (a?.type === 'Hostname' && a.value !== undefined && !patternMatches(HOSTNAME, a.value)) {
      p.at('addresses', i).error('value', a.value, 'must be a hostname', CEL(`Hostname value must be empty or contain only valid characters (matching ${HOSTNAME})`));
    }
  });
}
