/**
 * HTTPRoute (`gateway.networking.k8s.io/v1`) as the API server admits it with the Gateway API v1.5.1 Standard
 * channel CRD installed (the version Istio 1.30 pins): the structural schema (lengths, patterns, enums, list
 * sizes, unique list-map keys, defaults applied first) and every `x-kubernetes-validations` CEL rule of
 * `config/crd/standard/gateway.networking.k8s.io_httproutes.yaml`, ported by hand. Since v1.1 Gateway API has no
 * validating webhook: the CRD is the whole of its admission. A Problem's `rule` carries the CEL rule's own message.
 */
import { ProblemCollector } from '../problem';
import { checkInt, checkKnownFields, checkList, checkString, checkUnique, durationMillis, DURATION, GROUP, HEADER_NAME, HOSTNAME, KIND, NAMESPACE, SCHEMA, StringRule, SUBDOMAIN, patternMatches } from './schema';

const CEL = (message: string) => `gateway-api v1.5.1 CEL: ${message}`;

const FILTER_TYPES = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror', 'RequestRedirect', 'URLRewrite', 'ExtensionRef', 'CORS'];
/** Filter type → the field that carries its configuration. */
const FILTER_FIELDS: ReadonlyArray<[string, string]> = [
  ['CORS', 'cors'],
  ['RequestHeaderModifier', 'requestHeaderModifier'],
  ['ResponseHeaderModifier', 'responseHeaderModifier'],
  ['RequestMirror', 'requestMirror'],
  ['RequestRedirect', 'requestRedirect'],
  ['URLRewrite', 'urlRewrite'],
  ['ExtensionRef', 'extensionRef'],
];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];
const PATH_CHARS = "^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$";
const CORS_ORIGIN = '(^\\*$)|(^(http(s)?):\\/\\/(((\\*\\.)?([a-zA-Z0-9\\-]+\\.)*[a-zA-Z0-9-]+|\\*)(:([0-9]{1,5}))?)$)';
/** The CRD default of `rules[].matches` and of `matches[].path`. */
const DEFAULT_PATH = { type: 'PathPrefix', value: '/' };

/** Validates an HTTPRoute. */
export function validateHttpRoute(obj: any, problems: ProblemCollector): void {
  const spec = obj?.spec;
  const p = problems.at('spec');
  if (spec === undefined || spec === null || typeof spec !== 'object') {
    problems.error('spec', spec, 'must be set', SCHEMA);
    return;
  }
  checkKnownFields(p, spec, ['parentRefs', 'hostnames', 'rules'], 'HTTPRouteSpec');
  checkList(p, spec, 'hostnames', 16).forEach((_, i) => checkString(p.at('hostnames'), spec.hostnames, i, { minLength: 1, maxLength: 253, pattern: HOSTNAME }));
  parentRefs(p, spec);
  // rules: minItems 1, maxItems 16, default one rule matching PathPrefix '/'
  const rules = spec.rules === undefined ? [{}] : checkList(p, spec, 'rules', 16, 1);
  rules.forEach((rule, i) => httpRouteRule(p.at('rules', i), rule));
  // the rule sums the matches of the first 16 rules only, as written in the CRD
  const total = rules.slice(0, 16).reduce((sum, r) => sum + matchesOf(r).length, 0);
  if (total > 128) {
    p.error('rules', total, 'must hold at most 128 matches across all rules', CEL('While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128'));
  }
}

/** The matches of a rule after defaulting (absent → one PathPrefix '/' match). */
function matchesOf(rule: any): any[] {
  return Array.isArray(rule?.matches) ? rule.matches : [{ path: DEFAULT_PATH }];
}

