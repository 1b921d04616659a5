import { ConformanceCase, runTable } from './support';

// kubernetes/kubernetes `pkg/apis/rbac/validation/validation_test.go`, read at commit 064976be778af5a5d211b91a198be55e73327deb;
// the rules are ported at v1.34 (`pkg/apis/rbac/validation/validation.go`), where these cases keep their outcome.

const GROUP = 'rbac.authorization.k8s.io';
const NO_NAMESPACE = 'a manifest without metadata.namespace gets the namespace of the Helm release or of `kubectl apply -n`: never written empty';

const crb = (metadata: any, roleRef: any, subjects?: any[]) => ({ apiVersion: `${GROUP}/v1`, kind: 'ClusterRoleBinding', metadata, roleRef, subjects });
const rb = (metadata: any, roleRef: any, subjects?: any[]) => ({ apiVersion: `${GROUP}/v1`, kind: 'RoleBinding', metadata, roleRef, subjects });
const role = (metadata: any, rules?: any[]) => ({ apiVersion: `${GROUP}/v1`, kind: 'Role', metadata, rules });
const clusterRole = (metadata: any, rules?: any[]) => ({ apiVersion: `${GROUP}/v1`, kind: 'ClusterRole', metadata, rules });
const ref = (kind: string, name?: string, apiGroup = GROUP) => ({ apiGroup, kind, name });

test('TestValidateClusterRoleBinding', () => {
  const cases: ConformanceCase[] = [
    {
      name: 'success',
      valid: true,
      object: crb({ name: 'master' }, ref('ClusterRole', 'valid'), [
        { name: 'validsaname', namespace: 'foo', kind: 'ServiceAccount' },
        { name: 'valid@username', kind: 'User', apiGroup: GROUP },
        { name: 'valid@groupname', kind: 'Group', apiGroup: GROUP },
      ]),
    },
    { name: 'bad group', valid: false, field: 'roleRef.apiGroup', object: crb({ name: 'default' }, ref('ClusterRole', 'valid', 'rbac.GroupName')) },
    { name: 'bad kind', valid: false, field: 'roleRef.kind', object: crb({ name: 'default' }, ref('Type', 'valid')) },
    { name: 'reference role', valid: false, field: 'roleRef.kind', object: crb({ name: 'default' }, ref('Role', 'valid')) },
    { name: 'zero-length name', valid: false, field: 'metadata.name', object: crb({}, ref('ClusterRole', 'valid')) },
    { name: 'bad role', valid: false, field: 'roleRef.name', object: crb({ name: 'default' }, ref('ClusterRole')) },
    { name: 'bad subject kind', valid: false, field: 'subjects[0].kind', object: crb({ name: 'master' }, ref('ClusterRole', 'valid'), [{ name: 'subject' }]) },
    {
      name: 'bad subject name',
      valid: false,
      field: 'subjects[0].name',
      object: crb({ name: 'master' }, ref('ClusterRole', 'valid'), [{ namespace: 'foo', name: 'subject:bad', kind: 'ServiceAccount' }]),
    },
    {
      name: 'missing SA namespace',
      valid: false,
      field: 'subjects[0].namespace',
      object: crb({ name: 'master' }, ref('ClusterRole', 'valid'), [{ name: 'good', kind: 'ServiceAccount' }]),
    },
    {
      name: 'missing subject name',
      valid: false,
      field: 'subjects[0].name',
      object: crb({ name: 'master' }, ref('ClusterRole', 'valid'), [{ namespace: 'foo', kind: 'ServiceAccount' }]),
    },
  ];
  runTable('TestValidateClusterRoleBinding', cases);
});

