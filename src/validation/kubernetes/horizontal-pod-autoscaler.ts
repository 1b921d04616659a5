import { dns1123LabelErrors, pathSegmentNameErrors } from '../../common/names';
import { ProblemCollector } from '../problem';
import { each, isObject, isSet, listOf, notSupported, REQUIRED } from './field';
import { validateLabelSelector } from './label-selector';
import { nameIsDnsSubdomain, validateObjectMeta } from './object-meta';
import { parseQuantity } from './quantity';

// Ported from kubernetes/kubernetes v1.34 `pkg/apis/autoscaling/validation/validation.go`, with the
// HPAScaleToZero gate at its v1.34 default (off: minReplicas >= 1).

const METRIC_TYPES = ['Object', 'Pods', 'Resource', 'External', 'ContainerResource'];
const SOURCE_FIELD: Record<string, string> = {
  Object: 'object', Pods: 'pods', Resource: 'resource', External: 'external', ContainerResource: 'containerResource',
};
const TARGET_TYPES = ['AverageValue', 'Utilization', 'Value'];
/** autoscaling `MaxPeriodSeconds` and `MaxStabilizationWindowSeconds`. */
const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;

/** autoscaling `ValidateHorizontalPodAutoscaler` for `autoscaling/v2/HorizontalPodAutoscaler`. */
export function validateHorizontalPodAutoscaler(obj: any, p: ProblemCollector): void {
  validateObjectMeta(obj, p, nameIsDnsSubdomain, false);
  const spec = obj?.spec;
  const sp = p.at('spec');
  if (!isObject(spec)) return sp.error('', spec, REQUIRED, 'k8s validateHorizontalPodAutoscalerSpec');
  const rule = 'k8s validateHorizontalPodAutoscalerSpec';
  const min = spec.minReplicas;
  if (min === 0) {
    // MinReplicasLowerBound is 0 only with the HPAScaleToZero gate (alpha, off by default in v1.34).
    sp.warning('minReplicas', min, 'needs the HPAScaleToZero feature gate (alpha, off by default): without it the API server refuses it (must be greater than or equal to 1)', rule);
    const metrics = listOf(spec.metrics);
    if (!metrics.some(m => m?.type === 'Object' || m?.type === 'External')) {
      sp.error('metrics', spec.metrics, 'must specify at least one Object or External metric to support scaling to zero replicas', 'k8s validateMetrics');
    }
  } else if (min !== undefined && min !== null && !(min >= 1)) {
    sp.error('minReplicas', min, 'must be greater than or equal to 1', rule);
  }
  if (!(spec.maxReplicas >= 1)) sp.error('maxReplicas', spec.maxReplicas, 'must be greater than 0', rule);
  else if (min !== undefined && min !== null && spec.maxReplicas < min) sp.error('maxReplicas', spec.maxReplicas, 'must be greater than or equal to `minReplicas`', rule);
  validateCrossVersionObjectReference(spec.scaleTargetRef, sp.at('scaleTargetRef'));
  listOf(spec.metrics).forEach((m, i) => validateMetricSpec(m, sp.at('metrics', i)));
  if (isObject(spec.behavior)) {
    for (const dir of ['scaleUp', 'scaleDown']) {
      if (isObject(spec.behavior[dir])) validateScalingRules(spec.behavior[dir], sp.at('behavior', dir));
    }
  }
}

/** autoscaling `ValidateCrossVersionObjectReference`. */
function validateCrossVersionObjectReference(ref: any, p: ProblemCollector): void {
  const rule = 'k8s ValidateCrossVersionObjectReference';
  for (const f of ['kind', 'name']) {
    if (!isSet(ref?.[f])) p.error(f, ref?.[f], REQUIRED, rule);
    else each(p, f, ref[f], pathSegmentNameErrors(String(ref[f])), rule);
  }
}

function validateMetricIdentifier(id: any, p: ProblemCollector): void {
  if (!isSet(id?.name)) p.error('name', id?.name, `${REQUIRED}: must specify a metric name`, 'k8s validateMetricIdentifier');
  else each(p, 'name', id.name, pathSegmentNameErrors(String(id.name)), 'k8s validateMetricIdentifier');
  if (isObject(id?.selector)) validateLabelSelector(id.selector, p.at('selector'));
}

/** autoscaling `validateMetricTarget`. */
function validateMetricTarget(t: any, p: ProblemCollector): void {
  const rule = 'k8s validateMetricTarget';
  if (!isSet(t?.type)) p.error('type', t?.type, `${REQUIRED}: must specify a metric target type`, rule);
  else if (!TARGET_TYPES.includes(t.type)) notSupported(p, 'type', t.type, TARGET_TYPES, rule);
  if (t?.averageUtilization !== undefined && t?.averageUtilization !== null && !(t.averageUtilization >= 1)) {
    p.error('averageUtilization', t.averageUtilization, 'must be greater than 0', rule);
  }
  for (const f of ['value', 'averageValue']) {
    if (t?.[f] === undefined || t?.[f] === null) continue;
    const q = parseQuantity(t[f]);
    if (q === undefined) p.error(f, t[f], 'must be a quantity', 'k8s ParseQuantity');
    else if (q <= 0) p.error(f, t[f], 'must be positive', rule);
  }
}

