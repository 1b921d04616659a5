/**
 * Coverage of Istio 1.30's DestinationRule TrafficPolicy fields (issue 12, item 4): every typed prop renders
 * to exactly its CRD field and passes the Istio schema oracle; a wrong JavaScript type or shape gets the
 * library's error naming the prop (never a TypeError).
 */
import { Duration, Testing } from 'cdk8s';
import { expectCrdFields } from './crd-fields';
import {
  CanaryService, CanaryServiceProps, ClientTlsMode, ConsistentHashAlgorithm, ConsistentHashKey, LoadBalancerSettings, ProxyProtocolVersion,
  TrafficPolicy, TunnelProtocol,
} from '../../src';
import { synthValid } from '../util/validate';

const PATH = '[test/app]';

function props(policy: TrafficPolicy | undefined, extra: Partial<CanaryServiceProps> = {}): CanaryServiceProps {
  return {
    versions: ['v1', 'v2'].map(name => ({ name, containers: [{ image: `ghcr.io/example/app:${name}`, portNumber: 8080 }] })),
    trafficPolicy: policy,
    ...extra,
  };
}

/** The DestinationRule's shared trafficPolicy written for a policy. */
function written(policy: TrafficPolicy, extra: Partial<CanaryServiceProps> = {}): any {
  const chart = Testing.chart();
  new CanaryService(chart, 'app', props(policy, extra));
  return expectCrdFields(synthValid(chart)).dr.trafficPolicy;
}

