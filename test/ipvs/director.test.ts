import { Testing } from 'cdk8s';
import { refusalOf, seed, warningsPrintedBy } from './helpers';
import { IpvsDirector, IpvsDirectorProps, IpvsScheduler } from '../../src';
import { ManifestObject, only, synthValid } from '../util/validate';


function synthDirector(props: Partial<IpvsDirectorProps> = {}) {
  const chart = Testing.chart();
  const director = new IpvsDirector(chart, 'director', { virtualServers: [seed], ...props });
  const objects = synthValid(chart);
  const ds = only(objects, 'DaemonSet');
  return { director, objects, ds, pod: ds.spec.template.spec, cm: only(objects, 'ConfigMap') };
}

function container(pod: any, name: string): any {
  return [...pod.initContainers ?? [], ...pod.containers].find((c: any) => c.name === name);
}

describe('IpvsDirector', () => {
  test('GIVEN the seed WHEN synthesized THEN a ConfigMap with the rules and a host-network DaemonSet applying them', () => {
    const { director, objects, ds, pod, cm } = synthDirector();
    expect(objects.map(o => o.kind)).toEqual(['ConfigMap', 'DaemonSet']);
    expect(cm.data['rules.ipvsadm']).toBe(
      '-A -t 1.2.3.4:80 -s rr\n'
      + '-a -t 1.2.3.4:80 -r 172.17.0.3:80 -m -w 1\n'
      + '-a -t 1.2.3.4:80 -r 172.17.0.4:80 -m -w 1\n');
    expect(director.rules).toBe(cm.data['rules.ipvsadm']);
    expect(cm.data['director.sh']).toBe([
      'set -eu',
      'remove() {',
      '  ipvsadm -D -t 1.2.3.4:80 2>/dev/null || true',
      '}',
      'remove',
      'ipvsadm -R < /etc/ipvs/rules.ipvsadm',
      'ipvsadm -L -n -t 1.2.3.4:80',
      'trap \'remove; exit 0\' TERM INT',
      'while true; do sleep 3600 & wait $!; done',
      '',
    ].join('\n'));
    expect(pod.hostNetwork).toBe(true);
    expect(pod.dnsPolicy).toBe('ClusterFirstWithHostNet');
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.nodeSelector).toEqual({ 'ipvs.cdk8s-patterns.dev/director': 'true' });
    expect(container(pod, 'load-modules').command).toEqual(
      ['/bin/sh', '-c', 'set -e; for m in ip_vs ip_vs_rr nf_conntrack; do modprobe "$m"; done']);
    expect(container(pod, 'director').command).toEqual(['/bin/sh', '/etc/ipvs/director.sh']);
    expect(container(pod, 'director').image).toBe('docker.io/cloudnativelabs/kube-router:v2.5.0');
    expect(pod.volumes).toEqual([
      { name: 'rules', configMap: { name: cm.metadata.name } },
      { name: 'modules', hostPath: { path: '/lib/modules', type: 'Directory' } },
    ]);
    expect(ds).toMatchSnapshot();
  });

  test('security: the documented exception — capabilities only, never privileged', () => {
    const { pod } = synthDirector();
    expect(pod.securityContext).toEqual({ fsGroupChangePolicy: 'Always', runAsNonRoot: false, seccompProfile: { type: 'RuntimeDefault' } });
    const capabilityOnly = (capability: string) => ({
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: false,
      runAsUser: 0,
      capabilities: { add: [capability], drop: ['ALL'] },
    });
    expect(container(pod, 'load-modules').securityContext).toEqual(capabilityOnly('SYS_MODULE'));
    expect(container(pod, 'load-modules').volumeMounts).toEqual([{ mountPath: '/lib/modules', name: 'modules', readOnly: true }]);
    expect(container(pod, 'director').securityContext).toEqual(capabilityOnly('NET_ADMIN'));
    // the metrics sidecar is restricted like every other workload
    expect(container(pod, 'ipvs-metrics').securityContext).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 65534,
      runAsGroup: 65534,
      capabilities: { drop: ['ALL'] },
    });
    const all = [...pod.initContainers, ...pod.containers];
    expect(all.some((c: any) => c.securityContext.privileged !== false)).toBe(false);
    expect(all.flatMap((c: any) => c.securityContext.capabilities?.add ?? [])).toEqual(['SYS_MODULE', 'NET_ADMIN']);
  });

  test('observability: node_exporter with only the ipvs collector, and scrape annotations', () => {
    const { ds, pod } = synthDirector({ metricsPort: 9200 });
    expect(container(pod, 'ipvs-metrics')).toMatchObject({
      image: 'quay.io/prometheus/node-exporter:v1.9.1',
      args: ['--collector.disable-defaults', '--collector.ipvs', '--web.listen-address=:9200'],
      ports: [{ containerPort: 9200, name: 'metrics' }],
    });
    expect(ds.spec.template.metadata.annotations).toMatchObject({
      'prometheus.io/scrape': 'true', 'prometheus.io/port': '9200', 'prometheus.io/path': '/metrics',
    });
  });

  test('metrics off: no sidecar, no scrape annotations', () => {
    const { ds, pod } = synthDirector({ metrics: false });
    expect(pod.containers.map((c: any) => c.name)).toEqual(['director']);
    expect(Object.keys(ds.spec.template.metadata.annotations)).toEqual(['ipvs.cdk8s-patterns.dev/rules-sha256']);
  });

  test('a rule change changes the pod template (the DaemonSet rolls); the same rules give the same hash', () => {
    const hash = (ds: ManifestObject) => ds.spec.template.metadata.annotations['ipvs.cdk8s-patterns.dev/rules-sha256'];
    const a = synthDirector().ds;
    const b = synthDirector().ds;
    const c = synthDirector({ virtualServers: [{ ...seed, realServers: [{ address: '172.17.0.3', weight: 2 }] }] }).ds;
    expect(hash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hash(b)).toBe(hash(a));
    expect(hash(c)).not.toBe(hash(a));
  });

  test('one ip_vs_<scheduler> module per scheduler in use; names, images and node selector as given', () => {
    let result: ReturnType<typeof synthDirector> | undefined;
    warningsPrintedBy(() => result = synthDirector({
      name: 'edge',
      image: 'registry.example/ipvsadm:1.31',
      nodeSelector: { 'node-role.kubernetes.io/edge': '' },
      virtualServers: [
        { ...seed, scheduler: IpvsScheduler.WEIGHTED_ROUND_ROBIN },
        { ...seed, port: 443, scheduler: IpvsScheduler.MAGLEV_HASHING },
        { ...seed, port: 8443, scheduler: IpvsScheduler.WEIGHTED_ROUND_ROBIN },
      ],
    }));
    const { cm, ds, pod } = result!;
    expect(container(pod, 'load-modules').command[2]).toBe('set -e; for m in ip_vs ip_vs_mh ip_vs_wrr nf_conntrack; do modprobe "$m"; done');
    expect(cm.metadata.name).toBe('edge');
    expect(ds.metadata.name).toBe('edge');
    expect(container(pod, 'director').image).toBe('registry.example/ipvsadm:1.31');
    expect(pod.nodeSelector).toEqual({ 'node-role.kubernetes.io/edge': '' });
  });

  describe('refusals', () => {
    const refusal = (props: Partial<IpvsDirectorProps>) =>
      refusalOf(() => new IpvsDirector(Testing.chart(), 'director', { virtualServers: [seed], ...props }));

    test('rules are checked with the construct path', () => {
      expect(refusal({ virtualServers: [{ ...seed, realServers: [{ address: '172.17.0.3', weight: 65536 }] }] })).toBe(
        '[test/director] \'virtualServers[0].realServers[0].weight\' (65536) must be an integer from 0 (quiescent) to 65535');
    });

    test('no props at all: a refusal, not a TypeError', () => {
      expect(refusalOf(() => new IpvsDirector(Testing.chart(), 'director', undefined as any))).toBe(
        '[test/director] \'props\' (undefined) must be an object (IpvsDirectorProps)');
      expect(refusalOf(() => new IpvsDirector(Testing.chart(), 'director', { virtualServers: [] }))).toBe(
        '[test/director] \'virtualServers\' ([]) must list at least one virtual server');
    });

    // found by test/properties/ipvs.property.test.ts: the apiserver validates a pod's nodeSelector as labels
    test('a node selector the apiserver would refuse as labels', () => {
      expect(refusal({ nodeSelector: { role: '{{ x }}' } })).toBe(
        '[test/director] \'nodeSelector["role"]\' ("{{ x }}") must be a label value: empty, or at most 63 alphanumerics, "-", "_" or "." '
        + 'starting and ending alphanumeric');
      expect(refusal({ nodeSelector: { 'bad key': 'x' } })).toMatch(/^\[test\/director\] 'nodeSelector' \("bad key"\) has a key that is not a label key/);
      expect(refusal({ nodeSelector: { 'Example.com/role': 'x' } })).toMatch(/'nodeSelector' \("Example.com\/role"\) has a key that is not a label key/);
      expect(() => new IpvsDirector(Testing.chart(), 'director', {
        virtualServers: [seed], nodeSelector: { 'node-role.kubernetes.io/edge': '', 'topology.kubernetes.io/zone': 'eu-1a' },
      })).not.toThrow();
    });

    test('an empty node selector would run everywhere', () => {
      expect(refusal({ nodeSelector: {} })).toBe(
        '[test/director] \'nodeSelector\' ({}) must select the director nodes with at least one label');
    });

    test('metrics port', () => {
      expect(refusal({ metricsPort: 70000 })).toBe(
        '[test/director] \'metricsPort\' (70000) must be a port number, an integer from 1 to 65535');
    });

    test('image', () => {
      expect(refusal({ image: 'ipvsadm latest' })).toBe(
        '[test/director] \'image\' ("ipvsadm latest") must be an image reference without spaces');
    });
  });
});
