/** StringMatch and regular expressions, as Istio 1.30 checks them (validation.go). */
import { re2CompileError, re2ProgramSize } from '../engines';
import { ProblemCollector } from '../problem';
import { obj, rule } from './fields';

/** Envoy's `re2.max_program_size.error_level` as Istio's bootstrap sets it (pkg/bootstrap/config.go). */
export const ENVOY_MAX_PROGRAM_SIZE = 32768;

/** Istio's cap on a regex's length (validateStringRegexp), its stand-in for Envoy's program size limit. */
export const MAX_REGEX_LENGTH = 1024;

/**
 * validateStringRegexp: at most 1024 characters, and RE2 (Go's regexp) must compile it. Beyond upstream, a
 * warning when the compiled program is larger than the program size Envoy refuses (an estimate: re2js's
 * instruction count), since Istio's webhook accepts such a regex and Envoy then rejects the route.
 */
export function validateStringRegexp(re: string, problems: ProblemCollector, field: string | number, fn: string): void {
  if (re.length > MAX_REGEX_LENGTH) {
    problems.error(field, re, `must be a regex of at most ${MAX_REGEX_LENGTH} characters`, rule(`${fn} (validateStringRegexp)`));
    return;
  }
  const error = re2CompileError(re);
  if (error !== undefined) {
    problems.error(field, re, `must be a valid RE2 regular expression (Istio's and Envoy's syntax): ${error}`, rule(`${fn} (validateStringRegexp)`));
    return;
  }
  const size = re2ProgramSize(re) ?? 0;
  if (size > ENVOY_MAX_PROGRAM_SIZE) {
    problems.warning(field, re,
      `compiles to an RE2 program of about ${size} instructions; Envoy, as Istio configures it, rejects programs over ${ENVOY_MAX_PROGRAM_SIZE}`,
      rule('bootstrap re2.max_program_size.error_level'));
  }
}

/** The one field a StringMatch sets (`exact`, `prefix` or `regex`), or undefined for an empty match. */
export function matchKind(sm: Record<string, any>): 'exact' | 'prefix' | 'regex' | undefined {
  if (typeof sm.exact === 'string') return 'exact';
  if (typeof sm.prefix === 'string') return 'prefix';
  if (typeof sm.regex === 'string') return 'regex';
  return undefined;
}

/** validateStringMatchRegexp: a `regex` match must be a non-empty, valid RE2 regex. */
export function validateStringMatchRegexp(match: unknown, problems: ProblemCollector, field: string, fn: string): void {
  const sm = obj(match);
  if (!sm || matchKind(sm) !== 'regex') return;
  if (sm.regex === '') {
    problems.at(field).error('regex', '', 'must not be empty', rule(`${fn} (validateStringMatchRegexp)`));
    return;
  }
  validateStringRegexp(sm.regex, problems.at(field), 'regex', fn);
}

/** validateStringMatch: a `prefix` must not be empty; a `regex` as validateStringMatchRegexp. */
export function validateStringMatch(match: unknown, problems: ProblemCollector, field: string, fn: string): void {
  const sm = obj(match);
  if (!sm) return;
  const kind = matchKind(sm);
  if (kind === 'prefix' && sm.prefix === '') {
    problems.at(field).error('prefix', '', 'must not be empty (an empty prefix match is refused here; only uri allows it)', rule(`${fn} (validateStringMatch)`));
  } else if (kind === 'regex') {
    validateStringMatchRegexp(sm, problems, field, fn);
  }
}
