/**
 * Shared field rules of Istio 1.30's `pkg/config/validation` (and `agent/validation.go`), over the JSON form
 * of the networking API. Go's proto3 zero values mean "unset": an empty string, 0, false, an empty list or
 * map are read as absent, exactly as Istio reads them after `jsonpb` unmarshals the object.
 */
import { ProblemCollector } from '../problem';

/** The upstream source these validators port. */
export const ISTIO_SOURCE = 'istio/istio 1.30.3 (56df41f63e513f834c9a3af33d8aed82d1d961f2) pkg/config/validation';

/** `rule` of a Problem that ports the Istio function `fn`. */
export function rule(fn: string): string {
  return `istio ${fn}`;
}

/** An object (a set proto message), or undefined for null / absent / not an object. */
export function obj(value: unknown): Record<string, any> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, any> : undefined;
}

/** Whether a message field is set (Go: non-nil pointer). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A string field: '' when unset or not a string (proto3 zero value). */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A number field: 0 when unset or not a number (proto3 zero value). */
export function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** A list field: [] when unset. */
export function list(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/** A map field's entries: [] when unset. */
export function entries(value: unknown): Array<[string, any]> {
  const o = obj(value);
  return o ? Object.entries(o) : [];
}

/** A wrapper field (`google.protobuf.UInt32Value`, `BoolValue`): its value, or undefined when unset. */
export function wrapped(value: unknown): any {
  const o = obj(value);
  // jsonpb reads a wrapper as the bare value; tolerate the {value: x} form too
  return o && 'value' in o ? o.value : value ?? undefined;
}

const NS_PER: Record<string, bigint> = {
  ns: 1n, us: 1000n, µs: 1000n, μs: 1000n, ms: 1000000n, s: 1000000000n, m: 60000000000n, h: 3600000000000n,
};
const INT64_MAX = 9223372036854775807n;
const DURATION_PART = /^([0-9]*)(?:\.([0-9]*))?(ns|us|µs|μs|ms|s|m|h)/;

/**
 * A duration string as Istio reads it (`jsonpb` with Go's `time.ParseDuration`: `10s`, `1m30s`, `0.5s`), in
 * nanoseconds, or an error message.
 */
export function parseGoDuration(text: string): bigint | string {
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return `invalid duration ${JSON.stringify(text)}`;
  let total = 0n;
  while (s !== '') {
    const m = DURATION_PART.exec(s);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) return `invalid duration ${JSON.stringify(text)}`;
    const unit = NS_PER[m[3]];
    const whole = BigInt(m[1] === '' ? '0' : m[1]);
    let part = whole * unit;
    const frac = m[2] ?? '';
    if (frac !== '') part += (BigInt(frac) * unit) / (10n ** BigInt(frac.length));
    total += part;
    if (total > INT64_MAX + (negative ? 1n : 0n)) return `invalid duration ${JSON.stringify(text)} (out of Go's range)`;
    s = s.slice(m[0].length);
  }
  return negative ? -total : total;
}

/** A duration field as a Go duration (ns), recording an error when it is not one; undefined when unset. */
export function durationOf(value: unknown, problems: ProblemCollector, field: string | number): bigint | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = typeof value === 'string' ? parseGoDuration(value) : 'must be a duration string such as "10s"';
  if (typeof parsed === 'string') {
    problems.error(field, value, `must be a Go duration such as "10s" or "1m30s": ${parsed}`, rule('jsonpb Duration (time.ParseDuration)'));
    return undefined;
  }
  return parsed;
}

const MS = 1000000n;

/** agent.ValidateDuration: at least 1ms, whole milliseconds. */
export function validateDuration(value: unknown, problems: ProblemCollector, field: string | number): void {
  const ns = durationOf(value, problems, field);
  if (ns === undefined) return;
  if (ns < MS) problems.error(field, value, 'must be at least 1ms', rule('agent.ValidateDuration'));
  else if (ns % MS !== 0n) problems.error(field, value, 'must be a whole number of milliseconds', rule('agent.ValidateDuration'));
}

