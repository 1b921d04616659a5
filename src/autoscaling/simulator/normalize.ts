/**
 * Stabilization and rate limits of the HPA controller (kubernetes/kubernetes
 * pkg/controller/podautoscaler/horizontal.go). Two code paths, as there: with a `behavior`
 * (stabilizeRecommendationWithBehaviors, convertDesiredReplicasWithBehaviorRate, with the server's
 * default rules filled in where the spec sets none), and without one (stabilizeRecommendation,
 * convertDesiredReplicasWithRules). Pure.
 */
import { durationSeconds, ScalingPolicy, ScalingPolicySelect, ScalingPolicyType, ScalingRules } from '../behavior';
import { ScalingReason } from './model';

/** One direction's rules with every default filled in. */
export interface EffectiveRules {
  readonly windowSeconds: number;
  readonly select: ScalingPolicySelect;
  readonly policies: readonly ScalingPolicy[];
}

/** The server's defaults (pkg/apis/autoscaling/v2/defaults.go) under the user's rules. */
export function effectiveRules(rules: ScalingRules | undefined, direction: 'up' | 'down', downscaleWindowSeconds: number): EffectiveRules {
  const defaults = direction === 'up'
    ? [ScalingPolicy.pods(4), ScalingPolicy.percent(100)]
    : [ScalingPolicy.percent(100)];
  const window = rules?.stabilizationWindow ? durationSeconds(rules.stabilizationWindow) : undefined;
  return {
    windowSeconds: window ?? (direction === 'up' ? 0 : downscaleWindowSeconds),
    select: rules?.selectPolicy ?? ScalingPolicySelect.MAX,
    policies: rules?.policies ?? defaults,
  };
}

/** A recommendation or a scale event at a time (seconds). */
export interface Timed {
  readonly time: number;
  readonly value: number;
  /** Scale events only: older than the longest policy period, so the slot can be reused (markScaleEventsOutdated). */
  readonly outdated?: boolean;
}

/**
 * Records an unstabilized recommendation (stabilizeRecommendationWithBehaviors, stabilizeRecommendation): into
 * the slot of the last recommendation older than every window, or appended.
 */
export function storeRecommendation(history: Timed[], desired: number, now: number, isOld: (rec: Timed) => boolean): void {
  let oldIndex = -1;
  history.forEach((rec, i) => {
    if (isOld(rec)) oldIndex = i;
  });
  const entry = { time: now, value: desired };
  if (oldIndex >= 0) history[oldIndex] = entry;
  else history.push(entry);
}

/** The behavior path's test for a reusable recommendation: before both cutoffs. */
export function oldForBehavior(now: number, up: EffectiveRules, down: EffectiveRules): (rec: Timed) => boolean {
  return rec => rec.time < now - up.windowSeconds && rec.time < now - down.windowSeconds;
}

/** The longest period of a direction's policies (getLongestPolicyPeriod). */
export function longestPolicyPeriod(rules: EffectiveRules): number {
  return Math.max(...rules.policies.map(p => p.periodSeconds));
}

/**
 * Records a scale event (storeScaleEvent): events older than the longest policy period are marked outdated and
 * the last outdated one is reused, else the event is appended.
 */
export function storeScaleEvent(events: Timed[], change: number, now: number, longestPeriod: number): void {
  let oldIndex = -1;
  events.forEach((e, i) => {
    const outdated = e.outdated || e.time < now - longestPeriod;
    if (outdated) {
      events[i] = { ...e, outdated: true };
      oldIndex = i;
    }
  });
  const entry = { time: now, value: change, outdated: false };
  if (oldIndex >= 0) events[oldIndex] = entry;
  else events.push(entry);
}

/** The replicas added (or removed) by events within the last `periodSeconds` (getReplicasChangePerPeriod). */
export function replicasChangePerPeriod(periodSeconds: number, now: number, events: readonly Timed[]): number {
  return events.filter(e => e.time > now - periodSeconds).reduce((sum, e) => sum + e.value, 0);
}

/**
 * The recommendation brought within the lowest recent recommendation (scale-up window) and the highest
 * (scale-down window); `history` holds earlier unstabilized recommendations.
 */
export function stabilize(desired: number, current: number, now: number, history: readonly Timed[],
  up: EffectiveRules, down: EffectiveRules): number {
  let upRecommendation = desired;
  let downRecommendation = desired;
  for (const rec of history) {
    if (rec.time > now - up.windowSeconds) upRecommendation = Math.min(rec.value, upRecommendation);
    if (rec.time > now - down.windowSeconds) downRecommendation = Math.max(rec.value, downRecommendation);
  }
  let recommendation = current;
  if (recommendation < upRecommendation) recommendation = upRecommendation;
  if (recommendation > downRecommendation) recommendation = downRecommendation;
  return recommendation;
}

