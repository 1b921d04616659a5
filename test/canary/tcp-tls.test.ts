/**
 * TCP and TLS ports of a CanaryService (issue 12, item 4): each gets a weighted canary split in the
 * VirtualService's `tcp` / `tls` section, rules with L4 matches go before it, and everything passes the
 * schema oracle with only Istio 1.30.3 CRD fields.
 */
import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { expectCrdFields } from './crd-fields';
import { CanaryService, CanaryServiceProps, CanaryTcpRoute, CanaryTlsRoute, ServiceProtocol } from '../../src';
import { warningsOf } from '../../src/common/warnings';
import { synthValid } from '../util/validate';

const PATH = '[test/app]';

function props(extra: Partial<CanaryServiceProps> = {}): CanaryServiceProps {
  return {
    versions: ['v1', 'v2'].map(name => ({ name, containers: [{ image: `ghcr.io/example/app:${name}`, portNumber: 8080 }] })),
    canaryWeight: 10,
    ...extra,
  };
}

function virtualService(extra: Partial<CanaryServiceProps>): any {
  const chart = Testing.chart();
  new CanaryService(chart, 'app', props(extra));
  return expectCrdFields(synthValid(chart)).vs;
}

const split = (port: number) => [
  { destination: { host: 'app', subset: 'v1', port: { number: port } }, weight: 90 },
  { destination: { host: 'app', subset: 'v2', port: { number: port } }, weight: 10 },
];

