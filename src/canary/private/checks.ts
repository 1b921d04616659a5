import { isIP } from 'net';
import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { durationMillis, formatDuration, isDns1123Label, isLabelKey, isLabelValue, MAX_GO_DURATION_MS, propError, re2Problem, requireProp } from '../../common';

export { isDns1035Label, isDns1123Label } from '../../common';

// RFC 7230 token characters, lowercase only; a leading ':' for pseudo-headers such as ':authority'
const HEADER_NAME = /^:?[a-z0-9!#$%&'*+.^_`|~-]+$/;

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
 * An HTTP header name (RFC 7230 token). Match keys must also be lowercase: Envoy lowercases every header
 * name, so a match on "X-User" would never hold.
 */
export function checkHeaderName(scope: IConstruct, prop: string, name: unknown, lowercase = true): void {
  requireProp(typeof name === 'string' && name.length > 0, scope, prop, name, 'must be a non-empty header name');
  if (lowercase) {
    requireProp(name === (name as string).toLowerCase(), scope, prop, name,
      `must be lowercase: Envoy lowercases header names, so it would never match (use ${JSON.stringify((name as string).toLowerCase())})`);
  }
  requireProp(HEADER_NAME.test((name as string).toLowerCase()), scope, prop, name, 'must be an HTTP header name (RFC 7230 token characters)');
}

/**
 * A regular expression Istio accepts: it must compile, and RE2 (Envoy's engine) has no look-around and no
 * back-references [IST0122].
 */
export function checkRegex(scope: IConstruct, prop: string, re: string): void {
  const problem = re2Problem(re);
  requireProp(problem === undefined, scope, prop, re, `must be a valid RE2 regular expression (Envoy's engine): ${problem} [IST0122]`);
}

// Istio's wildcard first label: `*`, `*foo`, `*-foo` or a DNS-1123 label
const WILDCARD_DNS1123_LABEL = /^(\*|(\*|\*-)?[a-z0-9]([-a-z0-9]*[a-z0-9])?)$/;

/** Istio's DNS-1123 labels after the first: a trailing dot is allowed, the top-level label is not all digits. */
function dnsLabelsProblem(labels: string[]): string | undefined {
  const top = labels[labels.length - 1];
  if (/^[0-9]+$/.test(top)) return `its top-level label "${top}" is all digits`;
  for (const [i, label] of labels.entries()) {
    if (i === labels.length - 1 && label === '' && i > 0) return undefined;
    if (!isDns1123Label(label)) return `its label "${label}" is not a lowercase DNS-1123 label`;
  }
  return undefined;
}

/**
 * Why Istio would refuse a VirtualService host (its `ValidateWildcardDomain`, IP addresses allowed), or
 * undefined: lowercase DNS labels, at most 255 characters, a wildcard only in the first label.
 */
export function hostProblem(host: string): string | undefined {
  if (isIP(host) !== 0) return undefined;
  if (host.length === 0 || host.length > 255) return 'is empty or longer than 255 characters';
  const [first, ...rest] = host.split('.');
  if (first.length > 63 || !WILDCARD_DNS1123_LABEL.test(first)) {
    return `its first label "${first}" is neither a lowercase DNS-1123 label nor a wildcard (*, *.name)`;
  }
  return rest.length > 0 ? dnsLabelsProblem(rest) : undefined;
}

/**
 * Why Istio would refuse a VirtualService gateway reference (`<namespace>/<name>`, both DNS-1123 labels, or a
 * name such as `mesh` or the legacy `name.namespace`), or undefined.
 */
export function gatewayProblem(gateway: string): string | undefined {
  const slash = gateway.indexOf('/');
  if (slash < 0) return gateway.length > 0 && gateway.length <= 255 ? dnsLabelsProblem(gateway.split('.')) : 'is empty or longer than 255 characters';
  const [namespace, name] = [gateway.slice(0, slash), gateway.slice(slash + 1)];
  if (!isDns1123Label(namespace)) return `its namespace "${namespace}" is not a DNS-1123 label`;
  if (!isDns1123Label(name)) return `its name "${name}" is not a DNS-1123 label`;
  return undefined;
}

/** Whether two hosts overlap as Istio's `host.Name.Matches` sees it (equal, or one wildcard covers the other). */
export function hostsOverlap(a: string, b: string): boolean {
  const aWild = a.startsWith('*');
  const bWild = b.startsWith('*');
  if (aWild && bWild) return a.length < b.length ? b.slice(1).endsWith(a.slice(1)) : a.slice(1).endsWith(b.slice(1));
  if (aWild) return b.endsWith(a.slice(1));
  if (bWild) return a.endsWith(b.slice(1));
  return a === b;
}
