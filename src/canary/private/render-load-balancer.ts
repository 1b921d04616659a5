import { IConstruct } from 'constructs';
import { requireProp } from '../../common';
import type { LoadBalancerOptions } from '../traffic-policy';
import { checkDuration } from './checks';
import { optArray, optBoolean, optMap, optNumber, optObject, optStrings } from './shapes';

/** A load balancer's `localityLbSetting` and `warmup`, checked for type and shape. */
export function renderLoadBalancerOptions(scope: IConstruct, prop: string, options: LoadBalancerOptions): any {
  optObject(scope, prop, options);
  const locality = optObject(scope, `${prop}.localityLbSetting`, options.localityLbSetting);
  const warmup = optObject(scope, `${prop}.warmup`, options.warmup);
  const lProp = `${prop}.localityLbSetting`;
  const wProp = `${prop}.warmup`;
  const from = (itemProp: string, value: unknown) => {
    requireProp(typeof value === 'string' && value.length > 0, scope, `${itemProp}.from`, value, 'must be a locality (region/zone/sub-zone)');
    return value as string;
  };
  return {
    localityLbSetting: locality && {
      enabled: optBoolean(scope, `${lProp}.enabled`, locality.enabled),
      distribute: optArray(scope, `${lProp}.distribute`, locality.distribute, (d, dProp) => ({
        from: from(dProp, d.from),
        to: optMap(scope, `${dProp}.to`, d.to, (weight, entryProp) => {
          requireProp(Number.isInteger(weight) && weight >= 0 && weight <= 100, scope, entryProp, weight, 'must be an integer percentage from 0 to 100');
          return weight;
        }),
      })),
      failover: optArray(scope, `${lProp}.failover`, locality.failover, (f, fProp) => {
        requireProp(typeof f.to === 'string' && f.to.length > 0, scope, `${fProp}.to`, f.to, 'must be a region');
        return { from: from(fProp, f.from), to: f.to };
      }),
      failoverPriority: optStrings(scope, `${lProp}.failoverPriority`, locality.failoverPriority),
    },
    warmup: warmup && {
      duration: checkDuration(scope, `${wProp}.duration`, warmup.duration),
      minimumPercent: optNumber(scope, `${wProp}.minimumPercent`, warmup.minimumPercent, 0, 100),
      aggression: optNumber(scope, `${wProp}.aggression`, warmup.aggression, 0, Number.MAX_VALUE),
    },
  };
}
