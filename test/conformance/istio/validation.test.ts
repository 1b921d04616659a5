/**
 * Conformance with Istio 1.30.3's webhook validation (istio/istio tag 1.30.3, commit
 * 56df41f63e513f834c9a3af33d8aed82d1d961f2): pkg/config/validation/validation_test.go,
 * virtualservice_test.go and agent/validation_test.go, one table per upstream test function (./upstream/).
 * Each case runs through the same-grained function of src/validation/istio as upstream's test calls, and
 * must agree: valid → no error, invalid → at least one error, and warnings where upstream checks them.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Counts, newCounts, Outcome, outcome, runTable, TableSpec } from './support';
import * as agent from './upstream/agent-validation-test';
import * as gwse from './upstream/gateway-serviceentry-test';
import * as main from './upstream/validation-test';
import * as vs from './upstream/virtualservice-test';
import { ProblemCollector } from '../../../src/validation';
import { validateCORSPolicy } from '../../../src/validation/istio/cors';
import { validateDestination, validateRouteDestinations } from '../../../src/validation/istio/destination';
import { validateDestinationRuleSpec } from '../../../src/validation/istio/destination-rule';
import { httpStatusError, validateHTTPFaultInjectionAbort, validateHTTPFaultInjectionDelay } from '../../../src/validation/istio/fault';
import { validateDuration, validatePort } from '../../../src/validation/istio/fields';
import { validateGateway, validateServer, validateServerPort, validateTLSOptions } from '../../../src/validation/istio/gateway';
import { headerNameOrJwtClaimError, headerValueError } from '../../../src/validation/istio/headers';
import { fqdnError, gatewayBoundDomainError, ipSubnetError, validateExportTo, wildcardDomainError } from '../../../src/validation/istio/hosts';
import { HTTPRouteType, validateHTTPRoute } from '../../../src/validation/istio/http-route';
import { localitiesError, validateLoadBalancer, validateLocalityLbSetting } from '../../../src/validation/istio/load-balancer';
import { validateHTTPDirectResponse, validateHTTPRedirect, validateHTTPRewrite, validateURIRegexRewrite } from '../../../src/validation/istio/redirect';
import { validateHTTPRetry } from '../../../src/validation/istio/retry';
import { validateServiceEntry } from '../../../src/validation/istio/service-entry';
import { validateTLS } from '../../../src/validation/istio/tls';
import { validateConnectionPool, validateOutlierDetection, validateTrafficPolicy } from '../../../src/validation/istio/traffic-policy';
import { validateVirtualServiceSpec } from '../../../src/validation/istio/virtual-service';

const valid = (c: any) => ({ valid: c.valid as boolean });
const validWarning = (c: any) => ({ valid: c.valid as boolean, warning: c.warning ?? false });
const field = (check: (value: any, problems: ProblemCollector, field: string) => void, key = 'in') =>
  (c: any): Outcome => outcome(p => check(c[key], p, 'x'));
const error = (message: string | undefined, path = 'x'): Outcome => outcome(p => {
  if (message !== undefined) p.error(path, undefined, message, 'test');
});

/** Upstream's namespace for DestinationRule cases (`someNamespace`). */
const SOME_NAMESPACE = 'someNamespace';
/** The config.Meta upstream's Gateway and ServiceEntry tests validate under (someName, someNamespace). */
const meta = (extra: Record<string, any> = {}) => ({ name: 'foo', namespace: 'bar', ...extra });
/** checkValidationMessage: an error iff `out`, a warning iff `warning`. */
const outWarning = (c: any) => ({ valid: c.out === '', warning: (c.warning ?? '') !== '' });

