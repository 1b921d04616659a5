import { describeGatewayMatch } from './render-http-route';
import { re2CompileError, re2Matches } from '../../validation/engines';

/**
 * Which rule the Gateway API applies, as Istio 1.30 computes it, and the proof that it is the rule the Istio
 * backend would apply.
 *
 * Istio evaluates a VirtualService's rules in the order written; the Gateway API picks the most specific
 * match. Istio implements that by sorting the routes it builds from an HTTPRoute (`sortHTTPRoutes` in
 * istio/istio `pilot/pkg/config/kube/gateway/conversion.go`, tag 1.30.3, ported below) and then evaluating
 * them in order: path kind (Exact > PathPrefix > RegularExpression), then the longer path value, then a
 * method match, then more header matches, then more query matches; ties keep the written order (a stable
 * sort). Every HTTPRouteRule has a path after the API server applies the CRD defaults (a rule without
 * matches, or a match without a path, matches PathPrefix '/'), so the weighted catch-all is a PathPrefix '/'
 * rule without other conditions.
 *
 * Two rules whose order the sort swaps change the result only when one request can match both and they do
 * different things. `precedenceConflict` finds such a pair (or proves there is none): matches are disjoint
 * when they require different exact paths, methods, header or query values (or an exact value the other's
 * regex does not fully match); anything else may overlap.
 */

/** One HTTPRouteRule with its declared position and the prop it came from. */
export interface RankedRule {
  readonly prop: string;
  /** The rule's single match as written (undefined for the catch-all). */
  readonly match: any | undefined;
  /** What the rule does (backendRefs, filters, timeouts), compared as JSON. */
  readonly effect: string;
}

interface SortKey {
  readonly rank: number;
  readonly length: number;
  readonly method: boolean;
  readonly headers: number;
  readonly queryParams: number;
}

/** The match Istio sorts by: the path defaulted and a PathPrefix's trailing '/' trimmed (`createURIMatch`). */
function sortKey(match: any | undefined): SortKey {
  const path = match?.path ?? { type: 'PathPrefix', value: '/' };
  let value: string = path.value ?? '/';
  const type: string = path.type ?? 'PathPrefix';
  if (type === 'PathPrefix' && value !== '/') value = value.replace(/\/$/, '');
  // getURIRank: Exact 3, Prefix 2, Regex 1
  const rank = type === 'Exact' ? 3 : type === 'PathPrefix' ? 2 : 1;
  return {
    rank,
    length: value.length,
    method: match?.method !== undefined,
    headers: (match?.headers ?? []).length,
    queryParams: (match?.queryParams ?? []).length,
  };
}

/** Istio's `sortHTTPRoutes` comparator: whether `a` goes before `b`, and the criterion that decided. */
function before(a: SortKey, b: SortKey): [boolean, string] | undefined {
  if (a.rank !== b.rank) return [a.rank > b.rank, 'its path match kind ranks higher (Exact > PathPrefix > RegularExpression)'];
  if (a.length !== b.length) return [a.length > b.length, 'its path value is longer'];
  if (a.method !== b.method) return [a.method, 'it matches the method'];
  if (a.headers !== b.headers) return [a.headers > b.headers, 'it matches more headers'];
  if (a.queryParams !== b.queryParams) return [a.queryParams > b.queryParams, 'it matches more query parameters'];
  return undefined;
}

/** The declared rules in the order Istio evaluates the HTTPRoute (a stable sort, as Go's sort.SliceStable). */
export function gatewayOrder(rules: readonly RankedRule[]): RankedRule[] {
  const keyed = rules.map((rule, i) => ({ rule, i, key: sortKey(rule.match) }));
  keyed.sort((x, y) => {
    const xy = before(x.key, y.key);
    return xy === undefined ? x.i - y.i : (xy[0] ? -1 : 1);
  });
  return keyed.map(k => k.rule);
}

function fullMatch(regex: string, value: string): boolean {
  const anchored = `^(?:${regex})$`;
  return re2CompileError(anchored) !== undefined || re2Matches(anchored, value);
}

/** Whether two string conditions (Exact or RegularExpression) can never hold together. */
function disjointValues(a: { type: string; value: string }, b: { type: string; value: string }): boolean {
  if (a.type === 'Exact' && b.type === 'Exact') return a.value !== b.value;
  if (a.type === 'Exact' && b.type === 'RegularExpression') return !fullMatch(b.value, a.value);
  if (a.type === 'RegularExpression' && b.type === 'Exact') return !fullMatch(a.value, b.value);
  return false;
}

function disjointLists(a: any[] | undefined, b: any[] | undefined, caseInsensitive: boolean): boolean {
  const name = (n: string) => caseInsensitive ? n.toLowerCase() : n;
  return (a ?? []).some(x => (b ?? []).some(y => name(x.name) === name(y.name)
    && disjointValues({ type: x.type ?? 'Exact', value: x.value }, { type: y.type ?? 'Exact', value: y.value })));
}

/** False only when no request can match both (a conservative overlap test). */
export function mayOverlap(a: any | undefined, b: any | undefined): boolean {
  if (a?.method !== undefined && b?.method !== undefined && a.method !== b.method) return false;
  const pa = a?.path;
  const pb = b?.path;
  if (pa && pb && pa.type !== 'PathPrefix' && pb.type !== 'PathPrefix' && disjointValues(pa, pb)) return false;
  if (disjointLists(a?.headers, b?.headers, true)) return false;
  if (disjointLists(a?.queryParams, b?.queryParams, false)) return false;
  return true;
}

/** A pair of rules the Gateway API would apply in another order than declared, with a different result. */
export interface PrecedenceConflict {
  /** The rule declared first, which the Gateway API evaluates later. */
  readonly overtaken: RankedRule;
  /** The rule declared later, which the Gateway API evaluates first. */
  readonly overtaking: RankedRule;
  /** Why the Gateway API puts `overtaking` first. */
  readonly reason: string;
}

/**
 * The first pair of rules (in declared order) that the Gateway API evaluates the other way round while one
 * request can match both and they do different things, or undefined when the Gateway API applies, to every
 * request, the rule the declared order applies.
 */
export function precedenceConflict(rules: readonly RankedRule[]): PrecedenceConflict | undefined {
  const position = new Map(gatewayOrder(rules).map((r, i) => [r, i]));
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const first = rules[i];
      const later = rules[j];
      if (position.get(later)! > position.get(first)!) continue;
      if (first.effect === later.effect || !mayOverlap(first.match, later.match)) continue;
      const reason = before(sortKey(later.match), sortKey(first.match))![1];
      return { overtaken: first, overtaking: later, reason };
    }
  }
  return undefined;
}

/** A rule's match in words for messages. */
export function describeRanked(rule: RankedRule): string {
  return rule.match === undefined ? 'every request (PathPrefix /)' : describeGatewayMatch(rule.match);
}