/** `CommonRouteSpec.parentRefs`: ParentReference fields and the two sectionName CEL rules. */
function parentRefs(p: ProblemCollector, spec: any): void {
  const refs = checkList(p, spec, 'parentRefs', 32);
  refs.forEach((ref, i) => {
    const r = p.at('parentRefs', i);
    checkKnownFields(r, ref, ['group', 'kind', 'namespace', 'name', 'sectionName', 'port'], 'ParentReference');
    checkString(r, ref, 'group', { maxLength: 253, pattern: GROUP });
    checkString(r, ref, 'kind', { minLength: 1, maxLength: 63, pattern: KIND });
    checkString(r, ref, 'namespace', { minLength: 1, maxLength: 63, pattern: NAMESPACE });
    checkString(r, ref, 'name', { required: true, minLength: 1, maxLength: 253 });
    checkString(r, ref, 'sectionName', { minLength: 1, maxLength: 253, pattern: SUBDOMAIN });
    checkInt(r, ref, 'port', 1, 65535);
  });
  // defaults first: group gateway.networking.k8s.io, kind Gateway
  const norm = refs.map(ref => ({
    group: ref?.group ?? 'gateway.networking.k8s.io',
    kind: ref?.kind ?? 'Gateway',
    name: ref?.name,
    namespace: ref?.namespace ?? '',
    sectionName: ref?.sectionName ?? '',
  }));
  const sameParent = (a: any, b: any) => a.group === b.group && a.kind === b.kind && a.name === b.name && a.namespace === b.namespace;
  const withSection = norm.every(a => norm.every(b => sameParent(a, b) ? (a.sectionName === '') === (b.sectionName === '') : true));
  if (!withSection) {
    p.error('parentRefs', spec.parentRefs, 'must give every reference to a repeated parent a sectionName',
      CEL('sectionName must be specified when parentRefs includes 2 or more references to the same parent'));
  }
  const unique = norm.every(a => norm.filter(b => sameParent(a, b) && a.sectionName === b.sectionName).length === 1);
  if (!unique) {
    p.error('parentRefs', spec.parentRefs, 'must not repeat a parent with the same sectionName',
      CEL('sectionName must be unique when parentRefs includes 2 or more references to the same parent'));
  }
}

function httpRouteRule(p: ProblemCollector, rule: any): void {
  if (rule === null || typeof rule !== 'object') {
    p.error('', rule, 'must be an HTTPRouteRule object', SCHEMA);
    return;
  }
  checkKnownFields(p, rule, ['name', 'matches', 'filters', 'backendRefs', 'timeouts'], 'HTTPRouteRule');
  checkString(p, rule, 'name', { minLength: 1, maxLength: 253, pattern: SUBDOMAIN });
  const matches = rule.matches === undefined ? [{ path: DEFAULT_PATH }] : checkList(p, rule, 'matches', 64);
  matches.forEach((m, i) => httpRouteMatch(p.at('matches', i), m));
  const filters = checkList(p, rule, 'filters', 16);
  filterList(p, 'filters', filters);
  const backendRefs = checkList(p, rule, 'backendRefs', 16);
  backendRefs.forEach((b, i) => httpBackendRef(p.at('backendRefs', i), b));

  // HTTPRouteRule CEL rules
  if (backendRefs.length > 0 && filters.some(f => f?.requestRedirect !== undefined)) {
    p.error('filters', filters.map(f => f?.type), 'must not hold a RequestRedirect filter in a rule with backendRefs',
      CEL('RequestRedirect filter must not be used together with backendRefs'));
  }
  const onePrefixMatch = matches.length === 1 && (matches[0]?.path ?? DEFAULT_PATH).type === 'PathPrefix';
  const prefixModifier = (f: any, field: string) => f?.[field]?.path?.type === 'ReplacePrefixMatch' && f[field].path.replacePrefixMatch !== undefined;
  for (const [field, name] of [['requestRedirect', 'RequestRedirect'], ['urlRewrite', 'URLRewrite']]) {
    if (filters.filter(f => prefixModifier(f, field)).length === 1 && !onePrefixMatch) {
      p.error('matches', rule.matches,
        `must be exactly one PathPrefix match when a ${name} filter replaces the prefix`,
        CEL(`When using ${name} filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified`));
    }
    // exists_one over backendRefs of exists_one over their filters, as the CRD writes it
    const backendsReplacing = backendRefs
      .filter(b => Array.isArray(b?.filters) && b.filters.filter((f: any) => prefixModifier(f, field)).length === 1);
    if (backendsReplacing.length === 1 && !onePrefixMatch) {
      p.error('matches', rule.matches, `must be exactly one PathPrefix match when a backendRef's ${name} filter replaces the prefix`,
        CEL(name === 'URLRewrite'
          ? 'Within backendRefs, When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'
          : 'Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'));
    }
  }
  if (rule.timeouts !== undefined) httpRouteTimeouts(p.at('timeouts'), rule.timeouts);
}

