/**
 * Property-based tests of CanaryService (issue "Hardening"): generated props, valid and invalid, either
 * synthesize to manifests the shared oracle accepts and whose objects agree with each other (GUIDE §4), or
 * are refused with the library's own error; huge counts do not overflow the stack; nothing a user supplies
 * is lost or re-typed on the way to YAML.
 */
import { Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import {
  boundaryNumber, expectRestrictedWorkloads, nastyString, NASTY_STRINGS, Outcome, OutcomeTally, runs, synthOrRefuse,
} from './support';
import {
  CanaryRoute, CanaryRouteOptions, CanaryService, CanaryServicePort, CanaryServiceProps, CanaryVersionProps, ClientTlsMode, ClientTlsSettings,
  ConsistentHashAlgorithm, ConsistentHashKey, GrpcStatus,
  H2UpgradePolicy, HttpFaultInjection, ProxyProtocolVersion, HttpMatch, HttpMirror, HttpRetryPolicy, LoadBalancerSettings, ServiceProtocol,
  StringMatch, TrafficPolicy,
} from '../../src';
import { ManifestObject, ofKind, only } from '../util/validate';
import { KUBERNETES_YAML } from '../util/yaml';

const CONTAINER_PORT = 8080;
const PATH = '[test/app';

// ---------------------------------------------------------------------------------------------------------
// generators
// ---------------------------------------------------------------------------------------------------------
//
// Each part of the props has a sane generator (valid values, still varied: YAML-retyped names, nasty
// header values, mirrors, policies) and a wild one (out of range, non-integers, wrong names, several of
// exact/prefix/regex, ...). A run picks zero to two wild parts, so roughly a third of the runs are valid
// and the others probe one or two refusals at a time, as a user's mistake would.

const WILD_PARTS = ['names', 'weights', 'ports', 'matches', 'targets', 'options', 'durations', 'percentages', 'policies',
  'labels', 'service', 'gateways', 'security'] as const;
type Part = typeof WILD_PARTS[number];

/** Generator context: which parts are wild in this run. */
class Ctx {
  constructor(public readonly wild: ReadonlySet<Part>) {}
  /** `sane`, or in a wild part either `sane` or `wild`. */
  public pick<T>(part: Part, sane: fc.Arbitrary<T>, wild: fc.Arbitrary<T>): fc.Arbitrary<T> {
    return this.wild.has(part) ? fc.oneof({ weight: 3, arbitrary: sane }, { weight: 1, arbitrary: wild }) : sane;
  }
}

/** DNS-1123 labels, some of which YAML 1.1 would re-type if written plain (`yes`, `0123`, `1e3`, `null`). */
const SANE_VERSION_NAMES = ['v1', 'v2', 'v3', 'stable', 'canary', 'blue', 'a', 'v-1', '0', 'yes', 'no', 'on', 'true', 'null', 'y', '0123', '1e3', 'v'.repeat(40)];
const WILD_VERSION_NAMES = ['V1', 'v_1', '-v', 'v-', 'v.1', 'v 1', 'v'.repeat(64), 'Canary', '\u00fcn\u00ef', 'v1', 'v1'];

const SANE_DURATIONS_MS = [1, 250, 1000, 1500, 3000, 10000, 90000, 3600000, 2 ** 40];
const WILD_DURATIONS_MS = [0, 0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e16, 9223372036855, 2 ** 53];

function durationArb(ctx: Ctx): fc.Arbitrary<Duration> {
  return ctx.pick('durations', fc.constantFrom(...SANE_DURATIONS_MS), fc.constantFrom(...WILD_DURATIONS_MS)).map(ms => Duration.millis(ms));
}

function percentageArb(ctx: Ctx): fc.Arbitrary<number> {
  return ctx.pick('percentages', fc.constantFrom(0, 1, 5, 12.5, 50, 99.9, 100), boundaryNumber());
}

const HEADER_KEYS_OK = ['x-canary', 'end-user', 'x-user', 'cookie', ':authority', 'x_b3.id', 'yes'];
const HEADER_KEYS_BAD = ['X-User', 'End-User', 'x user', '', 'x:y', 'x-\u00fc'];

function headerKeyArb(ctx: Ctx): fc.Arbitrary<string> {
  return ctx.pick('matches', fc.constantFrom(...HEADER_KEYS_OK), fc.oneof(fc.constantFrom(...HEADER_KEYS_BAD), nastyString()));
}

const REGEXES_OK = ['^/api/v[0-9]+', '.*canary.*', '(a|b)+', '[a-z]{2,3}', '^(?:jason|ana)$', '\\d+'];
const REGEXES_BAD = ['^/(v1', '^/(?!internal)', '(?<=a)b', '(a)\\1', '*x'];

// Istio refuses an empty prefix on every match but uri (validateStringMatch), and header values with control
// characters or a stray % (ValidateHTTPHeaderValue, Envoy's %VAR% syntax): sane values avoid them
const nonEmptyPrefix = (prefix: string) => prefix !== '';
const headerValueOk = (value: string) => !/[\u0000-\u0008\u000A-\u001F\u007F%]/.test(value);

/** StringMatch: one of exact/prefix/regex (nasty values); wild: several of them, none, bad regexes. */
function stringMatchArb(ctx: Ctx): fc.Arbitrary<StringMatch> {
  return ctx.pick<StringMatch>('matches',
    fc.oneof(
      { weight: 3, arbitrary: nastyString().map(exact => ({ exact })) },
      { weight: 2, arbitrary: nastyString().filter(nonEmptyPrefix).map(prefix => ({ prefix })) },
      { weight: 1, arbitrary: fc.constantFrom(...REGEXES_OK).map(regex => ({ regex })) },
    ),
    fc.oneof(
      fc.constantFrom(...REGEXES_BAD).map(regex => ({ regex })),
      fc.record({ exact: nastyString(), prefix: nastyString() }),
      fc.record({ exact: nastyString(), prefix: nastyString(), regex: fc.constantFrom(...REGEXES_OK) }, { requiredKeys: [] }),
    ));
}

function gatewaysArb(ctx: Ctx): fc.Arbitrary<string[] | undefined> {
  return ctx.pick('gateways',
    fc.constantFrom(undefined, undefined, ['mesh'], ['shop/public'], ['shop/public', 'mesh']),
    fc.constantFrom([], [''], ['shop/public'] as string[]));
}

function labelsArb(ctx: Ctx, maxKeys: number): fc.Arbitrary<Record<string, string>> {
  const k = ctx.pick('labels', fc.constantFrom('tier', 'team', 'app.kubernetes.io/part-of', 'example.com/owner'),
    fc.constantFrom('bad key', '-x', 'x/y/z', '', 'a'.repeat(64)));
  const v = ctx.pick('labels', fc.constantFrom('productpage', 'v2', 'yes', 'on', '0123', '1.0', 'true', 'null', '', 'a_b.c'),
    fc.oneof(fc.constantFrom('a'.repeat(64), '-x', 'x y'), nastyString()));
  return fc.dictionary(k, v, { maxKeys });
}

/** An HttpMatch: headers, withoutHeaders, source labels (with or without mesh), source namespace, uri, method, query. */
function matchArb(ctx: Ctx): fc.Arbitrary<HttpMatch> {
  // a match's own gateways: never with source conditions (Istio ignores source conditions in a match that names gateways)
  const matchGateways = ctx.pick<string[] | undefined>('gateways', fc.constant(undefined), fc.constantFrom(['shop/public'], ['mesh'], ['']));
  const sourceLabels = fc.dictionary(fc.constantFrom('app', 'version', 'tier'), fc.constantFrom('productpage', 'v2', 'yes', '0123'), { minKeys: 1, maxKeys: 2 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(headerKeyArb(ctx), stringMatchArb(ctx), { minKeys: 1, maxKeys: 3 }).map(headers => ({ headers })) },
    {
      weight: 1,
      arbitrary: fc.dictionary(headerKeyArb(ctx), stringMatchArb(ctx), { minKeys: 1, maxKeys: 2 }).map(withoutHeaders => ({ withoutHeaders })),
    },
    {
      weight: 2,
      arbitrary: fc.record({ sourceLabels: ctx.pick('labels', sourceLabels, labelsArb(ctx, 2)), gateways: matchGateways }, { requiredKeys: ['sourceLabels'] })
        .map(({ gateways, ...m }) => (gateways === undefined ? m : { ...m, gateways })),
    },
    { weight: 1, arbitrary: ctx.pick('matches', fc.constantFrom('shop', 'kube-system'), fc.constantFrom('Shop', '', 'a.b')).map(sourceNamespace => ({ sourceNamespace })) },
    { weight: 2, arbitrary: fc.record({ uri: stringMatchArb(ctx).filter(m => m.prefix !== '' && m.prefix !== '/'), ignoreUriCase: fc.boolean() }, { requiredKeys: ['uri'] }) },
    { weight: 1, arbitrary: fc.record({ method: fc.constantFrom({ exact: 'POST' }, { prefix: 'P' }), queryParams: fc.constant({ beta: { exact: '1' } }) }, { requiredKeys: ['method'] }) },
    { weight: 1, arbitrary: ctx.pick('matches', fc.constant<HttpMatch>({ uri: { prefix: '/beta' } }), fc.constantFrom<HttpMatch>({ uri: { prefix: '/' } }, {}, { uri: { regex: '.*' } })) },
  );
}

/** A version reference: a known name; wild: one that names no version. */
function versionRef(ctx: Ctx, names: readonly string[]): fc.Arbitrary<string> {
  return ctx.pick('targets', fc.constantFrom(...names), fc.constantFrom('unknown', 'v9', '', 'V1'));
}

function mirrorArb(ctx: Ctx, names: readonly string[]): fc.Arbitrary<HttpMirror> {
  return fc.record({ version: versionRef(ctx, names), percentage: percentageArb(ctx) }, { requiredKeys: ['version'] });
}

/** Route options: timeouts, retries, fault injection, mirror or mirrors (wild: both), CORS, header edits. */
function optionsArb(ctx: Ctx, names: readonly string[]): fc.Arbitrary<CanaryRouteOptions> {
  const attempts = ctx.pick('options', fc.constantFrom(1, 2, 3, 10), boundaryNumber());
  const retries = fc.oneof(
    fc.record({
      attempts,
      perTryTimeout: durationArb(ctx),
      backoff: durationArb(ctx),
      retryIgnorePreviousHosts: fc.boolean(),
      retryOn: fc.array(fc.constantFrom('5xx', 'gateway-error', 'reset', '503'), { maxLength: 3 }),
    }, { requiredKeys: ['attempts'] }),
    ctx.pick<HttpRetryPolicy>('options', fc.constant({ attempts: 0 }),
      fc.constantFrom<HttpRetryPolicy>({ attempts: 0, retryOn: ['5xx'] }, { attempts: 2, retryOn: ['on-error'] }, { attempts: 2, retryOn: ['99'] })),
  );
  const httpStatus = ctx.pick('options', fc.constantFrom(503, 500, 200, 599, 418), boundaryNumber());
  const mirrors = fc.oneof(
    fc.record({ mirror: mirrorArb(ctx, names) }),
    fc.record({ mirrors: fc.array(mirrorArb(ctx, names), { minLength: 1, maxLength: 2 }) }),
    ctx.pick('options', fc.constant({}), fc.record({ mirror: mirrorArb(ctx, names), mirrors: fc.array(mirrorArb(ctx, names), { minLength: 1, maxLength: 1 }) })),
  );
  return fc.tuple(fc.record({
    name: fc.constantFrom('primary', 'canary-route', 'yes'),
    timeout: durationArb(ctx),
    rewrite: fc.constantFrom({ uri: '/v2/' }, { authority: 'app.internal' }, { uriRegexRewrite: { match: '^/api/(.*)$', rewrite: '/\\1' } }),
    retries,
    fault: ctx.pick<HttpFaultInjection>('options',
      fc.record({ delay: fc.record({ fixedDelay: durationArb(ctx), percentage: percentageArb(ctx) }), abort: fc.record({ httpStatus, percentage: percentageArb(ctx) }) }, { requiredKeys: ['delay'] }),
      fc.constant({})),
    corsPolicy: fc.record({
      allowOrigins: ctx.pick<StringMatch[]>('options', fc.array(fc.constantFrom({ exact: 'https://shop.example.com' }, { prefix: 'https://' }), { minLength: 1, maxLength: 2 }),
        fc.constantFrom<StringMatch[]>([], [{ exact: '' }], [{ exact: 'a', prefix: 'b' }])),
      allowMethods: fc.array(ctx.pick('options', fc.constantFrom('GET', 'POST'), fc.constant('FETCH')), { maxLength: 2 }),
      maxAge: durationArb(ctx).filter(d => d.toMilliseconds({ integral: false }) % 1000 === 0 || ctx.wild.has('durations')),
    }, { requiredKeys: ['allowOrigins'] }),
    headers: fc.record({
      request: fc.record({ set: fc.dictionary(fc.constantFrom('x-version', 'X-Forwarded-For', 'yes'), nastyString().filter(headerValueOk), { maxKeys: 2 }), remove: fc.array(fc.constantFrom('x-debug', 'Cookie'), { maxLength: 2 }) }, { requiredKeys: [] }),
      response: fc.record({ add: ctx.pick('options', fc.dictionary(fc.constantFrom('x-served-by'), nastyString().filter(headerValueOk), { maxKeys: 1 }), fc.constant({ 'x bad': 'v' })) }, { requiredKeys: [] }),
    }, { requiredKeys: [] }),
  }, { requiredKeys: [] }), mirrors).map(([o, m]) => ({ ...o, ...m }));
}

function routeArb(ctx: Ctx, names: readonly string[]): fc.Arbitrary<CanaryRoute> {
  return fc.tuple(matchArb(ctx), versionRef(ctx, names), fc.option(optionsArb(ctx, names), { freq: 3, nil: undefined }))
    .map(([match, version, options]) => ({ ...options, match, version }));
}

function loadBalancerArb(ctx: Ctx): fc.Arbitrary<LoadBalancerSettings> {
  return fc.oneof(
    fc.constantFrom(
      LoadBalancerSettings.roundRobin(), LoadBalancerSettings.leastRequest(), LoadBalancerSettings.random(), LoadBalancerSettings.passthrough()),
    ctx.pick('policies',
      fc.constantFrom(ConsistentHashKey.header('x-user'), ConsistentHashKey.header('X-User'), ConsistentHashKey.sourceIp(), ConsistentHashKey.queryParameter('tenant'), ConsistentHashKey.cookie('session')),
      fc.constantFrom(ConsistentHashKey.header('x\r\nuser'), ConsistentHashKey.header(''), ConsistentHashKey.queryParameter(''), ConsistentHashKey.cookie('')),
    ).map(k => LoadBalancerSettings.consistentHash(k)),
    durationArb(ctx).map(ttl => LoadBalancerSettings.consistentHash(ConsistentHashKey.cookie('session', { ttl, path: '/' }))),
    fc.tuple(durationArb(ctx), percentageArb(ctx)).map(([duration, minimumPercent]) =>
      LoadBalancerSettings.roundRobin({ warmup: { duration, minimumPercent }, localityLbSetting: { enabled: true, failoverPriority: ['topology.kubernetes.io/region'] } })),
    fc.constantFrom(ConsistentHashAlgorithm.maglev(), ConsistentHashAlgorithm.ringHash(1024))
      .map(algorithm => LoadBalancerSettings.consistentHash(ConsistentHashKey.header('x-user'), { algorithm })),
  );
}

function trafficPolicyArb(ctx: Ctx): fc.Arbitrary<TrafficPolicy> {
  const count = ctx.pick('policies', fc.constantFrom(0, 1, 10, 100, 1024, 2147483647), boundaryNumber());
  const percent = ctx.pick('policies', fc.constantFrom(0, 10, 50, 100), fc.oneof(fc.constantFrom(12.5, 99.9), boundaryNumber()));
  const d = durationArb(ctx);
  return fc.record({
    loadBalancer: loadBalancerArb(ctx),
    connectionPool: fc.record({
      tcp: fc.record({
        maxConnections: count,
        connectTimeout: d,
        idleTimeout: d,
        maxConnectionDuration: d,
        tcpKeepalive: fc.record({ probes: count, time: d, interval: d }, { requiredKeys: [] }),
      }, { requiredKeys: [] }),
      http: fc.record({
        http1MaxPendingRequests: count,
        http2MaxRequests: count,
        maxRequestsPerConnection: count,
        maxRetries: count,
        idleTimeout: d,
        h2UpgradePolicy: fc.constantFrom(H2UpgradePolicy.DEFAULT, H2UpgradePolicy.UPGRADE, H2UpgradePolicy.DO_NOT_UPGRADE),
        useClientProtocol: fc.boolean(),
        maxConcurrentStreams: count,
      }, { requiredKeys: [] })
        // Istio refuses useClientProtocol with UPGRADE (validateConnectionPool)
        .filter(h => !(h.h2UpgradePolicy === H2UpgradePolicy.UPGRADE && h.useClientProtocol === true)),
    }, { requiredKeys: [] })
      // and a pool with neither tcp nor http
      .filter(pool => pool.tcp !== undefined || pool.http !== undefined),
    outlierDetection: fc.record({
      consecutive5xxErrors: count,
      consecutiveGatewayErrors: count,
      interval: d,
      baseEjectionTime: d,
      maxEjectionPercent: percent,
      minHealthPercent: percent,
    }, { requiredKeys: [] }),
    retryBudget: fc.record({ percent: percentageArb(ctx), minRetryConcurrency: count }, { requiredKeys: [] }),
    proxyProtocol: fc.constantFrom({}, { version: ProxyProtocolVersion.V2 }),
    tls: ctx.pick<ClientTlsSettings>('policies',
      fc.oneof(
        fc.constantFrom(ClientTlsMode.DISABLE, ClientTlsMode.SIMPLE, ClientTlsMode.ISTIO_MUTUAL).map(mode => ({ mode })),
        fc.constant<ClientTlsSettings>({ mode: ClientTlsMode.MUTUAL, credentialName: 'client-cert', sni: 'app.example.com', subjectAltNames: ['app.example.com'] }),
      ),
      fc.constantFrom<ClientTlsSettings>({ mode: ClientTlsMode.MUTUAL }, { mode: ClientTlsMode.ISTIO_MUTUAL, credentialName: 'x' }, { mode: 'STRICT' as ClientTlsMode })),
  }, { requiredKeys: [] })
    // Istio refuses an empty traffic policy (validateTrafficPolicy)
    .filter(policy => Object.values(policy).some(v => v !== undefined));
}

/** Service ports: sane ones target the container port 8080 and keep exactly one HTTP port or a routePort. */
function portsArb(ctx: Ctx): fc.Arbitrary<Pick<CanaryServiceProps, 'ports' | 'routePort'>> {
  const sane = fc.oneof(
    fc.constant({}),
    fc.constantFrom<Pick<CanaryServiceProps, 'ports' | 'routePort'>>(
      { ports: [{ name: 'http', port: 80, targetPort: CONTAINER_PORT }] },
      { ports: [{ name: 'http-web', port: CONTAINER_PORT }] },
      { ports: [{ port: 80, targetPort: CONTAINER_PORT, appProtocol: ServiceProtocol.HTTP2 }] },
      { ports: [{ name: 'web', port: 80, targetPort: CONTAINER_PORT, appProtocol: ServiceProtocol.GRPC_WEB }] },
      { ports: [{ name: 'http', port: 80, targetPort: CONTAINER_PORT }, { name: 'tcp-metrics', port: 9090, targetPort: CONTAINER_PORT }] },
      { ports: [{ name: 'http', port: 80, targetPort: CONTAINER_PORT }, { name: 'grpc', port: 9000, targetPort: CONTAINER_PORT }], routePort: 9000 },
      { ports: [{ name: 'https', port: 443, targetPort: CONTAINER_PORT }, { name: 'http2-api', port: 65535, targetPort: CONTAINER_PORT }] },
    ),
  );
  const wildPort: fc.Arbitrary<CanaryServicePort> = fc.record({
    name: fc.constantFrom('http', 'http-web', 'grpc', 'https', 'tcp', 'tls-x', 'web', 'HTTP', 'yes', 'http_x', ''),
    port: fc.oneof(fc.constantFrom(80, 8080, 9000), boundaryNumber()),
    targetPort: fc.oneof(fc.constant(CONTAINER_PORT), boundaryNumber()),
    appProtocol: fc.constantFrom(...Object.values(ServiceProtocol), 'mqtt' as ServiceProtocol),
  }, { requiredKeys: ['port'] });
  const wild = fc.record({
    ports: fc.option(fc.array(wildPort, { maxLength: 3 }), { nil: undefined }),
    routePort: fc.constantFrom(undefined, 80, 9000, 12345, 0.5),
  }, { requiredKeys: [] });
  return ctx.pick('ports', sane, wild);
}

/** The weights: default, canaryWeight (two versions), a valid split; wild: wrong sums, fractions, unknown names, both. */
function weightsArb(ctx: Ctx, names: readonly string[]): fc.Arbitrary<Pick<CanaryServiceProps, 'weights' | 'canaryWeight'>> {
  const split = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: names.length - 1, maxLength: names.length - 1 }).map(cuts => {
    const points = [0, ...[...cuts].sort((a, b) => a - b), 100];
    const weights: Record<string, number> = {};
    names.forEach((n, i) => { weights[n] = points[i + 1] - points[i]; });
    return { weights };
  });
  const sane = names.length === 2
    ? fc.oneof(fc.constant({}), fc.integer({ min: 0, max: 100 }).map(canaryWeight => ({ canaryWeight })), split)
    : fc.oneof(fc.constant({}), split);
  const wild = fc.oneof(
    boundaryNumber().map(canaryWeight => ({ canaryWeight })),
    fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.constant('unknown')), boundaryNumber(), { maxKeys: 3 }).map(weights => ({ weights })),
    fc.constant({ weights: { [names[0]]: 100 }, canaryWeight: 0 }),
    fc.constant({ weights: { [names[0]]: 99.5, [names[names.length - 1]]: 0.5 } }),
  );
  return ctx.pick('weights', sane, wild);
}

