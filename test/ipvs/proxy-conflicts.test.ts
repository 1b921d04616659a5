import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { refusalOf, seed, warningsPrintedBy } from './helpers';
import { IpvsDirector, IpvsLoadBalancer, IpvsScheduler, KubeProxyConfiguration, KubeProxyMode } from '../../src';
import { warningsOf } from '../../src/common/warnings';

function synthError(app: ReturnType<typeof Testing.app>): string {
  return refusalOf(() => app.synth());
}

describe('IpvsDirector among the other IPVS writers of an App', () => {
  test('GIVEN two directors on the same virtual IP and port in two charts THEN the second is refused', () => {
    // GIVEN
    const app = Testing.app();
    new IpvsDirector(new Chart(app, 'edge-a'), 'director', { virtualServers: [seed] });
    new IpvsDirector(new Chart(app, 'edge-b'), 'director', { virtualServers: [{ ...seed, address: '1.2.3.4' }] });

    // THEN
    expect(synthError(app)).toContain('[edge-b/director] virtual server 1.2.3.4:80/TCP is also claimed by the director edge-a/director: '
      + 'two directors on one virtual IP and port overwrite each other\'s real servers');
  });

  test('GIVEN two directors on one IP with other ports or protocols THEN both are written', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'edge');
    new IpvsDirector(chart, 'http', { virtualServers: [seed] });
    // on the same nodes, so their node_exporter sidecars need host ports of their own
    new IpvsDirector(chart, 'https', { virtualServers: [{ ...seed, port: 443 }], metricsPort: 9111 });
    expect(() => app.synth()).not.toThrow();
  });

  test('GIVEN a Service whose external IP and port are the director\'s THEN the director is refused', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop');
    new kplus.Service(chart, 'web', { externalIPs: ['1.2.3.4'], ports: [{ port: 80 }] });
    new IpvsDirector(chart, 'director', { virtualServers: [seed] });
    expect(synthError(app)).toMatch(/\[shop\/director\] virtual server 1\.2\.3\.4:80\/TCP is also a Service address \(shop\/web\): the cluster's Service proxy programs the same virtual IP and port on every node/);
  });

  test('GIVEN kube-proxy in IPVS mode without the director\'s IP in excludeCidrs THEN refused, with the block to add', () => {
    const app = Testing.app();
    new KubeProxyConfiguration(new Chart(app, 'cluster'), 'kube-proxy', {});
    new IpvsDirector(new Chart(app, 'edge'), 'director', { virtualServers: [seed] });
    expect(synthError(app)).toContain('[edge/director] virtual IP 1.2.3.4 is not in the excludeCIDRs of kube-proxy in IPVS mode '
      + '(cluster/kube-proxy): kube-proxy deletes virtual servers it did not create on every node it shares with the director; '
      + 'add "1.2.3.4/32" to its \'excludeCidrs\'');
  });

  test.each([
    ['IPVS mode with the director excluded', { excludeCidrs: ['1.2.3.0/24'] }],
    ['nftables mode, which never touches IPVS', { mode: KubeProxyMode.NFTABLES }],
  ])('GIVEN kube-proxy in %s THEN the director is written', (_name, props) => {
    const app = Testing.app();
    new KubeProxyConfiguration(new Chart(app, 'cluster'), 'kube-proxy', props);
    new IpvsDirector(new Chart(app, 'edge'), 'director', { virtualServers: [seed] });
    expect(() => app.synth()).not.toThrow();
  });

  test('GIVEN kube-router\'s service proxy in the App THEN the director warns that kube-router deletes foreign virtual services', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop');
    new IpvsLoadBalancer(chart, 'api', { selector: { app: 'api' }, ports: [{ port: 8081 }], kubeRouter: { scheduler: IpvsScheduler.LEAST_CONNECTION } });
    const director = new IpvsDirector(chart, 'director', { virtualServers: [seed] });
    const printed = warningsPrintedBy(() => app.synth());
    const expected = '[shop/director] kube-router\'s service proxy (its annotations are on shop/api/Service) deletes every IPVS virtual '
      + 'service it did not create on the nodes it runs on: run the director only on nodes without kube-router\'s --run-service-proxy '
      + '(the director\'s nodeSelector), or it loses its rules at kube-router\'s next sync';
    expect(warningsOf(director)).toEqual([expected]);
    expect(printed).toEqual([`[WARNING] ${expected}`]);
  });
});
