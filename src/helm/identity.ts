/**
 * Object identities: what the API server keys an object by (API group, kind, namespace, name). Two objects
 * with one identity in one release make `helm install` fail or, worse, one silently replace the other.
 */

/** The parts of an object that make up its identity. */
export interface ObjectIdentityParts {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

// Built-in cluster-scoped kinds, keyed `group/Kind` ('' is the core group): their namespace is ignored.
const CLUSTER_SCOPED = new Set([
  '/Namespace', '/Node', '/PersistentVolume', '/ComponentStatus',
  'rbac.authorization.k8s.io/ClusterRole', 'rbac.authorization.k8s.io/ClusterRoleBinding',
  'apiextensions.k8s.io/CustomResourceDefinition', 'apiregistration.k8s.io/APIService',
  'storage.k8s.io/StorageClass', 'storage.k8s.io/CSIDriver', 'storage.k8s.io/CSINode', 'storage.k8s.io/VolumeAttachment',
  'scheduling.k8s.io/PriorityClass', 'node.k8s.io/RuntimeClass',
  'networking.k8s.io/IngressClass', 'networking.k8s.io/IPAddress', 'networking.k8s.io/ServiceCIDR',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy', 'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'certificates.k8s.io/CertificateSigningRequest',
  'flowcontrol.apiserver.k8s.io/FlowSchema', 'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
]);

/** The API group of an apiVersion (`''` for the core group). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Keys of the cluster-scoped kinds: the built-in ones plus those of the given CRDs with `scope: Cluster`. */
export function clusterScopedKinds(crds: readonly any[]): Set<string> {
  const kinds = new Set(CLUSTER_SCOPED);
  for (const crd of crds) {
    if (crd?.spec?.scope === 'Cluster') kinds.add(`${crd.spec.group}/${crd.spec.names?.kind}`);
  }
  return kinds;
}

/** The identity key of an object; the namespace counts only for namespaced kinds. */
export function identityKey(o: ObjectIdentityParts, clusterScoped: ReadonlySet<string>): string {
  const kind = `${apiGroup(o.apiVersion)}/${o.kind}`;
  return `${kind}|${clusterScoped.has(kind) ? '' : o.namespace ?? ''}|${o.name}`;
}

/** An object for messages: `apps/v1 Deployment shop/frontend`. */
export function describeObject(o: ObjectIdentityParts): string {
  return `${o.apiVersion} ${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}

/** An object found in a subchart. */
export interface LocatedObject {
  readonly subchart: string;
  readonly object: ObjectIdentityParts;
  /** Where it comes from (a construct path), for messages. */
  readonly origin?: string;
}

/** A later object that repeats the identity of an earlier one. */
export interface DuplicateObject {
  readonly first: LocatedObject;
  readonly repeat: LocatedObject;
}

/** Every repeated identity, found with one map pass (O(n)). */
export function findDuplicateObjects(objects: Iterable<LocatedObject>, clusterScoped: ReadonlySet<string>): DuplicateObject[] {
  const seen = new Map<string, LocatedObject>();
  const duplicates: DuplicateObject[] = [];
  for (const located of objects) {
    const key = identityKey(located.object, clusterScoped);
    const first = seen.get(key);
    if (first) {
      duplicates.push({ first, repeat: located });
    } else {
      seen.set(key, located);
    }
  }
  return duplicates;
}
