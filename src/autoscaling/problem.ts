import { IConstruct } from 'constructs';
import { propError, propMessage } from '../common';

/**
 * One refused value, before it knows where it is reported: the constructs throw it with their path, the
 * simulator with its own name. Internal.
 */
export interface Problem {
  readonly prop: string;
  readonly value: unknown;
  readonly allowed: string;
}

/** Throws the first problem as the library's error for `scope`, naming its construct path. */
export function throwFirst(scope: IConstruct, problems: readonly Problem[]): void {
  const first = problems[0];
  if (first) throw propError(scope, first.prop, first.value, first.allowed);
}

/** Throws the first problem with `who` in place of a construct path (for code outside a construct tree). */
export function throwFirstFor(who: string, problems: readonly Problem[]): void {
  const first = problems[0];
  if (first) throw new Error(`[${who}] ${propMessage(first.prop, first.value, first.allowed)}`);
}

/** A problem unless `ok`. */
export function check(ok: boolean, prop: string, value: unknown, allowed: string): Problem[] {
  return ok ? [] : [{ prop, value, allowed }];
}

/** A problem when `value` is not an integer within [min, max]. */
export function checkInteger(value: number, prop: string, min: number, max: number, allowed?: string): Problem[] {
  return check(Number.isInteger(value) && value >= min && value <= max, prop, value,
    allowed ?? `must be an integer from ${min} to ${max}`);
}
