import { ApiObject, Chart, Duration, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { parse } from 'yaml';
import { refusalOf, warningsPrintedBy } from './helpers';
import {
  IpvsExternalTrafficPolicy, IpvsForwarding, IpvsLoadBalancer, IpvsLoadBalancerProps, IpvsPersistence, IpvsScheduler,
  IpvsSchedulerFlag,
} from '../../src';
import { warningsOf } from '../../src/common/warnings';
import { only, synthValid } from '../util/validate';

/** The seed: virtual server 1.2.3.4:80, rr, real servers 172.17.0.3:80 and 172.17.0.4:80, masquerading. */
const seed: IpvsLoadBalancerProps = {
  selector: { app: 'web' },
  ports: [{ port: 80, name: 'http' }],
  kubeProxy: { scheduler: IpvsScheduler.ROUND_ROBIN },
  director: {
    address: '1.2.3.4',
    scheduler: IpvsScheduler.ROUND_ROBIN,
    forwarding: IpvsForwarding.MASQUERADING,
    realServers: [{ address: '172.17.0.3' }, { address: '172.17.0.4' }],
  },
};

function synth(props: IpvsLoadBalancerProps | ((chart: Chart) => IpvsLoadBalancerProps)) {
  const chart = Testing.chart();
  const lb = new IpvsLoadBalancer(chart, 'lb', typeof props === 'function' ? props(chart) : props);
  const objects = synthValid(chart);
  return { chart, lb, objects, service: only(objects, 'Service') };
}

function refusal(props: IpvsLoadBalancerProps): string {
  let message = '';
  warningsPrintedBy(() => message = refusalOf(() => new IpvsLoadBalancer(Testing.chart(), 'lb', props)));
  return message;
}

describe('IpvsLoadBalancer', () => {
  test('GIVEN the seed WHEN synthesized THEN the exact ipvsadm rules, the kube-proxy config and a valid Service', () => {
    const { lb, objects, service } = synth(seed);
    expect(objects.map(o => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`)).toEqual([
      `Service//${lb.service.name}`,
      'ConfigMap/kube-system/kube-proxy',
      `ConfigMap//${lb.configMap!.name}`,
      `DaemonSet//${lb.daemonSet!.name}`,
    ]);
    const rules = only(objects, 'ConfigMap', lb.configMap!.name).data['rules.ipvsadm'].split('\n');
    expect(rules).toEqual([
      '-A -t 1.2.3.4:80 -s rr',
      '-a -t 1.2.3.4:80 -r 172.17.0.3:80 -m -w 1',
      '-a -t 1.2.3.4:80 -r 172.17.0.4:80 -m -w 1',
      '',
    ]);
    expect(lb.rules).toBe(rules.join('\n'));
    const kubeProxy = parse(only(objects, 'ConfigMap', 'kube-proxy').data['config.conf']);
    expect(kubeProxy.mode).toBe('ipvs');
    expect(kubeProxy.ipvs).toEqual({
      // the director's VIP, so kube-proxy never cleans up its virtual server on shared nodes
      excludeCIDRs: ['1.2.3.4/32'],
      minSyncPeriod: '0s',
      scheduler: 'rr',
      strictARP: false,
      syncPeriod: '30s',
      tcpFinTimeout: '0s',
      tcpTimeout: '0s',
      udpTimeout: '0s',
    });
    expect(service.spec).toEqual({ externalIPs: [], ports: [{ name: 'http', port: 80 }], selector: { app: 'web' }, type: 'ClusterIP' });
    expect(objects).toMatchSnapshot();
  });

  test('escape hatches: the Service, the kube-proxy ConfigMap, the director\'s ConfigMap and DaemonSet', () => {
    const { lb } = synth(seed);
    expect(lb.service).toBeInstanceOf(kplus.Service);
    expect(lb.kubeProxyConfigMap?.name).toBe('kube-proxy');
    expect(lb.kubeProxyConfiguration?.configMap).toBe(lb.kubeProxyConfigMap);
    expect(lb.configMap).toBe(lb.director?.configMap);
    expect(lb.daemonSet).toBeInstanceOf(kplus.DaemonSet);
    expect(lb.daemonSet).toBe(lb.director?.daemonSet);
  });

  test('GIVEN a LoadBalancer with a fixed VIP, persistence and Local traffic THEN the Service carries them, and the director -p', () => {
    const { service, objects } = synth({
      selector: { app: 'web' },
      ports: [{ port: 443, targetPort: 8443, name: 'https' }, { port: 80, targetPort: 8080, name: 'http', nodePort: 30080 }],
      serviceName: 'web',
      serviceType: kplus.ServiceType.LOAD_BALANCER,
      virtualIps: ['192.0.2.10', '2001:DB8::10'],
      externalTrafficPolicy: IpvsExternalTrafficPolicy.LOCAL,
      persistence: IpvsPersistence.clientIp(),
      director: { address: '192.0.2.99', realServers: [{ address: '10.0.0.11', weight: 2 }, { address: '10.0.0.12' }], metrics: false },
    });
    expect(service.metadata.name).toBe('web');
    expect(service.spec).toEqual({
      type: 'LoadBalancer',
      externalIPs: ['192.0.2.10', '2001:db8::10'],
      externalTrafficPolicy: 'Local',
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
      selector: { app: 'web' },
      ports: [
        { name: 'https', port: 443, targetPort: 8443 },
        { name: 'http', port: 80, targetPort: 8080, nodePort: 30080 },
      ],
    });
    const rules = only(objects, 'ConfigMap').data['rules.ipvsadm'];
    expect(rules).toBe([
      '-A -t 192.0.2.99:443 -s rr -p 10800',
      '-a -t 192.0.2.99:443 -r 10.0.0.11:8443 -m -w 2',
      '-a -t 192.0.2.99:443 -r 10.0.0.12:8443 -m -w 1',
      '-A -t 192.0.2.99:80 -s rr -p 10800',
      '-a -t 192.0.2.99:80 -r 10.0.0.11:8080 -m -w 2',
      '-a -t 192.0.2.99:80 -r 10.0.0.12:8080 -m -w 1',
      '',
    ].join('\n'));
  });

  test('GIVEN IPv4-mapped IPv6 addresses THEN they are the IPv4 addresses, as Go reads them (kube-proxy, the API server)', () => {
    // kube-proxy reads ::ffff:a.b.c.d as a.b.c.d (net.IP.To4) and the API server asks for the IPv4 form, so the
    // Service, the director's rules and kube-proxy's excludeCIDRs all carry the IPv4 text
    const { lb, objects, service } = synth({
      ...seed,
      virtualIps: ['::ffff:192.0.2.10'],
      kubeProxy: { scheduler: IpvsScheduler.ROUND_ROBIN, excludeCidrs: ['::ffff:10.0.0.0/104'] },
      director: { ...seed.director!, address: '::FFFF:1.2.3.4' },
    });
    expect(service.spec.externalIPs).toEqual(['192.0.2.10']);
    expect(lb.rules).toBe('-A -t 1.2.3.4:80 -s rr\n-a -t 1.2.3.4:80 -r 172.17.0.3:80 -m -w 1\n-a -t 1.2.3.4:80 -r 172.17.0.4:80 -m -w 1\n');
    expect(parse(only(objects, 'ConfigMap', 'kube-proxy').data['config.conf']).ipvs.excludeCIDRs).toEqual(['10.0.0.0/8', '1.2.3.4/32']);
    // the same address twice, once mapped, is one address
    expect(refusal({ ...seed, virtualIps: ['192.0.2.10', '::ffff:192.0.2.10'] })).toBe(
      '[test/lb] \'virtualIps[1]\' ("::ffff:192.0.2.10") is repeated');
  });

  test('persistence with a timeout', () => {
    const { service } = synth({ selector: { app: 'web' }, ports: [{ port: 80 }], persistence: IpvsPersistence.clientIp(Duration.minutes(30)) });
    expect(service.spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 1800 } });
  });

  test('GIVEN an existing cdk8s-plus Service THEN it is fronted, not duplicated', () => {
    let existing!: kplus.Service;
    const { lb, objects, service } = synth(chart => {
      existing = new kplus.Service(chart, 'frontend', {
        metadata: { name: 'frontend' },
        externalIPs: ['192.0.2.1'],
        ports: [{ port: 80, targetPort: 8080, name: 'http' }],
        selector: kplus.Pods.select(chart, 'pods', { labels: { app: 'frontend' } }),
      });
      return {
        service: existing,
        virtualIps: ['192.0.2.10'],
        persistence: IpvsPersistence.clientIp(Duration.hours(1)),
        kubeRouter: { scheduler: IpvsScheduler.SOURCE_HASHING },
      };
    });
    expect(lb.service).toBe(existing);
    expect(objects.filter(o => o.kind === 'Service')).toHaveLength(1);
    expect(service.metadata).toEqual({ name: 'frontend', annotations: { 'kube-router.io/service.scheduler': 'sh' } });
    expect(service.spec.externalIPs).toEqual(['192.0.2.1', '192.0.2.10']);
    expect(service.spec.sessionAffinity).toBe('ClientIP');
    expect(service.spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 3600 } });
    expect(service.spec.selector).toEqual({ app: 'frontend' });
  });

  describe('kube-router', () => {
    test('GIVEN mh with flags and DSR on external IPs with port == targetPort THEN kube-router\'s annotations', () => {
      let service: any;
      const printed = warningsPrintedBy(() => service = synth({
        selector: { app: 'web' },
        ports: [{ port: 443, targetPort: 443, name: 'https' }, { port: 80, name: 'http' }],
        virtualIps: ['192.0.2.10'],
        kubeRouter: {
          scheduler: IpvsScheduler.MAGLEV_HASHING,
          schedulerFlags: [IpvsSchedulerFlag.PORT, IpvsSchedulerFlag.FALLBACK],
          directServerReturn: true,
        },
      }).service);
      expect(service.metadata.annotations).toEqual({
        'kube-router.io/service.scheduler': 'mh',
        'kube-router.io/service.schedflags': 'flag-1,flag-2',
        'kube-router.io/service.dsr': 'tunnel',
      });
      expect(printed).toEqual([expect.stringContaining('\'kubeRouter.scheduler\' ("mh") needs the kernel module ip_vs_mh')]);
    });

    test('DSR on a LoadBalancer Service (its LB IPs)', () => {
      const { service } = synth({
        selector: { app: 'web' },
        ports: [{ port: 80 }],
        serviceType: kplus.ServiceType.LOAD_BALANCER,
        kubeRouter: { directServerReturn: true },
      });
      expect(service.metadata.annotations).toEqual({ 'kube-router.io/service.dsr': 'tunnel' });
    });

    test('kube-router is not kube-proxy: no deprecation warning on 1.35', () => {
      const { chart } = synth({ selector: { app: 'web' }, ports: [{ port: 80 }], kubeRouter: {}, kubernetesVersion: '1.35' });
      expect(warningsOf(chart)).toEqual([]);
    });
  });

  test('a rarely available director scheduler is warned about once, however many ports', () => {
    let result!: ReturnType<typeof synth>;
    warningsPrintedBy(() => result = synth({
      selector: { app: 'web' },
      ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https' }],
      director: { address: '1.2.3.4', scheduler: IpvsScheduler.MAGLEV_HASHING, realServers: [{ address: '10.0.0.1' }] },
    }));
    expect(warningsOf(result.chart)).toEqual([
      '[test/lb/Director] \'virtualServers[0].scheduler\' ("mh") needs the kernel module ip_vs_mh, which older and some '
      + 'distribution kernels lack; check the nodes with \'modinfo ip_vs_mh\'',
    ]);
    expect(only(result.objects, 'ConfigMap').data['rules.ipvsadm']).toContain('-A -t 1.2.3.4:443 -s mh\n');
  });

  describe('deprecation of kube-proxy\'s IPVS mode (a warning, never a refusal)', () => {
    test('GIVEN Kubernetes 1.35 and kube-proxy assumed THEN the load balancer warns and still synthesizes', () => {
      let result!: ReturnType<typeof synth>;
      warningsPrintedBy(() => result = synth({ selector: { app: 'web' }, ports: [{ port: 80 }], kubernetesVersion: 'v1.35.0' }));
      expect(warningsOf(result.chart)).toEqual([expect.stringMatching(
        /^\[test\/lb\] kube-proxy's IPVS mode is deprecated since Kubernetes 1\.35 \('kubernetesVersion' is "v1\.35\.0"\).*nftables mode \(GA since 1\.33\)/)]);
      expect(result.service.spec.type).toBe('ClusterIP');
    });

    test('GIVEN kubeProxy THEN the kube-proxy configuration warns once, with the load balancer\'s version', () => {
      let result!: ReturnType<typeof synth>;
      warningsPrintedBy(() => result = synth({ ...seed, kubernetesVersion: '1.36' }));
      expect(warningsOf(result.chart)).toEqual([expect.stringMatching(/^\[test\/lb\/KubeProxy\] kube-proxy's IPVS mode is deprecated/)]);
    });

    test('GIVEN 1.34 THEN no warning', () => {
      expect(warningsOf(synth({ ...seed, kubernetesVersion: '1.34' }).chart)).toEqual([]);
    });
  });

  describe('L2 announcement (MetalLB)', () => {
    const l2: IpvsLoadBalancerProps = {
      selector: { app: 'web' }, ports: [{ port: 80 }], serviceType: kplus.ServiceType.LOAD_BALANCER, l2Announcement: true,
    };

    test('GIVEN kubeProxy THEN strictARP is on', () => {
      const { objects } = synth({ ...l2, kubeProxy: {} });
      expect(parse(only(objects, 'ConfigMap').data['config.conf']).ipvs.strictARP).toBe(true);
    });

    test('GIVEN no kubeProxy THEN a warning to check strictARP', () => {
      let result!: ReturnType<typeof synth>;
      warningsPrintedBy(() => result = synth(l2));
      expect(warningsOf(result.chart)).toEqual([
        '[test/lb] \'l2Announcement\' needs kube-proxy\'s ipvs.strictARP: true in IPVS mode; pass \'kubeProxy\' to emit it, or check kube-system/kube-proxy',
      ]);
    });
  });

  describe('refusals', () => {
    const web: IpvsLoadBalancerProps = { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] };

    test('an unknown scheduler', () => {
      expect(refusal({ ...web, kubeRouter: { scheduler: 'round-robin' as IpvsScheduler } })).toBe(
        '[test/lb] \'kubeRouter.scheduler\' ("round-robin") must be a kernel IPVS scheduler: '
        + 'one of rr, wrr, lc, wlc, lblc, lblcr, dh, sh, sed, nq, mh, fo, ovf, twos');
      expect(refusal({ ...seed, director: { ...seed.director!, scheduler: 'fastest' as IpvsScheduler } })).toContain(
        '[test/lb] \'director.scheduler\' ("fastest") must be a kernel IPVS scheduler');
    });

    test('a kernel scheduler kube-router does not read', () => {
      expect(refusal({ ...web, kubeRouter: { scheduler: IpvsScheduler.WEIGHTED_ROUND_ROBIN } })).toBe(
        '[test/lb] \'kubeRouter.scheduler\' ("wrr") is not accepted by kube-router, which takes one of rr, lc, dh, sh, mh');
    });

    test('mh flags without mh', () => {
      expect(refusal({ ...web, kubeRouter: { scheduler: IpvsScheduler.SOURCE_HASHING, schedulerFlags: [IpvsSchedulerFlag.FALLBACK] } })).toBe(
        '[test/lb] \'kubeRouter.schedulerFlags\' (["flag-1"]) only apply with \'kubeRouter.scheduler\' "mh", not "sh"');
      expect(refusal({ ...web, kubeRouter: { schedulerFlags: [IpvsSchedulerFlag.PORT] } })).toBe(
        '[test/lb] \'kubeRouter.schedulerFlags\' (["flag-2"]) only apply with \'kubeRouter.scheduler\' "mh", not "rr"');
      const twice = [IpvsSchedulerFlag.PORT, IpvsSchedulerFlag.PORT];
      expect(refusal({ ...web, kubeRouter: { scheduler: IpvsScheduler.MAGLEV_HASHING, schedulerFlags: twice } })).toBe(
        '[test/lb] \'kubeRouter.schedulerFlags[1]\' ("flag-2") is repeated');
    });

    test('DSR with port != targetPort', () => {
      expect(refusal({ ...web, virtualIps: ['192.0.2.10'], kubeRouter: { directServerReturn: true } })).toBe(
        '[test/lb] \'kubeRouter.directServerReturn\' (true) needs every port equal to its targetPort '
        + '(kube-router DSR (tunnel) cannot remap ports); ports[0] is 80 -> 8080');
    });

    test('DSR without external or LoadBalancer IPs', () => {
      expect(refusal({ selector: { app: 'web' }, ports: [{ port: 80 }], kubeRouter: { directServerReturn: true } })).toBe(
        '[test/lb] \'kubeRouter.directServerReturn\' (true) needs external IPs or a LoadBalancer Service: '
        + 'kube-router applies DSR to those IPs only');
      // a node port is not such an IP
      expect(refusal({ selector: { app: 'web' }, ports: [{ port: 80 }], serviceType: kplus.ServiceType.NODE_PORT, kubeRouter: { directServerReturn: true } }))
        .toContain("'kubeRouter.directServerReturn' (true) needs external IPs or a LoadBalancer Service");
    });

    test.each([IpvsForwarding.GATEWAYING, IpvsForwarding.TUNNELING])('director %s with port != targetPort', forwarding => {
      expect(refusal({ ...web, director: { address: '1.2.3.4', forwarding, realServers: [{ address: '10.0.0.1' }] } })).toBe(
        `[test/lb] 'director.forwarding' ("${forwarding}") needs every port equal to its targetPort `
        + `(${forwarding} cannot change the port; only masquerading can); ports[0] is 80 -> 8080`);
    });

    test.each([-1, 65536])('weight %s', weight => {
      expect(refusal({ ...seed, director: { ...seed.director!, realServers: [{ address: '172.17.0.3', weight }] } })).toBe(
        `[test/lb] 'director.realServers[0].weight' (${weight}) must be an integer from 0 (quiescent) to 65535`);
    });

    test.each([['0s', Duration.seconds(0)], ['86401s', Duration.seconds(86401)], ['1500ms', Duration.millis(1500)]])(
      'persistence %s', (text, timeout) => {
        const shown = text === '86401s' ? '24h1s' : text;
        expect(refusal({ ...web, persistence: IpvsPersistence.clientIp(timeout) })).toBe(
          `[test/lb] 'persistence' ("${shown}") must be whole seconds from 1s to 24h (86400s), the range of ClientIP session affinity`);
      });

    test('minSyncPeriod > syncPeriod', () => {
      expect(refusal({ ...web, kubeProxy: { syncPeriod: Duration.seconds(5), minSyncPeriod: Duration.seconds(10) } })).toBe(
        '[test/lb] \'kubeProxy.minSyncPeriod\' ("10s") must be at most \'syncPeriod\' (5s)');
    });

    test('strictARP off with L2 announcement', () => {
      expect(refusal({ ...web, serviceType: kplus.ServiceType.LOAD_BALANCER, l2Announcement: true, kubeProxy: { strictArp: false } }))
        .toBe('[test/lb] \'kubeProxy.strictArp\' (false) must be true (or unset) when LoadBalancer IPs are announced on layer 2 '
          + '(\'l2Announcement\'): MetalLB in L2 mode needs kube-proxy\'s strictARP in IPVS mode, or every node answers ARP for every VIP');
    });

    test('L2 announcement of a Service without LoadBalancer IPs', () => {
      expect(refusal({ ...web, l2Announcement: true })).toBe(
        '[test/lb] \'l2Announcement\' (true) needs a LoadBalancer Service: L2 mode announces LoadBalancer IPs (the Service is ClusterIP)');
    });

    test('invalid IPs', () => {
      expect(refusal({ ...web, virtualIps: ['192.0.2.300'] })).toBe(
        '[test/lb] \'virtualIps[0]\' ("192.0.2.300") must be an IPv4 address (1.2.3.4) or an IPv6 address (2001:db8::1)');
      expect(refusal({ ...web, virtualIps: ['192.0.2.1', '192.0.2.1'] })).toBe('[test/lb] \'virtualIps[1]\' ("192.0.2.1") is repeated');
      expect(refusal({ ...seed, director: { ...seed.director!, address: '1.2.3' } })).toBe(
        '[test/lb] \'director.address\' ("1.2.3") must be an IPv4 address (1.2.3.4) or an IPv6 address (2001:db8::1)');
      expect(refusal({ ...seed, director: { ...seed.director!, realServers: [{ address: '172.17.0.300' }] } })).toContain(
        '[test/lb] \'director.realServers[0].address\' ("172.17.0.300") must be an IPv4 address');
    });

    test('invalid CIDRs', () => {
      expect(refusal({ ...web, kubeProxy: { excludeCidrs: ['10.0.0.0/40'] } })).toBe(
        '[test/lb] \'kubeProxy.excludeCidrs[0]\' ("10.0.0.0/40") must be a CIDR block such as 10.0.0.0/8 or fd00::/64');
    });

    test('invalid ports', () => {
      expect(refusal({ selector: { app: 'web' }, ports: [{ port: 0 }] })).toBe(
        '[test/lb] \'ports[0].port\' (0) must be a port number, an integer from 1 to 65535');
      expect(refusal({ selector: { app: 'web' }, ports: [{ port: 80, targetPort: 70000 }] })).toBe(
        '[test/lb] \'ports[0].targetPort\' (70000) must be a port number, an integer from 1 to 65535');
      expect(refusal({ selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] })).toBe(
        '[test/lb] \'ports[0].nodePort\' (30080) needs a NodePort or LoadBalancer Service');
      expect(refusal({ selector: { app: 'web' }, ports: [{ port: 80 }, { port: 443 }] })).toBe(
        '[test/lb] \'ports[0].name\' (undefined) must be a DNS label: a Service with several ports names each of them');
      expect(refusal({ selector: { app: 'web' }, ports: [{ port: 80, name: 'a' }, { port: 80, name: 'b' }] })).toBe(
        '[test/lb] \'ports[1].port\' (80) repeats 80/TCP');
      expect(refusal({ ...seed, director: { ...seed.director!, metricsPort: 0 } })).toBe(
        '[test/lb] \'director.metricsPort\' (0) must be a port number, an integer from 1 to 65535');
    });

    test('kube-router and kube-proxy together', () => {
      expect(refusal({ ...web, kubeRouter: {}, kubeProxy: {} })).toBe(
        '[test/lb] \'kubeRouter\' ({}) and \'kubeProxy\' exclude each other: kube-router\'s service proxy replaces kube-proxy');
    });

    test('externalTrafficPolicy on a Service that is not externally reachable', () => {
      expect(refusal({ ...web, externalTrafficPolicy: IpvsExternalTrafficPolicy.LOCAL })).toBe(
        '[test/lb] \'externalTrafficPolicy\' ("Local") only applies to NodePort and LoadBalancer Services and to Services '
        + 'with external IPs (\'virtualIps\')');
    });

    test('the director VIP among the Service\'s external IPs', () => {
      expect(refusal({ ...seed, virtualIps: ['1.2.3.4'] })).toBe(
        '[test/lb] \'director.address\' ("1.2.3.4") must not be one of \'virtualIps\': kube-proxy would program the same virtual '
        + 'server on every node');
    });

    test('an explicit real server port with several Service ports', () => {
      expect(refusal({
        selector: { app: 'web' },
        ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https' }],
        director: { address: '1.2.3.4', realServers: [{ address: '10.0.0.1', port: 30080 }] },
      })).toBe('[test/lb] \'director.realServers[0].port\' (30080) must be unset with a multi-port Service: each port\'s targetPort '
        + 'is used (use IpvsDirector for per-port real servers)');
    });

    test('a Service to create without selector or ports, or a Service given together with them', () => {
      expect(refusal({ ports: [{ port: 80 }] })).toBe(
        '[test/lb] \'selector\' (undefined) must select the pods with at least one label (or pass \'service\')');
      expect(refusal({ selector: { app: 'web' } })).toBe(
        '[test/lb] \'ports\' (undefined) must list at least one port (or pass \'service\')');
      const chart = Testing.chart();
      const existing = new kplus.Service(chart, 'svc', { ports: [{ port: 80 }] });
      expect(refusalOf(() => new IpvsLoadBalancer(chart, 'lb', { service: existing, selector: { app: 'web' } }))).toBe(
        '[test/lb] \'selector\' ({"app":"web"}) must not be set when \'service\' is given: it belongs to that Service');
    });

    test('a kubernetesVersion that is not one, whatever the proxy', () => {
      const message = '[test/lb] \'kubernetesVersion\' ("latest") must be a Kubernetes version such as "1.33" or "v1.35.2"';
      expect(refusal({ ...web, kubernetesVersion: 'latest' })).toBe(message);
      expect(refusal({ ...web, kubeRouter: {}, kubernetesVersion: 'latest' })).toBe(message);
    });

    test('no props at all: a refusal, not a TypeError', () => {
      expect(refusal(undefined as any)).toBe('[test/lb] \'props\' (undefined) must be an object (IpvsLoadBalancerProps)');
      expect(refusal({})).toBe('[test/lb] \'selector\' (undefined) must select the pods with at least one label (or pass \'service\')');
    });

    test('at synth: an existing Service whose ports change after the director rules were written', () => {
      const chart = Testing.chart();
      const existing = new kplus.Service(chart, 'svc', { ports: [{ port: 80, name: 'http' }] });
      new IpvsLoadBalancer(chart, 'lb', { service: existing, director: { address: '1.2.3.4', realServers: [{ address: '10.0.0.1' }] } });
      existing.bind(443, { name: 'https' });
      expect(() => Testing.synth(chart)).toThrow(
        /test\/lb.*'service' \("test-svc-c8[0-9a-f]+"\) changed its ports after the director's rules were written from them/);
    });

    test('at synth: DSR on an existing Service whose external IPs are removed later', () => {
      const chart = Testing.chart();
      const existing = new kplus.Service(chart, 'svc', { ports: [{ port: 80 }], externalIPs: ['192.0.2.1'] });
      new IpvsLoadBalancer(chart, 'lb', { service: existing, kubeRouter: { directServerReturn: true } });
      ApiObject.of(existing).addJsonPatch(JsonPatch.replace('/spec/externalIPs', []));
      expect(() => Testing.synth(chart)).toThrow(
        /test\/lb.*'kubeRouter\.directServerReturn' \(true\) needs external IPs or a LoadBalancer Service/);
    });
  });

  // found by test/properties/ipvs.property.test.ts
  describe('refusals the property tests found', () => {
    test('a persistence timeout that is not whole milliseconds: the prop, not cdk8s\' conversion error', () => {
      expect(refusal({ ...seed, persistence: IpvsPersistence.clientIp(Duration.seconds(Number.NaN)) })).toBe(
        '[test/lb] \'persistence\' ("NaNms") must be whole seconds from 1s to 24h (86400s), the range of ClientIP session affinity');
      expect(refusal({ ...seed, persistence: IpvsPersistence.clientIp(Duration.millis(0.5)) })).toMatch(/^\[test\/lb\] 'persistence' \("0.5ms"\) must be whole seconds/);
    });

    test('a selector the apiserver would refuse as labels', () => {
      expect(refusal({ ...seed, selector: { app: '{{ x }}' } })).toBe(
        '[test/lb] \'selector["app"]\' ("{{ x }}") must be a label value: empty, or at most 63 alphanumerics, "-", "_" or "." starting and ending alphanumeric');
      expect(refusal({ ...seed, selector: { app: 'a'.repeat(64) } })).toMatch(/'selector\["app"\]' \("a{64}"\) must be a label value/);
    });

    test('a single port whose name is not a DNS label', () => {
      expect(refusal({ ...seed, ports: [{ port: 80, name: 'http_2' }] })).toBe(
        '[test/lb] \'ports[0].name\' ("http_2") must be a DNS label: lowercase letters, digits and \'-\', at most 63 characters');
    });

    test('a real server that is not an object: a refusal, not a TypeError', () => {
      expect(refusal({ ...seed, director: { ...seed.director!, realServers: [null as any] } })).toBe(
        '[test/lb] \'director.realServers[0]\' (null) must be an object (IpvsRealServer)');
    });
  });
});

