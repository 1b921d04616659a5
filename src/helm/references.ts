/**
 * The references by name between the objects a chart holds: what a renamed or conditional object would
 * break. Kinds and fields as the API server, Istio and Gateway API read them.
 */
import { FieldPath, valueAtPath } from './field-path';
import { apiGroup } from './identity';

/** One field of an object that names another object. */
export interface ObjectReference {
  /** Where the name is: the field holding it (`name` form) or a host (`host` form). */
  readonly path: FieldPath;
  /** `group/Kind` of the object named ('' the core group). */
  readonly kind: string;
  /** The name. */
  readonly name: string;
  /** The namespace named, when the reference names one. */
  readonly namespace?: string;
  /**
   * `name`: the field holds the name. `host`: a DNS host `name[.namespace[.svc[.cluster.local]]]` (Istio),
   * whose first label is the name.
   */
  readonly form: 'name' | 'host';
}

/** Where the pod spec sits in each workload kind, by `group/Kind`. */
export const POD_SPEC_PATHS: Record<string, FieldPath> = {
  'apps/Deployment': ['spec', 'template', 'spec'],
  'apps/StatefulSet': ['spec', 'template', 'spec'],
  'apps/DaemonSet': ['spec', 'template', 'spec'],
  'apps/ReplicaSet': ['spec', 'template', 'spec'],
  'batch/Job': ['spec', 'template', 'spec'],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  '/Pod': ['spec'],
};

/** `group/Kind` of an object. */
export function kindKey(obj: any): string {
  return `${apiGroup(String(obj?.apiVersion ?? ''))}/${obj?.kind}`;
}

/** The path of the pod template's metadata of a workload, or undefined. */
export function podTemplateMetadataPath(obj: any): FieldPath | undefined {
  const spec = POD_SPEC_PATHS[kindKey(obj)];
  if (!spec || kindKey(obj) === '/Pod') return kindKey(obj) === '/Pod' ? ['metadata'] : undefined;
  return [...spec.slice(0, -1), 'metadata'];
}

