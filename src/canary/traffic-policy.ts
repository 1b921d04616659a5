import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { checkArgs, propError, requireProp } from '../common';
import { checkDuration } from './private/checks';
import { renderLoadBalancerOptions } from './private/render-load-balancer';
import { optArray, optInteger, optObject, optString } from './private/shapes';

/** Envoy's maglev table size, written when none is given (Istio's validateLoadBalancer requires one). */
const MAGLEV_DEFAULT_TABLE_SIZE = 65537;

/**
 * An attribute of the cookie Envoy generates (`SameSite=Strict`, `Secure`).
 */
export interface CookieAttribute {
  /**
   * The attribute's name.
   */
  readonly name: string;

  /**
   * The attribute's value.
   *
   * @default - a flag attribute without value (`Secure`)
   */
  readonly value?: string;
}

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

  /**
   * Further attributes of the generated cookie.
   *
   * @default - none
   */
  readonly attributes?: CookieAttribute[];
}

/**
 * What a consistent-hash load balancer hashes on, so the same client keeps reaching the same pod.
 */
export class ConsistentHashKey {
  /**
   * Hash on an HTTP header (e.g. `x-user`; Envoy matches header names in any case).
   */
  public static header(name: string): ConsistentHashKey {
    checkArgs('ConsistentHashKey', 'ConsistentHashKey.header', arguments);
    return new ConsistentHashKey(`header ${name}`, (scope, prop) => {
      // Istio does not check the name; Envoy refuses the route (HTTP_HEADER_NAME, not strict) with NUL, CR or LF in it
      requireProp(typeof name === 'string' && name !== '' && !/[\0\r\n]/.test(name), scope, `${prop}.header`, name,
        'must be a non-empty header name without NUL, CR or LF (Envoy refuses such a route)');
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
      optObject(scope, `${prop}.cookie`, options);
      const ttl = options.ttl === undefined ? undefined : checkDuration(scope, `${prop}.cookie.ttl`, options.ttl);
      const attributes = optArray(scope, `${prop}.cookie.attributes`, options.attributes, (a, aProp) => {
        requireProp(typeof a.name === 'string' && a.name.length > 0, scope, `${aProp}.name`, a.name, 'must be a non-empty attribute name');
        return { name: a.name, value: optString(scope, `${aProp}.value`, a.value) };
      });
      return { httpCookie: { name, path: optString(scope, `${prop}.cookie.path`, options.path), ttl, attributes } };
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
 * The consistent-hash algorithm.
 */
export class ConsistentHashAlgorithm {
  /**
   * Envoy's ring hash (Ketama).
   *
   * @param minimumRingSize the minimum number of virtual nodes on the ring (Istio's default: 1024)
   */
  public static ringHash(minimumRingSize?: number): ConsistentHashAlgorithm {
    return new ConsistentHashAlgorithm((scope, prop) =>
      ({ ringHash: { minimumRingSize: optInteger(scope, `${prop}.ringHash.minimumRingSize`, minimumRingSize, 'uint32') } }));
  }

  /**
   * Maglev: faster lookups and rebuilds than the ring hash, less stable when pods come and go.
   *
   * @param tableSize the lookup table size, a prime number below 5000011; Istio's webhook requires it to be set, so
   * the default is written out
   * @default 65537 (Envoy's default table size)
   */
  public static maglev(tableSize?: number): ConsistentHashAlgorithm {
    return new ConsistentHashAlgorithm((scope, prop) =>
      ({ maglev: { tableSize: optInteger(scope, `${prop}.maglev.tableSize`, tableSize, 'uint32') ?? MAGLEV_DEFAULT_TABLE_SIZE } }));
  }

  private constructor(private readonly render: (scope: IConstruct, prop: string) => any) {}

  /** @internal */
  public _render(scope: IConstruct, prop: string): any {
    return this.render(scope, prop);
  }
}

/**
 * How much traffic goes from one locality to others (Istio's `LocalityLoadBalancerSetting.Distribute`).
 */
export interface LocalityDistribution {
  /**
   * The origin locality, `region/zone/sub-zone` (`*` wildcards allowed: `us-west/*`).
   */
  readonly from: string;

  /**
   * Destination localities and the percentage of traffic each gets (summing to 100).
   */
  readonly to: Record<string, number>;
}

/**
 * Where traffic goes when the local region has no healthy pods (Istio's `LocalityLoadBalancerSetting.Failover`).
 */
export interface LocalityFailover {
  /**
   * The origin region.
   */
  readonly from: string;

  /**
   * The region traffic fails over to.
   */
  readonly to: string;
}

/**
 * Locality-aware load balancing (Istio's `LocalityLoadBalancerSetting`). Set at most one of `distribute`
 * and `failover`; failover needs outlier detection to take effect.
 */
export interface LocalityLoadBalancerSettings {
  /**
   * Whether locality load balancing is on (it overrides the mesh-wide setting).
   *
   * @default - the mesh-wide setting
   */
  readonly enabled?: boolean;

  /**
   * Explicit traffic distribution between localities.
   *
   * @default - none
   */
  readonly distribute?: LocalityDistribution[];

  /**
   * Explicit failover between regions.
   *
   * @default - none
   */
  readonly failover?: LocalityFailover[];

  /**
   * Ordered pod labels (`topology.istio.io/network`, `topology.kubernetes.io/region`, ...) that rank
   * endpoints for failover: the more leading labels an endpoint shares with the client, the higher it ranks.
   *
   * @default - none
   */
  readonly failoverPriority?: string[];
}

/**
 * Slow start: new pods get a growing share of the traffic while they warm up (Istio's `WarmupConfiguration`).
 */
export interface WarmupSettings {
  /**
   * How long a new pod warms up (at least 1ms).
   */
  readonly duration: Duration;

  /**
   * The percentage of its full share a new pod starts with, 0 to 100.
   *
   * @default - Istio's default (10)
   */
  readonly minimumPercent?: number;

  /**
   * How fast the share grows (1 is linear; higher is faster at the end).
   *
   * @default - Istio's default (1)
   */
  readonly aggression?: number;
}

/**
 * Settings of a load balancer besides its algorithm.
 */
export interface LoadBalancerOptions {
  /**
   * Locality-aware load balancing.
   *
   * @default - the mesh-wide setting
   */
  readonly localityLbSetting?: LocalityLoadBalancerSettings;

  /**
   * Slow start for new pods (round robin and least request only).
   *
   * @default - no warm-up
   */
  readonly warmup?: WarmupSettings;
}

/**
 * Options of a consistent-hash load balancer.
 */
export interface ConsistentHashOptions extends LoadBalancerOptions {
  /**
   * The hashing algorithm.
   *
   * @default - Istio's default (ring hash)
   */
  readonly algorithm?: ConsistentHashAlgorithm;
}

/**
 * How a version's pods share the requests routed to it (Istio's `LoadBalancerSettings`).
 */
export class LoadBalancerSettings {
  /**
   * Round robin over healthy pods.
   */
  public static roundRobin(options: LoadBalancerOptions = {}): LoadBalancerSettings {
    checkArgs('LoadBalancerSettings', 'LoadBalancerSettings.roundRobin', arguments);
    return new LoadBalancerSettings('ROUND_ROBIN', undefined, options);
  }

  /**
   * Pods with fewer outstanding requests are preferred (Envoy's least-request, power of two choices).
   */
  public static leastRequest(options: LoadBalancerOptions = {}): LoadBalancerSettings {
    checkArgs('LoadBalancerSettings', 'LoadBalancerSettings.leastRequest', arguments);
    return new LoadBalancerSettings('LEAST_REQUEST', undefined, options);
  }

  /**
   * A random healthy pod.
   */
  public static random(options: LoadBalancerOptions = {}): LoadBalancerSettings {
    checkArgs('LoadBalancerSettings', 'LoadBalancerSettings.random', arguments);
    return new LoadBalancerSettings('RANDOM', undefined, options);
  }

  /**
   * Istio's default algorithm (LEAST_REQUEST, not written) with locality load balancing or warm-up.
   */
  public static defaultAlgorithm(options: LoadBalancerOptions): LoadBalancerSettings {
    checkArgs('LoadBalancerSettings', 'LoadBalancerSettings.defaultAlgorithm', arguments);
    return new LoadBalancerSettings(undefined, undefined, options ?? {});
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
  public static consistentHash(key: ConsistentHashKey, options: ConsistentHashOptions = {}): LoadBalancerSettings {
    checkArgs('LoadBalancerSettings', 'LoadBalancerSettings.consistentHash', arguments);
    return new LoadBalancerSettings(undefined, key, options);
  }

  /**
   * The algorithm, in words (`LEAST_REQUEST`, `consistent hash on header x-user`).
   */
  public readonly description: string;

  private constructor(
    private readonly simple?: string,
    private readonly hash?: ConsistentHashKey,
    private readonly options: ConsistentHashOptions = {}) {
    this.description = simple ?? (hash ? `consistent hash on ${hash.description}` : 'LEAST_REQUEST');
  }

  /** @internal */
  public _render(scope: IConstruct, prop: string): any {
    const options = renderLoadBalancerOptions(scope, prop, this.options);
    if (this.simple) return { simple: this.simple, ...options };
    if (!this.hash) return options;
    const algorithm = this.options.algorithm;
    if (algorithm !== undefined && !(algorithm instanceof ConsistentHashAlgorithm)) {
      throw propError(scope, `${prop}.consistentHash.algorithm`, algorithm, 'must be a ConsistentHashAlgorithm (ringHash() or maglev())');
    }
    if (!(this.hash instanceof ConsistentHashKey)) {
      throw propError(scope, `${prop}.consistentHash`, this.hash, 'must be a ConsistentHashKey');
    }
    return {
      consistentHash: { ...this.hash._render(scope, `${prop}.consistentHash`), ...algorithm?._render(scope, `${prop}.consistentHash`) },
      ...options,
    };
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

  /**
   * TCP keepalive probes on the connections (SO_KEEPALIVE).
   *
   * @default - no keepalive
   */
  readonly tcpKeepalive?: TcpKeepalive;
}

/**
 * TCP keepalive settings (Istio's `TcpKeepalive`).
 */
export interface TcpKeepalive {
  /**
   * Unanswered probes before the connection is considered dead.
   *
   * @default - the operating system's setting (9 on Linux)
   */
  readonly probes?: number;

  /**
   * Idle time before the first probe (at least 1ms).
   *
   * @default - the operating system's setting (2h on Linux)
   */
  readonly time?: Duration;

  /**
   * Time between probes (at least 1ms).
   *
   * @default - the operating system's setting (75s on Linux)
   */
  readonly interval?: Duration;
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

  /**
   * Maximum concurrent streams per HTTP/2 connection.
   *
   * @default - Envoy's default (2^31-1)
   */
  readonly maxConcurrentStreams?: number;
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

  /**
   * Whether errors the proxy sees itself (connection failures, timeouts, resets) count apart from the
   * responses of the pod.
   *
   * @default false
   */
  readonly splitExternalLocalOriginErrors?: boolean;

  /**
   * Consecutive locally originated failures before a pod is ejected (with `splitExternalLocalOriginErrors`).
   *
   * @default - Istio's default (5)
   */
  readonly consecutiveLocalOriginFailures?: number;
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

  /**
   * Certificate revocation list file that the server certificate is checked against.
   *
   * @default - none
   */
  readonly caCrl?: string;

  /**
   * Skip verifying the server certificate (and its SAN) against the CA.
   *
   * @default false
   */
  readonly insecureSkipVerify?: boolean;
}

/**
 * The PROXY protocol version sent to the destination.
 */
export enum ProxyProtocolVersion {
  /** The human-readable header. */
  V1 = 'V1',
  /** The binary header. */
  V2 = 'V2',
}

/**
 * Send the PROXY protocol header on connections to the destination (Istio's `ProxyProtocol`).
 */
export interface ProxyProtocolSettings {
  /**
   * The PROXY protocol version.
   *
   * @default - Istio's default (V1)
   */
  readonly version?: ProxyProtocolVersion;
}

/**
 * How traffic is tunnelled to the destination.
 */
export enum TunnelProtocol {
  /** HTTP CONNECT. */
  CONNECT = 'CONNECT',
  /** HTTP POST. */
  POST = 'POST',
}

/**
 * Tunnel TCP traffic through a proxy in front of the destination (Istio's `TrafficPolicy.TunnelSettings`).
 */
export interface TunnelSettings {
  /**
   * The tunnel protocol.
   *
   * @default - Istio's default (CONNECT)
   */
  readonly protocol?: TunnelProtocol;

  /**
   * The host the tunnel proxy connects to (a domain or IP address).
   */
  readonly targetHost: string;

  /**
   * The port the tunnel proxy connects to.
   */
  readonly targetPort: number;
}

/**
 * Limits retries to a share of the active requests (Istio's `RetryBudget`).
 */
export interface RetryBudget {
  /**
   * Percentage of active requests that may be retries, 0 to 100.
   *
   * @default - Istio's default (20)
   */
  readonly percent?: number;

  /**
   * Concurrent retries always allowed, whatever the percentage.
   *
   * @default - Istio's default (3)
   */
  readonly minRetryConcurrency?: number;
}

/**
 * The traffic policy of one Service port (Istio's `PortTrafficPolicy`), over the service- or version-wide one.
 */
export interface PortTrafficPolicy {
  /**
   * The Service port it applies to.
   */
  readonly port: number;

  /**
   * Load-balancing algorithm.
   *
   * @default - the policy's
   */
  readonly loadBalancer?: LoadBalancerSettings;

  /**
   * Connection pool limits.
   *
   * @default - the policy's
   */
  readonly connectionPool?: ConnectionPoolSettings;

  /**
   * Outlier detection.
   *
   * @default - the policy's
   */
  readonly outlierDetection?: OutlierDetection;

  /**
   * TLS to the destination.
   *
   * @default - the policy's
   */
  readonly tls?: ClientTlsSettings;
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

  /**
   * Policies of single Service ports, over this one (each port at most once).
   *
   * @default - none
   */
  readonly portLevelSettings?: PortTrafficPolicy[];

  /**
   * Send the PROXY protocol header to the destination.
   *
   * @default - not sent
   */
  readonly proxyProtocol?: ProxyProtocolSettings;

  /**
   * Tunnel TCP traffic through the destination's proxy.
   *
   * @default - no tunnel
   */
  readonly tunnel?: TunnelSettings;

  /**
   * Limit retries to a share of the active requests.
   *
   * @default - Istio's default budget
   */
  readonly retryBudget?: RetryBudget;
}
