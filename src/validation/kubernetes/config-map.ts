import { configMapKeyErrors } from '../../common/names';
import { ProblemCollector } from '../problem';
import { each, isObject } from './field';
import { nameIsDnsSubdomain, validateObjectMeta } from './object-meta';

/** core `MaxSecretSize`: the limit on a ConfigMap's data and binaryData together (1 MiB). */
export const MAX_CONFIG_MAP_BYTES = 1024 * 1024;

/** core `ValidateConfigMap` (kubernetes/kubernetes v1.34 `pkg/apis/core/validation`). */
export function validateConfigMap(obj: any, p: ProblemCollector): void {
  validateObjectMeta(obj, p, nameIsDnsSubdomain, false);
  let total = 0;
  const rule = 'k8s ValidateConfigMap';
  for (const bag of ['data', 'binaryData'] as const) {
    const values = obj?.[bag];
    if (values === undefined || values === null) continue;
    if (!isObject(values)) {
      p.error(bag, values, 'must be a map of keys to strings', rule);
      continue;
    }
    const other = obj[bag === 'data' ? 'binaryData' : 'data'];
    for (const [key, value] of Object.entries(values)) {
      each(p.at(bag), key, key, configMapKeyErrors(key), rule);
      if (bag === 'data' && isObject(other) && key in other) p.at(bag).error(key, key, 'duplicate of key present in binaryData', rule);
      if (bag === 'binaryData' && isObject(other) && key in other) p.at(bag).error(key, key, 'duplicate of key present in data', rule);
      if (typeof value !== 'string') {
        p.at(bag).error(key, value, 'must be a string', rule);
        continue;
      }
      total += bag === 'data' ? Buffer.byteLength(value) : Buffer.from(value, 'base64').length;
    }
  }
  if (total > MAX_CONFIG_MAP_BYTES) {
    p.error('', `${total} bytes`, `must hold at most ${MAX_CONFIG_MAP_BYTES} bytes in data and binaryData (Too long)`, rule);
  }
}
