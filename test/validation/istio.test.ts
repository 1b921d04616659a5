/**
 * The Istio validators beyond upstream's own tables (those are in test/conformance/istio): dispatch by
 * apiVersion/kind, RE2 semantics and limits, Go durations as jsonpb reads them, paths and severities.
 */
import { Testing } from 'cdk8s';
import { istio, ManifestValidation } from '../../src';
import { Problem, ProblemSeverity, validateObject } from '../../src/validation';

function vs(spec: any, apiVersion = 'networking.istio.io/v1', metadata: any = { name: 'reviews' }): any {
  return { apiVersion, kind: 'VirtualService', metadata, spec };
}
const route = [{ destination: { host: 'reviews' } }];
const errors = (problems: Problem[]) => problems.filter(p => p.severity === ProblemSeverity.ERROR);
const warnings = (problems: Problem[]) => problems.filter(p => p.severity === ProblemSeverity.WARNING);
const withUri = (uri: any) => vs({ hosts: ['reviews'], http: [{ match: [{ uri }], route }, { route }] });

describe('Istio validators: dispatch', () => {
  test.each(['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'])('%s VirtualService is validated', apiVersion => {
    // GIVEN a VirtualService without routes WHEN validated THEN Istio's "http, tcp or tls" rule refuses it
    expect(errors(validateObject(vs({ hosts: ['reviews'] }, apiVersion)))).toEqual([
      { path: 'spec', message: 'must have http, tcp or tls routes', rule: 'istio ValidateVirtualService', severity: ProblemSeverity.ERROR },
    ]);
  });

  test('a DestinationRule reports the JSON path, the value and the upstream function', () => {
    const problems = validateObject({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'r' },
      spec: { host: 'reviews', trafficPolicy: { connectionPool: { http: { h2UpgradePolicy: 'UPGRADE', useClientProtocol: true } } } },
    });
    expect(problems).toEqual([{
      path: 'spec.trafficPolicy.connectionPool.http.useClientProtocol',
      value: true,
      message: 'must not be true when h2UpgradePolicy is UPGRADE',
      rule: 'istio validateConnectionPool',
      severity: ProblemSeverity.ERROR,
    }]);
  });

  test('internal annotations are refused, as validateMetadata does', () => {
    const problems = validateObject(vs({ hosts: ['reviews'], http: [{ route }] }, undefined, { name: 'r', annotations: { 'istio.io/dry-run': 'true' } }));
    expect(errors(problems).map(p => p.path)).toEqual(['metadata.annotations["istio.io/dry-run"]']);
  });
});

describe('Istio validators: RE2', () => {
  test('look-ahead compiles in JavaScript but not in RE2, so it is refused', () => {
    const [problem] = errors(validateObject(withUri({ regex: '/api(?=/v1)' })));
    expect(problem.path).toBe('spec.http[0].match[0].uri.regex');
    expect(problem.message).toMatch(/^must be a valid RE2 regular expression/);
  });

  test('RE2-only syntax that JavaScript refuses is accepted', () => {
    expect(errors(validateObject(withUri({ regex: '/[[:alpha:]]+/\\pL*' })))).toEqual([]);
  });

  test('repeat counts over 1000 and regexes over 1024 characters are refused', () => {
    expect(errors(validateObject(withUri({ regex: 'a{1001}' })))[0].message).toMatch(/invalid repeat count/);
    expect(errors(validateObject(withUri({ regex: 'a'.repeat(1025) })))[0].message).toBe('must be a regex of at most 1024 characters');
  });

  test('a program over Envoy\'s 32768 instructions warns (Istio accepts it, Envoy would reject the route)', () => {
    const problems = validateObject(withUri({ regex: '[a-z]{1000}'.repeat(33) }));
    expect(errors(problems)).toEqual([]);
    expect(warnings(problems).map(p => p.rule)).toEqual(['istio bootstrap re2.max_program_size.error_level']);
  });

  test('an empty prefix is allowed on uri but not on a header', () => {
    expect(errors(validateObject(withUri({ prefix: '' })))).toEqual([]);
    const header = vs({ hosts: ['reviews'], http: [{ match: [{ headers: { 'x-user': { prefix: '' } } }], route }, { route }] });
    expect(errors(validateObject(header)).map(p => p.path)).toEqual(['spec.http[0].match[0].headers["x-user"].prefix']);
  });
});

describe('Istio validators: durations as jsonpb reads them (Go time.ParseDuration)', () => {
  const timeout = (t: unknown) => errors(validateObject(vs({ hosts: ['reviews'], http: [{ route, timeout: t }] })));
  test.each(['10s', '1m30s', '1.5s', '250ms', '1h'])('%s is accepted', t => expect(timeout(t)).toEqual([]));
  test('a number without a unit is not a Go duration', () => expect(timeout('10')[0].rule).toBe('istio jsonpb Duration (time.ParseDuration)'));
  test('below 1ms or finer than 1ms is refused', () => {
    expect(timeout('500us')[0].message).toBe('must be at least 1ms');
    expect(timeout('1.5ms')[0].message).toBe('must be a whole number of milliseconds');
  });
});

