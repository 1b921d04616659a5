/**
 * Application protocols Istio reads from a Service port's name (`<protocol>[-<suffix>]`) or `appProtocol`.
 */
export enum ServiceProtocol {
  /** Plain-text HTTP/1.1. */
  HTTP = 'http',
  /** Plain-text HTTP/2. */
  HTTP2 = 'http2',
  /** TLS-encrypted traffic (a sidecar treats it as opaque TLS). */
  HTTPS = 'https',
  /** gRPC (HTTP/2). */
  GRPC = 'grpc',
  /** gRPC-Web (HTTP/2); only as `appProtocol`, because the name `grpc-web` reads as `grpc` with suffix `web`. */
  GRPC_WEB = 'grpc-web',
  /** Opaque TCP. */
  TCP = 'tcp',
  /** Opaque TLS. */
  TLS = 'tls',
}

/**
 * A port of the version-spanning Service.
 */
export interface CanaryServicePort {
  /**
   * The port the Service listens on.
   */
  readonly port: number;

  /**
   * The container port traffic is sent to.
   *
   * @default - the same as `port`
   */
  readonly targetPort?: number;

  /**
   * The port's name. Istio reads the protocol from it (`http`, `http-web`, `grpc-api`, ...) unless
   * `appProtocol` is set; a name Istio cannot read leaves the protocol to sniffing [IST0118] and is refused.
   *
   * @default - the `appProtocol` value, or `http` when neither is set
   */
  readonly name?: string;

  /**
   * The port's application protocol (Kubernetes `appProtocol`), which Istio prefers over the name.
   *
   * @default - read from the name
   */
  readonly appProtocol?: ServiceProtocol;
}
