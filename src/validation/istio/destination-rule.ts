/** DestinationRule, as Istio 1.30's webhook checks it (ValidateDestinationRule). */
import { ProblemCollector } from '../problem';
import { subsetNameError } from './destination';
import { entries, isSet, list, obj, rule, str, validateLabels } from './fields';
import { validateExportTo, wildcardDomainError } from './hosts';
import { validateMetadata } from './metadata';
import { validateTrafficPolicy } from './traffic-policy';

/** validateWorkloadSelector: no empty or wildcard keys/values; no labels warns. */
function validateWorkloadSelector(selector: unknown, problems: ProblemCollector, field: string): void {
  const s = obj(selector);
  if (!s) return;
  const fn = rule('validateWorkloadSelector');
  const labels = entries(s.matchLabels);
  for (const [k, v] of labels) {
    if (k === '') problems.at(field, 'matchLabels').error(k, v, 'must not have an empty key', fn);
    if (k.includes('*') || str(v).includes('*')) problems.at(field, 'matchLabels').error(k, v, 'must not hold wildcards', fn);
  }
  if (labels.length === 0) problems.warning(field, selector, 'has no labels', fn);
}

/** ValidateDestinationRule over a spec; `namespace` is the object's (exportTo, configmap:// credentials). */
export function validateDestinationRuleSpec(spec: Record<string, any>, problems: ProblemCollector, namespace = ''): void {
  const fn = rule('ValidateDestinationRule');
  const hostError = wildcardDomainError(str(spec.host));
  if (hostError) problems.error('host', spec.host, `must be a host name: ${hostError}`, rule('ValidateDestinationRule (agent.ValidateWildcardDomain)'));
  validateTrafficPolicy(namespace, spec.trafficPolicy, problems, 'trafficPolicy');
  const names = new Set<string>();
  list(spec.subsets).forEach((subset, i) => {
    const at = problems.at('subsets', i);
    const s = obj(subset);
    if (!s) {
      at.error('', subset, 'must not be null', fn);
      return;
    }
    const name = str(s.name);
    if (names.has(name)) at.error('name', name, 'must be unique among the subsets', fn);
    names.add(name);
    // validateSubset
    const nameError = subsetNameError(name);
    if (nameError) at.error('name', s.name, nameError, rule('validateSubset (validateSubsetName)'));
    validateLabels(s.labels, at, 'labels', 'validateSubset');
    validateTrafficPolicy(namespace, s.trafficPolicy, at, 'trafficPolicy');
  });
  validateExportTo(namespace, spec.exportTo, problems, 'exportTo', isSet(spec.workloadSelector));
  validateWorkloadSelector(spec.workloadSelector, problems, 'workloadSelector');
}

/** A whole DestinationRule object: metadata annotations, then the spec. */
export function validateDestinationRule(object: any, problems: ProblemCollector): void {
  const o = obj(object) ?? {};
  validateMetadata(o, problems);
  validateDestinationRuleSpec(obj(o.spec) ?? {}, problems.at('spec'), str(obj(o.metadata)?.namespace));
}
