/**
 * One namespace, one service (issue 12, item 5): every object of a CanaryService lands in one namespace,
 * containers added through the escape hatch get the same restricted defaults and sidecar-UID check as those
 * in the props, and no map entry is ever undefined or null.
 */
import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { CanaryRoute, CanaryService, CanaryServiceProps } from '../../src';
import { only, synthValid } from '../util/validate';

function versions(extra: object = {}) {
  return ['v1', 'v2'].map(name => ({ name, containers: [{ image: `ghcr.io/example/app:${name}`, portNumber: 8080 }], ...extra }));
}

function thrown(build: () => unknown): Error | undefined {
  try {
    build();
  } catch (e: any) {
    return e;
  }
  return undefined;
}

describe('one namespace', () => {
  test("a version whose Deployment would land in another namespace is refused; the chart's own namespace is fine", () => {
    // GIVEN a chart in namespace shop
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const [v1, v2] = versions();
    // WHEN a version names another namespace THEN
    expect(() => new CanaryService(chart, 'app', { versions: [v1, { ...v2, metadata: { namespace: 'other' } }] })).toThrow(
      "[shop/app] 'versions[1].metadata.namespace' (\"other\") must be left out or be the chart's namespace (shop)");
    // AND naming the chart's namespace writes every object there
    new CanaryService(chart, 'ok', { versions: [v1, { ...v2, metadata: { namespace: 'shop' } }] });
    expect(new Set(synthValid(chart).map(o => o.metadata.namespace))).toEqual(new Set(['shop']));
  });

  test('a version namespace in a chart without namespace is refused', () => {
    const [v1, v2] = versions();
    expect(() => new CanaryService(Testing.chart(), 'app', { versions: [v1, { ...v2, metadata: { namespace: 'other' } }] })).toThrow(
      "[test/app] 'versions[1].metadata.namespace' (\"other\") must be left out or be the chart's namespace (none)");
  });

  test('an escape-hatch patch moving one object to another namespace is refused at synth', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const c = new CanaryService(chart, 'app', { versions: versions() });
    ApiObject.of(c.deployment('v2')).addJsonPatch(JsonPatch.replace('/metadata/namespace', 'other'));
    expect(() => Testing.synth(chart)).toThrow(
      "'Deployment app-v2.metadata.namespace' (\"other\") must be the Service's namespace (shop): every object of a CanaryService lives in one namespace");
  });
});

describe('containers added through the escape hatch', () => {
  test('addContainer and addInitContainer get the restricted defaults', () => {
    // GIVEN
    const chart = Testing.chart();
    const c = new CanaryService(chart, 'app', { versions: versions() });
    // WHEN
    c.deployment('v1').addContainer({ name: 'shipper', image: 'ghcr.io/example/log-shipper:1' });
    c.deployment('v1').addInitContainer({ name: 'migrate', image: 'ghcr.io/example/migrate:1' });
    // THEN they carry the same securityContext as the containers of the props
    const pod = only(synthValid(chart), 'Deployment', 'app-v1').spec.template.spec;
    const given = pod.containers[0].securityContext;
    expect(given.capabilities).toEqual({ drop: ['ALL'] });
    expect(pod.containers[1].securityContext).toEqual(given);
    expect(pod.initContainers[0].securityContext).toEqual(given);
  });

  test('with restrictedSecurity: false they are left as given, as the props are', () => {
    const chart = Testing.chart();
    const c = new CanaryService(chart, 'app', { versions: versions(), restrictedSecurity: false });
    c.deployment('v2').addContainer({ name: 'shipper', image: 'ghcr.io/example/log-shipper:1' });
    const pod = only(synthValid(chart), 'Deployment', 'app-v2').spec.template.spec;
    expect(pod.containers[1].securityContext.capabilities).toBeUndefined();
    expect(pod.containers[1].securityContext).toEqual(pod.containers[0].securityContext);
  });

  test('the sidecar UID 1337 is refused, naming the escape hatch [IST0144]', () => {
    const c = new CanaryService(Testing.chart(), 'app', { versions: versions() });
    expect(() => c.deployment('v1').addContainer({ image: 'x', securityContext: { user: 1337 } })).toThrow(
      "[test/app] 'deployment(\"v1\").addContainer().securityContext.user' (1337) must not be 1337: Istio reserves that UID for the sidecar proxy [IST0144]");
    expect(() => c.deployment('v2').addInitContainer({ image: 'x', securityContext: { user: 1337 } })).toThrow(
      "[test/app] 'deployment(\"v2\").addInitContainer().securityContext.user' (1337) must not be 1337");
    expect(thrown(() => c.deployment('v2').addContainer(null as any))?.message).toBe(
      "[test/app] 'deployment(\"v2\").addContainer()' (null) must be cdk8s-plus ContainerProps");
  });
});

