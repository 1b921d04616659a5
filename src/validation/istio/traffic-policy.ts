/** Traffic policies of a DestinationRule, as Istio 1.30 checks them (validation.go). */
import { ProblemCollector } from '../problem';
import { durationOf, isSet, list, num, obj, rule, str, validateDuration, validatePercent, validatePort, wrapped } from './fields';
import { fqdnError, isIpAddress } from './hosts';
import { validateLoadBalancer } from './load-balancer';
import { validateTLS } from './tls';

/** validateOutlierDetection. */
export function validateOutlierDetection(outlier: unknown, problems: ProblemCollector, field: string): void {
  const o = obj(outlier);
  if (!o) return;
  const at = problems.at(field);
  const fn = rule('validateOutlierDetection');
  if (isSet(o.baseEjectionTime)) validateDuration(o.baseEjectionTime, at, 'baseEjectionTime');
  if (num(wrapped(o.consecutiveErrors)) !== 0) {
    at.warning('consecutiveErrors', o.consecutiveErrors, 'is deprecated: use consecutiveGatewayErrors or consecutive5xxErrors', fn);
  }
  if (o.splitExternalLocalOriginErrors !== true && num(wrapped(o.consecutiveLocalOriginFailures)) > 0) {
    at.error('consecutiveLocalOriginFailures', o.consecutiveLocalOriginFailures, 'must not be set unless splitExternalLocalOriginErrors is true', fn);
  }
  if (isSet(o.interval)) validateDuration(o.interval, at, 'interval');
  validatePercent(num(o.maxEjectionPercent), at, 'maxEjectionPercent', 'validateOutlierDetection');
  validatePercent(num(o.minHealthPercent), at, 'minHealthPercent', 'validateOutlierDetection');
}

/** validateConnectionPool. */
export function validateConnectionPool(settings: unknown, problems: ProblemCollector, field: string): void {
  const s = obj(settings);
  if (!s) return;
  const at = problems.at(field);
  const fn = rule('validateConnectionPool');
  if (!isSet(s.http) && !isSet(s.tcp)) {
    problems.error(field, settings, 'must set http or tcp', fn);
    return;
  }
  const http = obj(s.http);
  if (http) {
    const hat = at.at('http');
    for (const f of ['http1MaxPendingRequests', 'http2MaxRequests', 'maxRequestsPerConnection', 'maxRetries', 'maxConcurrentStreams']) {
      if (num(http[f]) < 0) hat.error(f, http[f], 'must not be negative', fn);
    }
    if (isSet(http.idleTimeout)) validateDuration(http.idleTimeout, hat, 'idleTimeout');
    if (str(http.h2UpgradePolicy) === 'UPGRADE' && http.useClientProtocol === true) {
      hat.error('useClientProtocol', true, 'must not be true when h2UpgradePolicy is UPGRADE', fn);
    }
  }
  const tcp = obj(s.tcp);
  if (tcp) {
    const tat = at.at('tcp');
    if (num(tcp.maxConnections) < 0) tat.error('maxConnections', tcp.maxConnections, 'must not be negative', fn);
    if (isSet(tcp.connectTimeout)) validateDuration(tcp.connectTimeout, tat, 'connectTimeout');
    if (isSet(tcp.maxConnectionDuration)) validateDuration(tcp.maxConnectionDuration, tat, 'maxConnectionDuration');
    if (isSet(tcp.idleTimeout)) {
      // 0s disables the idle timeout: upstream skips it (whole milliseconds of 0)
      const ns = durationOf(tcp.idleTimeout, tat, 'idleTimeout');
      if (ns !== undefined && ns / 1000000n !== 0n) validateDuration(tcp.idleTimeout, tat, 'idleTimeout');
    }
    const ka = obj(tcp.tcpKeepalive);
    if (ka) {
      if (isSet(ka.time)) validateDuration(ka.time, tat.at('tcpKeepalive'), 'time');
      if (isSet(ka.interval)) validateDuration(ka.interval, tat.at('tcpKeepalive'), 'interval');
    }
  }
}

