import { ApiObject, App, Chart, JsonPatch, Testing, YamlOutputType } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { IpvsDirector, KubeProxyConfiguration, PodAutoscaler, ScaleTarget, UmbrellaChart } from '../../src';
import { warningsOf } from '../../src/common/warnings';
import { seed } from '../ipvs/helpers';

/** The synth error of an App (all charts), or undefined. */
function synthError(app: App): string | undefined {
  try {
    app.synthYaml();
    return undefined;
  } catch (e: any) {
    return e.message;
  }
}

describe('whole-App checks', () => {
  test('the kube-proxy ConfigMap written by two constructs is refused as a singleton, naming both', () => {
    // GIVEN two charts that each configure kube-proxy
    const app = Testing.app();
    new KubeProxyConfiguration(new Chart(app, 'a'), 'kube-proxy');
    new KubeProxyConfiguration(new Chart(app, 'b'), 'kube-proxy', { strictArp: true });
    // WHEN / THEN
    expect(synthError(app)).toContain(
      "[b/kube-proxy/Resource/Resource] ConfigMap kube-system/kube-proxy is the cluster's one kube-proxy configuration, "
      + 'and it is written twice (also at a/kube-proxy/Resource/Resource): the second replaces the first. Write it once. [app cluster-wide singleton]');
  });

  test('one object identity written twice by hand is refused; other namespaces and kinds are not the same object', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const cm = (id: string, namespace: string | undefined, kind = 'ConfigMap', apiVersion = 'v1') =>
      new ApiObject(chart, id, { apiVersion, kind, metadata: { name: 'settings', namespace } });
    cm('one', 'shop');
    cm('two', 'shop');
    cm('three', 'other');
    cm('four', 'shop', 'Secret');
    cm('five', undefined);
    new KubeProxyConfiguration(chart, 'kp');
    const error = synthError(app)!;
    expect(error).toContain('[c/two] ConfigMap shop/settings is written twice (also at c/one)');
    expect(error).not.toContain('c/three');
    expect(error).not.toContain('c/four');
    expect(error).not.toContain('c/five');
  });

  test('two IPVS directors claim the same host port (the metrics port) on the same nodes: refused', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'lb');
    new IpvsDirector(chart, 'one', { virtualServers: [seed], name: 'one', metrics: true });
    new IpvsDirector(chart, 'two', { virtualServers: [{ ...seed, address: '1.2.3.5' }], name: 'two', metrics: true });
    expect(synthError(app)).toMatch(
      /\[lb\/two\/Resource\/Resource\] DaemonSet\.apps \(release namespace\)\/two claims host port 9\d+\/TCP, which DaemonSet\.apps \(release namespace\)\/one \(lb\/one\/Resource\/Resource\) also claims on the same nodes/);
  });

  test('host ports on disjoint nodeSelectors do not clash; a possible overlap is a warning', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'ds');
    const ds = (id: string, nodeSelector: Record<string, string>) => new ApiObject(chart, id, {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: id },
      spec: {
        selector: { matchLabels: { app: id } },
        template: {
          metadata: { labels: { app: id } },
          spec: { hostNetwork: true, nodeSelector, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 8080 }] }] },
        },
      },
    });
    ds('blue', { pool: 'blue' });
    ds('green', { pool: 'green' });
    ds('any', { zone: 'a' });
    // registers the App checks (a library construct in the App)
    new KubeProxyConfiguration(chart, 'kp');
    expect(synthError(app)).toBeUndefined();
    const warnings = warningsOf(app).filter(w => w.includes('host port'));
    expect(warnings).toEqual([
      expect.stringContaining('[ds/any] DaemonSet.apps (release namespace)/any claims host port 8080/TCP, which DaemonSet.apps (release namespace)/blue (ds/blue) also claims on possibly the same nodes'),
    ]);
  });

  test('two umbrella charts whose names default to the same id write the same directory: refused', () => {
    const app = Testing.app();
    const web = new Chart(app, 'web');
    new kplus.ConfigMap(web, 'cm', { data: { a: 'b' } });
    const one = new UmbrellaChart(new Chart(app, 'team-a'), 'shop', { version: '1.0.0' });
    const two = new UmbrellaChart(new Chart(app, 'team-b'), 'shop', { version: '1.0.0' });
    one.addSubchart(web);
    two.addSubchart(web);
    new KubeProxyConfiguration(web, 'kp');
    expect(synthError(app)).toContain(
      `[team-b/shop] 'name' ("shop") writes the chart directory ${two.outdir}/shop, which the umbrella chart at team-a/shop writes too`);
  });

  test('one file per resource: two objects whose kind and name are equal in two namespaces overwrite each other', () => {
    const app = new App({ outdir: Testing.app().outdir, yamlOutputType: YamlOutputType.FILE_PER_RESOURCE });
    const chart = new Chart(app, 'c');
    new ApiObject(chart, 'a', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'one' } });
    new ApiObject(chart, 'b', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'two' } });
    new KubeProxyConfiguration(chart, 'kp');
    expect(synthError(app)).toContain('[c/b] ConfigMap two/x is written to ConfigMap.x.k8s.yaml, like ConfigMap one/x (c/a)');
  });

  test('a cluster-scoped binding of a namespaced ServiceAccount whose name lacks the namespace: warned', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'rbac');
    new ApiObject(chart, 'role', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader' }, rules: [] });
    new ApiObject(chart, 'binding', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'reader' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'reader' },
      subjects: [{ kind: 'ServiceAccount', name: 'app', namespace: 'staging' }],
    });
    new ApiObject(chart, 'ok', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'reader-staging' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'viewer' },
      subjects: [{ kind: 'ServiceAccount', name: 'app', namespace: 'staging' }],
    });
    new KubeProxyConfiguration(chart, 'kp');
    expect(synthError(app)).toBeUndefined();
    expect(warningsOf(app).filter(w => w.includes('cluster-scoped'))).toEqual([
      expect.stringMatching(/^\[rbac\/role\] ClusterRole.rbac.authorization.k8s.io reader is cluster-scoped/),
      expect.stringMatching(/^\[rbac\/binding\] ClusterRoleBinding.rbac.authorization.k8s.io reader is cluster-scoped and serves the ServiceAccount of namespace "staging"/),
    ]);
  });

  test('the checks never render a user\'s cdk8s-plus workload (its spread terms would repeat)', () => {
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'web', { spread: true, containers: [{ image: 'web', portNumber: 80 }] });
    new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromDeployment(deployment), maxReplicas: 3 });
    const out = Testing.synth(chart).find((o: any) => o.kind === 'Deployment');
    expect(out.spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toHaveLength(2);
  });

  test('an escape-hatch edit on a library object is checked as written, with the construct path', () => {
    const chart = Testing.chart();
    const director = new IpvsDirector(chart, 'director', { virtualServers: [seed] });
    ApiObject.of(director.daemonSet).addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/env', [{ name: 'A', value: '1' }, { name: 'A', value: '2' }]));
    expect(() => Testing.synth(chart)).toThrow(
      /\[test\/director\] DaemonSet .*: 'spec.template.spec.containers\[0\].env\[1\]' \("A"\) must have a unique name: env\[0\] already has name "A", and server-side apply refuses duplicate entries of a list-map \[ssa x-kubernetes-list-map-keys\]/);
  });
});
