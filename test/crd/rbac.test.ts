import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { AT_GROUP, atDefinition, atSchema } from './at';
import { AccessGrant, CustomResourceDefinition, CustomResourceScope, Schema } from '../../src';
import { ManifestObject, only, synthValid } from '../util/validate';

function setup(namespace: string | null = 'cnat') {
  const chart = new Chart(Testing.app(), 'test', { namespace: namespace ?? undefined });
  const at = atDefinition(chart);
  const sa = new kplus.ServiceAccount(chart, 'controller', { metadata: { name: 'at-controller' } });
  return { chart, at, sa };
}

const rulesOf = (objects: ManifestObject[], kind: string) => only(objects, kind).rules;

describe('CRD grants', () => {
  test('grantRead: get and list, cluster-wide, bound to the ServiceAccount', () => {
    // GIVEN
    const { chart, at, sa } = setup();

    // WHEN
    const grant = at.grantRead(sa);
    const objects = synthValid(chart);

    // THEN
    expect(rulesOf(objects, 'ClusterRole')).toEqual([{ apiGroups: [AT_GROUP], resources: ['ats'], verbs: ['get', 'list'] }]);
    const binding = only(objects, 'ClusterRoleBinding');
    expect(binding.metadata.namespace).toBeUndefined();
    expect(only(objects, 'ClusterRole').metadata.namespace).toBeUndefined();
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: grant.role.name });
    expect(binding.subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 'at-controller', namespace: 'cnat' }]);
    expect(grant.namespace).toBeUndefined();
  });

  test('grantWatch: get, list and watch (what an informer needs)', () => {
    const { chart, at, sa } = setup();
    at.grantWatch(sa);
    expect(rulesOf(synthValid(chart), 'ClusterRole')).toEqual([{ apiGroups: [AT_GROUP], resources: ['ats'], verbs: ['get', 'list', 'watch'] }]);
  });

  test('grantStatusUpdate: update and patch on <plural>/status only', () => {
    const { chart, at, sa } = setup();
    at.grantStatusUpdate(sa);
    expect(rulesOf(synthValid(chart), 'ClusterRole')).toEqual([{ apiGroups: [AT_GROUP], resources: ['ats/status'], verbs: ['update', 'patch'] }]);
  });

  test('grantFullAccess: every verb on <plural>, get/update/patch on its subresources', () => {
    // GIVEN a CRD with status and scale subresources
    const chart = new Chart(Testing.app(), 'test', { namespace: 'shop' });
    const crd = new CustomResourceDefinition(chart, 'pool', {
      group: 'shop.example.com',
      kind: 'Pool',
      versions: [{
        name: 'v1',
        schema: Schema.object({
          properties: {
            spec: Schema.object({ properties: { replicas: Schema.integer() } }),
            status: Schema.object({ properties: { replicas: Schema.integer() } }),
          },
        }),
        statusSubresource: true,
        scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' },
      }],
    });
    const sa = new kplus.ServiceAccount(chart, 'admin');

    // WHEN
    crd.grantFullAccess(sa);

    // THEN
    expect(rulesOf(synthValid(chart), 'ClusterRole')).toEqual([
      { apiGroups: ['shop.example.com'], resources: ['pools'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'] },
      { apiGroups: ['shop.example.com'], resources: ['pools/scale'], verbs: ['get', 'update', 'patch'] },
      { apiGroups: ['shop.example.com'], resources: ['pools/status'], verbs: ['get', 'update', 'patch'] },
    ]);
  });

  test('grants to one subject merge into one role without repeating verbs', () => {
    // GIVEN
    const { chart, at, sa } = setup();

    // WHEN
    const read = at.grantRead(sa);
    const watch = at.grantWatch(sa);
    at.grantStatusUpdate(sa);
    at.grantStatusUpdate(sa);

    // THEN
    expect(watch).toBe(read);
    const objects = synthValid(chart);
    expect(objects.filter(o => o.kind === 'ClusterRole')).toHaveLength(1);
    expect(rulesOf(objects, 'ClusterRole')).toEqual([
      { apiGroups: [AT_GROUP], resources: ['ats'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [AT_GROUP], resources: ['ats/status'], verbs: ['update', 'patch'] },
    ]);
  });

  test('a namespace option grants with a Role and RoleBinding in that namespace', () => {
    // GIVEN
    const { chart, at, sa } = setup();

    // WHEN
    const grant = at.grantWatch(sa, { namespace: 'team-a' });
    const objects = synthValid(chart);

    // THEN
    expect(objects.filter(o => o.kind.startsWith('Cluster') && o.kind !== 'CustomResourceDefinition')).toEqual([]);
    expect(only(objects, 'Role')).toMatchObject({
      metadata: { namespace: 'team-a' },
      rules: [{ apiGroups: [AT_GROUP], resources: ['ats'], verbs: ['get', 'list', 'watch'] }],
    });
    expect(only(objects, 'RoleBinding')).toMatchObject({
      metadata: { namespace: 'team-a' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: grant.role.name },
      subjects: [{ apiGroup: '', kind: 'ServiceAccount', name: 'at-controller', namespace: 'cnat' }],
    });
  });

  test('users and groups are subjects too', () => {
    const { chart, at } = setup();
    at.grantRead(kplus.User.fromName(chart, 'alice', 'alice@example.com'));
    at.grantRead(kplus.Group.fromName(chart, 'ops', 'ops'));
    const objects = synthValid(chart);
    expect(objects.filter(o => o.kind === 'ClusterRoleBinding').map(b => b.subjects)).toEqual([
      [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'alice@example.com' }],
      [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'ops' }],
    ]);
  });

  test('AccessGrant.of reaches the grant to add rules of your own', () => {
    const { chart, at, sa } = setup();
    at.grantWatch(sa);
    AccessGrant.of(sa).allow('', 'configmaps', ['get']);
    expect(rulesOf(synthValid(chart), 'ClusterRole')).toEqual([
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
      { apiGroups: [AT_GROUP], resources: ['ats'], verbs: ['get', 'list', 'watch'] },
    ]);
  });
});