describe('undefined and null are refused in every header, label and match map', () => {
  const make = (extra: Partial<CanaryServiceProps> = {}) => new CanaryService(Testing.chart(), 'app', { versions: versions(), ...extra });
  const route = (r: unknown) => () => make().addRoute(r as CanaryRoute);

  test.each<[string, () => unknown, string]>([
    ['a header match that is null', route({ match: { headers: { 'x-user': null } }, version: 'v2' }),
      "'route.match.headers[\"x-user\"]' (null) must be an object (StringMatch)"],
    ['a header match that is undefined', route({ match: { headers: { 'x-user': undefined, 'x-b': { exact: 'a' } } }, version: 'v2' }),
      "'route.match.headers[\"x-user\"]' (undefined) must be set: an object (StringMatch)"],
    ['a header key that was undefined', route({ match: { headers: { [String(undefined)]: { exact: 'a' } } }, version: 'v2' }),
      "'routes[0].match.headers[\"undefined\"]' (\"undefined\") must be a name, not a JavaScript undefined or null turned into a key"],
    ['a withoutHeaders entry that is null', route({ match: { withoutHeaders: { 'x-user': null } }, version: 'v2' }),
      "'route.match.withoutHeaders[\"x-user\"]' (null) must be an object (StringMatch)"],
    ['a query parameter match that is null', route({ match: { uri: { prefix: '/a' }, queryParams: { beta: null } }, version: 'v2' }),
      "'route.match.queryParams[\"beta\"]' (null) must be an object (StringMatch)"],
    ['a source label that is undefined', route({ match: { sourceLabels: { app: undefined } }, version: 'v2' }),
      "'route.match.sourceLabels[\"app\"]' (undefined) must be set: a string"],
    ['a source-label key that was null', route({ match: { sourceLabels: { [String(null)]: 'a' } }, version: 'v2' }),
      "'routes[0].match.sourceLabels[\"null\"]' (\"null\") must be a name, not a JavaScript undefined or null turned into a key"],
    ['headers that are null', route({ match: { headers: null }, version: 'v2' }),
      "'route.match.headers' (null) must be a map of objects (StringMatch) or left out"],
    ['a header edit value that is null', () => make({ defaultRoute: { headers: { request: { set: { 'x-a': null as any } } } } }),
      "'defaultRoute.headers.request.set[\"x-a\"]' (null) must be a string"],
    ['a header edit value that is undefined', () => make({ defaultRoute: { headers: { response: { add: { 'x-a': undefined as any } } } } }),
      "'defaultRoute.headers.response.add[\"x-a\"]' (undefined) must be set: a string"],
    ['a header removal that is null', () => make({ defaultRoute: { headers: { request: { remove: [null as any] } } } }),
      "'defaultRoute.headers.request.remove[0]' (null) must be a string"],
    ['a version routeHeaders value that is null', () => make({ versions: [versions()[0], { ...versions()[1], routeHeaders: { request: { set: { 'x-a': null as any } } } }] }),
      "'versions[1].routeHeaders.request.set[\"x-a\"]' (null) must be a string"],
    ['a pod label that is null', () => make({ versions: [versions()[0], { ...versions()[1], podMetadata: { labels: { tier: null as any } } }] }),
      "'versions[1].podMetadata.labels[\"tier\"]' (null) must be a string"],
    ['a Deployment label that is undefined', () => make({ versions: [versions()[0], { ...versions()[1], metadata: { labels: { tier: undefined as any } } }] }),
      "'versions[1].metadata.labels[\"tier\"]' (undefined) must be set: a string"],
    ['a Deployment label key that was undefined', () => make({ versions: [versions()[0], { ...versions()[1], metadata: { labels: { [String(undefined)]: 'a' } } }] }),
      "'versions[1].metadata.labels[\"undefined\"]' (\"undefined\") must be a name, not a JavaScript undefined or null turned into a key"],
  ])('%s', (_what, build, message) => {
    const e = thrown(build);
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(TypeError);
    expect(e!.message.startsWith('[test/app]')).toBe(true);
    expect(e!.message).toContain(message);
  });
});