export const TABLES: TableSpec[] = [
  { name: 'TestValidateCORSPolicy', cases: main.TestValidateCORSPolicy, expected: valid, run: field(validateCORSPolicy) },
  { name: 'TestValidateHTTPStatus', cases: main.TestValidateHTTPStatus, expected: valid, run: c => error(httpStatusError(c.in)) },
  { name: 'TestValidateHTTPFaultInjectionAbort', cases: main.TestValidateHTTPFaultInjectionAbort, expected: valid, run: field(validateHTTPFaultInjectionAbort) },
  { name: 'TestValidateHTTPFaultInjectionDelay', cases: main.TestValidateHTTPFaultInjectionDelay, expected: valid, run: field(validateHTTPFaultInjectionDelay) },
  { name: 'TestValidateHTTPRetry', cases: main.TestValidateHTTPRetry, expected: valid, run: field(validateHTTPRetry) },
  { name: 'TestValidateHTTPRewrite', cases: main.TestValidateHTTPRewrite, expected: valid, run: field(validateHTTPRewrite) },
  { name: 'TestValidateUriRegexRewrite', cases: main.TestValidateUriRegexRewrite, expected: valid, run: field(validateURIRegexRewrite) },
  { name: 'TestValidateHTTPRedirect', cases: main.TestValidateHTTPRedirect, expected: valid, run: field(validateHTTPRedirect, 'redirect') },
  {
    name: 'TestValidateHTTPDirectResponse',
    cases: main.TestValidateHTTPDirectResponse,
    expected: validWarning,
    run: field(validateHTTPDirectResponse, 'directResponse'),
  },
  { name: 'TestValidateDestination', cases: main.TestValidateDestination, expected: valid, run: field(validateDestination, 'destination') },
  { name: 'TestValidateHTTPRoute', cases: main.TestValidateHTTPRoute, expected: valid, run: c => outcome(p => validateHTTPRoute(c.route, p)) },
  { name: 'TestValidateRouteDestination', cases: main.TestValidateRouteDestination, expected: valid, run: field(validateRouteDestinations, 'routes') },
  { name: 'TestValidateVirtualService', cases: main.TestValidateVirtualService, expected: validWarning, run: c => outcome(p => validateVirtualServiceSpec(c.in, p)) },
  {
    name: 'TestValidateDestinationRule',
    cases: main.TestValidateDestinationRule,
    expected: validWarning,
    run: c => outcome(p => validateDestinationRuleSpec(c.in, p, SOME_NAMESPACE)),
  },
  { name: 'TestValidateTrafficPolicy', cases: main.TestValidateTrafficPolicy, expected: valid, run: c => outcome(p => validateTrafficPolicy('', c.in, p, 'x')) },
  { name: 'TestValidateConnectionPool', cases: main.TestValidateConnectionPool, expected: valid, run: field(validateConnectionPool) },
  { name: 'TestValidateLoadBalancer', cases: main.TestValidateLoadBalancer, expected: valid, run: c => outcome(p => validateLoadBalancer(c.in, undefined, p, 'x')) },
  {
    name: 'TestValidateOutlierDetection',
    cases: main.TestValidateOutlierDetection,
    expected: c => ({ valid: c.valid, warning: c.warn ?? false }),
    run: field(validateOutlierDetection),
  },
  {
    name: 'TestValidateHTTPHeaderValue',
    cases: main.TestValidateHTTPHeaderValue,
    expected: c => ({ valid: c.expected === null || c.expected === undefined }),
    run: c => error(headerValueError(c.input)),
  },
  { name: 'TestValidateHTTPHeaderName', cases: main.TestValidateHTTPHeaderName, expected: valid, run: c => error(headerNameOrJwtClaimError(c.name)) },
  {
    name: 'Test_validateExportTo',
    cases: main.Test_validateExportTo,
    expected: c => ({ valid: !c.wantErr }),
    run: c => outcome(p => validateExportTo(c.namespace ?? '', c.exportTo, p, 'x', c.isDestinationRuleWithSelector ?? false, c.isServiceEntry ?? false)),
  },
  { name: 'TestValidateChainingVirtualService', cases: vs.TestValidateChainingVirtualService, expected: valid, run: c => outcome(p => validateVirtualServiceSpec(c.in, p)) },
  { name: 'TestValidateRootHTTPRoute', cases: vs.TestValidateRootHTTPRoute, expected: valid, run: c => outcome(p => validateHTTPRoute(c.route, p)) },
  {
    name: 'TestValidateDelegateHTTPRoute',
    cases: vs.TestValidateDelegateHTTPRoute,
    expected: valid,
    run: c => outcome(p => validateHTTPRoute(c.route, p, HTTPRouteType.DELEGATE)),
  },
  { name: 'TestValidateTLS', cases: agent.TestValidateTLS, expected: valid, run: c => outcome(p => validateTLS('', c.tls, p, 'x')) },
  { name: 'TestValidateWildcardDomain', cases: agent.TestValidateWildcardDomain, expected: c => ({ valid: c.out === '' }), run: c => error(wildcardDomainError(c.in)) },
  {
    name: 'TestValidateWildcardDomainForVirtualServiceBoundToGateway',
    cases: agent.TestValidateWildcardDomainForVirtualServiceBoundToGateway,
    expected: c => ({ valid: c.out === '' }),
    run: c => error(gatewayBoundDomainError(c.sni ?? false, c.in)),
  },
  {
    name: 'TestValidateLocalityLbSetting',
    cases: agent.TestValidateLocalityLbSetting,
    expected: c => ({ valid: !c.err, warning: c.warn ?? false }),
    run: c => outcome(p => validateLocalityLbSetting(c.in, c.outlier, p, 'x')),
  },
  { name: 'TestValidateLocalities', cases: agent.TestValidateLocalities, expected: valid, run: c => error(localitiesError(c.localities ?? [])) },
  { name: 'TestValidateFQDN', cases: agent.TestValidateFQDN, expected: valid, run: c => error(fqdnError(c.fqdn)) },
  { name: 'TestValidationIPSubnet', cases: agent.TestValidationIPSubnet, expected: c => ({ valid: c.ok }), run: c => error(ipSubnetError(c.subnet)) },
  {
    // agent/validation_test.go TestValidatePort: a map literal in upstream
    name: 'TestValidatePort',
    cases: [
      { in: 0, valid: false }, { in: 65536, valid: false }, { in: -1, valid: false },
      { in: 100, valid: true }, { in: 1000, valid: true }, { in: 65535, valid: true },
    ],
    expected: valid,
    run: c => outcome(p => validatePort(c.in, p, 'x')),
  },
  {
    // agent/validation_test.go TestValidateDuration: durationpb values as Go duration strings
    name: 'TestValidateDuration',
    cases: [{ in: '1s', valid: true }, { in: '0.999999999s', valid: false }, { in: '-11.000000001s', valid: false }, { in: '0.000000001s', valid: false }, { in: '1.000000001s', valid: false }],
    expected: valid,
    run: field(validateDuration),
  },
  {
    name: 'TestValidateGateway',
    cases: gwse.TestValidateGateway,
    expected: outWarning,
    run: c => outcome(p => validateGateway({ metadata: meta(), spec: c.in }, p)),
    notExpressible: {
      'invalid message': 'a Server where upstream casts to a Gateway: a Go type error that a Gateway object\'s JSON cannot carry',
    },
  },
  {
    name: 'TestValidateK8sGateway',
    cases: gwse.TestValidateK8sGateway,
    expected: outWarning,
    run: c => outcome(p => validateGateway({ metadata: meta({ annotations: { 'internal.istio.io/gateway-semantics': 'gateway' } }), spec: c.in }, p)),
  },
  {
    name: 'TestValidateServer',
    cases: gwse.TestValidateServer,
    // upstream checks that no warning is returned
    expected: c => ({ valid: c.out === '', warning: false }),
    run: c => outcome(p => validateServer(c.in, p, 'x')),
  },
  {
    name: 'TestValidateServerPort',
    cases: gwse.TestValidateServerPort,
    expected: c => ({ valid: c.out === '' }),
    run: c => outcome(p => validateServerPort(c.in, c.bind ?? '', p, 'x')),
  },
  {
    name: 'TestValidateTlsOptions',
    cases: gwse.TestValidateTlsOptions,
    expected: outWarning,
    run: field(validateTLSOptions),
    // the webhook warns; the Gateway CRD's schema (maxItems: 2) refuses, and the API server applies it first
    stricter: Object.fromEntries(['simple more than 2 certs', 'mutual more than 2 certs'].map(n => [n, 'the Gateway CRD allows at most 2 tlsCertificates'])),
  },
  {
    name: 'TestValidateServiceEntries',
    cases: gwse.TestValidateServiceEntries,
    expected: validWarning,
    run: c => outcome(p => validateServiceEntry({ metadata: meta(c.labels ? { labels: c.labels } : {}), spec: c.in }, p)),
  },
];

