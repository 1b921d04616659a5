/**
 * Property-based tests for AutoscaledDeployment / PodAutoscaler: generated props, valid and invalid, either
 * synthesize to valid, consistent manifests or are refused with the library's own error (construct path + prop).
 */
import { Chart, Duration, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import {
  boundaryNumber, expectLibraryError, expectRestrictedWorkloads, nastyString, NASTY_STRINGS, Outcome, OutcomeTally, runs, synthOrRefuse,
} from './support';
import {
  AutoscaledDeployment, Metric, MetricTarget, PodAutoscaler, ScaleTarget, ScalingPolicy, ScalingPolicySelect, ScalingRules,
} from '../../src';
import { ManifestObject } from '../util/validate';
import { KUBERNETES_YAML } from '../util/yaml';

// ---------------------------------------------------------------------------------------------------------------
// generators: plain data first (so a counterexample prints readably), turned into library objects inside build()

type QuantityInput = string | number;
type TargetInput = { kind: 'utilization'; amount: number } | { kind: 'averageValue' | 'value'; amount: QuantityInput };
type MetricInput =
  | { type: 'resource'; name: string; target: TargetInput }
  | { type: 'containerResource'; name: string; container: string; target: TargetInput }
  | { type: 'pods' | 'external'; name: string; target: TargetInput }
  | { type: 'object'; name: string; described: { apiVersion: string; kind: string; name: string }; target: TargetInput };
interface PolicyInput { type: 'pods' | 'percent'; value: number; periodSeconds: number }
interface RulesInput { windowSeconds?: number; selectPolicy?: string; policies?: PolicyInput[]; tolerance?: number }
interface ContainerInput { requests: 'both' | 'cpu' | 'memory' | 'none' | 'default' }
interface HpaInput {
  targetKind: 'autoscaled' | 'deployment' | 'statefulset' | 'reference';
  minReplicas?: number;
  maxReplicas: number;
  metrics?: MetricInput[];
  scaleUp?: RulesInput;
  scaleDown?: RulesInput;
  containers: ContainerInput[];
  podDisruptionBudget?: boolean;
}

const VALID_QUANTITY_STRINGS = ['500m', '512Mi', '1', '1.5', '2e3', '10k', '100Mi', '0.5', '+1', '.5', '1Gi', '250u', '1E2', '3n'];
const INVALID_QUANTITY_STRINGS = ['0', '-1', '-500m', 'abc', '1.2.3', '5 m', '1Mib', '0x10', '', ' 1', '1e', '1ki', 'm', 'NaN'.toLowerCase(), 'Infinity', '1e99999'];

/** Mostly a valid value, sometimes a wrong one: with a dozen fields, about a fifth of all inputs are fully valid. */
function mostly<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: invalid });
}

function quantity(): fc.Arbitrary<QuantityInput> {
  return mostly<QuantityInput>(
    fc.oneof(fc.constantFrom(...VALID_QUANTITY_STRINGS), fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 1, max: 1e6 }).map(n => n / 1000),
      fc.constantFrom(1e21, 0.1, 2 ** 63)),
    fc.oneof(fc.constantFrom(...INVALID_QUANTITY_STRINGS), nastyString(), boundaryNumber(), fc.constantFrom(1e-10, -0.5, 0.1234567891234)),
  );
}

type TargetKind = TargetInput['kind'];
const ALLOWED_TARGETS: Record<MetricInput['type'], TargetKind[]> = {
  resource: ['utilization', 'averageValue'],
  containerResource: ['utilization', 'averageValue'],
  pods: ['averageValue'],
  object: ['value', 'averageValue'],
  external: ['value', 'averageValue'],
};

function target(type: MetricInput['type']): fc.Arbitrary<TargetInput> {
  const kind = mostly(fc.constantFrom(...ALLOWED_TARGETS[type]), fc.constantFrom<TargetKind>('utilization', 'averageValue', 'value'));
  return kind.chain((k): fc.Arbitrary<TargetInput> => (k === 'utilization'
    ? fc.record({ kind: fc.constant(k), amount: mostly(fc.integer({ min: 1, max: 150 }), boundaryNumber()) })
    : fc.record({ kind: fc.constant(k), amount: quantity() })));
}

const METRIC_NAMES = ['requests_per_second', 'queue_depth', 'http-requests', 'ok.name', 'Mixed:Case'];
const BAD_METRIC_NAMES = ['a/b', '..', '.', '%2F', '', ' '];

