import {
  dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors, labelValueErrors, pathSegmentNameErrors, qualifiedNameErrors,
} from '../../common/names';
import { ProblemCollector } from '../problem';
import { each, isObject, optionalString, REQUIRED } from './field';

/** apimachinery `ValidateNameFunc`: the messages for a name (or, with `prefix`, a generateName). */
export type NameRule = (name: string, prefix: boolean) => string[];

/** apimachinery `maskTrailingDash`: a generateName may end with '-'. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** apimachinery `NameIsDNSSubdomain`: most kinds (Deployment, ConfigMap, ServiceAccount, HPA, PDB, …). */
export const nameIsDnsSubdomain: NameRule = (name, prefix) => dns1123SubdomainErrors(prefix ? maskTrailingDash(name) : name);
/** apimachinery `NameIsDNSLabel`: Namespace names. */
export const nameIsDnsLabel: NameRule = (name, prefix) => dns1123LabelErrors(prefix ? maskTrailingDash(name) : name);
/** apimachinery `NameIsDNS1035Label`: Service names (`ValidateServiceName`). */
export const nameIsDns1035Label: NameRule = (name, prefix) => dns1035LabelErrors(prefix ? maskTrailingDash(name) : name);
/** apimachinery `path.ValidatePathSegmentName`: RBAC names (`ValidateRBACName`). */
export const nameIsPathSegment: NameRule = (name, prefix) => pathSegmentNameErrors(name, prefix);

/** apimachinery `TotalAnnotationSizeLimitB`: 256 KiB over every key and value. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** Kinds the API server keeps at cluster scope (the ones the library writes or users commonly do). */
const CLUSTER_SCOPED = new Set([
  'v1/Namespace', 'v1/Node', 'v1/PersistentVolume', 'v1/ComponentStatus',
  'rbac.authorization.k8s.io/ClusterRole', 'rbac.authorization.k8s.io/ClusterRoleBinding',
  'apiextensions.k8s.io/CustomResourceDefinition', 'apiregistration.k8s.io/APIService',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy', 'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'scheduling.k8s.io/PriorityClass', 'storage.k8s.io/StorageClass', 'storage.k8s.io/CSIDriver', 'storage.k8s.io/CSINode',
  'storage.k8s.io/VolumeAttachment', 'node.k8s.io/RuntimeClass', 'networking.k8s.io/IngressClass',
  'certificates.k8s.io/CertificateSigningRequest', 'flowcontrol.apiserver.k8s.io/FlowSchema',
  'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration', 'gateway.networking.k8s.io/GatewayClass',
]);

/** The API group of an apiVersion: '' for the core group (`v1`). */
export function groupOf(apiVersion: unknown): string {
  const s = String(apiVersion ?? '');
  const slash = s.indexOf('/');
  return slash < 0 ? '' : s.slice(0, slash);
}

/** Whether a kind is cluster-scoped (a built-in one; custom resources are taken as namespaced). */
export function isClusterScoped(apiVersion: unknown, kind: unknown): boolean {
  const group = groupOf(apiVersion);
  return CLUSTER_SCOPED.has(`${group === '' ? 'v1' : group}/${kind}`);
}

/** apimachinery `v1validation.ValidateLabels`. */
export function validateLabels(labels: unknown, p: ProblemCollector, rule = 'k8s ValidateLabels'): void {
  if (labels === undefined || labels === null) return;
  if (!isObject(labels)) {
    p.error('', labels, 'must be a map of strings', rule);
    return;
  }
  for (const [k, v] of Object.entries(labels)) {
    each(p, k, k, qualifiedNameErrors(k).map(m => `key ${m}`), rule);
    if (typeof v !== 'string') p.error(k, v, 'must be a string', rule);
    else each(p, k, v, labelValueErrors(v), rule);
  }
}

/** apimachinery `ValidateAnnotations`: keys are qualified names (compared lowercased), 256 KiB in total. */
export function validateAnnotations(annotations: unknown, p: ProblemCollector, rule = 'k8s ValidateAnnotations'): void {
  if (annotations === undefined || annotations === null) return;
  if (!isObject(annotations)) {
    p.error('', annotations, 'must be a map of strings', rule);
    return;
  }
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) {
    each(p, k, k, qualifiedNameErrors(k.toLowerCase()).map(m => `key ${m}`), rule);
    if (typeof v !== 'string') p.error(k, v, 'must be a string', rule);
    total += Buffer.byteLength(k) + Buffer.byteLength(typeof v === 'string' ? v : '');
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
    p.error('', `${total} bytes`, `must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes in all keys and values (Too long)`, 'k8s ValidateAnnotationsSize');
  }
}

/**
 * apimachinery `ValidateObjectMetaAccessor` over `metadata`, as the object is written: `name` is required
 * (server-side apply, `kubectl apply` and Helm address objects by name; `generateName` alone only works with
 * create, so it is a warning), `namespace` is a DNS-1123 label when set (the release namespace fills it when
 * missing), a namespace on a cluster-scoped kind is dropped by the API server (warning).
 */
export function validateObjectMeta(obj: any, p: ProblemCollector, nameRule: NameRule, clusterScoped: boolean): void {
  const meta = obj?.metadata;
  const mp = p.at('metadata');
  if (!isObject(meta)) {
    mp.error('', meta, 'must be an object with a name', 'k8s ValidateObjectMeta');
    return;
  }
  const rule = 'k8s ValidateObjectMeta';
  const generateName = optionalString(mp, 'generateName', meta.generateName, rule);
  if (generateName) each(mp, 'generateName', generateName, nameRule(generateName, true), rule);
  const name = optionalString(mp, 'name', meta.name, rule);
  if (!name) {
    if (generateName) mp.warning('name', meta.name, 'should be set: server-side apply, kubectl apply and Helm need a name (generateName works only with create)', rule);
    else mp.error('name', meta.name, `${REQUIRED}: name or generateName is required`, rule);
  } else {
    each(mp, 'name', name, nameRule(name, false), rule);
  }
  const namespace = optionalString(mp, 'namespace', meta.namespace, rule);
  if (namespace) {
    if (clusterScoped) {
      mp.warning('namespace', namespace, `should not be set: ${obj.kind} is cluster-scoped and the API server drops the namespace`, rule);
    } else {
      each(mp, 'namespace', namespace, nameIsDnsLabel(namespace, false), 'k8s ValidateNamespaceName');
    }
  }
  validateLabels(meta.labels, mp.at('labels'));
  validateAnnotations(meta.annotations, mp.at('annotations'));
  const finalizers = meta.finalizers;
  if (Array.isArray(finalizers)) {
    const seen = new Set<string>();
    finalizers.forEach((f: unknown, i: number) => {
      if (typeof f !== 'string') return mp.at('finalizers').error(i, f, 'must be a string', 'k8s ValidateFinalizers');
      each(mp.at('finalizers'), i, f, qualifiedNameErrors(f), 'k8s ValidateFinalizerName');
      // metadata.finalizers is `+listType=set`: server-side apply refuses repeated entries.
      if (seen.has(f)) mp.at('finalizers').error(i, f, 'must be unique: finalizers is a set for server-side apply', 'ssa listType=set');
      seen.add(f);
    });
    if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
      mp.error('finalizers', finalizers, 'must not hold both orphan and foregroundDeletion', 'k8s ValidateFinalizers');
    }
  }
}
