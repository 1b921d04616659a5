import { Duration } from 'cdk8s';
import { checkArgs, durationMillis } from '../common';
import { check, checkInteger, Problem } from './problem';
import { formatQuantity, positiveQuantityProblem } from './quantity';

/**
 * How a scaling policy limits change (`policies[].type`).
 */
export enum ScalingPolicyType {
  /** At most `value` pods per period. */
  PODS = 'Pods',
  /** At most `value` percent of the replicas at the start of the period. */
  PERCENT = 'Percent',
}

/**
 * Which policy applies when several do (`selectPolicy`).
 */
export enum ScalingPolicySelect {
  /** The policy allowing the largest change (the server's default). */
  MAX = 'Max',
  /** The policy allowing the smallest change. */
  MIN = 'Min',
  /** No scaling in this direction at all. */
  DISABLED = 'Disabled',
}

/** The period the policy factories use when none is given. */
const DEFAULT_POLICY_PERIOD = Duration.seconds(15);

/**
 * A limit on how much the replica count may change within a period.
 */
export class ScalingPolicy {
  /**
   * At most `pods` pods added (scale-up) or removed (scale-down) per period.
   *
   * @param pods an integer from 1
   * @param period 1 s to 30 min, whole seconds. Default: 15 s — a deliberate choice: the period of the
   * server's own default policies and of the controller's sync loop (the API has no default)
   */
  public static pods(pods: number, period?: Duration): ScalingPolicy {
    checkArgs('ScalingPolicy', 'ScalingPolicy.pods', arguments);
    return new ScalingPolicy(ScalingPolicyType.PODS, pods, period ?? DEFAULT_POLICY_PERIOD);
  }

  /**
   * At most `percent` percent of the replicas at the start of the period added or removed per period
   * (scale-up rounds up, scale-down rounds the remaining count down).
   *
   * @param percent an integer from 1 (100 doubles on scale-up, allows removing every pod on scale-down)
   * @param period 1 s to 30 min, whole seconds. Default: 15 s, as for `pods()`
   */
  public static percent(percent: number, period?: Duration): ScalingPolicy {
    checkArgs('ScalingPolicy', 'ScalingPolicy.percent', arguments);
    return new ScalingPolicy(ScalingPolicyType.PERCENT, percent, period ?? DEFAULT_POLICY_PERIOD);
  }

  /** The policy type. */
  public readonly type: ScalingPolicyType;
  /** Pods or percent allowed per period. */
  public readonly value: number;
  /** The period the limit applies to. */
  public readonly period: Duration;

  private constructor(type: ScalingPolicyType, value: number, period: Duration) {
    this.type = type;
    this.value = value;
    this.period = period;
  }

  /** The period in seconds. */
  public get periodSeconds(): number {
    return durationSeconds(this.period);
  }

  /** @internal */
  public _problems(prop: string): Problem[] {
    return [
      ...checkInteger(this.value, `${prop}.value`, 1, 2 ** 31 - 1,
        `must be an integer greater than zero (${this.type === ScalingPolicyType.PODS ? 'pods' : 'percent'} per period)`),
      ...checkInteger(this.periodSeconds, `${prop}.periodSeconds`, 1, 1800, 'must be a whole number of seconds from 1 to 1800 (30 min)'),
    ];
  }

  /** @internal */
  public _toKube(): Record<string, unknown> {
    return { type: this.type, value: this.value, periodSeconds: this.periodSeconds };
  }
}

/**
 * Scaling behavior in one direction (`spec.behavior.scaleUp` / `scaleDown`). Fields left unset are not
 * written, so the server's defaults apply to them:
 * - scale-up: no stabilization, `Max` of 4 pods or 100 % per 15 s;
 * - scale-down: a 300 s stabilization window (the controller's `--horizontal-pod-autoscaler-downscale-stabilization`),
 *   `Max` of 100 % per 15 s.
 */
export interface ScalingRules {
  /**
   * How long past recommendations are considered: the highest recommendation within the window wins on
   * scale-down, the lowest on scale-up, so short dips and spikes do not move the replica count.
   * 0 to 1 h, whole seconds.
   *
   * @default - the server's: 0 for scale-up, 300 s for scale-down
   */
  readonly stabilizationWindow?: Duration;

  /**
   * Which policy wins when there are several.
   *
   * @default - the server's: ScalingPolicySelect.MAX
   */
  readonly selectPolicy?: ScalingPolicySelect;

