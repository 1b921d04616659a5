import { ObjectValidator } from '../validator';
import { validateConfigMap } from './config-map';
import { validateDaemonSet } from './daemon-set';
import { validateDeployment } from './deployment';
import { validateHorizontalPodAutoscaler } from './horizontal-pod-autoscaler';
import { nameIsDnsLabel, nameIsDnsSubdomain, validateObjectMeta } from './object-meta';
import { validatePodDisruptionBudget } from './pod-disruption-budget';
import { validateRole, validateRoleBinding, validateServiceAccount } from './rbac';
import { validateService } from './service';

/**
 * The kubernetes validators, keyed by `apiVersion/kind` (`apps/v1/Deployment`), ported from Kubernetes v1.34.
 * The library writes no Lease (the controller's RBAC only grants access to them), so none is registered.
 */
export const VALIDATORS: Record<string, ObjectValidator> = {
  'v1/Service': validateService,
  'v1/ConfigMap': validateConfigMap,
  'v1/ServiceAccount': validateServiceAccount,
  'v1/Namespace': (obj, p) => validateObjectMeta(obj, p, nameIsDnsLabel, true),
  'v1/Secret': (obj, p) => validateObjectMeta(obj, p, nameIsDnsSubdomain, false),
  'apps/v1/Deployment': validateDeployment,
  'apps/v1/DaemonSet': validateDaemonSet,
  'policy/v1/PodDisruptionBudget': validatePodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': validateHorizontalPodAutoscaler,
  'rbac.authorization.k8s.io/v1/Role': (obj, p) => validateRole(obj, p, true),
  'rbac.authorization.k8s.io/v1/ClusterRole': (obj, p) => validateRole(obj, p, false),
  'rbac.authorization.k8s.io/v1/RoleBinding': (obj, p) => validateRoleBinding(obj, p, true),
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': (obj, p) => validateRoleBinding(obj, p, false),
};