describe('TCP and TLS ports get a weighted split', () => {
  test('a TCP-only Service: a tcp catch-all on its port, no http section', () => {
    // GIVEN a Service whose only port is TCP WHEN synthesized
    const vs = virtualService({ ports: [{ name: 'tcp-postgres', port: 5432, targetPort: 8080 }] });
    // THEN
    expect(vs).toEqual({ hosts: ['app'], tcp: [{ match: [{ port: 5432 }], route: split(5432) }] });
  });

  test('HTTP, TCP, TLS and HTTPS ports together: each section splits its own ports by the same weights', () => {
    const vs = virtualService({
      ports: [
        { name: 'http', port: 80, targetPort: 8080 },
        { name: 'tcp', port: 9000, targetPort: 8080 },
        { name: 'tls', port: 443, targetPort: 8080 },
        { name: 'secure', port: 8443, targetPort: 8080, appProtocol: ServiceProtocol.HTTPS },
      ],
      hosts: ['app', 'app.example.com'],
      gateways: ['shop/public', 'mesh'],
    });
    expect(vs.http).toEqual([{ route: split(80) }]);
    expect(vs.tcp).toEqual([{ match: [{ port: 9000 }], route: split(9000) }]);
    expect(vs.tls).toEqual([
      { match: [{ port: 443, sniHosts: ['app', 'app.example.com'] }], route: split(443) },
      { match: [{ port: 8443, sniHosts: ['app', 'app.example.com'] }], route: split(8443) },
    ]);
  });

  test('tcp rules: source labels, namespace, subnets; written in order before the catch-all', () => {
    const tcpRoutes: CanaryTcpRoute[] = [
      { match: { sourceLabels: { app: 'reporting' } }, version: 'v2' },
      { match: { sourceNamespace: 'batch', sourceSubnet: '10.8.0.0/16' }, version: 'v2' },
      { match: { destinationSubnets: ['10.96.0.0/12'], port: 5432 }, version: 'v1' },
    ];
    const vs = virtualService({ ports: [{ name: 'tcp-postgres', port: 5432, targetPort: 8080 }], tcpRoutes });
    const to = (subset: string) => [{ destination: { host: 'app', subset, port: { number: 5432 } } }];
    expect(vs.tcp).toEqual([
      { match: [{ sourceLabels: { app: 'reporting' } }], route: to('v2') },
      { match: [{ sourceSubnet: '10.8.0.0/16', sourceNamespace: 'batch' }], route: to('v2') },
      { match: [{ port: 5432, destinationSubnets: ['10.96.0.0/12'] }], route: to('v1') },
      { match: [{ port: 5432 }], route: split(5432) },
    ]);
  });

  test('tls rules: narrower SNI hosts, or the hosts by default with a source condition; addTlsRoute adds more', () => {
    const chart = Testing.chart();
    const c = new CanaryService(chart, 'app', props({
      ports: [{ name: 'tls', port: 443, targetPort: 8080 }],
      hosts: ['app', 'beta.example.com'],
      tlsRoutes: [{ match: { sniHosts: ['beta.example.com'] }, version: 'v2' }],
    }));
    c.addTlsRoute({ match: { sourceLabels: { app: 'checkout' } }, version: 'v2' });
    const vs = expectCrdFields(synthValid(chart)).vs;
    const to = [{ destination: { host: 'app', subset: 'v2', port: { number: 443 } } }];
    expect(vs.tls).toEqual([
      { match: [{ sniHosts: ['beta.example.com'] }], route: to },
      { match: [{ sniHosts: ['app', 'beta.example.com'], sourceLabels: { app: 'checkout' } }], route: to },
      { match: [{ port: 443, sniHosts: ['app', 'beta.example.com'] }], route: split(443) },
    ]);
  });

  test('a tcp or tls rule with its own weighted split', () => {
    const vs = virtualService({
      ports: [{ name: 'tcp', port: 9000, targetPort: 8080 }, { name: 'tls', port: 443, targetPort: 8080 }],
      tcpRoutes: [{ match: { sourceNamespace: 'batch' }, weights: { v1: 30, v2: 70 } }],
      tlsRoutes: [{ match: { sourceNamespace: 'batch' }, weights: { v2: 100 } }],
    });
    expect(vs.tcp[0].route).toEqual([
      { destination: { host: 'app', subset: 'v1', port: { number: 9000 } }, weight: 30 },
      { destination: { host: 'app', subset: 'v2', port: { number: 9000 } }, weight: 70 },
    ]);
    expect(vs.tls[0].route).toEqual([{ destination: { host: 'app', subset: 'v2', port: { number: 443 } }, weight: 100 }]);
  });

  test('TLS routes match SNI literally: default hosts get a warning naming the FQDN to list; given hosts none', () => {
    // GIVEN a TLS port and the default hosts
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    new CanaryService(chart, 'app', props({ ports: [{ name: 'tls', port: 443, targetPort: 8080 }] }));
    // THEN a warning says which SNI is matched and what to write
    expect(warningsOf(chart)).toEqual([
      '[shop/app] the TLS port(s) 443 are split by SNI, and their tls routes match the SNI "app" (the VirtualService\'s hosts) literally: '
      + 'a client that dials another name (app.shop.svc.cluster.local) sends that as SNI, matches no route, and its connection is closed. '
      + "Set 'hosts' to the names your clients dial (e.g. ['app.shop.svc.cluster.local'])",
    ]);
    // AND with the hosts written, the catch-all matches them and nothing is warned
    const chart2 = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    new CanaryService(chart2, 'app', props({ ports: [{ name: 'tls', port: 443, targetPort: 8080 }], hosts: ['app.shop.svc.cluster.local'] }));
    expect(warningsOf(chart2)).toEqual([]);
    expect(expectCrdFields(synthValid(chart2)).vs.tls[0].match).toEqual([{ port: 443, sniHosts: ['app.shop.svc.cluster.local'] }]);
  });

  test('the weights move the L4 split too (promote)', () => {
    const chart = Testing.chart();
    new CanaryService(chart, 'app', CanaryService.promote(props({ ports: [{ name: 'tcp', port: 9000, targetPort: 8080 }] }), 'v2'));
    const vs = expectCrdFields(synthValid(chart)).vs;
    expect(vs.tcp[0].route.map((r: any) => r.weight)).toEqual([0, 100]);
  });
});

test('an escape-hatch patch sending a tcp route to a missing subset is refused at synth [IST0101]', () => {
  const chart = Testing.chart();
  const c = new CanaryService(chart, 'app', props({ ports: [{ name: 'tcp', port: 9000, targetPort: 8080 }] }));
  ApiObject.of(c.virtualService).addJsonPatch(JsonPatch.replace('/spec/tcp/0/route/1/destination/subset', 'v3'));
  expect(() => Testing.synth(chart)).toThrow(
    "'virtualService.spec.tcp[0].route[1].destination.subset' (\"v3\") must be a subset of the DestinationRule (v1, v2); requests to it fail with 503 [IST0101]");
});