  /**
   * Limits on the change per period. When given, at least one.
   *
   * @default - the server's: scale-up 4 pods or 100 % per 15 s, scale-down 100 % per 15 s
   */
  readonly policies?: ScalingPolicy[];

  /**
   * The share by which the metric may deviate from its target before this direction acts (`0.05` = 5 %).
   * Needs the `HPAConfigurableTolerance` feature gate (alpha in Kubernetes 1.33, beta and on by default
   * from 1.35, GA in 1.37); an apiserver without it drops the field. Refused for a `kubernetesVersion` before
   * 1.33, a warning on 1.33 and 1.34.
   *
   * @default - the cluster-wide tolerance, 0.1 unless the controller's `--horizontal-pod-autoscaler-tolerance` says otherwise
   */
  readonly tolerance?: number;
}

/** Everything wrong with one direction's rules, with props under `prop` (e.g. `scaleDown`). Internal. */
export function scalingRulesProblems(rules: ScalingRules, prop: string, direction: 'up' | 'down'): Problem[] {
  const problems: Problem[] = [];
  if (rules.stabilizationWindow !== undefined) {
    problems.push(...checkInteger(durationSeconds(rules.stabilizationWindow), `${prop}.stabilizationWindow`, 0, 3600,
      'must be a whole number of seconds from 0 to 3600 (1 h)'));
  }
  if (rules.selectPolicy !== undefined) {
    problems.push(...check(Object.values(ScalingPolicySelect).includes(rules.selectPolicy), `${prop}.selectPolicy`, rules.selectPolicy,
      'must be Max, Min or Disabled'));
  }
  if (rules.policies !== undefined) {
    problems.push(...check(rules.policies.length > 0, `${prop}.policies`, rules.policies,
      'must list at least one policy, or be left unset for the server\'s defaults'));
    rules.policies.forEach((p, i) => problems.push(...p._problems(`${prop}.policies[${i}]`)));
  }
  if (rules.tolerance !== undefined) {
    const t = rules.tolerance;
    const range = direction === 'down'
      ? check(Number.isFinite(t) && t >= 0 && t < 1, `${prop}.tolerance`, t,
        'must be from 0 to less than 1 (a scale-down tolerance of 1 or more never scales down; use selectPolicy DISABLED)')
      : check(Number.isFinite(t) && t >= 0, `${prop}.tolerance`, t, 'must be a number from 0 (0.05 = 5 %)');
    problems.push(...range);
    // a quantity in the API, rounded to its 1n resolution: huge values with a fraction cannot be written exactly
    if (range.length === 0) {
      problems.push(...check(toleranceQuantity(t) !== undefined, `${prop}.tolerance`, t,
        'is too large to write as a quantity at 1n resolution (0.05 = 5 %; to stop scaling up use selectPolicy DISABLED)'));
    }
  }
  return problems;
}

/** The rules as written to YAML: only what the user set; undefined when nothing is. Internal. */
export function scalingRulesToKube(rules: ScalingRules | undefined): Record<string, unknown> | undefined {
  if (!rules) return undefined;
  const out: Record<string, unknown> = {};
  if (rules.stabilizationWindow !== undefined) out.stabilizationWindowSeconds = durationSeconds(rules.stabilizationWindow);
  if (rules.selectPolicy !== undefined) out.selectPolicy = rules.selectPolicy;
  if (rules.policies !== undefined) out.policies = rules.policies.map(p => p._toKube());
  if (rules.tolerance !== undefined) out.tolerance = toleranceQuantity(rules.tolerance);
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * A tolerance as the quantity the API holds, rounded to its 1n resolution; undefined when it cannot be written
 * (too large for the rounding to stay exact). Internal.
 */
function toleranceQuantity(tolerance: number): string | undefined {
  const rounded = Math.round(tolerance * 1e9) / 1e9;
  if (rounded === 0) return '0';
  return positiveQuantityProblem(rounded) === undefined ? formatQuantity(rounded) : undefined;
}

/**
 * Seconds of a Duration, fractions included (validation refuses them where whole seconds are needed). Never
 * throws: `Duration.millis(0.5)` or `Duration.seconds(NaN)` come back as 0.0005 and NaN for the checks to refuse
 * with the prop's name (cdk8s' own `toMilliseconds()` would throw without it). Internal.
 */
export function durationSeconds(d: Duration): number {
  return durationMillis(d) / 1000;
}
