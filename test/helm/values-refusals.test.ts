/**
 * Helm values the library refuses at synth, each with the construct path, the value and the reason; and the
 * loud-not-silent rules: a chart left out of every umbrella is warned about, and app.synth() writes the
 * umbrella without an explicit synthAll().
 */
import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { tmpdir } from './util';
import { buildShop } from '../../examples/shop';
import { AutoscaledDeployment, CanaryService } from '../../src';
import { warningsOf } from '../../src/common';
import { HelmValue, UmbrellaChart } from '../../src/helm';

/** The example app with its umbrella (path `umbrella`), not yet synthesized. */
function shop() {
  const app = new App({ outdir: tmpdir('shop-refusals-') });
  buildShop(app);
  const umbrella = app.node.findChild('umbrella') as UmbrellaChart;
  const frontend = app.node.findChild('frontend').node.findChild('frontend') as CanaryService;
  const backend = app.node.findChild('backend').node.findChild('backend') as AutoscaledDeployment;
  return { app, umbrella, frontend, backend };
}

describe('HelmValue declarations', () => {
  test.each([
    [() => HelmValue.stringValue('image tag', { default: '1' }), '[HelmValue:"image tag"] \'key\' ("image tag") must be a dotted path of identifiers'],
    [() => HelmValue.stringValue('enabled', { default: '1' }), '[HelmValue:"enabled"] \'key\' ("enabled") must not start with "enabled", which Helm sets in every subchart\'s values'],
    [() => HelmValue.integerValue('replicas', { default: 1.5 }), '[HelmValue:"replicas"] \'default\' (1.5) must be a whole number'],
    [() => HelmValue.integerValue('replicas', { default: 0, minimum: 1 }), '[HelmValue:"replicas"] \'default\' (0) must be >= 1'],
    [() => HelmValue.integerValue('replicas', { default: 2, minimum: 3, maximum: 1 }), '[HelmValue:"replicas"] \'minimum\' (3) must be <= \'maximum\' (1)'],
    [() => HelmValue.stringValue('tag', { default: 'x', pattern: '(?=a)' }), '[HelmValue:"tag"] \'pattern\' ("(?=a)") must be an RE2 regular expression'],
    [() => HelmValue.stringValue('tag', { default: 'latest', pattern: '^[0-9.]+$' }), '[HelmValue:"tag"] \'default\' ("latest") must match the pattern "^[0-9.]+$"'],
    [() => HelmValue.stringValue('tier', { default: 'gold', allowed: ['silver'] }), '[HelmValue:"tier"] \'default\' ("gold") must be one of "silver"'],
    [() => HelmValue.objectValue('resources', { default: new Date() as any }), '[HelmValue:"resources"] \'default\' ('],
  ])('%#: refused with the key, the prop and the value', (declare, message) => {
    expect(declare).toThrow(message);
  });

  test('a value gives the construct its default, typed', () => {
    expect(HelmValue.integerValue('replicas.min', { default: 2 }).defaultNumber).toBe(2);
    expect(HelmValue.stringValue('tag', { default: '1.4.0' }).defaultString).toBe('1.4.0');
    expect(() => HelmValue.stringValue('tag', { default: '1.4.0' }).defaultNumber).toThrow('HelmValue "tag" is of type string, not number');
  });
});

