import { dns1123SubdomainErrors, pathSegmentNameErrors } from '../../common/names';
import { ProblemCollector } from '../problem';
import { each, isObject, isSet, listOf, notSupported, REQUIRED } from './field';
import { validateLabelSelector } from './label-selector';
import { nameIsDnsSubdomain, nameIsPathSegment, validateObjectMeta } from './object-meta';

// Ported from kubernetes/kubernetes v1.34 `pkg/apis/rbac/validation/validation.go` (names: `ValidateRBACName`,
// apimachinery `path.IsValidPathSegmentName`) and core `ValidateServiceAccount`.

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** core `ValidateServiceAccount` for `v1/ServiceAccount`. */
export function validateServiceAccount(obj: any, p: ProblemCollector): void {
  validateObjectMeta(obj, p, nameIsDnsSubdomain, false);
}

/** rbac `ValidatePolicyRule`. */
function validatePolicyRule(rule: any, namespaced: boolean, p: ProblemCollector): void {
  const fn = 'k8s ValidatePolicyRule';
  if (listOf(rule?.verbs).length === 0) p.error('verbs', rule?.verbs, `${REQUIRED}: verbs must contain at least one value`, fn);
  if (listOf(rule?.nonResourceURLs).length > 0) {
    if (namespaced) p.error('nonResourceURLs', rule.nonResourceURLs, 'namespaced rules cannot apply to non-resource URLs', fn);
    if (listOf(rule.apiGroups).length > 0 || listOf(rule.resources).length > 0) {
      p.error('nonResourceURLs', rule.nonResourceURLs, 'rules cannot apply to both regular resources and non-resource URLs', fn);
    }
    return;
  }
  if (listOf(rule?.apiGroups).length === 0) p.error('apiGroups', rule?.apiGroups, `${REQUIRED}: resource rules must supply at least one api group`, fn);
  if (listOf(rule?.resources).length === 0) p.error('resources', rule?.resources, `${REQUIRED}: resource rules must supply at least one resource`, fn);
}

/** rbac `ValidateRole` (`namespaced`) and `ValidateClusterRole`. */
export function validateRole(obj: any, p: ProblemCollector, namespaced: boolean): void {
  validateObjectMeta(obj, p, nameIsPathSegment, !namespaced);
  listOf(obj?.rules).forEach((r, i) => validatePolicyRule(r, namespaced, p.at('rules', i)));
  if (!namespaced && isObject(obj?.aggregationRule)) {
    const selectors = listOf(obj.aggregationRule.clusterRoleSelectors);
    if (selectors.length === 0) {
      p.at('aggregationRule').error('clusterRoleSelectors', obj.aggregationRule.clusterRoleSelectors, `${REQUIRED}: at least one clusterRoleSelector required if aggregationRule is non-nil`, 'k8s ValidateClusterRole');
    }
    selectors.forEach((s, i) => validateLabelSelector(s, p.at('aggregationRule', 'clusterRoleSelectors', i)));
  }
}

/** rbac `ValidateRoleBindingSubject`. */
function validateSubject(s: any, namespaced: boolean, p: ProblemCollector): void {
  const fn = 'k8s ValidateRoleBindingSubject';
  if (!isSet(s?.name)) p.error('name', s?.name, REQUIRED, fn);
  switch (s?.kind) {
    case 'ServiceAccount':
      if (isSet(s.name)) each(p, 'name', s.name, dns1123SubdomainErrors(String(s.name)), fn);
      if (isSet(s.apiGroup)) notSupported(p, 'apiGroup', s.apiGroup, [''], fn);
      if (!namespaced && !isSet(s.namespace)) p.error('namespace', s.namespace, REQUIRED, fn);
      break;
    case 'User':
    case 'Group':
      if (s.apiGroup !== RBAC_GROUP) notSupported(p, 'apiGroup', s.apiGroup, [RBAC_GROUP], fn);
      break;
    default:
      notSupported(p, 'kind', s?.kind, ['ServiceAccount', 'User', 'Group'], fn);
  }
}

/** rbac `ValidateRoleBinding` (`namespaced`) and `ValidateClusterRoleBinding`. */
export function validateRoleBinding(obj: any, p: ProblemCollector, namespaced: boolean): void {
  validateObjectMeta(obj, p, nameIsPathSegment, !namespaced);
  const fn = namespaced ? 'k8s ValidateRoleBinding' : 'k8s ValidateClusterRoleBinding';
  const ref = obj?.roleRef;
  const rp = p.at('roleRef');
  if (ref?.apiGroup !== RBAC_GROUP) notSupported(rp, 'apiGroup', ref?.apiGroup, [RBAC_GROUP], fn);
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref?.kind)) notSupported(rp, 'kind', ref?.kind, kinds, fn);
  if (!isSet(ref?.name)) rp.error('name', ref?.name, REQUIRED, fn);
  else each(rp, 'name', ref.name, pathSegmentNameErrors(String(ref.name)), fn);
  listOf(obj?.subjects).forEach((s, i) => validateSubject(s, namespaced, p.at('subjects', i)));
}
