import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { addWarning, propError, requireProp } from '../../common';
import {
  ClientTlsMode, ClientTlsSettings, ConnectionPoolSettings, H2UpgradePolicy, LoadBalancerSettings, OutlierDetection, PortTrafficPolicy,
  ProxyProtocolVersion, TrafficPolicy, TunnelProtocol,
} from '../traffic-policy';
import { checkDuration, checkInteger } from './checks';
import { optArray, optBoolean, optEnum, optInteger, optNumber, optObject, optString, optStrings } from './shapes';

const INT32_MAX = 2147483647;

/** Duration → Go string, checked; undefined stays undefined. */
function duration(scope: IConstruct, prop: string, d: Duration | undefined): string | undefined {
  return d === undefined ? undefined : checkDuration(scope, prop, d);
}

/** A non-negative int32, or undefined. */
function count(scope: IConstruct, prop: string, value: number | undefined, min = 0): number | undefined {
  if (value !== undefined) checkInteger(scope, prop, value, min, INT32_MAX);
  return value;
}

function connectionPool(scope: IConstruct, prop: string, pool: ConnectionPoolSettings): any {
  optObject(scope, prop, pool);
  const tcp = optObject(scope, `${prop}.tcp`, pool.tcp);
  const http = optObject(scope, `${prop}.http`, pool.http);
  const keepalive = optObject(scope, `${prop}.tcp.tcpKeepalive`, tcp?.tcpKeepalive);
  return {
    tcp: tcp && {
      maxConnections: count(scope, `${prop}.tcp.maxConnections`, tcp.maxConnections),
      connectTimeout: duration(scope, `${prop}.tcp.connectTimeout`, tcp.connectTimeout),
      idleTimeout: duration(scope, `${prop}.tcp.idleTimeout`, tcp.idleTimeout),
      maxConnectionDuration: duration(scope, `${prop}.tcp.maxConnectionDuration`, tcp.maxConnectionDuration),
      tcpKeepalive: keepalive && {
        probes: optInteger(scope, `${prop}.tcp.tcpKeepalive.probes`, keepalive.probes, 'uint32'),
        time: duration(scope, `${prop}.tcp.tcpKeepalive.time`, keepalive.time),
        interval: duration(scope, `${prop}.tcp.tcpKeepalive.interval`, keepalive.interval),
      },
    },
    http: http && {
      http1MaxPendingRequests: count(scope, `${prop}.http.http1MaxPendingRequests`, http.http1MaxPendingRequests),
      http2MaxRequests: count(scope, `${prop}.http.http2MaxRequests`, http.http2MaxRequests),
      maxRequestsPerConnection: count(scope, `${prop}.http.maxRequestsPerConnection`, http.maxRequestsPerConnection),
      maxRetries: count(scope, `${prop}.http.maxRetries`, http.maxRetries),
      idleTimeout: duration(scope, `${prop}.http.idleTimeout`, http.idleTimeout),
      h2UpgradePolicy: optEnum(scope, `${prop}.http.h2UpgradePolicy`, http.h2UpgradePolicy, H2UpgradePolicy),
      useClientProtocol: optBoolean(scope, `${prop}.http.useClientProtocol`, http.useClientProtocol),
      maxConcurrentStreams: count(scope, `${prop}.http.maxConcurrentStreams`, http.maxConcurrentStreams),
    },
  };
}

function outlierDetection(scope: IConstruct, prop: string, od: OutlierDetection): any {
  optObject(scope, prop, od);
  // int32 fields in Istio's schema: whole percentages only
  if (od.maxEjectionPercent !== undefined) checkInteger(scope, `${prop}.maxEjectionPercent`, od.maxEjectionPercent, 0, 100);
  if (od.minHealthPercent !== undefined) checkInteger(scope, `${prop}.minHealthPercent`, od.minHealthPercent, 0, 100);
  return {
    consecutive5XxErrors: count(scope, `${prop}.consecutive5xxErrors`, od.consecutive5xxErrors),
    consecutiveGatewayErrors: count(scope, `${prop}.consecutiveGatewayErrors`, od.consecutiveGatewayErrors),
    interval: duration(scope, `${prop}.interval`, od.interval),
    baseEjectionTime: duration(scope, `${prop}.baseEjectionTime`, od.baseEjectionTime),
    maxEjectionPercent: od.maxEjectionPercent,
    minHealthPercent: od.minHealthPercent,
    splitExternalLocalOriginErrors: optBoolean(scope, `${prop}.splitExternalLocalOriginErrors`, od.splitExternalLocalOriginErrors),
    consecutiveLocalOriginFailures: optInteger(scope, `${prop}.consecutiveLocalOriginFailures`, od.consecutiveLocalOriginFailures, 'uint32'),
  };
}

