/** HTTP retries, as Istio 1.30 checks them (validateHTTPRetry). */
import { ProblemCollector } from '../problem';
import { isSet, num, obj, rule, str, validateDuration } from './fields';

/** Envoy's `x-envoy-retry-on` and `x-envoy-retry-grpc-on` policies (supportedRetryOnPolicies). */
export const RETRY_ON_POLICIES = new Set([
  '5xx', 'gateway-error', 'reset', 'reset-before-request', 'connect-failure', 'retriable-4xx', 'refused-stream',
  'retriable-status-codes', 'retriable-headers', 'envoy-ratelimited', 'http3-post-connect-failure',
  'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable',
]);

/** The status codes Go's `http.StatusText` names (a retryOn entry may be one of them). */
export const HTTP_STATUS_CODES = new Set([
  100, 101, 102, 103,
  200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
  300, 301, 302, 303, 304, 305, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418,
  421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
  500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);

/** Whether one comma-separated retryOn entry is accepted: a named HTTP status code (strconv.Atoi) or a policy. */
export function isRetryOnPolicy(policy: string): boolean {
  const status = /^[+-]?[0-9]+$/.test(policy) ? Number(policy) : 0;
  return HTTP_STATUS_CODES.has(status) || RETRY_ON_POLICIES.has(policy);
}

/** validateHTTPRetry. */
export function validateHTTPRetry(retries: unknown, problems: ProblemCollector, field: string): void {
  const r = obj(retries);
  if (!r) return;
  const at = problems.at(field);
  const fn = rule('validateHTTPRetry');
  const attempts = num(r.attempts);
  if (attempts < 0) at.error('attempts', r.attempts, 'must not be negative', fn);
  const retryOn = str(r.retryOn);
  if (attempts === 0 && (isSet(r.perTryTimeout) || retryOn !== '' || isSet(r.retryRemoteLocalities))) {
    at.error('attempts', r.attempts ?? 0, 'must be above 0 when perTryTimeout, retryOn or retryRemoteLocalities is set (0 disables retries)', fn);
  }
  if (isSet(r.perTryTimeout)) validateDuration(r.perTryTimeout, at, 'perTryTimeout');
  if (retryOn !== '') {
    for (const policy of retryOn.split(',')) {
      if (!isRetryOnPolicy(policy)) {
        at.error('retryOn', retryOn,
          `must list HTTP status codes or Envoy retry policies (${[...RETRY_ON_POLICIES].join(', ')}); ${JSON.stringify(policy)} is neither`, fn);
      }
    }
  }
  if (isSet(r.backoff)) validateDuration(r.backoff, at, 'backoff');
}
