import { Duration, Testing } from 'cdk8s';
import { parse } from 'yaml';
import { refusalOf, warningsPrintedBy } from './helpers';
import { IpvsScheduler, KubeProxyConfiguration, KubeProxyConfigurationProps, KubeProxyMode } from '../../src';
import { warningsOf } from '../../src/common/warnings';
import { only, synthValid } from '../util/validate';

/**
 * Every field of kubeproxy.config.k8s.io/v1alpha1 KubeProxyConfiguration, from
 * kubernetes/kubernetes staging/src/k8s.io/kube-proxy/config/v1alpha1/types.go (json tags), nested structs
 * expanded (ClientConnectionConfiguration from k8s.io/component-base/config/v1alpha1). `true` is a leaf;
 * featureGates and logging are maps/structs kube-proxy decodes as a whole.
 */
const V1ALPHA1_FIELDS: Record<string, any> = {
  apiVersion: true,
  kind: true,
  featureGates: true,
  clientConnection: { kubeconfig: true, acceptContentTypes: true, contentType: true, qps: true, burst: true },
  logging: true,
  hostnameOverride: true,
  bindAddress: true,
  healthzBindAddress: true,
  metricsBindAddress: true,
  bindAddressHardFail: true,
  enableProfiling: true,
  showHiddenMetricsForVersion: true,
  mode: true,
  iptables: { masqueradeBit: true, masqueradeAll: true, localhostNodePorts: true, snatNodeInternalIP: true, syncPeriod: true, minSyncPeriod: true },
  ipvs: {
    syncPeriod: true,
    minSyncPeriod: true,
    scheduler: true,
    excludeCIDRs: true,
    strictARP: true,
    tcpTimeout: true,
    tcpFinTimeout: true,
    udpTimeout: true,
  },
  nftables: { masqueradeBit: true, masqueradeAll: true, syncPeriod: true, minSyncPeriod: true },
  winkernel: { networkName: true, sourceVip: true, enableDSR: true, rootHnsEndpointName: true, forwardHealthCheckVip: true },
  detectLocalMode: true,
  detectLocal: { bridgeInterface: true, interfaceNamePrefix: true },
  clusterCIDR: true,
  nodePortAddresses: true,
  oomScoreAdj: true,
  conntrack: {
    maxPerCore: true,
    min: true,
    tcpEstablishedTimeout: true,
    tcpCloseWaitTimeout: true,
    tcpBeLiberal: true,
    udpTimeout: true,
    udpStreamTimeout: true,
  },
  configSyncPeriod: true,
  portRange: true,
  windowsRunAsService: true,
};

/** Key paths of a document that the field list does not know (kube-proxy's strict decoding rejects them). */
function unknownKeys(doc: Record<string, any>, fields: Record<string, any> = V1ALPHA1_FIELDS, at = ''): string[] {
  return Object.entries(doc).flatMap(([key, value]) => {
    const known = fields[key];
    if (known === undefined) return [`${at}${key}`];
    if (known === true) return [];
    return unknownKeys(value, known, `${at}${key}.`);
  });
}