function httpRouteMatch(p: ProblemCollector, match: any): void {
  checkKnownFields(p, match, ['path', 'headers', 'queryParams', 'method'], 'HTTPRouteMatch');
  const path = match?.path === undefined ? DEFAULT_PATH : match.path;
  const pp = p.at('path');
  checkKnownFields(pp, path, ['type', 'value'], 'HTTPPathMatch');
  const type = checkString(pp, path, 'type', { enum: ['Exact', 'PathPrefix', 'RegularExpression'] }) ?? 'PathPrefix';
  const value = checkString(pp, path, 'value', { maxLength: 1024 }) ?? '/';
  if (!['Exact', 'PathPrefix', 'RegularExpression'].includes(type)) {
    pp.error('type', type, "must be one of 'Exact', 'PathPrefix', 'RegularExpression'", CEL("type must be one of ['Exact', 'PathPrefix', 'RegularExpression']"));
  }
  if (type === 'Exact' || type === 'PathPrefix') {
    const rules: Array<[boolean, string, string]> = [
      [value.startsWith('/'), 'must be an absolute path starting with "/"', "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']"],
      [!value.includes('//'), 'must not contain "//"', "must not contain '//' when type one of ['Exact', 'PathPrefix']"],
      [!value.includes('/./'), 'must not contain "/./"', "must not contain '/./' when type one of ['Exact', 'PathPrefix']"],
      [!value.includes('/../'), 'must not contain "/../"', "must not contain '/../' when type one of ['Exact', 'PathPrefix']"],
      [!value.includes('%2f'), 'must not contain "%2f"', "must not contain '%2f' when type one of ['Exact', 'PathPrefix']"],
      [!value.includes('%2F'), 'must not contain "%2F"', "must not contain '%2F' when type one of ['Exact', 'PathPrefix']"],
      [!value.includes('#'), 'must not contain "#"', "must not contain '#' when type one of ['Exact', 'PathPrefix']"],
      [!value.endsWith('/..'), 'must not end with "/.."', "must not end with '/..' when type one of ['Exact', 'PathPrefix']"],
      [!value.endsWith('/.'), 'must not end with "/."', "must not end with '/.' when type one of ['Exact', 'PathPrefix']"],
      [patternMatches(PATH_CHARS, value), `must only contain valid path characters (${PATH_CHARS})`,
        `must only contain valid characters (matching ${PATH_CHARS}) for types ['Exact', 'PathPrefix']`],
    ];
    for (const [ok, message, upstream] of rules) if (!ok) pp.error('value', value, message, CEL(upstream));
  }
  for (const [field, maxValue] of [['headers', 4096], ['queryParams', 1024]] as const) {
    const items = checkList(p, match, field, 16);
    items.forEach((h, i) => {
      const hp = p.at(field, i);
      checkKnownFields(hp, h, ['type', 'name', 'value'], field === 'headers' ? 'HTTPHeaderMatch' : 'HTTPQueryParamMatch');
      checkString(hp, h, 'type', { enum: ['Exact', 'RegularExpression'] });
      checkString(hp, h, 'name', { required: true, minLength: 1, maxLength: 256, pattern: HEADER_NAME });
      checkString(hp, h, 'value', { required: true, minLength: 1, maxLength: maxValue });
    });
    // list-map keyed by name; header names are compared case-insensitively by implementations, the API server compares them as written
    checkUnique(p, field, items, h => h?.name);
  }
  checkString(p, match, 'method', { enum: METHODS });
}

function backendObjectReference(p: ProblemCollector, ref: any, what: string): void {
  checkString(p, ref, 'group', { maxLength: 253, pattern: GROUP });
  checkString(p, ref, 'kind', { minLength: 1, maxLength: 63, pattern: KIND });
  checkString(p, ref, 'name', { required: true, minLength: 1, maxLength: 253 });
  checkString(p, ref, 'namespace', { minLength: 1, maxLength: 63, pattern: NAMESPACE });
  checkInt(p, ref, 'port', 1, 65535);
  // defaults first: group "", kind Service
  if ((ref?.group ?? '') === '' && (ref?.kind ?? 'Service') === 'Service' && ref?.port === undefined) {
    p.error('port', undefined, `must be set: ${what} names a Service`, CEL('Must have port for Service reference'));
  }
}

function httpBackendRef(p: ProblemCollector, ref: any): void {
  checkKnownFields(p, ref, ['group', 'kind', 'name', 'namespace', 'port', 'weight', 'filters'], 'HTTPBackendRef');
  backendObjectReference(p, ref, 'the backendRef');
  checkInt(p, ref, 'weight', 0, 1000000);
  filterList(p, 'filters', checkList(p, ref, 'filters', 16));
}

