import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { buildReviews, buildThreeWay, reviewsProps, threeWayProps } from './scenarios';
import { CanaryService, RolloutPlan, TrafficBackend, TrafficBackendKind } from '../../../src';
import { ManifestObject, ofKind, only, synthValid } from '../../util/validate';

const istio = TrafficBackend.istio;
const gatewayApi = () => TrafficBackend.gatewayApi();

function synth(build: (chart: Chart) => CanaryService): { service: CanaryService; objects: ManifestObject[] } {
  const chart = Testing.chart();
  const service = build(chart);
  return { service, objects: synthValid(chart) };
}

const identities = (objects: ManifestObject[]) => objects.map(o => `${o.apiVersion} ${o.kind} ${o.metadata.name}`);

describe('the reviews canary (75/25, a header rule to the canary) on both backends', () => {
  // GIVEN the same props, once per backend; WHEN synthesized (every object through the schema oracle)
  const onIstio = synth(chart => buildReviews(chart, istio()));
  const onGateway = synth(chart => buildReviews(chart, gatewayApi()));

  test('the Istio backend is the default and writes what it always wrote', () => {
    const chart = Testing.chart();
    const { trafficBackend, ...withoutBackend } = reviewsProps(istio());
    new CanaryService(chart, 'reviews', withoutBackend);
    expect(Testing.synth(chart)).toEqual(onIstio.objects);
    expect(onIstio.service.trafficBackend.kind).toBe(TrafficBackendKind.ISTIO);
    expect(identities(onIstio.objects)).toEqual([
      'apps/v1 Deployment reviews-v1',
      'apps/v1 Deployment reviews-v2',
      'v1 Service reviews',
      'networking.istio.io/v1 DestinationRule reviews',
      'networking.istio.io/v1 VirtualService reviews',
    ]);
  });

  test('the Gateway API backend writes a Service per version, a DestinationRule per version, one HTTPRoute, and no VirtualService', () => {
    expect(identities(onGateway.objects)).toEqual([
      'apps/v1 Deployment reviews-v1',
      'apps/v1 Deployment reviews-v2',
      'v1 Service reviews',
      'v1 Service reviews-v1',
      'v1 Service reviews-v2',
      'networking.istio.io/v1 DestinationRule reviews-v1',
      'networking.istio.io/v1 DestinationRule reviews-v2',
      'gateway.networking.k8s.io/v1 HTTPRoute reviews',
    ]);
  });

  test('the Deployments and the root Service are the same under both backends', () => {
    for (const name of ['reviews-v1', 'reviews-v2']) {
      expect(only(onGateway.objects, 'Deployment', name)).toEqual(only(onIstio.objects, 'Deployment', name));
    }
    expect(only(onGateway.objects, 'Service', 'reviews')).toEqual(only(onIstio.objects, 'Service', 'reviews'));
  });

  test('each version Service selects app and version on the same ports as the root Service', () => {
    for (const v of ['v1', 'v2']) {
      const svc = only(onGateway.objects, 'Service', `reviews-${v}`);
      expect(svc.spec.selector).toEqual({ app: 'reviews', version: v });
      expect(svc.spec.ports).toEqual([{ name: 'http', port: 9080, targetPort: 9080 }]);
    }
  });

  test("each version's load balancer moves from its subset to its version Service's DestinationRule", () => {
    const subsets = only(onIstio.objects, 'DestinationRule').spec.subsets;
    expect(subsets.map((s: any) => s.trafficPolicy)).toEqual([{ loadBalancer: { simple: 'LEAST_REQUEST' } }, { loadBalancer: { simple: 'ROUND_ROBIN' } }]);
    expect(only(onGateway.objects, 'DestinationRule', 'reviews-v1').spec).toEqual({ host: 'reviews-v1', trafficPolicy: subsets[0].trafficPolicy });
    expect(only(onGateway.objects, 'DestinationRule', 'reviews-v2').spec).toEqual({ host: 'reviews-v2', trafficPolicy: subsets[1].trafficPolicy });
  });

  test('the VirtualService and the HTTPRoute say the same: jason to v2, the rest 75/25 with a 10s timeout', () => {
    expect(only(onIstio.objects, 'VirtualService').spec.http).toEqual([
      { match: [{ headers: { 'end-user': { exact: 'jason' } } }], route: [{ destination: { host: 'reviews', subset: 'v2' } }] },
      {
        route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 75 }, { destination: { host: 'reviews', subset: 'v2' }, weight: 25 }],
        timeout: '10s',
      },
    ]);
    expect(only(onGateway.objects, 'HTTPRoute').spec).toEqual({
      parentRefs: [{ group: '', kind: 'Service', name: 'reviews' }],
      rules: [
        { matches: [{ headers: [{ name: 'end-user', type: 'Exact', value: 'jason' }] }], backendRefs: [{ name: 'reviews-v2', port: 9080 }] },
        {
          backendRefs: [{ name: 'reviews-v1', port: 9080, weight: 75 }, { name: 'reviews-v2', port: 9080, weight: 25 }],
          timeouts: { request: '10s' },
        },
      ],
    });
  });

  test('exposes the Gateway API objects; the Istio-only members say what to use instead', () => {
    const s = onGateway.service;
    expect(s.trafficBackend.kind).toBe(TrafficBackendKind.GATEWAY_API);
    expect(s.httpRoute?.kind).toBe('HTTPRoute');
    expect(Object.keys(s.versionServices)).toEqual(['v1', 'v2']);
    expect(s.versionServices.v2.name).toBe('reviews-v2');
    expect(Object.keys(s.versionDestinationRules)).toEqual(['v1', 'v2']);
    expect(() => s.virtualService).toThrow("[test/reviews] 'virtualService' is not written on the Gateway API backend (trafficBackend: gateway-api); use 'httpRoute'");
    expect(() => s.destinationRule).toThrow("use 'versionDestinationRules'");
    expect(onIstio.service.httpRoute).toBeUndefined();
    expect(onIstio.service.versionServices).toEqual({});
  });

  test('the Mermaid picture is the same for both backends', () => {
    expect(onGateway.service.toMermaid()).toBe(onIstio.service.toMermaid());
    expect(onGateway.service.toMermaid()).toContain('rule1{"1. header end-user = jason"}');
  });

  test('synthesizes byte-identical output twice', () => {
    expect(JSON.stringify(synth(chart => buildReviews(chart, gatewayApi())).objects)).toBe(JSON.stringify(onGateway.objects));
  });
});

