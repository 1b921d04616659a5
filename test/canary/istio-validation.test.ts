/**
 * CanaryService runs the validation layer's Istio rules (a port of Istio 1.30's webhook) over the objects it
 * writes, once, at synth: props and escape-hatch edits are checked by the same rules, refusals name the prop.
 */
import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { CanaryService, CanaryServiceProps, ClientTlsMode, ConsistentHashKey, LoadBalancerSettings } from '../../src';
import { warningsOf } from '../../src/common';

const PATH = '[test/app]';

function make(extra: Partial<CanaryServiceProps> = {}): { chart: Chart; app: CanaryService } {
  const chart = Testing.chart();
  const versions = ['v1', 'v2'].map(name => ({ name, containers: [{ image: `ghcr.io/example/app:${name}`, portNumber: 8080 }] }));
  return { chart, app: new CanaryService(chart, 'app', { versions, ...extra }) };
}

function synthError(chart: Chart): string {
  try {
    Testing.synth(chart);
  } catch (e: any) {
    return e.message;
  }
  return '';
}

describe('CanaryService: Istio webhook rules at synth, mapped to props', () => {
  test('a header edit Istio refuses (a pseudo-header) names the route prop', () => {
    // GIVEN a rule whose header edit sets :path
    const { chart, app } = make();
    app.routeHeader('x-canary', { exact: 'yes' }, 'v2', { headers: { request: { set: { ':path': '/v2' } } } });
    // WHEN synthesized THEN the webhook's rule refuses it, under the prop that wrote it
    expect(synthError(chart)).toContain(`${PATH} VirtualService app: 'routes[0].headers.request.set[":path"]' (":path") `
      + 'must not start with ":" (pseudo-headers cannot be set, except :authority) [istio validateHTTPRoute]');
  });

  test('a header value with an unterminated %VAR% (Envoy\'s syntax) names the catch-all prop', () => {
    const { chart } = make({ defaultRoute: { headers: { response: { set: { 'x-load': '100%' } } } } });
    expect(synthError(chart)).toContain('\'defaultRoute.headers.response.set["x-load"]\' ("100%") has an unescaped %');
  });

  test('a rule whose uri prefix an earlier rule covers warns, as Istio\'s webhook does, and is still written', () => {
    // GIVEN /api before /api/v2 (both GET by default)
    const { chart, app } = make();
    app.routeUri({ prefix: '/api' }, 'v1');
    app.routeUri({ prefix: '/api/v2' }, 'v2');
    // WHEN synthesized THEN it is not refused, and the warning names the match
    const objects = Testing.synth(chart);
    expect(objects).toHaveLength(5);
    expect(warningsOf(app)).toEqual([expect.stringContaining('\'routes[1].match.uri.prefix\' ("/api/v2") is never used: match #0 of prefix /api on rule #0 takes its requests')]);
  });

  test('an escape-hatch edit is checked too, and reported by its JSON path', () => {
    // GIVEN a JSON patch that writes a retryOn policy Envoy does not know
    const { chart, app } = make();
    ApiObject.of(app.virtualService).addJsonPatch(JsonPatch.add('/spec/http/0/retries', { attempts: 2, retryOn: '5xx,on-error' }));
    // WHEN synthesized THEN the layer refuses it, naming the member and the path
    expect(synthError(chart)).toContain(`${PATH} VirtualService app: 'virtualService.spec.http[0].retries.retryOn' ("5xx,on-error") `
      + 'must list HTTP status codes or Envoy retry policies');
  });

  test('a DestinationRule edit that Istio refuses (insecureSkipVerify with a CA) is refused', () => {
    const { chart, app } = make();
    ApiObject.of(app.destinationRule).addJsonPatch(JsonPatch.add('/spec/trafficPolicy',
      { tls: { mode: 'SIMPLE', caCertificates: '/etc/ca.pem', insecureSkipVerify: true } }));
    expect(synthError(chart)).toContain("'destinationRule.spec.trafficPolicy.tls.insecureSkipVerify' (true) must not be true together with "
      + 'caCertificates, credentialName or subjectAltNames [istio agent.ValidateTLS]');
  });

  test('retryOn policies Istio 1.30 added (reset-before-request) pass the layer', () => {
    // GIVEN a patch with Istio 1.30's newer policies WHEN synthesized THEN nothing is refused
    const { chart, app } = make();
    ApiObject.of(app.virtualService).addJsonPatch(JsonPatch.add('/spec/http/0/retries',
      { attempts: 2, retryOn: 'reset-before-request,http3-post-connect-failure,503' }));
    expect(synthError(chart)).toBe('');
  });

  test('typed props accept what Istio 1.30 accepts: newer retryOn policies and the CORS method *', () => {
    // GIVEN a route with Istio 1.30's retry policies and a catch-all whose CORS allows every method
    const { chart, app } = make({ defaultRoute: { corsPolicy: { allowOrigins: [{ exact: 'https://shop.example.com' }], allowMethods: ['*'] } } });
    app.routeHeader('x-canary', { exact: 'yes' }, 'v2', { retries: { attempts: 2, retryOn: ['reset-before-request', 'http3-post-connect-failure'] } });
    // WHEN synthesized THEN nothing is refused and the policies are written
    const vs: any = Testing.synth(chart).find((o: any) => o.kind === 'VirtualService');
    expect(vs.spec.http[0].retries.retryOn).toBe('reset-before-request,http3-post-connect-failure');
    expect(vs.spec.http[1].corsPolicy.allowMethods).toEqual(['*']);
  });

  test('typed props accept the edges Istio accepts: retries off, abort 600, CORS without origins, any hash header, ISTIO_MUTUAL with certificates', () => {
    // GIVEN each edge Istio 1.30's webhook accepts (validateHTTPRetry, validateHTTPStatus, validateCORSPolicy,
    // validateLoadBalancer, agent.ValidateTLS)
    const { chart, app } = make({
      defaultRoute: { corsPolicy: { allowMethods: ['GET'] } },
      trafficPolicy: {
        loadBalancer: LoadBalancerSettings.consistentHash(ConsistentHashKey.header('X-User')),
        tls: { mode: ClientTlsMode.ISTIO_MUTUAL, caCertificates: '/etc/certs/root.pem' },
      },
    });
    app.routeHeader('x-canary', { exact: 'yes' }, 'v2', { retries: { attempts: 0 }, fault: { abort: { httpStatus: 600, percentage: 1 } } });
    app.routeHeader('x-retry', { exact: 'yes' }, 'v2', { retries: { attempts: 2, retryOn: ['+503', 'reset'] } });
    // WHEN synthesized THEN nothing is refused, each is written as given
    const objects: any[] = Testing.synth(chart);
    const vs = objects.find(o => o.kind === 'VirtualService');
    const dr = objects.find(o => o.kind === 'DestinationRule');
    expect(vs.spec.http[0].retries).toEqual({ attempts: 0 });
    expect(vs.spec.http[0].fault.abort.httpStatus).toBe(600);
    expect(vs.spec.http[1].retries.retryOn).toBe('+503,reset');
    expect(vs.spec.http[2].corsPolicy).toEqual({ allowMethods: ['GET'] });
    expect(dr.spec.trafficPolicy.loadBalancer.consistentHash).toEqual({ httpHeaderName: 'X-User' });
    expect(dr.spec.trafficPolicy.tls).toEqual({ mode: 'ISTIO_MUTUAL', caCertificates: '/etc/certs/root.pem' });
    // AND the certificates Istio ignores in ISTIO_MUTUAL are a warning
    expect(warningsOf(app)).toEqual([expect.stringContaining("'trafficPolicy.tls.mode' (ISTIO_MUTUAL) uses the sidecar's Istio certificates: 'caCertificates' is ignored")]);
  });
});

