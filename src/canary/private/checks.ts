import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { durationMillis, formatDuration, isLabelKey, isLabelValue, MAX_GO_DURATION_MS, propError, requireProp } from '../../common';
import { ProblemCollector } from '../../validation';
import { headerNameOrJwtClaimError, isJwtClaimRoute } from '../../validation/istio/headers';
import { validateStringRegexp } from '../../validation/istio/string-match';

export { isDns1035Label, isDns1123Label } from '../../common';

/** Renders a prop path segment for a map key: `headers["x-user"]`. */
export function key(prop: string, k: string): string {
  return `${prop}[${JSON.stringify(k)}]`;
}

export function checkLabelKey(scope: IConstruct, prop: string, value: unknown): void {
  requireProp(isLabelKey(value), scope, prop, value, 'must be a Kubernetes label key (an optional DNS subdomain prefix and "/", then 1-63 alphanumerics, "-", "_", ".")');
}

export function checkLabelValue(scope: IConstruct, prop: string, value: unknown): void {
  requireProp(isLabelValue(value), scope, prop, value,
    'must be a Kubernetes label value (at most 63 alphanumerics, "-", "_", ".", starting and ending alphanumeric)');
}

export function checkLabels(scope: IConstruct, prop: string, labels: Record<string, string>): void {
  for (const [k, v] of Object.entries(labels)) {
    checkLabelKey(scope, key(prop, k), k);
    checkLabelValue(scope, key(prop, k), v);
  }
}

/** Integer within [min, max]. */
export function checkInteger(scope: IConstruct, prop: string, value: unknown, min: number, max: number): void {
  requireProp(Number.isInteger(value) && (value as number) >= min && (value as number) <= max, scope, prop, value,
    `must be an integer from ${min} to ${max}`);
}

/** A percentage of requests: a number from 0 to 100 (fractions allowed). */
export function checkPercent(scope: IConstruct, prop: string, value: unknown): void {
  requireProp(typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100, scope, prop, value,
    'must be a percentage from 0 to 100');
}

/**
 * Checks a Duration as Istio's CRDs do (`duration(self) >= duration('1ms')`, whole milliseconds, within Go's
 * duration range, or CEL cannot parse it) and returns its Go duration string.
 */
export function checkDuration(scope: IConstruct, prop: string, d: Duration, wholeSeconds = false): string {
  if (!(d instanceof Duration)) throw propError(scope, prop, d, 'must be a cdk8s Duration');
  const ms = durationMillis(d);
  requireProp(Number.isInteger(ms) && ms >= 1, scope, prop, `${ms}ms`, 'must be a whole number of milliseconds, at least 1ms');
  requireProp(ms <= MAX_GO_DURATION_MS, scope, prop, `${ms}ms`,
    `must be at most ${MAX_GO_DURATION_MS}ms (about 292 years): Istio reads durations as Go durations (int64 nanoseconds)`);
  if (wholeSeconds) requireProp(ms % 1000 === 0, scope, prop, `${ms}ms`, 'must be a whole number of seconds');
  return formatDuration(d);
}

/**
 * A header name the library writes. Match keys (`lowercase`) must be names Istio matches on
 * (ValidateHTTPHeaderNameOrJwtClaimRoute, from the validation layer) and, stricter than Istio on purpose, be
 * lowercase: Envoy lowercases header names before matching, so "X-User" would match too, but the VirtualService
 * then shows a spelling that never reaches the proxy; one spelling keeps rules comparable and diffs honest.
 * JWT claim keys (`@request.auth.claims.<Claim>`) keep their case. Other names (header edits, CORS) are left
 * to the validation layer's rules at synth, which differ per field.
 */
export function checkHeaderName(scope: IConstruct, prop: string, name: unknown, lowercase = true): void {
  requireProp(typeof name === 'string' && name.length > 0, scope, prop, name, 'must be a non-empty header name');
  if (!lowercase) return;
  const text = name as string;
  const error = headerNameOrJwtClaimError(text);
  if (error !== undefined) throw propError(scope, prop, name, `${error} [istio ValidateHTTPHeaderNameOrJwtClaimRoute]`);
  if (!isJwtClaimRoute(text)) {
    requireProp(text === text.toLowerCase(), scope, prop, name,
      `must be lowercase (use ${JSON.stringify(text.toLowerCase())}): a style rule of this library, stricter than Istio. Envoy lowercases `
      + 'header names before matching, so it would match; one lowercase spelling keeps the rules what the proxy sees');
  }
}

/**
 * A regular expression Istio accepts, by the validation layer's port of validateStringRegexp: at most 1024
 * characters and RE2 syntax (Envoy's and Go's engine: no look-around, no back-references) [IST0122].
 */
export function checkRegex(scope: IConstruct, prop: string, re: string): void {
  const problems = ProblemCollector.root();
  validateStringRegexp(re, problems, '', 'validateStringMatch');
  const error = problems.problems.find(p => p.severity === 'error');
  if (error) throw propError(scope, prop, re, `${error.message} [${error.rule}] [IST0122]`);
}