describe('a three-way split with a mirror on both backends', () => {
  const onIstio = synth(chart => buildThreeWay(chart, istio()));
  const onGateway = synth(chart => buildThreeWay(chart, gatewayApi()));

  test('the VirtualService mirrors 25% to v3 and splits 60/30/10', () => {
    const catchAll = only(onIstio.objects, 'VirtualService').spec.http[1];
    expect(catchAll.mirror).toEqual({ host: 'ratings', subset: 'v3' });
    expect(catchAll.mirrorPercentage).toEqual({ value: 25 });
    expect(catchAll.route.map((r: any) => r.weight)).toEqual([60, 30, 10]);
  });

  test('the HTTPRoute mirrors 25% to the v3 Service, sets the header and splits 60/30/10; no DestinationRule without policies', () => {
    expect(only(onGateway.objects, 'HTTPRoute').spec.rules).toEqual([
      { matches: [{ headers: [{ name: 'x-version', type: 'Exact', value: 'v3' }] }], backendRefs: [{ name: 'ratings-v3', port: 80 }] },
      {
        backendRefs: [
          { name: 'ratings-v1', port: 80, weight: 60 },
          { name: 'ratings-v2', port: 80, weight: 30 },
          { name: 'ratings-v3', port: 80, weight: 10 },
        ],
        filters: [
          { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-canary-split', value: 'weighted' }] } },
          { type: 'RequestMirror', requestMirror: { backendRef: { name: 'ratings-v3', port: 80 }, percent: 25 } },
        ],
      },
    ]);
    expect(ofKind(onGateway.objects, 'DestinationRule')).toEqual([]);
    expect(ofKind(onGateway.objects, 'Service').map(s => s.metadata.name)).toEqual(['ratings', 'ratings-v1', 'ratings-v2', 'ratings-v3']);
  });

  test('a fractional mirror percentage becomes an exact fraction; mirrors to several versions become several filters', () => {
    const chart = Testing.chart();
    const props = threeWayProps(gatewayApi());
    new CanaryService(chart, 'ratings', {
      ...props,
      defaultRoute: { mirrors: [{ version: 'v2', percentage: 0.5 }, { version: 'v3' }] },
    });
    const filters = only(synthValid(chart), 'HTTPRoute').spec.rules[1].filters;
    expect(filters).toEqual([
      { type: 'RequestMirror', requestMirror: { backendRef: { name: 'ratings-v2', port: 80 }, fraction: { numerator: 500000, denominator: 100000000 } } },
      { type: 'RequestMirror', requestMirror: { backendRef: { name: 'ratings-v3', port: 80 } } },
    ]);
  });

  test('the Mermaid picture is the same for both backends', () => {
    expect(onGateway.service.toMermaid()).toBe(onIstio.service.toMermaid());
    expect(onGateway.service.toMermaid()).toContain('rule2 -.->|mirror 25%| subset2');
  });
});

describe('promote() and RolloutPlan on the Gateway API backend', () => {
  test('promote keeps the backend and moves the whole catch-all to the canary', () => {
    const chart = Testing.chart();
    const props = CanaryService.promote(reviewsProps(gatewayApi()), 'v2');
    new CanaryService(chart, 'reviews', props);
    const rules = only(synthValid(chart), 'HTTPRoute').spec.rules;
    expect(rules[1].backendRefs).toEqual([{ name: 'reviews-v1', port: 9080, weight: 0 }, { name: 'reviews-v2', port: 9080, weight: 100 }]);
  });

  test('promote with removeOthers leaves one version Service and one backend', () => {
    const chart = Testing.chart();
    const { routes, ...props } = reviewsProps(gatewayApi());
    new CanaryService(chart, 'reviews', CanaryService.promote(props, 'v2', { removeOthers: true }));
    const objects = synthValid(chart);
    expect(ofKind(objects, 'Service').map(s => s.metadata.name)).toEqual(['reviews', 'reviews-v2']);
    expect(only(objects, 'HTTPRoute').spec.rules).toEqual([{ backendRefs: [{ name: 'reviews-v2', port: 9080, weight: 100 }], timeouts: { request: '10s' } }]);
  });

  test('each step of a plan changes only the HTTPRoute weights', () => {
    const plan = new RolloutPlan({ stable: 'v1', canary: 'v2', canaryWeights: [10, 50, 100] });
    const weights = plan.steps.map((_, i) => {
      const chart = Testing.chart();
      new CanaryService(chart, 'reviews', plan.stepProps(reviewsProps(gatewayApi()), i));
      return only(synthValid(chart), 'HTTPRoute').spec.rules[1].backendRefs.map((b: any) => b.weight);
    });
    expect(weights).toEqual([[90, 10], [50, 50], [0, 100]]);
  });
});

describe('parents: the Service (mesh) and Gateways', () => {
  test('gateways are added as Gateway parents; mesh: false leaves the Service out', () => {
    const chart = Testing.chart();
    new CanaryService(chart, 'reviews', reviewsProps(TrafficBackend.gatewayApi({
      mesh: false,
      gateways: [{ name: 'public', namespace: 'edge', sectionName: 'https' }, { name: 'internal' }],
    })));
    expect(only(synthValid(chart), 'HTTPRoute').spec.parentRefs).toEqual([
      { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'edge', sectionName: 'https' },
      { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'internal' },
    ]);
  });

  test('a multi-port Service: the Service parent names the routed port, backendRefs use it', () => {
    const chart = Testing.chart();
    new CanaryService(chart, 'app', {
      trafficBackend: gatewayApi(),
      versions: ['v1', 'v2'].map(name => ({ name, containers: [{ image: `ghcr.io/example/app:${name}`, portNumber: 8080 }] })),
      ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'tcp-metrics', port: 9090, targetPort: 8080 }],
    });
    const route = only(synthValid(chart), 'HTTPRoute').spec;
    expect(route.parentRefs).toEqual([{ group: '', kind: 'Service', name: 'app', port: 80 }]);
    expect(route.rules[0].backendRefs).toEqual([{ name: 'app-v1', port: 80, weight: 100 }, { name: 'app-v2', port: 80, weight: 0 }]);
  });

  test('a service-wide policy is merged under each version\'s own, field by field, as Istio merges a subset\'s', () => {
    const chart = Testing.chart();
    const props = reviewsProps(gatewayApi());
    new CanaryService(chart, 'reviews', { ...props, trafficPolicy: { connectionPool: { tcp: { maxConnections: 100 } } } });
    expect(only(synthValid(chart), 'DestinationRule', 'reviews-v1').spec.trafficPolicy).toEqual({
      loadBalancer: { simple: 'LEAST_REQUEST' },
      connectionPool: { tcp: { maxConnections: 100 } },
    });
  });
});

