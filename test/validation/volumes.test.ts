import { validateObject } from '../../src/validation';
import { ProblemSeverity } from '../../src/validation/problem';

// Volume rules that are not in upstream's TestValidateVolumes table: what v1.34 accepts stays accepted.

const deployment = (volumes: any[], mounts: any[] = []) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'x', volumeMounts: mounts }], volumes } },
  },
});
const problems = (obj: any, severity: ProblemSeverity) => validateObject(obj).filter(p => p.severity === severity).map(p => `${p.path}: ${p.message}`);

test('emptyDir.medium is not checked upstream: a sized hugepages medium is accepted', () => {
  expect(problems(deployment([{ name: 'v', emptyDir: { medium: 'HugePages-2Mi' } }]), ProblemSeverity.ERROR)).toEqual([]);
});

test('configMap and secret names are only required upstream, not format-checked', () => {
  expect(problems(deployment([{ name: 'c', configMap: { name: 'My_Config' } }, { name: 's', secret: { secretName: 'My_Secret' } }]), ProblemSeverity.ERROR)).toEqual([]);
});

test('a key that is no v1.34 volume source is a warning, not an error', () => {
  const obj = deployment([{ name: 'v', someFutureSource: { x: 1 } }]);
  expect(problems(obj, ProblemSeverity.ERROR)).toEqual([]);
  expect(problems(obj, ProblemSeverity.WARNING)).toEqual([
    expect.stringContaining('spec.template.spec.volumes[0].someFutureSource: is not a volume source type of Kubernetes v1.34'),
  ]);
});

test('a negative emptyDir.sizeLimit is refused, a mount of an invalid volume is not found (as upstream)', () => {
  expect(problems(deployment([{ name: 'v', emptyDir: { sizeLimit: '-1Gi' } }], [{ name: 'v', mountPath: '/v' }]), ProblemSeverity.ERROR)).toEqual([
    'spec.template.spec.volumes[0].emptyDir.sizeLimit: SizeLimit field must be a valid resource quantity (Forbidden)',
    'spec.template.spec.containers[0].volumeMounts[0].name: must name a volume of the pod (Not found)',
  ]);
});

test('ephemeral volumes need a claim template with access modes and a storage request', () => {
  expect(problems(deployment([{ name: 'e', ephemeral: { volumeClaimTemplate: { metadata: { name: 'x' }, spec: {} } } }]), ProblemSeverity.ERROR)).toEqual([
    'spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.name: cannot be set',
    'spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: must be set (Required value): at least 1 access mode is required',
    'spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.requests.storage: must be set (Required value)',
  ]);
  expect(problems(deployment([{
    name: 'e', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } },
  }]), ProblemSeverity.ERROR)).toEqual([]);
});
