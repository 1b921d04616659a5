import { Reporter } from './report';
import { isLabelKey, isLabelValue } from '../common';

/**
 * Checks labels as the apiserver's `ValidateLabels` does (a Service selector, a pod's nodeSelector): keys are an
 * optional DNS-subdomain prefix (at most 253 characters) and `/`, then a name of at most 63 characters
 * (alphanumerics, `-`, `_`, `.`, alphanumeric at both ends); values are empty or such a name. Internal.
 */
export function checkLabels(r: Reporter, prop: string, labels: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value !== 'string') r.fail(`${prop}["${key}"]`, value, 'must be a string');
    if (!isLabelKey(key)) {
      r.fail(prop, key, 'has a key that is not a label key: an optional DNS subdomain prefix and "/", then at most 63 '
        + 'alphanumerics, "-", "_" or "." starting and ending alphanumeric');
    }
    if (!isLabelValue(value)) {
      r.fail(`${prop}["${key}"]`, value, 'must be a label value: empty, or at most 63 alphanumerics, "-", "_" or "." '
        + 'starting and ending alphanumeric');
    }
  }
}
