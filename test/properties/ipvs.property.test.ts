/**
 * Property-based tests for IpvsDirector, IpvsLoadBalancer and KubeProxyConfiguration: generated props, valid and
 * invalid, either synthesize to valid, consistent manifests (rules listing every real server once, the documented
 * security exception and nothing more) or are refused with the library's own error (construct path + prop).
 */
import { isIP } from 'net';
import { Chart, Duration, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { parse } from 'yaml';
import {
  boundaryNumber, nastyString, OutcomeTally, runs, synthOrRefuse,
} from './support';
import {
  IpvsadmRules, IpvsDirector, IpvsExternalTrafficPolicy, IpvsForwarding, IpvsLoadBalancer, IpvsPersistence, IpvsProtocol,
  IpvsScheduler, IpvsSchedulerFlag, IpvsVirtualServer, KubeProxyConfiguration,
} from '../../src';
import { ManifestObject } from '../util/validate';
import { KUBERNETES_YAML } from '../util/yaml';

// ---------------------------------------------------------------------------------------------------------------
// generators (plain data, so counterexamples print readably)

/** Mostly valid, sometimes not: these inputs have dozens of fields, so each is corrupted rarely. */
function mostly<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 30, arbitrary: valid }, { weight: 1, arbitrary: invalid });
}

const BAD_IPS = ['256.1.1.1', '010.0.0.1', '1.2.3', '1.2.3.4.5', '::1::', '1:2:3:4:5:6:7:8:9', '1.2.3.4/32', '[::1]', 'fe80::1%eth0',
  ' 1.2.3.4', '', '1.2.3.-1', 'localhost', '::ffff:1.2.3', '1::2::3'];
const KERNEL_SCHEDULERS = Object.values(IpvsScheduler) as string[];
const KUBE_PROXY_SCHEDULERS = ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'sh', 'dh', 'sed', 'nq'];
const KUBE_ROUTER_SCHEDULERS = ['rr', 'lc', 'dh', 'sh', 'mh'];

function ipOf(family: 4 | 6): fc.Arbitrary<string> {
  return mostly(family === 4 ? fc.ipV4() : fc.ipV6(), fc.oneof(fc.constantFrom(...BAD_IPS), nastyString(), family === 4 ? fc.ipV6() : fc.ipV4()));
}
const port = () => mostly(fc.integer({ min: 1, max: 65535 }), fc.oneof(boundaryNumber(), fc.constantFrom(0, 65536, 80.5)));
const weight = () => mostly(fc.integer({ min: 0, max: 65535 }), fc.oneof(boundaryNumber(), fc.constantFrom(-1, 65536, 1.5)));
const scheduler = () => mostly(fc.constantFrom(...KERNEL_SCHEDULERS), fc.oneof(fc.constantFrom('', 'RR', 'wlc ', 'maglev', 'ip_vs_rr'), nastyString()));
const flags = () => fc.option(mostly<string[]>(fc.subarray(Object.values(IpvsSchedulerFlag) as string[]),
  fc.constantFrom<string[]>(['flag-3'], ['flag-1', 'flag-1'], ['mh-port'])), { nil: undefined });
/** Whole seconds mostly; never negative (cdk8s refuses a negative Duration itself, before any construct). */
const persistenceSeconds = () => mostly(fc.integer({ min: 1, max: 86400 }),
  fc.oneof(boundaryNumber().filter(n => !(n < 0)), fc.constantFrom(0, 0.5, 86401)));
const forwarding = () => mostly(fc.constantFrom(...Object.values(IpvsForwarding) as string[]), fc.constantFrom('nat', 'dr', ''));

interface RsInput { address: string; port?: number; weight?: number }
interface VsInput {
  address: string;
  port: number;
  protocol?: string;
  scheduler?: string;
  flags?: string[];
  persistence?: number;
  forwarding?: string;
  realServers: RsInput[];
}

