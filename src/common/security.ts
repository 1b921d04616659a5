import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { addLibraryPatch } from './patches';
import { overlay } from './props';

/** Kubernetes' `ALL` capability, which cdk8s-plus-27's Capability enum lacks. */
const ALL_CAPABILITIES = 'ALL' as kplus.Capability;

/**
 * Container props with the restricted Pod Security Standard applied where the user left them open:
 * on top of cdk8s-plus's defaults (runAsNonRoot, no privilege escalation, read-only root filesystem,
 * not privileged), all capabilities are dropped unless `securityContext.capabilities` is given.
 */
export function restrictedContainer(props: kplus.ContainerProps): kplus.ContainerProps {
  const securityContext = props.securityContext ?? {};
  return overlay(props, {
    securityContext: overlay(securityContext, { capabilities: securityContext.capabilities ?? { drop: [ALL_CAPABILITIES] } }),
  });
}

/**
 * Sets `seccompProfile: RuntimeDefault` on a workload's pod securityContext (cdk8s-plus has no prop for it).
 */
export function runtimeDefaultSeccomp(workload: kplus.Workload): void {
  addLibraryPatch(ApiObject.of(workload), JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }));
}