/** One version: a container on 8080 and sometimes pod labels, a user, replicas, its own traffic policy. */
function versionArb(ctx: Ctx, name: string): fc.Arbitrary<CanaryVersionProps> {
  return fc.record({
    podLabels: fc.option(labelsArb(ctx, 2), { freq: 3, nil: undefined }),
    ownLabel: ctx.pick('labels', fc.constant(undefined), fc.constantFrom('version', 'app')),
    user: ctx.pick('security', fc.constantFrom(undefined, 1000, 65534), fc.constantFrom(1337)),
    replicas: fc.constantFrom(undefined, 0, 1, 3),
    trafficPolicy: fc.option(trafficPolicyArb(ctx), { freq: 4, nil: undefined }),
    noContainers: ctx.pick('names', fc.constant(false), fc.boolean()),
  }).map(v => ({
    name,
    replicas: v.replicas,
    podMetadata: (v.podLabels || v.ownLabel) && { labels: { ...v.podLabels, ...(v.ownLabel ? { [v.ownLabel]: 'other' } : {}) } },
    containers: v.noContainers ? [] : [{
      image: 'ghcr.io/example/app:1.0',
      portNumber: CONTAINER_PORT,
      securityContext: v.user === undefined ? undefined : { user: v.user },
    }],
    trafficPolicy: v.trafficPolicy,
  }));
}

