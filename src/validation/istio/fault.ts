/** HTTP fault injection, as Istio 1.30 checks it (validateHTTPFaultInjection*). */
import { ProblemCollector } from '../problem';
import { isSet, obj, rule, validateDuration, validateOneof, validatePercentage } from './fields';

/** The gRPC status names Go's grpc-go defines (pkg/util/grpc SupportedGRPCStatus). */
export const GRPC_STATUS = new Set([
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE',
  'DATA_LOSS', 'UNAUTHENTICATED',
]);

/** validateHTTPStatus: 200..600 (the message says 200-599; upstream lets 600 through). */
export function httpStatusError(status: number): string | undefined {
  return status < 200 || status > 600 ? 'must be an HTTP status from 200 to 600' : undefined;
}

/** validateHTTPFaultInjectionAbort: percentage, and one of httpStatus or grpcStatus (http2Error is not supported). */
export function validateHTTPFaultInjectionAbort(abort: unknown, problems: ProblemCollector, field: string): void {
  const a = obj(abort);
  if (!a) return;
  const at = problems.at(field);
  const fn = 'validateHTTPFaultInjectionAbort';
  validateOneof(a, ['httpStatus', 'grpcStatus', 'http2Error'], problems, field);
  validatePercentage(a.percentage, at, 'percentage', fn);
  if (typeof a.grpcStatus === 'string') {
    if (!GRPC_STATUS.has(a.grpcStatus)) at.error('grpcStatus', a.grpcStatus, `must be a gRPC status name (${[...GRPC_STATUS].join(', ')})`, rule(`${fn} (validateGRPCStatus)`));
  } else if (typeof a.http2Error === 'string') {
    at.error('http2Error', a.http2Error, 'is not supported by Istio yet (HTTP/2 abort fault injection)', rule(fn));
  } else if (typeof a.httpStatus === 'number') {
    const err = httpStatusError(a.httpStatus);
    if (err) at.error('httpStatus', a.httpStatus, err, rule(`${fn} (validateHTTPStatus)`));
  } else {
    at.warning('', abort, 'sets no error type (httpStatus or grpcStatus): the abort does nothing', rule(fn));
  }
}

/** validateHTTPFaultInjectionDelay: percentage, fixedDelay (exponentialDelay is not supported). */
export function validateHTTPFaultInjectionDelay(delay: unknown, problems: ProblemCollector, field: string): void {
  const d = obj(delay);
  if (!d) return;
  const at = problems.at(field);
  const fn = 'validateHTTPFaultInjectionDelay';
  validateOneof(d, ['fixedDelay', 'exponentialDelay'], problems, field);
  validatePercentage(d.percentage, at, 'percentage', fn);
  if (isSet(d.fixedDelay)) {
    validateDuration(d.fixedDelay, at, 'fixedDelay');
  } else if (isSet(d.exponentialDelay)) {
    validateDuration(d.exponentialDelay, at, 'exponentialDelay');
    at.error('exponentialDelay', d.exponentialDelay, 'is not supported by Istio yet', rule(fn));
  }
}

/** validateHTTPFaultInjection: an abort, a delay or both. */
export function validateHTTPFaultInjection(fault: unknown, problems: ProblemCollector, field: string): void {
  const f = obj(fault);
  if (!f) return;
  if (!isSet(f.abort) && !isSet(f.delay)) problems.error(field, fault, 'must set an abort, a delay or both', rule('validateHTTPFaultInjection'));
  validateHTTPFaultInjectionAbort(f.abort, problems.at(field), 'abort');
  validateHTTPFaultInjectionDelay(f.delay, problems.at(field), 'delay');
}