function metricName(): fc.Arbitrary<string> {
  return mostly(fc.constantFrom(...METRIC_NAMES), fc.oneof(fc.constantFrom(...BAD_METRIC_NAMES), nastyString()));
}

function metric(): fc.Arbitrary<MetricInput> {
  return fc.oneof(
    fc.record({ type: fc.constant('resource' as const), name: mostly(fc.constantFrom('cpu', 'memory'), fc.oneof(fc.constantFrom('nvidia.com/gpu', 'CPU '), nastyString())), target: target('resource') }),
    fc.record({
      type: fc.constant('containerResource' as const),
      name: fc.constantFrom('cpu', 'memory'),
      container: mostly(fc.constantFrom('c0', 'c1'), fc.oneof(fc.constantFrom('missing', 'C0'), nastyString())),
      target: target('containerResource'),
    }),
    fc.record({ type: fc.constant('pods' as const), name: metricName(), target: target('pods') }),
    fc.record({ type: fc.constant('external' as const), name: metricName(), target: target('external') }),
    fc.record({
      type: fc.constant('object' as const),
      name: metricName(),
      described: fc.record({
        apiVersion: mostly(fc.constantFrom('networking.k8s.io/v1', 'v1'), fc.constant('')),
        kind: mostly(fc.constantFrom('Ingress', 'Service'), fc.constantFrom('', 'a/b', '..')),
        name: mostly(fc.constantFrom('main', 'front-door'), fc.oneof(fc.constantFrom('', '..', 'x%y', 'a/b'), nastyString())),
      }),
      target: target('object'),
    }),
  );
}

/** Metrics, sometimes with an exact duplicate appended. */
function metrics(): fc.Arbitrary<MetricInput[] | undefined> {
  return fc.option(
    fc.tuple(mostly(fc.array(metric(), { minLength: 1, maxLength: 4 }), fc.constant<MetricInput[]>([])), fc.integer({ min: 0, max: 9 }))
      .map(([ms, dup]) => (dup === 0 && ms.length > 0 ? [...ms, ms[0]] : ms)),
    { nil: undefined, freq: 4 },
  );
}

/** Seconds a Duration can hold (cdk8s refuses negative amounts itself, before any construct sees them). */
function seconds(valid: fc.Arbitrary<number>): fc.Arbitrary<number> {
  return mostly(valid, fc.oneof(boundaryNumber().filter(n => !(n < 0)), fc.constantFrom(0.5, 1.0005, 0.0001)));
}

function rules(): fc.Arbitrary<RulesInput | undefined> {
  return fc.option(fc.record({
    windowSeconds: fc.option(seconds(fc.integer({ min: 0, max: 3600 })), { nil: undefined }),
    selectPolicy: fc.option(mostly(fc.constantFrom(...Object.values(ScalingPolicySelect) as string[]), fc.oneof(fc.constantFrom('max', 'Off', ''), nastyString())), { nil: undefined }),
    policies: fc.option(mostly(fc.array(fc.record({
      type: fc.constantFrom('pods' as const, 'percent' as const),
      value: mostly(fc.integer({ min: 1, max: 200 }), boundaryNumber()),
      periodSeconds: seconds(fc.integer({ min: 1, max: 1800 })),
    }), { minLength: 1, maxLength: 3 }), fc.constant<PolicyInput[]>([])), { nil: undefined }),
    tolerance: fc.option(mostly(fc.double({ min: 0, max: 0.99, noNaN: true }),
      fc.oneof(boundaryNumber(), fc.constantFrom(1e300, 1e13 + 0.5, 1e-10, 1, 5))), { nil: undefined }),
  }, { requiredKeys: [] }), { nil: undefined });
}

function hpaInput(): fc.Arbitrary<HpaInput> {
  const bad = fc.oneof(fc.integer({ min: -2, max: 0 }), boundaryNumber(), fc.constantFrom(0, 1.5, Number.NaN));
  return fc.record({
    targetKind: fc.constantFrom('autoscaled' as const, 'autoscaled' as const, 'deployment' as const, 'statefulset' as const, 'reference' as const),
    minReplicas: fc.option(mostly(fc.integer({ min: 1, max: 4 }), bad), { nil: undefined }),
    maxReplicas: mostly(fc.integer({ min: 1, max: 20 }), bad),
    metrics: metrics(),
    scaleUp: rules(),
    scaleDown: rules(),
    containers: fc.array(fc.record({ requests: mostly(fc.constantFrom('both' as const, 'default' as const), fc.constantFrom('cpu' as const, 'memory' as const, 'none' as const)) }),
      { minLength: 1, maxLength: 3 }),
    podDisruptionBudget: fc.option(fc.boolean(), { nil: undefined }),
  }, { requiredKeys: ['targetKind', 'maxReplicas', 'containers'] });
}