/** CanaryService props, valid and invalid, plus routes added after construction. */
interface Generated {
  readonly wild: Part[];
  readonly props: CanaryServiceProps;
  readonly laterRoutes: CanaryRoute[];
}

function generatedFor(ctx: Ctx): fc.Arbitrary<Generated> {
  const names = ctx.wild.has('names')
    ? fc.array(fc.oneof(fc.constantFrom(...SANE_VERSION_NAMES), fc.constantFrom(...WILD_VERSION_NAMES), nastyString()), { maxLength: 4 })
    : fc.uniqueArray(fc.constantFrom(...SANE_VERSION_NAMES), { minLength: 1, maxLength: 4 });
  return names.chain(versionNames => {
    const known = versionNames.length > 0 ? [...new Set(versionNames)] : ['v1'];
    return fc.record({
      versions: fc.tuple(...versionNames.map(n => versionArb(ctx, n))),
      weights: weightsArb(ctx, known),
      ports: portsArb(ctx),
      hosts: ctx.pick<string[] | undefined>('service', fc.constantFrom(undefined, ['app', 'shop.example.com']), fc.constantFrom([''], [])),
      gateways: gatewaysArb(ctx),
      routes: fc.array(routeArb(ctx, known), { maxLength: 3 }),
      laterRoutes: fc.array(routeArb(ctx, known), { maxLength: 2 }),
      defaultRoute: fc.option(optionsArb(ctx, known), { freq: 2, nil: undefined }),
      trafficPolicy: fc.option(trafficPolicyArb(ctx), { freq: 2, nil: undefined }),
      restrictedSecurity: fc.constantFrom(undefined, undefined, true, false),
      labels: ctx.pick<Pick<CanaryServiceProps, 'appLabel' | 'versionLabel'>>('service',
        fc.constantFrom({}, {}, { appLabel: 'app.kubernetes.io/name', versionLabel: 'app.kubernetes.io/version' }, { versionLabel: 'track' }),
        fc.constantFrom({ versionLabel: 'app' }, { appLabel: 'Bad Key' }, { versionLabel: '' })),
      serviceName: ctx.pick('service', fc.constantFrom(undefined, 'reviews', 'a'.repeat(63)), fc.constantFrom('1app', 'App', 'a'.repeat(64), '', 'yes.no')),
    });
  }).map(g => ({
    wild: [...ctx.wild],
    props: {
      serviceName: g.serviceName,
      versions: g.versions,
      ...g.weights,
      ...g.ports,
      hosts: g.hosts,
      gateways: saneGateways(ctx, g.gateways, [...g.routes, ...g.laterRoutes]),
      routes: g.routes,
      defaultRoute: g.defaultRoute,
      trafficPolicy: g.trafficPolicy,
      restrictedSecurity: g.restrictedSecurity,
      ...g.labels,
    },
    laterRoutes: g.laterRoutes,
  }));
}

