import { Duration, Testing } from 'cdk8s';
import { CanaryService, IpvsLoadBalancer, IpvsPersistence } from '../../src';
import { only, synthValid } from '../util/validate';

// GIVEN a canary, WHEN an IpvsLoadBalancer fronts its Service, THEN the one Service carries the IPVS
// settings and still selects every version (weights stay with Istio, persistence with IPVS).
describe('CanaryService fronted by IpvsLoadBalancer', () => {
  test('the canary Service gains external IPs and ClientIP persistence, and keeps its selector', () => {
    const chart = Testing.chart();
    const canary = new CanaryService(chart, 'reviews', {
      versions: [
        { name: 'v1', containers: [{ image: 'reviews:1', portNumber: 9080 }], replicas: 2 },
        { name: 'v2', containers: [{ image: 'reviews:2', portNumber: 9080 }], replicas: 1 },
      ],
      canaryWeight: 25,
    });
    const lb = new IpvsLoadBalancer(chart, 'entry', {
      service: canary.service,
      virtualIps: ['192.0.2.20'],
      persistence: IpvsPersistence.clientIp(Duration.minutes(10)),
    });

    const objects = synthValid(chart);
    expect(lb.service).toBe(canary.service);
    const service = only(objects, 'Service');
    expect(service.metadata.name).toBe('reviews');
    expect(service.spec.selector).toEqual({ app: 'reviews' });
    expect(service.spec.externalIPs).toEqual(['192.0.2.20']);
    expect(service.spec.sessionAffinity).toBe('ClientIP');
    expect(service.spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 600 } });
    expect(only(objects, 'VirtualService').spec.http[0].route.map((r: any) => r.weight)).toEqual([75, 25]);
  });
});
