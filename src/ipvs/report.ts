import { IConstruct } from 'constructs';
import { propError, propMessage } from '../common';
import { addWarning } from '../common/warnings';

/**
 * Where a check reports: one code path validates both for constructs (errors name the construct path) and for
 * the pure functions (`IpvsadmRules.render`, `IpvsPrediction.predict`, which name themselves). Internal.
 */
export interface Reporter {
  /** Throws the library's error for `prop` (prefixed with this reporter's path) and `value`. */
  fail(prop: string, value: unknown, allowed: string): never;
  /** Records a warning. */
  warn(message: string): void;
  /** The full prop path for a prop below this reporter. */
  path(prop: string): string;
  /** A reporter for the props below `prefix` (`virtualServers[0]`, `director`). */
  child(prefix: string): Reporter;
}

/** Reports against a construct: `[<path>] '<prop>' (<value>) …`, warnings as construct metadata. */
export function constructReporter(scope: IConstruct, prefix = ''): Reporter {
  return makeReporter(prefix,
    (prop, value, allowed) => propError(scope, prop, value, allowed),
    message => addWarning(scope, message));
}

/** Reports for a pure function: `[<where>] '<prop>' (<value>) …`, warnings on stderr. */
export function functionReporter(where: string, prefix = ''): Reporter {
  return makeReporter(prefix,
    (prop, value, allowed) => new Error(`[${where}] ${propMessage(prop, value, allowed)}`),
    // eslint-disable-next-line no-console
    message => console.warn(`[WARNING] [${where}] ${message}`));
}

function makeReporter(prefix: string, error: (prop: string, value: unknown, allowed: string) => Error,
  warn: (message: string) => void): Reporter {
  const path = (prop: string) => (!prefix ? prop : !prop ? prefix : prop.startsWith('[') ? `${prefix}${prop}` : `${prefix}.${prop}`);
  return {
    fail: (prop, value, allowed) => {
      throw error(path(prop), value, allowed);
    },
    warn,
    path,
    child: sub => makeReporter(path(sub), error, warn),
  };
}

/** A refusal found by a synth-time validation; cdk8s prefixes the construct path. Internal. */
class ValidationFailure extends Error {}

/**
 * Reports for `node.addValidation`, which re-runs construction-time checks on the final objects: `fail` throws a
 * `ValidationFailure` that `collectFailure` turns into a message; warnings were already given at construction.
 */
export function validationReporter(prefix = ''): Reporter {
  return makeReporter(prefix,
    (prop, value, allowed) => new ValidationFailure(propMessage(prop, value, allowed)),
    () => undefined);
}

/** Runs checks made with a `validationReporter`; returns the refusal as a validation message list. */
export function collectFailure(checks: () => void): string[] {
  try {
    checks();
    return [];
  } catch (e) {
    if (e instanceof ValidationFailure) return [e.message];
    throw e;
  }
}

/** The same reporter with warnings dropped: for a pre-check whose construct warns again itself. */
export function silenced(r: Reporter): Reporter {
  return { ...r, warn: () => undefined, child: prefix => silenced(r.child(prefix)) };
}