/**
 * Sane gateways that lack mesh while a rule matches on source conditions get mesh written, as a user must
 * (the construct refuses such a rule rather than widening the gateways itself).
 */
function saneGateways(ctx: Ctx, gateways: string[] | undefined, routes: CanaryRoute[]): string[] | undefined {
  if (ctx.wild.has('gateways') || gateways === undefined || gateways.length === 0 || gateways.includes('mesh')) return gateways;
  const source = routes.some(r =>
    (r.match?.sourceLabels !== undefined && Object.keys(r.match.sourceLabels).length > 0) || r.match?.sourceNamespace !== undefined);
  return source ? [...gateways, 'mesh'] : gateways;
}

const generatedArb: fc.Arbitrary<Generated> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Part[]>([]) },
  { weight: 3, arbitrary: fc.subarray([...WILD_PARTS], { minLength: 1, maxLength: 2 }) },
).chain(wild => generatedFor(new Ctx(new Set(wild))));

// ---------------------------------------------------------------------------------------------------------
// oracles
// ---------------------------------------------------------------------------------------------------------

function carries(labels: Record<string, string> | undefined, selector: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

const GO_DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const DURATION_KEYS = new Set(['timeout', 'perTryTimeout', 'fixedDelay', 'maxAge', 'connectTimeout', 'idleTimeout',
  'maxConnectionDuration', 'interval', 'baseEjectionTime', 'ttl', 'backoff', 'duration', 'time']);
/** The CRD's `double` fields (the rest are int32/uint32). */
const DOUBLE_KEYS = new Set(['value', 'percent', 'minimumPercent', 'aggression']);
/** The largest Go `time.Duration` (int64 nanoseconds), in milliseconds. */
const GO_MAX_DURATION_MS = 9223372036854;

/** Istio's CEL rule `duration(self) >= duration('1ms')`: a Go duration string, in range, at least 1ms. */
function expectIstioDuration(where: string, value: unknown): void {
  const m = typeof value === 'string' ? GO_DURATION.exec(value) : null;
  const ms = m ? (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000 + Number(m[4] ?? 0) : Number.NaN;
  expect({ where, value, ok: m !== null && value !== '' && ms >= 1 && ms <= GO_MAX_DURATION_MS }).toEqual({ where, value, ok: true });
}

/**
 * Walks an Istio spec: durations are Istio durations; every number outside a `percentage`/`mirrorPercentage`
 * (`value`, a double) is an integer, as the CRD's int32/uint32 fields need.
 */
function expectIstioScalars(where: string, value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => expectIstioScalars(`${where}[${i}]`, v));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (DURATION_KEYS.has(k) && typeof v === 'string') expectIstioDuration(`${where}.${k}`, v);
      else if (DOUBLE_KEYS.has(k) && typeof v === 'number') expect({ where: `${where}.${k}`, v, finite: Number.isFinite(v) }).toEqual({ where: `${where}.${k}`, v, finite: true });
      else expectIstioScalars(`${where}.${k}`, v);
    }
  } else if (typeof value === 'number') {
    expect({ where, value, integer: Number.isInteger(value) && Math.abs(value) <= 4294967295 }).toEqual({ where, value, integer: true });
  }
}

