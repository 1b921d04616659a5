import { ConformanceCase, runTable } from './support';

// kubernetes/kubernetes `pkg/apis/autoscaling/validation/validation_test.go` TestValidateHorizontalPodAutoscaler,
// read (the file's stored version with autoscaling/v2 MetricTarget and utilpointer) through the search index,
// id 309033154; ported against v1.34 `pkg/apis/autoscaling/validation/validation.go`. The success cases and the
// first twelve error cases are ported (in upstream's order); the later error cases of that table are not yet.

const hpa = (spec: any) => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'myautoscaler', namespace: 'default' },
  spec: { scaleTargetRef: { kind: 'ReplicationController', name: 'myrc' }, minReplicas: 1, maxReplicas: 5, ...spec },
});
const cpu = (target: any) => [{ type: 'Resource', resource: { name: 'cpu', target } }];
const containerCpu = (target: any) => [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'test-application', target } }];
const UTIL70 = { type: 'Utilization', averageUtilization: 70 };

test('TestValidateHorizontalPodAutoscaler', () => {
  const cases: ConformanceCase[] = [
    { name: 'successCases[0] Resource cpu Utilization 70', valid: true, object: hpa({ metrics: cpu(UTIL70) }) },
    { name: 'successCases[1] no metrics', valid: true, object: hpa({}) },
    { name: 'successCases[2] Resource cpu AverageValue 300m', valid: true, object: hpa({ metrics: cpu({ type: 'AverageValue', averageValue: '300m' }) }) },
    {
      name: 'successCases[3] Pods somemetric AverageValue 300m',
      valid: true,
      object: hpa({ metrics: [{ type: 'Pods', pods: { metric: { name: 'somemetric' }, target: { type: 'AverageValue', averageValue: '300m' } } }] }),
    },
    {
      name: 'successCases[4] ContainerResource Utilization 70',
      valid: true,
      object: hpa({ metrics: [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'test-container', target: UTIL70 } }] }),
    },
    {
      name: 'successCases[5] ContainerResource AverageValue 300m',
      valid: true,
      object: hpa({ metrics: [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'test-container', target: { type: 'AverageValue', averageValue: '300m' } } }] }),
    },
    {
      name: 'successCases[6] Object Value 300m',
      valid: true,
      object: hpa({
        metrics: [{
          type: 'Object',
          object: { describedObject: { kind: 'ReplicationController', name: 'myrc' }, metric: { name: 'somemetric' }, target: { type: 'Value', value: '300m' } },
        }],
      }),
    },
    {
      name: 'successCases[7] External Value 300m',
      valid: true,
      object: hpa({ metrics: [{ type: 'External', external: { metric: { name: 'somemetric', selector: { matchLabels: { label: 'value' } } }, target: { type: 'Value', value: '300m' } } }] }),
    },
    {
      name: 'successCases[8] External AverageValue 300m',
      valid: true,
      object: hpa({ metrics: [{ type: 'External', external: { metric: { name: 'somemetric', selector: { matchLabels: { label: 'value' } } }, target: { type: 'AverageValue', averageValue: '300m' } } }] }),
    },
    { name: 'errorCases[0] scaleTargetRef.kind: Required', valid: false, field: 'spec.scaleTargetRef.kind', object: hpa({ scaleTargetRef: { name: 'myrc' }, metrics: cpu(UTIL70) }) },
    { name: 'errorCases[1] scaleTargetRef.kind: Required (ContainerResource)', valid: false, field: 'spec.scaleTargetRef.kind', object: hpa({ scaleTargetRef: { name: 'myrc' }, metrics: containerCpu(UTIL70) }) },
    { name: 'errorCases[2] scaleTargetRef.kind: Invalid', valid: false, field: 'spec.scaleTargetRef.kind', object: hpa({ scaleTargetRef: { kind: '..', name: 'myrc' }, metrics: cpu(UTIL70) }) },
    { name: 'errorCases[3] scaleTargetRef.kind: Invalid (ContainerResource)', valid: false, field: 'spec.scaleTargetRef.kind', object: hpa({ scaleTargetRef: { kind: '..', name: 'myrc' }, metrics: containerCpu(UTIL70) }) },
    { name: 'errorCases[4] scaleTargetRef.name: Required', valid: false, field: 'spec.scaleTargetRef.name', object: hpa({ scaleTargetRef: { kind: 'ReplicationController' }, metrics: cpu(UTIL70) }) },
    {
      name: 'errorCases[5] scaleTargetRef.name: Required (ContainerResource)',
      valid: false,
      field: 'spec.scaleTargetRef.name',
      object: hpa({ scaleTargetRef: { kind: 'ReplicationController' }, metrics: containerCpu(UTIL70) }),
    },
    { name: 'errorCases[6] scaleTargetRef.name: Invalid', valid: false, field: 'spec.scaleTargetRef.name', object: hpa({ scaleTargetRef: { kind: 'ReplicationController', name: '..' }, metrics: cpu(UTIL70) }) },
    {
      name: 'errorCases[7] scaleTargetRef.name: Invalid (ContainerResource)',
      valid: false,
      field: 'spec.scaleTargetRef.name',
      object: hpa({ scaleTargetRef: { kind: 'ReplicationController', name: '..' }, metrics: containerCpu(UTIL70) }),
    },
    {
      name: 'errorCases[8] must be greater than or equal to 1',
      valid: false,
      field: 'spec.minReplicas',
      message: 'must be greater than or equal to 1',
      object: hpa({ scaleTargetRef: {}, minReplicas: -1 }),
    },
    {
      name: 'errorCases[9] must be greater than or equal to `minReplicas`',
      valid: false,
      field: 'spec.maxReplicas',
      message: 'must be greater than or equal to `minReplicas`',
      object: hpa({ scaleTargetRef: {}, minReplicas: 7 }),
    },
    {
      name: 'errorCases[10] may not set both a target raw value and a target utilization',
      valid: false,
      message: 'may not set both a target raw value and a target utilization',
      object: hpa({ metrics: cpu({ ...UTIL70, averageValue: '300m' }) }),
    },
    {
      name: 'errorCases[11] may not set both a target raw value and a target utilization (ContainerResource)',
      valid: false,
      message: 'may not set both a target raw value and a target utilization',
      object: hpa({ metrics: containerCpu({ ...UTIL70, averageValue: '300m' }) }),
    },
  ];
  runTable('TestValidateHorizontalPodAutoscaler', cases);
});