describe('traffic policy fields reach their Istio fields', () => {
  test('load balancer: locality distribute and warmup on round robin', () => {
    const lb = LoadBalancerSettings.roundRobin({
      localityLbSetting: { enabled: true, distribute: [{ from: 'us-west/zone1/*', to: { 'us-west/zone1/*': 80, 'us-west/zone2/*': 20 } }] },
      warmup: { duration: Duration.seconds(90), minimumPercent: 20, aggression: 2 },
    });
    expect(written({ loadBalancer: lb }).loadBalancer).toEqual({
      simple: 'ROUND_ROBIN',
      localityLbSetting: { enabled: true, distribute: [{ from: 'us-west/zone1/*', to: { 'us-west/zone1/*': 80, 'us-west/zone2/*': 20 } }] },
      warmup: { duration: '1m30s', minimumPercent: 20, aggression: 2 },
    });
  });

  test('load balancer: locality failover and failoverPriority with the default algorithm', () => {
    const lb = LoadBalancerSettings.defaultAlgorithm({
      localityLbSetting: { failover: [{ from: 'us-east', to: 'eu-west' }], failoverPriority: ['example.com/rack'] },
    });
    expect(lb.description).toBe('LEAST_REQUEST');
    expect(written({ loadBalancer: lb, outlierDetection: { consecutive5xxErrors: 5 } }).loadBalancer).toEqual({
      localityLbSetting: { failover: [{ from: 'us-east', to: 'eu-west' }], failoverPriority: ['example.com/rack'] },
    });
  });

  test('warmup on least request and random', () => {
    const warmup = { duration: Duration.seconds(30) };
    expect(written({ loadBalancer: LoadBalancerSettings.leastRequest({ warmup }) }).loadBalancer).toEqual({ simple: 'LEAST_REQUEST', warmup: { duration: '30s' } });
    expect(written({ loadBalancer: LoadBalancerSettings.random({ warmup }) }).loadBalancer).toEqual({ simple: 'RANDOM', warmup: { duration: '30s' } });
  });

  test('consistent hash: ringHash, maglev, cookie attributes', () => {
    const ring = LoadBalancerSettings.consistentHash(ConsistentHashKey.header('x-user'), { algorithm: ConsistentHashAlgorithm.ringHash(2048) });
    expect(written({ loadBalancer: ring }).loadBalancer).toEqual({ consistentHash: { httpHeaderName: 'x-user', ringHash: { minimumRingSize: 2048 } } });
    const maglev = LoadBalancerSettings.consistentHash(
      ConsistentHashKey.cookie('session', { ttl: Duration.hours(1), attributes: [{ name: 'SameSite', value: 'Strict' }, { name: 'Secure' }] }),
      { algorithm: ConsistentHashAlgorithm.maglev(65537), localityLbSetting: { enabled: false } },
    );
    expect(written({ loadBalancer: maglev }).loadBalancer).toEqual({
      consistentHash: {
        httpCookie: { name: 'session', ttl: '1h', attributes: [{ name: 'SameSite', value: 'Strict' }, { name: 'Secure' }] },
        maglev: { tableSize: 65537 },
      },
      localityLbSetting: { enabled: false },
    });
    const bySourceIp = LoadBalancerSettings.consistentHash(ConsistentHashKey.sourceIp(), { algorithm: ConsistentHashAlgorithm.maglev() });
    expect(written({ loadBalancer: bySourceIp }).loadBalancer).toEqual({ consistentHash: { useSourceIp: true, maglev: { tableSize: 65537 } } });
  });

  test('connection pool: tcpKeepalive and maxConcurrentStreams', () => {
    expect(written({
      connectionPool: {
        tcp: { tcpKeepalive: { probes: 3, time: Duration.minutes(5), interval: Duration.seconds(30) } },
        http: { maxConcurrentStreams: 100 },
      },
    }).connectionPool).toEqual({ tcp: { tcpKeepalive: { probes: 3, time: '5m', interval: '30s' } }, http: { maxConcurrentStreams: 100 } });
  });

  test('outlier detection: local-origin failures', () => {
    expect(written({ outlierDetection: { splitExternalLocalOriginErrors: true, consecutiveLocalOriginFailures: 3 } }).outlierDetection)
      .toEqual({ splitExternalLocalOriginErrors: true, consecutiveLocalOriginFailures: 3 });
  });

  test('TLS: caCrl, insecureSkipVerify, sni, subjectAltNames', () => {
    expect(written({
      tls: {
        mode: ClientTlsMode.SIMPLE,
        caCertificates: '/etc/certs/ca.pem',
        caCrl: '/etc/certs/crl.pem',
        sni: 'app.example.com',
        subjectAltNames: ['app.example.com'],
        insecureSkipVerify: false,
      },
    }).tls).toEqual({
      mode: 'SIMPLE', caCertificates: '/etc/certs/ca.pem', caCrl: '/etc/certs/crl.pem', sni: 'app.example.com', subjectAltNames: ['app.example.com'], insecureSkipVerify: false,
    });
  });

  test('portLevelSettings: a policy per Service port', () => {
    const policy = written({
      portLevelSettings: [{
        port: 9090,
        loadBalancer: LoadBalancerSettings.random(),
        connectionPool: { tcp: { maxConnections: 10 } },
        outlierDetection: { consecutiveGatewayErrors: 2 },
        tls: { mode: ClientTlsMode.ISTIO_MUTUAL },
      }],
    }, { ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'tcp-metrics', port: 9090, targetPort: 8080 }] });
    expect(policy.portLevelSettings).toEqual([{
      port: { number: 9090 },
      loadBalancer: { simple: 'RANDOM' },
      connectionPool: { tcp: { maxConnections: 10 } },
      outlierDetection: { consecutiveGatewayErrors: 2 },
      tls: { mode: 'ISTIO_MUTUAL' },
    }]);
  });

  test('proxyProtocol, tunnel, retryBudget (tunnel and proxyProtocol exclude each other, validateTrafficPolicy)', () => {
    expect(written({ proxyProtocol: { version: ProxyProtocolVersion.V2 }, retryBudget: { percent: 25, minRetryConcurrency: 5 } })).toEqual({
      proxyProtocol: { version: 'V2' },
      retryBudget: { percent: 25, minRetryConcurrency: 5 },
    });
    expect(written({ tunnel: { protocol: TunnelProtocol.POST, targetHost: 'app.internal', targetPort: 8443 } })).toEqual({
      tunnel: { protocol: 'POST', targetHost: 'app.internal', targetPort: 8443 },
    });
  });

  test('a version policy takes the same fields (subset trafficPolicy)', () => {
    const chart = Testing.chart();
    const base = props(undefined);
    new CanaryService(chart, 'app', {
      ...base,
      versions: [base.versions[0], { ...base.versions[1], trafficPolicy: { retryBudget: { percent: 10 }, proxyProtocol: {} } }],
    });
    const { dr } = expectCrdFields(synthValid(chart));
    expect(dr.subsets[1].trafficPolicy).toEqual({ retryBudget: { percent: 10 }, proxyProtocol: {} });
  });
});