/** validateProxyProtocol: version V1 or V2 (0 or 1 in the proto). */
function validateProxyProtocol(proxyProtocol: unknown, problems: ProblemCollector, field: string): void {
  const p = obj(proxyProtocol);
  if (!p) return;
  const v = p.version;
  if (v !== undefined && v !== 'V1' && v !== 'V2' && v !== 0 && v !== 1) {
    problems.at(field).error('version', v, 'must be V1 or V2', rule('validateProxyProtocol'));
  }
}

/** validateTunnelSettings: CONNECT or POST, a target FQDN or IP, a target port. */
function validateTunnelSettings(tunnel: unknown, problems: ProblemCollector, field: string): void {
  const t = obj(tunnel);
  if (!t) return;
  const at = problems.at(field);
  const fn = rule('validateTunnelSettings');
  const protocol = str(t.protocol);
  if (protocol !== '' && protocol !== 'CONNECT' && protocol !== 'POST') at.error('protocol', t.protocol, 'must be "CONNECT" or "POST"', fn);
  const host = str(t.targetHost);
  const err = fqdnError(host);
  if (err && !isIpAddress(host)) at.error('targetHost', t.targetHost, `must be an FQDN or an IP address: ${err}`, fn);
  validatePort(num(t.targetPort), at, 'targetPort', 'validateTunnelSettings');
}

/** validatePortTrafficPolicies: each has a port and at least one setting. */
function validatePortTrafficPolicies(namespace: string, policies: unknown, problems: ProblemCollector, field: string): void {
  const fn = rule('validatePortTrafficPolicies');
  list(policies).forEach((policy, i) => {
    const at = problems.at(field, i);
    const p = obj(policy);
    if (!p) {
      at.error('', policy, 'must not be null', fn);
      return;
    }
    if (!isSet(p.port)) at.error('port', p.port, 'must be set', fn);
    if (!isSet(p.outlierDetection) && !isSet(p.connectionPool) && !isSet(p.loadBalancer) && !isSet(p.tls)) {
      at.error('', policy, 'must set at least one of outlierDetection, connectionPool, loadBalancer, tls', fn);
      return;
    }
    validateOutlierDetection(p.outlierDetection, at, 'outlierDetection');
    validateConnectionPool(p.connectionPool, at, 'connectionPool');
    validateLoadBalancer(p.loadBalancer, p.outlierDetection, at, 'loadBalancer');
    validateTLS(namespace, p.tls, at, 'tls');
  });
}

const POLICY_FIELDS = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls', 'portLevelSettings', 'tunnel', 'proxyProtocol', 'retryBudget'];

/** validateTrafficPolicy: at least one field; tunnel and proxyProtocol exclude each other; each part. */
export function validateTrafficPolicy(namespace: string, policy: unknown, problems: ProblemCollector, field: string): void {
  const p = obj(policy);
  if (!p) return;
  const fn = rule('validateTrafficPolicy');
  if (POLICY_FIELDS.every(f => f === 'portLevelSettings' ? list(p[f]).length === 0 : !isSet(p[f]))) {
    problems.error(field, policy, `must set at least one of ${POLICY_FIELDS.join(', ')}`, fn);
    return;
  }
  if (isSet(p.tunnel) && isSet(p.proxyProtocol)) {
    problems.error(field, policy, 'must not set both tunnel and proxyProtocol', fn);
    return;
  }
  const at = problems.at(field);
  validateOutlierDetection(p.outlierDetection, at, 'outlierDetection');
  validateConnectionPool(p.connectionPool, at, 'connectionPool');
  validateLoadBalancer(p.loadBalancer, p.outlierDetection, at, 'loadBalancer');
  validateTLS(namespace, p.tls, at, 'tls');
  validatePortTrafficPolicies(namespace, p.portLevelSettings, at, 'portLevelSettings');
  validateTunnelSettings(p.tunnel, at, 'tunnel');
  validateProxyProtocol(p.proxyProtocol, at, 'proxyProtocol');
}
