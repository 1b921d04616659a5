import { IConstruct } from 'constructs';
import { key } from './checks';
import { propError, requireProp } from '../../common';

// Type and shape checks of what a JavaScript caller passes: each refuses with the library's error naming the
// prop, so nothing reaches the YAML as `undefined`, `null` or a wrong type. Istio's own rules on the values
// are the validation layer's (src/validation/istio).

const INT32_MAX = 2147483647;
const UINT32_MAX = 4294967295;

/** A string, or undefined. */
export function optString(scope: IConstruct, prop: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  requireProp(typeof value === 'string', scope, prop, value, 'must be a string');
  return value as string;
}

/** A boolean, or undefined. */
export function optBoolean(scope: IConstruct, prop: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  requireProp(typeof value === 'boolean', scope, prop, value, 'must be true or false');
  return value as boolean;
}

/** A finite number within [min, max], or undefined (a `double` field). */
export function optNumber(scope: IConstruct, prop: string, value: unknown, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  requireProp(typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max, scope, prop, value,
    `must be a number from ${min} to ${max}`);
  return value as number;
}

/** An integer within the range of Istio's field type, or undefined. */
export function optInteger(scope: IConstruct, prop: string, value: unknown, type: 'int32' | 'uint32', min = 0): number | undefined {
  if (value === undefined) return undefined;
  const max = type === 'int32' ? INT32_MAX : UINT32_MAX;
  requireProp(Number.isInteger(value) && (value as number) >= min && (value as number) <= max, scope, prop, value,
    `must be an integer from ${min} to ${max}`);
  return value as number;
}

/** A value of a string enum, or undefined. */
export function optEnum<T extends string>(scope: IConstruct, prop: string, value: unknown, values: Record<string, T>): T | undefined {
  if (value === undefined) return undefined;
  const allowed = Object.values(values) as string[];
  requireProp(typeof value === 'string' && allowed.includes(value), scope, prop, value, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** An array of strings (copied), or undefined. */
export function optStrings(scope: IConstruct, prop: string, value: unknown, nonEmpty = false): string[] | undefined {
  if (value === undefined) return undefined;
  requireProp(Array.isArray(value) && (!nonEmpty || value.length > 0), scope, prop, value, nonEmpty ? 'must be a non-empty list of strings' : 'must be a list of strings');
  (value as unknown[]).forEach((v, i) => requireProp(typeof v === 'string', scope, `${prop}[${i}]`, v, 'must be a string'));
  return [...(value as string[])];
}

/** An array (copied), or undefined; each element checked by `check`. */
export function optArray<T, R>(scope: IConstruct, prop: string, value: T[] | undefined, check: (item: T, itemProp: string) => R): R[] | undefined {
  if (value === undefined) return undefined;
  requireProp(Array.isArray(value), scope, prop, value, 'must be a list');
  return value.map((item, i) => {
    const itemProp = `${prop}[${i}]`;
    requireProp(item !== undefined && item !== null, scope, itemProp, item, 'must not be undefined or null');
    return check(item, itemProp);
  });
}

/** A struct given as an object (not null, not an array), or undefined. */
export function optObject<T>(scope: IConstruct, prop: string, value: T | undefined): T | undefined {
  if (value === undefined) return undefined;
  requireProp(value !== null && typeof value === 'object' && !Array.isArray(value), scope, prop, value, 'must be an object');
  return value;
}

/**
 * A map of the props (labels, headers, matches): an object whose keys are real names and whose values are
 * neither undefined nor null. Returns a copy (a record with a null prototype would crash cdk8s's
 * serializer) with every value passed through `check`, or undefined.
 */
export function optMap<T, R>(scope: IConstruct, prop: string, value: Record<string, T> | undefined, check: (v: T, entryProp: string, k: string) => R):
Record<string, R> | undefined {
  if (value === undefined) return undefined;
  requireProp(value !== null && typeof value === 'object' && !Array.isArray(value), scope, prop, value, 'must be an object of names to values');
  const out: Record<string, R> = {};
  for (const [k, v] of Object.entries(value)) {
    const entryProp = key(prop, k);
    // `{ [undefined]: v }` in JavaScript writes the key "undefined": never a name anyone means
    if (k === 'undefined' || k === 'null') throw propError(scope, entryProp, k, 'must be a name, not a JavaScript undefined or null turned into a key');
    requireProp(v !== undefined && v !== null, scope, entryProp, v, 'must not be undefined or null');
    out[k] = check(v, entryProp, k);
  }
  return out;
}

/** A map of strings to strings (labels, header values). */
export function optStringMap(scope: IConstruct, prop: string, value: Record<string, string> | undefined): Record<string, string> | undefined {
  return optMap(scope, prop, value, (v, entryProp) => {
    requireProp(typeof v === 'string', scope, entryProp, v, 'must be a string');
    return v;
  });
}
