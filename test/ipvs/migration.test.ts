import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { seed } from './helpers';
import {
  IpvsDirector, IpvsLoadBalancer, IpvsPersistence, IpvsScheduler, KubeProxyConfiguration, KubeProxyMode, NftablesMigrationOutcome,
  NftablesMigrationReport,
} from '../../src';

describe('NftablesMigrationReport', () => {
  test('GIVEN kube-proxy in IPVS mode, a persistent Service, kube-router annotations and a director THEN each setting with its fate', () => {
    // GIVEN
    const app = Testing.app();
    new KubeProxyConfiguration(new Chart(app, 'cluster'), 'kube-proxy', {
      scheduler: IpvsScheduler.WEIGHTED_LEAST_CONNECTION, strictArp: true, excludeCidrs: ['1.2.3.4/32'], tcpTimeout: Duration.minutes(15),
    });
    const shop = new Chart(app, 'shop');
    new IpvsLoadBalancer(shop, 'web', {
      selector: { app: 'web' }, ports: [{ port: 80 }], persistence: IpvsPersistence.clientIp(Duration.minutes(30)),
    });
    const api = new kplus.Service(shop, 'api', { ports: [{ port: 8080 }] });
    api.metadata.addAnnotation('kube-router.io/service.scheduler', 'mh');
    new IpvsDirector(new Chart(app, 'edge'), 'director', { virtualServers: [seed] });

    // WHEN
    const report = NftablesMigrationReport.of(app);

    // THEN
    expect(report.items.map(i => [i.path, i.setting, i.value, i.outcome])).toEqual([
      ['cluster/kube-proxy', 'ipvs.scheduler', 'wlc', 'lost'],
      ['cluster/kube-proxy', 'ipvs.syncPeriod', '30s', 'kept'],
      ['cluster/kube-proxy', 'ipvs.minSyncPeriod', '0s', 'kept'],
      ['cluster/kube-proxy', 'ipvs.strictARP', 'true', 'not needed'],
      ['cluster/kube-proxy', 'ipvs.excludeCIDRs', '1.2.3.4/32', 'not needed'],
      ['cluster/kube-proxy', 'ipvs.tcpTimeout', '15m', 'changed'],
      ['shop/web/Service', 'sessionAffinity', 'ClientIP 1800s', 'kept'],
      ['shop/api', 'kube-router.io/service.scheduler', 'mh', 'kept'],
      ['edge/director', 'ipvsadm rules', '1.2.3.4:80 rr', 'kept'],
    ]);
    expect(report.lost.map(i => i.setting)).toEqual(['ipvs.scheduler']);
    expect(report.items.find(i => i.setting === 'ipvs.tcpTimeout')!.explanation).toContain('conntrack.tcpEstablishedTimeout');
  });

  test('GIVEN round robin THEN changed (random choice is even on average), and Markdown counts every outcome', () => {
    const chart = Testing.chart();
    new KubeProxyConfiguration(chart, 'kp', {});
    const markdown = NftablesMigrationReport.of(chart).toMarkdown();
    expect(markdown.split('\n')).toEqual([
      'IPVS → nftables: 3 IPVS-specific settings (2 kept, 1 changed, 0 lost, 0 not needed)',
      '',
      '| construct | setting | value | under nftables | why |',
      '| --- | --- | --- | --- | --- |',
      '| test/kp | `ipvs.scheduler` | `rr` | changed | nftables picks a backend at random with equal probability: even on average, but not in turn |',
      '| test/kp | `ipvs.syncPeriod` | `30s` | kept | written as nftables.syncPeriod (set mode: nftables on the same KubeProxyConfiguration) |',
      '| test/kp | `ipvs.minSyncPeriod` | `0s` | kept | written as nftables.minSyncPeriod |',
      '',
    ]);
  });

  test('GIVEN kube-proxy already in nftables mode and nothing IPVS-specific THEN an empty report', () => {
    const chart = Testing.chart();
    new KubeProxyConfiguration(chart, 'kp', { mode: KubeProxyMode.NFTABLES });
    new kplus.Service(chart, 'plain', { ports: [{ port: 80 }] });
    const report = NftablesMigrationReport.of(chart);
    expect(report.items).toEqual([]);
    expect(Object.values(NftablesMigrationOutcome)).toEqual(['kept', 'changed', 'lost', 'not needed']);
  });
});