describe('Istio validators: warnings stay warnings', () => {
  test('a rule after a catch-all is unreachable: a warning, as in Istio\'s webhook', () => {
    const problems = validateObject(vs({ hosts: ['reviews'], http: [{ route }, { match: [{ uri: { prefix: '/a' } }], route }] }));
    expect(errors(problems)).toEqual([]);
    expect(warnings(problems).map(p => [p.path, p.rule])).toEqual([['spec.http[1].match[0]', 'istio analyzeUnreachableHTTPRules (VirtualServiceUnreachableRule)']]);
  });

  test('a header value that is not a string is refused, never crashes', () => {
    const problems = validateObject(vs({ hosts: ['reviews'], http: [{ route, headers: { request: { set: { 'x-a': null } } } }] }));
    expect(errors(problems).map(p => p.path)).toEqual(['spec.http[0].headers.request.set["x-a"]']);
  });

  test('garbage never throws', () => {
    for (const spec of [null, 1, 'x', [], { http: 'x' }, { http: [null, 1, { route: 'x', match: [1] }] }, { tcp: [{}], tls: [{ match: [{}] }] }]) {
      expect(() => validateObject(vs(spec))).not.toThrow();
      expect(() => validateObject({ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', spec: { host: 1, subsets: [null, { trafficPolicy: 1 }], trafficPolicy: { loadBalancer: { consistentHash: { maglev: {} } } } } })).not.toThrow();
    }
  });
});

describe('Istio validators: oneofs, as jsonpb reads them before the webhook', () => {
  test('a StringMatch with two of exact/prefix/regex is refused', () => {
    const problems = validateObject(vs({ hosts: ['reviews'], http: [{ match: [{ headers: { 'x-user': { exact: 'a', prefix: 'b' } } }], route }, { route }] }));
    expect(errors(problems)).toEqual([expect.objectContaining({
      path: 'spec.http[0].match[0].headers["x-user"]', message: 'must set only one of exact, prefix, regex (it sets exact, prefix)', rule: 'istio jsonpb oneof',
    })]);
  });

  test('a load balancer with simple and consistentHash is refused', () => {
    const problems = validateObject({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'r' },
      spec: { host: 'reviews', trafficPolicy: { loadBalancer: { simple: 'ROUND_ROBIN', consistentHash: { useSourceIp: true } } } },
    });
    expect(errors(problems).map(p => p.path)).toEqual(['spec.trafficPolicy.loadBalancer']);
  });
});

describe('Istio validators: Gateway and ServiceEntry written through the istio bindings', () => {
  /** A chart's manifest, with a Gateway and a ServiceEntry written through the bindings. */
  function manifest(gatewayPort: number, resolution: istio.ServiceEntrySpecResolution, addresses?: string[]): any[] {
    const chart = Testing.chart();
    new istio.Gateway(chart, 'gw', {
      metadata: { name: 'public', namespace: 'shop' },
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [{
          hosts: ['shop/www.example.com'],
          port: { name: 'https', number: gatewayPort, protocol: 'HTTPS' },
          tls: { mode: istio.GatewaySpecServersTlsMode.SIMPLE, credentialName: 'www-cert' },
        }],
      },
    });
    new istio.ServiceEntry(chart, 'se', {
      metadata: { name: 'payments', namespace: 'shop' },
      spec: {
        hosts: ['api.payments.example.com'],
        addresses,
        ports: [{ name: 'https', number: 443, protocol: 'TLS' }],
        resolution,
        location: istio.ServiceEntrySpecLocation.MESH_UNDERSCORE_EXTERNAL,
      },
    });
    return Testing.synth(chart);
  }

  test('valid objects have no problems', () => {
    expect(ManifestValidation.validateManifests(manifest(443, istio.ServiceEntrySpecResolution.DNS))).toEqual([]);
  });

  test('invalid ones are refused with the path and the upstream reason', () => {
    // GIVEN a Gateway port outside 1-65535 and a CIDR block on a DNS ServiceEntry WHEN validated
    const problems = ManifestValidation.validateManifests(manifest(70000, istio.ServiceEntrySpecResolution.DNS, ['10.0.0.0/8']));
    // THEN each is refused where it is, naming the Istio function it ports
    expect(problems.map(p => ({ kind: p.kind, path: p.path, message: p.message, rule: p.rule, severity: p.severity }))).toEqual([
      {
        kind: 'Gateway',
        path: 'spec.servers[0].port.number',
        message: 'must be a port number from 1 to 65535',
        rule: 'istio validateServerPort (agent.ValidatePort)',
        severity: ProblemSeverity.ERROR,
      },
      {
        kind: 'ServiceEntry',
        path: 'spec.addresses',
        message: 'must not hold CIDR blocks unless resolution is NONE or STATIC',
        rule: 'istio ValidateServiceEntry',
        severity: ProblemSeverity.ERROR,
      },
    ]);
  });
});
