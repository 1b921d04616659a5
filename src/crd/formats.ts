import { isIP, isIPv4, isIPv6 } from 'net';

/**
 * The `format` values the Kubernetes API server validates for strings (kube-openapi's strfmt registry),
 * each with a check that is as lenient as the server's: synth must never refuse what the server accepts.
 */
export const STRING_FORMATS: Readonly<Record<string, (value: string) => boolean>> = {
  'date-time': isDateTime,
  'datetime': isDateTime,
  'date': isDate,
  'duration': isDuration,
  'byte': s => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s),
  'password': () => true,
  'uuid': s => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
  'uuid3': s => /^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
  'uuid4': s => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(s),
  'uuid5': s => /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(s),
  'ipv4': s => isIPv4(s),
  'ipv6': s => isIPv6(s),
  'cidr': isCidr,
  'mac': s => /^(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}$|^(?:[0-9a-f]{2}[:-]){7}[0-9a-f]{2}$|^(?:[0-9a-f]{2}[:-]){19}[0-9a-f]{2}$|^(?:[0-9a-f]{4}\.){2,9}[0-9a-f]{4}$/i.test(s),
  'hostname': s => s.length <= 255 && /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i.test(s),
  'email': s => /^[^@]*\S@\S+$/.test(s),
  'uri': s => s.length > 0 && !/[\s\x00-\x1f]/.test(s),
  'bsonobjectid': s => /^[0-9a-f]{24}$/i.test(s),
  'hexcolor': s => /^#?(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(s),
  'rgbcolor': s => new RegExp(`^rgb\\(\\s*${BYTE}\\s*,\\s*${BYTE}\\s*,\\s*${BYTE}\\s*\\)$`).test(s),
  'isbn': s => isIsbn10(s) || isIsbn13(s),
  'isbn10': isIsbn10,
  'isbn13': isIsbn13,
  'creditcard': s => /^\d{12,19}$/.test(s.replace(/[- ]/g, '')),
  'ssn': s => /^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(s),
};

/** Formats the API server accepts on integer and number nodes (descriptive only, never validated). */
export const NUMBER_FORMATS: Readonly<Record<string, readonly string[]>> = {
  integer: ['int32', 'int64'],
  number: ['float', 'double', 'int32', 'int64'],
};

const BYTE = '(?:0|[1-9]\\d?|1\\d\\d|2[0-4]\\d|25[0-5])';

/** strfmt's date-time: a date, `T` (any case), `hh:mm:ss`, optional fraction, `Z` or an offset. */
function isDateTime(s: string): boolean {
  const parts = s.toLowerCase().split('t');
  if (parts.length < 2 || !isDate(parts[0])) return false;
  const m = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|[+-]\d{2}:\d{2})$/.exec(parts[1]);
  return m !== null && m[1] <= '23' && m[2] <= '59' && m[3] <= '59';
}

/** A calendar date `yyyy-mm-dd` that exists (leap years included). */
function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const DURATION_UNITS = 'ns|us|µs|μs|ms|s|m|h|d|w|nanoseconds?|microseconds?|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?';

/** Go's `time.ParseDuration` syntax (`1h30m`, `250ms`) or strfmt's `<n> <unit>` form (`3 days`). */
function isDuration(s: string): boolean {
  return /^[-+]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.test(s)
    || new RegExp(`^(?:\\d+\\s*(?:${DURATION_UNITS})\\s*)+$`).test(s);
}

function isCidr(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const version = isIP(s.slice(0, slash));
  const prefix = s.slice(slash + 1);
  return version !== 0 && /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

function isIsbn10(s: string): boolean {
  return /^(?:\d{9}X|\d{10})$/.test(s.replace(/[- ]/g, ''));
}

function isIsbn13(s: string): boolean {
  return /^\d{13}$/.test(s.replace(/[- ]/g, ''));
}