/** A list of HTTPRouteFilters (rule-level or backendRef-level: the CRD gives both the same rules). */
function filterList(p: ProblemCollector, field: string, filters: any[]): void {
  filters.forEach((f, i) => httpRouteFilter(p.at(field, i), f));
  const types = filters.map(f => f?.type);
  if (types.includes('RequestRedirect') && types.includes('URLRewrite')) {
    p.error(field, types, 'must not hold both a RequestRedirect and a URLRewrite filter',
      CEL('May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both'));
  }
  for (const once of ['CORS', 'RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite']) {
    if (types.filter(t => t === once).length > 1) {
      p.error(field, types, `must not repeat the ${once} filter`, CEL(`${once} filter cannot be repeated`));
    }
  }
}

function httpRouteFilter(p: ProblemCollector, f: any): void {
  checkKnownFields(p, f, ['type', ...FILTER_FIELDS.map(([, field]) => field)], 'HTTPRouteFilter');
  const type = checkString(p, f, 'type', { required: true, enum: FILTER_TYPES });
  for (const [t, field] of FILTER_FIELDS) {
    const has = f?.[field] !== undefined && f?.[field] !== null;
    if (has && type !== t) p.error(field, f[field], `must not be set for a ${type} filter`, CEL(`filter.${field} must be nil if the filter.type is not ${t}`));
    if (!has && type === t) p.error(field, undefined, `must be set for a ${t} filter`, CEL(`filter.${field} must be specified for ${t} filter.type`));
  }
  if (f?.requestHeaderModifier) headerFilter(p.at('requestHeaderModifier'), f.requestHeaderModifier);
  if (f?.responseHeaderModifier) headerFilter(p.at('responseHeaderModifier'), f.responseHeaderModifier);
  if (f?.requestMirror) requestMirror(p.at('requestMirror'), f.requestMirror);
  if (f?.requestRedirect) requestRedirect(p.at('requestRedirect'), f.requestRedirect);
  if (f?.urlRewrite) urlRewrite(p.at('urlRewrite'), f.urlRewrite);
  if (f?.cors) cors(p.at('cors'), f.cors);
  if (f?.extensionRef) {
    const e = p.at('extensionRef');
    checkString(e, f.extensionRef, 'group', { required: true, maxLength: 253, pattern: GROUP });
    checkString(e, f.extensionRef, 'kind', { required: true, minLength: 1, maxLength: 63, pattern: KIND });
    checkString(e, f.extensionRef, 'name', { required: true, minLength: 1, maxLength: 253 });
  }
}

function headerFilter(p: ProblemCollector, h: any): void {
  checkKnownFields(p, h, ['set', 'add', 'remove'], 'HTTPHeaderFilter');
  for (const field of ['set', 'add']) {
    const items = checkList(p, h, field, 16);
    items.forEach((item, i) => {
      checkString(p.at(field, i), item, 'name', { required: true, minLength: 1, maxLength: 256, pattern: HEADER_NAME });
      checkString(p.at(field, i), item, 'value', { required: true, minLength: 1, maxLength: 4096 });
    });
    checkUnique(p, field, items, item => item?.name);
  }
  const remove = checkList(p, h, 'remove', 16);
  remove.forEach((r, i) => { if (typeof r !== 'string') p.at('remove').error(i, r, 'must be a string', SCHEMA); });
  checkUnique(p, 'remove', remove, r => r);
}

function requestMirror(p: ProblemCollector, m: any): void {
  checkKnownFields(p, m, ['backendRef', 'percent', 'fraction'], 'HTTPRequestMirrorFilter');
  if (m.backendRef === undefined) p.error('backendRef', undefined, 'must be set (Required value)', SCHEMA);
  else backendObjectReference(p.at('backendRef'), m.backendRef, 'the mirror backendRef');
  checkInt(p, m, 'percent', 0, 100);
  if (m.fraction !== undefined) {
    const numerator = checkInt(p.at('fraction'), m.fraction, 'numerator', 0, 2147483647, true);
    const denominator = checkInt(p.at('fraction'), m.fraction, 'denominator', 1, 2147483647) ?? 100;
    if (numerator !== undefined && numerator > denominator) {
      p.error('fraction', m.fraction, 'must have a numerator no greater than the denominator', CEL('numerator must be less than or equal to denominator'));
    }
  }
  if (m.percent !== undefined && m.fraction !== undefined) {
    p.error('', m, "must set only one of 'percent' and 'fraction'", CEL('Only one of percent or fraction may be specified in HTTPRequestMirrorFilter'));
  }
}

