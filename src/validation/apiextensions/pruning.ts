import { isPlainObject } from './json';

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * Removes, in place, every field the structural schema does not specify (apiextensions-apiserver v0.34
 * `pkg/apiserver/schema/pruning/algorithm.go` `PruneWithOptions`): objects keep their `properties` and, with
 * `additionalProperties`, every key (values pruned by its schema); `x-kubernetes-preserve-unknown-fields` keeps
 * unknown keys as they are; a resource root and embedded resources keep `apiVersion`, `kind` and `metadata`
 * (ObjectMeta is the server's). Returns the paths removed (as segments), for the warning the server sends.
 */
export function prune(obj: unknown, s: any, isResourceRoot: boolean): Path[] {
  const pruned: Path[] = [];
  const root = isResourceRoot ? { ...(isPlainObject(s) ? s : {}), 'x-kubernetes-embedded-resource': true } : s;
  walk(obj, isPlainObject(root) ? root : undefined, [], pruned);
  return pruned;
}

/** A path in a JSON value, as keys and indexes. */
export type Path = Array<string | number>;

function walk(x: unknown, s: any, path: Path, pruned: Path[]): void {
  if (s !== undefined && s['x-kubernetes-preserve-unknown-fields'] === true) {
    skip(x, s, path, pruned);
    return;
  }
  if (isPlainObject(x)) {
    for (const k of Object.keys(x)) {
      if (s === undefined) {
        delete x[k];
        pruned.push([...path, k]);
        continue;
      }
      if (s['x-kubernetes-embedded-resource'] === true && META_FIELDS.has(k)) continue;
      const prop = isPlainObject(s.properties) ? s.properties[k] : undefined;
      if (prop !== undefined) {
        walk(x[k], isPlainObject(prop) ? prop : {}, [...path, k], pruned);
      } else if (s.additionalProperties !== undefined) {
        walk(x[k], isPlainObject(s.additionalProperties) ? s.additionalProperties : undefined, [...path, k], pruned);
      } else {
        delete x[k];
        if (!META_FIELDS.has(k) || path.length > 0) pruned.push([...path, k]);
      }
    }
  } else if (Array.isArray(x)) {
    x.forEach((item, i) => walk(item, isPlainObject(s?.items) ? s.items : undefined, [...path, i], pruned));
  }
}

/** `skipPrune`: under x-kubernetes-preserve-unknown-fields, unknown keys stay as they are; specified ones are pruned. */
function skip(x: unknown, s: any, path: Path, pruned: Path[]): void {
  if (isPlainObject(x)) {
    for (const k of Object.keys(x)) {
      if (s['x-kubernetes-embedded-resource'] === true && META_FIELDS.has(k)) continue;
      const prop = isPlainObject(s.properties) ? s.properties[k] : undefined;
      if (prop !== undefined) {walk(x[k], isPlainObject(prop) ? prop : {}, [...path, k], pruned);} else if (s.additionalProperties !== undefined) {
        walk(x[k], isPlainObject(s.additionalProperties) ? s.additionalProperties : undefined, [...path, k], pruned);
      }
    }
  } else if (Array.isArray(x) && isPlainObject(s.items)) {
    x.forEach((item, i) => skip(item, s.items, [...path, i], pruned));
  }
}
