import { Reporter } from './report';

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Checks labels as the apiserver's `ValidateLabels` does (a Service selector, a pod's nodeSelector): keys are an
 * optional DNS-subdomain prefix (at most 253 characters) and `/`, then a name of at most 63 characters
 * (alphanumerics, `-`, `_`, `.`, alphanumeric at both ends); values are empty or such a name. Internal.
 */
export function checkLabels(r: Reporter, prop: string, labels: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value !== 'string') r.fail(`${prop}["${key}"]`, value, 'must be a string');
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    if (!(name.length <= 63 && NAME.test(name)) || (prefix !== undefined && !(prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix)))) {
      r.fail(prop, key, 'has a key that is not a label key: an optional DNS subdomain prefix and "/", then at most 63 '
        + 'alphanumerics, "-", "_" or "." starting and ending alphanumeric');
    }
    if (value !== '' && !(value.length <= 63 && NAME.test(value))) {
      r.fail(`${prop}["${key}"]`, value, 'must be a label value: empty, or at most 63 alphanumerics, "-", "_" or "." '
        + 'starting and ending alphanumeric');
    }
  }
}
