import { Duration } from 'cdk8s';
import { RolloutPlan } from '../../canary/rollout';
import { checkArgs } from '../../common';
import { AutoscalingOptions, defaultMetrics } from '../autoscaling-options';
import { durationSeconds } from '../behavior';
import { Metric, MetricSourceType, MetricTargetType } from '../metric';
import { checkInteger, throwFirstFor } from '../problem';
import { parseQuantity } from '../quantity';
import { HpaSimulator } from './hpa-simulator';
import { SimulationStep } from './model';

/**
 * Props for `RolloutAutoscalingSimulator`: a canary rollout plan and the autoscaler of each version.
 */
export interface RolloutAutoscalingSimulatorProps {
  /** The rollout: which version is stable, which is the canary, and the canary's weight at each step. */
  readonly plan: RolloutPlan;

  /**
   * The stable version's autoscaler. Its first metric must be measured on the pods (Resource,
   * ContainerResource or Pods): the load is shared between the versions by weight.
   */
  readonly stable: AutoscalingOptions;

  /** The canary version's autoscaler, with the same kind of first metric. */
  readonly canary: AutoscalingOptions;

  /** How long each step of the plan lasts before the weights move on; a whole number of syncs. */
  readonly stepDuration: Duration;

  /**
   * Seconds between the controller's syncs.
   *
   * @default Duration.seconds(15)
   */
  readonly syncPeriod?: Duration;

  /**
   * How long a new pod takes to become ready (see `HpaSimulatorProps.podStartup`).
   *
   * @default Duration.seconds(0)
   */
  readonly podStartup?: Duration;

  /**
   * The Kubernetes version simulated.
   *
   * @default "1.37"
   */
  readonly kubernetesVersion?: string;
}

/**
 * The load of a rollout simulation.
 */
export interface RolloutLoad {
  /**
   * The total load across both versions at each sync, in the unit of the first metric's target: for a
   * Utilization target in percent of one pod's request (`350` = 3.5 pods' worth), otherwise its average value's
   * unit (requests per second for a Pods metric `rps`). Each version gets its weight's share.
   */
  readonly total: number[];

  /** The stable version's replicas when the rollout starts. */
  readonly stableReplicas: number;

  /**
   * The canary's replicas when the rollout starts.
   *
   * @default - the canary's minReplicas
   */
  readonly canaryReplicas?: number;
}

/**
 * One version at one step of the rollout.
 */
export interface RolloutVersionStep {
  /** The version's name. */
  readonly version: string;
  /** The version's traffic weight at this step. */
  readonly weight: number;
  /** Replicas after the step's last sync. */
  readonly replicas: number;
  /** Of those, pods ready (started more than `podStartup` ago) at the step's last sync. */
  readonly ready: number;
  /** Replicas the version's share of the load needs at its target at the step's last sync (`ceil(share / target)`). */
  readonly needed: number;
  /** The version's autoscaler is at `maxReplicas` at some sync of the step. */
  readonly atMaxReplicas: boolean;
  /** The largest shortfall of the step: replicas needed minus ready pods, over its syncs (0 when never short). */
  readonly shortfall: number;
  /** Syncs of the step with fewer ready pods than the share needs. */
  readonly syncsShort: number;
}

/**
 * One step of the rollout for both versions.
 */
export interface RolloutStepOutcome {
  /** The step's index in the plan. */
  readonly index: number;
  /** The canary's weight. */
  readonly canaryWeight: number;
  /** Seconds from the start of the rollout to the step's first sync. */
  readonly startTime: number;
  /** The stable version during the step. */
  readonly stable: RolloutVersionStep;
  /** The canary during the step. */
  readonly canary: RolloutVersionStep;
}

/**
 * One version's replica timeline through the rollout.
 */
export interface RolloutVersionTimeline {
  /** The version's name. */
  readonly version: string;
  /** The autoscaler's maxReplicas. */
  readonly maxReplicas: number;
  /** Replicas after each sync. */
  readonly replicas: number[];
  /** Pods ready at each sync (new pods take `podStartup`; a scale-down removes starting pods first). */
  readonly ready: number[];
  /** Replicas the version's share needs at each sync. */
  readonly needed: number[];
  /** The autoscaler's decision at each sync. */
  readonly steps: SimulationStep[];
}

/**
 * What happens to the autoscalers of both versions as a canary rollout moves traffic.
 */
