import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { AT_GROUP, atDefinition } from './at';
import { CustomResourceController, CustomResourceControllerProps } from '../../src';
import { ManifestObject, ofKind, only, synthValid } from '../util/validate';

const IMAGE = 'quay.io/programming-kubernetes/cnat-controller:1.0';

function controller(props: Partial<CustomResourceControllerProps> = {}, namespace: string | null = 'cnat', overrides = {}) {
  const chart = new Chart(Testing.app(), 'test', { namespace: namespace ?? undefined });
  const at = atDefinition(chart, overrides);
  const c = new CustomResourceController(chart, 'controller', {
    definition: at,
    container: { image: IMAGE, args: ['--leader-elect'], securityContext: { user: 65532, group: 65532 } },
    ...props,
  });
  return { chart, at, controller: c };
}

const roles = (objects: ManifestObject[], kind: string) => ofKind(objects, kind).map(r => ({ namespace: r.metadata.namespace, rules: r.rules }));

describe('CustomResourceController defaults', () => {
  // GIVEN
  const { chart, controller: c } = controller();

  // WHEN
  const objects = synthValid(chart);
  const deployment = only(objects, 'Deployment');
  const pod = deployment.spec.template.spec;

  test('runs one replica as its own ServiceAccount, with the API token mounted', () => {
    const sa = only(objects, 'ServiceAccount');
    expect(deployment.spec.replicas).toBe(1);
    expect(pod.serviceAccountName).toBe(sa.metadata.name);
    expect(pod.automountServiceAccountToken).toBe(true);
    expect(pod.containers).toHaveLength(1);
    expect(pod.containers[0]).toMatchObject({ image: IMAGE, args: ['--leader-elect'] });
  });

  test('applies the restricted security defaults', () => {
    expect(pod.securityContext).toEqual({ fsGroupChangePolicy: 'Always', runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 65532,
      runAsGroup: 65532,
      capabilities: { drop: ['ALL'] },
    });
  });

  test('grants exactly what an informer-based controller needs', () => {
    expect(roles(objects, 'ClusterRole')).toEqual([{
      namespace: undefined,
      rules: [
        { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
        { apiGroups: [AT_GROUP], resources: ['ats'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: [AT_GROUP], resources: ['ats/status'], verbs: ['update', 'patch'] },
      ],
    }]);
    expect(roles(objects, 'Role')).toEqual([{
      namespace: 'cnat',
      rules: [
        { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
        { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'create', 'update'] },
      ],
    }]);
  });

  test('binds both roles to its ServiceAccount', () => {
    const sa = only(objects, 'ServiceAccount').metadata.name;
    const subject = [{ apiGroup: '', kind: 'ServiceAccount', name: sa, namespace: 'cnat' }];
    expect(only(objects, 'ClusterRoleBinding')).toMatchObject({ roleRef: { kind: 'ClusterRole', name: c.access.role.name }, subjects: subject });
    expect(only(objects, 'RoleBinding')).toMatchObject({ metadata: { namespace: 'cnat' }, roleRef: { kind: 'Role', name: c.leaderElectionAccess!.role.name }, subjects: subject });
  });

  test('exposes what it creates', () => {
    expect(c.deployment).toBeInstanceOf(kplus.Deployment);
    expect(c.serviceAccount).toBeInstanceOf(kplus.ServiceAccount);
    expect(c.access.namespace).toBeUndefined();
    expect(c.leaderElectionAccess?.namespace).toBe('cnat');
  });
});

describe('CustomResourceController options', () => {
  test('watchNamespace grants in that namespace only', () => {
    const { chart } = controller({ watchNamespace: 'team-a' });
    const objects = synthValid(chart);
    expect(ofKind(objects, 'ClusterRole')).toEqual([]);
    expect(roles(objects, 'Role')).toEqual([
      {
        namespace: 'team-a',
        rules: [
          { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
          { apiGroups: [AT_GROUP], resources: ['ats'], verbs: ['get', 'list', 'watch'] },
          { apiGroups: [AT_GROUP], resources: ['ats/status'], verbs: ['update', 'patch'] },
        ],
      },
      {
        namespace: 'cnat',
        rules: [
          { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
          { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'create', 'update'] },
        ],
      },
    ]);
  });

  test('without leader election, events or the status subresource, grants only the watch', () => {
    const { chart, controller: c } = controller({ leaderElection: false, recordEvents: false }, 'cnat', { statusSubresource: false });
    const objects = synthValid(chart);
    expect(roles(objects, 'ClusterRole')).toEqual([{ namespace: undefined, rules: [{ apiGroups: [AT_GROUP], resources: ['ats'], verbs: ['get', 'list', 'watch'] }] }]);
    expect(ofKind(objects, 'Role')).toEqual([]);
    expect(c.leaderElectionAccess).toBeUndefined();
  });

  test('several replicas with leader election', () => {
    const { chart } = controller({ replicas: 2 });
    expect(only(synthValid(chart), 'Deployment').spec.replicas).toBe(2);
  });

  test('restrictedSecurity: false leaves the container as given', () => {
    const container = { image: IMAGE, securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false } };
    const { chart } = controller({ restrictedSecurity: false, container });
    const pod = only(synthValid(chart), 'Deployment').spec.template.spec;
    expect(pod.securityContext.seccompProfile).toBeUndefined();
    expect(pod.containers[0].securityContext.capabilities).toBeUndefined();
  });

  test('refuses several replicas without leader election', () => {
    expect(() => controller({ replicas: 2, leaderElection: false })).toThrow(
      "[test/controller] 'replicas' (2) must be at most 1 when leaderElection is false: several active controllers would reconcile the same objects");
  });

  test('refuses replicas that are not a count', () => {
    expect(() => controller({ replicas: 1.5 })).toThrow("[test/controller] 'replicas' (1.5) must be an integer >= 0");
  });

  test('refuses to run without a namespace', () => {
    expect(() => controller({}, null)).toThrow(
      "[test/controller] 'namespace' (undefined) must be set, here or on the chart: the ServiceAccount must live in a namespace to be bound, and so does the leader-election Lease");
  });

  test('refuses a namespace that is not a DNS label', () => {
    expect(() => controller({ namespace: 'Cnat_System' })).toThrow(
      "[test/controller] 'namespace' (\"Cnat_System\") must be a namespace name (a DNS-1123 label: lowercase letters, digits and \"-\")");
  });

  test('runs in the namespace given', () => {
    const { chart } = controller({ namespace: 'cnat-system' }, null);
    const objects = synthValid(chart);
    expect(['ServiceAccount', 'Deployment', 'Role', 'RoleBinding'].map(k => only(objects, k).metadata.namespace)).toEqual(['cnat-system', 'cnat-system', 'cnat-system', 'cnat-system']);
  });
});
