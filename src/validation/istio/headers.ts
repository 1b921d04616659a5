/** Header names, header values and header operations, as Istio 1.30 checks them (validation.go, header_value_validator.go). */
import { ProblemCollector } from '../problem';
import { entries, list, obj, rule, str } from './fields';

// RFC 7230 token characters (validHeaderNameRegex)
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;
const PSEUDO_HEADERS = new Set([':method', ':scheme', ':authority', ':path', ':status']);
// protoc-gen-validate's header value rule: no control characters but tab
// eslint-disable-next-line no-control-regex
const HEADER_VALUE = /^[^\u0000-\u0008\u000A-\u001F\u007F]*$/;
const JWT_CLAIM = '@request.auth.claims';

/** jwt.ToRoutingClaim(name).Match: `@request.auth.claims.a.b` or `@request.auth.claims[a][b]`. */
export function isJwtClaimRoute(name: string): boolean {
  if (!name.toLowerCase().startsWith(JWT_CLAIM)) return false;
  const rest = name.slice(JWT_CLAIM.length);
  return (rest.startsWith('.') && rest.length > 1) || (rest.startsWith('[') && rest.endsWith(']') && rest.length > 2);
}

/** isInternalHeader: `:`-prefixed or Host. */
function isInternalHeader(name: string): boolean {
  return name.startsWith(':') || name.toLowerCase() === 'host';
}

/** isAuthorityHeader: `:authority` or Host (any case). */
export function isAuthorityHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === ':authority' || lower === 'host';
}

/** ValidateHTTPHeaderNameOrJwtClaimRoute: a header match key. */
export function headerNameOrJwtClaimError(name: string): string | undefined {
  if (name === '') return 'must be a non-empty header name';
  if (isJwtClaimRoute(name) || PSEUDO_HEADERS.has(name)) return undefined;
  return HEADER_NAME.test(name) ? undefined : 'must be an HTTP header name (RFC 7230 token characters), a pseudo-header or @request.auth.claims.<claim>';
}

/** ValidateCORSHTTPHeaderName: a header name or `*`. */
export function corsHeaderNameError(name: string): string | undefined {
  if (name === '') return 'must be a non-empty header name';
  if (name === '*') return undefined;
  return HEADER_NAME.test(name) ? undefined : 'must be an HTTP header name (RFC 7230 token characters) or *';
}

/** ValidateHTTPHeaderWithAuthorityOperationName: request add/set names (`:authority` and Host allowed). */
function withAuthorityOperationNameError(name: string): string | undefined {
  if (name === '') return 'must be a non-empty header name';
  if (isInternalHeader(name) && !isAuthorityHeader(name)) return 'must not start with ":" (pseudo-headers cannot be set, except :authority)';
  return undefined;
}

/** ValidateHTTPHeaderOperationName: request remove and response add/set/remove names. */
function operationNameError(name: string): string | undefined {
  if (name === '') return 'must be a non-empty header name';
  if (name.toLowerCase() === 'host') return 'must not be the Host header';
  if (isInternalHeader(name)) return 'must not start with ":" (pseudo-headers cannot be changed)';
  return undefined;
}

/**
 * validateHeaderValue (a port of Envoy's header_parser.cc): `%` starts a `%VAR%` or `%VAR(args)%`
 * expression and `%%` is a literal `%`.
 */
export function headerValueSyntaxError(value: string): string | undefined {
  enum S { LITERAL, VARIABLE_NAME, EXPECT_ARRAY, EXPECT_STRING, STRING, EXPECT_DELIMITER_OR_END, EXPECT_ARGS_END, EXPECT_VARIABLE_END }
  let state = S.LITERAL;
  // Go indexes bytes; every character the parser looks at is ASCII, so UTF-16 units behave the same
  for (let pos = 0; pos < value.length; pos++) {
    const ch = value[pos];
    const hasNext = pos + 1 < value.length;
    switch (state) {
      case S.LITERAL:
        if (ch !== '%') break;
        if (!hasNext) return 'has an unescaped % (write %% for a literal %)';
        if (value[pos + 1] === '%') {
          pos++;
          break;
        }
        state = S.VARIABLE_NAME;
        break;
      case S.VARIABLE_NAME:
        if (ch === '%') state = S.LITERAL;
        else if (ch === '(') state = S.EXPECT_ARRAY;
        break;
      case S.EXPECT_ARRAY:
        if (ch === '[') state = S.EXPECT_STRING;
        else if (ch !== ' ') state = S.STRING;
        break;
      case S.EXPECT_DELIMITER_OR_END:
        if (ch === ',') state = S.EXPECT_STRING;
        else if (ch === ']') state = S.EXPECT_ARGS_END;
        else if (ch !== ' ') return "has a %VAR([...])% expression that expects ',', ']' or whitespace";
        break;
      case S.EXPECT_STRING:
        if (ch === '"') state = S.STRING;
        else if (ch !== ' ') return 'has a %VAR([...])% expression that expects \'"\'';
        break;
      case S.STRING:
        if (ch === '\\') {
          if (!hasNext) return 'has an unterminated backslash in a %VAR(...)% argument';
          pos++;
        } else if (ch === ')') {
          state = S.EXPECT_VARIABLE_END;
        } else if (ch === '"') {
          state = S.EXPECT_DELIMITER_OR_END;
        }
        break;
      case S.EXPECT_ARGS_END:
        if (ch === ')') state = S.EXPECT_VARIABLE_END;
        else if (ch !== ' ') return "has a %VAR(...)% expression that expects ')' or whitespace";
        break;
      case S.EXPECT_VARIABLE_END:
        if (ch === '%') state = S.LITERAL;
        else if (ch !== ' ') return "has a %VAR(...)% expression that expects '%' or whitespace";
        break;
    }
  }
  return state === S.LITERAL ? undefined : 'has an unterminated %VAR% expression (write %% for a literal %)';
}

/** ValidateHTTPHeaderValue: no control characters, and Envoy's %VAR% syntax. */
export function headerValueError(value: string): string | undefined {
  if (!HEADER_VALUE.test(value)) return 'must not contain control characters (other than tab)';
  return headerValueSyntaxError(value);
}

/**
 * The header operations of a route or destination (`headers.request`/`headers.response`): names by
 * ValidateHTTPHeaderWithAuthorityOperationName (request add/set) or ValidateHTTPHeaderOperationName, values by
 * ValidateHTTPHeaderValue.
 */
export function validateHeaderOperations(headers: unknown, problems: ProblemCollector, field: string, fn: string): void {
  const h = obj(headers);
  if (!h) return;
  const r = rule(fn);
  for (const side of ['request', 'response'] as const) {
    const ops = obj(h[side]);
    if (!ops) continue;
    const at = problems.at(field, side);
    const nameError = side === 'request' ? withAuthorityOperationNameError : operationNameError;
    for (const op of ['add', 'set'] as const) {
      for (const [name, value] of entries(ops[op])) {
        const ne = nameError(name);
        if (ne) at.at(op).error(name, name, ne, r);
        const ve = typeof value === 'string' ? headerValueError(value) : 'must be a string';
        if (ve) at.at(op).error(name, value, ve, r);
      }
    }
    list(ops.remove).forEach((name, i) => {
      const ne = operationNameError(str(name));
      if (ne) at.at('remove').error(i, name, ne, r);
    });
  }
}
