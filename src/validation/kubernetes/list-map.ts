import { ProblemCollector } from '../problem';

/** The rule name reported for a repeated list-map key. */
export const LIST_MAP_RULE = 'ssa x-kubernetes-list-map-keys';

/**
 * The lists Kubernetes v1.34 marks `+listType=map` (OpenAPI `x-kubernetes-list-map-keys`) in the kinds the layer
 * validates, from `k8s.io/api` v0.34.10 (`core/v1/types.go`): their keys and the defaults server-side apply fills
 * before comparing (`protocol` defaults to TCP).
 */
export const LIST_MAP_KEYS = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  volumes: ['name'],
  imagePullSecrets: ['name'],
  hostAliases: ['ip'],
  topologySpreadConstraints: ['topologyKey', 'whenUnsatisfiable'],
  schedulingGates: ['name'],
  resourceClaims: ['name'],
  containerPorts: ['containerPort', 'protocol'],
  env: ['name'],
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
  resourceClaimsOfContainer: ['name'],
  servicePorts: ['port', 'protocol'],
} as const;

const DEFAULTS: Record<string, unknown> = { protocol: 'TCP' };

/**
 * Server-side apply (Helm 4's default, `kubectl apply --server-side`) refuses a list-map with two entries of
 * the same key ("duplicate entries for key"); client-side apply would silently merge them. Reports each repeat.
 */
export function checkListMapKeys(list: unknown, keys: readonly string[], p: ProblemCollector, listName: string): void {
  if (!Array.isArray(list)) return;
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    if (typeof item !== 'object' || item === null) return;
    const values = keys.map(k => item[k] ?? DEFAULTS[k]);
    if (values.some(v => v === undefined)) return; // a missing key is the field validators' finding
    const key = JSON.stringify(values);
    const first = seen.get(key);
    if (first !== undefined) {
      const described = keys.map((k, j) => `${k} ${JSON.stringify(values[j])}`).join(', ');
      p.error(i, keys.length === 1 ? values[0] : Object.fromEntries(keys.map((k, j) => [k, values[j]])),
        `must have a unique ${keys.join('+')}: ${listName}[${first}] already has ${described}, and server-side apply refuses duplicate entries of a list-map`,
        LIST_MAP_RULE);
    } else {
      seen.set(key, i);
    }
  });
}
