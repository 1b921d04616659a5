/**
 * The precedence proof, checked against a simulation: for generated rule lists that `precedenceConflict`
 * accepts, every generated request gets the same effect from the first matching rule in the declared (Istio)
 * order and in the order the Gateway API evaluates (Istio's sortHTTPRoutes). A wrong "disjoint" verdict in
 * the overlap test would show up here as a request routed differently.
 */
import * as fc from 'fast-check';
import { gatewayOrder, precedenceConflict, RankedRule } from '../../../src/canary/gateway-api/precedence';
import { re2Matches } from '../../../src/validation/engines';
import { runs } from '../../properties/support';

interface Request {
  readonly path: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly query: Record<string, string>;
}

const full = (regex: string, value: string) => re2Matches(`^(?:${regex})$`, value);
const holds = (cond: { type: string; value: string }, actual: string | undefined) =>
  actual !== undefined && (cond.type === 'Exact' ? actual === cond.value : full(cond.value, actual));

/** Whether a request matches an HTTPRouteMatch (undefined: the defaulted PathPrefix '/'). */
function matches(match: any, r: Request): boolean {
  if (match === undefined) return true;
  if (match.path && !holds(match.path, r.path)) return false;
  if (match.method !== undefined && match.method !== r.method) return false;
  if ((match.headers ?? []).some((h: any) => !holds(h, r.headers[h.name.toLowerCase()]))) return false;
  if ((match.queryParams ?? []).some((q: any) => !holds(q, r.query[q.name]))) return false;
  return true;
}

const effectOf = (rules: readonly RankedRule[], r: Request) => rules.find(rule => matches(rule.match, r))?.effect;

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const condition = (values: string[], regexes: string[]) => fc.oneof(
  fc.constantFrom(...values).map(value => ({ type: 'Exact', value })),
  fc.constantFrom(...regexes).map(value => ({ type: 'RegularExpression', value })),
);

const matchArb = fc.record({
  path: optional(fc.oneof(
    fc.constantFrom('/a', '/b', '/ab').map(value => ({ type: 'Exact', value })),
    fc.constantFrom('/a.*', '/b').map(value => ({ type: 'RegularExpression', value })),
  )),
  method: optional(fc.constantFrom('GET', 'POST')),
  xa: optional(condition(['1', '2'], ['[12]', '1|3'])),
  xb: optional(condition(['1'], ['.+'])),
  v: optional(condition(['1', '2'], ['[0-9]'])),
}).filter(m => Object.values(m).some(x => x !== undefined)).map(m => ({
  path: m.path,
  method: m.method,
  headers: [...(m.xa ? [{ name: 'x-a', ...m.xa }] : []), ...(m.xb ? [{ name: 'X-B', ...m.xb }] : [])],
  queryParams: m.v ? [{ name: 'v', ...m.v }] : [],
}));

const rulesArb = fc.array(fc.record({ match: matchArb, effect: fc.constantFrom('v1', 'v2', 'v3') }), { minLength: 1, maxLength: 5 })
  .map(rs => [
    ...rs.map((r, i): RankedRule => ({ prop: `routes[${i}]`, match: r.match, effect: r.effect })),
    { prop: 'defaultRoute', match: undefined, effect: 'split' },
  ]);

const requests: Request[] = [];
for (const path of ['/', '/a', '/b', '/ab', '/abc']) {
  for (const method of ['GET', 'POST']) {
    for (const xa of [undefined, '1', '2', '3']) {
      for (const xb of [undefined, '1']) {
        for (const v of [undefined, '1', '2', 'x']) {
          requests.push({
            path,
            method,
            headers: { ...(xa ? { 'x-a': xa } : {}), ...(xb ? { 'x-b': xb } : {}) },
            query: v ? { v } : {},
          });
        }
      }
    }
  }
}

test('when no conflict is reported, the Gateway API order routes every request as the declared order does', () => {
  let proved = 0;
  let refused = 0;
  fc.assert(fc.property(rulesArb, rules => {
    if (precedenceConflict(rules) !== undefined) {
      refused++;
      return;
    }
    proved++;
    const sorted = gatewayOrder(rules);
    for (const r of requests) expect({ request: r, effect: effectOf(sorted, r) }).toEqual({ request: r, effect: effectOf(rules, r) });
  }), runs(300));
  // both outcomes occur, so the property is not vacuous
  expect(proved).toBeGreaterThan(20);
  expect(refused).toBeGreaterThan(20);
});
