import { Problem, ProblemSeverity, validateObject } from '../../../src/validation';

/** Rules of the HTTPRoute validator that Gateway API's own CEL tests do not exercise. */
const route = (rule: any): any => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r' }, spec: { rules: [rule] } });
const errors = (obj: any): Array<Pick<Problem, 'path' | 'message' | 'rule'>> => validateObject(obj)
  .filter(p => p.severity === ProblemSeverity.ERROR)
  .map(({ path, message, rule }) => ({ path, message, rule }));

describe('HTTPRoute validator (gateway-api v1.5.1 Standard channel)', () => {
  test('timeouts: GEP-2257 durations, and backendRequest no longer than request unless request is 0s', () => {
    expect(errors(route({ timeouts: { request: '1h30m', backendRequest: '90m' } }))).toEqual([]);
    expect(errors(route({ timeouts: { request: '0s', backendRequest: '10m' } }))).toEqual([]);
    expect(errors(route({ timeouts: { request: '10s', backendRequest: '10001ms' } }))).toEqual([{
      path: 'spec.rules[0].timeouts.backendRequest',
      message: 'must not be longer than the request timeout (10s)',
      rule: 'gateway-api v1.5.1 CEL: backendRequest timeout cannot be longer than request timeout',
    }]);
    expect(errors(route({ timeouts: { request: '1.5s' } }))).toEqual([{
      path: 'spec.rules[0].timeouts.request', message: 'must match ^([0-9]{1,5}(h|m|s|ms)){1,4}$', rule: 'gateway-api v1.5.1 CRD schema',
    }]);
  });

  test('fields of the Experimental channel are unknown to the Standard CRD', () => {
    expect(errors(route({ retry: { attempts: 2 } }))).toEqual([{
      path: 'spec.rules[0].retry',
      message: "must not be set: HTTPRouteRule has no field 'retry' in the Standard channel of Gateway API v1.5.1 (unknown field)",
      rule: 'gateway-api v1.5.1 CRD schema',
    }]);
  });

  test('list-map keys are unique: two header matches on one name', () => {
    expect(errors(route({ matches: [{ headers: [{ name: 'x-a', value: '1' }, { name: 'x-a', value: '2' }] }] }))).toEqual([{
      path: 'spec.rules[0].matches[0].headers[1]', message: 'must not repeat a key of the list (Duplicate value)', rule: 'gateway-api v1.5.1 CRD schema',
    }]);
  });

  test('weights from 0 to 1000000, a port on Service references', () => {
    expect(errors(route({ backendRefs: [{ name: 'a', port: 80, weight: 1000001 }] })).map(e => e.message)).toEqual(['must be an integer from 0 to 1000000']);
    expect(errors(route({ backendRefs: [{ name: 'a', kind: 'Service' }] })).map(e => e.rule)).toEqual(['gateway-api v1.5.1 CEL: Must have port for Service reference']);
  });

  test('patterns run on RE2: a header name with a space', () => {
    expect(errors(route({ matches: [{ headers: [{ name: 'x a', value: '1' }] }] })).map(e => e.path)).toEqual(['spec.rules[0].matches[0].headers[0].name']);
  });

  test('Gateway: a listener protocol with tls, and an unknown spec field', () => {
    const gateway = (spec: any) => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'g' }, spec });
    expect(errors(gateway({ gatewayClassName: 'istio-waypoint', listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] }))).toEqual([]);
    expect(errors(gateway({ gatewayClassName: 'x', listeners: [{ name: 'a', port: 80, protocol: 'HTTP' }], defaultScope: 'All' })).map(e => e.path))
      .toEqual(['spec.defaultScope']);
  });
});
