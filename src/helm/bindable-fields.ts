/**
 * Which fields of the objects the library writes can take a Helm value, and what Helm must then refuse.
 *
 * A value bound to a field may only hold what the library would accept there at synth. Each bindable field
 * carries that rule into Helm: as JSON-schema constraints on the value (type, bounds, pattern, enum), or,
 * for checks across fields or over a composed string, as a template guard that `fail`s with the library's
 * message (see guards.ts). A field whose checks cannot be carried is refused with the reason; a field this
 * table does not know is refused too (Helm could not refuse a bad override).
 */
import { FieldPath } from './field-path';
import { HelmValueType } from './helm-value';
import { apiGroup } from './identity';

/** What a binding to one field may be. */
export interface FieldRule {
  /** The value types a whole-field binding may have. */
  readonly types: readonly HelmValueType[];
  /** JSON-schema constraints on a whole-field value. */
  readonly schema?: Record<string, unknown>;
  /** For string fields: an anchored RE2 pattern the whole string must match, checked by a guard when a value fills part of it. */
  readonly format?: { readonly pattern: string; readonly allowed: string };
  /** Constraints on a value filling the part of a string field after `prefix` and before `suffix`. */
  readonly part?: (prefix: string, suffix: string) => Record<string, unknown>;
  /** Set when the field cannot be bound: why. */
  readonly refused?: string;
}

const INT32_MAX = 2 ** 31 - 1;
const NO_WHITESPACE = '^\\S+$';
/** A Kubernetes quantity without sign or exponent (the exponent forms are refused on purpose: guards compare quantities). */
export const QUANTITY_PATTERN = '^([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([KMGTPE]i|[numkMGTPE])?$';
// distribution/reference: tag = [\w][\w.-]{0,127}; digest = algorithm ":" hex
const IMAGE_TAG = '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$';
const IMAGE_DIGEST = '^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$';

const QUANTITY_VALUE = { type: ['string', 'number'], pattern: QUANTITY_PATTERN, minimum: 0 };
const RESOURCES_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limits: { type: 'object', additionalProperties: QUANTITY_VALUE },
    requests: { type: 'object', additionalProperties: QUANTITY_VALUE },
  },
};

const LABELS = 'labels are matched by selectors of other objects (Services, PodDisruptionBudgets, DestinationRule subsets), which a value in one place would break';
const IDENTITY = 'it is the object\'s identity: the namespace is the release\'s (helm install -n), and names are scoped by the release with the umbrella\'s releaseScopedNames';

const string = (extra: Partial<FieldRule> = {}): FieldRule => ({ types: [HelmValueType.STRING], ...extra });
const integer = (minimum: number, maximum: number): FieldRule => ({ types: [HelmValueType.INTEGER], schema: { minimum, maximum } });
const refused = (why: string): FieldRule => ({ types: [], refused: why });

const IMAGE = string({
  schema: { pattern: NO_WHITESPACE },
  format: { pattern: NO_WHITESPACE, allowed: 'must be a container image reference without whitespace (e.g. "ghcr.io/example/app:1.4.0")' },
  part: (prefix, suffix) => {
    if (suffix === '' && /:$/.test(prefix) && !prefix.includes('@')) return { pattern: IMAGE_TAG };
    if (suffix === '' && /@$/.test(prefix)) return { pattern: IMAGE_DIGEST };
    return { pattern: '^\\S*$' };
  },
});
const QUANTITY = string({ schema: { pattern: QUANTITY_PATTERN } });

/** Rules below a container (`containers[]`, `initContainers[]`). */
const CONTAINER: [string, FieldRule][] = [
  ['image', IMAGE],
  ['imagePullPolicy', string({ schema: { enum: ['Always', 'IfNotPresent', 'Never'] } })],
  ['env[].value', string()],
  ['args[]', string()],
  ['command[]', string()],
  ['resources', { types: [HelmValueType.OBJECT], schema: RESOURCES_SCHEMA }],
  ['resources.limits.*', QUANTITY],
  ['resources.requests.*', QUANTITY],
  ['name', refused('container names are referenced by metrics and probes of other objects')],
];

/** Rules below a pod spec. */
const POD_SPEC: [string, FieldRule][] = [
  ...CONTAINER.map(([p, r]) => [`containers[].${p}`, r] as [string, FieldRule]),
  ...CONTAINER.map(([p, r]) => [`initContainers[].${p}`, r] as [string, FieldRule]),
  ['terminationGracePeriodSeconds', integer(0, Number.MAX_SAFE_INTEGER)],
  ['serviceAccountName', refused('it names a ServiceAccount of the chart (and its RBAC subjects)')],
];

