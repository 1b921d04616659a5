import { ApiObject, Chart, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { checkArgs, isPathSegmentName, PATH_SEGMENT_RULE, propError, propMessage } from '../common';
import { withoutNamespace } from './cluster-scoped';
import { isDns1123Label } from './names';

/**
 * Where a grant applies.
 */
export interface GrantOptions {
  /**
   * Grant only in this namespace, with a Role and a RoleBinding there.
   *
   * @default - cluster-wide, with a ClusterRole and a ClusterRoleBinding
   */
  readonly namespace?: string;
}

const VERB_ORDER = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];

/**
 * The RBAC permissions granted to one subject in one place (cluster-wide or one namespace): a
 * ClusterRole and ClusterRoleBinding, or a Role and RoleBinding, holding exactly the verbs asked for.
 *
 * Every grant to the same subject and place lands in the same role, one rule per resource, so asking
 * twice never duplicates a rule. `CustomResourceDefinition.grantWatch(...)` and friends create it;
 * `AccessGrant.of(subject)` reaches it to add rules of your own.
 */
export class AccessGrant extends Construct {
  /**
   * The grant of a subject in a place, created on first use (as a child of the subject).
   *
   * @param subject the ServiceAccount, User or Group
   * @param options where the grant applies
   */
  public static of(subject: kplus.ISubject, options: GrantOptions = {}): AccessGrant {
    checkArgs('AccessGrant', 'AccessGrant.of', arguments);
    const id = options.namespace === undefined ? 'Access' : `Access-${options.namespace}`;
    const existing = subject.node.tryFindChild(id);
    if (existing instanceof AccessGrant) return existing;
    return new AccessGrant(subject, id, subject, options.namespace);
  }

  /** The subject the permissions are granted to. */
  public readonly subject: kplus.ISubject;

  /**
   * The namespace the grant applies in.
   *
   * @default - cluster-wide
   */
  public readonly namespace?: string;

  /** The ClusterRole or Role. */
  public readonly role: ApiObject;

  /** The ClusterRoleBinding or RoleBinding. */
  public readonly binding: ApiObject;

  private readonly verbs = new Map<string, Set<string>>();

  private constructor(scope: Construct, id: string, subject: kplus.ISubject, namespace?: string) {
    super(scope, id);
    if (namespace !== undefined && !isDns1123Label(namespace)) {
      throw propError(subject, 'namespace', namespace, 'must be a namespace name (a DNS-1123 label: lowercase letters, digits and "-")');
    }
    this.subject = subject;
    this.namespace = namespace;
    const rules = Lazy.any({ produce: () => this.renderRules() });
    const subjects = Lazy.any({ produce: () => [this.renderSubject()] });
    const name = grantName(subject);
    if (namespace === undefined) {
      this.role = new k8s.KubeClusterRole(this, 'Role', { metadata: { name }, rules });
      this.binding = new k8s.KubeClusterRoleBinding(this, 'Binding', {
        metadata: { name },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: this.role.name },
        subjects,
      });
      withoutNamespace(this.role);
      withoutNamespace(this.binding);
    } else {
      this.role = new k8s.KubeRole(this, 'Role', { metadata: { name, namespace }, rules });
      this.binding = new k8s.KubeRoleBinding(this, 'Binding', {
        metadata: { name, namespace },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: this.role.name },
        subjects,
      });
    }
    this.node.addValidation({
      validate: () => {
        const s = subject.toSubjectConfiguration();
        return s.kind === 'ServiceAccount' && !s.namespace
          ? [propMessage('subject', `ServiceAccount ${s.name}`, 'needs a namespace to be bound: set the ServiceAccount\'s metadata.namespace or its chart\'s namespace')]
          : [];
      },
    });
  }

  /**
   * Allows verbs on a resource; verbs already granted on it are not repeated.
   *
   * @param apiGroup the API group (`""` for the core group)
   * @param resource the resource or subresource, e.g. `ats` or `ats/status`
   * @param verbs e.g. `["get", "list", "watch"]`
   */
  public allow(apiGroup: string, resource: string, verbs: string[]): void {
    checkArgs(this, 'AccessGrant.allow', arguments);
    if (verbs.length === 0 || verbs.some(v => !/^([a-z]+|\*)$/.test(v))) {
      throw propError(this, 'verbs', verbs, `must be a non-empty list of lowercase API verbs (${VERB_ORDER.join(', ')}, …)`);
    }
    const key = JSON.stringify([apiGroup, resource]);
    const granted = this.verbs.get(key) ?? new Set<string>();
    verbs.forEach(v => granted.add(v));
    this.verbs.set(key, granted);
  }

  /** The rules, sorted by API group and resource, verbs in Kubernetes' usual order. */
  private renderRules(): k8s.PolicyRule[] {
    const rank = (v: string) => (VERB_ORDER.includes(v) ? VERB_ORDER.indexOf(v) : VERB_ORDER.length);
    return [...this.verbs.entries()]
      .map(([key, verbs]) => ({ key: JSON.parse(key) as [string, string], verbs }))
      .sort((a, b) => (a.key[0] === b.key[0] ? a.key[1].localeCompare(b.key[1]) : a.key[0].localeCompare(b.key[0])))
      .map(({ key: [apiGroup, resource], verbs }) => ({
        apiGroups: [apiGroup],
        resources: [resource],
        verbs: [...verbs].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
      }));
  }

  private renderSubject(): k8s.Subject {
    const s = this.subject.toSubjectConfiguration();
    return {
      apiGroup: s.apiGroup === 'core' ? '' : s.apiGroup,
      kind: s.kind,
      name: s.name,
      namespace: s.namespace,
    };
  }
}

/**
 * The name of the roles and bindings of a grant (the naming rule in docs/validation.md): the subject's
 * identity, `<namespace>:<service account>` for a ServiceAccount, `[<chart namespace>:]user:<name>` or
 * `…group:<name>` for users and groups. It is readable, it names one subject wherever the grant is written,
 * and it includes the namespace, so the same app synthesized for two namespaces writes two ClusterRoles
 * instead of rebinding one. RBAC names are path segments (`ValidateRBACName`): `:` is allowed.
 */
function grantName(subject: kplus.ISubject): string {
  const s = subject.toSubjectConfiguration();
  const namespace = s.kind === 'ServiceAccount' ? s.namespace ?? Chart.of(subject).namespace : Chart.of(subject).namespace;
  const name = s.kind === 'ServiceAccount' ? s.name : `${s.kind.toLowerCase()}:${s.name}`;
  const full = namespace ? `${namespace}:${name}` : name;
  if (!isPathSegmentName(full)) {
    throw propError(subject, 'subject', `${s.kind} ${s.name}`, `cannot name a role: ${PATH_SEGMENT_RULE}`);
  }
  return full;
}
