import { Duration } from 'cdk8s';
import { shopChart } from './fixtures';
import { AutoscalingOptions, PodAutoscaler, ScaleTarget, ScalingPolicy, ScalingPolicySelect, ScalingPolicyType } from '../../src';
import { only, synthValid } from '../util/validate';

const TARGET = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'worker' };

/** GIVEN the options WHEN an autoscaler is synthesized THEN its validated spec. */
function specOf(options: Omit<AutoscalingOptions, 'maxReplicas'>): any {
  const chart = shopChart();
  new PodAutoscaler(chart, 'hpa', { target: ScaleTarget.fromReference(TARGET), maxReplicas: 10, ...options });
  return only(synthValid(chart), 'HorizontalPodAutoscaler').spec;
}

function build(options: Omit<AutoscalingOptions, 'maxReplicas'>): () => PodAutoscaler {
  return () => new PodAutoscaler(shopChart(), 'hpa', { target: ScaleTarget.fromReference(TARGET), maxReplicas: 10, ...options });
}

describe('behavior', () => {
  test('nothing set: no behavior, minReplicas or metrics written (the server defaults apply)', () => {
    const spec = specOf({});
    expect(spec).toEqual({ maxReplicas: 10, scaleTargetRef: TARGET });
    expect(spec.behavior).toBeUndefined();
  });

  test('empty rules write nothing either', () => {
    expect(specOf({ scaleUp: {}, scaleDown: {} }).behavior).toBeUndefined();
  });

  test('only the fields set are written, per direction', () => {
    const spec = specOf({ scaleDown: { stabilizationWindow: Duration.minutes(10) } });
    expect(spec.behavior).toEqual({ scaleDown: { stabilizationWindowSeconds: 600 } });
  });

  test('every field of both directions', () => {
    const spec = specOf({
      scaleUp: {
        stabilizationWindow: Duration.seconds(0),
        selectPolicy: ScalingPolicySelect.MIN,
        policies: [ScalingPolicy.pods(2, Duration.minutes(1)), ScalingPolicy.percent(50)],
        tolerance: 0,
      },
      scaleDown: {
        stabilizationWindow: Duration.hours(1),
        selectPolicy: ScalingPolicySelect.DISABLED,
        policies: [ScalingPolicy.percent(10, Duration.minutes(30))],
        tolerance: 0.05,
      },
    });
    expect(spec.behavior).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Min',
        policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }, { type: 'Percent', value: 50, periodSeconds: 15 }],
        tolerance: '0',
      },
      scaleDown: {
        stabilizationWindowSeconds: 3600,
        selectPolicy: 'Disabled',
        policies: [{ type: 'Percent', value: 10, periodSeconds: 1800 }],
        tolerance: '50m',
      },
    });
    expect(spec).toMatchSnapshot();
  });

  test('a policy exposes what it allows', () => {
    const p = ScalingPolicy.pods(4);
    expect([p.type, p.value, p.periodSeconds]).toEqual([ScalingPolicyType.PODS, 4, 15]);
  });
});

