import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { checkArgs, requireProp } from '../common';
import { checkDuration, checkHeaderName } from './private/checks';

/**
 * Options of a cookie-based consistent hash.
 */
export interface ConsistentHashCookieOptions {
  /**
   * Lifetime of the cookie Envoy generates when the request has none (at least 1ms).
   *
   * @default - no cookie is generated (session affinity only for requests that already carry it)
   */
  readonly ttl?: Duration;

  /**
   * Path of the generated cookie.
   *
   * @default - no path attribute
   */
  readonly path?: string;
}

/**
 * What a consistent-hash load balancer hashes on, so the same client keeps reaching the same pod.
 */
export class ConsistentHashKey {
  /**
   * Hash on an HTTP header (lowercase name, e.g. `x-user`).
   */
  public static header(name: string): ConsistentHashKey {
    checkArgs('ConsistentHashKey', 'ConsistentHashKey.header', arguments);
    return new ConsistentHashKey(`header ${name}`, (scope, prop) => {
      checkHeaderName(scope, `${prop}.header`, name);
      return { httpHeaderName: name };
    });
  }

  /**
   * Hash on an HTTP cookie.
   */
  public static cookie(name: string, options: ConsistentHashCookieOptions = {}): ConsistentHashKey {
    checkArgs('ConsistentHashKey', 'ConsistentHashKey.cookie', arguments);
    return new ConsistentHashKey(`cookie ${name}`, (scope, prop) => {
      requireProp(typeof name === 'string' && name.length > 0, scope, `${prop}.cookie`, name, 'must be a non-empty cookie name');
      const ttl = options.ttl === undefined ? undefined : checkDuration(scope, `${prop}.cookie.ttl`, options.ttl);
      return { httpCookie: { name, path: options.path, ttl } };
    });
  }

  /**
   * Hash on the client's source IP address.
   */
  public static sourceIp(): ConsistentHashKey {
    return new ConsistentHashKey('source IP', () => ({ useSourceIp: true }));
  }

  /**
   * Hash on a query parameter.
   */
  public static queryParameter(name: string): ConsistentHashKey {
    checkArgs('ConsistentHashKey', 'ConsistentHashKey.queryParameter', arguments);
    return new ConsistentHashKey(`query parameter ${name}`, (scope, prop) => {
      requireProp(typeof name === 'string' && name.length > 0, scope, `${prop}.queryParameter`, name, 'must be a non-empty query parameter name');
      return { httpQueryParameterName: name };
    });
  }

  /**
   * What is hashed, in words (`header x-user`, `source IP`).
   */
  public readonly description: string;

  private constructor(description: string, private readonly render: (scope: IConstruct, prop: string) => any) {
    this.description = description;
  }

  /** @internal */
  public _render(scope: IConstruct, prop: string): any {
    return this.render(scope, prop);
  }
}

/**
 * How a version's pods share the requests routed to it (Istio's `LoadBalancerSettings`).
 */
export class LoadBalancerSettings {
  /**
   * Round robin over healthy pods.
   */
  public static roundRobin(): LoadBalancerSettings {
    return new LoadBalancerSettings('ROUND_ROBIN');
  }

  /**
   * Pods with fewer outstanding requests are preferred (Envoy's least-request, power of two choices).
   */
  public static leastRequest(): LoadBalancerSettings {
    return new LoadBalancerSettings('LEAST_REQUEST');
  }

  /**
   * A random healthy pod.
   */
  public static random(): LoadBalancerSettings {
    return new LoadBalancerSettings('RANDOM');
  }

  /**
   * The connection goes to the original destination address the caller chose (no load balancing).
   */
  public static passthrough(): LoadBalancerSettings {
    return new LoadBalancerSettings('PASSTHROUGH');
  }

  /**
   * `LEAST_CONN`, deprecated by Istio since 1.14 as an alias of `LEAST_REQUEST`: this writes `LEAST_REQUEST`,
   * which is what Istio runs either way.
   *
   * @deprecated use `leastRequest()`; `LEAST_CONN` is Istio's deprecated alias of `LEAST_REQUEST`.
   */
  public static leastConn(): LoadBalancerSettings {
    return new LoadBalancerSettings('LEAST_REQUEST');
  }

  /**
   * Consistent hashing on a request property (session affinity): the same key keeps reaching the same pod
   * while the set of pods is unchanged.
   */
  public static consistentHash(key: ConsistentHashKey): LoadBalancerSettings {
    checkArgs('LoadBalancerSettings', 'LoadBalancerSettings.consistentHash', arguments);
    return new LoadBalancerSettings(undefined, key);
  }

  /**
   * The algorithm, in words (`LEAST_REQUEST`, `consistent hash on header x-user`).
   */
  public readonly description: string;

  private constructor(private readonly simple?: string, private readonly hash?: ConsistentHashKey) {
    this.description = simple ?? `consistent hash on ${hash!.description}`;
  }

  /** @internal */
  public _render(scope: IConstruct, prop: string): any {
    if (this.simple) return { simple: this.simple };
    return { consistentHash: this.hash!._render(scope, `${prop}.consistentHash`) };
  }
}

/**
 * TCP connection pool limits, per pod of the destination.
 */
export interface TcpConnectionPoolSettings {
  /**
   * Maximum number of HTTP/1.1 or TCP connections.
   *
   * @default - Istio's default (2^32-1)
   */
  readonly maxConnections?: number;

  /**
   * TCP connect timeout (at least 1ms).
   *
   * @default - Istio's default (10s)
   */
  readonly connectTimeout?: Duration;

  /**
   * Idle timeout of TCP connections (at least 1ms).
   *
   * @default - Istio's default (1h)
   */
  readonly idleTimeout?: Duration;

