import { Duration } from 'cdk8s';
import { HttpMatch, StringMatch } from './match';

/**
 * Retries for a route (Istio's `HTTPRetry`).
 */
export interface HttpRetryPolicy {
  /**
   * Number of retries for a request (0 disables retries; then no other field may be set).
   */
  readonly attempts: number;

  /**
   * Timeout of each attempt, the first one included (at least 1ms).
   *
   * @default - the route's timeout
   */
  readonly perTryTimeout?: Duration;

  /**
   * Conditions that trigger a retry: Envoy policies (`5xx`, `gateway-error`, `reset`, `connect-failure`,
   * `retriable-4xx`, `refused-stream`, `retriable-status-codes`, `retriable-headers`, `envoy-ratelimited`),
   * gRPC statuses (`cancelled`, `deadline-exceeded`, `internal`, `resource-exhausted`, `unavailable`) or
   * HTTP status codes (`"503"`).
   *
   * @default - Istio's default (`connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes`)
   */
  readonly retryOn?: string[];

  /**
   * Whether retries may go to other localities.
   *
   * @default - Istio's default (false)
   */
  readonly retryRemoteLocalities?: boolean;
}

/**
 * A delay injected before forwarding requests.
 */
export interface HttpFaultDelay {
  /**
   * How long to delay (at least 1ms).
   */
  readonly fixedDelay: Duration;

  /**
   * Percentage of requests delayed, 0 to 100. Required: Istio delays no request when it is left out.
   */
  readonly percentage: number;
}

/**
 * An error returned instead of forwarding requests.
 */
export interface HttpFaultAbort {
  /**
   * The HTTP status returned, 200 to 599.
   */
  readonly httpStatus: number;

  /**
   * Percentage of requests aborted, 0 to 100. Required: Istio aborts no request when it is left out.
   */
  readonly percentage: number;
}

/**
 * Fault injection on a route (Istio's `HTTPFaultInjection`): a delay, an abort or both.
 */
export interface HttpFaultInjection {
  /**
   * Delay requests.
   *
   * @default - no delay
   */
  readonly delay?: HttpFaultDelay;

  /**
   * Abort requests.
   *
   * @default - no abort
   */
  readonly abort?: HttpFaultAbort;
}

/**
 * Cross-origin resource sharing for a route (Istio's `CorsPolicy`).
 */
export interface CorsPolicy {
  /**
   * Origins allowed to make requests.
   */
  readonly allowOrigins: StringMatch[];

  /**
   * Methods allowed (`GET`, `POST`, ...).
   *
   * @default - not sent
   */
  readonly allowMethods?: string[];

  /**
   * Request headers allowed.
   *
   * @default - not sent
   */
  readonly allowHeaders?: string[];

  /**
   * Response headers the browser may read.
   *
   * @default - not sent
   */
  readonly exposeHeaders?: string[];

  /**
   * How long a preflight result may be cached (whole seconds).
   *
   * @default - not sent
   */
  readonly maxAge?: Duration;

  /**
   * Whether the request may carry credentials.
   *
   * @default - not sent
   */
  readonly allowCredentials?: boolean;
}

/**
 * Edits of request or response headers.
 */
export interface HeaderEdits {
  /**
   * Headers to set, replacing existing values.
   *
   * @default - none
   */
  readonly set?: Record<string, string>;

  /**
   * Headers to append.
   *
   * @default - none
   */
  readonly add?: Record<string, string>;

  /**
   * Headers to remove.
   *
   * @default - none
   */
  readonly remove?: string[];
}

/**
 * Header edits on a route.
 */
export interface HeaderOperations {
  /**
   * Edits of the request forwarded to the version.
   *
   * @default - none
   */
  readonly request?: HeaderEdits;

  /**
   * Edits of the response returned to the caller.
   *
   * @default - none
   */
  readonly response?: HeaderEdits;
}

/**
 * A copy of the traffic sent, fire-and-forget, to a version (responses are discarded).
 */
export interface HttpMirror {
  /**
   * The version that receives the copies.
   */
  readonly version: string;

  /**
   * Percentage of requests mirrored, 0 to 100.
   *
   * @default 100
   */
  readonly percentage?: number;
}

/**
 * Options of an HTTP route: what happens to requests the route takes.
 */
export interface CanaryRouteOptions {
  /**
   * A name for the route (shows up in Envoy stats and access logs).
   *
   * @default - unnamed
   */
  readonly name?: string;

  /**
   * Timeout for the whole request, retries included (at least 1ms).
   *
   * @default - Istio's default (no timeout)
   */
  readonly timeout?: Duration;

  /**
   * Retry policy.
   *
   * @default - Istio's default (2 attempts)
   */
  readonly retries?: HttpRetryPolicy;

  /**
   * Fault injection (delays, aborts) for testing resilience.
   *
   * @default - none
   */
  readonly fault?: HttpFaultInjection;

  /**
   * Mirror requests to one version (Istio's `mirror` + `mirrorPercentage`). Not together with `mirrors`.
   *
   * @default - no mirroring
   */
  readonly mirror?: HttpMirror;

  /**
   * Mirror requests to several versions (Istio's `mirrors`). Not together with `mirror`.
   *
   * @default - no mirroring
   */
  readonly mirrors?: HttpMirror[];

  /**
   * CORS policy.
   *
   * @default - none
   */
  readonly corsPolicy?: CorsPolicy;

  /**
   * Request and response header edits.
   *
   * @default - none
   */
  readonly headers?: HeaderOperations;
}

/**
 * A routing rule: requests matching `match` go to `version`. Rules are written before the catch-all
 * weighted route, in the order: header rules, source-label rules, then every other rule (each group in
 * the order added).
 */
export interface CanaryRoute extends CanaryRouteOptions {
  /**
   * The request conditions (at least one).
   */
  readonly match: HttpMatch;

  /**
   * The version that receives the matching requests.
   */
  readonly version: string;
}
