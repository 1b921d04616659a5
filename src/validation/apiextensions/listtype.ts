import { describeValue } from '../../common/errors';
import { ProblemCollector } from '../problem';
import { isPlainObject } from './json';

const RULE = 'apiextensions listtype.ValidateListSetsAndMaps';

/**
 * Lists typed `set` hold no duplicates and lists typed `map` no two items with the same keys
 * (apiextensions-apiserver v0.34 `pkg/apiserver/schema/listtype/validation.go` `ValidateListSetsAndMaps`): each
 * duplicated value is reported once, at its second occurrence; map-list items must be objects.
 */
export function validateListSetsAndMaps(x: unknown, s: any, problems: ProblemCollector): void {
  if (!isPlainObject(s)) return;
  if (Array.isArray(x)) {
    const listType = s['x-kubernetes-list-type'];
    if (listType === 'set') {
      for (const i of nonUnique(x)) problems.error(i, x[i], `is a duplicate: x-kubernetes-list-type "set" holds each value once (Duplicate value: ${describeValue(x[i])})`, RULE);
    } else if (listType === 'map') {
      listMap(x, Array.isArray(s['x-kubernetes-list-map-keys']) ? s['x-kubernetes-list-map-keys'] : [], problems);
    }
    if (isPlainObject(s.items)) x.forEach((v, i) => validateListSetsAndMaps(v, s.items, problems.at(i)));
  } else if (isPlainObject(x)) {
    for (const [k, v] of Object.entries(x)) {
      const prop = isPlainObject(s.properties) ? s.properties[k] : undefined;
      if (prop) validateListSetsAndMaps(v, prop, problems.at(k));
      else if (isPlainObject(s.additionalProperties)) validateListSetsAndMaps(v, s.additionalProperties, problems.at(k));
    }
  }
}

/** `validateListMap`: items are objects; their key tuples (missing keys unspecified) are unique. */
function listMap(x: unknown[], keys: string[], problems: ProblemCollector): void {
  const bad = x.findIndex(item => item !== null && !isPlainObject(item));
  if (bad >= 0) {
    problems.error(bad, x[bad], 'must be an object for an array of list-type map', RULE);
    return;
  }
  const tuples = x.map(item => {
    const key: Record<string, unknown> = {};
    for (const k of keys) if (isPlainObject(item) && k in item) key[k] = item[k];
    return key;
  });
  for (const i of nonUnique(tuples)) {
    problems.error(i, tuples[i], `is a duplicate: x-kubernetes-list-type "map" holds one item per key (${keys.join(', ')})`, RULE);
  }
}

/** `validateListSet`: the indexes of second occurrences (compound values compared as canonical JSON). */
function nonUnique(values: unknown[]): number[] {
  const seen = new Map<string, number>();
  const out: number[] = [];
  values.forEach((v, i) => {
    const key = canonical(v);
    const times = seen.get(key) ?? 0;
    if (times === 1) out.push(i);
    seen.set(key, times + 1);
  });
  return out;
}

/** JSON with object keys sorted, as Go's json.Marshal writes maps; scalars keep their type. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isPlainObject(v)) return `{${Object.keys(v).sort().map(k => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return `${typeof v}:${JSON.stringify(v)}`;
}
