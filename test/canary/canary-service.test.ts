import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { buildReviews } from './reviews';
import { CanaryService, CanaryServiceProps, ServiceProtocol } from '../../src';
import { only, ofKind, synthValid } from '../util/validate';

const image = (tag: string) => ({ image: `ghcr.io/example/app:${tag}`, portNumber: 8080 });

/** Two versions, v1 and v2, of `app` on port 8080. */
function twoVersions(extra: Partial<CanaryServiceProps> = {}): CanaryServiceProps {
  return {
    versions: [{ name: 'v1', containers: [image('1.0')] }, { name: 'v2', containers: [image('2.0')] }],
    ...extra,
  };
}

describe('CanaryService: the bookinfo reviews seed', () => {
  // GIVEN the reviews service, v1/v2 at 75/25, per-subset load balancers and a source-label rule
  const chart = Testing.chart();
  const service = buildReviews(chart);
  // WHEN synthesized (every object validated against the Kubernetes and Istio schemas)
  const objects = synthValid(chart);

  test('matches the snapshot', () => {
    expect(objects).toMatchSnapshot();
  });

  test('writes one Deployment per version, one Service, one DestinationRule and one VirtualService (networking.istio.io/v1)', () => {
    expect(objects.map(o => `${o.apiVersion} ${o.kind} ${o.metadata.name}`)).toEqual([
      'apps/v1 Deployment reviews-v1',
      'apps/v1 Deployment reviews-v2',
      'v1 Service reviews',
      'networking.istio.io/v1 DestinationRule reviews',
      'networking.istio.io/v1 VirtualService reviews',
    ]);
  });

  test('labels pods app/version and selects each Deployment by both', () => {
    for (const v of ['v1', 'v2']) {
      const d = only(objects, 'Deployment', `reviews-${v}`);
      expect(d.spec.selector).toEqual({ matchLabels: { app: 'reviews', version: v } });
      expect(d.spec.template.metadata.labels).toMatchObject({ app: 'reviews', version: v });
    }
  });

  test('the Service selects every version (no version label) on a port named by protocol', () => {
    const svc = only(objects, 'Service');
    expect(svc.spec.selector).toEqual({ app: 'reviews' });
    expect(svc.spec.ports).toEqual([{ name: 'http', port: 9080, targetPort: 9080 }]);
  });

  test('the DestinationRule has a subset per version with LEAST_REQUEST for v1 and ROUND_ROBIN for v2', () => {
    expect(only(objects, 'DestinationRule').spec).toEqual({
      host: 'reviews',
      subsets: [
        { name: 'v1', labels: { version: 'v1' }, trafficPolicy: { loadBalancer: { simple: 'LEAST_REQUEST' } } },
        { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { loadBalancer: { simple: 'ROUND_ROBIN' } } },
      ],
    });
  });

  test('the VirtualService routes the header rule, then the source-label rule, then splits 75/25', () => {
    const vs = only(objects, 'VirtualService').spec;
    expect(vs.hosts).toEqual(['reviews']);
    expect(vs.gateways).toBeUndefined();
    expect(vs.http).toEqual([
      { match: [{ headers: { 'end-user': { exact: 'jason' } } }], route: [{ destination: { host: 'reviews', subset: 'v2' } }] },
      { match: [{ sourceLabels: { app: 'productpage', version: 'v2' } }], route: [{ destination: { host: 'reviews', subset: 'v2' } }] },
      {
        route: [
          { destination: { host: 'reviews', subset: 'v1' }, weight: 75 },
          { destination: { host: 'reviews', subset: 'v2' }, weight: 25 },
        ],
        timeout: '10s',
        retries: { attempts: 2, perTryTimeout: '3s' },
      },
    ]);
  });

  test('exposes what it creates', () => {
    expect(service.serviceName).toBe('reviews');
    expect(service.versions).toEqual(['v1', 'v2']);
    expect(service.weights).toEqual({ v1: 75, v2: 25 });
    expect(Object.keys(service.deployments)).toEqual(['v1', 'v2']);
    expect(service.deployment('v2')).toBe(service.deployments.v2);
    expect(service.deployment('v2').name).toBe('reviews-v2');
    expect(service.service.name).toBe('reviews');
    expect(service.virtualService.kind).toBe('VirtualService');
    expect(service.destinationRule.kind).toBe('DestinationRule');
  });

  test('synthesizes byte-identical output twice', () => {
    const again = Testing.chart();
    buildReviews(again);
    expect(JSON.stringify(Testing.synth(again))).toBe(JSON.stringify(objects));
  });
});

