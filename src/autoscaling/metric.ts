import { k8s } from 'cdk8s-plus-27';
import { checkArgs, isDns1123Label, isPathSegmentName, PATH_SEGMENT_RULE } from '../common';
import { check, checkInteger, Problem } from './problem';
import { formatQuantity, positiveQuantityProblem } from './quantity';

/**
 * Where a metric comes from (`spec.metrics[].type`).
 */
export enum MetricSourceType {
  /** A resource (cpu, memory) of the pods, summed over all their containers. */
  RESOURCE = 'Resource',
  /** A resource of one named container in each pod. */
  CONTAINER_RESOURCE = 'ContainerResource',
  /** A custom per-pod metric, averaged over the pods. */
  PODS = 'Pods',
  /** A custom metric describing one Kubernetes object (e.g. an Ingress' requests per second). */
  OBJECT = 'Object',
  /** A metric from outside the cluster (e.g. a queue length). */
  EXTERNAL = 'External',
}

/**
 * What a metric is compared with (`target.type`).
 */
export enum MetricTargetType {
  /** Average share of the resource request, in percent (Resource and ContainerResource only). */
  UTILIZATION = 'Utilization',
  /** The metric averaged over the pods. */
  AVERAGE_VALUE = 'AverageValue',
  /** The metric's value as it is (Object and External only). */
  VALUE = 'Value',
}

/**
 * The value a metric should hold. Which types a metric accepts is checked when the autoscaler is built:
 * Resource and ContainerResource take Utilization or AverageValue, Pods takes AverageValue, Object and
 * External take Value or AverageValue.
 */
export class MetricTarget {
  /**
   * Average utilization across the pods, in percent of the resource request (`50` = half the request).
   * Every container the metric covers must request the resource (checked at synth).
   *
   * @param percent an integer from 1; above 100 is allowed when limits exceed requests
   */
  public static utilization(percent: number): MetricTarget {
    checkArgs('MetricTarget', 'MetricTarget.utilization', arguments);
    return new MetricTarget(MetricTargetType.UTILIZATION, percent);
  }

  /**
   * The metric averaged over the pods of the target (for Object and External metrics: the metric's value
   * divided by the current replica count).
   *
   * @param quantity a Kubernetes quantity: a number, or a string such as `"500m"` or `"512Mi"`
   */
  public static averageValue(quantity: string | number): MetricTarget {
    checkArgs('MetricTarget', 'MetricTarget.averageValue', arguments);
    return new MetricTarget(MetricTargetType.AVERAGE_VALUE, quantity);
  }

  /**
   * The metric's value as reported (Object and External metrics only).
   *
   * @param quantity a Kubernetes quantity: a number, or a string such as `"10k"`
   */
  public static value(quantity: string | number): MetricTarget {
    checkArgs('MetricTarget', 'MetricTarget.value', arguments);
    return new MetricTarget(MetricTargetType.VALUE, quantity);
  }

  /** The target type. */
  public readonly type: MetricTargetType;

  /** The percentage (Utilization) or quantity (AverageValue, Value) as given. */
  public readonly amount: string | number;

  private constructor(type: MetricTargetType, amount: string | number) {
    this.type = type;
    this.amount = amount;
  }

  /** @internal */
  public _problems(prop: string): Problem[] {
    if (this.type === MetricTargetType.UTILIZATION) {
      return checkInteger(this.amount as number, `${prop}.averageUtilization`, 1, 2 ** 31 - 1,
        'must be an integer percentage of the request, at least 1');
    }
    const field = this.type === MetricTargetType.VALUE ? 'value' : 'averageValue';
    const problem = positiveQuantityProblem(this.amount);
    return problem ? [{ prop: `${prop}.${field}`, value: this.amount, allowed: problem }] : [];
  }

  /** @internal */
  public _toKube(): Record<string, unknown> {
    switch (this.type) {
      case MetricTargetType.UTILIZATION: return { type: this.type, averageUtilization: this.amount };
      case MetricTargetType.AVERAGE_VALUE: return { type: this.type, averageValue: formatQuantity(this.amount) };
      default: return { type: this.type, value: formatQuantity(this.amount) };
    }
  }

  /** @internal */
  public _describe(): string {
    return this.type === MetricTargetType.UTILIZATION ? `${this.amount}% of the request` : `${this.type} ${this.amount}`;
  }
}

/**
 * A reference to a Kubernetes object by apiVersion, kind and name (`CrossVersionObjectReference`), in the
 * autoscaler's namespace.
 */
export interface AutoscalingObjectReference {
  /** API version of the object, e.g. `apps/v1` or `networking.k8s.io/v1`. */
  readonly apiVersion: string;
  /** Kind of the object, e.g. `Deployment` or `Ingress`. */
  readonly kind: string;
  /** Name of the object. */
  readonly name: string;
}

/**
 * Options for `Metric.containerResource()`.
 */
