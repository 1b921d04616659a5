import { ApiObject, JsonPatch } from 'cdk8s';

/**
 * Removes the namespace cdk8s copies from the chart onto every object, for cluster-scoped kinds
 * (CustomResourceDefinition, ClusterRole, ClusterRoleBinding, cluster-scoped custom resources).
 */
export function withoutNamespace(obj: ApiObject): void {
  if (obj.metadata.namespace !== undefined) obj.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
}
