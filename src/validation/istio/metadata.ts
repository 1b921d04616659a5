/** The annotation checks Istio 1.30 runs before every kind's validator (validateMetadata). */
import { ProblemCollector } from '../problem';
import { obj, rule } from './fields';

const REFUSED: Record<string, string> = {
  'istio.io/dry-run': 'must not be set: only AuthorizationPolicy supports it',
  'internal.istio.io/webhook-always-reject': 'must not be set: Istio rejects every object that carries it',
  'internal.istio.io/parent-namespace': 'must not be set: it is internal to Istio',
  'internal.istio.io/parents': 'must not be set: it is internal to Istio',
};

/** validateMetadata / checkDryRunAnnotation (for kinds other than AuthorizationPolicy). */
export function validateMetadata(object: Record<string, any>, problems: ProblemCollector): void {
  const annotations = obj(obj(object.metadata)?.annotations) ?? {};
  for (const [key, message] of Object.entries(REFUSED)) {
    if (key in annotations) problems.at('metadata', 'annotations').error(key, annotations[key], message, rule('validateMetadata'));
  }
}