export interface RolloutSimulation {
  /** Seconds between syncs. */
  readonly syncPeriodSeconds: number;
  /** Syncs per rollout step. */
  readonly syncsPerStep: number;
  /** The stable version's timeline. */
  readonly stable: RolloutVersionTimeline;
  /** The canary's timeline. */
  readonly canary: RolloutVersionTimeline;
  /** Both versions at each step of the plan (the last step lasts until the load ends). */
  readonly steps: RolloutStepOutcome[];
  /** The steps where a version is at maxReplicas or short of what its weight needs, in words. */
  readonly findings: string[];
}

/**
 * Predicts how the autoscalers of a canary's two versions react while a `RolloutPlan` moves the weights: each
 * version's HorizontalPodAutoscaler (simulated by `HpaSimulator`) sees its weight's share of the load, so a step
 * that shifts traffic faster than the canary's autoscaler adds pods, or a canary `maxReplicas` sized for a small
 * weight, shows up as the steps where a version is at `maxReplicas` or below what its weight needs.
 *
 * @example
 * const prediction = new RolloutAutoscalingSimulator({ plan, stable: stableHpa, canary: canaryHpa, stepDuration: Duration.minutes(5) })
 *   .run({ total: load, stableReplicas: 8 });
 * prediction.findings; // ['step 2 (canary 50%): canary at maxReplicas 4, 2 short of the 6 its weight needs', …]
 */
export class RolloutAutoscalingSimulator {
  /** The rollout plan. */
  public readonly plan: RolloutPlan;
  /** Seconds between syncs. */
  public readonly syncPeriodSeconds: number;
  /** Syncs per rollout step. */
  public readonly syncsPerStep: number;

  private readonly stable: AutoscalingOptions;
  private readonly canary: AutoscalingOptions;
  private readonly podStartup?: Duration;
  private readonly kubernetesVersion?: string;

  /**
   * Creates it from its props.
   *
   * @param props the settings (RolloutAutoscalingSimulatorProps)
   */
  constructor(props: RolloutAutoscalingSimulatorProps) {
    checkArgs('RolloutAutoscalingSimulator', 'RolloutAutoscalingSimulator.<init>', arguments);
    this.plan = props.plan;
    this.stable = props.stable;
    this.canary = props.canary;
    this.podStartup = props.podStartup;
    this.kubernetesVersion = props.kubernetesVersion;
    this.syncPeriodSeconds = props.syncPeriod ? durationSeconds(props.syncPeriod) : 15;
    const stepSeconds = durationSeconds(props.stepDuration);
    this.syncsPerStep = stepSeconds / this.syncPeriodSeconds;
    throwFirstFor('RolloutAutoscalingSimulator', [
      ...checkInteger(this.syncPeriodSeconds, 'syncPeriod', 1, 3600, 'must be a whole number of seconds from 1 to 3600'),
      ...checkInteger(this.syncsPerStep, 'stepDuration', 1, 1e6,
        `must be a positive whole number of syncs (${this.syncPeriodSeconds} s each)`),
      ...(['stable', 'canary'] as const).flatMap(role => {
        const metric = firstMetric(props[role]);
        return metric.type === MetricSourceType.OBJECT || metric.type === MetricSourceType.EXTERNAL
          ? [{ prop: `${role}.metrics[0]`, value: metric._describe(), allowed: 'must be measured on the pods (Resource, ContainerResource or Pods) so the load can be shared by weight' }]
          : [];
      }),
    ]);
  }

