import { ProblemCollector } from '../problem';

/**
 * Small helpers shared by the Kubernetes validators, mirroring apimachinery's `field.Required`, `field.NotSupported`,
 * `field.Duplicate` and `ValidateNonnegativeField` with messages that start with a verb.
 */

/** The version every rule in this folder is ported from. */
export const KUBERNETES_VERSION = 'v1.34';

/** `field.Required`. */
export const REQUIRED = 'must be set (Required value)';

/** `ValidateNonnegativeField`'s message. */
export const NON_NEGATIVE = 'must be greater than or equal to 0';

/** A field that is set: not undefined, null or the empty string (Go's zero values). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The array at a field, or [] when it is missing (a non-array is reported by the caller's shape check). */
export function listOf(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/** `field.NotSupported`: `must be one of "TCP", "UDP", "SCTP"`. */
export function notSupported(p: ProblemCollector, field: string | number, value: unknown, allowed: readonly string[], rule: string): void {
  p.error(field, value, `must be one of ${allowed.map(a => JSON.stringify(a)).join(', ')} (Unsupported value)`, rule);
}

/** `field.Duplicate`. */
export function duplicate(p: ProblemCollector, field: string | number, value: unknown, rule: string): void {
  p.error(field, value, 'must be unique (Duplicate value)', rule);
}

/** `ValidateNonnegativeField` for an optional integer field. */
export function nonNegative(p: ProblemCollector, field: string, value: unknown, rule: string): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || !Number.isInteger(value)) p.error(field, value, 'must be an integer', rule);
  else if (value < 0) p.error(field, value, NON_NEGATIVE, rule);
}

/** An optional string field: reported when set to something else. Returns the string or undefined. */
export function optionalString(p: ProblemCollector, field: string, value: unknown, rule: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    p.error(field, value, 'must be a string', rule);
    return undefined;
  }
  return value;
}

/** Records each message of a name-rule function as an error at `field`. */
export function each(p: ProblemCollector, field: string | number, value: unknown, messages: string[], rule: string): void {
  for (const m of messages) p.error(field, value, m, rule);
}

/**
 * An int-or-string that is a non-negative integer or a percentage (apps `ValidatePositiveIntOrPercent`), and, when
 * `atMost100`, not more than 100% (`IsNotMoreThan100Percent`).
 */
export function intOrPercent(p: ProblemCollector, field: string, value: unknown, atMost100: boolean, rule: string): void {
  if (value === undefined || value === null) return;
  if (typeof value === 'string') {
    if (!/^[0-9]+%$/.test(value)) {
      p.error(field, value, "must be an integer or a percentage: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%' or '93%')", rule);
    } else if (atMost100 && Number(value.slice(0, -1)) > 100) {
      p.error(field, value, 'must not be greater than 100%', 'k8s IsNotMoreThan100Percent');
    }
  } else if (typeof value === 'number' && Number.isInteger(value)) {
    if (value < 0) p.error(field, value, NON_NEGATIVE, rule);
  } else {
    p.error(field, value, 'must be an integer or a percentage string', rule);
  }
}

/** The value of an int-or-percent for "both zero" checks (apps `getIntOrPercentValue`); undefined when unset. */
export function intOrPercentValue(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^[0-9]+%$/.test(value)) return Number(value.slice(0, -1));
  return undefined;
}