describe('bindings refused at app.synth(), naming the umbrella, the value, the object and the field', () => {
  test('canary weights cannot be bound: they must sum to 100 across values', () => {
    const { app, umbrella, frontend } = shop();
    umbrella.bindValue(HelmValue.integerValue('weight', { default: 90 }), frontend.virtualService, 'spec.http[1].route[0].weight');
    expect(() => app.synth()).toThrow('[umbrella] HelmValue "weight" (90) bound to networking.istio.io/v1 VirtualService shop/frontend at spec.http[1].route[0].weight: '
      + 'the field cannot be bound: the weights of a route must sum to 100, a check across values that Helm cannot make');
  });

  test('a field the table does not know is refused: Helm could not refuse a bad override', () => {
    const { app, umbrella, backend } = shop();
    umbrella.bindValue(HelmValue.integerValue('surge', { default: 600 }), backend.deployment, 'spec.progressDeadlineSeconds');
    expect(() => app.synth()).toThrow('at spec.progressDeadlineSeconds: the field cannot be bound: cdk8s-patterns does not know every check');
  });

  test('labels and names cannot be bound, with the reason', () => {
    const { app, umbrella, backend } = shop();
    umbrella.bindValue(HelmValue.stringValue('name', { default: 'backend' }), backend.deployment, 'metadata.name');
    expect(() => app.synth()).toThrow('at metadata.name: the field cannot be bound: it is the object\'s identity');
  });

  test('the construct must have been given the default', () => {
    const { app, umbrella, backend } = shop();
    umbrella.bindValue(HelmValue.integerValue('cpu', { default: 70 }), backend.autoscaler.apiObject, 'spec.metrics[0].resource.target.averageUtilization');
    expect(() => app.synth()).toThrow('[umbrella] HelmValue "cpu" (70) bound to autoscaling/v2 HorizontalPodAutoscaler shop/backend at spec.metrics[0].resource.target.averageUtilization: '
      + 'the object holds 60, not the default: give the construct the value\'s default');
  });

  test('the value type must fit the field, and a part of a string takes a string value', () => {
    const { app, umbrella, backend } = shop();
    umbrella.bindValue(HelmValue.stringValue('cpu', { default: '60' }), backend.autoscaler.apiObject, 'spec.metrics[0].resource.target.averageUtilization');
    expect(() => app.synth()).toThrow('at spec.metrics[0].resource.target.averageUtilization: the field takes an integer value, not string');
  });

  test('a value filling part of a string must be a string value', () => {
    const { app, umbrella, backend } = shop();
    umbrella.bindValue(HelmValue.integerValue('major', { default: 3 }), backend.deployment, 'spec.template.spec.containers[0].image',
      { prefix: 'ghcr.io/example/shop-backend:', suffix: '.2.0' });
    expect(() => app.synth()).toThrow('at spec.template.spec.containers[0].image: a value filling part of a string must be a string value, not integer');
  });

  test('an object another object names cannot be made conditional', () => {
    const { app, umbrella, backend } = shop();
    umbrella.bindExistence(HelmValue.booleanValue('deployment', { default: true }), backend.deployment);
    expect(() => app.synth()).toThrow('[umbrella] HelmValue "deployment" (deciding whether apps/v1 Deployment shop/backend exists) cannot make it conditional: '
      + 'autoscaling/v2 HorizontalPodAutoscaler shop/backend (spec.scaleTargetRef.name) names it');
  });

  test('a conditional object must default to existing', () => {
    const { app, umbrella, backend } = shop();
    umbrella.bindExistence(HelmValue.booleanValue('budget', { default: false }), backend.autoscaler.podDisruptionBudget!);
    expect(() => app.synth()).toThrow('must default to true: the object is in the cdk8s output, which holds the defaults');
  });

  test('one key, one value per subchart', () => {
    const { app, umbrella, backend } = shop();
    umbrella.bindValue(HelmValue.integerValue('replicas', { default: 60 }), backend.autoscaler.apiObject, 'spec.metrics[0].resource.target.averageUtilization');
    expect(() => app.synth()).toThrow('HelmValue "replicas" (bound to autoscaling/v2 HorizontalPodAutoscaler shop/backend at spec.metrics[0].resource.target.averageUtilization) and HelmValue "replicas.min" of subchart "backend" cannot both exist: one key is inside the other');
  });

  test('an object of a chart that is not a subchart', () => {
    const app = new App({ outdir: tmpdir() });
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    const config = new ApiObject(b, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { k: 'v' } });
    const umbrella = new UmbrellaChart(app, 'shop', { version: '1.0.0' });
    umbrella.addSubchart(a);
    umbrella.bindValue(HelmValue.stringValue('k', { default: 'v' }), config, 'data.k');
    expect(() => app.synth()).toThrow('[shop] \'object\' ("b/config") (bound to HelmValue "k") must be an object of a subchart: add chart b with addSubchart()');
  });

  test('field paths and objects are checked at once', () => {
    const { umbrella, backend } = shop();
    expect(() => umbrella.bindValue(HelmValue.integerValue('x', { default: 1 }), backend.autoscaler.apiObject, 'spec..minReplicas'))
      .toThrow('[umbrella] \'field\' ("spec..minReplicas") must be a field path');
    expect(() => umbrella.bindValue(HelmValue.integerValue('x', { default: 1 }), backend, 'spec.minReplicas'))
      .toThrow('[umbrella] \'object\' ("backend/backend") must be an ApiObject, or a construct whose default child is one');
  });
});

