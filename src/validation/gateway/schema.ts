/**
 * The structural-schema checks of the Gateway API CRDs (`sigs.k8s.io/gateway-api` v1.5.1, the version Istio
 * 1.30 pins in its go.mod; Standard channel, `config/crd/standard/`) that the HTTPRoute and Gateway validators
 * share: strings with a length and pattern, bounded integers, enums, lists with a maximum size and unique map
 * keys. Patterns run on RE2 (the API server's Go regexp), never on JavaScript's engine.
 */
import { re2Matches } from '../engines';
import { ProblemCollector } from '../problem';

/** RE2 `pattern` against `value`; the pattern is compiled once (engines.ts keeps the programs). */
export function patternMatches(pattern: string, value: string): boolean {
  return re2Matches(pattern, value);
}

/** The schema rule name a Problem reports for a structural check. */
export const SCHEMA = 'gateway-api v1.5.1 CRD schema';

/** `gatewayv1.Group`. */
export const GROUP = '^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
/** `gatewayv1.Kind`. */
export const KIND = '^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$';
/** `gatewayv1.Namespace` (a DNS-1123 label). */
export const NAMESPACE = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
/** `gatewayv1.SectionName`, `HTTPRouteRule.name` and `PreciseHostname` (a DNS-1123 subdomain). */
export const SUBDOMAIN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
/** `gatewayv1.Hostname` (a subdomain with an optional leading `*.`). */
export const HOSTNAME = '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
/** `gatewayv1.HTTPHeaderName` (an RFC 7230 token). */
export const HEADER_NAME = "^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$";
/** `gatewayv1.Duration` (GEP-2257). */
export const DURATION = '^([0-9]{1,5}(h|m|s|ms)){1,4}$';

/** Options of a string field. */
export interface StringRule {
  readonly required?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

/** Checks the string at `obj[field]`; returns it when it is a string. */
export function checkString(p: ProblemCollector, obj: any, field: string | number, rule: StringRule): string | undefined {
  const value = obj?.[field];
  if (value === undefined || value === null) {
    if (rule.required) p.error(field, undefined, 'must be set (Required value)', SCHEMA);
    return undefined;
  }
  if (typeof value !== 'string') {
    p.error(field, value, 'must be a string', SCHEMA);
    return undefined;
  }
  if (rule.enum && !rule.enum.includes(value)) {
    p.error(field, value, `must be one of ${rule.enum.map(e => JSON.stringify(e)).join(', ')} (supported values: ${rule.enum.map(e => `"${e}"`).join(', ')})`, SCHEMA);
    return value;
  }
  // lengths count Unicode code points, as the API server's OpenAPI validation does
  const length = [...value].length;
  if (rule.minLength !== undefined && length < rule.minLength) {
    p.error(field, value, `must be at least ${rule.minLength} characters long`, SCHEMA);
  } else if (rule.maxLength !== undefined && length > rule.maxLength) {
    p.error(field, value, `must be at most ${rule.maxLength} characters long`, SCHEMA);
  } else if (rule.pattern !== undefined && !patternMatches(rule.pattern, value)) {
    p.error(field, value, `must match ${rule.pattern}`, SCHEMA);
  }
  return value;
}

/** Checks the integer at `obj[field]` within [min, max]; returns it when it is an integer. */
export function checkInt(p: ProblemCollector, obj: any, field: string, min: number, max: number, required = false,
  allowed?: readonly number[]): number | undefined {
  const value = obj?.[field];
  if (value === undefined || value === null) {
    if (required) p.error(field, undefined, 'must be set (Required value)', SCHEMA);
    return undefined;
  }
  if (!Number.isInteger(value)) {
    p.error(field, value, 'must be an integer', SCHEMA);
    return undefined;
  }
  if (allowed && !allowed.includes(value)) {
    p.error(field, value, `must be one of ${allowed.join(', ')} (supported values)`, SCHEMA);
  } else if (value < min || value > max) {
    p.error(field, value, `must be an integer from ${min} to ${max}`, SCHEMA);
  }
  return value;
}

/** Checks the list at `obj[field]` (maxItems, minItems); returns its items, or [] when absent or not a list. */
export function checkList(p: ProblemCollector, obj: any, field: string, maxItems: number, minItems = 0): any[] {
  const value = obj?.[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    p.error(field, value, 'must be a list', SCHEMA);
    return [];
  }
  if (value.length > maxItems) p.error(field, value.length, `must have at most ${maxItems} items (Too many)`, SCHEMA);
  if (value.length < minItems) p.error(field, value.length, `must have at least ${minItems} item${minItems === 1 ? '' : 's'}`, SCHEMA);
  return value;
}

/** `x-kubernetes-list-type: map` (keyed by `key`) or `set`: the API server refuses repeated keys (Duplicate value). */
export function checkUnique(p: ProblemCollector, field: string, items: any[], keyOf: (item: any) => unknown): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = JSON.stringify(keyOf(item));
    if (seen.has(k)) p.at(field).error(i, keyOf(item), 'must not repeat a key of the list (Duplicate value)', SCHEMA);
    seen.add(k);
  });
}

/** Fields the Standard channel schema does not know: the API server drops or (with strict field validation) refuses them. */
export function checkKnownFields(p: ProblemCollector, obj: any, known: readonly string[], what: string): void {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return;
  for (const field of Object.keys(obj)) {
    if (!known.includes(field)) {
      p.error(field, obj[field], `must not be set: ${what} has no field '${field}' in the Standard channel of Gateway API v1.5.1 (unknown field)`, SCHEMA);
    }
  }
}

/** A Gateway API Duration (GEP-2257) in milliseconds, or undefined when it does not parse. */
export function durationMillis(value: unknown): number | undefined {
  if (typeof value !== 'string' || !patternMatches(DURATION, value)) return undefined;
  const unit: Record<string, number> = { h: 3600000, m: 60000, s: 1000, ms: 1 };
  let total = 0;
  for (const [, n, u] of value.matchAll(/([0-9]+)(ms|h|m|s)/g)) total += Number(n) * unit[u];
  return total;
}
