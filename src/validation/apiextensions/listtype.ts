import { describeValue } from '../../common/errors';
import { ProblemCollector } from '../problem';
import { deepEqual, isPlainObject } from './json';

const RULE = 'apiextensions listtype.ValidateListSetsAndMaps';

/**
 * Lists typed `set` hold no duplicates and lists typed `map` no two items with the same keys
 * (apiextensions-apiserver v0.34 `pkg/apiserver/schema/listtype/validation.go` `ValidateListSetsAndMaps`).
 */
export function validateListSetsAndMaps(x: unknown, s: any, problems: ProblemCollector): void {
  if (!isPlainObject(s)) return;
  if (Array.isArray(x)) {
    const listType = s['x-kubernetes-list-type'];
    if (listType === 'set') {
      x.forEach((v, i) => {
        if (x.findIndex(o => deepEqual(o, v)) !== i) problems.error(i, v, `is a duplicate: x-kubernetes-list-type "set" holds each value once (Duplicate value: ${describeValue(v)})`, RULE);
      });
    } else if (listType === 'map' && Array.isArray(s['x-kubernetes-list-map-keys'])) {
      const keys: string[] = s['x-kubernetes-list-map-keys'];
      const keyOf = (v: any) => keys.map(k => (isPlainObject(v) ? v[k] : undefined));
      x.forEach((v, i) => {
        const key = keyOf(v);
        if (x.findIndex(o => deepEqual(keyOf(o), key)) !== i) {
          const shown = Object.fromEntries(keys.map((k, j) => [k, key[j]]));
          problems.error(i, shown, `is a duplicate: x-kubernetes-list-type "map" holds one item per key (${keys.join(', ')})`, RULE);
        }
      });
    }
    x.forEach((v, i) => validateListSetsAndMaps(v, s.items, problems.at(i)));
  } else if (isPlainObject(x)) {
    for (const [k, v] of Object.entries(x)) {
      const prop = isPlainObject(s.properties) ? s.properties[k] : undefined;
      if (prop) validateListSetsAndMaps(v, prop, problems.at(k));
      else if (isPlainObject(s.additionalProperties)) validateListSetsAndMaps(v, s.additionalProperties, problems.at(k));
    }
  }
}