// ---------------------------------------------------------------------------------------------------------------
// turning data into library objects

function toTarget(t: TargetInput): MetricTarget {
  switch (t.kind) {
    case 'utilization': return MetricTarget.utilization(t.amount);
    case 'averageValue': return MetricTarget.averageValue(t.amount);
    default: return MetricTarget.value(t.amount);
  }
}

function toMetric(m: MetricInput): Metric {
  const t = toTarget(m.target);
  switch (m.type) {
    case 'resource': return Metric.resource(m.name, t);
    case 'containerResource': return Metric.containerResource({ resource: m.name, container: m.container, target: t });
    case 'pods': return Metric.pods({ name: m.name, target: t });
    case 'external': return Metric.external({ name: m.name, target: t });
    default: return Metric.object({ name: m.name, describedObject: m.described, target: t });
  }
}

function toRules(r: RulesInput | undefined): ScalingRules | undefined {
  if (!r) return undefined;
  return {
    stabilizationWindow: r.windowSeconds === undefined ? undefined : Duration.seconds(r.windowSeconds),
    selectPolicy: r.selectPolicy as ScalingPolicySelect | undefined,
    policies: r.policies?.map(p => (p.type === 'pods' ? ScalingPolicy.pods : ScalingPolicy.percent)(p.value, Duration.seconds(p.periodSeconds))),
    tolerance: r.tolerance,
  };
}

function toContainer(c: ContainerInput, i: number): kplus.ContainerProps {
  const cpu = { request: kplus.Cpu.millis(100) };
  const memory = { request: Size.mebibytes(64) };
  const resources: Record<ContainerInput['requests'], kplus.ContainerResources | undefined> = {
    both: { cpu, memory }, cpu: { cpu }, memory: { memory }, none: {}, default: undefined,
  };
  return { name: `c${i}`, image: `ghcr.io/example/app-${i}:1.0.0`, portNumber: 8080 + i, resources: resources[c.requests] };
}

function chart(): Chart {
  return new Chart(Testing.app(), 'shop', { namespace: 'shop', disableResourceNameHashes: true });
}

/** Builds the chart for one input: an AutoscaledDeployment, or a PodAutoscaler on a workload or a reference. */
function build(input: HpaInput): Chart {
  const c = chart();
  const options = {
    minReplicas: input.minReplicas,
    maxReplicas: input.maxReplicas,
    metrics: input.metrics?.map(toMetric),
    scaleUp: toRules(input.scaleUp),
    scaleDown: toRules(input.scaleDown),
    podDisruptionBudget: input.podDisruptionBudget,
  };
  const containers = input.containers.map(toContainer);
  switch (input.targetKind) {
    case 'autoscaled':
      new AutoscaledDeployment(c, 'backend', { metadata: { name: 'backend' }, containers, ...options });
      break;
    case 'deployment': {
      const d = new kplus.Deployment(c, 'worker', { metadata: { name: 'worker' }, containers });
      new PodAutoscaler(c, 'worker-hpa', { target: ScaleTarget.fromDeployment(d), ...options });
      break;
    }
    case 'statefulset': {
      const svc = new kplus.Service(c, 'db-svc', { metadata: { name: 'db' }, clusterIP: 'None', ports: [{ port: 5432 }] });
      const s = new kplus.StatefulSet(c, 'db', { metadata: { name: 'db' }, containers, service: svc });
      new PodAutoscaler(c, 'db-hpa', { target: ScaleTarget.fromStatefulSet(s), ...options });
      break;
    }
    default:
      new PodAutoscaler(c, 'pool-hpa', {
        target: ScaleTarget.fromReference({ apiVersion: 'example.com/v1', kind: 'Worker', name: 'pool' }), ...options,
      });
  }
  return c;
}

// ---------------------------------------------------------------------------------------------------------------
// an independent oracle: what the apiserver (pkg/apis/autoscaling/validation) and the HPA controller reject

