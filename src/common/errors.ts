import { IConstruct } from 'constructs';

/**
 * Renders a user-supplied value for an error message: strings quoted, objects as JSON.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * The library's error for bad input: names the construct path, the prop, the value and what is allowed.
 *
 * `[shop/frontend] 'canaryWeight' (120) must be an integer from 0 to 100`
 */
export function propError(scope: IConstruct, prop: string, value: unknown, allowed: string): Error {
  return new Error(`[${scope.node.path}] '${prop}' (${describeValue(value)}) ${allowed}`);
}

/**
 * Throws `propError(...)` unless `ok` holds.
 */
export function requireProp(ok: boolean, scope: IConstruct, prop: string, value: unknown, allowed: string): void {
  if (!ok) throw propError(scope, prop, value, allowed);
}

/**
 * Message for a cross-object check that runs at synth (`node.addValidation`); cdk8s prefixes the path.
 */
export function propMessage(prop: string, value: unknown, allowed: string): string {
  return `'${prop}' (${describeValue(value)}) ${allowed}`;
}
