import { ProblemCollector } from '../problem';
import { isObject, nonNegative, notSupported, REQUIRED } from './field';
import { selectorIsEmpty, selectorMatches, validateLabelSelector } from './label-selector';
import { nameIsDnsSubdomain, validateObjectMeta } from './object-meta';
import { validatePodTemplateSpec } from './pod-spec';

/**
 * What Deployment and DaemonSet share (kubernetes/kubernetes v1.34 `pkg/apis/apps/validation`): a non-empty
 * selector that selects the template's labels (`ValidatePodTemplateSpecForReplicaSet`), a pod template with
 * restartPolicy Always and no activeDeadlineSeconds.
 */
export function validateWorkloadCommon(obj: any, p: ProblemCollector, kind: 'deployment' | 'daemonset'): any {
  validateObjectMeta(obj, p, nameIsDnsSubdomain, false);
  const spec = obj?.spec;
  const sp = p.at('spec');
  if (!isObject(spec)) {
    sp.error('', spec, REQUIRED, 'k8s ValidateDeploymentSpec');
    return undefined;
  }
  const specRule = kind === 'deployment' ? 'k8s ValidateDeploymentSpec' : 'k8s ValidateDaemonSetSpec';
  if (!isObject(spec.selector)) {
    sp.error('selector', spec.selector, REQUIRED, specRule);
  } else {
    validateLabelSelector(spec.selector, sp.at('selector'));
    if (selectorIsEmpty(spec.selector)) {sp.error('selector', spec.selector, `empty selector is invalid for ${kind}`, specRule);} else if (isObject(spec.template) && !selectorMatches(spec.selector, spec.template.metadata?.labels)) {
      sp.at('template', 'metadata').error('labels', spec.template.metadata?.labels, '`selector` does not match template `labels`', 'k8s ValidatePodTemplateSpecForReplicaSet');
    }
  }
  validatePodTemplateSpec(spec.template, sp.at('template'));
  const podSpec = spec.template?.spec;
  if (podSpec?.restartPolicy !== undefined && podSpec.restartPolicy !== 'Always') {
    notSupported(sp.at('template', 'spec'), 'restartPolicy', podSpec.restartPolicy, ['Always'], 'k8s ValidatePodTemplateSpecForReplicaSet');
  }
  if (podSpec?.activeDeadlineSeconds !== undefined && podSpec?.activeDeadlineSeconds !== null) {
    sp.at('template', 'spec').error('activeDeadlineSeconds', podSpec.activeDeadlineSeconds, `must not be set: activeDeadlineSeconds in ${kind === 'deployment' ? 'ReplicaSet' : 'DaemonSet'} is not Supported`, 'k8s ValidatePodTemplateSpecForReplicaSet');
  }
  nonNegative(sp, 'minReadySeconds', spec.minReadySeconds, specRule);
  nonNegative(sp, 'revisionHistoryLimit', spec.revisionHistoryLimit, specRule);
  return spec;
}
