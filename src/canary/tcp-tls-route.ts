/**
 * Conditions on a TCP connection (Istio's `L4MatchAttributes`). A rule needs at least one condition besides
 * `port`: the construct writes the weighted catch-all of every TCP port itself, last.
 */
export interface TcpMatch {
  /**
   * The Service port the connection was sent to. Needed when the Service has several TCP ports.
   *
   * @default - the Service's only TCP port
   */
  readonly port?: number;

  /**
   * Destination IP addresses or subnets (`10.1.0.0/16`, `10.1.2.3`).
   *
   * @default - any destination address
   */
  readonly destinationSubnets?: string[];

  /**
   * Source IP address or subnet of the client.
   *
   * @default - any source address
   */
  readonly sourceSubnet?: string;

  /**
   * Labels of the calling pod. Only traffic from pods with a sidecar carries them.
   *
   * @default - any source workload
   */
  readonly sourceLabels?: Record<string, string>;

  /**
   * Namespace of the calling workload.
   *
   * @default - any namespace
   */
  readonly sourceNamespace?: string;

  /**
   * Gateways this match applies to (`mesh` for sidecars), overriding the VirtualService's gateways. Not
   * together with `sourceLabels` or `sourceNamespace`: Istio ignores source conditions in a match that
   * names gateways.
   *
   * @default - the VirtualService's gateways
   */
  readonly gateways?: string[];
}

/**
 * Conditions on a TLS connection, read from its handshake (Istio's `TLSMatchAttributes`). A rule needs at
 * least one condition besides `port`: the construct writes the weighted catch-all of every TLS port itself.
 */
export interface TlsMatch {
  /**
   * SNI names the client asks for; each must be one of the VirtualService hosts or covered by one.
   *
   * @default - the VirtualService's hosts
   */
  readonly sniHosts?: string[];

  /**
   * The Service port the connection was sent to. Needed when the Service has several TLS ports.
   *
   * @default - the Service's only TLS port
   */
  readonly port?: number;

  /**
   * Destination IP addresses or subnets.
   *
   * @default - any destination address
   */
  readonly destinationSubnets?: string[];

  /**
   * Labels of the calling pod. Only traffic from pods with a sidecar carries them.
   *
   * @default - any source workload
   */
  readonly sourceLabels?: Record<string, string>;

  /**
   * Namespace of the calling workload.
   *
   * @default - any namespace
   */
  readonly sourceNamespace?: string;

  /**
   * Gateways this match applies to (`mesh` for sidecars). Not together with `sourceLabels` or
   * `sourceNamespace`: Istio ignores source conditions in a match that names gateways.
   *
   * @default - the VirtualService's gateways
   */
  readonly gateways?: string[];
}

/**
 * A rule for TCP connections (a `tcp` route of the VirtualService): connections matching `match` go to
 * `version`. Written before the weighted catch-all of the TCP ports, in the order given.
 */
export interface CanaryTcpRoute {
  /**
   * The connection conditions.
   */
  readonly match: TcpMatch;

  /**
   * The version that receives the matching connections. Set exactly one of `version` and `weights`.
   *
   * @default - none: `weights` splits the matching connections
   */
  readonly version?: string;

  /**
   * Split the matching connections over versions: integer percentages from 0 to 100 summing to 100, keyed
   * by version name. Set exactly one of `version` and `weights`.
   *
   * @default - none: `version` takes every matching connection
   */
  readonly weights?: Record<string, number>;
}

/**
 * A rule for TLS connections (a `tls` route of the VirtualService, for `tls` and `https` ports): connections
 * matching `match` go to `version`. Written before the weighted catch-all of the TLS ports, in the order given.
 */
export interface CanaryTlsRoute {
  /**
   * The connection conditions.
   */
  readonly match: TlsMatch;

  /**
   * The version that receives the matching connections. Set exactly one of `version` and `weights`.
   *
   * @default - none: `weights` splits the matching connections
   */
  readonly version?: string;

  /**
   * Split the matching connections over versions: integer percentages from 0 to 100 summing to 100, keyed
   * by version name. Set exactly one of `version` and `weights`.
   *
   * @default - none: `version` takes every matching connection
   */
  readonly weights?: Record<string, number>;
}
