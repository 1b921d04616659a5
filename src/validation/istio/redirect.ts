/** Redirects, rewrites and direct responses, as Istio 1.30 checks them (validation.go). */
import { ProblemCollector } from '../problem';
import { httpStatusError } from './fault';
import { isSet, num, obj, rule, str, validateOneof, validatePort } from './fields';
import { validateStringRegexp } from './string-match';

const KB = 1024;
const MB = 1024 * KB;

/** validateHTTPRedirect: at least one of uri, authority, scheme, port; a 3xx code; http or https. */
export function validateHTTPRedirect(redirect: unknown, problems: ProblemCollector, field: string): void {
  const r = obj(redirect);
  if (!r) return;
  const at = problems.at(field);
  const fn = rule('validateHTTPRedirect');
  validateOneof(r, ['port', 'derivePort'], problems, field);
  // upstream returns at the first problem
  const hasPort = isSet(r.port) || isSet(r.derivePort);
  if (str(r.uri) === '' && str(r.authority) === '' && !hasPort && str(r.scheme) === '') {
    at.error('', redirect, 'must set uri, authority, scheme or port', fn);
    return;
  }
  const code = num(r.redirectCode);
  if (code !== 0 && (code < 300 || code > 399)) {
    at.error('redirectCode', r.redirectCode, 'must be a 3xx status code', fn);
    return;
  }
  const scheme = str(r.scheme);
  if (scheme !== '' && scheme !== 'http' && scheme !== 'https') {
    at.error('scheme', r.scheme, 'must be "http" or "https"', fn);
    return;
  }
  if (num(r.port) > 0) validatePort(num(r.port), at, 'port', 'validateHTTPRedirect');
}

/** validateURIRegexRewrite: both match and rewrite, match a valid RE2 regex. */
export function validateURIRegexRewrite(regexRewrite: unknown, problems: ProblemCollector, field: string): void {
  const r = obj(regexRewrite);
  if (!r) return;
  if (str(r.match) === '' || str(r.rewrite) === '') {
    problems.error(field, regexRewrite, 'must set both match and rewrite', rule('validateURIRegexRewrite'));
    return;
  }
  validateStringRegexp(r.match, problems.at(field), 'match', 'validateURIRegexRewrite');
}

/** validateHTTPRewrite: uri or uriRegexRewrite (not both), or authority. */
export function validateHTTPRewrite(rewrite: unknown, problems: ProblemCollector, field: string): void {
  const r = obj(rewrite);
  if (!r) return;
  const fn = rule('validateHTTPRewrite');
  if (str(r.uri) !== '' && isSet(r.uriRegexRewrite)) {
    problems.error(field, rewrite, 'must set only one of uri and uriRegexRewrite', fn);
    return;
  }
  if (str(r.uri) === '' && !isSet(r.uriRegexRewrite) && str(r.authority) === '') {
    problems.error(field, rewrite, 'must set uri, uriRegexRewrite or authority', fn);
    return;
  }
  validateURIRegexRewrite(r.uriRegexRewrite, problems.at(field), 'uriRegexRewrite');
}

/** The size of a `bytes` field as written in JSON (base64). */
function base64Size(text: string): number {
  const clean = text.replace(/[\s=]/g, '');
  return Math.floor((clean.length * 3) / 4);
}

/** validateHTTPDirectResponse: a status from 200 to 599; a body under 1MB (a warning over 100KB). */
export function validateHTTPDirectResponse(directResponse: unknown, problems: ProblemCollector, field: string): void {
  const d = obj(directResponse);
  if (!d) return;
  const at = problems.at(field);
  const fn = rule('validateHTTPDirectResponse');
  const body = obj(d.body);
  validateOneof(body, ['string', 'bytes'], at, 'body');
  if (body) {
    const size = typeof body.string === 'string' ? Buffer.byteLength(body.string, 'utf8') : typeof body.bytes === 'string' ? base64Size(body.bytes) : 0;
    if (size > MB) at.error('body', `${size} bytes`, 'must be less than 1MB: large direct responses impact control plane performance', fn);
    else if (size > 100 * KB) at.warning('body', `${size} bytes`, 'is over 100KB: large direct responses may impact control plane performance', fn);
  }
  const err = httpStatusError(num(d.status));
  if (err) at.error('status', d.status, err, rule('validateHTTPDirectResponse (validateHTTPStatus)'));
}
