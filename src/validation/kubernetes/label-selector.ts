import { labelValueErrors, qualifiedNameErrors } from '../../common/names';
import { ProblemCollector } from '../problem';
import { each, isObject, listOf, notSupported, REQUIRED } from './field';
import { validateLabels } from './object-meta';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** apimachinery `v1validation.ValidateLabelSelector` (and `ValidateLabelSelectorRequirement`). */
export function validateLabelSelector(selector: unknown, p: ProblemCollector): void {
  if (selector === undefined || selector === null) return;
  if (!isObject(selector)) return p.error('', selector, 'must be a label selector object', 'k8s ValidateLabelSelector');
  validateLabels(selector.matchLabels, p.at('matchLabels'), 'k8s ValidateLabelSelector');
  listOf(selector.matchExpressions).forEach((r, i) => {
    const rp = p.at('matchExpressions', i);
    const rule = 'k8s ValidateLabelSelectorRequirement';
    const values = listOf(r?.values);
    if (r?.operator === 'In' || r?.operator === 'NotIn') {
      if (values.length === 0) rp.error('values', r.values, 'must be specified when `operator` is \'In\' or \'NotIn\'', rule);
    } else if (r?.operator === 'Exists' || r?.operator === 'DoesNotExist') {
      if (values.length > 0) rp.error('values', r.values, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\'', rule);
    } else {
      notSupported(rp, 'operator', r?.operator, OPERATORS, rule);
    }
    if (typeof r?.key !== 'string' || r.key === '') rp.error('key', r?.key, REQUIRED, rule);
    else each(rp, 'key', r.key, qualifiedNameErrors(r.key), rule);
    values.forEach((v, j) => each(rp.at('values'), j, v, labelValueErrors(String(v)), rule));
  });
}

/** Whether a label selector selects a set of labels (apimachinery `LabelSelectorAsSelector(...).Matches`). */
export function selectorMatches(selector: any, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const r of listOf(selector?.matchExpressions)) {
    const has = Object.prototype.hasOwnProperty.call(l, r?.key);
    const values = listOf(r?.values);
    if (r?.operator === 'In' && !(has && values.includes(l[r.key]))) return false;
    if (r?.operator === 'NotIn' && has && values.includes(l[r.key])) return false;
    if (r?.operator === 'Exists' && !has) return false;
    if (r?.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** Whether a selector is empty (selects everything). */
export function selectorIsEmpty(selector: any): boolean {
  return Object.keys(selector?.matchLabels ?? {}).length + listOf(selector?.matchExpressions).length === 0;
}
