import { Duration, Testing } from 'cdk8s';
import { parse } from 'yaml';
import { refusalOf, warningsPrintedBy } from './helpers';
import { IpvsScheduler, KubeProxyConfiguration, KubeProxyConfigurationProps } from '../../src';
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

  describe('IPVS mode deprecation', () => {
    test.each(['1.35', 'v1.35.0', '1.36.1', '1.40.0-rc.1'])('GIVEN Kubernetes %s THEN a warning, not a refusal', version => {
      const chart = Testing.chart();
      const printed = warningsPrintedBy(() => new KubeProxyConfiguration(chart, 'kp', { kubernetesVersion: version }));
      const expected = `[test/kp] kube-proxy's IPVS mode is deprecated since Kubernetes 1.35 ('kubernetesVersion' is "${version}") `
        + 'and will be removed in a later release; the nftables mode (GA since 1.33) is its successor: plan the move to '
        + '"mode: nftables". kube-router and the standalone IpvsDirector use the kernel\'s IPVS directly and are not affected.';
      expect(warningsOf(chart)).toEqual([expected]);
      expect(printed).toEqual([`[WARNING] ${expected}`]);
      expect(only(synthValid(chart), 'ConfigMap').metadata.name).toBe('kube-proxy');
    });

    test.each(['1.33', 'v1.34.4'])('GIVEN Kubernetes %s THEN no warning', version => {
      const chart = Testing.chart();
      expect(warningsPrintedBy(() => new KubeProxyConfiguration(chart, 'kp', { kubernetesVersion: version }))).toEqual([]);
      expect(warningsOf(chart)).toEqual([]);
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
