import { Duration } from 'cdk8s';
import { checkArgs } from '../common';
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

  /**
   * Minimum time between retries (Envoy's base interval of its exponential back-off; at least 1ms).
   *
   * @default - Istio's default (25ms)
   */
  readonly backoff?: Duration;

  /**
   * Whether a retry avoids the pods already tried (Istio's `retryIgnorePreviousHosts`).
   *
   * @default - Istio's default (true)
   */
  readonly retryIgnorePreviousHosts?: boolean;
}

/**
 * gRPC status codes a fault can abort with: the names Istio accepts in `fault.abort.grpcStatus` (Istio's
 * `SupportedGRPCStatus`, pkg/util/grpc/codes.go).
 */
export enum GrpcStatus {
  /** 0 */
  OK = 'OK',
  /** 1 */
  CANCELLED = 'CANCELLED',
  /** 2 */
  UNKNOWN = 'UNKNOWN',
  /** 3 */
  INVALID_ARGUMENT = 'INVALID_ARGUMENT',
  /** 4 */
  DEADLINE_EXCEEDED = 'DEADLINE_EXCEEDED',
  /** 5 */
  NOT_FOUND = 'NOT_FOUND',
  /** 6 */
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  /** 7 */
  PERMISSION_DENIED = 'PERMISSION_DENIED',
  /** 8 */
  RESOURCE_EXHAUSTED = 'RESOURCE_EXHAUSTED',
  /** 9 */
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
  /** 10 */
  ABORTED = 'ABORTED',
  /** 11 */
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  /** 12 */
  UNIMPLEMENTED = 'UNIMPLEMENTED',
  /** 13 */
  INTERNAL = 'INTERNAL',
  /** 14 */
  UNAVAILABLE = 'UNAVAILABLE',
  /** 15 */
  DATA_LOSS = 'DATA_LOSS',
  /** 16 */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
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
   * The HTTP status returned, 200 to 600 (Istio's range). Set exactly one of `httpStatus` and `grpcStatus`.
   *
   * @default - not an HTTP abort
   */
  readonly httpStatus?: number;

  /**
   * The gRPC status returned (for gRPC services). Set exactly one of `httpStatus` and `grpcStatus`.
   *
   * @default - not a gRPC abort
   */
  readonly grpcStatus?: GrpcStatus;

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
   *
   * @default - none: Envoy allows no cross-origin request, though the other settings are written
   */
  readonly allowOrigins?: StringMatch[];

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

  /**
   * What happens to preflight requests whose origin is not allowed.
   *
   * @default - Istio's default (FORWARD)
   */
  readonly unmatchedPreflights?: CorsUnmatchedPreflights;
}

/**
 * What happens to CORS preflight requests whose origin matches no allowed origin.
 */
export enum CorsUnmatchedPreflights {
  /** Forward them to the version. */
  FORWARD = 'FORWARD',
  /** Answer them without CORS headers (the version never sees them). */
  IGNORE = 'IGNORE',
}

/**
 * A regular-expression rewrite of the path (Istio's `RegexRewrite`).
 */
export interface RegexRewrite {
  /**
   * RE2 regular expression matched against the path.
   */
  readonly match: string;

  /**
   * The replacement; `\1`, `\2`, ... refer to capture groups.
   */
  readonly rewrite: string;
}

/**
 * Rewrites of the request before it is forwarded (Istio's `HTTPRewrite`).
 */
export interface HttpRewrite {
  /**
   * Replaces the path, or the part the match's `uri.prefix` matched. Not together with `uriRegexRewrite`.
   *
   * @default - the path is kept
   */
  readonly uri?: string;

  /**
   * Replaces the path by a regular expression. Not together with `uri`.
   *
   * @default - the path is kept
   */
  readonly uriRegexRewrite?: RegexRewrite;

  /**
   * Replaces the Authority/Host header.
   *
   * @default - the host is kept
   */
  readonly authority?: string;
}

/**
 * How a redirect chooses the port of its `Location`.
 */
export enum RedirectPortSelection {
  /** 80 for http, 443 for https. */
  FROM_PROTOCOL_DEFAULT = 'FROM_PROTOCOL_DEFAULT',
  /** The port the request came in on. */
  FROM_REQUEST_PORT = 'FROM_REQUEST_PORT',
}

/**
 * A redirect answered instead of forwarding (Istio's `HTTPRedirect`).
 */
export interface HttpRedirect {
  /**
   * Replaces the path of the URL.
   *
   * @default - the request's path
   */
  readonly uri?: string;

  /**
   * Replaces the authority (host) of the URL.
   *
   * @default - the request's authority
   */
  readonly authority?: string;

  /**
   * Replaces the port of the URL. Not together with `derivePort`.
   *
   * @default - the request's port
   */
  readonly port?: number;

  /**
   * Derives the port of the URL. Not together with `port`.
   *
   * @default - the request's port
   */
  readonly derivePort?: RedirectPortSelection;

  /**
   * Replaces the scheme of the URL (`https`).
   *
   * @default - the request's scheme
   */
  readonly scheme?: string;

  /**
   * The HTTP status of the redirect.
   *
   * @default 301
   */
  readonly redirectCode?: number;
}

/**
 * The body of a direct response.
 */
export class DirectResponseBody {
  /**
   * A text body (Istio's `body.string`).
   */
  public static fromString(text: string): DirectResponseBody {
    checkArgs('DirectResponseBody', 'DirectResponseBody.fromString', arguments);
    return new DirectResponseBody('string', text);
  }

  /**
   * A binary body, given base64-encoded (Istio's `body.bytes`).
   */
  public static fromBase64(data: string): DirectResponseBody {
    checkArgs('DirectResponseBody', 'DirectResponseBody.fromBase64', arguments);
    return new DirectResponseBody('bytes', data);
  }

  private constructor(
    /** @internal */ public readonly _field: 'string' | 'bytes',
    /** @internal */ public readonly _value: string) {}
}

/**
 * A response answered by the proxy itself, instead of forwarding (Istio's `HTTPDirectResponse`).
 */
export interface HttpDirectResponse {
  /**
   * The HTTP status of the response.
   */
  readonly status: number;

  /**
   * The response body.
   *
   * @default - empty
   */
  readonly body?: DirectResponseBody;
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

  /**
   * Rewrite the path or host before forwarding.
   *
   * @default - no rewrite
   */
  readonly rewrite?: HttpRewrite;
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
   * The version that receives the matching requests. Set exactly one of `version`, `weights`, `redirect`
   * and `directResponse`.
   *
   * @default - none: the rule splits by `weights`, redirects or responds itself
   */
  readonly version?: string;

  /**
   * Split the matching requests over versions (a weighted split of its own, e.g. testers 50/50 over two
   * canaries): integer percentages from 0 to 100 summing to 100, keyed by version name.
   *
   * @default - none: `version` takes every matching request
   */
  readonly weights?: Record<string, number>;

  /**
   * Answer matching requests with a redirect instead of forwarding them.
   *
   * @default - no redirect
   */
  readonly redirect?: HttpRedirect;

  /**
   * Answer matching requests directly (fixed status and body) instead of forwarding them.
   *
   * @default - no direct response
   */
  readonly directResponse?: HttpDirectResponse;
}