describe('Istio 1.30.3 pkg/config/validation conformance', () => {
  const counts: Counts = newCounts();
  const perTable: Record<string, number> = {};

  for (const table of TABLES) {
    test(`${table.name}: every case agrees with upstream`, () => {
      // GIVEN upstream's cases WHEN each runs through our port
      const before = counts.disagreeing.length;
      const ported = counts.ported;
      runTable(table, counts);
      perTable[table.name] = counts.ported - ported;
      // THEN it agrees (or is a listed exception)
      expect(counts.disagreeing.slice(before)).toEqual([]);
      expect(perTable[table.name]).toBeGreaterThan(0);
    });
  }

  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(`Istio conformance: ${counts.ported} ported, ${counts.agreeing} agreeing, ${counts.stricter} stricter by design, `
      + `${counts.notExpressible} not expressible, ${counts.disagreeing.length} disagreeing`);
  });

  test('the counts add up', () => {
    const all = newCounts();
    for (const table of TABLES) runTable(table, all);
    expect(all.disagreeing).toEqual([]);
    expect(all.agreeing + all.stricter + all.notExpressible).toBe(all.ported);
    expect(all).toEqual(expect.objectContaining(EXPECTED_COUNTS));
  });

  test('docs/validation.md states these counts', () => {
    const { ported, agreeing, stricter, notExpressible } = EXPECTED_COUNTS;
    const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'validation.md'), 'utf8');
    expect(doc).toContain(`| ${ported} | ${agreeing} | ${stricter} | ${notExpressible} |`);
  });
});

/** The counts this suite proves (docs/validation.md quotes them). */
export const EXPECTED_COUNTS = { ported: 538, agreeing: 535, stricter: 2, notExpressible: 1 };