/** GUIDE §4: the cross-object facts of a valid CanaryService. */
function expectObjectsAgree(objects: ManifestObject[], props: CanaryServiceProps): void {
  const appLabel = props.appLabel ?? 'app';
  const versionLabel = props.versionLabel ?? 'version';
  const svc = only(objects, 'Service');
  const dr = only(objects, 'DestinationRule').spec;
  const vs = only(objects, 'VirtualService').spec;
  const deployments = ofKind(objects, 'Deployment');
  const host = svc.metadata.name;
  expect(deployments).toHaveLength(props.versions.length);
  expect(dr.host).toBe(host);

  // every subset a route or mirror names exists [IST0101], on the Service's host [IST0174]
  const subsets = new Map<string, Record<string, string>>(dr.subsets.map((s: any) => [s.name, s.labels]));
  expect([...subsets.keys()]).toEqual(props.versions.map(v => v.name));
  const targets = [...(vs.http ?? []), ...(vs.tcp ?? []), ...(vs.tls ?? [])].flatMap((rule: any) => [
    ...(rule.route ?? []).map((r: any) => r.destination),
    ...(rule.mirror ? [rule.mirror] : []),
    ...(rule.mirrors ?? []).map((m: any) => m.destination),
  ]);
  for (const t of targets) {
    expect(t.host).toBe(host);
    expect(subsets.has(t.subset)).toBe(true);
    // multi-port Services name the port [IST0112]
    if (svc.spec.ports.length > 1) expect(svc.spec.ports.map((p: any) => p.port)).toContain(t.port?.number);
  }
  expect(vs.mirror === undefined || vs.mirrors === undefined).toBe(true);

  // each subset's labels are carried by exactly one Deployment's pods: its own [IST0173]
  for (const [name, labels] of subsets) {
    expect(Object.keys(labels).length).toBeGreaterThan(0);
    const selected = deployments.filter(d => carries(d.spec.template.metadata.labels, labels));
    expect({ subset: name, selected: selected.map(d => d.spec.template.metadata.labels[versionLabel]) }).toEqual({ subset: name, selected: [name] });
  }

  // the Service selects every Deployment's pods and has no version key; each Deployment selects by version
  expect(Object.keys(svc.spec.selector)).not.toContain(versionLabel);
  expect(svc.spec.selector[appLabel]).toBe(host);
  for (const d of deployments) {
    expect(carries(d.spec.template.metadata.labels, svc.spec.selector)).toBe(true);
    expect(carries(d.spec.template.metadata.labels, d.spec.selector.matchLabels)).toBe(true);
    expect(d.spec.selector.matchLabels[versionLabel]).toBe(d.spec.template.metadata.labels[versionLabel]);
  }

  // TCP and TLS ports: one weighted catch-all per port, last, with the weights of the HTTP split
  for (const kind of ['tcp', 'tls']) {
    for (const rule of vs[kind] ?? []) expect(rule.match?.length).toBeGreaterThan(0);
    for (const rule of (vs[kind] ?? []).filter((r: any) => r.route.length > 1 || r.route[0].weight !== undefined)) {
      expect(rule.route.map((r: any) => r.destination.subset)).toEqual(props.versions.map(v => v.name));
      expect(rule.route.reduce((sum: number, r: any) => sum + r.weight, 0)).toBe(100);
    }
  }
  // no HTTP port: no http section, and no HTTP rule was accepted
  if (vs.http === undefined) {
    expect(vs.tcp ?? vs.tls).toBeDefined();
    expectIstioScalars('VirtualService.spec', vs);
    expectIstioScalars('DestinationRule.spec', dr);
    return;
  }

  // rules first, the single catch-all last: integer weights 0-100 over every version, summing to 100 [IST0130/IST0131]
  const catchAll = vs.http[vs.http.length - 1];
  expect(catchAll.match).toBeUndefined();
  for (const rule of vs.http.slice(0, -1)) expect(rule.match?.length).toBeGreaterThan(0);
  expect(catchAll.route.map((r: any) => r.destination.subset)).toEqual(props.versions.map(v => v.name));
  for (const r of catchAll.route) expect(Number.isInteger(r.weight) && r.weight >= 0 && r.weight <= 100).toBe(true);
  expect(catchAll.route.reduce((sum: number, r: any) => sum + r.weight, 0)).toBe(100);

  // header match keys lowercase, exactly one of exact/prefix/regex; source rules only on the mesh
  for (const rule of vs.http) {
    for (const m of rule.match ?? []) {
      for (const record of [m.headers, m.withoutHeaders]) {
        for (const [k, sm] of Object.entries<any>(record ?? {})) {
          expect(k).toBe(k.toLowerCase());
          expect(Object.keys(sm)).toHaveLength(1);
        }
      }
      if (m.sourceLabels || m.sourceNamespace) {
        // never together with match-level gateways; the VirtualService's gateways include mesh as written
        expect(m.gateways).toBeUndefined();
        if (vs.gateways !== undefined) expect(vs.gateways).toContain('mesh');
      }
    }
  }

  // durations parse and are at least 1ms; integer fields are integers
  expectIstioScalars('VirtualService.spec', vs);
  expectIstioScalars('DestinationRule.spec', dr);
}

type Setter<T> = (value: T) => Partial<CanaryServiceProps>;