test('TestValidateRoleBinding', () => {
  const ns = { namespace: 'default' };
  const cases: ConformanceCase[] = [
    {
      name: 'success',
      valid: true,
      object: rb({ ...ns, name: 'master' }, ref('Role', 'valid'), [
        { name: 'validsaname', kind: 'ServiceAccount' },
        { name: 'valid@username', kind: 'User', apiGroup: GROUP },
        { name: 'valid@groupname', kind: 'Group', apiGroup: GROUP },
      ]),
    },
    { name: 'bad group', valid: false, field: 'roleRef.apiGroup', object: rb({ ...ns, name: 'default' }, ref('ClusterRole', 'valid', 'rbac.GroupName')) },
    { name: 'bad kind', valid: false, field: 'roleRef.kind', object: rb({ ...ns, name: 'default' }, ref('Type', 'valid')) },
    { name: 'zero-length namespace', valid: false, notExpressible: NO_NAMESPACE },
    { name: 'zero-length name', valid: false, field: 'metadata.name', object: rb({ ...ns }, ref('Role', 'valid')) },
    { name: 'bad role', valid: false, field: 'roleRef.name', object: rb({ ...ns, name: 'default' }, ref('Role')) },
    { name: 'bad subject kind', valid: false, field: 'subjects[0].kind', object: rb({ ...ns, name: 'master' }, ref('Role', 'valid'), [{ name: 'subject' }]) },
    { name: 'bad subject name', valid: false, field: 'subjects[0].name', object: rb({ ...ns, name: 'master' }, ref('Role', 'valid'), [{ name: 'subject:bad', kind: 'ServiceAccount' }]) },
    { name: 'missing subject name', valid: false, field: 'subjects[0].name', object: rb({ ...ns, name: 'master' }, ref('Role', 'valid'), [{ kind: 'ServiceAccount' }]) },
  ];
  runTable('TestValidateRoleBinding', cases);
});

test('TestValidateRole* / TestValidateClusterRole*', () => {
  const ns = { name: 'default', namespace: 'default' };
  const cases: ConformanceCase[] = [
    { name: 'TestValidateRoleZeroLengthNamespace', valid: false, notExpressible: NO_NAMESPACE },
    { name: 'TestValidateRoleZeroLengthName', valid: false, field: 'metadata.name', object: role({ namespace: 'default' }) },
    { name: 'TestValidateRoleValidRole', valid: true, object: role(ns) },
    { name: 'TestValidateRoleValidRoleNoNamespace', valid: true, object: clusterRole({ name: 'default' }) },
    { name: 'TestValidateRoleNonResourceURL', valid: true, object: clusterRole({ name: 'default' }, [{ verbs: ['get'], nonResourceURLs: ['/*'] }]) },
    {
      name: 'TestValidateRoleNamespacedNonResourceURL',
      valid: false,
      field: 'rules[0].nonResourceURLs',
      object: role(ns, [{ verbs: ['get'], nonResourceURLs: ['/*'] }]),
    },
    {
      name: 'TestValidateRoleNonResourceURLNoVerbs',
      valid: false,
      field: 'rules[0].verbs',
      object: clusterRole({ name: 'default' }, [{ verbs: [], nonResourceURLs: ['/*'] }]),
    },
    {
      name: 'TestValidateRoleMixedNonResourceAndResource',
      valid: false,
      field: 'rules[0].nonResourceURLs',
      object: role(ns, [{ verbs: ['get'], nonResourceURLs: ['/*'], apiGroups: ['v1'], resources: ['pods'] }]),
    },
    { name: 'TestValidateRoleValidResource', valid: true, object: role(ns, [{ verbs: ['get'], apiGroups: ['v1'], resources: ['pods'] }]) },
    { name: 'TestValidateRoleNoAPIGroup', valid: false, field: 'rules[0].apiGroups', object: role(ns, [{ verbs: ['get'], resources: ['pods'] }]) },
    { name: 'TestValidateRoleNoResources', valid: false, field: 'rules[0].resources', object: role(ns, [{ verbs: ['get'], apiGroups: ['v1'] }]) },
  ];
  runTable('TestValidateRole*', cases);
});