describe('CanaryService: defaults and options', () => {
  test('restricted security by default: all capabilities dropped, non-root, read-only root, seccomp RuntimeDefault', () => {
    // GIVEN
    const chart = Testing.chart();
    new CanaryService(chart, 'app', twoVersions());
    // WHEN
    const deployments = ofKind(synthValid(chart), 'Deployment');
    // THEN
    expect(deployments).toHaveLength(2);
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.containers[0].securityContext).toEqual({
        allowPrivilegeEscalation: false,
        privileged: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        capabilities: { drop: ['ALL'] },
      });
    }
  });

  test('restrictedSecurity: false leaves cdk8s-plus defaults alone', () => {
    const chart = Testing.chart();
    new CanaryService(chart, 'app', twoVersions({ restrictedSecurity: false }));
    const pod = ofKind(synthValid(chart), 'Deployment')[0].spec.template.spec;
    expect(pod.securityContext.seccompProfile).toBeUndefined();
    expect(pod.containers[0].securityContext.capabilities).toBeUndefined();
  });

  test('one version gets all the traffic; the default port targets the first container port', () => {
    const chart = Testing.chart();
    new CanaryService(chart, 'app', { versions: [{ name: 'stable', containers: [image('1.0')], replicas: 3 }] });
    const objects = synthValid(chart);
    expect(only(objects, 'Service').spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 8080 }]);
    expect(only(objects, 'Deployment').spec.replicas).toBe(3);
    expect(only(objects, 'VirtualService').spec.http).toEqual([
      { route: [{ destination: { host: 'app', subset: 'stable' }, weight: 100 }] },
    ]);
  });

  test('any number of versions, weights by name; a version left out is listed with weight 0', () => {
    const chart = Testing.chart();
    new CanaryService(chart, 'app', {
      versions: ['v1', 'v2', 'v3'].map(name => ({ name, containers: [image(name)] })),
      weights: { v1: 80, v3: 20 },
    });
    const http = only(synthValid(chart), 'VirtualService').spec.http;
    expect(http[0].route.map((r: any) => [r.destination.subset, r.weight])).toEqual([['v1', 80], ['v2', 0], ['v3', 20]]);
  });

  test('custom service name, label keys, hosts and gateways', () => {
    const chart = Testing.chart();
    const c = new CanaryService(chart, 'frontend', twoVersions({
      serviceName: 'web',
      appLabel: 'app.kubernetes.io/name',
      versionLabel: 'app.kubernetes.io/version',
      hosts: ['web', 'shop.example.com'],
      gateways: ['shop/public'],
    }));
    const objects = synthValid(chart);
    expect(c.serviceName).toBe('web');
    expect(only(objects, 'Deployment', 'web-v2').spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/version': 'v2' });
    expect(only(objects, 'Service').spec.selector).toEqual({ 'app.kubernetes.io/name': 'web' });
    expect(only(objects, 'DestinationRule').spec.subsets[1].labels).toEqual({ 'app.kubernetes.io/version': 'v2' });
    expect(only(objects, 'VirtualService').spec).toMatchObject({ hosts: ['web', 'shop.example.com'], gateways: ['shop/public'] });
  });

  test("with gateways, a source-label rule needs 'mesh' written in them: nothing is added behind the user's back", () => {
    // GIVEN gateways without mesh
    const chart = Testing.chart();
    const c = new CanaryService(chart, 'app', twoVersions({ gateways: ['shop/public'] }));
    // WHEN a rule matches on source labels THEN it is refused, showing the gateways to write
    expect(() => c.routeSourceLabels({ app: 'checkout' }, 'v2')).toThrow(
      '[test/app] \'routes[0].match.sourceLabels\' ({"app":"checkout"}) only ever match sidecar traffic, but \'gateways\' (["shop/public"]) lacks \'mesh\'');
    // AND with mesh written by hand, the gateways are written exactly as given
    const chart2 = Testing.chart();
    const c2 = new CanaryService(chart2, 'app', twoVersions({ gateways: ['shop/public', 'mesh'] }));
    c2.routeSourceLabels({ app: 'checkout' }, 'v2');
    expect(only(synthValid(chart2), 'VirtualService').spec.gateways).toEqual(['shop/public', 'mesh']);
  });

  test('ports with appProtocol, and several ports: routes name the only HTTP port [IST0112]', () => {
    const chart = Testing.chart();
    new CanaryService(chart, 'app', twoVersions({
      ports: [
        { name: 'web', port: 80, targetPort: 8080, appProtocol: ServiceProtocol.HTTP },
        { name: 'tcp-metrics', port: 9090, targetPort: 8080 },
      ],
    }));
    const objects = synthValid(chart);
    expect(only(objects, 'Service').spec.ports).toEqual([
      { name: 'web', port: 80, targetPort: 8080, appProtocol: 'http' },
      { name: 'tcp-metrics', port: 9090, targetPort: 8080 },
    ]);
    const route = only(objects, 'VirtualService').spec.http[0].route;
    expect(route.map((r: any) => r.destination.port)).toEqual([{ number: 80 }, { number: 80 }]);
  });

  test('routePort picks among several HTTP ports', () => {
    const chart = Testing.chart();
    new CanaryService(chart, 'app', twoVersions({
      ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'grpc', port: 9000, targetPort: 8080 }],
      routePort: 9000,
    }));
    const route = only(synthValid(chart), 'VirtualService').spec.http[0].route;
    expect(route[0].destination).toEqual({ host: 'app', subset: 'v1', port: { number: 9000 } });
  });

  test('rules added after construction land in the output (lazy), in header, source, other order', () => {
    const chart = Testing.chart();
    const c = new CanaryService(chart, 'app', twoVersions({ routes: [{ match: { uri: { prefix: '/beta' } }, version: 'v2' }] }));
    c.routeSourceLabels({ app: 'checkout' }, 'v2');
    c.routeHeader('x-canary', { exact: 'always' }, 'v2');
    c.addRoute({ match: { method: { exact: 'DELETE' } }, version: 'v1' });
    const http = only(synthValid(chart), 'VirtualService').spec.http;
    expect(http.map((r: any) => r.match?.[0])).toEqual([
      { headers: { 'x-canary': { exact: 'always' } } },
      { sourceLabels: { app: 'checkout' } },
      { uri: { prefix: '/beta' } },
      { method: { exact: 'DELETE' } },
      undefined,
    ]);
  });

  test('query, method and withoutHeaders matches, with URI case folding', () => {
    const chart = Testing.chart();
    const c = new CanaryService(chart, 'app', twoVersions());
    c.addRoute({
      match: { uri: { regex: '^/api/v[0-9]+/.*' }, ignoreUriCase: true, method: { exact: 'GET' }, queryParams: { beta: { exact: '1' } } },
      version: 'v2',
    });
    c.addRoute({ match: { withoutHeaders: { 'x-legacy': { prefix: 'v1' } } }, version: 'v2' });
    const http = only(synthValid(chart), 'VirtualService').spec.http;
    expect(http[0].match).toEqual([{ withoutHeaders: { 'x-legacy': { prefix: 'v1' } } }]);
    expect(http[1].match).toEqual([{ uri: { regex: '^/api/v[0-9]+/.*' }, ignoreUriCase: true, method: { exact: 'GET' }, queryParams: { beta: { exact: '1' } } }]);
  });

  test('escape hatches: a JSON patch on the VirtualService lands in the output', () => {
    const chart = Testing.chart();
    const c = new CanaryService(chart, 'app', twoVersions());
    ApiObject.of(c.virtualService).addJsonPatch(JsonPatch.add('/spec/exportTo', ['.']));
    c.deployment('v1').addContainer({ name: 'log-shipper', image: 'ghcr.io/example/log-shipper:1', securityContext: { user: 1000 } });
    const objects = synthValid(chart);
    expect(only(objects, 'VirtualService').spec.exportTo).toEqual(['.']);
    expect(only(objects, 'Deployment', 'app-v1').spec.template.spec.containers).toHaveLength(2);
  });

  test('version props are cdk8s-plus Deployment props (env, probes, resources, metadata)', () => {
    const chart = Testing.chart();
    new CanaryService(chart, 'app', {
      versions: [{
        name: 'v1',
        metadata: { name: 'app-stable', annotations: { team: 'shop' } },
        podMetadata: { labels: { tier: 'web' } },
        containers: [{
          ...image('1.0'),
          envVariables: { MODE: kplus.EnvValue.fromValue('canary') },
          readiness: kplus.Probe.fromHttpGet('/healthz', { port: 8080 }),
          resources: { cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(500) } },
        }],
      }],
    });
    const d = only(synthValid(chart), 'Deployment');
    expect(d.metadata).toEqual({ name: 'app-stable', annotations: { team: 'shop' } });
    expect(d.spec.template.metadata.labels).toMatchObject({ tier: 'web', app: 'app', version: 'v1' });
    const container = d.spec.template.spec.containers[0];
    expect(container.env).toEqual([{ name: 'MODE', value: 'canary' }]);
    expect(container.readinessProbe.httpGet).toMatchObject({ path: '/healthz', port: 8080 });
    expect(container.resources.requests.cpu).toBe('100m');
  });
});

describe('CanaryService in a chart with a namespace', () => {
  test('every object lands in the namespace and the short host still agrees [IST0174]', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    new CanaryService(chart, 'app', twoVersions({ canaryWeight: 10 }));
    const objects = synthValid(chart);
    expect(new Set(objects.map(o => o.metadata.namespace))).toEqual(new Set(['shop']));
  });
});