const GO_DURATION = /^(0s|([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?)$/;

function configOf(props: KubeProxyConfigurationProps = {}) {
  const chart = Testing.chart();
  new KubeProxyConfiguration(chart, 'kube-proxy', props);
  const cm = only(synthValid(chart), 'ConfigMap');
  return { cm, doc: parse(cm.data['config.conf']) };
}

describe('KubeProxyConfiguration', () => {
  test('GIVEN no props WHEN synthesized THEN kubeadm\'s ConfigMap with kube-proxy\'s own defaults written out', () => {
    const { cm, doc } = configOf();
    expect(cm.metadata).toEqual({ name: 'kube-proxy', namespace: 'kube-system', labels: { app: 'kube-proxy' } });
    expect(Object.keys(cm.data)).toEqual(['config.conf']);
    expect(doc).toEqual({
      apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
      kind: 'KubeProxyConfiguration',
      clientConnection: { kubeconfig: '/var/lib/kube-proxy/kubeconfig.conf' },
      mode: 'ipvs',
      ipvs: {
        excludeCIDRs: [],
        minSyncPeriod: '0s',
        scheduler: 'rr',
        strictARP: false,
        syncPeriod: '30s',
        tcpFinTimeout: '0s',
        tcpTimeout: '0s',
        udpTimeout: '0s',
      },
    });
  });

  test('GIVEN every prop THEN every field lands under its v1alpha1 name, no unknown key, durations in Go syntax', () => {
    const { cm, doc } = configOf({
      scheduler: IpvsScheduler.WEIGHTED_LEAST_CONNECTION,
      strictArp: true,
      syncPeriod: Duration.minutes(1),
      minSyncPeriod: Duration.seconds(5),
      tcpTimeout: Duration.seconds(900),
      tcpFinTimeout: Duration.seconds(120),
      udpTimeout: Duration.millis(300_500),
      excludeCidrs: ['10.96.0.0/12', 'FD00::/64'],
      clusterCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'],
      metricsBindAddress: '0.0.0.0:10249',
      kubeconfigPath: '/etc/kube-proxy/kubeconfig',
    });
    expect(unknownKeys(doc)).toEqual([]);
    expect(doc).toEqual({
      apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
      kind: 'KubeProxyConfiguration',
      clientConnection: { kubeconfig: '/etc/kube-proxy/kubeconfig' },
      clusterCIDR: '10.244.0.0/16,fd00:10:244::/56',
      metricsBindAddress: '0.0.0.0:10249',
      mode: 'ipvs',
      ipvs: {
        excludeCIDRs: ['10.96.0.0/12', 'fd00::/64'],
        minSyncPeriod: '5s',
        scheduler: 'wlc',
        strictARP: true,
        syncPeriod: '1m',
        tcpFinTimeout: '2m',
        tcpTimeout: '15m',
        udpTimeout: '300500ms',
      },
    });
    for (const key of ['minSyncPeriod', 'syncPeriod', 'tcpFinTimeout', 'tcpTimeout', 'udpTimeout']) {
      expect(doc.ipvs[key]).toMatch(GO_DURATION);
    }
    expect(cm.data['config.conf']).toMatchSnapshot();
  });

  test('the field-list check catches an unknown key', () => {
    expect(unknownKeys({ mode: 'ipvs', ipvs: { strictArp: true }, clusterCidr: 'x' })).toEqual(['ipvs.strictArp', 'clusterCidr']);
  });

  test('l2Announcement turns strictARP on by default', () => {
    expect(configOf({ l2Announcement: true }).doc.ipvs.strictARP).toBe(true);
  });

  test('the document is exposed and is what config.conf holds', () => {
    const chart = Testing.chart();
    const kp = new KubeProxyConfiguration(chart, 'kp', { scheduler: IpvsScheduler.SOURCE_HASHING });
    expect(parse(kp.toYaml())).toEqual(kp.document);
    expect(kp.configMap.data['config.conf']).toBe(kp.toYaml());
  });

  describe('refusals', () => {
    const refusal = (props: KubeProxyConfigurationProps) => refusalOf(() => new KubeProxyConfiguration(Testing.chart(), 'kp', props));

    test('minSyncPeriod above syncPeriod', () => {
      expect(refusal({ syncPeriod: Duration.seconds(10), minSyncPeriod: Duration.seconds(15) })).toBe(
        '[test/kp] \'minSyncPeriod\' ("15s") must be at most \'syncPeriod\' (10s)');
      expect(refusal({ minSyncPeriod: Duration.minutes(1) })).toBe(
        '[test/kp] \'minSyncPeriod\' ("1m") must be at most \'syncPeriod\' (30s)');
    });

    test('syncPeriod 0', () => {
      expect(refusal({ syncPeriod: Duration.seconds(0) })).toBe('[test/kp] \'syncPeriod\' ("0s") must be greater than 0');
    });

    test('strictARP off with L2 announcement', () => {
      expect(refusal({ l2Announcement: true, strictArp: false })).toBe(
        '[test/kp] \'strictArp\' (false) must be true (or unset) when LoadBalancer IPs are announced on layer 2 (\'l2Announcement\'): '
        + 'MetalLB in L2 mode needs kube-proxy\'s strictARP in IPVS mode, or every node answers ARP for every VIP');
    });

    test.each(['mh', 'fo', 'ovf', 'twos'])('a kernel scheduler kube-proxy\'s validation rejects: %s', scheduler => {
      expect(refusal({ scheduler: scheduler as IpvsScheduler })).toBe(
        `[test/kp] 'scheduler' ("${scheduler}") is not accepted by kube-proxy, which takes one of rr, wrr, lc, wlc, lblc, lblcr, sh, dh, sed, nq`);
    });

    test('an unknown scheduler', () => {
      expect(refusal({ scheduler: 'fastest' as IpvsScheduler })).toContain(
        '\'scheduler\' ("fastest") must be a kernel IPVS scheduler: one of rr, wrr,');
    });

    test('invalid CIDRs', () => {
      expect(refusal({ excludeCidrs: ['10.0.0.0/8', '10.1.2.3/16'] })).toBe(
        '[test/kp] \'excludeCidrs[1]\' ("10.1.2.3/16") must have its host bits zero (did you mean 10.1.0.0/16?)');
      expect(refusal({ excludeCidrs: ['10.0.0.1'] })).toBe(
        '[test/kp] \'excludeCidrs[0]\' ("10.0.0.1") must be a CIDR block such as 10.0.0.0/8 or fd00::/64');
      expect(refusal({ clusterCidrs: ['10.244.0.0/16', '10.245.0.0/16'] })).toBe(
        '[test/kp] \'clusterCidrs\' (["10.244.0.0/16","10.245.0.0/16"]) must be one CIDR block, or one IPv4 and one IPv6 block (dual-stack)');
      expect(refusal({ clusterCidrs: [] })).toContain('\'clusterCidrs\' ([]) must be one CIDR block');
    });

    test.each(['10249', '0.0.0.0', '0.0.0.0:0', '::1:10249', '[0.0.0.0]:10249', 'localhost:10249', '0.0.0.0:010249'])(
      'metricsBindAddress %s', address => {
        expect(refusal({ metricsBindAddress: address })).toBe(
          `[test/kp] 'metricsBindAddress' ("${address}") must be IP:port, such as 0.0.0.0:10249 or [::]:10249`);
      });

    test('a relative kubeconfig path', () => {
      expect(refusal({ kubeconfigPath: 'kubeconfig.conf' })).toBe(
        '[test/kp] \'kubeconfigPath\' ("kubeconfig.conf") must be an absolute path');
    });

    test('a garbled Kubernetes version', () => {
      expect(refusal({ kubernetesVersion: '1.35.x' })).toBe(
        '[test/kp] \'kubernetesVersion\' ("1.35.x") must be a Kubernetes version such as "1.33" or "v1.35.2"');
    });
  });

  describe('every mode at every boundary of kube-proxy\'s timeline (KEP-3866 nftables, KEP-5495 IPVS)', () => {
    const ALPHA = 'kube-proxy\'s nftables mode is alpha on 1.29 (\'kubernetesVersion\' is "1.29"); it is GA from 1.33';
    const BETA = 'kube-proxy\'s nftables mode is beta on 1.31 (\'kubernetesVersion\' is "1.31"); it is GA from 1.33';
    const deprecated = (v: string, gated: boolean) => `kube-proxy's IPVS mode is deprecated since Kubernetes 1.35 ('kubernetesVersion' is "${v}")`
      + (gated ? ', behind the KubeProxyIPVS gate since 1.37 (off by default from 1.40)' : '')
      + ' and removed in 1.43; the nftables mode (GA since 1.33) is its successor: plan the move to "mode: nftables" '
      + '(NftablesMigrationReport lists what changes). kube-router and the standalone IpvsDirector use the kernel\'s IPVS '
      + 'directly and are not affected.';
    const NFT_GATE_OFF = (v: string) => `'featureGates' ({}) must set NFTablesProxyMode: true for "nftables" mode on ${v}, where it `
      + `is alpha and off by default ('kubernetesVersion' is "${v}"); it is beta and on by default from 1.31`;
    const IPVS_GATE_OFF = (v: string) => `'featureGates' ({}) must set KubeProxyIPVS: true for "ipvs" mode on ${v}, where the gate `
      + `is off by default ('kubernetesVersion' is "${v}"); better, move to "nftables" before 1.43 removes IPVS mode`;

    type Outcome = { ok: string[] } | { refused: string };
    // [version, mode, feature gates, outcome: the warnings it gives, or the refusal]
    const CASES: Array<[string, KubeProxyMode, Record<string, boolean>, Outcome]> = [
      ['1.28', KubeProxyMode.IPTABLES, {}, { ok: [] }],
      ['1.28', KubeProxyMode.IPVS, {}, { ok: [] }],
      ['1.28', KubeProxyMode.NFTABLES, { NFTablesProxyMode: true },
        { refused: '\'mode\' ("nftables") needs Kubernetes 1.29 or later (\'kubernetesVersion\' is "1.28"): use "iptables" or "ipvs" there' }],
      ['1.29', KubeProxyMode.NFTABLES, {}, { refused: NFT_GATE_OFF('1.29') }],
      ['1.29', KubeProxyMode.NFTABLES, { NFTablesProxyMode: true }, { ok: [ALPHA] }],
      ['1.31', KubeProxyMode.NFTABLES, {}, { ok: [BETA] }],
      ['1.31', KubeProxyMode.NFTABLES, { NFTablesProxyMode: false },
        { refused: '\'featureGates\' ({"NFTablesProxyMode":false}) must not set NFTablesProxyMode: false in "nftables" mode (\'kubernetesVersion\' is "1.31")' }],
      ['1.33', KubeProxyMode.NFTABLES, {}, { ok: [] }],
      ['1.33', KubeProxyMode.IPVS, {}, { ok: [] }],
      ['1.35', KubeProxyMode.IPVS, {}, { ok: [deprecated('1.35', false)] }],
      ['1.37', KubeProxyMode.IPVS, {}, { ok: [deprecated('1.37', true)] }],
      ['1.37', KubeProxyMode.IPVS, { KubeProxyIPVS: false },
        { refused: '\'featureGates\' ({"KubeProxyIPVS":false}) must not set KubeProxyIPVS: false in "ipvs" mode (\'kubernetesVersion\' is "1.37"): kube-proxy would not start' }],
      ['1.40', KubeProxyMode.IPVS, {}, { refused: IPVS_GATE_OFF('1.40') }],
      ['1.40', KubeProxyMode.IPVS, { KubeProxyIPVS: true }, { ok: [deprecated('1.40', true)] }],
      ['1.40', KubeProxyMode.NFTABLES, {}, { ok: [] }],
      ['1.40', KubeProxyMode.IPTABLES, {}, { ok: [] }],
      ['1.43', KubeProxyMode.IPVS, { KubeProxyIPVS: true },
        { refused: '\'mode\' ("ipvs") is removed from kube-proxy in Kubernetes 1.43 (\'kubernetesVersion\' is "1.43"): use "nftables" (see NftablesMigrationReport for what changes), or kube-router or an IpvsDirector for IPVS itself' }],
      ['1.43', KubeProxyMode.NFTABLES, {}, { ok: [] }],
    ];

    test.each(CASES)('GIVEN Kubernetes %s and mode %s with gates %j', (version, mode, featureGates, outcome) => {
      const chart = Testing.chart();
      const props = { kubernetesVersion: version, mode, ...(Object.keys(featureGates).length ? { featureGates } : {}) };
      if ('refused' in outcome) {
        expect(refusalOf(() => new KubeProxyConfiguration(chart, 'kp', props))).toBe(`[test/kp] ${outcome.refused}`);
        return;
      }
      const printed = warningsPrintedBy(() => new KubeProxyConfiguration(chart, 'kp', props));
      expect(warningsOf(chart)).toEqual(outcome.ok.map(w => `[test/kp] ${w}`));
      expect(printed).toEqual(outcome.ok.map(w => `[WARNING] [test/kp] ${w}`));
      const doc = parse(only(synthValid(chart), 'ConfigMap').data['config.conf']);
      expect(doc.mode).toBe(mode);
      expect(Object.keys(doc).filter(k => ['iptables', 'ipvs', 'nftables'].includes(k))).toEqual([mode]);
    });

    test.each([['1.28', 'iptables'], ['1.39', 'iptables'], ['1.40', 'nftables'], ['v1.43.0', 'nftables']])(
      'GIVEN Kubernetes %s THEN an empty mode means %s', (version, mode) => {
        expect(KubeProxyConfiguration.defaultMode(version)).toBe(mode);
      });
  });

  describe('mode-specific fields', () => {
    test('GIVEN nftables with masquerading THEN they land under nftables, with the sync periods', () => {
      const kp = new KubeProxyConfiguration(Testing.chart(), 'kp', {
        mode: KubeProxyMode.NFTABLES, masqueradeAll: true, masqueradeBit: 14, syncPeriod: Duration.seconds(10),
      });
      expect(kp.document.nftables).toEqual({ masqueradeAll: true, masqueradeBit: 14, minSyncPeriod: '0s', syncPeriod: '10s' });
      expect(kp.document.ipvs).toBeUndefined();
    });

    test('GIVEN iptables with localhostNodePorts THEN it lands under iptables', () => {
      const kp = new KubeProxyConfiguration(Testing.chart(), 'kp', { mode: KubeProxyMode.IPTABLES, localhostNodePorts: false });
      expect(kp.document.iptables).toEqual({ localhostNodePorts: false, minSyncPeriod: '0s', syncPeriod: '30s' });
    });

    test.each([
      [{ mode: KubeProxyMode.NFTABLES, scheduler: IpvsScheduler.WEIGHTED_ROUND_ROBIN }, '\'scheduler\' ("wrr") is an IPVS-mode setting and does nothing in "nftables" mode'],
      [{ mode: KubeProxyMode.IPTABLES, strictArp: true }, '\'strictArp\' (true) is an IPVS-mode setting and does nothing in "iptables" mode'],
      [{ masqueradeAll: true }, '\'masqueradeAll\' (true) is an iptables/nftables setting and does nothing in "ipvs" mode'],
      [{ mode: KubeProxyMode.NFTABLES, localhostNodePorts: true }, '\'localhostNodePorts\' (true) is iptables-only: nftables mode never answers NodePorts on 127.0.0.1'],
      [{ mode: KubeProxyMode.NFTABLES, masqueradeBit: 32 }, '\'masqueradeBit\' (32) must be an integer from 0 to 31'],
      [{ mode: 'userspace' as KubeProxyMode }, '\'mode\' ("userspace") must be one of "iptables", "ipvs", "nftables" (KubeProxyMode) or left out'],
      [{ bindAddress: '0.0.0.0:80' }, '\'bindAddress\' ("0.0.0.0:80") must be an IP address such as 0.0.0.0 or ::'],
      [{ featureGates: { KubeProxyIPVS: 'yes' as unknown as boolean } }, '\'featureGates["KubeProxyIPVS"]\' ("yes") must be true or false'],
    ])('refuses %j', (props, message) => {
      expect(refusalOf(() => new KubeProxyConfiguration(Testing.chart(), 'kp', props))).toBe(`[test/kp] ${message}`);
    });
  });

  describe('starting from the cluster\'s own config.conf (as kubeadm wrote it)', () => {
    const KUBEADM = [
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
      'kind: KubeProxyConfiguration',
      'bindAddress: 0.0.0.0',
      'clientConnection:',
      '  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf',
      '  qps: 0',
      'clusterCIDR: 192.168.0.0/16',
      'conntrack:',
      '  maxPerCore: null',
      'featureGates: {}',
      'mode: ""',
      'ipvs:',
      '  excludeCIDRs: null',
      '  scheduler: ""',
      '',
    ].join('\n');

    test('GIVEN kubeadm\'s config as base THEN its fields survive and the props win where they overlap', () => {
      const kp = new KubeProxyConfiguration(Testing.chart(), 'kp', { base: KUBEADM, mode: KubeProxyMode.NFTABLES });
      expect(kp.document).toMatchObject({
        bindAddress: '0.0.0.0',
        clusterCIDR: '192.168.0.0/16',
        clientConnection: { kubeconfig: '/var/lib/kube-proxy/kubeconfig.conf', qps: 0 },
        conntrack: { maxPerCore: null },
        featureGates: {},
        mode: 'nftables',
        nftables: { minSyncPeriod: '0s', syncPeriod: '30s' },
      });
      expect(Object.keys(kp.document).slice(0, 2)).toEqual(['apiVersion', 'kind']);
    });

    test('GIVEN the same base in another key order THEN the same bytes', () => {
      const reordered = KUBEADM.split('\n').filter(l => !l.startsWith('bindAddress')).join('\n') + 'bindAddress: 0.0.0.0\n';
      const a = new KubeProxyConfiguration(Testing.chart(), 'kp', { base: KUBEADM }).toYaml();
      const b = new KubeProxyConfiguration(Testing.chart(), 'kp', { base: reordered }).toYaml();
      expect(a).toBe(b);
    });

    test.each([
      ['mode: [', /^\[test\/kp\] 'base' \("mode: \["\) must be kube-proxy's config.conf as YAML or JSON/],
      ['apiVersion: v1\nkind: ConfigMap', /must be a KubeProxyConfiguration of kubeproxy.config.k8s.io\/v1alpha1/],
    ])('refuses a base that is not a KubeProxyConfiguration (%j)', (base, message) => {
      expect(refusalOf(() => new KubeProxyConfiguration(Testing.chart(), 'kp', { base }))).toMatch(message);
    });
  });

  // found by test/properties/ipvs.property.test.ts: cdk8s' conversion threw without a prop, or kube-proxy could not parse it
  test('durations kube-proxy cannot read as a Go duration are refused with their prop', () => {
    const refused = (props: KubeProxyConfigurationProps) => refusalOf(() => new KubeProxyConfiguration(Testing.chart(), 'kp', props));
    expect(refused({ syncPeriod: Duration.seconds(Number.NaN) })).toBe(
      '[test/kp] \'syncPeriod\' ("NaNms") must be whole milliseconds from 0 to 2562047h (kube-proxy reads it as a Go duration)');
    expect(refused({ minSyncPeriod: Duration.millis(0.5) })).toMatch(/^\[test\/kp\] 'minSyncPeriod' \("0.5ms"\) must be whole milliseconds/);
    expect(refused({ tcpTimeout: Duration.days(1e9) })).toBe(
      '[test/kp] \'tcpTimeout\' ("24000000000h") must be whole milliseconds from 0 to 2562047h (kube-proxy reads it as a Go duration)');
    expect(new KubeProxyConfiguration(Testing.chart(), 'kp', { tcpTimeout: Duration.hours(2562047) }).document.ipvs.tcpTimeout).toBe('2562047h');
  });
});