describe('TCP and TLS rules that cannot work are refused naming the prop', () => {
  const twoTcp = [{ name: 'tcp-a', port: 9000, targetPort: 8080 }, { name: 'tcp-b', port: 9001, targetPort: 8080 }];
  const make = (extra: Partial<CanaryServiceProps>) => () => new CanaryService(Testing.chart(), 'app', props(extra));
  const tcp = (route: unknown, ports = [{ name: 'tcp', port: 9000, targetPort: 8080 }]) => make({ ports, tcpRoutes: [route as CanaryTcpRoute] });
  const tls = (route: unknown) => make({ ports: [{ name: 'tls', port: 443, targetPort: 8080 }], tlsRoutes: [route as CanaryTlsRoute] });

  test.each<[string, () => unknown, string]>([
    ['a tcp rule matching every connection of its port', tcp({ match: { port: 9000 }, version: 'v2' }),
      "'tcpRoutes[0].match' ({\"port\":9000}) must set at least one of sourceLabels, sourceNamespace, destinationSubnets, sourceSubnet"],
    ['a tcp rule on a Service without TCP port', tcp({ match: { sourceNamespace: 'a' }, version: 'v2' }, [{ name: 'http', port: 80, targetPort: 8080 }]),
      "'tcpRoutes[0].match.port' (undefined) cannot be resolved: the Service has no TCP port"],
    ['a tcp rule without port on a Service with two TCP ports', tcp({ match: { sourceNamespace: 'a' }, version: 'v2' }, twoTcp),
      "'tcpRoutes[0].match.port' (undefined) must be set: the Service has 2 TCP ports (9000, 9001), so the rule must name one [IST0112]"],
    ['a tcp rule on a port that is not TCP', tcp({ match: { sourceNamespace: 'a', port: 80 }, version: 'v2' }, twoTcp),
      "'tcpRoutes[0].match.port' (80) must be one of the Service's TCP ports (9000, 9001)"],
    ['a tcp rule to an unknown version', tcp({ match: { sourceNamespace: 'a' }, version: 'v3' }),
      "'tcpRoutes[0].version' (\"v3\") must name a version of this service (v1, v2)"],
    ['a tcp rule with source labels and gateways', tcp({ match: { sourceLabels: { app: 'a' }, gateways: ['mesh'] }, version: 'v2' }),
      "'tcpRoutes[0].match.gateways' ([\"mesh\"]) must not be set together with sourceLabels or sourceNamespace"],
    ['a tcp rule whose source labels have a null value', tcp({ match: { sourceLabels: { app: null } }, version: 'v2' }),
      "'tcpRoutes[0].match.sourceLabels[\"app\"]' (null) must be a string"],
    ['a tcp rule without match', tcp({ version: 'v2' }), "'tcpRoutes[0].match' (undefined) must be set: an object (TcpMatch)"],
    ['a tcp rule with version and weights', tcp({ match: { sourceNamespace: 'a' }, version: 'v2', weights: { v2: 100 } }),
      "'tcpRoutes[0]' ({\"match\":{\"sourceNamespace\":\"a\"},\"version\":\"v2\",\"weights\":{\"v2\":100}}) must set exactly one of 'version' and 'weights' (it sets version, weights)"],
    ['tls rule weights that do not sum to 100', tls({ match: { sourceNamespace: 'a' }, weights: { v1: 10 } }),
      "'tlsRoutes[0].weights' ({\"v1\":10}) must sum to 100 (they sum to 10)"],
    ['tcpRoutes that are not a list', make({ tcpRoutes: {} as any }), "'tcpRoutes' ({}) must be a list of objects (CanaryTcpRoute) or left out"],
    ['a tcp source rule while the gateways lack mesh', make({
      ports: [{ name: 'tcp', port: 9000, targetPort: 8080 }], gateways: ['shop/public'], tcpRoutes: [{ match: { sourceNamespace: 'batch' }, version: 'v2' }],
    }), "'tcpRoutes[0].match.sourceNamespace' (\"batch\") only ever match sidecar traffic, but 'gateways' ([\"shop/public\"]) lacks 'mesh'"],
    ['a tls rule whose SNI hosts are all the hosts, and nothing else', tls({ match: { sniHosts: ['app'] }, version: 'v2' }),
      "'tlsRoutes[0].match' ({\"sniHosts\":[\"app\"]}) must set at least one of sourceLabels, sourceNamespace, destinationSubnets, or sniHosts narrower than the hosts"],
    ['a tls rule with empty SNI hosts', tls({ match: { sniHosts: [] }, version: 'v2' }), "'tlsRoutes[0].match.sniHosts' ([]) must be a non-empty list of strings"],
    ['route options on a Service without HTTP port', make({ ports: [{ name: 'tcp', port: 9000, targetPort: 8080 }], defaultRoute: {} }),
      "'defaultRoute' ({}) needs a Service port that speaks HTTP"],
  ])('%s', (_what, build, message) => {
    let got = 'not refused';
    try {
      build();
    } catch (e: any) {
      expect(e).not.toBeInstanceOf(TypeError);
      got = e.message;
    }
    expect(got.startsWith(PATH)).toBe(true);
    expect(got).toContain(message);
  });
});