  /**
   * Maximum lifetime of a connection (at least 1ms).
   *
   * @default - unlimited
   */
  readonly maxConnectionDuration?: Duration;
}

/**
 * Whether HTTP/1.1 connections are upgraded to HTTP/2.
 */
export enum H2UpgradePolicy {
  /** Follow the mesh-wide setting. */
  DEFAULT = 'DEFAULT',
  /** Never upgrade. */
  DO_NOT_UPGRADE = 'DO_NOT_UPGRADE',
  /** Upgrade to HTTP/2. */
  UPGRADE = 'UPGRADE',
}

/**
 * HTTP connection pool limits, per pod of the destination.
 */
export interface HttpConnectionPoolSettings {
  /**
   * Maximum requests queued while waiting for a connection.
   *
   * @default - Istio's default (2^32-1)
   */
  readonly http1MaxPendingRequests?: number;

  /**
   * Maximum active requests.
   *
   * @default - Istio's default (2^32-1)
   */
  readonly http2MaxRequests?: number;

  /**
   * Maximum requests per connection (1 disables keep-alive).
   *
   * @default - unlimited
   */
  readonly maxRequestsPerConnection?: number;

  /**
   * Maximum outstanding retries across all pods.
   *
   * @default - Istio's default (2^32-1)
   */
  readonly maxRetries?: number;

  /**
   * Idle timeout of upstream connections (at least 1ms).
   *
   * @default - Istio's default (1h)
   */
  readonly idleTimeout?: Duration;

  /**
   * Whether to upgrade HTTP/1.1 connections to HTTP/2.
   *
   * @default - Istio's default
   */
  readonly h2UpgradePolicy?: H2UpgradePolicy;

  /**
   * Forward with the client's HTTP protocol.
   *
   * @default false
   */
  readonly useClientProtocol?: boolean;
}

/**
 * Connection pool limits (circuit breaking).
 */
export interface ConnectionPoolSettings {
  /**
   * TCP limits.
   *
   * @default - Istio's defaults
   */
  readonly tcp?: TcpConnectionPoolSettings;

  /**
   * HTTP limits.
   *
   * @default - Istio's defaults
   */
  readonly http?: HttpConnectionPoolSettings;
}

/**
 * Ejection of failing pods from the load-balancing pool (Istio's `OutlierDetection`).
 */
export interface OutlierDetection {
  /**
   * Consecutive 5xx responses (or connection errors) before a pod is ejected.
   *
   * @default - Istio's default (5)
   */
  readonly consecutive5xxErrors?: number;

  /**
   * Consecutive 502/503/504 responses before a pod is ejected.
   *
   * @default - disabled
   */
  readonly consecutiveGatewayErrors?: number;

  /**
   * Time between ejection sweeps (at least 1ms).
   *
   * @default - Istio's default (10s)
   */
  readonly interval?: Duration;

  /**
   * Minimum ejection time; it grows with each ejection (at least 1ms).
   *
   * @default - Istio's default (30s)
   */
  readonly baseEjectionTime?: Duration;

  /**
   * Maximum percentage of pods that can be ejected, an integer from 0 to 100.
   *
   * @default - Istio's default (10)
   */
  readonly maxEjectionPercent?: number;

  /**
   * Outlier detection is active only while at least this percentage of pods is healthy, an integer from 0 to 100.
   *
   * @default - Istio's default (0)
   */
  readonly minHealthPercent?: number;
}

/**
 * TLS mode for connections to the destination.
 */
export enum ClientTlsMode {
  /** Plain text. */
  DISABLE = 'DISABLE',
  /** TLS to the destination. */
  SIMPLE = 'SIMPLE',
  /** Mutual TLS with client certificates you provide. */
  MUTUAL = 'MUTUAL',
  /** Mutual TLS with Istio's own certificates. */
  ISTIO_MUTUAL = 'ISTIO_MUTUAL',
}

/**
 * TLS settings for connections to the destination (Istio's `ClientTLSSettings`).
 */
export interface ClientTlsSettings {
  /**
   * The TLS mode.
   */
  readonly mode: ClientTlsMode;

  /**
   * Secret holding client certificate, key and CA (MUTUAL or SIMPLE).
   *
   * @default - none
   */
  readonly credentialName?: string;

  /**
   * Client certificate file (MUTUAL, with `privateKey`).
   *
   * @default - none
   */
  readonly clientCertificate?: string;

  /**
   * Client private key file (MUTUAL, with `clientCertificate`).
   *
   * @default - none
   */
  readonly privateKey?: string;

  /**
   * CA certificates file that verifies the server.
   *
   * @default - none
   */
  readonly caCertificates?: string;

  /**
   * SNI presented in the handshake.
   *
   * @default - none
   */
  readonly sni?: string;

  /**
   * Subject alternative names accepted in the server certificate.
   *
   * @default - any
   */
  readonly subjectAltNames?: string[];
}

/**
 * Traffic policy for the service or one version (Istio's `TrafficPolicy`).
 */
export interface TrafficPolicy {
  /**
   * Load-balancing algorithm.
   *
   * @default - Istio's default (LEAST_REQUEST)
   */
  readonly loadBalancer?: LoadBalancerSettings;

  /**
   * Connection pool limits.
   *
   * @default - Istio's defaults
   */
  readonly connectionPool?: ConnectionPoolSettings;

  /**
   * Outlier detection.
   *
   * @default - none
   */
  readonly outlierDetection?: OutlierDetection;

  /**
   * TLS to the destination.
   *
   * @default - Istio's automatic mutual TLS
   */
  readonly tls?: ClientTlsSettings;
}
