import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import { buildReviews } from './reviews';
import { CanaryService } from '../../src';
import { ManifestObject, ofKind, only, synthValid } from '../util/validate';

function subsetsOf(objects: ManifestObject[]): Map<string, Record<string, string>> {
  return new Map(only(objects, 'DestinationRule').spec.subsets.map((s: any) => [s.name, s.labels]));
}

function carries(labels: Record<string, string>, selector: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

describe('CanaryService objects agree with each other', () => {
  test('every routed or mirrored subset exists and selects exactly its Deployment\'s pods; the Service selects every version', () => {
    // GIVEN the seed plus a mirrored rule
    const chart = Testing.chart();
    const service = buildReviews(chart);
    service.routeUri({ prefix: '/reviews/beta' }, 'v1', { mirror: { version: 'v2', percentage: 5 } });
    // WHEN
    const objects = synthValid(chart);
    const subsets = subsetsOf(objects);
    const deployments = ofKind(objects, 'Deployment');
    const svc = only(objects, 'Service');
    const vs = only(objects, 'VirtualService').spec;

    // THEN every destination and mirror names a subset of the same host
    const targets = vs.http.flatMap((rule: any) => [
      ...rule.route.map((r: any) => r.destination),
      ...(rule.mirror ? [rule.mirror] : []),
    ]);
    expect(targets.length).toBe(6); // header, source, uri + its mirror, the two-way split
    for (const t of targets) {
      expect(t.host).toBe(only(objects, 'DestinationRule').spec.host);
      expect(t.host).toBe(svc.metadata.name);
      expect(subsets.has(t.subset)).toBe(true);
    }
    // each subset selects the pods of exactly one Deployment, the one of its version
    for (const [name, labels] of subsets) {
      const selected = deployments.filter(d => carries(d.spec.template.metadata.labels, labels));
      expect(selected.map(d => d.metadata.name)).toEqual([`reviews-${name}`]);
    }
    // the Service selects the pods of every Deployment and has no version key
    expect(Object.keys(svc.spec.selector)).not.toContain('version');
    for (const d of deployments) {
      expect(carries(d.spec.template.metadata.labels, svc.spec.selector)).toBe(true);
      expect(carries(d.spec.template.metadata.labels, d.spec.selector.matchLabels)).toBe(true);
      expect(d.spec.selector.matchLabels.version).toBe(d.spec.template.metadata.labels.version);
    }
  });
});

describe('CanaryService refuses at synth what escape hatches break', () => {
  function app(): CanaryService {
    return new CanaryService(Testing.chart(), 'app', {
      versions: ['v1', 'v2'].map(name => ({ name, containers: [{ image: `ghcr.io/example/app:${name}`, portNumber: 8080 }] })),
      canaryWeight: 10,
    });
  }

  function synthError(c: CanaryService): string {
    try {
      Testing.synth(c.node.scope as any);
    } catch (e: any) {
      return e.message;
    }
    return '';
  }

  test('a route to a subset the DestinationRule lacks [IST0101]', () => {
    const c = app();
    ApiObject.of(c.destinationRule).addJsonPatch(JsonPatch.remove('/spec/subsets/1'));
    expect(synthError(c)).toContain("[test/app] 'virtualService.spec.http[0].route[1].destination.subset' (\"v2\") "
      + 'must be a subset of the DestinationRule (v1); requests to it fail with 503 [IST0101]');
  });

  test('a subset whose labels no pod carries [IST0173]', () => {
    const c = app();
    ApiObject.of(c.destinationRule).addJsonPatch(JsonPatch.replace('/spec/subsets/1/labels', { version: 'v3' }));
    expect(synthError(c)).toContain("[test/app] 'destinationRule.spec.subsets[\"v2\"].labels' ({\"version\":\"v3\"}) "
      + 'must be carried by the pods of Deployment app-v2');
  });

  test('pods relabelled after construction no longer match their subset [IST0173]', () => {
    const c = app();
    c.deployment('v2').podMetadata.addLabel('version', 'canary');
    expect(synthError(c)).toContain('[IST0173]');
  });

  test('a subset that also selects another version\'s pods', () => {
    const c = app();
    ApiObject.of(c.destinationRule).addJsonPatch(JsonPatch.replace('/spec/subsets/0/labels', { app: 'app' }));
    expect(synthError(c)).toContain("'destinationRule.spec.subsets[\"v1\"].labels' ({\"app\":\"app\"}) also select the pods of version v2");
  });

  test('a DestinationRule for another host [IST0174]', () => {
    const c = app();
    ApiObject.of(c.destinationRule).addJsonPatch(JsonPatch.replace('/spec/host', 'ratings'));
    expect(synthError(c)).toContain("[test/app] 'destinationRule.spec.host' (\"ratings\") must be the Service's host (app) [IST0174]");
  });

  test('a route to another host [IST0174]', () => {
    const c = app();
    ApiObject.of(c.virtualService).addJsonPatch(JsonPatch.replace('/spec/http/0/route/0/destination/host', 'ratings'));
    expect(synthError(c)).toContain("'virtualService.spec.http[0].route[0].destination.host' (\"ratings\") must be the Service's host (app)");
  });

  test('a Service selector with the version label', () => {
    const c = app();
    c.service.selectLabel('version', 'v1');
    const message = synthError(c);
    expect(message).toContain("[test/app] 'service.spec.selector' ({\"app\":\"app\",\"version\":\"v1\"}) must not contain the version label 'version'");
    expect(message).toContain('must select the pods of version v2');
  });

  test('a port bound later with a name Istio cannot read [IST0118]', () => {
    const c = app();
    c.service.bind(9090, { name: 'metrics', targetPort: 8080 });
    expect(synthError(c)).toContain("[test/app] 'service.spec.ports[1].name' (\"metrics\") must be named by protocol");
  });

  test('a second HTTP port bound later leaves the routes without a port [IST0112]', () => {
    const c = app();
    c.service.bind(8081, { name: 'http-admin', targetPort: 8080 });
    expect(synthError(c)).toContain("'virtualService.spec.http[0].route[0].destination.port' (undefined) must be one of the Service's ports (80, 8081)");
  });

  test('a target port the containers do not declare', () => {
    const c = new CanaryService(Testing.chart(), 'app', {
      versions: [{ name: 'v1', containers: [{ image: 'ghcr.io/example/app:1', portNumber: 8080 }] }],
      ports: [{ name: 'http', port: 80, targetPort: 9999 }],
    });
    expect(synthError(c)).toContain("'service.spec.ports[0].targetPort' (9999) must be a port the containers of version v1 declare (8080)");
  });
});
