/** Load balancer settings, as Istio 1.30 checks them (validateLoadBalancer, agent.ValidateLocalityLbSetting). */
import { ProblemCollector } from '../problem';
import { entries, isSet, list, num, obj, rule, str, validateDuration, validateOneof, wrapped } from './fields';

/** isPrime, as Envoy (and Istio) compute it for maglev table sizes. */
export function isPrime(x: number): boolean {
  if (x !== 0 && x < 4) return true;
  if (x % 2 === 0) return false;
  const limit = Math.floor(Math.sqrt(x));
  for (let f = 3; f <= limit; f += 2) if (x % f === 0) return false;
  return true;
}

/** getLocalityParam: region/zone/subzone, the index of the last part, or undefined when a part is empty. */
function localityParts(locality: string): { parts: string[]; index: number } | undefined {
  const split = locality.split('/');
  const parts = split.length > 3 ? [split[0], split[1], split.slice(2).join('/')] : split;
  if (parts.some(p => p === '')) return undefined;
  return { parts, index: parts.length - 1 };
}

/** validateLocalities: at most one trailing `*`, no empty parts, no overlaps. */
export function localitiesError(localities: string[]): string | undefined {
  const regions = new Map<string, Map<string, Map<string, boolean>>>();
  for (const locality of localities) {
    const stars = locality.split('*').length - 1;
    if (stars > 0 && (stars > 1 || !locality.endsWith('*'))) return `locality ${locality}: a wildcard '*' may appear once, at the end`;
    if (regions.has('*')) return `locality ${locality} overlaps an earlier one`;
    const p = localityParts(locality);
    if (!p) return `locality ${locality} must not have an empty region, zone or subzone`;
    const [region, zone, subZone] = p.parts;
    const overlap = `locality ${locality} overlaps an earlier one`;
    if (p.index === 0) {
      if (regions.has(region)) return overlap;
      regions.set(region, new Map([['*', new Map([['*', true]])]]));
    } else if (p.index === 1) {
      const zones = regions.get(region);
      if (zones) {
        if (zones.has('*') || zones.has(zone)) return overlap;
        zones.set(zone, new Map([['*', true]]));
      } else {
        regions.set(region, new Map([[zone, new Map([['*', true]])]]));
      }
    } else {
      const zones = regions.get(region);
      if (zones) {
        if (zones.has('*')) return overlap;
        const subs = zones.get(zone);
        if (subs) {
          if (subs.get('*') || subs.get(subZone)) return overlap;
          subs.set(subZone, true);
        } else {
          zones.set(zone, new Map([[subZone, true]]));
        }
      } else {
        regions.set(region, new Map([[zone, new Map([[subZone, true]])]]));
      }
    }
  }
  return undefined;
}

const TOPOLOGY_LABELS = new Set(['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone']);

/** agent.ValidateLocalityLbSetting. */
export function validateLocalityLbSetting(lb: unknown, outlier: unknown, problems: ProblemCollector, field: string): void {
  const l = obj(lb);
  if (!l) return;
  const at = problems.at(field);
  const fn = rule('agent.ValidateLocalityLbSetting');
  const distribute = list(l.distribute);
  const failover = list(l.failover);
  const failoverPriority = list(l.failoverPriority);
  if (distribute.length > 0 && failover.length > 0) {
    at.error('', lb, 'must not set both distribute and failover', fn);
    return;
  }
  if (failover.length > 0 && failoverPriority.length > 0) {
    for (const label of failoverPriority) {
      if (TOPOLOGY_LABELS.has(str(label))) {
        at.error('failoverPriority', l.failoverPriority, `must not hold the topology label ${label} while failover is set`, fn);
        return;
      }
    }
  }
  const sources: string[] = [];
  for (const [i, d] of distribute.entries()) {
    sources.push(str(obj(d)?.from));
    let total = 0;
    const targets: string[] = [];
    for (const [loc, weight] of entries(obj(d)?.to)) {
      targets.push(loc);
      const w = num(weight);
      if (w <= 0 || w > 100) {
        at.at('distribute', i, 'to').error(loc, weight, 'must be a locality weight from 1 to 100', fn);
        return;
      }
      total += w;
    }
    if (total !== 100) {
      at.at('distribute', i).error('to', obj(d)?.to, `must have weights that sum to 100 (they sum to ${total})`, fn);
      return;
    }
    const err = localitiesError(targets);
    if (err) at.at('distribute', i).error('to', obj(d)?.to, err, rule('agent.ValidateLocalityLbSetting (validateLocalities)'));
  }
  const err = localitiesError(sources);
  if (err) at.error('distribute', l.distribute, err, rule('agent.ValidateLocalityLbSetting (validateLocalities)'));
  if ((failover.length > 0 || failoverPriority.length > 0) && !isSet(outlier)) {
    at.warning('', lb, 'needs an outlierDetection policy for failover to happen', fn);
  }
  failover.forEach((f, i) => {
    const from = str(obj(f)?.from);
    const to = str(obj(f)?.to);
    const fat = at.at('failover', i);
    if (from === to) fat.error('', f, 'must fail over to a different region', fn);
    if (from.includes('/') || to.includes('/')) fat.error('', f, 'must name regions only (no "/")', fn);
    if (from.includes('*') || to.includes('*')) fat.error('', f, "must not contain the '*' wildcard", fn);
  });
}