describe('traffic policy props of the wrong type or shape are refused naming the prop', () => {
  const make = (policy: unknown, extra: Partial<CanaryServiceProps> = {}) => () => new CanaryService(Testing.chart(), 'app', props(policy as TrafficPolicy, extra));
  // a factory refuses a bad value itself, naming its own argument (`[LoadBalancerSettings] 'options.…'`)
  const viaFactory = (policy: () => unknown) => () => new CanaryService(Testing.chart(), 'app', props(policy() as TrafficPolicy));

  test.each<[string, () => unknown, string]>([
    ['a loadBalancer that is a plain object', make({ loadBalancer: { simple: 'RANDOM' } }),
      "'trafficPolicy.loadBalancer' ({\"simple\":\"RANDOM\"}) must be a LoadBalancerSettings"],
    ['a locality distribution weight that is a string', viaFactory(() => ({ loadBalancer: LoadBalancerSettings.roundRobin({ localityLbSetting: { distribute: [{ from: 'a/*', to: { 'b/*': '100' as any } }] } }) })),
      "'options.localityLbSetting.distribute[0].to[\"b/*\"]' (\"100\") must be a finite number"],
    ['a locality distribution without from', viaFactory(() => ({ loadBalancer: LoadBalancerSettings.roundRobin({ localityLbSetting: { distribute: [{ to: { 'b/*': 100 } } as any] } }) })),
      "'options.localityLbSetting.distribute[0].from' (undefined) must be set: a string"],
    ['a null failover entry', viaFactory(() => ({ loadBalancer: LoadBalancerSettings.roundRobin({ localityLbSetting: { failover: [null as any] } }) })),
      "'options.localityLbSetting.failover[0]' (null) must be an object (LocalityFailover)"],
    ['a warmup duration that is a string', viaFactory(() => ({ loadBalancer: LoadBalancerSettings.roundRobin({ warmup: { duration: '10s' as any } }) })),
      "'options.warmup.duration' (\"10s\") must be a Duration"],
    ['a warmup minimumPercent above 100', viaFactory(() => ({ loadBalancer: LoadBalancerSettings.roundRobin({ warmup: { duration: Duration.seconds(1), minimumPercent: 120 } }) })),
      "'trafficPolicy.loadBalancer.warmup.minimumPercent' (120) must be a number from 0 to 100"],
    ['a ring size that is not an integer', viaFactory(() => ({ loadBalancer: LoadBalancerSettings.consistentHash(ConsistentHashKey.sourceIp(), { algorithm: ConsistentHashAlgorithm.ringHash(10.5) }) })),
      "'trafficPolicy.loadBalancer.consistentHash.ringHash.minimumRingSize' (10.5) must be an integer from 0 to 4294967295"],
    ['an algorithm that is not a ConsistentHashAlgorithm', viaFactory(() => ({ loadBalancer: LoadBalancerSettings.consistentHash(ConsistentHashKey.sourceIp(), { algorithm: 'maglev' as any }) })),
      "'options.algorithm' (\"maglev\") must be a ConsistentHashAlgorithm or left out"],
    ['a cookie attribute without name', viaFactory(() => ({ loadBalancer: LoadBalancerSettings.consistentHash(ConsistentHashKey.cookie('s', { attributes: [{ value: 'x' } as any] })) })),
      "'options.attributes[0].name' (undefined) must be set: a string"],
    ['keepalive probes as a string', make({ connectionPool: { tcp: { tcpKeepalive: { probes: '3' } } } }),
      "'trafficPolicy.connectionPool.tcp.tcpKeepalive.probes' (\"3\") must be a finite number or left out"],
    ['maxConcurrentStreams negative', make({ connectionPool: { http: { maxConcurrentStreams: -1 } } }),
      "'trafficPolicy.connectionPool.http.maxConcurrentStreams' (-1) must be an integer from 0 to 2147483647"],
    ['insecureSkipVerify as a string', make({ tls: { mode: ClientTlsMode.SIMPLE, insecureSkipVerify: 'true' } }),
      "'trafficPolicy.tls.insecureSkipVerify' (\"true\") must be true or false"],
    ['subjectAltNames as a string', make({ tls: { mode: ClientTlsMode.SIMPLE, subjectAltNames: 'a.example.com' } }),
      "'trafficPolicy.tls.subjectAltNames' (\"a.example.com\") must be a list of strings"],
    ['a portLevelSettings port that is not a Service port', make({ portLevelSettings: [{ port: 9090 }] }),
      "'trafficPolicy.portLevelSettings[0].port' (9090) must be one of the Service ports (80)"],
    ['a portLevelSettings port twice', make({ portLevelSettings: [{ port: 80 }, { port: 80 }] }),
      "'trafficPolicy.portLevelSettings[1].port' (80) must be unique (trafficPolicy.portLevelSettings[0] has it)"],
    ['an unknown proxyProtocol version', make({ proxyProtocol: { version: 'V3' } }),
      "'trafficPolicy.proxyProtocol.version' (\"V3\") must be one of \"V1\", \"V2\" (ProxyProtocolVersion) or left out"],
    ['a tunnel without targetPort', make({ tunnel: { targetHost: 'x' } }),
      "'trafficPolicy.tunnel.targetPort' (undefined) must be set"],
    ['a tunnel with an unknown protocol', make({ tunnel: { protocol: 'GET', targetHost: 'x', targetPort: 1 } }),
      "'trafficPolicy.tunnel.protocol' (\"GET\") must be one of \"CONNECT\", \"POST\" (TunnelProtocol) or left out"],
    ['a retryBudget percent above 100', make({ retryBudget: { percent: 150 } }),
      "'trafficPolicy.retryBudget.percent' (150) must be a number from 0 to 100"],
    ['a trafficPolicy that is a list', make([]), "'trafficPolicy' ([]) must be an object"],
  ])('%s', (_what, build, message) => {
    let got = 'not refused';
    try {
      build();
    } catch (e: any) {
      expect(e).not.toBeInstanceOf(TypeError);
      got = e.message;
    }
    // the construct names its path; a factory refused before it names itself
    expect(got.startsWith(PATH) || /^\[(LoadBalancerSettings|ConsistentHashKey|ConsistentHashAlgorithm)\] /.test(got)).toBe(true);
    expect(got).toContain(message);
  });
});