/** Every reference by name that `obj` makes. */
export function objectReferences(obj: any): ObjectReference[] {
  const refs: ObjectReference[] = [];
  const kind = kindKey(obj);
  const name = (path: FieldPath, refKind: string, namespacePath?: FieldPath) => {
    const value = valueAtPath(obj, path);
    if (typeof value !== 'string' || value === '') return;
    const ns = namespacePath ? valueAtPath(obj, namespacePath) : undefined;
    refs.push({ path, kind: refKind, name: value, namespace: typeof ns === 'string' ? ns : undefined, form: 'name' });
  };
  const host = (path: FieldPath) => {
    const value = valueAtPath(obj, path);
    if (typeof value !== 'string' || value === '' || value.includes('*')) return;
    const labels = value.split('.');
    const inCluster = labels.length === 1 || labels.length === 2 || (labels.length >= 3 && labels[2] === 'svc'
      && (labels.length === 3 || labels.slice(3).join('.') === 'cluster.local'));
    if (!inCluster) return;
    refs.push({ path, kind: '/Service', name: labels[0], namespace: labels[1], form: 'host' });
  };
  const each = (path: FieldPath, visit: (item: FieldPath) => void) => {
    const list = valueAtPath(obj, path);
    if (Array.isArray(list)) list.forEach((_, i) => visit([...path, i]));
  };

  const pod = POD_SPEC_PATHS[kind];
  if (pod) {
    name([...pod, 'serviceAccountName'], '/ServiceAccount');
    each([...pod, 'imagePullSecrets'], p => name([...p, 'name'], '/Secret'));
    each([...pod, 'volumes'], p => {
      name([...p, 'configMap', 'name'], '/ConfigMap');
      name([...p, 'secret', 'secretName'], '/Secret');
      name([...p, 'persistentVolumeClaim', 'claimName'], '/PersistentVolumeClaim');
      each([...p, 'projected', 'sources'], s => {
        name([...s, 'configMap', 'name'], '/ConfigMap');
        name([...s, 'secret', 'name'], '/Secret');
      });
    });
    for (const list of ['containers', 'initContainers']) {
      each([...pod, list], c => {
        each([...c, 'envFrom'], e => {
          name([...e, 'configMapRef', 'name'], '/ConfigMap');
          name([...e, 'secretRef', 'name'], '/Secret');
        });
        each([...c, 'env'], e => {
          name([...e, 'valueFrom', 'configMapKeyRef', 'name'], '/ConfigMap');
          name([...e, 'valueFrom', 'secretKeyRef', 'name'], '/Secret');
        });
      });
    }
  }
  switch (kind) {
    case 'apps/StatefulSet':
      name(['spec', 'serviceName'], '/Service');
      break;
    case 'autoscaling/HorizontalPodAutoscaler': {
      const target = obj?.spec?.scaleTargetRef;
      if (target?.kind) name(['spec', 'scaleTargetRef', 'name'], `${apiGroup(String(target.apiVersion ?? ''))}/${target.kind}`);
      break;
    }
    case 'rbac.authorization.k8s.io/RoleBinding':
    case 'rbac.authorization.k8s.io/ClusterRoleBinding':
      if (obj?.roleRef?.kind) name(['roleRef', 'name'], `rbac.authorization.k8s.io/${obj.roleRef.kind}`);
      each(['subjects'], p => {
        if (valueAtPath(obj, [...p, 'kind']) === 'ServiceAccount') name([...p, 'name'], '/ServiceAccount', [...p, 'namespace']);
      });
      break;
    case 'networking.istio.io/VirtualService':
      each(['spec', 'hosts'], host);
      for (const protocol of ['http', 'tcp', 'tls']) {
        each(['spec', protocol], r => {
          each([...r, 'route'], d => host([...d, 'destination', 'host']));
          host([...r, 'mirror', 'host']);
          each([...r, 'mirrors'], m => host([...m, 'destination', 'host']));
        });
      }
      break;
    case 'networking.istio.io/DestinationRule':
      host(['spec', 'host']);
      break;
    case 'gateway.networking.k8s.io/HTTPRoute':
    case 'gateway.networking.k8s.io/GRPCRoute':
    case 'gateway.networking.k8s.io/TCPRoute':
    case 'gateway.networking.k8s.io/TLSRoute':
    case 'gateway.networking.k8s.io/UDPRoute': {
      const ref = (p: FieldPath, defaultGroup: string, defaultKind: string) => {
        const group = valueAtPath(obj, [...p, 'group']);
        const k = valueAtPath(obj, [...p, 'kind']);
        name([...p, 'name'], `${typeof group === 'string' ? group : defaultGroup}/${typeof k === 'string' ? k : defaultKind}`, [...p, 'namespace']);
      };
      each(['spec', 'parentRefs'], p => ref(p, 'gateway.networking.k8s.io', 'Gateway'));
      each(['spec', 'rules'], r => each([...r, 'backendRefs'], b => ref(b, '', 'Service')));
      break;
    }
    case 'networking.k8s.io/Ingress':
      name(['spec', 'defaultBackend', 'service', 'name'], '/Service');
      each(['spec', 'rules'], r => each([...r, 'http', 'paths'], p => name([...p, 'backend', 'service', 'name'], '/Service')));
      break;
    case 'admissionregistration.k8s.io/ValidatingWebhookConfiguration':
    case 'admissionregistration.k8s.io/MutatingWebhookConfiguration':
      each(['webhooks'], w => name([...w, 'clientConfig', 'service', 'name'], '/Service', [...w, 'clientConfig', 'service', 'namespace']));
      break;
    case 'apiregistration.k8s.io/APIService':
      name(['spec', 'service', 'name'], '/Service', ['spec', 'service', 'namespace']);
      break;
    case 'apiextensions.k8s.io/CustomResourceDefinition':
      name(['spec', 'conversion', 'webhook', 'clientConfig', 'service', 'name'], '/Service',
        ['spec', 'conversion', 'webhook', 'clientConfig', 'service', 'namespace']);
      break;
  }
  return refs;
}

/** The label selectors (`matchLabels`-style maps) of `obj` that select pods. */
export function podSelectorPaths(obj: any): FieldPath[] {
  const kind = kindKey(obj);
  if (POD_SPEC_PATHS[kind] && kind !== '/Pod' && kind !== 'batch/CronJob') {
    if (kind === 'batch/Job') return [];
    return [['spec', 'selector', 'matchLabels']];
  }
  switch (kind) {
    case '/Service': return [['spec', 'selector']];
    case 'policy/PodDisruptionBudget': return [['spec', 'selector', 'matchLabels']];
    case 'networking.k8s.io/NetworkPolicy': return [['spec', 'podSelector', 'matchLabels']];
    default: return [];
  }
}
