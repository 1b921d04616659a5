import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { requireProp } from '../../common';
import { ClientTlsMode, ClientTlsSettings, ConnectionPoolSettings, OutlierDetection, TrafficPolicy } from '../traffic-policy';
import { checkDuration, checkInteger } from './checks';

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
  const tcp = pool.tcp;
  const http = pool.http;
  return {
    tcp: tcp && {
      maxConnections: count(scope, `${prop}.tcp.maxConnections`, tcp.maxConnections),
      connectTimeout: duration(scope, `${prop}.tcp.connectTimeout`, tcp.connectTimeout),
      idleTimeout: duration(scope, `${prop}.tcp.idleTimeout`, tcp.idleTimeout),
      maxConnectionDuration: duration(scope, `${prop}.tcp.maxConnectionDuration`, tcp.maxConnectionDuration),
    },
    http: http && {
      http1MaxPendingRequests: count(scope, `${prop}.http.http1MaxPendingRequests`, http.http1MaxPendingRequests),
      http2MaxRequests: count(scope, `${prop}.http.http2MaxRequests`, http.http2MaxRequests),
      maxRequestsPerConnection: count(scope, `${prop}.http.maxRequestsPerConnection`, http.maxRequestsPerConnection),
      maxRetries: count(scope, `${prop}.http.maxRetries`, http.maxRetries),
      idleTimeout: duration(scope, `${prop}.http.idleTimeout`, http.idleTimeout),
      h2UpgradePolicy: http.h2UpgradePolicy,
      useClientProtocol: http.useClientProtocol,
    },
  };
}

function outlierDetection(scope: IConstruct, prop: string, od: OutlierDetection): any {
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
  };
}

function tls(scope: IConstruct, prop: string, t: ClientTlsSettings): any {
  requireProp(Object.values(ClientTlsMode).includes(t.mode), scope, `${prop}.mode`, t.mode,
    `must be one of ${Object.values(ClientTlsMode).join(', ')}`);
  if (t.mode === ClientTlsMode.MUTUAL) {
    requireProp(t.credentialName !== undefined || (t.clientCertificate !== undefined && t.privateKey !== undefined),
      scope, `${prop}.mode`, t.mode, "needs 'credentialName', or both 'clientCertificate' and 'privateKey'");
  }
  if (t.mode === ClientTlsMode.ISTIO_MUTUAL) {
    const own = ['credentialName', 'clientCertificate', 'privateKey', 'caCertificates'].filter(f => (t as any)[f] !== undefined);
    requireProp(own.length === 0, scope, `${prop}.mode`, t.mode, `uses Istio's certificates; remove ${own.map(f => `'${f}'`).join(', ')}`);
  }
  return {
    mode: t.mode,
    credentialName: t.credentialName,
    clientCertificate: t.clientCertificate,
    privateKey: t.privateKey,
    caCertificates: t.caCertificates,
    sni: t.sni,
    subjectAltNames: t.subjectAltNames,
  };
}

/**
 * A TrafficPolicy as the DestinationRule binding's struct (checked; every Duration formatted).
 */
export function renderTrafficPolicy(scope: IConstruct, prop: string, policy: TrafficPolicy | undefined): any {
  if (policy === undefined) return undefined;
  return {
    loadBalancer: policy.loadBalancer?._render(scope, `${prop}.loadBalancer`),
    connectionPool: policy.connectionPool && connectionPool(scope, `${prop}.connectionPool`, policy.connectionPool),
    outlierDetection: policy.outlierDetection && outlierDetection(scope, `${prop}.outlierDetection`, policy.outlierDetection),
    tls: policy.tls && tls(scope, `${prop}.tls`, policy.tls),
  };
}
