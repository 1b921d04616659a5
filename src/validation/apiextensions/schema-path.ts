import { isPlainObject } from './json';

/**
 * The schema node a simple JSON path (`.spec.replicas`, `.status.conditions[?(@.type=="Ready")].status`,
 * `.metadata.name`) leads to, or why there is none. Metadata paths resolve to what ObjectMeta holds.
 */
export function resolveSchemaPath(root: any, jsonPath: string): { node?: any; error?: string } {
  if (!jsonPath.startsWith('.')) return { error: 'must start with "."' };
  const steps: Array<{ key?: string; index?: boolean }> = [];
  const re = /\.([^.[\]]+)|\[\s*(?:'([^']*)'|"([^"]*)")\s*\]|\[([^\]]*)\]/g;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(jsonPath)) !== null) {
    if (m.index !== pos) return { error: `cannot be parsed at "${jsonPath.slice(pos)}"` };
    pos = re.lastIndex;
    if (m[1] !== undefined || m[2] !== undefined || m[3] !== undefined) steps.push({ key: m[1] ?? m[2] ?? m[3] });
    else steps.push({ index: true });
  }
  if (pos !== jsonPath.length || steps.length === 0) return { error: `cannot be parsed at "${jsonPath.slice(pos)}"` };

  if (steps[0].key === 'metadata') {
    const field = steps[1]?.key;
    return field && OBJECT_META[field] ? { node: OBJECT_META[field] } : { error: `must name an ObjectMeta field after .metadata (${Object.keys(OBJECT_META).join(', ')})` };
  }
  if (steps.length === 1 && (steps[0].key === 'apiVersion' || steps[0].key === 'kind')) return { node: { type: 'string' } };

  let node = root;
  let walked = '';
  for (const step of steps) {
    if (node?.['x-kubernetes-preserve-unknown-fields'] === true && !node.properties?.[step.key ?? '']) return { node: {} };
    if (step.index) {
      if (node?.type !== 'array') return { error: `indexes ${walked || 'the root'}, which is not an array in the schema` };
      node = node.items;
      walked += '[]';
      continue;
    }
    const next = node?.properties?.[step.key!] ?? (isPlainObject(node?.additionalProperties) ? node.additionalProperties : undefined);
    walked += `.${step.key}`;
    if (next === undefined) return { error: `does not exist in the schema (no ${walked})` };
    node = next;
  }
  return { node };
}

const OBJECT_META: Record<string, any> = {
  name: { type: 'string' },
  generateName: { type: 'string' },
  namespace: { type: 'string' },
  uid: { type: 'string' },
  resourceVersion: { type: 'string' },
  generation: { type: 'integer' },
  creationTimestamp: { type: 'string', format: 'date-time' },
  deletionTimestamp: { type: 'string', format: 'date-time' },
  deletionGracePeriodSeconds: { type: 'integer' },
  labels: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true },
  annotations: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true },
  ownerReferences: { type: 'array', items: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true } },
  finalizers: { type: 'array', items: { type: 'string' } },
  managedFields: { type: 'array', items: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true } },
};
