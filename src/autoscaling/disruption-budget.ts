import { ApiObject, ApiObjectMetadata, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { propMessage } from '../common';

/**
 * The PodDisruptionBudget `AutoscalingOptions.podDisruptionBudget` asks for: `maxUnavailable: 1` and
 * `unhealthyPodEvictionPolicy: AlwaysAllow` over the workload's pod selector (read at synth, so later
 * `select()` calls count). See `AutoscalingOptions.podDisruptionBudget` for why this rule. Internal.
 */
export function createDisruptionBudget(scope: Construct, id: string, workload: kplus.Workload, metadata: ApiObjectMetadata): ApiObject {
  const selector = () => {
    const expressions = workload.matchExpressions;
    return {
      matchLabels: Object.keys(workload.matchLabels).length > 0 ? workload.matchLabels : undefined,
      matchExpressions: expressions.length > 0 ? expressions.map(e => ({ key: e.key, operator: e.operator, values: e.values })) : undefined,
    };
  };
  const pdb = new ApiObject(scope, id, {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata,
    spec: Lazy.any({ produce: () => ({ maxUnavailable: 1, selector: selector(), unhealthyPodEvictionPolicy: 'AlwaysAllow' }) }),
  });
  pdb.node.addValidation({
    validate: () => {
      const s = selector();
      return s.matchLabels || s.matchExpressions ? [] : [propMessage('podDisruptionBudget', true,
        `needs a pod selector, but ${workload.node.path} selects no labels (an empty PodDisruptionBudget selector matches every pod in the namespace)`)];
    },
  });
  return pdb;
}
