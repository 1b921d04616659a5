/**
 * Running upstream Gateway API CEL test cases through our validation layer.
 *
 * Upstream (`sigs.k8s.io/gateway-api`, tag v1.5.1, commit e7677b70ae75d14a4448fba94870e7deea6cf0ad, the
 * version Istio 1.30 pins) creates each object against a real API server with the Standard channel CRDs
 * and checks that it is refused exactly when `wantErrors` is non-empty, each wanted string appearing in the
 * error. We do the same with `validateObject`: an object is refused when the layer reports an error, and each
 * wanted string must be found in a Problem (the CEL message in its `rule`, or the field value and path the
 * API server's schema error names).
 */
import { Problem, ProblemSeverity, validateObject } from '../../../src/validation';

/** One upstream case, name kept. */
export interface UpstreamCase {
  readonly name: string;
  readonly wantErrors?: readonly string[];
  /** The object's spec, as the Go test builds it (JSON form: nil pointers and omitempty fields left out). */
  readonly spec: any;
  /** Why a CanaryService can never write such an object (the case still runs through the validator). */
  readonly notExpressible?: string;
}

/** One upstream test function's table. */
export interface UpstreamTable {
  readonly test: string;
  readonly kind: 'HTTPRoute' | 'Gateway';
  readonly cases: readonly UpstreamCase[];
}

/** Whether an upstream error string is among our Problems. */
export function foundUpstreamError(problems: readonly Problem[], wantError: string): boolean {
  const invalid = /^Invalid value: "(.*?)"(?:: (\S+) in body should match)?/.exec(wantError);
  if (invalid) return problems.some(p => p.value === invalid[1] && (invalid[2] === undefined || p.path === invalid[2]));
  const unsupported = /^Unsupported value: "(.*)"$/.exec(wantError);
  if (unsupported) return problems.some(p => p.value === unsupported[1] && p.message.includes('supported values'));
  return problems.some(p => p.rule.includes(wantError) || p.message.includes(wantError));
}

export interface CaseResult {
  readonly table: string;
  readonly name: string;
  readonly upstreamRefuses: boolean;
  readonly weRefuse: boolean;
  readonly missing: string[];
  readonly expressible: boolean;
}

/** Runs one case: the object as the upstream test creates it (namespace default). */
export function runCase(table: UpstreamTable, c: UpstreamCase): CaseResult {
  const obj = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: table.kind,
    metadata: { name: 'foo', namespace: 'default' },
    spec: c.spec,
  };
  const errors = validateObject(obj).filter(p => p.severity === ProblemSeverity.ERROR);
  const wanted = c.wantErrors ?? [];
  return {
    table: table.test,
    name: c.name,
    upstreamRefuses: wanted.length > 0,
    weRefuse: errors.length > 0,
    missing: wanted.filter(w => !foundUpstreamError(errors, w)),
    expressible: c.notExpressible === undefined,
  };
}
