import { isPlainObject } from './json';

/** ObjectMeta's fields: what survives of an embedded resource's metadata (the rest is dropped on decoding). */
const OBJECT_META_FIELDS = new Set(['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation',
  'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences',
  'finalizers', 'managedFields']);

/**
 * Removes, in place, every field the structural schema does not specify (apiextensions-apiserver v0.34
 * `pkg/apiserver/schema/pruning/algorithm.go` `PruneWithOptions`): objects keep their `properties` (or every key
 * under `additionalProperties` or `x-kubernetes-preserve-unknown-fields`); a resource root and embedded resources
 * keep `apiVersion`, `kind` and `metadata`. Returns the paths removed (as segments), for the warning the server sends.
 */
export function prune(obj: unknown, s: any, isResourceRoot: boolean): Path[] {
  const pruned: Path[] = [];
  walk(obj, s, isResourceRoot, [], pruned);
  return pruned;
}

/** A path in a JSON value, as keys and indexes. */
export type Path = Array<string | number>;

function walk(x: unknown, s: any, isResourceRoot: boolean, path: Path, pruned: Path[]): void {
  if (isPlainObject(x)) {
    const preserve = isPlainObject(s) && s['x-kubernetes-preserve-unknown-fields'] === true;
    const embedded = isResourceRoot || (isPlainObject(s) && s['x-kubernetes-embedded-resource'] === true);
    for (const k of Object.keys(x)) {
      const at = [...path, k];
      if (embedded && (k === 'apiVersion' || k === 'kind')) continue;
      if (embedded && k === 'metadata') {
        if (isPlainObject(x.metadata) && !isResourceRoot) {
          for (const m of Object.keys(x.metadata)) {
            if (!OBJECT_META_FIELDS.has(m)) {
              delete x.metadata[m];
              pruned.push([...at, m]);
            }
          }
        }
        continue;
      }
      const prop = isPlainObject(s?.properties) ? s.properties[k] : undefined;
      if (prop !== undefined) {
        walk(x[k], prop, false, at, pruned);
      } else if (isPlainObject(s?.additionalProperties)) {
        walk(x[k], s.additionalProperties, false, at, pruned);
      } else if (s?.additionalProperties !== undefined || preserve) {
        walk(x[k], undefined, false, at, pruned);
      } else {
        delete x[k];
        pruned.push(at);
      }
    }
  } else if (Array.isArray(x)) {
    x.forEach((item, i) => walk(item, isPlainObject(s?.items) ? s.items : undefined, false, [...path, i], pruned));
  }
}
