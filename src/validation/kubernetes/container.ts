import { ProblemCollector } from '../problem';
import { duplicate, isObject, listOf, notSupported, REQUIRED } from './field';

// Container rules ported from kubernetes/kubernetes v1.34 `pkg/apis/core/validation/validation.go` that the pod spec
// validator calls per container list (validateContainers, validateInitContainers, validateContainerCommon). Values are
// read as written, before the API server's defaulting: a defaulted field is treated as its default when missing.

const RESIZE_RESOURCES = ['cpu', 'memory'];
const RESIZE_POLICIES = ['NotRequired', 'RestartContainer'];

/**
 * core `AccumulateUniqueHostPorts` (through `checkHostPortConflicts`): a non-zero hostPort may appear once per
 * protocol and hostIP across `containers` (all regular containers together; each init container on its own). The
 * protocol the API server defaults (TCP) stands in for a missing one. `indexOf` maps a position in `containers`
 * to the container's index in its list.
 */
export function checkHostPortConflicts(containers: readonly unknown[], p: ProblemCollector, indexOf: (i: number) => number = i => i): void {
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    listOf(isObject(c) ? c.ports : undefined).forEach((port, pi) => {
      const hostPort = port?.hostPort;
      if (hostPort === undefined || hostPort === null || hostPort === 0) return;
      const key = `${port.protocol ?? 'TCP'}/${port.hostIP ?? ''}/${hostPort}`;
      if (seen.has(key)) duplicate(p.at(indexOf(ci), 'ports', pi), 'hostPort', key, 'k8s AccumulateUniqueHostPorts');
      else seen.add(key);
    });
  });
}

/**
 * core `validateResizePolicy`: each entry names cpu or memory once, with policy NotRequired or RestartContainer, and
 * NotRequired when the pod's restartPolicy is Never. Upstream reports at the list itself (duplicates at the entry).
 */
export function validateResizePolicy(policies: unknown, p: ProblemCollector, podRestartPolicy: unknown): void {
  const rule = 'k8s validateResizePolicy';
  const resources = new Set<unknown>();
  listOf(policies).forEach((entry, i) => {
    const name = entry?.resourceName;
    const policy = entry?.restartPolicy;
    if (resources.has(name)) duplicate(p, i, name, rule);
    resources.add(name);
    if (name === undefined || name === null || name === '') p.error('', name, REQUIRED, rule);
    else if (!RESIZE_RESOURCES.includes(name)) notSupported(p, '', name, RESIZE_RESOURCES, rule);
    if (policy === undefined || policy === null || policy === '') p.error('', policy, REQUIRED, rule);
    else if (!RESIZE_POLICIES.includes(policy)) notSupported(p, '', policy, RESIZE_POLICIES, rule);
    if (podRestartPolicy === 'Never' && policy !== 'NotRequired') {
      p.error('', policy, "must be 'NotRequired' when `restartPolicy` is 'Never'", rule);
    }
  });
}