function periodStart(current: number, policy: ScalingPolicy, now: number, ups: readonly Timed[], downs: readonly Timed[]): number {
  return current - replicasChangePerPeriod(policy.periodSeconds, now, ups) + replicasChangePerPeriod(policy.periodSeconds, now, downs);
}

/** The most replicas the scale-up policies allow now. */
export function scaleUpLimit(current: number, now: number, ups: readonly Timed[], downs: readonly Timed[], rules: EffectiveRules): number {
  if (rules.select === ScalingPolicySelect.DISABLED) return current;
  const proposals = rules.policies.map(p => {
    const start = periodStart(current, p, now, ups, downs);
    // rounded up, as the controller does, so a small percentage still adds a pod
    return p.type === ScalingPolicyType.PODS ? start + p.value : Math.ceil(start * (1 + p.value / 100));
  });
  return rules.select === ScalingPolicySelect.MIN ? Math.min(...proposals) : Math.max(...proposals);
}

/** The fewest replicas the scale-down policies allow now. */
export function scaleDownLimit(current: number, now: number, ups: readonly Timed[], downs: readonly Timed[], rules: EffectiveRules): number {
  if (rules.select === ScalingPolicySelect.DISABLED) return current;
  const proposals = rules.policies.map(p => {
    const start = periodStart(current, p, now, ups, downs);
    // truncated, as Go's int32() conversion does
    return p.type === ScalingPolicyType.PODS ? start - p.value : Math.trunc(start * (1 - p.value / 100));
  });
  // the largest change is the lowest count
  return rules.select === ScalingPolicySelect.MIN ? Math.max(...proposals) : Math.min(...proposals);
}

/** The stabilized recommendation brought within the policies and [minReplicas, maxReplicas]. */
export interface Limited {
  readonly replicas: number;
  /** Why the count differs from the stabilized recommendation, when it does. */
  readonly reason?: ScalingReason;
}

export function limit(stabilized: number, current: number, min: number, max: number, now: number,
  ups: readonly Timed[], downs: readonly Timed[], up: EffectiveRules, down: EffectiveRules): Limited {
  if (stabilized > current) {
    const policyLimit = Math.max(scaleUpLimit(current, now, ups, downs, up), current);
    const byPolicy = max > policyLimit;
    const allowed = byPolicy ? policyLimit : max;
    if (stabilized > allowed) {
      const reason = !byPolicy ? ScalingReason.MAX_REPLICAS
        : up.select === ScalingPolicySelect.DISABLED ? ScalingReason.DIRECTION_DISABLED : ScalingReason.POLICY_LIMIT;
      return { replicas: allowed, reason };
    }
  } else if (stabilized < current) {
    const policyLimit = Math.min(scaleDownLimit(current, now, ups, downs, down), current);
    const byPolicy = min < policyLimit;
    const allowed = byPolicy ? policyLimit : min;
    if (stabilized < allowed) {
      const reason = !byPolicy ? ScalingReason.MIN_REPLICAS
        : down.select === ScalingPolicySelect.DISABLED ? ScalingReason.DIRECTION_DISABLED : ScalingReason.POLICY_LIMIT;
      return { replicas: allowed, reason };
    }
  }
  return { replicas: stabilized };
}

/** The scale-up cap of the path without `behavior`: twice the replicas, at least 4 (calculateScaleUpLimit). */
export function legacyScaleUpLimit(current: number, factor = 2): number {
  return Math.trunc(Math.max(factor * current, 4));
}

/**
 * The path without `behavior`: the highest recommendation of the scale-down window (its edge included),
 * in both directions; then at most `legacyScaleUpLimit` and within `[min, max]`.
 */
export function legacyStabilize(desired: number, now: number, history: readonly Timed[], windowSeconds: number): number {
  return history.filter(rec => rec.time >= now - windowSeconds).reduce((m, rec) => Math.max(m, rec.value), desired);
}

export function legacyLimit(stabilized: number, current: number, min: number, max: number, factor = 2): Limited {
  const upLimit = legacyScaleUpLimit(current, factor);
  const byRate = max > upLimit;
  const allowed = byRate ? upLimit : max;
  if (stabilized < min) return { replicas: min, reason: ScalingReason.MIN_REPLICAS };
  if (stabilized > allowed) return { replicas: allowed, reason: byRate ? ScalingReason.POLICY_LIMIT : ScalingReason.MAX_REPLICAS };
  return { replicas: stabilized };
}
