import { ProblemCollector } from '../problem';
import { intOrPercent, intOrPercentValue, isObject, notSupported } from './field';
import { validateWorkloadCommon } from './workload';

// Ported from kubernetes/kubernetes v1.34 `pkg/apis/apps/validation/validation.go` `ValidateDaemonSet`.

/** apps `ValidateDaemonSet` for `apps/v1/DaemonSet` as written (updateStrategy defaults to RollingUpdate 1/0). */
export function validateDaemonSet(obj: any, p: ProblemCollector): void {
  const spec = validateWorkloadCommon(obj, p, 'daemonset');
  if (!spec || !isObject(spec.updateStrategy)) return;
  const up = p.at('spec', 'updateStrategy');
  const type = spec.updateStrategy.type ?? 'RollingUpdate';
  if (type === 'OnDelete') return;
  if (type !== 'RollingUpdate') return notSupported(up, 'type', spec.updateStrategy.type, ['OnDelete', 'RollingUpdate'], 'k8s ValidateDaemonSetUpdateStrategy');
  const ru = spec.updateStrategy.rollingUpdate ?? {};
  const rp = up.at('rollingUpdate');
  const rule = 'k8s ValidateRollingUpdateDaemonSet';
  intOrPercent(rp, 'maxUnavailable', ru.maxUnavailable, true, rule);
  intOrPercent(rp, 'maxSurge', ru.maxSurge, true, rule);
  const unavailable = intOrPercentValue(ru.maxUnavailable) ?? 1;
  const surge = intOrPercentValue(ru.maxSurge) ?? 0;
  if (unavailable === 0 && surge === 0) rp.error('maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0', rule);
  if (unavailable !== 0 && surge !== 0) rp.error('maxSurge', ru.maxSurge, 'may not be set when maxUnavailable is non-zero', rule);
}