export interface ContainerResourceMetricOptions {
  /** Name of the container in the pod template whose usage is measured (sidecars excluded). */
  readonly container: string;
  /** The resource, e.g. `cpu` or `memory`. */
  readonly resource: string;
  /** Utilization or AverageValue. */
  readonly target: MetricTarget;
}

/**
 * Options for `Metric.pods()` and `Metric.external()`: a named metric from the custom or external
 * metrics API.
 */
export interface CustomMetricOptions {
  /** Name of the metric, as the metrics adapter serves it. */
  readonly name: string;
  /**
   * Label selector passed to the metrics adapter to pick the series.
   *
   * @default - the metric name alone selects the series
   */
  readonly selector?: k8s.LabelSelector;
  /** The target: AverageValue for Pods metrics; Value or AverageValue for External metrics. */
  readonly target: MetricTarget;
}

/**
 * Options for `Metric.object()`.
 */
export interface ObjectMetricOptions extends CustomMetricOptions {
  /** The object the metric describes, in the autoscaler's namespace. */
  readonly describedObject: AutoscalingObjectReference;
}

const ALLOWED_TARGETS: Record<MetricSourceType, MetricTargetType[]> = {
  [MetricSourceType.RESOURCE]: [MetricTargetType.UTILIZATION, MetricTargetType.AVERAGE_VALUE],
  [MetricSourceType.CONTAINER_RESOURCE]: [MetricTargetType.UTILIZATION, MetricTargetType.AVERAGE_VALUE],
  [MetricSourceType.PODS]: [MetricTargetType.AVERAGE_VALUE],
  [MetricSourceType.OBJECT]: [MetricTargetType.VALUE, MetricTargetType.AVERAGE_VALUE],
  [MetricSourceType.EXTERNAL]: [MetricTargetType.VALUE, MetricTargetType.AVERAGE_VALUE],
};

const FIELD: Record<MetricSourceType, string> = {
  [MetricSourceType.RESOURCE]: 'resource',
  [MetricSourceType.CONTAINER_RESOURCE]: 'containerResource',
  [MetricSourceType.PODS]: 'pods',
  [MetricSourceType.OBJECT]: 'object',
  [MetricSourceType.EXTERNAL]: 'external',
};

