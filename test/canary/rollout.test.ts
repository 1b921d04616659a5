import { Chart, Testing } from 'cdk8s';
import { CanaryService, CanaryServiceProps, RolloutPlan } from '../../src';
import { only, synthValid } from '../util/validate';

const base: CanaryServiceProps = {
  versions: [
    { name: 'v1', containers: [{ image: 'ghcr.io/example/shop-frontend:1.4.0', portNumber: 8080 }] },
    { name: 'v2', containers: [{ image: 'ghcr.io/example/shop-frontend:1.5.0', portNumber: 8080 }] },
  ],
};

/** The YAML `cdk8s synth` writes for one CanaryService with these props (after validating every object). */
function yaml(props: CanaryServiceProps, routes: (c: CanaryService) => void = () => undefined): string {
  const app = Testing.app();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  routes(new CanaryService(chart, 'frontend', props));
  synthValid(chart);
  return app.synthYaml();
}

/** The lines that differ between two texts of the same length, as [before, after]. */
function changedLines(a: string, b: string): Array<[string, string]> {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y.length).toBe(x.length);
  return x.map((line, i): [string, string] => [line, y[i]]).filter(([l, r]) => l !== r);
}

const testers = (c: CanaryService) => c.routeHeader('x-shop-tester', { exact: 'true' }, 'v2');

describe('GitOps: weights are plain props', () => {
  test('changing canaryWeight from 10 to 25 changes exactly the two weight lines', () => {
    // GIVEN the same service at 10% and at 25%
    const at10 = yaml({ ...base, canaryWeight: 10 }, testers);
    const at25 = yaml({ ...base, canaryWeight: 25 }, testers);
    // THEN only the weight lines of the VirtualService differ
    expect(changedLines(at10, at25)).toEqual([
      ['          weight: 90', '          weight: 75'],
      ['          weight: 10', '          weight: 25'],
    ]);
  });

  test('starting a canary at 0% and giving it 5% changes only weight lines', () => {
    expect(changedLines(yaml({ ...base, canaryWeight: 0 }), yaml({ ...base, canaryWeight: 5 })).map(([, r]) => r.trim()))
      .toEqual(['weight: 95', 'weight: 5']);
  });
});

describe('promote()', () => {
  test('gives the promoted version 100% and keeps the others at 0, changing only weight lines', () => {
    // GIVEN a canary at 50%
    const before = { ...base, canaryWeight: 50 };
    // WHEN promoted
    const promoted = CanaryService.promote(before, 'v2');
    // THEN the props say so, and the output changes only in weights (no object renamed, no pod restarted)
    expect(promoted.weights).toEqual({ v2: 100 });
    expect(promoted.canaryWeight).toBeUndefined();
    expect(promoted.versions.map(v => v.name)).toEqual(['v1', 'v2']);
    expect(changedLines(yaml(before, testers), yaml(promoted, testers)).map(([l, r]) => [l.trim(), r.trim()]))
      .toEqual([['weight: 50', 'weight: 0'], ['weight: 50', 'weight: 100']]);
  });

  test('is the same as writing the promoted props by hand, and idempotent', () => {
    const promoted = CanaryService.promote({ ...base, canaryWeight: 10 }, 'v2');
    const byHand = yaml({ ...base, weights: { v1: 0, v2: 100 } });
    expect(yaml(promoted)).toBe(byHand);
    expect(yaml(CanaryService.promote(promoted, 'v2'))).toBe(byHand);
  });

  test('removeOthers drops the old version: its Deployment and subset go, the promoted one is untouched', () => {
    // GIVEN the service with the canary at 100%, and its promotion with the old version removed
    const objects = (props: CanaryServiceProps) => {
      const chart = Testing.chart();
      new CanaryService(chart, 'frontend', props);
      return synthValid(chart);
    };
    const before = objects({ ...base, canaryWeight: 100 });
    const after = objects(CanaryService.promote({ ...base, canaryWeight: 100 }, 'v2', { removeOthers: true }));
    // THEN
    expect(after.filter(o => o.kind === 'Deployment').map(o => o.metadata.name)).toEqual(['frontend-v2']);
    expect(only(after, 'Deployment')).toEqual(only(before, 'Deployment', 'frontend-v2'));
    expect(only(after, 'DestinationRule').spec.subsets.map((s: any) => s.name)).toEqual(['v2']);
    expect(only(after, 'VirtualService').spec.http).toEqual([{ route: [{ destination: { host: 'frontend', subset: 'v2' }, weight: 100 }] }]);
  });

  test('refuses a version that does not exist', () => {
    expect(() => CanaryService.promote(base, 'v3')).toThrow("[CanaryService.promote] 'version' (\"v3\") must name one of the versions (v1, v2)");
  });
});

