import { Chart, Testing } from 'cdk8s';
import { reviewsProps } from './scenarios';
import { CanaryService, istio, TrafficBackend, Waypoint } from '../../../src';
import { ofKind, only, synthValid } from '../../util/validate';

describe('Istio ambient: binding the service to a waypoint', () => {
  test('Waypoint.create() writes the waypoint Gateway and labels the Service with istio.io/use-waypoint', () => {
    // GIVEN
    const chart = Testing.chart();
    const c = new CanaryService(chart, 'reviews', reviewsProps(TrafficBackend.gatewayApi({ waypoint: Waypoint.create() })));
    // WHEN
    const objects = synthValid(chart);
    // THEN
    expect(only(objects, 'Gateway')).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'waypoint', labels: { 'istio.io/waypoint-for': 'service' } },
      spec: { gatewayClassName: 'istio-waypoint', listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] },
    });
    expect(only(objects, 'Service', 'reviews').metadata.labels).toEqual({ 'istio.io/use-waypoint': 'waypoint' });
    expect(c.waypoint?.kind).toBe('Gateway');
    // the route is the same as in sidecar mode: its parent is the Service
    expect(only(objects, 'HTTPRoute').spec.parentRefs).toEqual([{ group: '', kind: 'Service', name: 'reviews' }]);
  });

  test('Waypoint.use() references a waypoint of another namespace without writing one', () => {
    const chart = Testing.chart();
    const c = new CanaryService(chart, 'reviews', reviewsProps(TrafficBackend.gatewayApi({ waypoint: Waypoint.use('shared-waypoint', 'mesh-system') })));
    const objects = synthValid(chart);
    expect(ofKind(objects, 'Gateway')).toEqual([]);
    expect(c.waypoint).toBeUndefined();
    expect(only(objects, 'Service', 'reviews').metadata.labels).toEqual({
      'istio.io/use-waypoint': 'shared-waypoint',
      'istio.io/use-waypoint-namespace': 'mesh-system',
    });
  });

  test('a waypoint needs the Service parent, and a name Istio can give its Service', () => {
    expect(() => new CanaryService(Testing.chart(), 'reviews', reviewsProps(TrafficBackend.gatewayApi({
      mesh: false, gateways: [{ name: 'public' }], waypoint: Waypoint.create(),
    })))).toThrow("'trafficBackend.waypoint' (\"waypoint\") needs 'mesh': in ambient mode the waypoint applies routes whose parent is the Service");
    expect(() => new CanaryService(Testing.chart(), 'reviews', reviewsProps(TrafficBackend.gatewayApi({ waypoint: Waypoint.create('1-waypoint') }))))
      .toThrow("'trafficBackend.waypoint.name' (\"1-waypoint\") must be a DNS-1035 label");
  });

  test('source matches, which ambient ignores, are refused', () => {
    const c = new CanaryService(Testing.chart(), 'reviews', reviewsProps(TrafficBackend.gatewayApi({ waypoint: Waypoint.create() })));
    expect(() => c.routeSourceLabels({ app: 'productpage', version: 'v2' }, 'v2')).toThrow('Istio ambient ignores sourceLabels on waypoints');
  });
});

describe('one host, one routing API per App', () => {
  test('a VirtualService for the same host anywhere in the App is refused', () => {
    // GIVEN the reviews service on the Gateway API, and elsewhere in the App a hand-written VirtualService for it
    const app = Testing.app();
    const chart = new Chart(app, 'bookinfo', { namespace: 'bookinfo' });
    new CanaryService(chart, 'reviews', reviewsProps(TrafficBackend.gatewayApi({ waypoint: Waypoint.create() })));
    const other = new Chart(app, 'legacy', { namespace: 'bookinfo' });
    new istio.VirtualService(other, 'reviews-vs', {
      metadata: { name: 'reviews-legacy' },
      spec: { hosts: ['reviews.bookinfo.svc.cluster.local'], http: [{ route: [{ destination: { host: 'reviews' } }] }] },
    });
    // THEN
    expect(() => app.synth()).toThrow('VirtualService reviews-legacy (legacy/reviews-vs) routes host reviews.bookinfo.svc.cluster.local, which this CanaryService '
      + 'routes with an HTTPRoute on the Gateway API backend: a VirtualService and an HTTPRoute for the same host is undefined behaviour in Istio');
  });

  test('a VirtualService for the same name in another namespace is fine', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'bookinfo', { namespace: 'bookinfo' });
    new CanaryService(chart, 'reviews', reviewsProps(TrafficBackend.gatewayApi()));
    new istio.VirtualService(new Chart(app, 'other', { namespace: 'other' }), 'vs', {
      metadata: { name: 'reviews' },
      spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] },
    });
    expect(() => app.synth()).not.toThrow();
  });

  test('two CanaryServices for one host on different backends are refused', () => {
    const app = Testing.app();
    new CanaryService(new Chart(app, 'a', { namespace: 'shop' }), 'reviews', reviewsProps(TrafficBackend.gatewayApi()));
    new CanaryService(new Chart(app, 'b', { namespace: 'shop' }), 'reviews', reviewsProps(TrafficBackend.istio()));
    expect(() => app.synth()).toThrow('VirtualService reviews (b/reviews/VirtualService) routes host reviews');
  });

  test('another HTTPRoute attached to the same Service is refused', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'bookinfo', { namespace: 'bookinfo' });
    new CanaryService(chart, 'reviews', reviewsProps(TrafficBackend.gatewayApi()));
    new CanaryService(new Chart(app, 'copy', { namespace: 'bookinfo' }), 'reviews', reviewsProps(TrafficBackend.gatewayApi()));
    expect(() => app.synth()).toThrow('HTTPRoute reviews (copy/reviews/GatewayApi/HTTPRoute) also attaches to Service reviews: Istio merges the routes of one Service by creation time');
  });
});
