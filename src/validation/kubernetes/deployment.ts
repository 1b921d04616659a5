import { ProblemCollector } from '../problem';
import { intOrPercent, intOrPercentValue, isObject, nonNegative, notSupported } from './field';
import { validateWorkloadCommon } from './workload';

// Ported from kubernetes/kubernetes v1.34 `pkg/apis/apps/validation/validation.go` `ValidateDeployment`.

/** apps `ValidateDeployment` for `apps/v1/Deployment` as written (strategy defaults to RollingUpdate 25%/25%). */
export function validateDeployment(obj: any, p: ProblemCollector): void {
  const spec = validateWorkloadCommon(obj, p, 'deployment');
  if (!spec) return;
  const sp = p.at('spec');
  nonNegative(sp, 'replicas', spec.replicas, 'k8s ValidateDeploymentSpec');
  if (spec.progressDeadlineSeconds !== undefined && spec.progressDeadlineSeconds !== null) {
    nonNegative(sp, 'progressDeadlineSeconds', spec.progressDeadlineSeconds, 'k8s ValidateDeploymentSpec');
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      sp.error('progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds', 'k8s ValidateDeploymentSpec');
    }
  }
  const strategy = spec.strategy;
  if (!isObject(strategy)) return;
  const stp = sp.at('strategy');
  const type = strategy.type ?? 'RollingUpdate';
  if (type === 'Recreate') {
    if (strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
      stp.error('rollingUpdate', strategy.rollingUpdate, "may not be specified when strategy `type` is 'Recreate'", 'k8s ValidateDeploymentStrategy');
    }
  } else if (type === 'RollingUpdate') {
    const ru = strategy.rollingUpdate ?? {};
    const rp = stp.at('rollingUpdate');
    intOrPercent(rp, 'maxUnavailable', ru.maxUnavailable, true, 'k8s ValidateRollingUpdateDeployment');
    intOrPercent(rp, 'maxSurge', ru.maxSurge, false, 'k8s ValidateRollingUpdateDeployment');
    if ((intOrPercentValue(ru.maxUnavailable) ?? 25) === 0 && (intOrPercentValue(ru.maxSurge) ?? 25) === 0) {
      rp.error('maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0', 'k8s ValidateRollingUpdateDeployment');
    }
  } else {
    notSupported(stp, 'type', strategy.type, ['Recreate', 'RollingUpdate'], 'k8s ValidateDeploymentStrategy');
  }
}
