/**
 * The IPVS guide's sections on kube-proxy's modes and on the example app stay true: the timeline table is what
 * KubeProxyConfiguration answers for each mode and version, and the example's kube-proxy configuration,
 * director rules, prediction and migration report are what `npm run example` writes.
 */
import { App, Chart, Testing } from 'cdk8s';
import { synthShop } from '../../examples/shop';
import * as lib from '../../src';
import { warningsOf } from '../../src/common/warnings';
import { expectDocBlocks } from '../util/doc-blocks';
import { ManifestObject, only } from '../util/validate';

const VERSIONS = ['1.28', '1.29', '1.31', '1.33', '1.35', '1.37', '1.40', '1.43'];
const CONNECTIONS = 8;

/** What KubeProxyConfiguration says for a mode on a version: written, warned (and why), or refused. */
function outcome(mode: lib.KubeProxyMode, version: string, featureGates?: Record<string, boolean>): string {
  const chart = Testing.chart();
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    new lib.KubeProxyConfiguration(chart, 'kp', { mode, kubernetesVersion: version, featureGates });
  } catch (e: any) {
    return /needs Kubernetes|removed/.test(e.message) ? 'refused' : `refused without ${Object.keys(featureGates ?? {})[0] ?? 'its gate'}`;
  } finally {
    warn.mockRestore();
  }
  const warning = warningsOf(chart)[0] ?? '';
  return warning.includes('alpha') ? 'alpha (warned)' : warning.includes('beta') ? 'beta (warned)'
    : warning.includes('deprecated') ? 'deprecated (warned)' : 'yes';
}

function timeline(): string {
  const gate = (mode: lib.KubeProxyMode) => mode === lib.KubeProxyMode.NFTABLES ? 'NFTablesProxyMode' : 'KubeProxyIPVS';
  const rows = VERSIONS.map(v => {
    const cells = Object.values(lib.KubeProxyMode).map(mode => {
      const plain = outcome(mode, v);
      if (!plain.startsWith('refused without')) return plain;
      return `with ${gate(mode)}: true, ${outcome(mode, v, { [gate(mode)]: true })}`;
    });
    return `| ${v} | ${lib.KubeProxyConfiguration.defaultMode(v)} | ${cells.join(' | ')} |`;
  });
  return ['| Kubernetes | empty mode means | iptables | ipvs | nftables |', '| --- | --- | --- | --- | --- |', ...rows, ''].join('\n');
}

function example() {
  const app = new App({ outdir: Testing.app().outdir });
  synthShop(app);
  const objectsOf = (id: string) => (app.node.findChild(id) as Chart).toJson() as ManifestObject[];
  const entry = app.node.findChild('entry').node.findAll().find((c): c is lib.IpvsLoadBalancer => c instanceof lib.IpvsLoadBalancer)!;
  return { app, kubeProxy: only(objectsOf('cluster'), 'ConfigMap'), entry, entryObjects: objectsOf('entry') };
}

describe('the IPVS guide, kube-proxy modes and the example', () => {
  const { app, kubeProxy, entry, entryObjects } = example();
  const vs = entry.director!.virtualServers[0];
  const prediction = lib.IpvsPrediction.predict(vs, CONNECTIONS);
  const rulesConfigMap = entryObjects.find(o => o.kind === 'ConfigMap' && o.data?.['rules.ipvsadm'])!;

  test('the example writes the director\'s rules and DaemonSet, and kube-proxy in IPVS mode excluding the director', () => {
    expect(rulesConfigMap.metadata.name).toBe('shop-edge');
    expect(rulesConfigMap.data['rules.ipvsadm']).toBe('-A -t 192.0.2.100:80 -s wrr -p 1800\n'
      + '-a -t 192.0.2.100:80 -r 192.0.2.21:30080 -m -w 3\n-a -t 192.0.2.100:80 -r 192.0.2.22:30080 -m -w 1\n');
    expect(entryObjects.filter(o => o.kind === 'DaemonSet').map(o => o.metadata.name)).toEqual(['shop-edge']);
    expect(kubeProxy.metadata).toMatchObject({ name: 'kube-proxy', namespace: 'kube-system' });
    expect(kubeProxy.data['config.conf']).toContain('excludeCIDRs:\n    - 192.0.2.100/32\n');
    // wrr 3:1 over 8 connections
    expect(prediction.realServers.map(s => s.connections)).toEqual([6, 2]);
  });

  expectDocBlocks('ipvs.md', {
    'kube-proxy-timeline': timeline(),
    'example-kube-proxy': '```yaml\n' + kubeProxy.data['config.conf'] + '```\n',
    'example-rules': '```\n' + rulesConfigMap.data['rules.ipvsadm'] + '```\n',
    'example-prediction': [
      '```',
      `# IpvsPrediction.predict(): ${CONNECTIONS} new connections, ${vs.scheduler}, in the kernel's order`,
      `#   ${prediction.sequence.join(' ')}`,
      ...prediction.realServers.map(s => `#   ${s.server} weight ${s.weight}: ${s.connections} connections`),
      '$ ipvsadm -L -n --stats',
      lib.IpvsStatsTable.predict([vs], CONNECTIONS, { inPackets: 6, outPackets: 4, inBytes: 420, outBytes: 1380 }).trimEnd(),
      '```',
      '',
    ].join('\n'),
    'example-migration': lib.NftablesMigrationReport.of(app).toMarkdown(),
  });
});
