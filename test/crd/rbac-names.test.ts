/**
 * The names of the roles and bindings a grant writes (docs/validation.md, Naming): the subject's identity,
 * with its namespace, so that the same app synthesized for two namespaces never rebinds the other's subjects
 * (issue 13), and never a truncated or hashed name (issue 19).
 */
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { atDefinition } from './at';
import { CustomResourceController } from '../../src';
import { ManifestObject, only, synthValid } from '../util/validate';

/** The app as a user writes it once and synthesizes per environment (same ids, another namespace). */
function environment(namespace: string): ManifestObject[] {
  const chart = new Chart(Testing.app(), 'shop', { namespace });
  new CustomResourceController(chart, 'at-controller', { definition: atDefinition(chart), container: { image: 'ghcr.io/example/cnat:1.0.0' } });
  return synthValid(chart);
}

const rbac = (objects: ManifestObject[]) => objects
  .filter(o => o.apiVersion === 'rbac.authorization.k8s.io/v1')
  .map(o => ({ kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace, roleRef: o.roleRef?.name, subjects: o.subjects }));

describe('grant names', () => {
  test('GIVEN staging and prod synths of one app THEN their cluster-scoped roles and bindings have distinct, readable names', () => {
    // WHEN
    const stagingObjects = environment('staging');
    const prodObjects = environment('prod');
    // THEN each names the subject with its namespace: nothing cluster-scoped is shared
    const account = only(stagingObjects, 'ServiceAccount').metadata.name!;
    expect(only(prodObjects, 'ServiceAccount').metadata.name).toBe(account);
    const subjects = (ns: string) => [{ apiGroup: '', kind: 'ServiceAccount', name: account, namespace: ns }];
    for (const [ns, objects] of [['staging', stagingObjects], ['prod', prodObjects]] as const) {
      expect(rbac(objects)).toEqual([
        { kind: 'ClusterRole', name: `${ns}:${account}`, namespace: undefined, roleRef: undefined, subjects: undefined },
        { kind: 'ClusterRoleBinding', name: `${ns}:${account}`, namespace: undefined, roleRef: `${ns}:${account}`, subjects: subjects(ns) },
        // the leader-election Role and RoleBinding follow the same rule in the controller's namespace
        { kind: 'Role', name: `${ns}:${account}`, namespace: ns, roleRef: undefined, subjects: undefined },
        { kind: 'RoleBinding', name: `${ns}:${account}`, namespace: ns, roleRef: `${ns}:${account}`, subjects: subjects(ns) },
      ]);
    }
  });

  test('users and groups are named by kind, after the chart\'s namespace', () => {
    // GIVEN grants to a user and a group in a chart of namespace shop
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const at = atDefinition(chart);
    at.grantRead(kplus.User.fromName(chart, 'alice', 'alice@example.com'));
    at.grantRead(kplus.Group.fromName(chart, 'ops', 'ops'));
    // WHEN / THEN
    expect(rbac(synthValid(chart)).map(o => o.name)).toEqual(['shop:user:alice@example.com', 'shop:user:alice@example.com', 'shop:group:ops', 'shop:group:ops']);
  });

  test('refuses a subject whose name cannot name a role', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const at = atDefinition(chart);
    expect(() => at.grantRead(kplus.User.fromName(chart, 'bob', 'corp/bob'))).toThrow(
      "[shop/bob] 'subject' (\"User corp/bob\") cannot name a role: that is not \".\" or \"..\" and has no \"/\" or \"%\" (the apiserver uses it as a path segment)");
  });
});