  /**
   * Runs the rollout over a load trace (one total per sync).
   */
  public run(load: RolloutLoad): RolloutSimulation {
    checkArgs('RolloutAutoscalingSimulator', 'RolloutAutoscalingSimulator.run', arguments);
    const count = load.total.length;
    throwFirstFor('RolloutAutoscalingSimulator', [
      ...load.total.flatMap((v, i) => Number.isFinite(v) && v >= 0 ? [] : [{ prop: `total[${i}]`, value: v, allowed: 'must be a number from 0' }]),
    ]);
    const stepAt = (i: number) => Math.min(Math.floor(i / this.syncsPerStep), this.plan.steps.length - 1);
    const canaryWeight = (i: number) => this.plan.steps[stepAt(i)].canaryWeight;
    const stable = this.version(this.plan.stable, this.stable, load.stableReplicas, load.total.map((t, i) => t * (100 - canaryWeight(i)) / 100));
    const canary = this.version(this.plan.canary, this.canary, load.canaryReplicas ?? this.canary.minReplicas ?? 1,
      load.total.map((t, i) => t * canaryWeight(i) / 100));

    const steps: RolloutStepOutcome[] = [];
    const findings: string[] = [];
    for (const planStep of this.plan.steps) {
      const first = planStep.index * this.syncsPerStep;
      if (first >= count) break;
      const last = planStep.index === this.plan.steps.length - 1 ? count - 1 : Math.min(count, first + this.syncsPerStep) - 1;
      const outcome = (t: RolloutVersionTimeline, weight: number): RolloutVersionStep => {
        const syncs = Array.from({ length: last - first + 1 }, (_, k) => first + k);
        const short = syncs.map(i => t.needed[i] - t.ready[i]);
        return {
          version: t.version,
          weight,
          replicas: t.replicas[last],
          ready: t.ready[last],
          needed: t.needed[last],
          atMaxReplicas: syncs.some(i => t.replicas[i] >= t.maxReplicas),
          shortfall: Math.max(0, ...short),
          syncsShort: short.filter(s => s > 0).length,
        };
      };
      const step = {
        index: planStep.index,
        canaryWeight: planStep.canaryWeight,
        startTime: first * this.syncPeriodSeconds,
        stable: outcome(stable, 100 - planStep.canaryWeight),
        canary: outcome(canary, planStep.canaryWeight),
      };
      steps.push(step);
      for (const [v, t] of [[step.stable, stable], [step.canary, canary]] as const) {
        if (!v.atMaxReplicas && v.shortfall === 0) continue;
        const role = v === step.stable ? 'stable' : 'canary';
        const parts = [
          ...(v.atMaxReplicas ? [`at maxReplicas ${t.maxReplicas}`] : []),
          ...(v.shortfall > 0 ? [`up to ${v.shortfall} short of what its ${v.weight}% needs (${v.syncsShort} of ${last - first + 1} syncs short)`] : []),
        ];
        findings.push(`step ${step.index} (canary ${step.canaryWeight}%): ${role} ${v.version} ${parts.join(', ')}`);
      }
    }
    return { syncPeriodSeconds: this.syncPeriodSeconds, syncsPerStep: this.syncsPerStep, stable, canary, steps, findings };
  }

  /**
   * An SVG chart of a simulation: each version's replicas (solid) and what its weight needs (dashed) over time,
   * the steps as bands labelled with the canary's weight, and each version's maxReplicas. Deterministic.
   */
  public renderSvg(result: RolloutSimulation): string {
    return renderRolloutSvg(result);
  }

  private version(name: string, autoscaling: AutoscalingOptions, initial: number, shares: number[]): RolloutVersionTimeline {
    const simulator = new HpaSimulator({
      autoscaling,
      syncPeriod: Duration.seconds(this.syncPeriodSeconds),
      podStartup: this.podStartup,
      kubernetesVersion: this.kubernetesVersion,
    });
    const metricCount = (autoscaling.metrics ?? defaultMetrics()).length;
    // the first metric carries the load; any others are reported as unavailable
    const steps = simulator.run({
      initialReplicas: initial,
      samples: shares.map(total => ({ metrics: [{ total }, ...Array.from({ length: metricCount - 1 }, () => ({ unavailable: true }))] })),
    });
    // the pods' startup, as the simulator models it: new pods are ready podStartup later
    const startup = this.podStartup ? durationSeconds(this.podStartup) : 0;
    let readyAt: number[] = Array.from({ length: initial }, () => -Infinity);
    const ready = steps.map((step, i) => {
      const now = i * this.syncPeriodSeconds;
      const change = step.replicas - step.replicasBefore;
      if (change > 0) readyAt = [...readyAt, ...Array.from({ length: change }, () => now + startup)];
      else if (change < 0) readyAt = [...readyAt].sort((a, b) => a - b).slice(0, step.replicas);
      return readyAt.filter(t => t <= now).length;
    });
    const metric = firstMetric(autoscaling);
    const perPod = metric.target.type === MetricTargetType.UTILIZATION ? metric.target.amount as number : parseQuantity(metric.target.amount)!;
    return {
      version: name,
      maxReplicas: autoscaling.maxReplicas,
      replicas: steps.map(s => s.replicas),
      ready,
      needed: shares.map(s => Math.max(0, Math.ceil(s / perPod - 1e-9))),
      steps,
    };
  }
}

