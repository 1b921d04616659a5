/**
 * checkArgs / checkConstructArgs: the run-time type check at the JavaScript boundary, with the library's
 * message naming the construct path, the prop, the value and what is allowed.
 */
import { Testing } from 'cdk8s';
import { CanaryService, ChartApiVersion, HpaSimulator, IpvsScheduler, KubeProxyConfiguration, MetricTarget, UmbrellaChart } from '../../src';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e: any) {
    return `${e.name}: ${e.message}`;
  }
  return 'accepted';
};
const version = { name: 'v1', containers: [{ image: 'app:1' }] };

describe('checkArgs', () => {
  test.each([
    ['null for a required list', { versions: null }, "'versions' (null) must be a list of objects (CanaryVersionProps)"],
    ['a missing required prop', { versions: [{ containers: [] }] }, "'versions[0].name' (undefined) must be set: a string"],
    ['an empty version name', { versions: [{ ...version, name: '' }] }, "'versions[0].name' (\"\") must not be empty"],
    ['a string for a number', { versions: [version], canaryWeight: '10' }, "'canaryWeight' (\"10\") must be a finite number or left out"],
    ['NaN', { versions: [version], routePort: NaN }, "'routePort' (NaN) must be a finite number or left out"],
    ['Infinity in a map', { versions: [version], weights: { v1: Infinity } }, "'weights[\"v1\"]' (Infinity) must be a finite number"],
    ['a string for a list', { versions: 'v1' }, "'versions' (\"v1\") must be a list of objects (CanaryVersionProps)"],
    ['a string for a boolean', { versions: [version], restrictedSecurity: 'false' }, "'restrictedSecurity' (\"false\") must be true or false or left out"],
    ['a plain object for a class', { versions: [{ ...version, progressDeadline: {} }] }, "'versions[0].progressDeadline' ({}) must be a Duration or left out"],
  ])('refuses %s with the prop named', (_, props, message) => {
    expect(refusal(() => new CanaryService(Testing.chart(), 'reviews', props as any))).toBe(`Error: [test/reviews] ${message}`);
  });

  test('an enum member must be one of the values', () => {
    expect(refusal(() => new UmbrellaChart(Testing.app(), 'umbrella', { apiVersion: 'v3' as ChartApiVersion }))).toBe(
      'Error: [umbrella] \'apiVersion\' ("v3") must be one of "v2", "v1" (ChartApiVersion) or left out');
  });

  test('static factories and classes without a construct name themselves', () => {
    expect(refusal(() => MetricTarget.utilization(NaN))).toBe("Error: [MetricTarget] 'percent' (NaN) must be a finite number");
    expect(refusal(() => new HpaSimulator({ autoscaling: null } as any))).toBe("Error: [HpaSimulator] 'autoscaling' (null) must be an object (AutoscalingOptions)");
  });

  test('scope and id are checked before the construct exists', () => {
    expect(refusal(() => new KubeProxyConfiguration({} as any, 'kp'))).toBe(
      "Error: [KubeProxyConfiguration] 'scope' ({}) must be a construct (an App, a Chart or a construct in one)");
    expect(refusal(() => new KubeProxyConfiguration(Testing.chart(), 42 as any))).toBe(
      "Error: [test] 'id' (42) must be a non-empty string (the KubeProxyConfiguration's id)");
    expect(refusal(() => new UmbrellaChart(Testing.app(), '', {}))).toBe("Error: [UmbrellaChart] 'id' (\"\") must be a non-empty string (the UmbrellaChart's id)");
  });

  test('valid arguments pass', () => {
    expect(refusal(() => new KubeProxyConfiguration(Testing.chart(), 'kp', { scheduler: IpvsScheduler.ROUND_ROBIN }))).toBe('accepted');
  });
});