describe('RolloutPlan', () => {
  const plan = new RolloutPlan({ stable: 'v1', canary: 'v2', canaryWeights: [5, 25, 50, 100] });

  test('lists the steps with their weights', () => {
    expect(plan.steps).toEqual([
      { index: 0, canaryWeight: 5, weights: { v1: 95, v2: 5 } },
      { index: 1, canaryWeight: 25, weights: { v1: 75, v2: 25 } },
      { index: 2, canaryWeight: 50, weights: { v1: 50, v2: 50 } },
      { index: 3, canaryWeight: 100, weights: { v1: 0, v2: 100 } },
    ]);
  });

  test('each step synthesizes valid manifests; consecutive steps differ only in weight lines', () => {
    // WHEN every step is synthesized, as a pipeline would commit them one by one
    const outputs = plan.steps.map(step => yaml(plan.stepProps({ ...base, canaryWeight: 1 }, step.index), testers));
    // THEN each step has its weights, and from one step to the next only weight lines change
    outputs.forEach((out, i) => {
      const w = plan.steps[i].weights;
      expect(out).toContain(`weight: ${w.v1}\n`);
      expect(out).toContain(`weight: ${w.v2}\n`);
    });
    for (let i = 1; i < outputs.length; i++) {
      const changed = changedLines(outputs[i - 1], outputs[i]);
      expect(changed).toHaveLength(2);
      for (const [l, r] of changed) {
        expect(l).toMatch(/^ +weight: \d+$/);
        expect(r).toMatch(/^ +weight: \d+$/);
      }
    }
  });

  test('the last step of a plan to 100 synthesizes the same as promote()', () => {
    expect(yaml(plan.stepProps(base, 3))).toBe(yaml(CanaryService.promote(base, 'v2')));
  });

  test.each([
    ['weights that go down', { stable: 'v1', canary: 'v2', canaryWeights: [10, 5] }, "[RolloutPlan] 'canaryWeights[1]' (5) must be greater than the step before (10)"],
    ['a weight above 100', { stable: 'v1', canary: 'v2', canaryWeights: [50, 150] }, "[RolloutPlan] 'canaryWeights[1]' (150) must be an integer from 0 to 100"],
    ['no steps', { stable: 'v1', canary: 'v2', canaryWeights: [] }, "[RolloutPlan] 'canaryWeights' ([]) must list at least one step"],
    ['the same version twice', { stable: 'v1', canary: 'v1', canaryWeights: [10] }, "[RolloutPlan] 'canary' (\"v1\") must name a version other than the stable one"],
  ])('refuses %s', (_what, props, message) => {
    expect(() => new RolloutPlan(props)).toThrow(message);
  });

  test('refuses a step that does not exist or versions the service lacks', () => {
    expect(() => plan.stepProps(base, 4)).toThrow("[RolloutPlan] 'index' (4) must be a step index from 0 to 3");
    expect(() => new RolloutPlan({ stable: 'v1', canary: 'v3', canaryWeights: [10] }).stepProps(base, 0))
      .toThrow("[RolloutPlan] 'canary' (\"v3\") must be one of the service's versions (v1, v2)");
  });
});
