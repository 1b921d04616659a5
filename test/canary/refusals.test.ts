import { Duration, Testing } from 'cdk8s';
import { CanaryRoute, CanaryService, CanaryServiceProps, ClientTlsMode, ConsistentHashKey, LoadBalancerSettings, ServiceProtocol } from '../../src';

// Every refusal names the construct path, the prop and the value, and says what is allowed.
const PATH = '[test/app]';

function versions(...names: string[]) {
  return names.map(name => ({ name, containers: [{ image: `ghcr.io/example/app:${name}`, portNumber: 8080 }] }));
}

function make(props: Partial<CanaryServiceProps> = {}): CanaryService {
  return new CanaryService(Testing.chart(), 'app', { versions: versions('v1', 'v2'), ...props });
}

function withRoute(route: Partial<CanaryRoute>): () => void {
  return () => make().addRoute({ match: { headers: { 'x-canary': { exact: 'yes' } } }, version: 'v2', ...route } as CanaryRoute);
}

/** [what is refused, how, the message parts (prop and value, then what is allowed)] */
const cases: Array<[string, () => unknown, string[]]> = [
  // GUIDE §4 rule 1: weights
  ['weights that do not sum to 100', () => make({ weights: { v1: 60, v2: 30 } }),
    ["'weights' ({\"v1\":60,\"v2\":30})", 'must sum to 100 (they sum to 90)']],
  ['a weight that is not an integer', () => make({ weights: { v1: 97.5, v2: 2.5 } }),
    ["'weights[\"v1\"]' (97.5)", 'must be an integer from 0 to 100']],
  ['a weight above 100', () => make({ canaryWeight: 120 }), ["'canaryWeight' (120)", 'must be an integer from 0 to 100']],
  ['a negative weight', () => make({ weights: { v1: 100, v2: -10 } }), ["'weights[\"v2\"]' (-10)", 'must be an integer from 0 to 100']],
  ['a weight for a version that does not exist', () => make({ weights: { v1: 90, v3: 10 } }),
    ["'weights[\"v3\"]' (10)", 'names no version; the versions are v1, v2']],
  ['canaryWeight with three versions', () => make({ versions: versions('v1', 'v2', 'v3'), canaryWeight: 10 }),
    ["'canaryWeight' (10)", 'needs exactly two versions (stable, canary), not 3']],
  ['canaryWeight together with weights', () => make({ canaryWeight: 10, weights: { v1: 100 } }),
    ["'canaryWeight' (10)", "must not be set together with 'weights'"]],

  // rule 2: routes and mirrors name existing versions [IST0101]
  ['a route to an unknown version', withRoute({ version: 'v3' }),
    ["'routes[0].version' (\"v3\")", 'must name a version of this service (v1, v2)', '[IST0101]']],
  ['a mirror to an unknown version', withRoute({ mirror: { version: 'v9' } }),
    ["'routes[0].mirror.version' (\"v9\")", 'must name a version of this service (v1, v2)']],
  ['a catch-all mirror to an unknown version', () => make({ defaultRoute: { mirrors: [{ version: 'shadow' }] } }),
    ["'defaultRoute.mirrors[0].version' (\"shadow\")", 'must name a version']],

  // rule 3: versions and labels are distinct
  ['duplicate version names', () => make({ versions: versions('v1', 'v1') }),
    ["'versions[1].name' (\"v1\")", 'must be unique: versions[0] has the same name']],
  ['the same key for the app and version labels', () => make({ appLabel: 'app', versionLabel: 'app' }),
    ["'versionLabel' (\"app\")", "must differ from 'appLabel'"]],
  ['a pod label that contradicts the version label', () => make({
    versions: [{ ...versions('v1')[0], podMetadata: { labels: { version: 'v2' } } }],
  }), ["'versions[0].podMetadata.labels[\"version\"]' (\"v2\")", 'must be "v1" or left out']],
  ['a version name that is not a DNS-1123 label', () => make({ versions: versions('V1') }),
    ["'versions[0].name' (\"V1\")", 'must be a DNS-1123 label']],
  ['a version that asks cdk8s-plus to select its pods', () => make({ versions: [{ ...versions('v1')[0], select: true }] }),
    ["'versions[0].select' (true)", 'must be left out: the construct selects the pods by the app and version labels']],
  ['two versions with the same Deployment name', () => make({
    versions: [{ ...versions('v1')[0], metadata: { name: 'app' } }, { ...versions('v2')[0], metadata: { name: 'app' } }],
  }), ["'versions[1].metadata.name' (\"app\")", 'must be unique: versions[0] has a Deployment of that name']],
  ['no versions', () => make({ versions: [] }), ["'versions' ([])", 'must list at least one version']],
  ['a version without containers', () => make({ versions: [{ name: 'v1' }] }),
    ["'versions[0].containers' (undefined)", 'must list at least one container']],

  // rule 5: ports [IST0118, IST0112]
  ['a port name Istio cannot read', () => make({ ports: [{ name: 'web', port: 80, targetPort: 8080 }] }),
    ["'ports[0].name' (\"web\")", 'must be named by protocol (http, http2, https, grpc, tcp, tls', '[IST0118]']],
  ['several HTTP ports without routePort', () => make({
    ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'http-admin', port: 8081, targetPort: 8080 }],
  }), ["'routePort' (undefined)", 'must be set: the Service has 2 ports and 2 of them speak HTTP', '[IST0112]']],
  ['a routePort that is not a Service port', () => make({ routePort: 8443 }),
    ["'routePort' (8443)", 'must be one of the Service ports (80)']],
  ['a routePort that does not speak HTTP', () => make({
    ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'tcp', port: 9000, targetPort: 8080 }], routePort: 9000,
  }), ["'routePort' (9000)", 'must be a port that speaks HTTP']],
  ['an HTTP rule on a Service without HTTP port', () => make({ ports: [{ name: 'tcp', port: 9000, targetPort: 8080 }] })
    .routeHeader('x-canary', { exact: 'yes' }, 'v2'),
  ["'routes[0]' ({\"match\":{\"headers\":{\"x-canary\":{\"exact\":\"yes\"}}},\"version\":\"v2\"})", 'needs a Service port that speaks HTTP']],
  ['an unknown appProtocol', () => make({ ports: [{ name: 'web', port: 80, appProtocol: 'mqtt' as ServiceProtocol }] }),
    ["'ports[0].appProtocol' (\"mqtt\")", 'must be one of http, http2, https, grpc, grpc-web, tcp, tls']],
  ['a port out of range', () => make({ ports: [{ name: 'http', port: 70000 }] }),
    ["'ports[0].port' (70000)", 'must be an integer from 1 to 65535']],
  ['duplicate port names', () => make({ ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }], routePort: 80 }),
    ["'ports[1].name' (\"http\")", 'must be unique (ports[0] has it)']],
  ['no ports and no container port', () => make({ versions: [{ name: 'v1', containers: [{ image: 'nginx' }] }] }),
    ["'ports' (undefined)", 'must be set when the first container of the first version declares no port']],

  // rule 6: matches [IST0130, IST0131]
  ['an uppercase header key', withRoute({ match: { headers: { 'X-User': { exact: 'jason' } } } }),
    ["'routes[0].match.headers[\"X-User\"]' (\"X-User\")", 'must be lowercase', '(use "x-user")']],
  ['a header match with more than one of exact/prefix/regex', withRoute({ match: { headers: { 'x-user': { exact: 'a', prefix: 'b' } } } }),
    ["'routes[0].match.headers[\"x-user\"]' ({\"exact\":\"a\",\"prefix\":\"b\"})", "must set exactly one of 'exact', 'prefix' or 'regex' (it sets exact, prefix)"]],
  ['a header match with none of exact/prefix/regex', withRoute({ match: { headers: { 'x-user': {} } } }),
    ["'routes[0].match.headers[\"x-user\"]' ({})", "must set exactly one of 'exact', 'prefix' or 'regex' (it sets none)"]],
  ['a rule without conditions (a second catch-all)', withRoute({ match: {} }),
    ["'routes[0].match' ({})", 'must set at least one condition', 'the weighted route after it would never be used [IST0130]']],
  ['a rule matching every path', withRoute({ match: { uri: { prefix: '/' } } }),
    ["'routes[0].match' ({\"uri\":{\"prefix\":\"/\"}})", 'must set at least one condition that narrows the traffic']],
  ['a rule that repeats an earlier match', () => {
    const c = make();
    c.routeHeader('x-canary', { exact: 'yes' }, 'v2');
    c.routeHeader('x-canary', { exact: 'yes' }, 'v1');
  }, ["'routes[1].match'", 'duplicates the match of routes[0], which is written first, so this rule would never be used [IST0130/IST0131]']],
  ['a regex that does not compile', withRoute({ match: { uri: { regex: '^/api/(v1' } } }),
    ["'routes[0].match.uri.regex' (\"^/api/(v1\")", 'must be a valid RE2 regular expression', 'error parsing regexp: missing closing ): `^/api/(v1`', '[IST0122]']],
  ['a regex RE2 cannot run', withRoute({ match: { uri: { regex: '^/(?!internal)' } } }),
    ["'routes[0].match.uri.regex' (\"^/(?!internal)\")", 'invalid or unsupported Perl syntax: `(?!`']],
  ['a regex with an escape RE2 does not know (\\Z)', withRoute({ match: { uri: { regex: '^/api\\Z' } } }),
    ["'routes[0].match.uri.regex' (\"^/api\\\\Z\")", 'must be a valid RE2 regular expression', 'invalid escape sequence: `\\Z`']],
  ['a regex with a named back-reference', withRoute({ match: { uri: { regex: '^/(?<p>[a-z]+)/\\k<p>$' } } }),
    ['must be a valid RE2 regular expression', 'invalid escape sequence: `\\k`']],
  ['a regex with a JavaScript unicode escape', withRoute({ match: { uri: { regex: '^/caf\\u00e9' } } }),
    ['must be a valid RE2 regular expression', 'invalid escape sequence: `\\u`']],
  ['a source label that is not a label', withRoute({ match: { sourceLabels: { 'app name': 'x' } } }),
    ["'routes[0].match.sourceLabels[\"app name\"]' (\"app name\")", 'must be a Kubernetes label key']],

  // rule 7: sourceLabels need mesh; Istio ignores source conditions in a match that names gateways
  ['a source-label match restricted to gateways', withRoute({
    match: { sourceLabels: { app: 'productpage' }, gateways: ['shop/public', 'mesh'] },
  }), ["'routes[0].match.gateways' ([\"shop/public\",\"mesh\"])", 'must not be set together with sourceLabels or sourceNamespace',
    'Istio ignores the source conditions of a match that names gateways']],
  ['a source-label rule while the gateways lack mesh', () => make({ gateways: ['shop/public'] }).routeSourceLabels({ app: 'productpage' }, 'v2'),
    ["'routes[0].match.sourceLabels' ({\"app\":\"productpage\"})", "only ever match sidecar traffic, but 'gateways' ([\"shop/public\"]) lacks 'mesh'",
      'Write gateways: ["shop/public","mesh"]']],

  // rule 8: durations, percentages, mirror vs mirrors
  ['a zero timeout', withRoute({ timeout: Duration.millis(0) }),
    ["'routes[0].timeout' (\"0ms\")", 'must be a whole number of milliseconds, at least 1ms']],
  ['a sub-millisecond timeout', withRoute({ timeout: Duration.millis(1.5) }),
    ["'routes[0].timeout' (\"1.5ms\")", 'must be a whole number of milliseconds, at least 1ms']],
  ['a timeout past Go\'s duration range (CEL cannot parse it)', withRoute({ timeout: Duration.millis(9223372036855) }),
    ["'routes[0].timeout' (\"9223372036855ms\")", 'must be at most 9223372036854ms (about 292 years)']],
  ['a zero per-try timeout', withRoute({ retries: { attempts: 3, perTryTimeout: Duration.seconds(0) } }),
    ["'routes[0].retries.perTryTimeout' (\"0ms\")", 'at least 1ms']],
  ['a mirror percentage above 100', withRoute({ mirror: { version: 'v2', percentage: 150 } }),
    ["'routes[0].mirror.percentage' (150)", 'must be a percentage from 0 to 100']],
  ['mirror and mirrors together', withRoute({ mirror: { version: 'v2' }, mirrors: [{ version: 'v1' }] }),
    ["'routes[0].mirrors' ([{\"version\":\"v1\"}])", "must not be set together with 'mirror'"]],
  ['retry options with retries disabled', withRoute({ retries: { attempts: 0, retryOn: ['5xx'] } }),
    ["'routes[0].retries.attempts' (0)", "disables retries, so 'retryOn' must not be set"]],
  ['an unknown retryOn policy', withRoute({ retries: { attempts: 2, retryOn: ['5xx', 'on-error'] } }),
    ["'routes[0].retries.retryOn[1]' (\"on-error\")", 'must be an HTTP status code Go names or one of 5xx, gateway-error']],
  ['a retryOn status code Go has no name for', withRoute({ retries: { attempts: 2, retryOn: ['599'] } }),
    ["'routes[0].retries.retryOn[0]' (\"599\")", 'must be an HTTP status code Go names']],
  ['fault injection without delay or abort', withRoute({ fault: {} }),
    ["'routes[0].fault' ({})", "must set 'delay', 'abort' or both"]],
  ['an abort status outside 200-600', withRoute({ fault: { abort: { httpStatus: 601, percentage: 10 } } }),
    ["'routes[0].fault.abort.httpStatus' (601)", 'must be an integer from 200 to 600']],
  ['a delay percentage above 100', withRoute({ fault: { delay: { fixedDelay: Duration.seconds(5), percentage: 101 } } }),
    ["'routes[0].fault.delay.percentage' (101)", 'must be a percentage from 0 to 100']],
  ['a CORS max age that is not whole seconds', withRoute({ corsPolicy: { allowOrigins: [{ exact: 'https://shop.example.com' }], maxAge: Duration.millis(1500) } }),
    ["'routes[0].corsPolicy.maxAge' (\"1500ms\")", 'must be a whole number of seconds']],
  ['a CORS method that does not exist', withRoute({ corsPolicy: { allowOrigins: [{ prefix: 'https://' }], allowMethods: ['FETCH'] } }),
    ["'routes[0].corsPolicy.allowMethods[0]' (\"FETCH\")", 'must be one of GET, HEAD, POST']],

  // the Service, the pods
  ['a service name that is not a DNS-1035 label', () => make({ serviceName: '1app' }),
    ["'serviceName' (\"1app\")", 'must be a DNS-1035 label']],
  ['an empty host list', () => make({ hosts: [] }), ["'hosts' ([])", 'must list at least one host, or be left out']],
  ['a host with a space', () => make({ hosts: ['a b'] }),
    ["'hosts[0]' (\"a b\")", 'must be a host name', 'whose first label is a DNS-1123 label or a wildcard ("a b" is neither)', '[istio ValidateVirtualService]']],
  ['a wildcard past the first label', () => make({ hosts: ['reviews.*.com'] }), ["'hosts[0]' (\"reviews.*.com\")", '("*" is not one)']],
  ['an all-numeric top-level domain', () => make({ hosts: ['reviews.123'] }), ["'hosts[0]' (\"reviews.123\")", 'top-level label ("123") is not all-numeric']],
  ['hosts that overlap', () => make({ hosts: ['*.example.com', 'reviews.example.com'] }),
    ["'hosts[1]' (\"reviews.example.com\")", 'must not overlap hosts[0] ("*.example.com")']],
  ['a gateway reference with an invalid namespace', () => make({ gateways: ['shop_1/public'] }),
    ["'gateways[0]' (\"shop_1/public\")", 'must be <namespace>/<name> with a DNS-1123 label as namespace ("shop_1" is not one)', '[istio ValidateVirtualService (validateGatewayNames)]']],
  ['a gateway reference with an empty name', () => make({ gateways: ['shop/'] }), ["'gateways[0]' (\"shop/\")", 'must name both the namespace and the gateway']],
  ['an app running as the sidecar UID 1337', () => make({
    versions: [{ name: 'v1', containers: [{ image: 'x', portNumber: 8080, securityContext: { user: 1337 } }] }],
  }), ["'versions[0].containers[0].securityContext.user' (1337)", 'must not be 1337', '[IST0144]']],

  // traffic policies
  ['an outlier ejection percentage above 100', () => make({ trafficPolicy: { outlierDetection: { maxEjectionPercent: 150 } } }),
    ["'trafficPolicy.outlierDetection.maxEjectionPercent' (150)", 'must be an integer from 0 to 100']],
  ['a fractional outlier ejection percentage (an int32 in Istio\'s schema)', () => make({ trafficPolicy: { outlierDetection: { maxEjectionPercent: 12.5 } } }),
    ["'trafficPolicy.outlierDetection.maxEjectionPercent' (12.5)", 'must be an integer from 0 to 100']],
  ['a fractional minimum health percentage', () => make({ trafficPolicy: { outlierDetection: { minHealthPercent: 0.5 } } }),
    ["'trafficPolicy.outlierDetection.minHealthPercent' (0.5)", 'must be an integer from 0 to 100']],
  ['a negative connection limit', () => make({ trafficPolicy: { connectionPool: { tcp: { maxConnections: -1 } } } }),
    ["'trafficPolicy.connectionPool.tcp.maxConnections' (-1)", 'must be an integer from 0 to 2147483647']],
  ['a zero outlier interval', () => make({ trafficPolicy: { outlierDetection: { interval: Duration.millis(0) } } }),
    ["'trafficPolicy.outlierDetection.interval' (\"0ms\")", 'at least 1ms']],
  ['MUTUAL TLS without client certificates', () => make({ trafficPolicy: { tls: { mode: ClientTlsMode.MUTUAL } } }),
    ["'trafficPolicy.tls.mode' (\"MUTUAL\")", "needs 'credentialName', or both 'clientCertificate' and 'privateKey'"]],
  ['a consistent hash on a header name with a line break', () => make({
    versions: [{ ...versions('v1')[0], trafficPolicy: { loadBalancer: LoadBalancerSettings.consistentHash(ConsistentHashKey.header('x-user\nx-evil')) } }],
  }), ["'versions[0].trafficPolicy.loadBalancer.consistentHash.header' (\"x-user\\nx-evil\")", 'without NUL, CR or LF']],

  // other helpers
  ['the deployment of an unknown version', () => make().deployment('v7'), ["'version' (\"v7\")", 'must name one of the versions (v1, v2)']],
];