/** Every numeric field of the props, with the prop path a refusal must name. */
const NUMBER_FIELDS: ReadonlyArray<readonly [string, Setter<number>]> = [
  ['canaryWeight', n => ({ canaryWeight: n })],
  ['weights', n => ({ weights: { v1: n, v2: 100 - n } })],
  ['ports[0].port', n => ({ ports: [{ name: 'http', port: n, targetPort: CONTAINER_PORT }] })],
  ['routePort', n => ({ routePort: n })],
  ['defaultRoute.retries.attempts', n => ({ defaultRoute: { retries: { attempts: n } } })],
  ['defaultRoute.mirror.percentage', n => ({ defaultRoute: { mirror: { version: 'v2', percentage: n } } })],
  ['defaultRoute.mirrors[0].percentage', n => ({ defaultRoute: { mirrors: [{ version: 'v2', percentage: n }] } })],
  ['defaultRoute.fault.delay.percentage', n => ({ defaultRoute: { fault: { delay: { fixedDelay: Duration.seconds(1), percentage: n } } } })],
  ['defaultRoute.fault.abort.httpStatus', n => ({ defaultRoute: { fault: { abort: { httpStatus: n, percentage: 10 } } } })],
  ['defaultRoute.fault.abort.percentage', n => ({ defaultRoute: { fault: { abort: { httpStatus: 503, percentage: n } } } })],
  ['trafficPolicy.connectionPool.tcp.maxConnections', n => ({ trafficPolicy: { connectionPool: { tcp: { maxConnections: n } } } })],
  ['trafficPolicy.connectionPool.http.http1MaxPendingRequests', n => ({ trafficPolicy: { connectionPool: { http: { http1MaxPendingRequests: n } } } })],
  ['trafficPolicy.connectionPool.http.http2MaxRequests', n => ({ trafficPolicy: { connectionPool: { http: { http2MaxRequests: n } } } })],
  ['trafficPolicy.connectionPool.http.maxRequestsPerConnection', n => ({ trafficPolicy: { connectionPool: { http: { maxRequestsPerConnection: n } } } })],
  ['trafficPolicy.connectionPool.http.maxRetries', n => ({ trafficPolicy: { connectionPool: { http: { maxRetries: n } } } })],
  ['trafficPolicy.outlierDetection.consecutive5xxErrors', n => ({ trafficPolicy: { outlierDetection: { consecutive5xxErrors: n } } })],
  ['trafficPolicy.outlierDetection.consecutiveGatewayErrors', n => ({ trafficPolicy: { outlierDetection: { consecutiveGatewayErrors: n } } })],
  ['trafficPolicy.outlierDetection.maxEjectionPercent', n => ({ trafficPolicy: { outlierDetection: { maxEjectionPercent: n } } })],
  ['trafficPolicy.outlierDetection.minHealthPercent', n => ({ trafficPolicy: { outlierDetection: { minHealthPercent: n } } })],
  ['trafficPolicy.outlierDetection.consecutiveLocalOriginFailures', n => ({ trafficPolicy: { outlierDetection: { consecutiveLocalOriginFailures: n } } })],
  ['trafficPolicy.connectionPool.http.maxConcurrentStreams', n => ({ trafficPolicy: { connectionPool: { http: { maxConcurrentStreams: n } } } })],
  ['trafficPolicy.connectionPool.tcp.tcpKeepalive.probes', n => ({ trafficPolicy: { connectionPool: { tcp: { tcpKeepalive: { probes: n } } } } })],
  ['trafficPolicy.retryBudget.percent', n => ({ trafficPolicy: { retryBudget: { percent: n } } })],
  ['trafficPolicy.retryBudget.minRetryConcurrency', n => ({ trafficPolicy: { retryBudget: { minRetryConcurrency: n } } })],
  ['trafficPolicy.tunnel.targetPort', n => ({ trafficPolicy: { tunnel: { targetHost: 'app.internal', targetPort: n } } })],
  ['trafficPolicy.loadBalancer.warmup.minimumPercent',
    n => ({ trafficPolicy: { loadBalancer: LoadBalancerSettings.roundRobin({ warmup: { duration: Duration.seconds(10), minimumPercent: n } }) } })],
  ['trafficPolicy.loadBalancer.consistentHash.ringHash.minimumRingSize',
    n => ({ trafficPolicy: { loadBalancer: LoadBalancerSettings.consistentHash(ConsistentHashKey.sourceIp(), { algorithm: ringHash(n) }) } })],
  ['trafficPolicy.portLevelSettings[0].port', n => ({ trafficPolicy: { portLevelSettings: [{ port: n }] } })],
  ['defaultRoute.fault.abort.grpcStatus', n => ({ defaultRoute: { fault: { abort: { grpcStatus: n as unknown as GrpcStatus, percentage: 1 } } } })],
  ['routes[0].redirect.port', n => ({ routes: [{ match: { uri: { prefix: '/old' } }, redirect: { port: n } }] })],
  ['routes[0].redirect.redirectCode', n => ({ routes: [{ match: { uri: { prefix: '/old' } }, redirect: { uri: '/new', redirectCode: n } }] })],
  ['routes[0].directResponse.status', n => ({ routes: [{ match: { uri: { prefix: '/old' } }, directResponse: { status: n } }] })],
  ['routes[0].match.port', n => ({ routes: [{ match: { port: n }, version: 'v2' }] })],
  ['routes[0].weights', n => ({ routes: [{ match: { uri: { prefix: '/beta' } }, weights: { v1: n, v2: 100 - n } }] })],
];

function ringHash(minimumRingSize: number): ConsistentHashAlgorithm {
  return ConsistentHashAlgorithm.ringHash(minimumRingSize);
}

/** Every Duration field of the props. */
const DURATION_FIELDS: ReadonlyArray<readonly [string, Setter<Duration>]> = [
  ['defaultRoute.timeout', d => ({ defaultRoute: { timeout: d } })],
  ['defaultRoute.retries.perTryTimeout', d => ({ defaultRoute: { retries: { attempts: 2, perTryTimeout: d } } })],
  ['defaultRoute.fault.delay.fixedDelay', d => ({ defaultRoute: { fault: { delay: { fixedDelay: d, percentage: 10 } } } })],
  ['defaultRoute.corsPolicy.maxAge', d => ({ defaultRoute: { corsPolicy: { allowOrigins: [{ prefix: 'https://' }], maxAge: d } } })],
  ['trafficPolicy.connectionPool.tcp.connectTimeout', d => ({ trafficPolicy: { connectionPool: { tcp: { connectTimeout: d } } } })],
  ['trafficPolicy.connectionPool.tcp.idleTimeout', d => ({ trafficPolicy: { connectionPool: { tcp: { idleTimeout: d } } } })],
  ['trafficPolicy.connectionPool.tcp.maxConnectionDuration', d => ({ trafficPolicy: { connectionPool: { tcp: { maxConnectionDuration: d } } } })],
  ['trafficPolicy.connectionPool.http.idleTimeout', d => ({ trafficPolicy: { connectionPool: { http: { idleTimeout: d } } } })],
  ['trafficPolicy.outlierDetection.interval', d => ({ trafficPolicy: { outlierDetection: { interval: d } } })],
  ['trafficPolicy.outlierDetection.baseEjectionTime', d => ({ trafficPolicy: { outlierDetection: { baseEjectionTime: d } } })],
  ['trafficPolicy.loadBalancer.consistentHash.cookie.ttl',
    d => ({ trafficPolicy: { loadBalancer: LoadBalancerSettings.consistentHash(ConsistentHashKey.cookie('session', { ttl: d })) } })],
  ['defaultRoute.retries.backoff', d => ({ defaultRoute: { retries: { attempts: 2, backoff: d } } })],
  ['trafficPolicy.loadBalancer.warmup.duration', d => ({ trafficPolicy: { loadBalancer: LoadBalancerSettings.leastRequest({ warmup: { duration: d } }) } })],
  ['trafficPolicy.connectionPool.tcp.tcpKeepalive.time', d => ({ trafficPolicy: { connectionPool: { tcp: { tcpKeepalive: { time: d } } } } })],
  ['trafficPolicy.connectionPool.tcp.tcpKeepalive.interval', d => ({ trafficPolicy: { connectionPool: { tcp: { tcpKeepalive: { interval: d } } } } })],
];

