/**
 * Upstream's valid cases, as whole objects, also pass the Istio schema oracle (@kubernetes-models/istio,
 * generated from Istio's CRDs): what Istio's webhook accepts, its CRD schema accepts too, and our validator
 * finds no error in the whole object.
 */
import { expand } from './support';
import * as agent from './upstream/agent-validation-test';
import * as gwse from './upstream/gateway-serviceentry-test';
import * as main from './upstream/validation-test';
import * as vs from './upstream/virtualservice-test';
import { validateObject } from '../../../src/validation';
import { ProblemSeverity } from '../../../src/validation/problem';
import { ManifestObject, validateObjects } from '../../util/validate';

const meta = { name: 'x', namespace: 'someNamespace' };
const virtualService = (spec: any): ManifestObject => ({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: meta, spec });
const destinationRule = (spec: any): ManifestObject => ({ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: meta, spec });
const gateway = (spec: any): ManifestObject => ({ apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: meta, spec });
const serviceEntry = (spec: any, labels?: any): ManifestObject =>
  ({ apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: labels ? { ...meta, labels } : meta, spec });
/** Gateway tables say valid with an empty `out`. */
const byOut = (cases: any[]) => cases.map(c => ({ ...c, valid: c.out === '' }));
const httpsServer = { hosts: ['foo.bar.com'], port: { name: 'https', number: 443, protocol: 'HTTPS' } };

/** Valid upstream cases as whole objects, by table. */
const WHOLE: Array<[string, any[], (c: any) => ManifestObject | undefined]> = [
  ['TestValidateVirtualService', main.TestValidateVirtualService, c => virtualService(c.in)],
  ['TestValidateChainingVirtualService', vs.TestValidateChainingVirtualService, c => virtualService(c.in)],
  ['TestValidateDestinationRule', main.TestValidateDestinationRule, c => destinationRule(c.in)],
  ['TestValidateHTTPRoute', main.TestValidateHTTPRoute, c => virtualService({ hosts: ['foo.bar'], http: [c.route] })],
  ['TestValidateTrafficPolicy', main.TestValidateTrafficPolicy, c => destinationRule({ host: 'reviews', trafficPolicy: c.in })],
  ['TestValidateConnectionPool', main.TestValidateConnectionPool, c => destinationRule({ host: 'reviews', trafficPolicy: { connectionPool: c.in } })],
  ['TestValidateLoadBalancer', main.TestValidateLoadBalancer, c => destinationRule({ host: 'reviews', trafficPolicy: { loadBalancer: c.in } })],
  ['TestValidateOutlierDetection', main.TestValidateOutlierDetection, c => destinationRule({ host: 'reviews', trafficPolicy: { outlierDetection: c.in } })],
  ['TestValidateTLS', agent.TestValidateTLS, c => destinationRule({ host: 'reviews', trafficPolicy: { tls: c.tls } })],
  ['TestValidateGateway', byOut(gwse.TestValidateGateway), c => gateway(c.in)],
  ['TestValidateServer', byOut(gwse.TestValidateServer), c => gateway({ servers: [c.in] })],
  ['TestValidateTlsOptions', byOut(gwse.TestValidateTlsOptions), c => gateway({ servers: [{ ...httpsServer, tls: c.in }] })],
  ['TestValidateServiceEntries', gwse.TestValidateServiceEntries, c => serviceEntry(c.in, c.labels)],
];

describe('valid upstream cases pass the Istio schema oracle as whole objects', () => {
  for (const [table, cases, wrap] of WHOLE) {
    const valid = cases.filter(c => c.valid && c.in !== null && c.route !== null).map(expand);
    test(`${table}: ${valid.length} valid cases`, () => {
      // GIVEN upstream's valid cases, each made a whole object
      const objects = valid.map(wrap).filter((o): o is ManifestObject => o !== undefined);
      // WHEN the schema oracle and our layer check them THEN neither refuses one
      const refusedBySchema: string[] = [];
      for (const [i, o] of objects.entries()) {
        try {
          validateObjects([o]);
        } catch (e: any) {
          refusedBySchema.push(`${valid[i].name}: ${e.message}`);
        }
      }
      expect(refusedBySchema).toEqual(SCHEMA_REFUSES[table] ?? []);
      const errors = objects.flatMap((o, i) => validateObject(o)
        .filter(p => p.severity === ProblemSeverity.ERROR)
        .map(p => `${valid[i].name}: ${p.path} ${p.message}`));
      expect(errors).toEqual((LAYER_REFUSES_WITH_SCHEMA[table] ?? []).map(([name, error]) => `${name}: ${error}`));
      expect(objects.length).toBeGreaterThan(0);
    });
  }
});

/** Of those, the ones our layer refuses too, as the API server would (stricter than the webhook on purpose). */
const LAYER_REFUSES_WITH_SCHEMA: Record<string, Array<[string, string]>> = {
  TestValidateTlsOptions: ['simple more than 2 certs', 'mutual more than 2 certs'].map(name => [name,
    "spec.servers[0].tls.tlsCertificates must hold at most 2 certificates: the Gateway CRD allows 2 (maxItems), so the API server refuses more (Istio's webhook alone would only warn)"]),
};

/** Valid-to-the-webhook cases the CRD schema refuses (the webhook runs after the schema, so both apply). */
const SCHEMA_REFUSES: Record<string, string[]> = {
  // Go test literals with a nil element in `match` ([]*HTTPMatchRequest{nil}): JSON can only say null there, and
  // the CRD schema refuses a null list item before the webhook sees it
  TestValidateHTTPRoute: ['match with nil element', 'valid mirror percentage', 'mirrors valid mirror percentage'].map(name =>
    `${name}: schema validation failed:\nnetworking.istio.io/v1 VirtualService someNamespace/x: data/spec/http/0/match/0 must be object`),
  // the webhook only warns on more than 2 server certificates (validateTLSOptions), the CRD caps the list at 2
  TestValidateTlsOptions: ['simple more than 2 certs', 'mutual more than 2 certs'].map(name =>
    `${name}: schema validation failed:\nnetworking.istio.io/v1 Gateway someNamespace/x: data/spec/servers/0/tls/tlsCertificates must NOT have more than 2 items`),
};