function virtualServer(): fc.Arbitrary<VsInput> {
  return fc.constantFrom<4 | 6>(4, 4, 4, 6).chain(family => fc.record({
    address: ipOf(family),
    port: port(),
    protocol: fc.option(mostly(fc.constantFrom('TCP', 'UDP'), fc.constantFrom('SCTP', 'tcp')), { nil: undefined }),
    scheduler: fc.option(scheduler(), { nil: undefined }),
    flags: flags(),
    persistence: fc.option(persistenceSeconds(), { nil: undefined, freq: 3 }),
    forwarding: fc.option(forwarding(), { nil: undefined }),
    realServers: mostly(fc.array(fc.record({
      address: ipOf(family),
      port: fc.option(port(), { nil: undefined }),
      weight: fc.option(weight(), { nil: undefined }),
    }, { requiredKeys: ['address'] }), { minLength: 1, maxLength: 5 }), fc.constant<RsInput[]>([])),
  }, { requiredKeys: ['address', 'port', 'realServers'] }))
    // with gatewaying and tunneling the real port is mostly the virtual port, as it must be
    .chain(vs => fc.integer({ min: 0, max: 3 }).map(k => (k > 0 && vs.forwarding !== 'masquerading'
      ? { ...vs, realServers: vs.realServers.map(rs => ({ ...rs, port: rs.port === undefined ? undefined : vs.port })) } : vs)));
}