const POD_TEMPLATE: [string, FieldRule][] = [
  ...POD_SPEC.map(([p, r]) => [`spec.${p}`, r] as [string, FieldRule]),
  ['metadata.annotations.*', string()],
  ['metadata.labels.*', refused(LABELS)],
];

const WORKLOADS = ['apps/Deployment', 'apps/StatefulSet', 'apps/DaemonSet', 'apps/ReplicaSet', 'batch/Job'];

/** Rules by `group/Kind` ('' the core group); `*` matches every kind. Paths use `[]` for any index and `*` for any key. */
const RULES: [string[], string, FieldRule][] = [
  [['*'], 'metadata.annotations.*', string()],
  [['*'], 'metadata.labels.*', refused(LABELS)],
  [['*'], 'metadata.name', refused(IDENTITY)],
  [['*'], 'metadata.namespace', refused(IDENTITY)],
  ...WORKLOADS.flatMap(k => POD_TEMPLATE.map(([p, r]) => [[k], `spec.template.${p}`, r] as [string[], string, FieldRule])),
  ...POD_TEMPLATE.map(([p, r]) => [['batch/CronJob'], `spec.jobTemplate.spec.template.${p}`, r] as [string[], string, FieldRule]),
  ...POD_SPEC.map(([p, r]) => [['/Pod'], `spec.${p}`, r] as [string[], string, FieldRule]),
  [['apps/Deployment', 'apps/StatefulSet', 'apps/ReplicaSet'], 'spec.replicas', integer(0, INT32_MAX)],
  [WORKLOADS, 'spec.selector', refused(LABELS)],
  [['/Service'], 'spec.selector', refused(LABELS)],
  // autoscaling/v2 HorizontalPodAutoscaler: 0 needs Object/External metrics and a feature gate, which Helm cannot check
  [['autoscaling/HorizontalPodAutoscaler'], 'spec.minReplicas', integer(1, INT32_MAX)],
  [['autoscaling/HorizontalPodAutoscaler'], 'spec.maxReplicas', integer(1, INT32_MAX)],
  [['autoscaling/HorizontalPodAutoscaler'], 'spec.metrics[].resource.target.averageUtilization', integer(1, INT32_MAX)],
  [['autoscaling/HorizontalPodAutoscaler'], 'spec.metrics[].resource.target.averageValue', QUANTITY],
  [['autoscaling/HorizontalPodAutoscaler'], 'spec.scaleTargetRef', refused('it names a workload of the chart')],
  [['/ConfigMap'], 'data.*', string()],
  [['networking.istio.io/VirtualService'], 'spec.http[].route[].weight',
    refused('the weights of a route must sum to 100, a check across values that Helm cannot make; bind the versions\' images or replicas instead')],
  [['networking.istio.io/VirtualService'], 'spec.http[].route[].destination.subset', refused('it must name a subset of the DestinationRule')],
  [['networking.istio.io/DestinationRule'], 'spec.subsets', refused('subsets must select the pods of their versions')],
];

/** The rule of a field of `obj`, or undefined when the table does not know the field. */
export function fieldRule(obj: any, path: FieldPath): FieldRule | undefined {
  const kind = `${apiGroup(String(obj?.apiVersion ?? ''))}/${obj?.kind}`;
  for (const [kinds, pattern, rule] of COMPILED) {
    if (!kinds.includes('*') && !kinds.includes(kind)) continue;
    if (matches(pattern, path)) return rule;
  }
  return undefined;
}

const COMPILED: [string[], string[], FieldRule][] = RULES.map(([k, p, r]) => [k, p.replace(/\[\]/g, '.[]').split('.'), r]);

function matches(pattern: string[], path: FieldPath): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every((seg, i) => {
    const s = path[i];
    if (seg === '[]') return typeof s === 'number';
    if (seg === '*') return typeof s === 'string';
    return s === seg;
  });
}

/** The fields the table lets a value bind, for messages. */
export function bindableFieldsSummary(): string {
  return 'container image, imagePullPolicy, env values, args, command, resources (whole or one quantity), '
    + 'terminationGracePeriodSeconds, annotations, workload replicas, HPA minReplicas/maxReplicas/resource targets, ConfigMap data';
}