function pathModifier(p: ProblemCollector, path: any): void {
  checkString(p, path, 'type', { required: true, enum: ['ReplaceFullPath', 'ReplacePrefixMatch'] });
  checkString(p, path, 'replaceFullPath', { maxLength: 1024 });
  checkString(p, path, 'replacePrefixMatch', { maxLength: 1024 });
  const rules: Array<[boolean, string, string]> = [
    [path.type !== 'ReplaceFullPath' || path.replaceFullPath !== undefined, "must set 'replaceFullPath'", "replaceFullPath must be specified when type is set to 'ReplaceFullPath'"],
    [path.replaceFullPath === undefined || path.type === 'ReplaceFullPath', "must be 'ReplaceFullPath' when replaceFullPath is set", "type must be 'ReplaceFullPath' when replaceFullPath is set"],
    [path.type !== 'ReplacePrefixMatch' || path.replacePrefixMatch !== undefined, "must set 'replacePrefixMatch'", "replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'"],
    [path.replacePrefixMatch === undefined || path.type === 'ReplacePrefixMatch', "must be 'ReplacePrefixMatch' when replacePrefixMatch is set", "type must be 'ReplacePrefixMatch' when replacePrefixMatch is set"],
  ];
  for (const [ok, message, upstream] of rules) if (!ok) p.error('', path, message, CEL(upstream));
}

function requestRedirect(p: ProblemCollector, r: any): void {
  checkKnownFields(p, r, ['scheme', 'hostname', 'path', 'port', 'statusCode'], 'HTTPRequestRedirectFilter');
  checkString(p, r, 'scheme', { enum: ['http', 'https'] });
  checkString(p, r, 'hostname', { minLength: 1, maxLength: 253, pattern: SUBDOMAIN });
  checkInt(p, r, 'port', 1, 65535);
  checkInt(p, r, 'statusCode', 0, 999, false, [301, 302, 303, 307, 308]);
  if (r.path !== undefined) pathModifier(p.at('path'), r.path);
}

function urlRewrite(p: ProblemCollector, r: any): void {
  checkKnownFields(p, r, ['hostname', 'path'], 'HTTPURLRewriteFilter');
  checkString(p, r, 'hostname', { minLength: 1, maxLength: 253, pattern: SUBDOMAIN });
  if (r.path !== undefined) pathModifier(p.at('path'), r.path);
}

function cors(p: ProblemCollector, c: any): void {
  checkKnownFields(p, c, ['allowOrigins', 'allowCredentials', 'allowMethods', 'allowHeaders', 'exposeHeaders', 'maxAge'], 'HTTPCORSFilter');
  const lists: Array<[string, number, StringRule, string]> = [
    ['allowOrigins', 64, { minLength: 1, maxLength: 253, pattern: CORS_ORIGIN }, "AllowOrigins cannot contain '*' alongside other origins"],
    ['allowMethods', 9, { enum: [...METHODS, '*'] }, "AllowMethods cannot contain '*' alongside other methods"],
    ['allowHeaders', 64, { minLength: 1, maxLength: 256, pattern: HEADER_NAME }, "AllowHeaders cannot contain '*' alongside other methods"],
    ['exposeHeaders', 64, { minLength: 1, maxLength: 256, pattern: HEADER_NAME }, ''],
  ];
  for (const [field, max, rule, starRule] of lists) {
    const items = checkList(p, c, field, max);
    items.forEach((_, i) => checkString(p.at(field), items, i, rule));
    checkUnique(p, field, items, item => item);
    if (starRule && items.includes('*') && items.length > 1) {
      p.error(field, items, "must not hold '*' beside other values", CEL(starRule));
    }
  }
  checkInt(p, c, 'maxAge', 1, 2147483647);
}

function httpRouteTimeouts(p: ProblemCollector, t: any): void {
  checkKnownFields(p, t, ['request', 'backendRequest'], 'HTTPRouteTimeouts');
  checkString(p, t, 'request', { pattern: DURATION });
  checkString(p, t, 'backendRequest', { pattern: DURATION });
  const request = durationMillis(t.request);
  const backend = durationMillis(t.backendRequest);
  if (request !== undefined && backend !== undefined && request !== 0 && backend > request) {
    p.error('backendRequest', t.backendRequest, `must not be longer than the request timeout (${t.request})`,
      CEL('backendRequest timeout cannot be longer than request timeout'));
  }
}
