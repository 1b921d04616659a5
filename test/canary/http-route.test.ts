import { Duration, Testing } from 'cdk8s';
import { CanaryRouteOptions, CanaryService } from '../../src';
import { only, synthValid } from '../util/validate';

/** The VirtualService http rules of a v1/v2 service at 90/10 with one header rule carrying `options`. */
function rules(options: CanaryRouteOptions, defaultRoute?: CanaryRouteOptions): any[] {
  const chart = Testing.chart();
  const c = new CanaryService(chart, 'app', {
    versions: ['v1', 'v2'].map(name => ({ name, containers: [{ image: `ghcr.io/example/app:${name}`, portNumber: 8080 }] })),
    canaryWeight: 10,
    defaultRoute,
  });
  c.routeHeader('x-canary', { exact: 'yes' }, 'v2', options);
  return only(synthValid(chart), 'VirtualService').spec.http;
}

describe('route options', () => {
  test('name, timeout and retries', () => {
    const [rule] = rules({
      name: 'testers',
      timeout: Duration.seconds(90),
      retries: { attempts: 3, perTryTimeout: Duration.millis(500), retryOn: ['5xx', 'reset', '503'], retryRemoteLocalities: true },
    });
    expect(rule).toMatchObject({
      name: 'testers',
      timeout: '1m30s',
      retries: { attempts: 3, perTryTimeout: '500ms', retryOn: '5xx,reset,503', retryRemoteLocalities: true },
    });
  });

  test('fault injection: a delay and an abort on a percentage of requests', () => {
    const [rule] = rules({
      fault: {
        delay: { fixedDelay: Duration.seconds(7), percentage: 50 },
        abort: { httpStatus: 503, percentage: 0.5 },
      },
    });
    expect(rule.fault).toEqual({
      delay: { fixedDelay: '7s', percentage: { value: 50 } },
      abort: { httpStatus: 503, percentage: { value: 0.5 } },
    });
  });

  test('mirror with a percentage, and mirrors on the catch-all', () => {
    const http = rules(
      { mirror: { version: 'v1', percentage: 20 } },
      { mirrors: [{ version: 'v2', percentage: 10 }, { version: 'v1' }] },
    );
    expect(http[0].mirror).toEqual({ host: 'app', subset: 'v1' });
    expect(http[0].mirrorPercentage).toEqual({ value: 20 });
    expect(http[0].mirrors).toBeUndefined();
    expect(http[1].mirrors).toEqual([
      { destination: { host: 'app', subset: 'v2' }, percentage: { value: 10 } },
      { destination: { host: 'app', subset: 'v1' } },
    ]);
    expect(http[1].mirror).toBeUndefined();
  });

  test('CORS', () => {
    const [rule] = rules({
      corsPolicy: {
        allowOrigins: [{ exact: 'https://shop.example.com' }, { regex: 'https://.*\\.example\\.com' }],
        allowMethods: ['GET', 'POST'],
        allowHeaders: ['Content-Type', 'x-canary'],
        exposeHeaders: ['x-version'],
        maxAge: Duration.hours(24),
        allowCredentials: true,
      },
    });
    expect(rule.corsPolicy).toEqual({
      allowOrigins: [{ exact: 'https://shop.example.com' }, { regex: 'https://.*\\.example\\.com' }],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Content-Type', 'x-canary'],
      exposeHeaders: ['x-version'],
      maxAge: '24h',
      allowCredentials: true,
    });
  });

  test('request and response header edits', () => {
    const [rule] = rules({
      headers: {
        request: { set: { 'x-routed-by': 'canary-rule' }, add: { 'x-tester': 'true' }, remove: ['x-debug'] },
        response: { set: { 'x-version': 'v2' } },
      },
    });
    expect(rule.headers).toEqual({
      request: { set: { 'x-routed-by': 'canary-rule' }, add: { 'x-tester': 'true' }, remove: ['x-debug'] },
      response: { set: { 'x-version': 'v2' } },
    });
  });

  test('the catch-all keeps its weights next to its own options', () => {
    const http = rules({}, { timeout: Duration.seconds(2) });
    expect(http[1]).toEqual({
      timeout: '2s',
      route: [
        { destination: { host: 'app', subset: 'v1' }, weight: 90 },
        { destination: { host: 'app', subset: 'v2' }, weight: 10 },
      ],
    });
  });

  test('the longest Go duration (int64 nanoseconds, about 292 years) is accepted; one millisecond more is refused', () => {
    const [rule] = rules({ timeout: Duration.millis(9223372036854) });
    expect(rule.timeout).toBe('9223372036854ms');
    expect(() => rules({ timeout: Duration.millis(9223372036855) })).toThrow(/'routes\[0\]\.timeout' \("9223372036855ms"\) must be at most 9223372036854ms/);
  });

  test('records with a null prototype (Object.create(null)) are written, not a TypeError from the serializer', () => {
    // GIVEN source labels and header edits built as prototype-less dictionaries
    const labels: Record<string, string> = Object.assign(Object.create(null), { app: 'productpage' });
    const set: Record<string, string> = Object.assign(Object.create(null), { 'x-routed-by': 'canary-rule' });
    const chart = Testing.chart();
    const c = new CanaryService(chart, 'app', {
      versions: ['v1', 'v2'].map(name => ({ name, containers: [{ image: `ghcr.io/example/app:${name}`, portNumber: 8080 }] })),
    });
    // WHEN
    c.routeSourceLabels(labels, 'v2', { headers: { request: { set, add: set } } });
    const [rule] = only(synthValid(chart), 'VirtualService').spec.http;
    // THEN
    expect(rule.match).toEqual([{ sourceLabels: { app: 'productpage' } }]);
    expect(rule.headers).toEqual({ request: { set: { 'x-routed-by': 'canary-rule' }, add: { 'x-routed-by': 'canary-rule' } } });
  });
});
