import { Duration } from 'cdk8s';
import { BACKEND, plainDeployment, shopChart } from './fixtures';
import { AutoscaledDeployment, Metric, MetricTarget, PodAutoscaler, ScaleTarget } from '../../src';
import { featureStage, parseKubernetesVersion } from '../../src/autoscaling/kubernetes-version';
import { warningsOf } from '../../src/common/warnings';
import { only, synthValid } from '../util/validate';

const QUEUE = Metric.external({ name: 'queue', target: MetricTarget.averageValue(30) });
const reference = () => ScaleTarget.fromReference({ apiVersion: 'example.com/v1', kind: 'Worker', name: 'pool' });

describe('the feature table', () => {
  test.each([
    ['HPAConfigurableTolerance', '1.32', 'Absent', false],
    ['HPAConfigurableTolerance', '1.33', 'Alpha', false],
    ['HPAConfigurableTolerance', '1.35', 'Beta', true],
    ['HPAConfigurableTolerance', '1.37', 'GA', true],
    ['HPAScaleToZero', '1.36', 'Alpha', false],
    ['HPAScaleToZero', '1.37', 'Beta', true],
    ['HPAContainerMetrics', '1.26', 'Alpha', false],
    ['HPAContainerMetrics', '1.27', 'Beta', true],
    ['HPAContainerMetrics', '1.30', 'GA', true],
  ] as const)('%s in %s: %s, on by default %s', (feature, version, stage, on) => {
    expect(featureStage(feature, parseKubernetesVersion(version)!)).toEqual({ stage, onByDefault: on });
  });

  test('versions are read as minor versions, with or without a v or a patch', () => {
    expect(parseKubernetesVersion('v1.33.2')).toEqual({ major: 1, minor: 33 });
    expect(parseKubernetesVersion('1.9')).toBeUndefined();
    expect(parseKubernetesVersion('1.x')).toBeUndefined();
  });
});

describe('PodAutoscaler per Kubernetes version', () => {
  test('a tolerance before 1.33 is refused: the field does not exist there', () => {
    expect(() => new PodAutoscaler(shopChart(), 'hpa', { target: reference(), maxReplicas: 3, scaleUp: { tolerance: 0.05 }, kubernetesVersion: '1.32' }))
      .toThrow("[shop/hpa] 'scaleUp.tolerance' (0.05) needs Kubernetes 1.33 or later (HPAConfigurableTolerance): Kubernetes 1.32 has no tolerance field");
  });

  test('a tolerance on 1.33 and 1.34 is written with a warning that names the gate; from 1.35 silently', () => {
    const chart = shopChart();
    new PodAutoscaler(chart, 'hpa', { target: reference(), maxReplicas: 3, scaleUp: { tolerance: 0.05 }, scaleDown: { tolerance: 0.2 }, kubernetesVersion: '1.34' });
    expect(warningsOf(chart)).toEqual([
      "[shop/hpa] 'scaleUp.tolerance' and 'scaleDown.tolerance': HPAConfigurableTolerance is alpha and off by default in Kubernetes 1.34: "
      + 'the apiserver drops the field and the controller uses the cluster-wide tolerance unless the gate is on (on by default from 1.35)',
    ]);
    expect(only(synthValid(chart), 'HorizontalPodAutoscaler').spec.behavior.scaleUp).toEqual({ tolerance: '50m' });
    const later = shopChart();
    new PodAutoscaler(later, 'hpa', { target: reference(), maxReplicas: 3, scaleUp: { tolerance: 0.05 }, kubernetesVersion: '1.35' });
    expect(warningsOf(later)).toEqual([]);
  });

  test('minReplicas 0 before 1.37 warns that the gate is alpha and off; from 1.37 it is on', () => {
    const chart = shopChart();
    new PodAutoscaler(chart, 'hpa', { target: reference(), minReplicas: 0, maxReplicas: 3, metrics: [QUEUE], kubernetesVersion: '1.36' });
    expect(warningsOf(chart)).toEqual([
      "[shop/hpa] 'minReplicas' (0): HPAScaleToZero is alpha and off by default in Kubernetes 1.36: the apiserver refuses minReplicas 0 "
      + 'unless the gate is on (on by default from 1.37)',
    ]);
    const current = shopChart();
    new PodAutoscaler(current, 'hpa', { target: reference(), minReplicas: 0, maxReplicas: 3, metrics: [QUEUE] });
    expect(warningsOf(current)).toEqual([]);
  });

  test('a ContainerResource metric before 1.27 warns, also when added later', () => {
    const chart = shopChart();
    const worker = plainDeployment(chart);
    const hpa = new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(worker), maxReplicas: 3, metrics: [QUEUE], kubernetesVersion: '1.26' });
    expect(warningsOf(chart)).toEqual([]);
    hpa.addMetric(Metric.containerResource({ container: 'app', resource: 'cpu', target: MetricTarget.utilization(60) }));
    expect(warningsOf(chart)).toEqual([
      '[shop/hpa] metric cpu of container "app": HPAContainerMetrics is alpha and off by default in Kubernetes 1.26: the apiserver drops '
      + 'ContainerResource metrics unless the gate is on (on by default from 1.27)',
    ]);
  });

  test('a version that is not one is refused; the version is never written', () => {
    expect(() => new PodAutoscaler(shopChart(), 'hpa', { target: reference(), maxReplicas: 3, kubernetesVersion: 'v2' }))
      .toThrow("[shop/hpa] 'kubernetesVersion' (\"v2\") must be a Kubernetes minor version such as \"1.33\"");
    const chart = shopChart();
    const backend = new AutoscaledDeployment(chart, 'backend', { ...BACKEND, kubernetesVersion: '1.33', scaleDown: { stabilizationWindow: Duration.minutes(1) } });
    expect(backend.autoscaler.autoscalingOptions.kubernetesVersion).toBe('1.33');
    expect(JSON.stringify(only(synthValid(chart), 'HorizontalPodAutoscaler'))).not.toContain('1.33');
  });
});
