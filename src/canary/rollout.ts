import { checkArgs, propMessage } from '../common';
import { CanaryServiceProps } from './canary-service';

/**
 * Props of a RolloutPlan.
 */
export interface RolloutPlanProps {
  /**
   * The version that gives up traffic.
   */
  readonly stable: string;

  /**
   * The version that takes traffic over.
   */
  readonly canary: string;

  /**
   * The canary's weight at each step, increasing integers from 0 to 100 (e.g. `[5, 25, 50, 100]`).
   */
  readonly canaryWeights: number[];
}

/**
 * One step of a rollout.
 */
export interface RolloutStep {
  /**
   * Position in the plan, from 0.
   */
  readonly index: number;

  /**
   * The canary's weight at this step.
   */
  readonly canaryWeight: number;

  /**
   * The weights of this step, for `CanaryServiceProps.weights` (every other version gets 0).
   */
  readonly weights: Record<string, number>;
}

/**
 * A canary rollout as a list of weight steps (e.g. 5 → 25 → 50 → 100). Each step is plain data: synthesize
 * the app once per step (`plan.stepProps(props, i)`) and let the pipeline commit the manifests one by one,
 * moving on when the step's metrics look good. Steps differ only in the weight lines of the VirtualService.
 */
export class RolloutPlan {
  /**
   * The steps, in order.
   */
  public readonly steps: RolloutStep[];

  /**
   * The version that gives up traffic.
   */
  public readonly stable: string;

  /**
   * The version that takes traffic over.
   */
  public readonly canary: string;

  /**
   * Creates it from its props.
   *
   * @param props the settings (RolloutPlanProps)
   */
  constructor(props: RolloutPlanProps) {
    checkArgs('RolloutPlan', 'RolloutPlan.<init>', arguments);
    const fail = (prop: string, value: unknown, allowed: string) => new Error(`[RolloutPlan] ${propMessage(prop, value, allowed)}`);
    if (typeof props.stable !== 'string' || props.stable.length === 0) throw fail('stable', props.stable, 'must name a version');
    if (props.canary === props.stable || typeof props.canary !== 'string') {
      throw fail('canary', props.canary, `must name a version other than the stable one (${JSON.stringify(props.stable)})`);
    }
    if (!Array.isArray(props.canaryWeights) || props.canaryWeights.length === 0) {
      throw fail('canaryWeights', props.canaryWeights, 'must list at least one step');
    }
    props.canaryWeights.forEach((w, i) => {
      if (!Number.isInteger(w) || w < 0 || w > 100) throw fail(`canaryWeights[${i}]`, w, 'must be an integer from 0 to 100');
      if (i > 0 && w <= props.canaryWeights[i - 1]) {
        throw fail(`canaryWeights[${i}]`, w, `must be greater than the step before (${props.canaryWeights[i - 1]})`);
      }
    });
    this.stable = props.stable;
    this.canary = props.canary;
    this.steps = props.canaryWeights.map((w, index) => ({
      index,
      canaryWeight: w,
      weights: { [props.stable]: 100 - w, [props.canary]: w },
    }));
  }

  /**
   * The CanaryService props of step `index`: `props` with that step's weights.
   */
  public stepProps(props: CanaryServiceProps, index: number): CanaryServiceProps {
    checkArgs('RolloutPlan', 'RolloutPlan.stepProps', arguments);
    if (!Number.isInteger(index) || index < 0 || index >= this.steps.length) {
      throw new Error(`[RolloutPlan] ${propMessage('index', index, `must be a step index from 0 to ${this.steps.length - 1}`)}`);
    }
    const names = (props.versions ?? []).map(v => v.name);
    for (const [role, version] of [['stable', this.stable], ['canary', this.canary]]) {
      if (!names.includes(version)) {
        throw new Error(`[RolloutPlan] ${propMessage(role, version, `must be one of the service's versions (${names.join(', ')})`)}`);
      }
    }
    return { ...props, canaryWeight: undefined, weights: this.steps[index].weights };
  }
}