// a resource name: an optional DNS-subdomain prefix and a qualified name (`cpu`, `nvidia.com/gpu`)
const RESOURCE_NAME = /^(?:[a-z0-9]([-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/**
 * A metric the autoscaler scales on. The replica count it asks for is
 * `ceil(currentReplicas × currentValue / targetValue)`; with several metrics the largest count wins.
 */
export class Metric {
  /**
   * Pod cpu, summed over every container of the pod (sidecars included) and compared with the target.
   */
  public static resourceCpu(target: MetricTarget): Metric {
    checkArgs('Metric', 'Metric.resourceCpu', arguments);
    return Metric.resource('cpu', target);
  }

  /**
   * Pod memory, summed over every container of the pod (sidecars included) and compared with the target.
   */
  public static resourceMemory(target: MetricTarget): Metric {
    checkArgs('Metric', 'Metric.resourceMemory', arguments);
    return Metric.resource('memory', target);
  }

  /**
   * Any resource of the pods, summed over every container (the metrics server reports cpu and memory).
   *
   * @param name the resource name, e.g. `cpu`
   */
  public static resource(name: string, target: MetricTarget): Metric {
    checkArgs('Metric', 'Metric.resource', arguments);
    return new Metric(MetricSourceType.RESOURCE, name, target);
  }

  /**
   * A resource of one container in each pod, so a busy sidecar does not hide an idle application
   * container (or the reverse).
   */
  public static containerResource(options: ContainerResourceMetricOptions): Metric {
    checkArgs('Metric', 'Metric.containerResource', arguments);
    return new Metric(MetricSourceType.CONTAINER_RESOURCE, options.resource, options.target, { container: options.container });
  }

  /**
   * A custom metric reported per pod (custom metrics API), averaged over the pods; AverageValue only.
   */
  public static pods(options: CustomMetricOptions): Metric {
    checkArgs('Metric', 'Metric.pods', arguments);
    return new Metric(MetricSourceType.PODS, options.name, options.target, { selector: options.selector });
  }

  /**
   * A custom metric describing one object in the namespace (custom metrics API), e.g. an Ingress'
   * requests per second.
   */
  public static object(options: ObjectMetricOptions): Metric {
    checkArgs('Metric', 'Metric.object', arguments);
    return new Metric(MetricSourceType.OBJECT, options.name, options.target,
      { selector: options.selector, describedObject: options.describedObject });
  }

  /**
   * A metric from outside the cluster (external metrics API), e.g. a queue length.
   */
  public static external(options: CustomMetricOptions): Metric {
    checkArgs('Metric', 'Metric.external', arguments);
    return new Metric(MetricSourceType.EXTERNAL, options.name, options.target, { selector: options.selector });
  }

  /** The metric source type. */
  public readonly type: MetricSourceType;

  /** The resource name (Resource, ContainerResource) or metric name (Pods, Object, External). */
  public readonly name: string;

  /** The target value. */
  public readonly target: MetricTarget;

  /**
   * The container (ContainerResource only).
   *
   * @default - not a ContainerResource metric
   */
  public readonly container?: string;

  /**
   * The metric's label selector (Pods, Object, External).
   *
   * @default - none
   */
  public readonly selector?: k8s.LabelSelector;

  /**
   * The object described (Object only).
   *
   * @default - not an Object metric
   */
  public readonly describedObject?: AutoscalingObjectReference;

  private constructor(type: MetricSourceType, name: string, target: MetricTarget,
    extra: { container?: string; selector?: k8s.LabelSelector; describedObject?: AutoscalingObjectReference } = {}) {
    this.type = type;
    this.name = name;
    this.target = target;
    this.container = extra.container;
    this.selector = extra.selector;
    this.describedObject = extra.describedObject;
  }

  /** True for metrics computed from pod resource usage (cpu, memory), which the metrics server reports. */
  public get isResource(): boolean {
    return this.type === MetricSourceType.RESOURCE || this.type === MetricSourceType.CONTAINER_RESOURCE;
  }

  /**
   * Everything wrong with this metric on its own, with props under `prop` (e.g. `metrics[1]`).
   * @internal
   */
  public _problems(prop: string): Problem[] {
    const field = `${prop}.${FIELD[this.type]}`;
    const problems: Problem[] = [];
    if (this.isResource) {
      problems.push(...check(typeof this.name === 'string' && RESOURCE_NAME.test(this.name), `${field}.name`, this.name,
        'must be a resource name such as "cpu" or "memory"'));
    } else {
      problems.push(...check(typeof this.name === 'string' && this.name.trim().length > 0 && isPathSegmentName(this.name),
        `${field}.metric.name`, this.name, `must be a non-empty metric name ${PATH_SEGMENT_RULE}`));
    }
    if (this.type === MetricSourceType.CONTAINER_RESOURCE) {
      problems.push(...check(isDns1123Label(this.container), `${field}.container`, this.container,
        'must be a container name (a DNS label)'));
    }
    if (this.describedObject) {
      for (const key of ['apiVersion', 'kind', 'name'] as const) {
        const value = this.describedObject[key];
        // the apiserver checks kind and name as path segments (ValidateCrossVersionObjectReference)
        const ok = typeof value === 'string' && value.length > 0 && (key === 'apiVersion' || isPathSegmentName(value));
        problems.push(...check(ok, `${field}.describedObject.${key}`, value,
          key === 'apiVersion' ? 'must be a non-empty string' : `must be a non-empty string ${PATH_SEGMENT_RULE}`));
      }
    }
    const allowed = ALLOWED_TARGETS[this.type];
    if (!allowed.includes(this.target.type)) {
      problems.push({
        prop: `${field}.target.type`,
        value: this.target.type,
        allowed: `is not allowed for ${/^[AEIOU]/.test(this.type) ? 'an' : 'a'} ${this.type} metric, which takes ${allowed.join(' or ')}`,
      });
    } else {
      problems.push(...this.target._problems(`${field}.target`));
    }
    return problems;
  }

  /**
   * What makes two metrics the same metric for the HPA (type, source and selector; not the target).
   * @internal
   */
  public _identity(): string {
    return JSON.stringify([this.type, this.name, this.container ?? null, this.describedObject ?? null, this.selector ?? null]);
  }

  /**
   * A short human name: `cpu resource`, `cpu of container "app"`, `pods metric "rps"`.
   * @internal
   */
  public _describe(): string {
    switch (this.type) {
      case MetricSourceType.RESOURCE: return `${this.name} resource`;
      case MetricSourceType.CONTAINER_RESOURCE: return `${this.name} of container "${this.container}"`;
      case MetricSourceType.OBJECT: return `${this.describedObject?.kind} metric "${this.name}"`;
      default: return `${this.type.toLowerCase()} metric "${this.name}"`;
    }
  }

  /** @internal */
  public _toKube(): Record<string, unknown> {
    const target = this.target._toKube();
    const metric = { name: this.name, selector: this.selector };
    switch (this.type) {
      case MetricSourceType.RESOURCE:
        return { type: this.type, resource: { name: this.name, target } };
      case MetricSourceType.CONTAINER_RESOURCE:
        return { type: this.type, containerResource: { name: this.name, container: this.container, target } };
      case MetricSourceType.OBJECT:
        return { type: this.type, object: { describedObject: { ...this.describedObject }, metric, target } };
      default:
        return { type: this.type, [FIELD[this.type]]: { metric, target } };
    }
  }
}
