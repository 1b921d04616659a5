/**
 * How a string is matched: set exactly one of `exact`, `prefix` or `regex` (Istio's `StringMatch`).
 *
 * Regular expressions use RE2 syntax (Envoy's engine): no look-around, no back-references.
 */
export interface StringMatch {
  /**
   * The whole value equals this string.
   *
   * @default - not an exact match
   */
  readonly exact?: string;

  /**
   * The value starts with this string.
   *
   * @default - not a prefix match
   */
  readonly prefix?: string;

  /**
   * The value matches this RE2 regular expression (the whole value).
   *
   * @default - not a regex match
   */
  readonly regex?: string;
}

/**
 * One set of request conditions (all must hold), Istio's `HTTPMatchRequest`. A rule needs at least one
 * condition: the construct writes the single catch-all route itself, last.
 */
export interface HttpMatch {
  /**
   * Request headers that must match, keyed by lowercase header name (`"end-user"`, not `"End-User"`).
   *
   * @default - headers are not matched
   */
  readonly headers?: Record<string, StringMatch>;

  /**
   * Request headers that must *not* match (Istio's `withoutHeaders`), keyed by lowercase header name.
   *
   * @default - no header is excluded
   */
  readonly withoutHeaders?: Record<string, StringMatch>;

  /**
   * Labels of the calling pod (Istio's `sourceLabels`), e.g. `{ app: 'productpage', version: 'v2' }`.
   * Only traffic from pods with a sidecar carries them, so such a rule applies to mesh traffic only.
   *
   * @default - any source workload
   */
  readonly sourceLabels?: Record<string, string>;

  /**
   * Namespace of the calling workload.
   *
   * @default - any namespace
   */
  readonly sourceNamespace?: string;

  /**
   * The request path.
   *
   * @default - any path
   */
  readonly uri?: StringMatch;

  /**
   * Whether `uri` matches case-insensitively.
   *
   * @default false
   */
  readonly ignoreUriCase?: boolean;

  /**
   * The HTTP method (case-sensitive: `{ exact: 'POST' }`).
   *
   * @default - any method
   */
  readonly method?: StringMatch;

  /**
   * Query parameters that must match, keyed by parameter name.
   *
   * @default - query parameters are not matched
   */
  readonly queryParams?: Record<string, StringMatch>;

  /**
   * The request's authority (Host header).
   *
   * @default - any authority
   */
  readonly authority?: StringMatch;

  /**
   * The URI scheme (`{ exact: 'https' }`).
   *
   * @default - any scheme
   */
  readonly scheme?: StringMatch;

  /**
   * The Service port the request was sent to (for a Service with several HTTP ports).
   *
   * @default - any port
   */
  readonly port?: number;

  /**
   * A name for the match, joined to the route's name in Envoy's route name (stats, access logs).
   *
   * @default - unnamed
   */
  readonly name?: string;

  /**
   * Prefix of Envoy's per-route statistics for this match.
   *
   * @default - no per-route statistics
   */
  readonly statPrefix?: string;

  /**
   * Gateways this match applies to (`mesh` for sidecars), overriding the VirtualService's gateways. Not
   * together with `sourceLabels` or `sourceNamespace`: Istio ignores source conditions in a match that
   * names gateways.
   *
   * @default - the VirtualService's gateways
   */
  readonly gateways?: string[];
}