function build(g: Generated): () => ReturnType<typeof Testing.chart> {
  return () => {
    const chart = Testing.chart();
    const service = new CanaryService(chart, 'app', g.props);
    for (const r of g.laterRoutes) service.addRoute(r);
    return chart;
  };
}

// ---------------------------------------------------------------------------------------------------------
// properties
// ---------------------------------------------------------------------------------------------------------

describe('CanaryService properties', () => {
  test('generated props synthesize to valid, mutually consistent objects or are refused with path and prop', () => {
    const tally = new OutcomeTally();
    let saneValid = 0;
    fc.assert(fc.property(generatedArb, g => {
      const outcome: Outcome = tally.add(synthOrRefuse(build(g)));
      if (outcome.kind === 'refused') {
        expect(outcome.message).toContain(PATH);
        // sane props are valid; the only refusal they can meet is two generated rules with the same match
        if (g.wild.length === 0) expect(outcome.message).toMatch(/duplicates the match of/);
        return;
      }
      if (g.wild.length === 0) saneValid++;
      expectObjectsAgree(outcome.objects, g.props);
      // secure defaults, unless the props opted out of the restricted Pod Security Standard
      if (g.props.restrictedSecurity !== false) expect(expectRestrictedWorkloads(outcome.objects)).toBe(g.props.versions.length);
    }), runs(200));
    // both branches were exercised: a degenerate generator fails here
    expect(saneValid).toBeGreaterThan(30);
    expect(tally.valid).toBeGreaterThan(60);
    expect(tally.refused).toBeGreaterThan(60);
  });

  test('one edge value at a time, in any numeric or duration field: written as Istio accepts it, or refused naming that field', () => {
    // GIVEN otherwise valid props with a single field set to an edge number or duration
    const edgeNumber = fc.oneof(boundaryNumber(), fc.constantFrom(12.5, 99.9, 2147483647, 2 ** 32, 4294967295, -0));
    const edgeMillis = fc.constantFrom(
      0, 0.5, 1, 1.5, 999, 1000, 1500, 2 ** 53, 9223372036854, 9223372036855, 1e16, Number.NaN, Number.POSITIVE_INFINITY);
    const edgeArb = fc.oneof(
      fc.tuple(fc.constantFrom(...NUMBER_FIELDS), edgeNumber).map(([[prop, set], n]) => ({ prop, value: n as unknown, make: () => set(n) })),
      fc.tuple(fc.constantFrom(...DURATION_FIELDS), edgeMillis)
        .map(([[prop, set], ms]) => ({ prop, value: `${ms}ms` as unknown, make: () => set(Duration.millis(ms)) })),
    );
    const tally = new OutcomeTally();
    fc.assert(fc.property(edgeArb, edge => {
      // a static factory (LoadBalancerSettings.roundRobin(...)) may refuse the value itself, naming its argument
      let edgeProps: Partial<CanaryServiceProps>;
      try {
        edgeProps = edge.make();
      } catch (e: any) {
        expect(e.message).toMatch(/^\[(LoadBalancerSettings|ConsistentHashAlgorithm)\] '[^']+' \(/);
        return;
      }
      const props: CanaryServiceProps = {
        versions: ['v1', 'v2'].map(name => ({ name, containers: [{ image: 'ghcr.io/example/app:1.0', portNumber: CONTAINER_PORT }] })),
        ...edgeProps,
      };
      // WHEN
      const outcome = tally.add(synthOrRefuse(build({ wild: [], props, laterRoutes: [] })));
      // THEN a refusal names the field; a valid outcome holds every cross-object and Istio scalar fact
      // at construction `[test/app] 'prop'`; from the validation layer at synth `[test/app] <Kind> <name>: 'prop'`
      if (outcome.kind === 'refused') expect(outcome.message).toMatch(new RegExp(`\\[test/app\\] (\\w+ [a-z0-9-]+: )?'${escapeRegExp(edge.prop)}`));
      else expectObjectsAgree(outcome.objects, props);
    }), runs(250));
    expect(tally.valid).toBeGreaterThan(30);
    expect(tally.refused).toBeGreaterThan(30);
  });

  test('100 versions synthesize without a stack overflow, one weight point each', () => {
    const names = Array.from({ length: 100 }, (_, i) => `v${i}`);
    const props: CanaryServiceProps = {
      versions: names.map(name => ({ name, containers: [{ image: 'ghcr.io/example/app:1.0', portNumber: CONTAINER_PORT }] })),
      weights: Object.fromEntries(names.map(n => [n, 1])),
    };
    const outcome = synthOrRefuse(build({ wild: [], props, laterRoutes: [] }));
    expect(outcome.kind).toBe('valid');
    if (outcome.kind !== 'valid') return;
    expectObjectsAgree(outcome.objects, props);
    expect(expectRestrictedWorkloads(outcome.objects)).toBe(100);
    expect(only(outcome.objects, 'DestinationRule').spec.subsets).toHaveLength(100);
  });

  test('1000 header routes synthesize without a stack overflow, in order, before the catch-all', () => {
    const props: CanaryServiceProps = {
      versions: ['v1', 'v2'].map(name => ({ name, containers: [{ image: 'ghcr.io/example/app:1.0', portNumber: CONTAINER_PORT }] })),
      canaryWeight: 10,
    };
    const laterRoutes: CanaryRoute[] = Array.from({ length: 1000 }, (_, i) => ({
      match: { headers: { [`x-rule-${i}`]: { exact: NASTY_STRINGS[i % NASTY_STRINGS.length] } } },
      version: i % 2 === 0 ? 'v1' : 'v2',
    }));
    const outcome = synthOrRefuse(build({ wild: [], props, laterRoutes }));
    expect(outcome.kind).toBe('valid');
    if (outcome.kind !== 'valid') return;
    expectObjectsAgree(outcome.objects, props);
    const http = only(outcome.objects, 'VirtualService').spec.http;
    expect(http).toHaveLength(1001);
    expect(http.slice(0, -1).map((r: any) => Object.keys(r.match[0].headers)[0])).toEqual(laterRoutes.map(r => Object.keys(r.match.headers!)[0]));
  });
});