describe('cross-object checks on the Gateway API backend (objects as written, escape hatches included)', () => {
  function patched(patch: (s: CanaryService) => void): () => void {
    const chart = Testing.chart();
    const s = buildReviews(chart, gatewayApi());
    patch(s);
    return () => Testing.synth(chart);
  }

  test('a backendRef to a Service that does not exist', () => {
    expect(patched(s => s.httpRoute!.addJsonPatch(JsonPatch.replace('/spec/rules/0/backendRefs/0/name', 'reviews-v3'))))
      .toThrow("'httpRoute.spec.rules[0].backendRefs[0].name' (\"reviews-v3\") must name a version Service (reviews-v1, reviews-v2); a backendRef to a missing Service answers 500");
  });

  test('a backendRef to a port the Service does not have', () => {
    expect(patched(s => s.httpRoute!.addJsonPatch(JsonPatch.replace('/spec/rules/1/backendRefs/1/port', 8080))))
      .toThrow("'httpRoute.spec.rules[1].backendRefs[1].port' (8080) must be a port of Service reviews-v2 (9080)");
  });

  test("a version Service whose selector lost the version label selects every version's pods", () => {
    expect(patched(s => ApiObject.of(s.versionServices.v2).addJsonPatch(JsonPatch.remove('/spec/selector/version'))))
      .toThrow('\'versionServices["v2"].spec.selector\' ({"app":"reviews"}) must select the pods of version v2');
  });

  test('weights that no longer sum to 100', () => {
    expect(patched(s => s.httpRoute!.addJsonPatch(JsonPatch.replace('/spec/rules/1/backendRefs/1/weight', 30))))
      .toThrow("'httpRoute.spec.rules[1]' ([75,30]) must be the catch-all rule (no matches) whose backendRef weights sum to 100 (they sum to 105)");
  });

  test('the validation layer reports HTTPRoute schema and CEL problems under the prop that made them', () => {
    expect(patched(s => s.httpRoute!.addJsonPatch(JsonPatch.add('/spec/rules/1/timeouts/backendRequest', '20s'))))
      .toThrow("HTTPRoute reviews: 'defaultRoute.timeout' (\"20s\") must not be longer than the request timeout (10s) [gateway-api v1.5.1 CEL: backendRequest timeout cannot be longer than request timeout]");
  });
});