describe('CanaryService refuses', () => {
  test.each(cases)('%s', (_what, act, parts) => {
    let message = '';
    try {
      act();
    } catch (e: any) {
      message = e.message;
    }
    expect(message.startsWith(PATH)).toBe(true);
    for (const part of parts) expect(message).toContain(part);
  });
});

describe('CanaryService hosts and gateways', () => {
  test('accepts what Istio accepts: short names, FQDNs with a trailing dot, wildcards, IPs, gateway references', () => {
    const app = make({
      hosts: ['*.shop.example.com', 'reviews', 'reviews.example.com.', '192.0.2.10', '2001:db8::1', 'reviews.Example.com'],
      gateways: ['mesh', 'istio-system/public', 'public.istio-system', 'Shop/public'],
    });
    const vs: any = app.virtualService.toJson().spec;
    // Istio's DNS labels allow uppercase (pkg/config/labels dns1123LabelFmt), so these are accepted too
    expect(vs.hosts).toEqual(['*.shop.example.com', 'reviews', 'reviews.example.com.', '192.0.2.10', '2001:db8::1', 'reviews.Example.com']);
    expect(vs.gateways).toEqual(['mesh', 'istio-system/public', 'public.istio-system', 'Shop/public']);
  });

  test('"*" is a host for gateway traffic only', () => {
    const onGateway = make({ hosts: ['*'], gateways: ['istio-system/public'] });
    expect(() => Testing.synth(onGateway.node.scope as any)).not.toThrow();
    expect(() => Testing.synth(make({ hosts: ['*'] }).node.scope as any))
      .toThrow(/\[test\/app\] 'hosts\[0\]' \("\*"\) must not be "\*" while the VirtualService applies to the mesh/);
    // a source-label rule needs mesh in the gateways, written by hand, and with it "*" is refused
    expect(() => make({ hosts: ['*'], gateways: ['istio-system/public', 'mesh'] }))
      .toThrow(/\[test\/app\] 'hosts\[0\]' \("\*"\) must not be "\*" while the VirtualService applies to the mesh/);
  });
});

describe('CanaryService regular expressions', () => {
  test('RE2 escapes, classes and quoted literals are accepted', () => {
    const app = make();
    app.addRoute({ match: { uri: { regex: '^/v[0-9]+/\\d+\\.\\w*\\s?\\b\\pL\\x{41}\\Qa.b\\Z\\E\\z' } }, version: 'v2' });
    const rule: any = (app.virtualService.toJson().spec as any).http[0];
    expect(rule.match[0].uri.regex).toBe('^/v[0-9]+/\\d+\\.\\w*\\s?\\b\\pL\\x{41}\\Qa.b\\Z\\E\\z');
  });
});