const PATH_SEGMENT_BAD = (s: string) => s === '.' || s === '..' || s.includes('/') || s.includes('%');
const QUANTITY = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?$/;

function quantityPositive(q: QuantityInput): boolean {
  if (typeof q === 'number') return Number.isFinite(q) && q > 0;
  return typeof q === 'string' && QUANTITY.test(q) && /[1-9]/.test(q.replace(/[eE][+-]?\d+$/, '')) && !q.startsWith('-');
}

/** Reasons the server or the controller would reject what the construct wrote; empty when it would take it. */
function serverRejects(input: HpaInput): string[] {
  const out: string[] = [];
  const int = (n: number | undefined, min: number, max: number) => n !== undefined && Number.isInteger(n) && n >= min && n <= max;
  if (!int(input.maxReplicas, 1, 2 ** 31 - 1)) out.push('maxReplicas');
  const min = input.minReplicas;
  if (min !== undefined && (!int(min, 0, 2 ** 31 - 1) || min > input.maxReplicas)) out.push('minReplicas');
  const ms = input.metrics;
  if (min === 0 && !(ms ?? []).some(m => m.type === 'object' || m.type === 'external')) out.push('minReplicas 0');
  for (const m of ms ?? []) {
    const t = m.target;
    const allowed = { resource: ['utilization', 'averageValue'], containerResource: ['utilization', 'averageValue'], pods: ['averageValue'], object: ['value', 'averageValue'], external: ['value', 'averageValue'] }[m.type];
    if (!allowed.includes(t.kind)) out.push(`${m.type} target ${t.kind}`);
    if (t.kind === 'utilization' ? !int(t.amount, 1, 2 ** 31 - 1) : !quantityPositive(t.amount)) out.push('target amount');
    if (m.type === 'pods' || m.type === 'external' || m.type === 'object') {
      if (m.name.length === 0 || PATH_SEGMENT_BAD(m.name)) out.push('metric name');
    }
    if (m.type === 'object') {
      for (const key of ['kind', 'name'] as const) {
        if (m.described[key].length === 0 || PATH_SEGMENT_BAD(m.described[key])) out.push(`describedObject.${key}`);
      }
    }
  }
  const ids = (ms ?? []).map(m => JSON.stringify([m.type, m.name, (m as any).container, (m as any).described]));
  if (ids.some((id, i) => ids.indexOf(id) !== i)) out.push('duplicate metric');
  if (ms !== undefined && ms.length === 0) out.push('empty metrics');
  for (const [r, down] of [[input.scaleUp, false], [input.scaleDown, true]] as const) {
    if (!r) continue;
    if (r.windowSeconds !== undefined && !int(r.windowSeconds, 0, 3600)) out.push('stabilizationWindowSeconds');
    if (r.selectPolicy !== undefined && !['Max', 'Min', 'Disabled'].includes(r.selectPolicy)) out.push('selectPolicy');
    // an explicit empty list is refused; an unset one is defaulted by the server
    if (r.policies !== undefined && r.policies.length === 0) out.push('empty policies');
    for (const p of r.policies ?? []) {
      if (!int(p.value, 1, 2 ** 31 - 1)) out.push('policy value');
      if (!int(p.periodSeconds, 1, 1800)) out.push('periodSeconds');
    }
    if (r.tolerance !== undefined && !(Number.isFinite(r.tolerance) && r.tolerance >= 0 && (!down || r.tolerance < 1))) out.push('tolerance');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// the properties

/** The refusals that go beyond the apiserver's validation, each deliberate (the controller would fail at run time). */
const OVER_SERVER_RULES = new RegExp(['needs a (cpu|memory) request', 'needs a cdk8s-plus workload target', 'requests? none', 'must name a container of',
  'must be a container name', 'must be a resource name', 'multiple of 1n', 'too large to write as a quantity', 'must be a Kubernetes quantity',
  "must be a non-empty string'?$", '\\("\\s+"\\) must be a non-empty metric name'].join('|'));

const WORKLOADS = new Set(['Deployment', 'StatefulSet']);

/** Cross-object facts of a valid outcome. */
function expectConsistent(input: HpaInput, objects: readonly ManifestObject[]): void {
  const hpas = objects.filter(o => o.kind === 'HorizontalPodAutoscaler');
  expect(hpas).toHaveLength(1);
  for (const hpa of hpas) {
    const ref = hpa.spec.scaleTargetRef;
    if (input.targetKind !== 'reference') {
      expect(WORKLOADS.has(ref.kind)).toBe(true);
      const targets = objects.filter(o => o.kind === ref.kind && o.metadata.name === ref.name);
      expect(targets).toHaveLength(1);
      expect(targets[0].apiVersion).toBe(ref.apiVersion);
      expect(targets[0].spec.replicas).toBeUndefined();
      expect(targets[0].metadata.namespace).toBe(hpa.metadata.namespace);
    } else {
      expect(ref).toEqual({ apiVersion: 'example.com/v1', kind: 'Worker', name: 'pool' });
    }
    expect(hpa.spec.minReplicas ?? 1).toBeLessThanOrEqual(hpa.spec.maxReplicas);
    expect(hpa.spec.maxReplicas).toBe(input.maxReplicas);
    expect(hpa.spec.minReplicas).toBe(input.minReplicas);
    expect((hpa.spec.metrics ?? []).length).toBe(input.metrics?.length ?? 0);
    // every quantity is written as a string that is itself a quantity
    for (const m of hpa.spec.metrics ?? []) {
      const t = (Object.values(m).find((v: any) => typeof v === 'object') as any)?.target;
      for (const q of [t.averageValue, t.value].filter(v => v !== undefined)) expect(q).toMatch(QUANTITY);
    }
    for (const dir of ['scaleUp', 'scaleDown'] as const) {
      const tol = hpa.spec.behavior?.[dir]?.tolerance;
      if (tol !== undefined) expect(tol).toMatch(QUANTITY);
    }
  }
  const pdbs = objects.filter(o => o.kind === 'PodDisruptionBudget');
  expect(pdbs).toHaveLength(input.podDisruptionBudget ? 1 : 0);
}

function tallyDone(tally: OutcomeTally): void {
  expect({ valid: tally.valid > 0, refused: tally.refused > 0 }).toEqual({ valid: true, refused: true });
}

describe('AutoscaledDeployment / PodAutoscaler properties', () => {
  test('generated props synthesize to consistent, valid manifests or are refused with path and prop', () => {
    const tally = new OutcomeTally();
    fc.assert(fc.property(hpaInput(), input => {
      const outcome = tally.add(synthOrRefuse(() => build(input)));
      const rejects = serverRejects(input);
      if (outcome.kind === 'refused') {
        // refused although the apiserver would take it: only for what the server cannot see (requests, names the
        // controller cannot find, quantities finer than 1n, non-standard resource names)
        if (rejects.length === 0) expect(outcome.message).toMatch(OVER_SERVER_RULES);
        return;
      }
      expect({ input, accepted: rejects }).toEqual({ input, accepted: [] });
      expectConsistent(input, outcome.objects);
      if (input.targetKind === 'autoscaled') expect(expectRestrictedWorkloads(outcome.objects)).toBe(1);
    }), runs(400));
    tallyDone(tally);
  });

  test('props within the documented ranges are never refused', () => {
    const tally = new OutcomeTally();
    const goodRules = fc.option(fc.record({
      windowSeconds: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: undefined }),
      selectPolicy: fc.option(fc.constantFrom(...Object.values(ScalingPolicySelect)), { nil: undefined }),
      policies: fc.option(fc.array(fc.record({
        type: fc.constantFrom('pods' as const, 'percent' as const), value: fc.integer({ min: 1, max: 1000 }), periodSeconds: fc.integer({ min: 1, max: 1800 }),
      }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
      tolerance: fc.option(fc.double({ min: 0, max: 0.99, noNaN: true }), { nil: undefined }),
    }, { requiredKeys: [] }), { nil: undefined });
    const good = fc.record({
      min: fc.integer({ min: 1, max: 50 }),
      extra: fc.integer({ min: 0, max: 50 }),
      value: fc.constantFrom(...VALID_QUANTITY_STRINGS),
      names: fc.uniqueArray(fc.constantFrom('rps', 'queue_depth', 'lag', 'errors', 'p99'), { minLength: 1, maxLength: 5 }),
      scaleUp: goodRules,
      scaleDown: goodRules,
    });
    fc.assert(fc.property(good, g => {
      const input: HpaInput = {
        targetKind: 'autoscaled',
        minReplicas: g.min,
        maxReplicas: g.min + g.extra,
        metrics: [{ type: 'resource', name: 'cpu', target: { kind: 'utilization', amount: 70 } },
          ...g.names.map(name => ({ type: 'external' as const, name, target: { kind: 'averageValue' as const, amount: g.value } }))],
        scaleUp: g.scaleUp,
        scaleDown: g.scaleDown,
        containers: [{ requests: 'both' }, { requests: 'cpu' }],
      };
      const outcome = tally.add(synthOrRefuse(() => build(input)));
      expect(outcome.kind === 'refused' ? outcome.message : 'valid').toBe('valid');
      if (outcome.kind === 'valid') expectConsistent(input, outcome.objects);
    }), runs(60));
    expect(tally.valid).toBe(60);
  });

  test('a Utilization metric on a container without a request is refused, naming the container', () => {
    const tally = new OutcomeTally();
    fc.assert(fc.property(fc.array(fc.constantFrom('both', 'cpu', 'memory', 'none', 'default') as fc.Arbitrary<ContainerInput['requests']>,
      { minLength: 1, maxLength: 4 }), fc.constantFrom('cpu', 'memory'), (requests, resource) => {
      const input: HpaInput = {
        targetKind: 'autoscaled',
        maxReplicas: 5,
        containers: requests.map(r => ({ requests: r })),
        metrics: [{ type: 'resource', name: resource, target: { kind: 'utilization', amount: 60 } }],
      };
      const outcome = tally.add(synthOrRefuse(() => build(input)));
      const missing = requests.map((r, i) => [r, `c${i}`]).filter(([r]) => !(r === 'both' || r === 'default' || r === resource)).map(([, n]) => n);
      if (missing.length === 0) {
        expect(outcome.kind).toBe('valid');
      } else {
        expect(outcome.kind).toBe('refused');
        const message = (outcome as Extract<Outcome, { kind: 'refused' }>).message;
        expect(message).toContain('metrics[0].resource.target.averageUtilization');
        for (const name of missing) expect(message).toContain(`"${name}"`);
      }
    }), runs(40));
    tallyDone(tally);
  });

  test('huge counts: 300 metrics and 200 policies synthesize, 300 duplicates are refused, no stack overflow', () => {
    const names = Array.from({ length: 300 }, (_, i) => `metric_${i}`);
    const many = synthOrRefuse(() => build({
      targetKind: 'autoscaled',
      minReplicas: 1,
      maxReplicas: 2 ** 31 - 1,
      containers: [{ requests: 'both' }],
      metrics: names.map(name => ({ type: 'external', name, target: { kind: 'value', amount: '1k' } })),
      scaleUp: { policies: Array.from({ length: 200 }, (_, i) => ({ type: 'pods' as const, value: i + 1, periodSeconds: (i % 1800) + 1 })) },
    }));
    expect(many.kind).toBe('valid');
    if (many.kind === 'valid') {
      const hpa = many.objects.find(o => o.kind === 'HorizontalPodAutoscaler')!;
      expect(hpa.spec.metrics.map((m: any) => m.external.metric.name)).toEqual(names);
      expect(hpa.spec.behavior.scaleUp.policies).toHaveLength(200);
    }
    const dup = synthOrRefuse(() => build({
      targetKind: 'autoscaled',
      maxReplicas: 3,
      containers: [{ requests: 'both' }],
      metrics: Array.from({ length: 300 }, () => ({ type: 'pods' as const, name: 'rps', target: { kind: 'averageValue' as const, amount: 1 } })),
    }));
    expect(dup).toEqual({ kind: 'refused', message: expect.stringContaining("'metrics[1]'") });
    // adding metrics one by one re-checks the list each time; 300 of them stay cheap
    const c = chart();
    const a = new AutoscaledDeployment(c, 'backend', { metadata: { name: 'backend' }, containers: [toContainer({ requests: 'both' }, 0)], maxReplicas: 3 });
    names.forEach(name => a.autoscaler.addMetric(Metric.external({ name, target: MetricTarget.value(1) })));
    expect(() => a.autoscaler.addMetric(Metric.external({ name: names[7], target: MetricTarget.value(2) })))
      .toThrow(/\[shop\/backend\/Autoscaler\] 'metrics\[300\]'.*duplicates metrics\[7\]/);
    expect(a.autoscaler.metrics).toHaveLength(300);
  });

  test('refusals thrown by addMetric() and at synth name the construct path and the prop', () => {
    fc.assert(fc.property(metric(), m => {
      const c = chart();
      const a = new AutoscaledDeployment(c, 'backend', {
        metadata: { name: 'backend' },
        containers: [toContainer({ requests: 'none' }, 0)],
        maxReplicas: 3,
        metrics: [Metric.external({ name: 'base', target: MetricTarget.value(1) })],
      });
      try {
        a.autoscaler.addMetric(toMetric(m));
      } catch (e) {
        // a value of the wrong JavaScript type (NaN, Infinity, …) is refused by the factory that takes it
        expect(expectLibraryError(e)).toMatch(/^\[(shop\/backend\/Autoscaler\] 'metrics\[1\]|MetricTarget\] 'percent'|MetricTarget\] 'quantity'|Metric\] )/);
        return;
      }
      const outcome = synthOrRefuse(() => c);
      if (outcome.kind === 'refused') expect(outcome.message).toMatch(/\[shop\/backend\/Autoscaler\] 'metrics\[1\]/);
    }), runs(100));
  });

  test('nothing lost: labels, annotations, env vars and ports appear once, in place, env values as strings', () => {
    const labelValue = fc.oneof(fc.constantFrom('yes', '1.0', '0123', 'on', 'off', 'true', 'null', '1e3', '0x1', 'v1.2', ''),
      fc.stringMatching(/^[a-z0-9]([-a-z0-9_.]{0,20}[a-z0-9])?$/));
    const labelKey = fc.oneof(fc.constantFrom('app', 'tier', 'example.com/team', 'yes', 'on', '0123'), fc.stringMatching(/^[a-z]([a-z0-9-]{0,14}[a-z0-9])?$/)); // a qualified name ends alphanumeric (IsQualifiedName)
    const envName = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,15}$/);
    const envValue = fc.oneof(fc.constantFrom('yes', '1.0', '0123', 'on', ...NASTY_STRINGS), nastyString());
    const tally = new OutcomeTally();
    fc.assert(fc.property(
      fc.dictionary(labelKey, labelValue, { maxKeys: 6 }),
      fc.dictionary(labelKey, fc.oneof(nastyString(), fc.constantFrom('yes', '1.0', '0123', 'on')), { maxKeys: 6 }),
      fc.dictionary(envName, envValue, { minKeys: 1, maxKeys: 8 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 5 }),
      (labels, annotations, env, ports) => {
        const outcome = tally.add(synthOrRefuse(() => {
          const c = chart();
          new AutoscaledDeployment(c, 'backend', {
            metadata: { name: 'backend', labels, annotations },
            podMetadata: { labels: { 'pod-label': 'yes' }, annotations },
            containers: [{
              name: 'app',
              image: 'ghcr.io/example/app:1.0.0',
              ports: ports.map((number, i) => ({ number, name: `p${i}` })),
              envVariables: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, kplus.EnvValue.fromValue(v)])),
            }],
            maxReplicas: 4,
            metrics: [Metric.resourceCpu(MetricTarget.utilization(50))],
          });
          return c;
        }));
        expect(outcome.kind).toBe('valid');
        if (outcome.kind !== 'valid') return;
        const deployment = outcome.objects.find(o => o.kind === 'Deployment')!;
        const hpa = outcome.objects.find(o => o.kind === 'HorizontalPodAutoscaler')!;
        expect(deployment.metadata.labels ?? {}).toEqual(labels);
        expect(deployment.metadata.annotations ?? {}).toEqual(annotations);
        expect(deployment.spec.template.metadata.annotations ?? {}).toEqual(annotations);
        expect(deployment.spec.template.metadata.labels['pod-label']).toBe('yes');
        // the HPA does not copy the workload's metadata
        expect(hpa.metadata.labels).toBeUndefined();
        const container = deployment.spec.template.spec.containers[0];
        expect(container.env).toEqual(Object.entries(env).map(([name, value]) => ({ name, value })));
        expect(container.ports.map((p: any) => p.containerPort)).toEqual(ports);
        // the YAML 1.1 reading (as kubectl and the apiserver do) keeps the env values strings
        const docs = parseAllDocuments(outcome.yaml, KUBERNETES_YAML).map(d => d.toJS());
        const env11 = docs.find((d: any) => d.kind === 'Deployment').spec.template.spec.containers[0].env;
        for (const e of env11) expect(typeof e.value).toBe('string');
        expect(env11.map((e: any) => e.value)).toEqual(Object.values(env));
      }), runs(60));
    expect(tally.valid).toBe(60);
  });
});