function firstMetric(options: AutoscalingOptions): Metric {
  return (options.metrics ?? defaultMetrics())[0];
}

const WIDTH = 760;
const HEIGHT = 320;
const MARGIN = { left: 48, right: 180, top: 36, bottom: 40 };
const COLORS = { stable: '#1f77b4', canary: '#d62728' };

/** The rollout chart as SVG text. Internal. */
export function renderRolloutSvg(r: RolloutSimulation): string {
  const n = r.stable.replicas.length;
  const top = Math.max(1, ...r.stable.replicas, ...r.canary.replicas, ...r.stable.needed, ...r.canary.needed,
    r.stable.maxReplicas, r.canary.maxReplicas);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (i: number) => round(MARGIN.left + (n <= 1 ? 0 : i * plotW / n));
  const y = (v: number) => round(MARGIN.top + plotH - v * plotH / top);
  // a step line: each sync's value holds until the next sync
  const path = (values: number[]) => values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(v)} L${x(i + 1)},${y(v)}`).join(' ');
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">`);
  out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`);
  out.push(`<text x="${MARGIN.left}" y="20" font-size="13">Replicas of ${esc(r.stable.version)} and ${esc(r.canary.version)} as the canary's weight moves</text>`);
  r.steps.forEach((s, k) => {
    const from = s.startTime / r.syncPeriodSeconds;
    const to = k + 1 < r.steps.length ? r.steps[k + 1].startTime / r.syncPeriodSeconds : n;
    const short = s.stable.shortfall > 0 || s.canary.shortfall > 0;
    out.push(`<rect x="${x(from)}" y="${MARGIN.top}" width="${round(x(to) - x(from))}" height="${plotH}" fill="${short ? '#fde0dc' : k % 2 === 0 ? '#f4f4f4' : '#ffffff'}"/>`);
    out.push(`<text x="${x(from) + 3}" y="${MARGIN.top + 12}" fill="#555">canary ${s.canaryWeight}%</text>`);
  });
  for (let v = 0; v <= top; v += Math.max(1, Math.ceil(top / 6))) {
    out.push(`<line x1="${MARGIN.left}" y1="${y(v)}" x2="${MARGIN.left + plotW}" y2="${y(v)}" stroke="#ddd"/>`);
    out.push(`<text x="${MARGIN.left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`);
  }
  for (let i = 0; i <= n; i += Math.max(1, Math.ceil(n / 8))) {
    out.push(`<text x="${x(i)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${clock(i * r.syncPeriodSeconds)}</text>`);
  }
  const legend: string[] = [];
  ([['stable', r.stable], ['canary', r.canary]] as const).forEach(([role, t], k) => {
    const color = COLORS[role];
    out.push(`<line x1="${MARGIN.left}" y1="${y(t.maxReplicas)}" x2="${MARGIN.left + plotW}" y2="${y(t.maxReplicas)}" stroke="${color}" stroke-width="1" stroke-dasharray="1,3"/>`);
    out.push(`<path d="${path(t.needed)}" fill="none" stroke="${color}" stroke-width="1.5" stroke-dasharray="5,3"/>`);
    out.push(`<path d="${path(t.replicas)}" fill="none" stroke="${color}" stroke-width="2.5"/>`);
    const ly = MARGIN.top + 10 + k * 54;
    const lx = MARGIN.left + plotW + 12;
    legend.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 24}" y2="${ly}" stroke="${color}" stroke-width="2.5"/>`,
      `<text x="${lx + 30}" y="${ly + 4}">${esc(t.version)} replicas</text>`,
      `<line x1="${lx}" y1="${ly + 16}" x2="${lx + 24}" y2="${ly + 16}" stroke="${color}" stroke-width="1.5" stroke-dasharray="5,3"/>`,
      `<text x="${lx + 30}" y="${ly + 20}">needed by its weight</text>`,
      `<line x1="${lx}" y1="${ly + 32}" x2="${lx + 24}" y2="${ly + 32}" stroke="${color}" stroke-dasharray="1,3"/>`,
      `<text x="${lx + 30}" y="${ly + 36}">maxReplicas ${t.maxReplicas}</text>`);
  });
  out.push(...legend);
  out.push(`<text x="${MARGIN.left + plotW + 12}" y="${MARGIN.top + 124}" fill="#a33">red band: a version</text>`);
  out.push(`<text x="${MARGIN.left + plotW + 12}" y="${MARGIN.top + 138}" fill="#a33">is short of its need</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