// ---------------------------------------------------------------------------------------------------------
// nothing lost
// ---------------------------------------------------------------------------------------------------------

/** Strings YAML 1.1 would re-type if written plain, always among the values. */
const RETYPED = ['yes', 'no', 'on', 'off', 'true', 'null', '~', '1.0', '0123', '0x1', '1e3', '12:30', '2019-07-03', '{{ x }}', ''];
const LABEL_VALUES = ['yes', 'no', 'on', 'true', 'null', '1.0', '0123', '1e3', '0x1', '', 'web', 'a_b.c'];

interface UserVersion {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly podAnnotations: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly env: Record<string, string>;
  readonly ports: number[];
}

interface UserInput {
  readonly versions: UserVersion[];
  readonly routes: CanaryRoute[];
}

const userValue = fc.oneof(fc.constantFrom(...RETYPED), nastyString());

const userVersionNames = fc.uniqueArray(fc.constantFrom(...SANE_VERSION_NAMES), { minLength: 1, maxLength: 3 });

const userInputArb: fc.Arbitrary<UserInput> = userVersionNames.chain(names => fc.record({
  versions: fc.tuple(...names.map(name => fc.record({
    name: fc.constant(name),
    labels: fc.dictionary(fc.constantFrom('tier', 'team', 'track', 'app.kubernetes.io/part-of', 'example.com/on'), fc.constantFrom(...LABEL_VALUES), { maxKeys: 4 }),
    podAnnotations: fc.dictionary(fc.constantFrom('prometheus.io/scrape', 'sidecar.istio.io/inject', 'note', 'yes'), userValue, { maxKeys: 4 }),
    annotations: fc.dictionary(fc.constantFrom('owner', 'example.com/ticket', 'on'), userValue, { maxKeys: 3 }),
    env: fc.dictionary(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/), userValue, { maxKeys: 6 }),
    ports: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }).filter(n => n !== CONTAINER_PORT), { maxLength: 3 }),
  }))),
  routes: fc.array(fc.tuple(
    fc.dictionary(fc.constantFrom('end-user', 'x-canary', 'cookie', 'yes'), fc.oneof(
      userValue.map(exact => ({ exact })),
      userValue.filter(nonEmptyPrefix).map(prefix => ({ prefix })),
      fc.constantFrom(...REGEXES_OK).map(regex => ({ regex })),
    ), { maxKeys: 2 }),
    userValue,
    fc.constantFrom(...names),
  ), { maxLength: 5 }).map(rules => rules.map(([headers, value, version], i): CanaryRoute => ({
    // a key of its own keeps every rule's match distinct
    match: { headers: { ...headers, [`x-rule-${i}`]: { exact: value } } },
    version,
  }))),
}));

function userProps(input: UserInput): CanaryServiceProps {
  return {
    versions: input.versions.map(v => ({
      name: v.name,
      metadata: { annotations: v.annotations },
      podMetadata: { labels: v.labels, annotations: v.podAnnotations },
      containers: [{
        image: 'ghcr.io/example/app:1.0',
        portNumber: CONTAINER_PORT,
        ports: v.ports.map(number => ({ number })),
        envVariables: Object.fromEntries(Object.entries(v.env).map(([k, value]) => [k, kplus.EnvValue.fromValue(value)])),
      }],
    })),
    routes: input.routes,
  };
}

/** Exactly one element of `items` satisfies `pred`. */
function exactlyOne<T>(what: string, items: readonly T[], pred: (t: T) => boolean): void {
  expect({ what, count: items.filter(pred).length }).toEqual({ what, count: 1 });
}

describe('CanaryService loses nothing', () => {
  test('every pod label, annotation, env var, container port and header rule appears exactly once, in its place, as a string', () => {
    fc.assert(fc.property(userInputArb, input => {
      const props = userProps(input);
      const outcome = synthOrRefuse(build({ wild: [], props, laterRoutes: [] }));
      if (outcome.kind !== 'valid') throw new Error(`valid user input was refused: ${outcome.message}`);
      // what Kubernetes reads back: the YAML, parsed as YAML 1.1
      const parsed: any[] = parseAllDocuments(outcome.yaml, KUBERNETES_YAML).map(d => d.toJS());
      const deployments = parsed.filter(o => o.kind === 'Deployment');
      for (const v of input.versions) {
        const d = deployments.find(o => o.metadata.name === `app-${v.name}`);
        expect(d).toBeDefined();
        // metadata annotations and pod annotations: all of them, with their string values
        expect(d.metadata.annotations ?? {}).toEqual(v.annotations);
        const template = d.spec.template.metadata;
        expect(template.annotations ?? {}).toEqual(v.podAnnotations);
        // pod labels: the user's next to the construct's two (and cdk8s-plus's own address label)
        const labels = Object.fromEntries(Object.entries(template.labels).filter(([k]) => k !== 'cdk8s.io/metadata.addr'));
        expect(labels).toEqual({ ...v.labels, app: 'app', version: v.name });
        for (const value of [...Object.values(template.annotations ?? {}), ...Object.values(template.labels)]) expect(typeof value).toBe('string');
        // the other Deployments do not carry this version's own labels
        for (const other of deployments.filter(o => o !== d)) {
          expect(other.spec.template.metadata.labels.version).not.toBe(v.name);
        }
        const [container] = d.spec.template.spec.containers;
        const env: Array<{ name: string; value: unknown }> = container.env ?? [];
        expect(env).toHaveLength(Object.keys(v.env).length);
        for (const [name, value] of Object.entries(v.env)) {
          exactlyOne(`env ${name} of ${v.name}`, env, e => e.name === name);
          const entry = env.find(e => e.name === name)!;
          expect(typeof entry.value).toBe('string');
          expect(entry.value).toBe(value);
        }
        const ports: number[] = (container.ports ?? []).map((p: any) => p.containerPort);
        expect([...ports].sort((a, b) => a - b)).toEqual([CONTAINER_PORT, ...v.ports].sort((a, b) => a - b));
      }
      const http: any[] = parsed.find(o => o.kind === 'VirtualService').spec.http;
      expect(http).toHaveLength(input.routes.length + 1);
      for (const r of input.routes) {
        exactlyOne(`rule ${JSON.stringify(r.match.headers)}`, http, rule => {
          const headers = rule.match?.[0]?.headers;
          return JSON.stringify(headers) === JSON.stringify(sortedKeys(r.match.headers!)) && rule.route[0].destination.subset === r.version;
        });
      }
      for (const rule of http.slice(0, -1)) {
        for (const m of Object.values<any>(rule.match[0].headers)) expect(typeof Object.values(m)[0]).toBe('string');
      }
    }), runs(60));
  });
});

function sortedKeys(record: Record<string, StringMatch>): Record<string, StringMatch> {
  return Object.fromEntries(Object.keys(record).sort().map(k => [k, record[k]]));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