/** autoscaling `validateMetricSpec` and the per-source validators. */
function validateMetricSpec(m: any, p: ProblemCollector): void {
  const rule = 'k8s validateMetricSpec';
  if (!isSet(m?.type)) return p.error('type', m?.type, `${REQUIRED}: must specify a metric source type`, rule);
  if (!METRIC_TYPES.includes(m.type)) return notSupported(p, 'type', m.type, METRIC_TYPES, rule);
  const set = METRIC_TYPES.filter(t => isObject(m[SOURCE_FIELD[t]]));
  if (!set.includes(m.type)) return p.error(SOURCE_FIELD[m.type], undefined, `${REQUIRED}: must populate information for the given metric source`, rule);
  if (set.length > 1) p.error('', m, 'must populate the given metric source only', rule);
  const field = SOURCE_FIELD[m.type];
  const src = m[field];
  const sp = p.at(field);
  const t = src.target;
  if (!isObject(t)) sp.error('target', t, REQUIRED, rule);
  else validateMetricTarget(t, sp.at('target'));
  const tp = sp.at('target');
  switch (m.type) {
    case 'Object':
      validateCrossVersionObjectReference(src.describedObject, sp.at('describedObject'));
      validateMetricIdentifier(src.metric, sp.at('metric'));
      if (isObject(t) && t.value == null && t.averageValue == null) tp.error('averageValue', undefined, `${REQUIRED}: must set either a target value or averageValue`, 'k8s validateObjectSource');
      break;
    case 'Pods':
      validateMetricIdentifier(src.metric, sp.at('metric'));
      if (isObject(t) && t.averageValue == null) tp.error('averageValue', undefined, `${REQUIRED}: must specify a positive target averageValue`, 'k8s validatePodsSource');
      break;
    case 'External':
      validateMetricIdentifier(src.metric, sp.at('metric'));
      if (isObject(t) && t.value == null && t.averageValue == null) tp.error('', t, `${REQUIRED}: must set either a target value for metric or a per-pod target`, 'k8s validateExternalSource');
      if (isObject(t) && t.value != null && t.averageValue != null) tp.error('value', t.value, 'may not set both a target value for metric and a per-pod target', 'k8s validateExternalSource');
      break;
    default: {
      const fn = m.type === 'Resource' ? 'k8s validateResourceSource' : 'k8s validateContainerResourceSource';
      if (!isSet(src.name)) sp.error('name', src.name, `${REQUIRED}: must specify a resource name`, fn);
      if (m.type === 'ContainerResource') {
        if (!isSet(src.container)) sp.error('container', src.container, `${REQUIRED}: must specify a container`, fn);
        else each(sp, 'container', src.container, dns1123LabelErrors(String(src.container)), fn);
      }
      if (isObject(t) && t.averageUtilization == null && t.averageValue == null) tp.error('averageUtilization', undefined, `${REQUIRED}: must set either a target raw value or a target utilization`, fn);
      if (isObject(t) && t.averageUtilization != null && t.averageValue != null) tp.error('averageValue', t.averageValue, 'may not set both a target raw value and a target utilization', fn);
    }
  }
}

/** autoscaling `validateScalingRules` and `validateScalingPolicy`. */
function validateScalingRules(rules: any, p: ProblemCollector): void {
  const rule = 'k8s validateScalingRules';
  const w = rules.stabilizationWindowSeconds;
  if (w !== undefined && w !== null) {
    if (w < 0) p.error('stabilizationWindowSeconds', w, 'must be greater than or equal to zero', rule);
    if (w > MAX_STABILIZATION_WINDOW_SECONDS) p.error('stabilizationWindowSeconds', w, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`, rule);
  }
  const select = ['Disabled', 'Max', 'Min'];
  if (isSet(rules.selectPolicy) && !select.includes(rules.selectPolicy)) notSupported(p, 'selectPolicy', rules.selectPolicy, select, rule);
  const tolerance = rules.tolerance === undefined || rules.tolerance === null ? undefined : parseQuantity(rules.tolerance);
  if (tolerance !== undefined && tolerance < 0) {
    p.error('tolerance', rules.tolerance, 'must be greater than or equal to zero', rule);
  }
  if (rules.policies !== undefined && listOf(rules.policies).length === 0) p.error('policies', rules.policies, `${REQUIRED}: must specify at least one Policy`, rule);
  listOf(rules.policies).forEach((pol, i) => {
    const pp = p.at('policies', i);
    const prule = 'k8s validateScalingPolicy';
    if (!['Pods', 'Percent'].includes(pol?.type)) notSupported(pp, 'type', pol?.type, ['Percent', 'Pods'], prule);
    if (!(pol?.value > 0)) pp.error('value', pol?.value, 'must be greater than zero', prule);
    if (!(pol?.periodSeconds > 0)) pp.error('periodSeconds', pol?.periodSeconds, 'must be greater than zero', prule);
    else if (pol.periodSeconds > MAX_PERIOD_SECONDS) pp.error('periodSeconds', pol.periodSeconds, `must be less than or equal to ${MAX_PERIOD_SECONDS}`, prule);
  });
}
