/** CORS policies, as Istio 1.30 checks them (validateCORSPolicy). */
import { ProblemCollector } from '../problem';
import { durationOf, isSet, list, obj, rule, str, validateDuration, validateOneof } from './fields';
import { corsHeaderNameError } from './headers';
import { matchKind, validateStringMatchRegexp } from './string-match';

/** The methods Go's net/http names, and `*` (supportedCORSMethods). */
export const CORS_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', '*']);

/** validateAllowOrigins: a non-empty exact, prefix or regex; a regex must compile. */
export function validateAllowOrigins(origin: unknown, problems: ProblemCollector, field: string | number): void {
  validateOneof(origin, ['exact', 'prefix', 'regex'], problems, field);
  const o = obj(origin);
  const kind = o ? matchKind(o) : undefined;
  if (!o || kind === undefined || o[kind] === '') {
    problems.error(field, origin, 'must be a non-empty exact, prefix or regex match', rule('validateAllowOrigins'));
    return;
  }
  validateStringMatchRegexp(o, problems, String(field), 'validateAllowOrigins');
}

/** validateCORSPolicy. */
export function validateCORSPolicy(policy: unknown, problems: ProblemCollector, field: string): void {
  const p = obj(policy);
  if (!p) return;
  const at = problems.at(field);
  const fn = rule('validateCORSPolicy');
  list(p.allowOrigins).forEach((origin, i) => validateAllowOrigins(origin, at.at('allowOrigins'), i));
  list(p.allowMethods).forEach((method, i) => {
    if (!CORS_METHODS.has(str(method))) at.at('allowMethods').error(i, method, `must be an HTTP method (${[...CORS_METHODS].join(', ')})`, rule('validateCORSHTTPMethod'));
  });
  for (const name of ['allowHeaders', 'exposeHeaders'] as const) {
    list(p[name]).forEach((header, i) => {
      const err = corsHeaderNameError(str(header));
      if (err) at.at(name).error(i, header, err, rule('ValidateCORSHTTPHeaderName'));
    });
  }
  if (isSet(p.maxAge)) {
    validateDuration(p.maxAge, at, 'maxAge');
    const ns = durationOf(p.maxAge, ProblemCollector.root(), 'maxAge');
    if (ns !== undefined && ns % 1000000000n !== 0n) at.error('maxAge', p.maxAge, 'must be a whole number of seconds', fn);
  }
}
