import { isDns1035Label, isDns1123Label, isDns1123Subdomain, isLabelKey, isLabelValue, isPathSegmentName, PATH_SEGMENT_RULE } from '../../common/names';
import { ProblemCollector } from '../problem';
import { isPlainObject } from './json';

const RULE = 'apiextensions objectmeta.Validate';
const META = 'k8s ValidateObjectMeta';
/** The total size the API server allows for all annotations of an object (256 KiB). */
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/**
 * The metadata of embedded resources (apiextensions-apiserver v0.34 `pkg/apiserver/schema/objectmeta/validation.go`
 * `Validate`): wherever the schema says `x-kubernetes-embedded-resource` (and at the root when `isResourceRoot`),
 * `apiVersion` and `kind` are required strings, `kind` a mixed-case DNS-1035 label, and `metadata` valid ObjectMeta.
 */
export function validateObjectMeta(x: unknown, s: any, isResourceRoot: boolean, problems: ProblemCollector): void {
  walk(x, isResourceRoot && isPlainObject(s) ? { ...s, 'x-kubernetes-embedded-resource': true } : s, problems);
}

function walk(x: unknown, s: any, problems: ProblemCollector): void {
  if (!isPlainObject(s)) return;
  if (isPlainObject(x)) {
    if (s['x-kubernetes-embedded-resource'] === true) embeddedResource(x, problems);
    for (const [k, v] of Object.entries(x)) {
      const prop = isPlainObject(s.properties) ? s.properties[k] : undefined;
      if (prop) walk(v, prop, problems.at(k));
      else if (isPlainObject(s.additionalProperties)) walk(v, s.additionalProperties, problems.at(k));
    }
  } else if (Array.isArray(x)) {
    x.forEach((v, i) => walk(v, s.items, problems.at(i)));
  }
}

function embeddedResource(x: Record<string, any>, problems: ProblemCollector): void {
  if (!('apiVersion' in x)) problems.error('apiVersion', undefined, 'is required in an embedded resource', RULE);
  if (!('kind' in x)) problems.error('kind', undefined, 'is required in an embedded resource', RULE);
  if ('apiVersion' in x) {
    const v = x.apiVersion;
    if (typeof v !== 'string') problems.error('apiVersion', v, 'must be a string', RULE);
    else if (v === '') problems.error('apiVersion', v, 'must not be empty', RULE);
    else if (v.split('/').length > 2 || v.startsWith('/') || v.endsWith('/')) problems.error('apiVersion', v, 'must be "<group>/<version>" or "<version>" (schema.ParseGroupVersion)', RULE);
  }
  if ('kind' in x) {
    const k = x.kind;
    if (typeof k !== 'string') problems.error('kind', k, 'must be a string', RULE);
    else if (k === '') problems.error('kind', k, 'must not be empty', RULE);
    else if (!isDns1035Label(k.toLowerCase())) problems.error('kind', k, 'may have mixed case, but should otherwise match a DNS-1035 label (letters, digits and "-", starting with a letter, at most 63 characters)', RULE);
  }
  if ('metadata' in x) {
    if (!isPlainObject(x.metadata)) {
      problems.error('metadata', x.metadata, 'must be an object (ObjectMeta)', RULE);
    } else {
      const name = x.metadata.name;
      if (name !== undefined && name !== '' && (typeof name !== 'string' || !isPathSegmentName(name))) {
        problems.at('metadata').error('name', name, `must be a name ${PATH_SEGMENT_RULE}`, META);
      }
      const namespace = x.metadata.namespace;
      if (namespace !== undefined && namespace !== '' && !isDns1123Label(namespace)) {
        problems.at('metadata').error('namespace', namespace, 'must be a namespace name (a DNS-1123 label)', META);
      }
      labelsAndAnnotations(x.metadata, problems.at('metadata'));
    }
  }
}

/**
 * The metadata of a custom resource (`customResourceStrategy.Validate`: `ValidateObjectMetaAccessor` with
 * `NameIsDNSSubdomain`): name a DNS subdomain, namespace a DNS-1123 label (only for namespaced kinds), labels and
 * annotations well formed.
 */
export function validateResourceMetadata(metadata: unknown, namespaced: boolean, problems: ProblemCollector): void {
  if (metadata === undefined) return;
  const at = problems.at('metadata');
  if (!isPlainObject(metadata)) {
    problems.error('metadata', metadata, 'must be an object', META);
    return;
  }
  const { name, namespace } = metadata;
  if (name !== undefined && !isDns1123Subdomain(name)) {
    at.error('name', name, 'must be a DNS subdomain: at most 253 lowercase letters, digits, "-" and ".", starting and ending with a letter or digit', META);
  }
  if (namespace !== undefined) {
    if (!namespaced) at.error('namespace', namespace, 'must not be set: the kind is cluster-scoped', META);
    else if (!isDns1123Label(namespace)) at.error('namespace', namespace, 'must be a namespace name (a DNS-1123 label: lowercase letters, digits and "-")', META);
  }
  labelsAndAnnotations(metadata, at);
}

function labelsAndAnnotations(metadata: Record<string, any>, at: ProblemCollector): void {
  const keyRule = 'must be a qualified name: an optional DNS-subdomain prefix and "/", then at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  for (const field of ['labels', 'annotations']) {
    const map = metadata[field];
    if (map === undefined) continue;
    if (!isPlainObject(map)) {
      at.error(field, map, 'must be a map of strings', META);
      continue;
    }
    for (const [k, v] of Object.entries(map)) {
      const entry = at.at(field, k); // at(), not error(k): an empty key is a key too
      if (!isLabelKey(k)) entry.error('', k, `has a key that ${keyRule}`, META);
      if (typeof v !== 'string') {
        entry.error('', v, 'must be a string', META);
      } else if (field === 'labels' && !isLabelValue(v)) {
        entry.error('', v, 'must be a label value: empty, or at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit', META);
      }
    }
    if (field === 'annotations') {
      const size = Object.entries(map).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
      if (size > MAX_ANNOTATIONS_BYTES) at.error('annotations', `${size} bytes`, `must total at most ${MAX_ANNOTATIONS_BYTES} bytes`, META);
    }
  }
}
