import { ProblemCollector } from '../problem';
import { intOrPercent, isObject, isSet, notSupported } from './field';
import { validateLabelSelector } from './label-selector';
import { nameIsDnsSubdomain, validateObjectMeta } from './object-meta';

// Ported from kubernetes/kubernetes v1.34 `pkg/apis/policy/validation/validation.go`.

/** policy `ValidatePodDisruptionBudget` / `ValidatePodDisruptionBudgetSpec` for `policy/v1/PodDisruptionBudget`. */
export function validatePodDisruptionBudget(obj: any, p: ProblemCollector): void {
  validateObjectMeta(obj, p, nameIsDnsSubdomain, false);
  const spec = obj?.spec;
  if (!isObject(spec)) return;
  const sp = p.at('spec');
  const rule = 'k8s ValidatePodDisruptionBudgetSpec';
  const hasMin = spec.minAvailable !== undefined && spec.minAvailable !== null;
  const hasMax = spec.maxUnavailable !== undefined && spec.maxUnavailable !== null;
  if (hasMin && hasMax) sp.error('', spec, 'minAvailable and maxUnavailable cannot be both set', rule);
  intOrPercent(sp, 'minAvailable', spec.minAvailable, true, rule);
  intOrPercent(sp, 'maxUnavailable', spec.maxUnavailable, true, rule);
  validateLabelSelector(spec.selector, sp.at('selector'));
  const policies = ['AlwaysAllow', 'IfHealthyBudget'];
  if (isSet(spec.unhealthyPodEvictionPolicy) && !policies.includes(spec.unhealthyPodEvictionPolicy)) {
    notSupported(sp, 'unhealthyPodEvictionPolicy', spec.unhealthyPodEvictionPolicy, policies, rule);
  }
}