/** agent.ValidatePort: 1..65535. */
export function validatePort(port: number, problems: ProblemCollector, field: string | number, fn = 'agent.ValidatePort'): void {
  if (!(port >= 1 && port <= 65535)) problems.error(field, port, 'must be a port number from 1 to 65535', rule(fn));
}

/** ValidatePercent: an integer percentage 0..100. */
export function validatePercent(value: number, problems: ProblemCollector, field: string | number, fn: string): void {
  if (value < 0 || value > 100) problems.error(field, value, 'must be a percentage from 0 to 100', rule(`${fn} (ValidatePercent)`));
}

/** validatePercentage: a `Percent` is 0 or within [0.0001, 100]. */
export function validatePercentage(percentage: unknown, problems: ProblemCollector, field: string, fn: string): void {
  const p = obj(percentage);
  if (!p) return;
  const v = num(p.value);
  if (v < 0 || v > 100 || (v > 0 && v < 0.0001)) {
    problems.at(field).error('value', p.value, 'must be 0 or a percentage from 0.0001 to 100', rule(`${fn} (validatePercentage)`));
  }
}

// labels.IsDNS1123Label / IsWildcardDNS1123Label (pkg/config/labels/instance.go): Istio accepts uppercase
const DNS1123_LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const WILDCARD_PREFIX = /^(\*|(\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;
const QUALIFIED_NAME = '(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const DNS_NAME_PREFIX = '[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)*/';
const TAG_KEY = new RegExp(`^(${DNS_NAME_PREFIX})?(${QUALIFIED_NAME})$`);
const LABEL_VALUE = new RegExp(`^(${QUALIFIED_NAME})?$`);

/** labels.IsDNS1123Label, as Istio has it (letters of either case, at most 63). */
export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

/** labels.IsWildcardDNS1123Label: `*`, `*foo`, `*-foo` or a DNS-1123 label. */
export function isWildcardDns1123Label(value: string): boolean {
  return value.length <= 63 && WILDCARD_PREFIX.test(value);
}

/** labels.Instance.Validate: tag keys and values of a label map (sourceLabels, subset labels). */
export function validateLabels(labels: unknown, problems: ProblemCollector, field: string, fn: string): void {
  for (const [k, v] of entries(labels)) {
    const at = problems.at(field);
    const m = TAG_KEY.exec(k);
    if (!m) at.error(k, k, 'must be a label key (an optional DNS prefix and "/", then alphanumerics, "-", "_", ".")', rule(`${fn} (labels.Instance.Validate)`));
    else if (m[1] && m[1].length - 1 > 253) at.error(k, k, 'must be a label key whose DNS prefix is at most 253 characters', rule(`${fn} (labels.Instance.Validate)`));
    else if (m[2].length > 63) at.error(k, k, 'must be a label key whose name is at most 63 characters', rule(`${fn} (labels.Instance.Validate)`));
    if (typeof v !== 'string' || !LABEL_VALUE.test(v)) {
      at.error(k, v, 'must be a label value (alphanumerics, "-", "_", ".", starting and ending alphanumeric)', rule(`${fn} (labels.Instance.Validate)`));
    }
  }
}

/**
 * A proto oneof: jsonpb refuses an object that sets two of its members ("oneof field is already set"), so
 * Istio's webhook never gets to validate it.
 */
export function validateOneof(value: unknown, members: readonly string[], problems: ProblemCollector, field: string | number): void {
  const o = obj(value);
  if (!o) return;
  const set = members.filter(m => o[m] !== undefined && o[m] !== null);
  if (set.length > 1) {
    problems.error(field, value, `must set only one of ${members.join(', ')} (it sets ${set.join(', ')})`, rule('jsonpb oneof'));
  }
}
