import { ConformanceCase, runTable } from './support';

// kubernetes/kubernetes TestValidateDeployment, read through the search index (the stored extensions-era version
// of the apps validation tests, id 401063593; the cases live on in `pkg/apis/apps/validation/validation_test.go`);
// ported against v1.34 `pkg/apis/apps/validation/validation.go` (`ValidateDeployment`) on apps/v1 manifests.

function validDeployment(): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'abc', namespace: 'default' },
    spec: {
      selector: { matchLabels: { name: 'abc' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
      template: {
        metadata: { labels: { name: 'abc' } },
        spec: {
          restartPolicy: 'Always',
          dnsPolicy: 'Default',
          containers: [{ name: 'nginx', image: 'image', imagePullPolicy: 'Never', terminationMessagePolicy: 'File' }],
        },
      },
    },
  };
}

function tweak(f: (d: any) => void): any {
  const d = validDeployment();
  f(d);
  return d;
}

test('TestValidateDeployment', () => {
  const cases: ConformanceCase[] = [
    { name: 'successCases[0] validDeployment()', valid: true, object: validDeployment() },
    { name: 'metadata.name: Required value', valid: false, field: 'metadata.name', object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { namespace: 'default' } } },
    {
      name: '`selector` does not match template `labels`',
      valid: false,
      message: '`selector` does not match template `labels`',
      object: tweak(d => { d.spec.selector = { matchLabels: { name: 'def' } }; }),
    },
    { name: 'Unsupported value: "Never"', valid: false, field: 'spec.template.spec.restartPolicy', object: tweak(d => { d.spec.template.spec.restartPolicy = 'Never'; }) },
    { name: 'supported values: Recreate, RollingUpdate', valid: false, message: '"Recreate", "RollingUpdate"', object: tweak(d => { d.spec.strategy.type = 'randomType'; }) },
    {
      name: "may not be specified when strategy `type` is 'Recreate'",
      valid: false,
      message: "may not be specified when strategy `type` is 'Recreate'",
      object: tweak(d => { d.spec.strategy = { type: 'Recreate', rollingUpdate: {} }; }),
    },
    {
      name: 'a valid percent string must be',
      valid: false,
      field: 'spec.strategy.rollingUpdate.maxSurge',
      message: 'a valid percent string must be',
      object: tweak(d => { d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '20Percent' } }; }),
    },
    {
      name: 'may not be 0 when `maxSurge` is 0',
      valid: false,
      message: 'may not be 0 when `maxSurge` is 0',
      object: tweak(d => { d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '0%', maxUnavailable: 0 } }; }),
    },
    {
      name: 'must not be greater than 100%',
      valid: false,
      message: 'must not be greater than 100%',
      object: tweak(d => { d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '110%' } }; }),
    },
    { name: 'must be greater than or equal to 0 (rollbackTo.revision)', valid: false, notExpressible: 'apps/v1 has no spec.rollbackTo (extensions/v1beta1 only)' },
    {
      name: 'must be greater than minReadySeconds',
      valid: false,
      message: 'must be greater than minReadySeconds',
      object: tweak(d => { d.spec.progressDeadlineSeconds = 600; d.spec.minReadySeconds = 600; }),
    },
  ];
  runTable('TestValidateDeployment', cases);
});
