/**
 * Rules and matches a VirtualService can never reach: Istio's webhook warns about them
 * (analyzeUnreachableHTTPRules / TCP / TLS; analyzer messages VirtualServiceUnreachableRule and
 * VirtualServiceIneffectiveMatch). Warnings, never errors.
 */
import { ProblemCollector } from '../problem';
import { entries, list, num, obj, str } from './fields';

const UNREACHABLE = 'istio analyzeUnreachableHTTPRules (VirtualServiceUnreachableRule)';
const INEFFECTIVE = 'istio analyzeUnreachableHTTPRules (VirtualServiceIneffectiveMatch)';

/** asJSON: a canonical text of a match (keys sorted, the match name left out), to compare matches. */
function matchKey(match: unknown, http: boolean): string {
  const canonical = (v: any): any => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(Object.keys(v).sort().filter(k => v[k] !== undefined && v[k] !== '' && v[k] !== 0 && v[k] !== false)
      .map(k => [k, canonical(v[k])]));
  };
  const m = obj(match);
  if (m && http) {
    const { name, ...rest } = m;
    return JSON.stringify(canonical(rest));
  }
  return JSON.stringify(canonical(match));
}

function routeName(route: any, n: number): string {
  const name = str(obj(route)?.name);
  return name !== '' ? JSON.stringify(name) : `#${n}`;
}

function requestName(match: any, n: number, http: boolean): string {
  const name = http ? str(obj(match)?.name) : '';
  return name !== '' ? JSON.stringify(name) : `#${n}`;
}

interface PrefixMatch {
  readonly route: string;
  readonly match: string;
  readonly at: ProblemCollector;
  readonly prefix: string;
  readonly port: number;
  readonly method: string;
  readonly authority: string;
  readonly headers: Map<string, string>;
  readonly queryParams: Map<string, string>;
  readonly withoutHeaders: Map<string, string>;
}

function exactOrPrefix(sm: unknown): string {
  const s = obj(sm);
  if (str(s?.exact) !== '') return `exact:${s!.exact}`;
  if (str(s?.prefix) !== '') return `prefix:${s!.prefix}`;
  return '';
}

/** genMatchHTTPRoutes: the fields of a uri-prefix match the overlap check compares. */
function prefixMatch(route: any, match: any, rulen: number, matchn: number, at: ProblemCollector): PrefixMatch | undefined {
  const m = obj(match);
  const prefix = str(obj(m?.uri)?.prefix);
  if (!m || prefix === '') return undefined;
  const map = (v: unknown) => new Map(entries(v).map(([k, sm]) => [k, exactOrPrefix(sm)]));
  return {
    route: routeName(route, rulen),
    match: requestName(match, matchn, true),
    at,
    prefix,
    port: num(m.port),
    method: exactOrPrefix(m.method) || 'exact:GET',
    authority: exactOrPrefix(m.authority),
    headers: map(m.headers),
    queryParams: map(m.queryParams),
    withoutHeaders: map(m.withoutHeaders),
  };
}

function mapCovered(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const bv = b.get(k);
    if (bv === undefined || (v !== bv && !v.startsWith(bv))) return false;
  }
  return true;
}

/** coveredValidation: whether the earlier prefix match `a` takes every request the later `b` would. */
function covered(a: PrefixMatch, b: PrefixMatch): boolean {
  if (!b.prefix.startsWith(a.prefix)) return false;
  if (b.port !== a.port) return false;
  if (a.method !== b.method && !a.method.startsWith(b.method)) return false;
  if (a.authority !== b.authority && !a.authority.startsWith(b.authority)) return false;
  return mapCovered(a.headers, b.headers) && mapCovered(a.queryParams, b.queryParams) && mapCovered(a.withoutHeaders, b.withoutHeaders);
}

/** analyzeUnreachableHTTPRules (http) or analyzeUnreachableTCPRules / TLSRules (the others). */
export function analyzeUnreachableRules(routes: unknown, problems: ProblemCollector, field: string, http: boolean): void {
  const seen = new Map<string, number>();
  let emptyMatch = -1;
  const prefixMatches: PrefixMatch[] = [];
  const all = list(routes);
  all.forEach((route, rulen) => {
    const r = obj(route);
    if (!r) return;
    const at = problems.at(field, rulen);
    const matches = list(r.match);
    if (matches.length === 0) {
      if (emptyMatch >= 0) at.warning('match', r.match ?? [], `is never used: only the last rule can have no matches (rule ${routeName(route, rulen)})`, UNREACHABLE);
      emptyMatch = rulen;
      return;
    }
    let duplicates = 0;
    matches.forEach((match, matchn) => {
      if (emptyMatch >= 0) {
        at.at('match').warning(matchn, match, `is never used: a rule without matches comes before it (rule ${routeName(all[emptyMatch], emptyMatch)})`, UNREACHABLE);
        return;
      }
      const key = matchKey(match, http);
      const dup = seen.get(key);
      if (dup !== undefined) {
        at.at('match').warning(matchn, match, `is never used: rule ${routeName(all[dup], dup)} has the same match`, INEFFECTIVE);
        duplicates++;
        return;
      }
      seen.set(key, rulen);
      if (http) {
        const pm = prefixMatch(route, match, rulen, matchn, at.at('match', matchn));
        if (pm) prefixMatches.push(pm);
      }
    });
    if (duplicates === matches.length) at.warning('match', r.match, 'is never used: all its matches are used by earlier rules', UNREACHABLE);
  });
  for (let i = 0; i < prefixMatches.length; i++) {
    for (let j = i + 1; j < prefixMatches.length; j++) {
      const [a, b] = [prefixMatches[i], prefixMatches[j]];
      if (a.prefix === b.prefix) continue;
      if (covered(a, b)) {
        b.at.at('uri').warning('prefix', b.prefix, `is never used: match ${a.match} of prefix ${a.prefix} on rule ${a.route} takes its requests`, INEFFECTIVE);
      }
    }
  }
}
