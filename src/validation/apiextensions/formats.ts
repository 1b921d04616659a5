import { isIPv6 } from 'net';
import { re2Matches } from '../engines';

/**
 * The string formats the API server validates (apiextensions-apiserver v0.34 `pkg/apiserver/validation/formats.go`
 * `supportedVersionedFormats`, checked with kube-openapi's `strfmt.Default` registry). Names are normalized as
 * go-openapi does (`-` removed), so `date-time`, `datetime`, `k8s-short-name` and `k8sshortname` are all known.
 * Formats apply to strings only; a format the server does not know is ignored (stripped), not refused.
 */
const CHECKS: Readonly<Record<string, (value: string) => boolean>> = {
  // 1.0
  bsonobjectid: s => /^[0-9a-fA-F]{24}$/.test(s),
  uri: isRequestUri,
  email: isEmail,
  hostname: isHostname,
  ipv4: s => parseIp(s) !== undefined && s.includes('.'),
  ipv6: s => parseIp(s) !== undefined && s.includes(':'),
  cidr: isCidr,
  mac: isMac,
  uuid: s => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s),
  uuid3: s => /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s),
  uuid4: s => /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(s),
  uuid5: s => /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(s),
  isbn: s => isIsbn10(s) || isIsbn13(s),
  isbn10: isIsbn10,
  isbn13: isIsbn13,
  creditcard: isCreditCard,
  ssn: s => /^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(s),
  hexcolor: s => /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(s),
  rgbcolor: s => /^rgb\(\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*,\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*,\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*\)$/.test(s),
  byte: s => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/.test(s),
  password: () => true,
  date: isDate,
  duration: isDuration,
  datetime: isDateTime,
  // 1.34
  k8sshortname: s => s.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(s),
  k8slongname: s => s.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s),
};

/** go-openapi's format-name normalization: dashes removed (`date-time` → `datetime`). */
function normalized(format: string): string {
  return format.replace(/-/g, '');
}

/** Whether the API server (1.34) validates `format` on strings (`GetUnrecognizedFormats` lists the others). */
export function isKnownStringFormat(format: string): boolean {
  return Object.prototype.hasOwnProperty.call(CHECKS, normalized(format));
}

/** The string formats the API server knows, as written in CRDs. */
export const KNOWN_STRING_FORMATS: readonly string[] = ['bsonobjectid', 'uri', 'email', 'hostname', 'ipv4', 'ipv6',
  'cidr', 'mac', 'uuid', 'uuid3', 'uuid4', 'uuid5', 'isbn', 'isbn10', 'isbn13', 'creditcard', 'ssn', 'hexcolor',
  'rgbcolor', 'byte', 'password', 'date', 'duration', 'date-time', 'k8s-short-name', 'k8s-long-name'];

/** Whether `value` is valid for a known string `format` (kube-openapi `FormatOf`); unknown formats accept anything. */
export function matchesFormat(format: string, value: string): boolean {
  const check = CHECKS[normalized(format)];
  return check === undefined || check(value);
}

/** Ranges of the numeric formats (OpenAPI int32/int64/float): the server does not check them; we warn. */
export const NUMERIC_FORMAT_RANGES: Readonly<Record<string, [number, number]>> = {
  int32: [-2147483648, 2147483647],
  int64: [-9223372036854775808, 9223372036854775807],
  float: [-3.4028234663852886e38, 3.4028234663852886e38],
};

/** strfmt `IsDateTime`: a date, `t` (any case), `hh:mm:ss`, optional fraction, `z` or an offset. */
function isDateTime(s: string): boolean {
  if (s.length < 4) return false;
  const parts = s.toLowerCase().split('t');
  if (parts.length < 2 || !isDate(parts[0])) return false;
  const m = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/.exec(parts[1]);
  return m !== null && m[1] <= '23' && m[2] <= '59' && m[3] <= '59';
}

/** Go's `time.Parse("2006-01-02", s)`: four-digit years from 0000 (Go's zero time is year 1), real calendar days. */
function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

const DURATION_UNITS = 'ns|us|µs|μs|ms|s|m|h|d|w|nanoseconds?|microseconds?|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?';

/** strfmt `IsDuration`: Go's `time.ParseDuration` syntax (`1h30m`) or the `<n> <unit>` form (`3 days`). */
function isDuration(s: string): boolean {
  return /^[-+]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.test(s)
    || new RegExp(`^(?:\\d+\\s*(?:${DURATION_UNITS})\\s*)+$`).test(s);
}

