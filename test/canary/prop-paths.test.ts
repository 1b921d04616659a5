/** Problems in what a CanaryService wrote map back to the props that produced them (src/canary/private/prop-paths.ts). */
import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import { CanaryService } from '../../src';
import { canaryPropOf } from '../../src/canary/private/prop-paths';

function setup(hosts?: string[]) {
  const app = new CanaryService(Testing.chart(), 'app', {
    versions: ['v1', 'v2'].map(name => ({ name, containers: [{ image: `ghcr.io/example/app:${name}`, portNumber: 8080 }] })),
    canaryWeight: 10,
    hosts,
  });
  app.routeUri({ prefix: '/beta' }, 'v2');
  app.routeHeader('x-canary', { exact: 'yes' }, 'v2');
  const vs = ApiObject.of(app.virtualService);
  const dr = ApiObject.of(app.destinationRule);
  const propOf = canaryPropOf({
    virtualService: vs,
    destinationRule: dr,
    versions: app.versions,
    hostsGiven: hosts !== undefined,
    // header rules are written first: routes[1] (header) then routes[0] (uri), then the catch-all
    httpRules: () => ['routes[1]', 'routes[0]', 'defaultRoute'],
  });
  return { app, vs, dr, propOf };
}

describe('canaryPropOf', () => {
  test.each([
    ['spec.http[0].match[0].headers["x-canary"].prefix', 'routes[1].match.headers["x-canary"].prefix'],
    ['spec.http[1].match[0].uri.prefix', 'routes[0].match.uri.prefix'],
    ['spec.http[1].retries.retryOn', 'routes[0].retries.retryOn'],
    ['spec.http[1].mirrorPercentage.value', 'routes[0].mirror.percentage'],
    ['spec.http[1].mirrors[0].destination.subset', 'routes[0].mirrors[0].version'],
    ['spec.http[1].route[0].destination.subset', 'routes[0].version'],
    ['spec.http[2].route[1].weight', 'weights["v2"]'],
    ['spec.http[2].route[0].destination.subset', 'versions[0].name'],
    ['spec.http[2].route[0].destination.host', 'serviceName'],
    ['spec.http[2].timeout', 'defaultRoute.timeout'],
    ['spec.http[2].fault.abort.percentage.value', 'defaultRoute.fault.abort.percentage'],
    ['spec.hosts[0]', 'serviceName'],
    ['spec.gateways[0]', 'gateways[0]'],
    ['spec.exportTo[0]', 'virtualService.spec.exportTo[0]'],
  ])('VirtualService %s → %s', (path, prop) => {
    // GIVEN a CanaryService's VirtualService WHEN a problem is at path THEN it names the prop
    const { vs, propOf } = setup();
    expect(propOf(vs, path)).toBe(prop);
  });

  test.each([
    ['spec.host', 'serviceName'],
    ['spec.trafficPolicy.connectionPool.http.useClientProtocol', 'trafficPolicy.connectionPool.http.useClientProtocol'],
    ['spec.subsets[1].trafficPolicy.tls.mode', 'versions[1].trafficPolicy.tls.mode'],
    ['spec.subsets[0].labels["version"]', 'versions[0].name'],
  ])('DestinationRule %s → %s', (path, prop) => {
    const { dr, propOf } = setup();
    expect(propOf(dr, path)).toBe(prop);
  });

  test('tcp and tls rules map to the props the caller names; the rest to JSON paths', () => {
    const { vs, dr, app } = setup();
    const propOf = canaryPropOf({
      virtualService: vs,
      destinationRule: dr,
      versions: app.versions,
      hostsGiven: false,
      httpRules: () => [],
      l4Rules: { tcp: () => ['tcpRoutes[0]'] },
    });
    expect(propOf(vs, 'spec.tcp[0].match[0].port')).toBe('tcpRoutes[0].match[0].port');
    expect(propOf(vs, 'spec.tcp[1].route[0].weight')).toBe('virtualService.spec.tcp[1].route[0].weight');
    expect(propOf(vs, 'spec.tls[0].match[0].sniHosts[0]')).toBe('virtualService.spec.tls[0].match[0].sniHosts[0]');
  });

  test('given hosts map to hosts[i]', () => {
    const { vs, propOf } = setup(['reviews.example.com']);
    expect(propOf(vs, 'spec.hosts[0]')).toBe('hosts[0]');
  });

  test('an object patched through an escape hatch is reported by member and JSON path; other objects by JSON path', () => {
    const { app, vs, propOf } = setup();
    vs.addJsonPatch(JsonPatch.add('/spec/exportTo', ['.']));
    expect(propOf(vs, 'spec.http[0].match[0].uri.prefix')).toBe('virtualService.spec.http[0].match[0].uri.prefix');
    expect(propOf(ApiObject.of(app.service), 'spec.ports[0].name')).toBeUndefined();
  });
});