describe('behavior refusals', () => {
  test.each([
    ['a window over an hour', { scaleUp: { stabilizationWindow: Duration.seconds(3601) } },
      /\[shop\/hpa\] 'scaleUp\.stabilizationWindow' \(3601\) must be a whole number of seconds from 0 to 3600 \(1 h\)/],
    ['a window in fractions of a second', { scaleDown: { stabilizationWindow: Duration.millis(1500) } },
      /'scaleDown\.stabilizationWindow' \(1\.5\) must be a whole number of seconds from 0 to 3600/],
    ['a policy period in fractions of a second', { scaleDown: { policies: [ScalingPolicy.pods(1, Duration.millis(500))] } },
      /'scaleDown\.policies\[0\]\.periodSeconds' \(0\.5\) must be a whole number of seconds from 1 to 1800/],
    ['a policy period of 0', { scaleUp: { policies: [ScalingPolicy.pods(1, Duration.seconds(0))] } },
      /'scaleUp\.policies\[0\]\.periodSeconds' \(0\) must be a whole number of seconds from 1 to 1800 \(30 min\)/],
    ['a policy period over 30 minutes', { scaleDown: { policies: [ScalingPolicy.percent(10, Duration.seconds(1801))] } },
      /'scaleDown\.policies\[0\]\.periodSeconds' \(1801\) must be a whole number of seconds from 1 to 1800/],
    ['a policy value of 0', { scaleDown: { policies: [ScalingPolicy.percent(10), ScalingPolicy.pods(0)] } },
      /'scaleDown\.policies\[1\]\.value' \(0\) must be an integer greater than zero \(pods per period\)/],
    ['a negative percentage', { scaleUp: { policies: [ScalingPolicy.percent(-50)] } },
      /'scaleUp\.policies\[0\]\.value' \(-50\) must be an integer greater than zero \(percent per period\)/],
    ['a fractional pod count', { scaleUp: { policies: [ScalingPolicy.pods(1.5)] } },
      /'scaleUp\.policies\[0\]\.value' \(1\.5\) must be an integer greater than zero/],
    ['an empty policy list', { scaleUp: { policies: [] } },
      /'scaleUp\.policies' \(\[\]\) must list at least one policy, or be left unset for the server's defaults/],
    ['a negative tolerance', { scaleUp: { tolerance: -0.1 } },
      /'scaleUp\.tolerance' \(-0\.1\) must be a number from 0/],
    ['a scale-down tolerance that never scales down', { scaleDown: { tolerance: 1 } },
      /'scaleDown\.tolerance' \(1\) must be from 0 to less than 1 \(a scale-down tolerance of 1 or more never scales down; use selectPolicy DISABLED\)/],
    ['an unknown select policy', { scaleUp: { selectPolicy: 'Fastest' as ScalingPolicySelect } },
      /'scaleUp\.selectPolicy' \("Fastest"\) must be Max, Min or Disabled/],
  ])('refuses %s', (_, options, message) => {
    expect(build(options as any)).toThrow(message);
  });

  // found by test/properties/autoscaling.property.test.ts: both used to fail at synth without the path or the prop
  test('a tolerance too large to write at 1n resolution is refused with its prop, not at serialization', () => {
    expect(build({ scaleUp: { tolerance: 1e300 } })).toThrow("[shop/hpa] 'scaleUp.tolerance' (1e+300) is too large to write as a quantity at 1n resolution");
    expect(build({ scaleUp: { tolerance: 1e13 + 0.5 } })).toThrow("'scaleUp.tolerance' (10000000000000.5) is too large");
    expect(specOf({ scaleUp: { tolerance: 1e9 } }).behavior.scaleUp.tolerance).toBe('1000000000');
    expect(specOf({ scaleUp: { tolerance: 2.5 } }).behavior.scaleUp.tolerance).toBe('2500m');
  });

  test('durations that are not whole milliseconds are refused with their prop (cdk8s would throw without one)', () => {
    expect(build({ scaleDown: { stabilizationWindow: Duration.millis(0.5) } }))
      .toThrow("[shop/hpa] 'scaleDown.stabilizationWindow' (0.0005) must be a whole number of seconds from 0 to 3600");
    expect(build({ scaleUp: { stabilizationWindow: Duration.seconds(Number.NaN) } }))
      .toThrow("[shop/hpa] 'scaleUp.stabilizationWindow' (NaN) must be a whole number of seconds");
    expect(build({ scaleUp: { policies: [ScalingPolicy.pods(1, Duration.seconds(Number.POSITIVE_INFINITY))] } }))
      .toThrow("[shop/hpa] 'scaleUp.policies[0].periodSeconds' (Infinity) must be a whole number of seconds from 1 to 1800");
  });
});