/** Go `net.ParseIP` as `netutils.ParseIPSloppy` (IPv4 parts may have leading zeros): the family, or undefined. */
function parseIp(s: string): 4 | 6 | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) return s.split('.').every(p => Number(p) <= 255) ? 4 : undefined;
  return isIPv6(s) && !s.includes('%') ? 6 : undefined;
}

/** Go `net.ParseCIDR` (sloppy IPv4): an address and a prefix length that fits its family. */
function isCidr(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const family = parseIp(s.slice(0, slash));
  const prefix = s.slice(slash + 1);
  if (family === undefined || !/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 && !s.slice(0, slash).includes(':') ? 32 : 128);
}

/** Go `net.ParseMAC`: EUI-48, EUI-64 or 20-octet InfiniBand, with `:`, `-` or dotted-quad groups. */
function isMac(s: string): boolean {
  return /^(?:[0-9a-f]{2}([:-]))(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}$/i.test(s)
    || /^(?:[0-9a-f]{2}([:-]))(?:[0-9a-f]{2}\1){6}[0-9a-f]{2}$/i.test(s)
    || /^(?:[0-9a-f]{2}([:-]))(?:[0-9a-f]{2}\1){18}[0-9a-f]{2}$/i.test(s)
    || /^(?:[0-9a-f]{4}\.){2}[0-9a-f]{4}$/i.test(s)
    || /^(?:[0-9a-f]{4}\.){3}[0-9a-f]{4}$/i.test(s)
    || /^(?:[0-9a-f]{4}\.){9}[0-9a-f]{4}$/i.test(s);
}

/** strfmt `IsHostname`: its RE2 pattern (letters and symbols of any script), labels up to 63, total up to 255. */
function isHostname(s: string): boolean {
  const pattern = '^([a-zA-Z0-9\\p{S}\\p{L}]((-?[a-zA-Z0-9\\p{S}\\p{L}]{0,62})?)|([a-zA-Z0-9\\p{S}\\p{L}](([a-zA-Z0-9-\\p{S}\\p{L}]{0,61}[a-zA-Z0-9\\p{S}\\p{L}])?)(\\.)){1,}([a-zA-Z\\p{L}]){2,63})$';
  return re2Matches(pattern, s) && Buffer.byteLength(s) <= 255 && s.split('.').every(p => Buffer.byteLength(p) <= 63);
}

/** strfmt `IsEmail` (Go `net/mail.ParseAddress`), approximated: a local part, `@`, a domain; a display name allowed. */
function isEmail(s: string): boolean {
  const addr = /<([^<>]*)>\s*$/.exec(s)?.[1] ?? s.trim();
  return /^[^\s@<>()[\],;:"]+(\.[^\s@<>()[\],;:"]+)*@[^\s@<>()[\],;:"]+$/.test(addr) && !addr.startsWith('.');
}

/** govalidator `IsRequestURI` (Go `url.ParseRequestURI`): an absolute URI or an absolute path, no fragment. */
function isRequestUri(s: string): boolean {
  if (s === '' || /[\s\x00-\x1f\x7f]/.test(s) || s.includes('#')) return false;
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) || s.startsWith('/');
}

function isIsbn10(s: string): boolean {
  const d = s.replace(/[- ]/g, '');
  if (!/^\d{9}[\dX]$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (i + 1) * Number(d[i]);
  sum += 10 * (d[9] === 'X' ? 10 : Number(d[9]));
  return sum % 11 === 0;
}

function isIsbn13(s: string): boolean {
  const d = s.replace(/[- ]/g, '');
  if (!/^\d{13}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(d[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(d[12]);
}

/** govalidator `IsCreditCard`: non-digits removed, a known issuer's pattern and a valid Luhn checksum. */
function isCreditCard(s: string): boolean {
  const d = s.replace(/[^0-9]+/g, '');
  if (!/^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|(222[1-9]|22[3-9][0-9]|2[3-6][0-9]{2}|27[01][0-9]|2720)[0-9]{12}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11}|6[27][0-9]{14})$/.test(d)) return false;
  let sum = 0;
  let double = false;
  for (let i = d.length - 1; i >= 0; i--) {
    let n = Number(d[i]);
    if (double) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    double = !double;
  }
  return sum % 10 === 0;
}
