import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { checkConstructArgs, propError, restrictedContainer, runtimeDefaultSeccomp } from '../common';
import { CustomResourceDefinition } from './custom-resource-definition';
import { isDns1123Label } from './names';
import { AccessGrant } from './rbac';
import { validateWrittenObjects } from '../validation/construct';

/**
 * Props of a CustomResourceController.
 */
export interface CustomResourceControllerProps {
  /** The CRD whose objects the controller reconciles. */
  readonly definition: CustomResourceDefinition;

  /** The controller's container: image, args, env, resources, probes. */
  readonly container: kplus.ContainerProps;

  /**
   * The namespace the controller runs in (its Deployment, ServiceAccount and leader-election Lease).
   *
   * @default - the chart's namespace; one of the two is required
   */
  readonly namespace?: string;

  /**
   * Number of controller pods. More than one needs leader election (one active, the others on standby).
   *
   * @default 1
   */
  readonly replicas?: number;

  /**
   * Grants the Lease permissions leader election needs (`coordination.k8s.io` leases: get, create,
   * update) in the controller's namespace. Turn the election on in the controller itself
   * (e.g. controller-runtime's `--leader-elect`).
   *
   * @default true
   */
  readonly leaderElection?: boolean;

  /**
   * Grants `create` and `patch` on core `events`, which client-go's event recorder needs to report
   * what the controller did (`kubectl describe` shows them; repeated events are patched to count up).
   *
   * @default true
   */
  readonly recordEvents?: boolean;

  /**
   * Watch the custom resources of this namespace only (Role and RoleBinding there).
   *
   * @default - all namespaces (ClusterRole and ClusterRoleBinding)
   */
  readonly watchNamespace?: string;

  /**
   * Applies the restricted Pod Security Standard: all capabilities dropped, seccomp RuntimeDefault,
   * on top of cdk8s-plus's non-root, read-only root filesystem, no privilege escalation.
   *
   * @default true
   */
  readonly restrictedSecurity?: boolean;
}

/**
 * Deploys the controller of a custom resource: a Deployment running as its own ServiceAccount, with
 * exactly the permissions a client-go informer-based controller needs:
 *
 * - get, list, watch on `<plural>` (the informer), update and patch on `<plural>/status` (when the CRD
 *   has the status subresource), in all namespaces or `watchNamespace`;
 * - get, create, update on `coordination.k8s.io` leases in its own namespace (leader election);
 * - create, patch on core events (the event recorder).
 *
 * More (e.g. creating Pods) is one call away: `AccessGrant.of(controller.serviceAccount).allow(...)`
 * or `crd.grantFullAccess(controller.serviceAccount)`.
 */
export class CustomResourceController extends Construct {
  /** The controller's Deployment. */
  public readonly deployment: kplus.Deployment;

  /** The ServiceAccount the controller runs as. */
  public readonly serviceAccount: kplus.ServiceAccount;

  /** The permissions on the custom resources (and events), cluster-wide or in `watchNamespace`. */
  public readonly access: AccessGrant;

  /**
   * The leader-election permissions in the controller's namespace.
   *
   * @default - none when `leaderElection` is false
   */
  public readonly leaderElectionAccess?: AccessGrant;

  /**
   * Defines the construct; see the props for what it writes and checks.
   *
   * @param scope the construct this one is defined in (a Chart, or a construct in one)
   * @param id the id, unique among the children of `scope`; the construct path ends with it
   * @param props the settings (CustomResourceControllerProps)
   */
  constructor(scope: Construct, id: string, props: CustomResourceControllerProps) {
    super(checkConstructArgs('CustomResourceController', scope, id, props), id);
    validateWrittenObjects(this);
    const replicas = props.replicas ?? 1;
    const leaderElection = props.leaderElection ?? true;
    const recordEvents = props.recordEvents ?? true;
    const restricted = props.restrictedSecurity ?? true;
    if (!Number.isInteger(replicas) || replicas < 0) {
      throw propError(this, 'replicas', replicas, 'must be an integer >= 0');
    }
    if (replicas > 1 && !leaderElection) {
      throw propError(this, 'replicas', replicas, 'must be at most 1 when leaderElection is false: several active controllers would reconcile the same objects');
    }
    const namespace = props.namespace ?? Chart.of(this).namespace;
    if (namespace === undefined) {
      throw propError(this, 'namespace', namespace, 'must be set, here or on the chart: the ServiceAccount must live in a namespace to be bound, and so does the leader-election Lease');
    }
    if (!isDns1123Label(namespace)) {
      throw propError(this, 'namespace', namespace, 'must be a namespace name (a DNS-1123 label: lowercase letters, digits and "-")');
    }

    if (props.watchNamespace !== undefined && !isDns1123Label(props.watchNamespace)) {
      throw propError(this, 'watchNamespace', props.watchNamespace, 'must be a namespace name (a DNS-1123 label: lowercase letters, digits and "-")');
    }

    this.serviceAccount = new kplus.ServiceAccount(this, 'ServiceAccount', { metadata: { namespace } });
    this.deployment = new kplus.Deployment(this, 'Deployment', {
      metadata: { namespace },
      replicas,
      serviceAccount: this.serviceAccount,
      // the controller talks to the API server with its ServiceAccount token
      automountServiceAccountToken: true,
      containers: [restricted ? restrictedContainer(props.container) : props.container],
    });
    if (restricted) runtimeDefaultSeccomp(this.deployment);

    const watch = { namespace: props.watchNamespace };
    this.access = props.definition.grantWatch(this.serviceAccount, watch);
    if (props.definition.hasStatusSubresource) props.definition.grantStatusUpdate(this.serviceAccount, watch);
    if (recordEvents) this.access.allow('', 'events', ['create', 'patch']);
    if (leaderElection) {
      this.leaderElectionAccess = AccessGrant.of(this.serviceAccount, { namespace });
      this.leaderElectionAccess.allow('coordination.k8s.io', 'leases', ['get', 'create', 'update']);
      if (recordEvents) this.leaderElectionAccess.allow('', 'events', ['create', 'patch']);
    }
  }
}
