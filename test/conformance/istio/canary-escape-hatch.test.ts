/**
 * Upstream's invalid HTTP route and traffic policy cases, written into a CanaryService through its escape
 * hatches (a JSON patch on the VirtualService or DestinationRule): each is refused at synth, under the
 * construct path, naming the patched field and the upstream rule.
 */
import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import { expand } from './support';
import * as main from './upstream/validation-test';
import { CanaryService } from '../../../src';

function synthError(patch: (app: CanaryService) => void): string {
  const chart = Testing.chart();
  const app = new CanaryService(chart, 'app', {
    versions: ['v1', 'v2'].map(name => ({ name, containers: [{ image: `ghcr.io/example/app:${name}`, portNumber: 8080 }] })),
  });
  patch(app);
  try {
    Testing.synth(chart);
  } catch (e: any) {
    return e.message;
  }
  return '';
}

/** Whether a case holds a Go nil inside a list or map (JSON null). */
const holdsNull = (value: any): boolean => Array.isArray(value) ? value.some(v => v === null || holdsNull(v))
  : value !== null && typeof value === 'object' ? Object.values(value).some(v => v === null || holdsNull(v)) : false;

// Cases with a null inside a list or map (`Match: []*HTTPMatchRequest{nil}`, a nil header match) are left out:
// the CRD schema refuses them, and the typed bindings cdk8s imports cannot render them (their toJson reads
// fields of every list entry), so no escape hatch writes them.
const invalid = (cases: any[]) => cases.filter(c => c.valid === false && !holdsNull(c)).map(expand).map(c => [c.name, c] as const);

describe('upstream invalid cases written through escape hatches are refused, naming the patched field', () => {
  test.each(invalid(main.TestValidateHTTPRoute))('TestValidateHTTPRoute: %s', (_name, c) => {
    // GIVEN the case as the VirtualService's only http rule WHEN synthesized THEN Istio's rule refuses it
    const message = synthError(app => ApiObject.of(app.virtualService).addJsonPatch(JsonPatch.replace('/spec/http', [c.route])));
    expect(message).toMatch(/\[test\/app\] VirtualService app: 'virtualService\.spec\.http\[0\][^']*' \(.*\) .* \[istio [^\]]+\]/);
  });

  test.each(invalid(main.TestValidateTrafficPolicy))('TestValidateTrafficPolicy: %s', (_name, c) => {
    const message = synthError(app => ApiObject.of(app.destinationRule).addJsonPatch(JsonPatch.add('/spec/trafficPolicy', c.in)));
    expect(message).toMatch(/\[test\/app\] DestinationRule app: 'destinationRule\.spec\.trafficPolicy[^']*' \(.*\) .* \[istio [^\]]+\]/);
  });
});
