/** Destinations, weighted route destinations and mirrors, as Istio 1.30 checks them (validation.go). */
import { ProblemCollector } from '../problem';
import { isDns1123Label, isSet, list, num, obj, rule, str, validatePort } from './fields';
import { validateHeaderOperations } from './headers';
import { wildcardDomainError } from './hosts';

/** validateSubsetName: a non-empty DNS-1123 label. */
export function subsetNameError(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  return isDns1123Label(name) ? undefined : 'must be a subset name (a DNS-1123 label)';
}

/** validateDestination: host (not `*`), subset name, port number. */
export function validateDestination(destination: unknown, problems: ProblemCollector, field: string, fn = 'validateDestination'): void {
  const d = obj(destination);
  if (!d) return;
  const at = problems.at(field);
  const r = rule(fn === 'validateDestination' ? fn : `${fn} (validateDestination)`);
  const host = str(d.host);
  if (host === '*') {at.error('host', host, 'must not be "*"', r);} else {
    const err = wildcardDomainError(host);
    if (err) at.error('host', d.host, `must be a host name: ${err}`, r);
  }
  const subset = str(d.subset);
  if (subset !== '') {
    const err = subsetNameError(subset);
    if (err) at.error('subset', subset, err, r);
  }
  const port = obj(d.port);
  if (port) validatePort(num(port.number), at.at('port'), 'number', fn === 'validateDestination' ? 'validatePortSelector' : `${fn} (validatePortSelector)`);
}

function validateWeights(weights: any[], problems: ProblemCollector, field: string, fn: string, http: boolean, gatewaySemantics: boolean): void {
  let total = 0;
  const r = rule(fn);
  weights.forEach((weight, i) => {
    const at = problems.at(field, i);
    const w = obj(weight);
    if (!w) {
      at.error('', weight, 'must not be null', r);
      return;
    }
    if (!isSet(w.destination)) at.error('destination', w.destination, 'must be set', r);
    if (http) validateHeaderOperations(w.headers, at, 'headers', fn);
    if (!gatewaySemantics) validateDestination(w.destination, at, 'destination', fn);
    const weightValue = num(w.weight);
    if (weightValue < 0) at.error('weight', w.weight, 'must not be negative', rule(`${fn} (validateWeight)`));
    total += weightValue;
  });
  if (weights.length > 1 && total === 0) problems.error(field, weights.map(w => obj(w)?.weight ?? 0), 'must not all be 0 (the total weight is 0)', r);
}

/** validateHTTPRouteDestinations: each has a destination, valid header operations and a weight >= 0; not all 0. */
export function validateHTTPRouteDestinations(route: unknown, problems: ProblemCollector, field: string, gatewaySemantics = false): void {
  validateWeights(list(route), problems, field, 'validateHTTPRouteDestinations', true, gatewaySemantics);
}

/** validateRouteDestinations (TCP and TLS routes). */
export function validateRouteDestinations(route: unknown, problems: ProblemCollector, field: string, gatewaySemantics = false): void {
  validateWeights(list(route), problems, field, 'validateRouteDestinations', false, gatewaySemantics);
}

/** validateHTTPMirrors: each mirror has a valid destination and a percentage within 0..100. */
export function validateHTTPMirrors(mirrors: unknown, problems: ProblemCollector, field: string): void {
  const r = rule('validateHTTPMirrors');
  list(mirrors).forEach((mirror, i) => {
    const at = problems.at(field, i);
    const m = obj(mirror);
    if (!m) {
      at.error('', mirror, 'must not be null', r);
      return;
    }
    if (!obj(m.destination)) {
      at.error('destination', m.destination, 'must be set', r);
      return;
    }
    validateDestination(m.destination, at, 'destination', 'validateHTTPMirrors');
    const p = obj(m.percentage);
    if (p) {
      const v = num(p.value);
      if (v > 100 || v < 0) at.at('percentage').error('value', p.value, 'must be a percentage from 0 to 100', r);
    }
  });
}