describe('grant refusals', () => {
  test('refuses status updates when no version has the status subresource', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'cnat' });
    const at = atDefinition(chart, { statusSubresource: false });
    const sa = new kplus.ServiceAccount(chart, 'sa');
    expect(() => at.grantStatusUpdate(sa)).toThrow(
      "[test/at] 'versions[].statusSubresource' (false) must be true for some version before granting status updates: without it there is no ats/status");
  });

  test('refuses a namespace for a cluster-scoped CRD', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'shop' });
    const crd = new CustomResourceDefinition(chart, 'zone', {
      group: 'shop.example.com', kind: 'Zone', scope: CustomResourceScope.CLUSTER, versions: [{ name: 'v1', schema: atSchema() }],
    });
    const sa = new kplus.ServiceAccount(chart, 'sa');
    expect(() => crd.grantRead(sa, { namespace: 'shop' })).toThrow(
      "[test/zone] 'namespace' (\"shop\") cannot be used: zones are cluster-scoped, which a Role in a namespace cannot grant; omit it for a ClusterRole");
  });

  test('refuses a namespace that is not a DNS label', () => {
    const { at, sa } = setup();
    expect(() => at.grantRead(sa, { namespace: 'Team.A' })).toThrow(
      "[test/controller] 'namespace' (\"Team.A\") must be a namespace name (a DNS-1123 label: lowercase letters, digits and \"-\")");
  });

  test('refuses at synth a ServiceAccount subject without a namespace', () => {
    const { chart, at, sa } = setup(null);
    at.grantWatch(sa);
    expect(() => synthValid(chart)).toThrow(
      "[test/controller/Access] 'subject' (\"ServiceAccount at-controller\") needs a namespace to be bound: set the ServiceAccount's metadata.namespace or its chart's namespace");
  });

  test('refuses verbs that are not API verbs', () => {
    const { sa } = setup();
    expect(() => AccessGrant.of(sa).allow('', 'pods', ['GET'])).toThrow("[test/controller/Access] 'verbs' ([\"GET\"]) must be a non-empty list of lowercase API verbs");
    expect(() => AccessGrant.of(sa).allow('', 'pods', [])).toThrow("'verbs' ([]) must be a non-empty list");
  });
});
