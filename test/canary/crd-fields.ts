import * as istio from '../../imports/networking.istio.io';
import { ManifestObject, only } from '../util/validate';

/** The bindings' own spelling of CRD fields that cdk8s's import re-cases (`consecutive5xxErrors`). */
const BINDING_KEYS: Record<string, string> = { consecutive5xxErrors: 'consecutive5XxErrors' };

function asBindingInput(value: any): any {
  if (Array.isArray(value)) return value.map(asBindingInput);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [BINDING_KEYS[k] ?? k, asBindingInput(v)]));
}

/**
 * The shared schema oracle accepts unknown keys, so it cannot tell a misspelt field from a real one. The
 * Istio bindings (imports/, generated from Istio 1.30.3's CRDs) keep only the CRD's own fields: a spec that
 * survives their `toJson_*` unchanged has every key where the CRD defines it.
 */
export function expectCrdFields(objects: readonly ManifestObject[]): { vs: any; dr: any } {
  const vs = only(objects, 'VirtualService').spec;
  const dr = only(objects, 'DestinationRule').spec;
  expect(istio.toJson_VirtualServiceSpec(asBindingInput(vs))).toEqual(vs);
  expect(istio.toJson_DestinationRuleSpec(asBindingInput(dr))).toEqual(dr);
  return { vs, dr };
}