function toVirtualServer(vs: VsInput): IpvsVirtualServer {
  return {
    address: vs.address,
    port: vs.port,
    protocol: vs.protocol as IpvsProtocol | undefined,
    scheduler: vs.scheduler as IpvsScheduler | undefined,
    schedulerFlags: vs.flags as IpvsSchedulerFlag[] | undefined,
    persistence: vs.persistence === undefined ? undefined : Duration.seconds(vs.persistence),
    forwarding: vs.forwarding as IpvsForwarding | undefined,
    realServers: vs.realServers.map(rs => ({ ...rs })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// independent oracles: what ipvsadm / the kernel / the apiserver would refuse

/** The canonical text of an address as ipvsadm shows it (WHATWG URL serializes IPv6 per RFC 5952). */
function canonical(ip: string): string {
  return isIP(ip) === 6 ? new URL(`http://[${ip}]/`).hostname.slice(1, -1) : ip;
}
function hostPort(ip: string, p: number): string {
  return isIP(ip) === 6 ? `[${canonical(ip)}]:${p}` : `${ip}:${p}`;
}
const int = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;

function virtualServerRejects(vs: VsInput): string[] {
  const out: string[] = [];
  const family = isIP(vs.address);
  if (family === 0) out.push('address');
  if (!int(vs.port, 1, 65535)) out.push('port');
  if (vs.protocol !== undefined && !['TCP', 'UDP'].includes(vs.protocol)) out.push('protocol');
  const sched = vs.scheduler ?? 'rr';
  if (!KERNEL_SCHEDULERS.includes(sched)) out.push('scheduler');
  if (vs.flags !== undefined) {
    if (vs.flags.some((f, i) => !['flag-1', 'flag-2'].includes(f) || vs.flags!.indexOf(f) !== i)) out.push('flags');
    if (vs.flags.length > 0 && !['sh', 'mh'].includes(sched)) out.push('flags without sh/mh');
  }
  if (vs.persistence !== undefined && !int(vs.persistence, 1, 86400)) out.push('persistence');
  const fwd = vs.forwarding ?? 'masquerading';
  if (!['masquerading', 'gatewaying', 'tunneling'].includes(fwd)) out.push('forwarding');
  if (vs.realServers.length === 0) out.push('no real servers');
  const seen = new Set<string>();
  for (const rs of vs.realServers) {
    if (isIP(rs.address) === 0 || isIP(rs.address) !== family) out.push('real server address');
    const p = rs.port ?? vs.port;
    if (!int(p, 1, 65535)) out.push('real server port');
    if (fwd !== 'masquerading' && p !== vs.port) out.push('real port with direct routing');
    if (rs.weight !== undefined && !int(rs.weight, 0, 65535)) out.push('weight');
    const key = isIP(rs.address) ? hostPort(rs.address, p) : rs.address;
    if (seen.has(key)) out.push('duplicate real server');
    seen.add(key);
  }
  return out;
}

function directorRejects(vss: VsInput[]): string[] {
  const out = vss.flatMap(virtualServerRejects);
  if (vss.length === 0) out.push('no virtual servers');
  const names = vss.map(vs => `${vs.protocol ?? 'TCP'} ${isIP(vs.address) ? hostPort(vs.address, vs.port) : vs.address}`);
  if (names.some((n, i) => names.indexOf(n) !== i)) out.push('duplicate virtual server');
  return out;
}

const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** The apiserver's ValidateLabels (keys: optional DNS-subdomain prefix and a name; values: a name or empty). */
function labelsRejected(labels: Record<string, string>): boolean {
  return Object.entries(labels).some(([k, v]) => {
    const slash = k.lastIndexOf('/');
    const [prefix, name] = slash >= 0 ? [k.slice(0, slash), k.slice(slash + 1)] : [undefined, k];
    const keyOk = name.length <= 63 && LABEL_NAME.test(name) && (prefix === undefined || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix)));
    const valueOk = typeof v === 'string' && v.length <= 63 && (v === '' || LABEL_NAME.test(v));
    return !keyOk || !valueOk;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// facts of a valid outcome

const ADDED_CAPABILITIES: Record<string, string[] | undefined> = { 'load-modules': ['SYS_MODULE'], 'director': ['NET_ADMIN'], 'ipvs-metrics': undefined };

/** The director's documented exception, exactly: capabilities it names and nothing else, never privileged. */
function expectDirectorSecurity(objects: readonly ManifestObject[], yaml: string): void {
  expect(yaml).not.toMatch(/privileged: true|allowPrivilegeEscalation: true/);
  const ds = objects.filter(o => o.kind === 'DaemonSet');
  expect(ds.length).toBeGreaterThan(0);
  for (const d of ds) {
    const pod = d.spec.template.spec;
    expect(pod.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
    expect(pod.hostPID ?? false).toBe(false);
    expect(pod.hostIPC ?? false).toBe(false);
    for (const c of [...pod.initContainers, ...pod.containers]) {
      const sc = c.securityContext;
      expect({ name: c.name, known: c.name in ADDED_CAPABILITIES }).toEqual({ name: c.name, known: true });
      const caps = sc.capabilities;
      expect({ name: c.name, add: caps.add, drop: caps.drop, priv: sc.privileged, ape: sc.allowPrivilegeEscalation, ro: sc.readOnlyRootFilesystem })
        .toEqual({ name: c.name, add: ADDED_CAPABILITIES[c.name], drop: ['ALL'], priv: false, ape: false, ro: true });
    }
    expect(pod.initContainers.map((c: any) => c.name)).toEqual(['load-modules']);
  }
}

/** Rules list each real server exactly once under its virtual server, and the ConfigMap holds exactly them. */
function expectRules(vss: IpvsVirtualServer[], rulesText: string, objects: readonly ManifestObject[]): void {
  expect(rulesText).toBe(IpvsadmRules.render(vss));
  const lines = rulesText.trimEnd().split('\n');
  expect(lines).toHaveLength(vss.reduce((n, vs) => n + 1 + vs.realServers.length, 0));
  for (const vs of vss) {
    const name = `${vs.protocol === IpvsProtocol.UDP ? '-u' : '-t'} ${hostPort(vs.address, vs.port)}`;
    expect(lines.filter(l => l.startsWith(`-A ${name} `))).toHaveLength(1);
    for (const rs of vs.realServers) {
      const rule = `-a ${name} -r ${hostPort(rs.address, rs.port ?? vs.port)} `;
      const found = lines.filter(l => l.startsWith(rule));
      expect({ rule, count: found.length }).toEqual({ rule, count: 1 });
      expect(found[0].endsWith(` -w ${rs.weight ?? 1}`)).toBe(true);
    }
  }
  const cms = objects.filter(o => o.kind === 'ConfigMap' && o.data?.['rules.ipvsadm'] !== undefined);
  expect(cms).toHaveLength(1);
  expect(cms[0].data['rules.ipvsadm']).toBe(rulesText);
  const modules = objects.find(o => o.kind === 'DaemonSet')!.spec.template.spec.initContainers[0].command[2];
  for (const s of new Set(vss.map(vs => vs.scheduler ?? 'rr'))) expect(modules).toContain(` ip_vs_${s} `);
}

function tallyDone(tally: OutcomeTally): void {
  expect({ valid: tally.valid > 0, refused: tally.refused > 0 }).toEqual({ valid: true, refused: true });
}

function chart(): Chart {
  return new Chart(Testing.app(), 'shop', { disableResourceNameHashes: true });
}

/** Go's time.ParseDuration forms formatDuration writes, within Go's int64 nanoseconds. */
const GO_DURATION = /^(?:0s|\d+ms|(?:\d+h)?(?:\d+m)?(?:\d+s)?)$/;
function goDurationMs(text: string): number {
  if (text.endsWith('ms')) return Number(text.slice(0, -2));
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text)!;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
}
const MAX_GO_DURATION_MS = 9223372036854;

// ---------------------------------------------------------------------------------------------------------------

describe('IPVS properties', () => {
  // rarely available schedulers (mh, fo, ovf, twos) and IPVS mode on 1.35+ warn on stderr by design
  let warn: jest.SpyInstance;
  beforeAll(() => { warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined); });
  afterAll(() => warn.mockRestore());

  test('IpvsDirector: generated virtual servers synthesize to consistent rules or are refused with path and prop', () => {
    const tally = new OutcomeTally();
    const nodeSelector = fc.option(mostly(fc.constantFrom<Record<string, string>>({ 'ipvs.example.com/director': 'true' }, { role: 'edge', zone: 'a' }),
      fc.constantFrom<Record<string, string>>({}, { 'bad key!': 'x' }, { role: 'line\nbreak' }, { role: '{{ x }}' }, { 'a/b/c': 'x' })), { nil: undefined });
    fc.assert(fc.property(fc.array(virtualServer(), { minLength: 1, maxLength: 3 }), nodeSelector, fc.boolean(), (vss, selector, metrics) => {
      let director: IpvsDirector | undefined;
      const outcome = tally.add(synthOrRefuse(() => {
        const c = chart();
        director = new IpvsDirector(c, 'director', { virtualServers: vss.map(toVirtualServer), nodeSelector: selector, metrics });
        return c;
      }));
      if (outcome.kind === 'refused') return;
      expect({ vss, accepted: directorRejects(vss) }).toEqual({ vss, accepted: [] });
      expect({ selector, rejected: selector !== undefined && labelsRejected(selector) }).toEqual({ selector, rejected: false });
      expectRules(director!.virtualServers, director!.rules, outcome.objects);
      expectDirectorSecurity(outcome.objects, outcome.yaml);
      const pod = outcome.objects.find(o => o.kind === 'DaemonSet')!.spec.template.spec;
      expect(pod.nodeSelector).toEqual(selector ?? { 'ipvs.cdk8s-patterns.dev/director': 'true' });
      expect(pod.containers.map((c: any) => c.name)).toEqual(metrics ? ['director', 'ipvs-metrics'] : ['director']);
    }), runs(300));
    tallyDone(tally);
  });

  test('IpvsadmRules.render (the pure renderer) agrees: renders what the director accepts, refuses with its own name', () => {
    fc.assert(fc.property(fc.array(virtualServer(), { minLength: 1, maxLength: 3 }), vss => {
      const servers = vss.map(toVirtualServer);
      let rendered: string | undefined;
      try {
        rendered = IpvsadmRules.render(servers);
      } catch (e: any) {
        expect(e.name).toBe('Error');
        expect(e.message).toMatch(/^\[IpvsadmRules\] 'virtualServers(\[\d+\][.\w[\]]*)?' /);
      }
      const accepted = synthOrRefuse(() => {
        const c = chart();
        new IpvsDirector(c, 'director', { virtualServers: servers });
        return c;
      }).kind === 'valid';
      expect(rendered !== undefined).toBe(accepted);
    }), runs(150));
  });

  test('huge counts: a director with 1000 real servers and 100 virtual servers synthesizes, each real server once', () => {
    const realServers = Array.from({ length: 1000 }, (_, i) => ({ address: `10.0.${Math.floor(i / 256)}.${i % 256}`, weight: i % 65536 }));
    let director: IpvsDirector | undefined;
    const outcome = synthOrRefuse(() => {
      const c = chart();
      director = new IpvsDirector(c, 'director', {
        virtualServers: [
          { address: '1.2.3.4', port: 80, scheduler: IpvsScheduler.WEIGHTED_ROUND_ROBIN, realServers },
          ...Array.from({ length: 100 }, (_, i) => ({ address: '2001:db8::1', port: 1000 + i, realServers: [{ address: '2001:db8::2' }] })),
        ],
      });
      return c;
    });
    expect(outcome.kind).toBe('valid');
    if (outcome.kind !== 'valid') return;
    expectRules(director!.virtualServers, director!.rules, outcome.objects);
    expect(director!.rules.split('\n').filter(l => l.startsWith('-a -t 1.2.3.4:80 '))).toHaveLength(1000);
    // a duplicate at the end of 1000 is found and named
    const dup = synthOrRefuse(() => {
      const c = chart();
      new IpvsDirector(c, 'director', { virtualServers: [{ address: '1.2.3.4', port: 80, realServers: [...realServers, { address: '10.0.0.7' }] }] });
      return c;
    });
    expect(dup).toEqual({ kind: 'refused', message: expect.stringMatching(/^\[shop\/director\] 'virtualServers\[0\]\.realServers\[1000\]' \("10\.0\.0\.7:80"\) repeats/) });
  });

  test('IpvsLoadBalancer: generated props synthesize to a consistent Service, kube-proxy config and director, or are refused', () => {
    const tally = new OutcomeTally();
    const portInput = fc.record({
      port: port(),
      targetPort: fc.option(port(), { nil: undefined, freq: 2 }),
      name: fc.option(mostly(fc.constantFrom('http', 'https', 'dns', 'metrics', 'grpc-web'), fc.constantFrom('Bad Name', 'http_2', '-x', '')), { nil: undefined }),
      protocol: fc.option(mostly(fc.constantFrom('TCP', 'UDP'), fc.constantFrom('SCTP')), { nil: undefined }),
    }, { requiredKeys: ['port'] });
    const lbInput = fc.record({
      selector: mostly(fc.constantFrom<Record<string, string>>({ app: 'web' }, { app: 'dns', tier: 'edge' }, { 'example.com/app': 'yes' }),
        fc.constantFrom<Record<string, string>>({}, { app: '{{ x }}' }, { 'bad key': 'x' }, { app: 'a'.repeat(64) })),
      ports: fc.array(portInput, { minLength: 1, maxLength: 3 }).map(ps => ps.map((p, i) => ({ ...p, name: ps.length > 1 && p.name === undefined ? `p${i}` : p.name }))),
      serviceType: fc.option(mostly(fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'), fc.constant('ExternalName')), { nil: undefined }),
      virtualIps: fc.option(fc.array(ipOf(4), { maxLength: 3 }), { nil: undefined }),
      externalTrafficPolicy: fc.option(mostly(fc.constantFrom('Cluster', 'Local'), fc.constant('local')), { nil: undefined }),
      persistence: fc.option(fc.option(persistenceSeconds(), { nil: undefined }), { nil: null as any, freq: 2 }),
      proxy: mostly(fc.constantFrom('none', 'kubeProxy', 'kubeRouter'), fc.constant('both')),
      kubeRouter: fc.record({
        scheduler: fc.option(mostly(fc.constantFrom(...KUBE_ROUTER_SCHEDULERS), fc.constantFrom('wrr', 'fo', 'bogus')), { nil: undefined }),
        flags: flags(),
        dsr: fc.option(fc.boolean(), { nil: undefined }),
      }, { requiredKeys: [] }),
      kubeProxy: fc.record({
        scheduler: fc.option(mostly(fc.constantFrom(...KUBE_PROXY_SCHEDULERS), fc.constantFrom('mh', 'twos', 'bogus', '')), { nil: undefined }),
        strictArp: fc.option(fc.boolean(), { nil: undefined }),
        syncSeconds: fc.option(mostly(fc.integer({ min: 1, max: 3600 }),
          fc.constantFrom(0, Number.NaN, Number.POSITIVE_INFINITY, 1e13, 0.0005)), { nil: undefined }),
        minSyncSeconds: fc.option(mostly(fc.integer({ min: 0, max: 60 }), fc.constantFrom(7200, Number.NaN, 1e-7)), { nil: undefined }),
        tcpTimeoutSeconds: fc.option(mostly(fc.integer({ min: 0, max: 86400 }), fc.constantFrom(86400 * 1e9, Number.NaN, 1e-7)), { nil: undefined }),
        excludeCidrs: fc.option(fc.array(mostly(fc.constantFrom('10.0.0.0/8', '1.2.3.4/32', 'fd00::/64', '192.168.0.0/16'),
          fc.constantFrom('10.1.2.3/8', '10.0.0.0/33', '10.0.0.0', 'fd00::/129', '')), { maxLength: 3 }), { nil: undefined }),
      }, { requiredKeys: [] }),
      l2Announcement: fc.option(fc.boolean(), { nil: undefined, freq: 2 }),
      director: fc.option(fc.record({
        address: ipOf(4),
        realServers: mostly(fc.array(fc.record({ address: ipOf(4), weight: fc.option(weight(), { nil: undefined }) }, { requiredKeys: ['address'] }),
          { minLength: 1, maxLength: 4 }), fc.constant<RsInput[]>([])),
        scheduler: fc.option(scheduler(), { nil: undefined }),
        forwarding: fc.option(forwarding(), { nil: undefined }),
        nodeSelector: fc.option(mostly<Record<string, string>>(fc.constant({ role: 'edge' }), fc.constantFrom<Record<string, string>>({ role: 'a b' }, { '': 'x' })), { nil: undefined }),
      }, { requiredKeys: ['address', 'realServers'] }), { nil: undefined }),
      kubernetesVersion: fc.option(mostly(fc.constantFrom('1.33', '1.34', '1.35', 'v1.35.2', '1.36.0-rc.1', '1.30'), fc.oneof(fc.constantFrom('2.0', '1.035', 'v1', '1.35.x'), nastyString())), { nil: undefined }),
    }, { requiredKeys: ['selector', 'ports', 'proxy', 'kubeRouter', 'kubeProxy'] });

    fc.assert(fc.property(lbInput, input => {
      let lb: IpvsLoadBalancer | undefined;
      const outcome = tally.add(synthOrRefuse(() => {
        const c = chart();
        const kp = input.kubeProxy;
        lb = new IpvsLoadBalancer(c, 'web', {
          selector: input.selector,
          ports: input.ports as any,
          serviceType: input.serviceType as any,
          virtualIps: input.virtualIps,
          externalTrafficPolicy: input.externalTrafficPolicy as IpvsExternalTrafficPolicy | undefined,
          persistence: input.persistence === null ? undefined
            : IpvsPersistence.clientIp(input.persistence === undefined ? undefined : Duration.seconds(input.persistence)),
          kubeRouter: input.proxy === 'kubeRouter' || input.proxy === 'both' ? {
            scheduler: input.kubeRouter.scheduler as IpvsScheduler | undefined,
            schedulerFlags: input.kubeRouter.flags as IpvsSchedulerFlag[] | undefined,
            directServerReturn: input.kubeRouter.dsr,
          } : undefined,
          kubeProxy: input.proxy === 'kubeProxy' || input.proxy === 'both' ? {
            scheduler: kp.scheduler as IpvsScheduler | undefined,
            strictArp: kp.strictArp,
            syncPeriod: kp.syncSeconds === undefined ? undefined : Duration.seconds(kp.syncSeconds),
            minSyncPeriod: kp.minSyncSeconds === undefined ? undefined : Duration.seconds(kp.minSyncSeconds),
            tcpTimeout: kp.tcpTimeoutSeconds === undefined ? undefined : Duration.seconds(kp.tcpTimeoutSeconds),
            excludeCidrs: kp.excludeCidrs,
          } : undefined,
          l2Announcement: input.l2Announcement,
          director: input.director && {
            address: input.director.address,
            realServers: input.director.realServers,
            scheduler: input.director.scheduler as IpvsScheduler | undefined,
            forwarding: input.director.forwarding as IpvsForwarding | undefined,
            nodeSelector: input.director.nodeSelector,
          },
          kubernetesVersion: input.kubernetesVersion,
        });
        return c;
      }));
      if (outcome.kind === 'refused') return;
      const objects = outcome.objects;

      // what the apiserver or the proxies would refuse never gets through
      expect({ selector: input.selector, rejected: labelsRejected(input.selector) || Object.keys(input.selector).length === 0 })
        .toEqual({ selector: input.selector, rejected: false });
      input.ports.forEach(p => {
        expect({ p, ok: int(p.port, 1, 65535) && (p.targetPort === undefined || int(p.targetPort, 0, 65535)) }).toEqual({ p, ok: true });
        if (p.name !== undefined && p.name !== '') expect(p.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      });
      expect(input.proxy).not.toBe('both');
      expect(input.serviceType).not.toBe('ExternalName');

      // the Service: selector, ports and external IPs, each exactly once
      const services = objects.filter(o => o.kind === 'Service');
      expect(services).toHaveLength(1);
      const svc = services[0];
      expect(svc.spec.selector).toEqual(input.selector);
      expect(svc.spec.ports.map((p: any) => [p.port, p.protocol ?? 'TCP'])).toEqual(input.ports.map(p => [p.port, p.protocol ?? 'TCP']));
      expect(svc.spec.externalIPs ?? []).toEqual((input.virtualIps ?? []).map(canonical));
      if (input.persistence !== null) {
        expect(svc.spec.sessionAffinity).toBe('ClientIP');
        expect(svc.spec.sessionAffinityConfig.clientIP.timeoutSeconds).toBe(input.persistence ?? 10800);
        expect(int(svc.spec.sessionAffinityConfig.clientIP.timeoutSeconds, 1, 86400)).toBe(true);
      }
      const annotations = svc.metadata.annotations ?? {};
      if (annotations['kube-router.io/service.scheduler'] !== undefined) expect(KUBE_ROUTER_SCHEDULERS).toContain(annotations['kube-router.io/service.scheduler']);
      if (annotations['kube-router.io/service.schedflags'] !== undefined) expect(annotations['kube-router.io/service.scheduler']).toBe('mh');
      if (annotations['kube-router.io/service.dsr'] !== undefined) {
        expect(svc.spec.type === 'LoadBalancer' || (svc.spec.externalIPs ?? []).length > 0).toBe(true);
        for (const p of svc.spec.ports) expect(p.targetPort ?? p.port).toBe(p.port);
      }
      if (input.l2Announcement) expect(svc.spec.type).toBe('LoadBalancer');

      // kube-proxy's config
      const kubeProxy = objects.filter(o => o.kind === 'ConfigMap' && o.metadata.name === 'kube-proxy');
      expect(kubeProxy).toHaveLength(input.proxy === 'kubeProxy' ? 1 : 0);
      if (kubeProxy.length === 1) {
        const conf = parse(kubeProxy[0].data['config.conf']);
        expect(conf.mode).toBe('ipvs');
        expect(KUBE_PROXY_SCHEDULERS).toContain(conf.ipvs.scheduler);
        if (input.l2Announcement) expect(conf.ipvs.strictARP).toBe(true);
        for (const key of ['syncPeriod', 'minSyncPeriod', 'tcpTimeout', 'tcpFinTimeout', 'udpTimeout']) {
          expect({ key, value: conf.ipvs[key], go: GO_DURATION.test(conf.ipvs[key]) }).toEqual({ key, value: conf.ipvs[key], go: true });
          expect(goDurationMs(conf.ipvs[key])).toBeLessThanOrEqual(MAX_GO_DURATION_MS);
        }
        expect(goDurationMs(conf.ipvs.minSyncPeriod)).toBeLessThanOrEqual(goDurationMs(conf.ipvs.syncPeriod));
        expect(goDurationMs(conf.ipvs.syncPeriod)).toBeGreaterThan(0);
        if (input.director) {
          const covered = conf.ipvs.excludeCIDRs.some((b: string) => b === `${input.director!.address}/32`
            || (b.endsWith('/8') && input.director!.address.split('.')[0] === b.split('.')[0]) || b === '0.0.0.0/0'
            || (b === '192.168.0.0/16' && input.director!.address.startsWith('192.168.')));
          expect({ excludeCIDRs: conf.ipvs.excludeCIDRs, covered }).toEqual({ excludeCIDRs: conf.ipvs.excludeCIDRs, covered: true });
        }
      }

      // the director
      if (input.director) {
        const written = lb!.director!.virtualServers.map(vs => ({ ...vs, persistence: undefined, flags: vs.schedulerFlags }));
        expect(directorRejects(written as VsInput[]))
          .toEqual([]);
        expect(lb!.director!.virtualServers).toHaveLength(input.ports.length);
        expectRules(lb!.director!.virtualServers, lb!.rules!, objects);
        expectDirectorSecurity(objects, outcome.yaml);
        if (input.director.nodeSelector) expect(labelsRejected(input.director.nodeSelector)).toBe(false);
        expect((svc.spec.externalIPs ?? []).includes(input.director.address)).toBe(false);
      }
    }), runs(300));
    tallyDone(tally);
  });

  test('KubeProxyConfiguration: durations, CIDRs and schedulers write a config kube-proxy parses, or are refused', () => {
    const tally = new OutcomeTally();
    const seconds = mostly(fc.integer({ min: 0, max: 7200 }),
      fc.oneof(boundaryNumber().filter(n => !(n < 0)), fc.constantFrom(1e-7, 0.0005, 1e13, 86400 * 1e9)));
    fc.assert(fc.property(fc.record({
      scheduler: fc.option(mostly(fc.constantFrom(...KUBE_PROXY_SCHEDULERS), fc.oneof(fc.constantFrom('mh', 'fo', 'ovf', 'twos', 'RR'), nastyString())), { nil: undefined }),
      sync: fc.option(seconds, { nil: undefined }),
      minSync: fc.option(seconds, { nil: undefined }),
      udp: fc.option(seconds, { nil: undefined }),
      l2: fc.option(fc.boolean(), { nil: undefined }),
      strictArp: fc.option(fc.boolean(), { nil: undefined }),
      clusterCidrs: fc.option(fc.array(mostly(fc.constantFrom('10.244.0.0/16', 'fd00:10:244::/56'), fc.constantFrom('10.244.0.1/16', '10.244.0.0', 'x/8')),
        { minLength: 0, maxLength: 3 }), { nil: undefined }),
      metricsBindAddress: fc.option(mostly(fc.constantFrom('0.0.0.0:10249', '[::]:10249', '127.0.0.1:1'), fc.constantFrom('0.0.0.0', ':10249', '[0.0.0.0]:1', '::1:80', '1.2.3.4:0', '1.2.3.4:080')), { nil: undefined }),
      kubernetesVersion: fc.option(fc.constantFrom('1.34', '1.35', 'v1.35.2', '1.36', 'v2.0', 'latest'), { nil: undefined }),
    }, { requiredKeys: [] }), p => {
      let kp: KubeProxyConfiguration | undefined;
      const outcome = tally.add(synthOrRefuse(() => {
        const c = chart();
        kp = new KubeProxyConfiguration(c, 'kube-proxy', {
          scheduler: p.scheduler as IpvsScheduler | undefined,
          syncPeriod: p.sync === undefined ? undefined : Duration.seconds(p.sync),
          minSyncPeriod: p.minSync === undefined ? undefined : Duration.seconds(p.minSync),
          udpTimeout: p.udp === undefined ? undefined : Duration.seconds(p.udp),
          l2Announcement: p.l2,
          strictArp: p.strictArp,
          clusterCidrs: p.clusterCidrs,
          metricsBindAddress: p.metricsBindAddress,
          kubernetesVersion: p.kubernetesVersion,
        });
        return c;
      }));
      if (outcome.kind === 'refused') return;
      const conf = parse(outcome.objects[0].data['config.conf']);
      expect(conf).toEqual(kp!.document);
      expect(KUBE_PROXY_SCHEDULERS).toContain(conf.ipvs.scheduler);
      for (const key of ['syncPeriod', 'minSyncPeriod', 'udpTimeout']) {
        expect({ key, value: conf.ipvs[key], go: GO_DURATION.test(conf.ipvs[key]) }).toEqual({ key, value: conf.ipvs[key], go: true });
        expect(goDurationMs(conf.ipvs[key])).toBeLessThanOrEqual(MAX_GO_DURATION_MS);
      }
      expect(goDurationMs(conf.ipvs.minSyncPeriod)).toBeLessThanOrEqual(goDurationMs(conf.ipvs.syncPeriod));
      if (p.l2) expect(conf.ipvs.strictARP).toBe(true);
      if (p.clusterCidrs !== undefined) expect(conf.clusterCIDR.split(',')).toHaveLength(p.clusterCidrs.length);
      if (p.kubernetesVersion !== undefined) expect(p.kubernetesVersion).toMatch(/^v?1\.\d+(\.\d+)?$/);
    }), runs(200));
    tallyDone(tally);
  });

  test('nothing lost: selector labels, node selector, ports and existing annotations appear once, in place', () => {
    const labelValue = fc.constantFrom('yes', '1.0', '0123', 'on', 'off', 'true', 'null', '1e3', 'web', '');
    const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'example.com/team', 'yes', 'on', '0123'), labelValue, { minKeys: 1, maxKeys: 5 });
    fc.assert(fc.property(labels, labels, fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 4 }),
      (selector, nodeSelector, ports) => {
        const outcome = synthOrRefuse(() => {
          const c = chart();
          new IpvsLoadBalancer(c, 'web', {
            selector,
            ports: ports.map((p, i) => ({ port: p, name: `p${i}` })),
            director: { address: '1.2.3.4', realServers: [{ address: '10.0.0.1' }, { address: '10.0.0.2', weight: 0 }], nodeSelector },
          });
          return c;
        });
        expect(outcome.kind).toBe('valid');
        if (outcome.kind !== 'valid') return;
        const svc = outcome.objects.find(o => o.kind === 'Service')!;
        expect(svc.spec.selector).toEqual(selector);
        expect(svc.spec.ports).toEqual(ports.map((p, i) => ({ port: p, name: `p${i}` })));
        const pod = outcome.objects.find(o => o.kind === 'DaemonSet')!.spec.template.spec;
        expect(pod.nodeSelector).toEqual(nodeSelector);
        // every value stays a string when read as YAML 1.1, as the apiserver does
        const docs = outcome.yaml.split(/^---$/m).map(d => parse(d, KUBERNETES_YAML));
        const ds = docs.find((d: any) => d?.kind === 'DaemonSet');
        expect(Object.values(ds.spec.template.spec.nodeSelector).every(v => typeof v === 'string')).toBe(true);
        const rules = outcome.objects.find(o => o.kind === 'ConfigMap')!.data['rules.ipvsadm'];
        for (const p of ports) {
          expect(rules.split('\n').filter((l: string) => l === `-A -t 1.2.3.4:${p} -s rr`)).toHaveLength(1);
          expect(rules.split('\n').filter((l: string) => l === `-a -t 1.2.3.4:${p} -r 10.0.0.2:${p} -m -w 0`)).toHaveLength(1);
        }
      }), runs(60));
  });
});