describe('loud, not silent', () => {
  test('a chart in no umbrella while an umbrella exists gets a warning', () => {
    // GIVEN
    const app = new App({ outdir: tmpdir() });
    const inside = new Chart(app, 'inside');
    new ApiObject(inside, 'c', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    const outside = new Chart(app, 'outside');
    new UmbrellaChart(app, 'shop', { version: '1.0.0' }).addSubchart(inside);
    // WHEN
    app.synth();
    // THEN
    expect(warningsOf(outside)).toEqual(['[outside] chart outside is in no umbrella chart of the app (shop): cdk8s writes its manifests, '
      + 'but helm install leaves its objects out; add it with addSubchart(), or leaveOut() if that is meant']);
    expect(warningsOf(inside)).toEqual([]);
  });

  test('app.synth() writes the umbrella chart itself; synthAll() afterwards rewrites the same bytes', () => {
    // GIVEN
    const app = new App({ outdir: tmpdir() });
    const chart = new Chart(app, 'inside');
    new ApiObject(chart, 'c', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    new UmbrellaChart(app, 'shop', { version: '1.0.0' }).addSubchart(chart);
    // WHEN
    app.synth();
    // THEN
    const file = path.join(app.outdir, 'helm', 'shop', 'charts', 'inside', 'templates', 'inside.yaml');
    const first = fs.readFileSync(file, 'utf-8');
    expect(first).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
    expect(UmbrellaChart.synthAll(app)).toEqual([path.join(app.outdir, 'helm', 'shop')]);
    expect(fs.readFileSync(file, 'utf-8')).toBe(first);
  });

  test('unbound extra values are written but warned about', () => {
    const app = new App({ outdir: tmpdir() });
    const chart = new Chart(app, 'inside');
    new ApiObject(chart, 'c', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    const umbrella = new UmbrellaChart(app, 'shop', { version: '1.0.0' });
    umbrella.addSubchart(chart, { values: { replicas: 2 } });
    app.synth();
    expect(warningsOf(umbrella)).toEqual(['[shop] \'subcharts["inside"].values\' ({"replicas":2}) are written to values.yaml but no template reads them (replicas): '
      + 'bind HelmValues with bindValue() or bindExistence() instead']);
  });
});

describe('the release namespace', () => {
  test('subcharts whose charts have different namespaces are refused unless releaseNamespace is off', () => {
    const build = (releaseNamespace?: boolean) => {
      const app = new App({ outdir: tmpdir() });
      const umbrella = new UmbrellaChart(app, 'shop', { version: '1.0.0', releaseNamespace });
      for (const [id, namespace] of [['a', 'shop'], ['b', 'monitoring']]) {
        const chart = new Chart(app, id, { namespace });
        new ApiObject(chart, 'c', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
        umbrella.addSubchart(chart);
      }
      return { app, umbrella };
    };
    expect(() => build().app.synth()).toThrow('[shop] \'releaseNamespace\' (true) puts every chart\'s objects into the one namespace of the release, '
      + 'but the subcharts\' charts have namespaces "shop", "monitoring": give them one namespace, or set releaseNamespace: false to keep them as written');
    const { app, umbrella } = build(false);
    app.synth();
    expect(umbrella.toFiles()['charts/b/templates/b.yaml']).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: monitoring\n');
  });
});

test('extra values that collide with a bound value are refused when the chart is written', () => {
  const app = new App({ outdir: tmpdir() });
  const chart = new Chart(app, 'inside');
  const config = new ApiObject(chart, 'c', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { level: 'info' } });
  const umbrella = new UmbrellaChart(app, 'shop', { version: '1.0.0' });
  umbrella.addSubchart(chart, { values: { log: 'x' } });
  umbrella.bindValue(HelmValue.stringValue('log.level', { default: 'info' }), config, 'data.level');
  expect(() => app.synth()).toThrow('[shop] \'subcharts\' (["inside"]) have values that collide with bound HelmValues: inside.log is already a value of subchart "inside"');
});