/** validateLoadBalancer: consistent hash (cookie, ring hash, maglev), locality, warmup. */
export function validateLoadBalancer(settings: unknown, outlier: unknown, problems: ProblemCollector, field: string): void {
  const s = obj(settings);
  if (!s) return;
  const at = problems.at(field);
  const fn = rule('validateLoadBalancer');
  validateOneof(s, ['simple', 'consistentHash'], problems, field);
  const ch = obj(s.consistentHash);
  if (ch) {
    const cat = at.at('consistentHash');
    validateOneof(ch, ['httpHeaderName', 'httpCookie', 'useSourceIp', 'httpQueryParameterName'], at, 'consistentHash');
    validateOneof(ch, ['ringHash', 'maglev'], at, 'consistentHash');
    const cookie = obj(ch.httpCookie);
    if (cookie && str(cookie.name) === '') cat.at('httpCookie').error('name', cookie.name, 'must be set', fn);
    if (cookie && list(cookie.attributes).length > 0) {
      const names = new Set<string>();
      list(cookie.attributes).forEach((a, i) => {
        const name = str(obj(a)?.name);
        const aat = cat.at('httpCookie', 'attributes', i);
        if (name === '') aat.error('name', obj(a)?.name, 'must be set', fn);
        else if (names.has(name)) aat.error('name', name, 'must be unique among the cookie attributes', fn);
        else names.add(name);
      });
    }
    const minimumRingSize = num(ch.minimumRingSize);
    if (minimumRingSize !== 0) cat.warning('minimumRingSize', ch.minimumRingSize, 'is deprecated: use ringHash.minimumRingSize', fn);
    if (minimumRingSize !== 0 && (isSet(ch.ringHash) || isSet(ch.maglev))) {
      cat.error('minimumRingSize', ch.minimumRingSize, 'must not be set together with ringHash or maglev', fn);
    }
    const maglev = obj(ch.maglev);
    if (maglev) {
      const size = num(maglev.tableSize);
      if (size === 0) cat.at('maglev').error('tableSize', maglev.tableSize, 'must be set for maglev', fn);
      if (size >= 5000011) cat.at('maglev').error('tableSize', size, 'must be less than 5000011', fn);
      if (!isPrime(size)) cat.at('maglev').error('tableSize', size, 'must be a prime number', fn);
    }
  }
  validateLocalityLbSetting(s.localityLbSetting, outlier, at, 'localityLbSetting');
  const warmup = obj(s.warmup);
  if (warmup) {
    const wat = at.at('warmup');
    if (!isSet(warmup.duration)) wat.error('duration', undefined, 'must be set', fn);
    else validateDuration(warmup.duration, wat, 'duration');
    const minimumPercent = wrapped(warmup.minimumPercent);
    if (typeof minimumPercent === 'number' && minimumPercent > 100) wat.error('minimumPercent', minimumPercent, 'must be at most 100', fn);
    const aggression = wrapped(warmup.aggression);
    if (typeof aggression === 'number' && aggression < 1) wat.error('aggression', aggression, 'must be at least 1', fn);
  }
}