function tls(scope: IConstruct, prop: string, t: ClientTlsSettings): any {
  optObject(scope, prop, t);
  requireProp(Object.values(ClientTlsMode).includes(t.mode), scope, `${prop}.mode`, t.mode,
    `must be one of ${Object.values(ClientTlsMode).join(', ')}`);
  if (t.mode === ClientTlsMode.MUTUAL) {
    requireProp(t.credentialName !== undefined || (t.clientCertificate !== undefined && t.privateKey !== undefined),
      scope, `${prop}.mode`, t.mode, "needs 'credentialName', or both 'clientCertificate' and 'privateKey'");
  }
  if (t.mode === ClientTlsMode.ISTIO_MUTUAL) {
    // Istio accepts them (agent.ValidateTLS) and the sidecar uses its own certificates instead
    const own = ['credentialName', 'clientCertificate', 'privateKey', 'caCertificates'].filter(f => (t as any)[f] !== undefined);
    if (own.length > 0) {
      addWarning(scope, `'${prop}.mode' (ISTIO_MUTUAL) uses the sidecar's Istio certificates: ${own.map(f => `'${f}'`).join(', ')} ${own.length === 1 ? 'is' : 'are'} ignored`);
    }
  }
  return {
    mode: t.mode,
    credentialName: optString(scope, `${prop}.credentialName`, t.credentialName),
    clientCertificate: optString(scope, `${prop}.clientCertificate`, t.clientCertificate),
    privateKey: optString(scope, `${prop}.privateKey`, t.privateKey),
    caCertificates: optString(scope, `${prop}.caCertificates`, t.caCertificates),
    caCrl: optString(scope, `${prop}.caCrl`, t.caCrl),
    sni: optString(scope, `${prop}.sni`, t.sni),
    subjectAltNames: optStrings(scope, `${prop}.subjectAltNames`, t.subjectAltNames),
    insecureSkipVerify: optBoolean(scope, `${prop}.insecureSkipVerify`, t.insecureSkipVerify),
  };
}

function loadBalancer(scope: IConstruct, prop: string, lb: LoadBalancerSettings | undefined): any {
  if (lb === undefined) return undefined;
  if (!(lb instanceof LoadBalancerSettings)) {
    throw propError(scope, prop, lb, 'must be a LoadBalancerSettings (LoadBalancerSettings.roundRobin(), .consistentHash(), ...)');
  }
  return lb._render(scope, prop);
}

function portLevelSettings(scope: IConstruct, prop: string, settings: PortTrafficPolicy[] | undefined, ports: readonly number[]): any {
  const seen = new Map<number, number>();
  return optArray(scope, prop, settings, (p, pProp) => {
    requireProp(ports.includes(p.port), scope, `${pProp}.port`, p.port, `must be one of the Service ports (${ports.join(', ')})`);
    requireProp(!seen.has(p.port), scope, `${pProp}.port`, p.port, `must be unique (${prop}[${seen.get(p.port)}] has it)`);
    seen.set(p.port, seen.size);
    return {
      port: { number: p.port },
      loadBalancer: loadBalancer(scope, `${pProp}.loadBalancer`, p.loadBalancer),
      connectionPool: p.connectionPool && connectionPool(scope, `${pProp}.connectionPool`, p.connectionPool),
      outlierDetection: p.outlierDetection && outlierDetection(scope, `${pProp}.outlierDetection`, p.outlierDetection),
      tls: p.tls && tls(scope, `${pProp}.tls`, p.tls),
    };
  });
}

/**
 * A TrafficPolicy as the DestinationRule binding's struct (checked; every Duration formatted). `ports` are
 * the Service ports `portLevelSettings` may name.
 */
export function renderTrafficPolicy(scope: IConstruct, prop: string, policy: TrafficPolicy | undefined, ports: readonly number[]): any {
  if (optObject(scope, prop, policy) === undefined) return undefined;
  const proxyProtocol = optObject(scope, `${prop}.proxyProtocol`, policy!.proxyProtocol);
  const tunnel = optObject(scope, `${prop}.tunnel`, policy!.tunnel);
  const retryBudget = optObject(scope, `${prop}.retryBudget`, policy!.retryBudget);
  return {
    loadBalancer: loadBalancer(scope, `${prop}.loadBalancer`, policy!.loadBalancer),
    connectionPool: policy!.connectionPool && connectionPool(scope, `${prop}.connectionPool`, policy!.connectionPool),
    outlierDetection: policy!.outlierDetection && outlierDetection(scope, `${prop}.outlierDetection`, policy!.outlierDetection),
    tls: policy!.tls && tls(scope, `${prop}.tls`, policy!.tls),
    portLevelSettings: portLevelSettings(scope, `${prop}.portLevelSettings`, policy!.portLevelSettings, ports),
    proxyProtocol: proxyProtocol && { version: optEnum(scope, `${prop}.proxyProtocol.version`, proxyProtocol.version, ProxyProtocolVersion) },
    tunnel: tunnel && {
      protocol: optEnum(scope, `${prop}.tunnel.protocol`, tunnel.protocol, TunnelProtocol),
      targetHost: requiredString(scope, `${prop}.tunnel.targetHost`, tunnel.targetHost),
      targetPort: requiredPort(scope, `${prop}.tunnel.targetPort`, tunnel.targetPort),
    },
    retryBudget: retryBudget && {
      percent: optNumber(scope, `${prop}.retryBudget.percent`, retryBudget.percent, 0, 100),
      minRetryConcurrency: optInteger(scope, `${prop}.retryBudget.minRetryConcurrency`, retryBudget.minRetryConcurrency, 'uint32'),
    },
  };
}

function requiredPort(scope: IConstruct, prop: string, value: unknown): number {
  requireProp(value !== undefined, scope, prop, value, 'must be set: the port the tunnel proxy connects to');
  return optInteger(scope, prop, value, 'uint32', 1)!;
}

function requiredString(scope: IConstruct, prop: string, value: unknown): string {
  requireProp(typeof value === 'string' && value.length > 0, scope, prop, value, 'must be a non-empty string');
  return value as string;
}
