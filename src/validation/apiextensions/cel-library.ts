import { re2Compile, re2Matches } from '../engines';

/**
 * The Kubernetes CEL libraries a CRD rule may call in Kubernetes 1.34 (k8s.io/apiserver `pkg/cel/library`, as
 * `pkg/cel/environment/base.go` adds them to the CRD environment): lists, regex, urls, quantity, ip, cidr,
 * format, semver, sets, and the cel-go string extensions the engine lacks. Each is declared with its types, so
 * rules calling them type-check; handlers implement them for evaluation at synth.
 */
export function registerKubernetesLibraries(env: any, engine: any): void {
  lists(env);
  regex(env);
  strings(env);
  urls(env);
  quantity(env);
  ipAndCidr(env);
  semverLib(env);
  sets(env);
  formats(env, engine);
}

/** A CEL runtime error (the engine reports it as an evaluation error). */
function fail(message: string): never {
  throw new Error(message);
}

function compare(a: any, b: any): number {
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  if (typeof a === 'object' && a !== null && 'seconds' in a) {
    const d = BigInt(a.seconds) * 1000000000n + BigInt(a.nanos ?? 0) - (BigInt(b.seconds) * 1000000000n + BigInt(b.nanos ?? 0));
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** library.Lists: isSorted, sum, min, max, indexOf, lastIndexOf. */
function lists(env: any): void {
  const comparable = ['int', 'uint', 'double', 'bool', 'string', 'bytes', 'google.protobuf.Timestamp', 'google.protobuf.Duration'];
  for (const t of comparable) {
    env.registerFunction(`list<${t}>.isSorted(): bool`, (l: any[]) => l.every((x, i) => i === 0 || compare(l[i - 1], x) <= 0));
    env.registerFunction(`list<${t}>.min(): ${t}`, (l: any[]) => l.length === 0 ? fail('min called on empty list') : l.reduce((m, x) => compare(x, m) < 0 ? x : m));
    env.registerFunction(`list<${t}>.max(): ${t}`, (l: any[]) => l.length === 0 ? fail('max called on empty list') : l.reduce((m, x) => compare(x, m) > 0 ? x : m));
  }
  env.registerFunction('list<int>.sum(): int', (l: bigint[]) => l.reduce((s, x) => s + x, 0n));
  env.registerFunction('list<double>.sum(): double', (l: number[]) => l.reduce((s, x) => s + x, 0));
  env.registerFunction('list<A>.indexOf(A): int', (l: any[], x: any) => BigInt(l.findIndex(e => jsonEqual(e, x))));
  env.registerFunction('list<A>.lastIndexOf(A): int', (l: any[], x: any) => {
    for (let i = l.length - 1; i >= 0; i--) if (jsonEqual(l[i], x)) return BigInt(i);
    return -1n;
  });
}

function jsonEqual(a: any, b: any): boolean {
  if (a === b) return true;
  return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null
    && JSON.stringify(a, bigints) === JSON.stringify(b, bigints);
}

function bigints(_: string, v: unknown): unknown {
  return typeof v === 'bigint' ? `${v}n` : v instanceof Map ? Object.fromEntries(v) : v;
}

/** RE2 semantics for `matches` (the engine's own uses JavaScript RegExp: rules are rewritten to call this). */
export const RE2_MATCHES = '__k8s_re2_matches';

/** library.Regex: find, findAll; and `matches` with RE2 semantics. */
function regex(env: any): void {
  const compile = (p: string) => {
    try {
      return re2Compile(p);
    } catch (e: any) {
      return fail(`invalid regular expression ${JSON.stringify(p)}: ${e?.message ?? e}`);
    }
  };
  env.registerFunction(`string.${RE2_MATCHES}(string): bool`, (s: string, p: string) => {
    compile(p);
    return re2Matches(p, s);
  });
  env.registerFunction('string.find(string): string', (s: string, p: string) => {
    const m = compile(p).matcher(s);
    return m.find() ? m.group() : '';
  });
  const findAll = (s: string, p: string, n: bigint) => {
    const m = compile(p).matcher(s);
    const out: string[] = [];
    while ((n < 0n || BigInt(out.length) < n) && m.find()) out.push(m.group() ?? '');
    return out;
  };
  env.registerFunction('string.findAll(string): list<string>', (s: string, p: string) => findAll(s, p, -1n));
  env.registerFunction('string.findAll(string, int): list<string>', findAll);
}

/** cel-go ext.Strings (version 2) functions the engine lacks: charAt, replace, reverse. */
function strings(env: any): void {
  env.registerFunction('string.charAt(int): string', (s: string, i: bigint) => {
    const chars = [...s];
    if (i < 0n || i > BigInt(chars.length)) fail(`index out of range: ${i}`);
    return chars[Number(i)] ?? '';
  });
  env.registerFunction('string.replace(string, string): string', (s: string, a: string, b: string) => s.split(a).join(b));
  env.registerFunction('string.replace(string, string, int): string', (s: string, a: string, b: string, n: bigint) => {
    if (n < 0n) return s.split(a).join(b);
    let out = s;
    let from = 0;
    for (let k = 0n; k < n; k++) {
      const i = out.indexOf(a, from);
      if (i < 0) break;
      out = out.slice(0, i) + b + out.slice(i + a.length);
      from = i + b.length;
    }
    return out;
  });
  env.registerFunction('string.reverse(): string', (s: string) => [...s].reverse().join(''));
}

class KubernetesURL {
  constructor(readonly url: URL, readonly raw: string) {}
}

/** library.URLs: url, isURL and the getters (Go `url.Parse` approximated by WHATWG URL for absolute URIs). */
function urls(env: any): void {
  const parse = (s: string): KubernetesURL | undefined => {
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(s) && !s.startsWith('/')) return undefined;
    try {
      return new KubernetesURL(new URL(s, s.startsWith('/') ? 'x-relative:///' : undefined), s);
    } catch {
      return undefined;
    }
  };
  env.registerType('kubernetes.URL', KubernetesURL);
  env.registerFunction('url(string): kubernetes.URL', (s: string) => parse(s) ?? fail(`URL parse error during conversion from string: ${s}`));
  env.registerFunction('isURL(string): bool', (s: string) => parse(s) !== undefined);
  const relative = (u: KubernetesURL) => u.raw.startsWith('/');
  env.registerFunction('kubernetes.URL.getScheme(): string', (u: KubernetesURL) => relative(u) ? '' : u.url.protocol.replace(/:$/, ''));
  env.registerFunction('kubernetes.URL.getHost(): string', (u: KubernetesURL) => relative(u) ? '' : u.url.host);
  env.registerFunction('kubernetes.URL.getHostname(): string', (u: KubernetesURL) => relative(u) ? '' : u.url.hostname.replace(/^\[|\]$/g, ''));
  env.registerFunction('kubernetes.URL.getPort(): string', (u: KubernetesURL) => relative(u) ? '' : u.url.port);
  env.registerFunction('kubernetes.URL.getEscapedPath(): string', (u: KubernetesURL) => u.url.pathname);
  env.registerFunction('kubernetes.URL.getQuery(): map<string, list<string>>', (u: KubernetesURL) => {
    const out = new Map<string, string[]>();
    u.url.searchParams.forEach((v, k) => out.set(k, [...(out.get(k) ?? []), v]));
    return out;
  });
}

/** An exact Kubernetes quantity: num / den. */
class KubernetesQuantity {
  constructor(readonly num: bigint, readonly den: bigint) {}
}

const BINARY: Record<string, bigint> = { Ki: 2n ** 10n, Mi: 2n ** 20n, Gi: 2n ** 30n, Ti: 2n ** 40n, Pi: 2n ** 50n, Ei: 2n ** 60n };
const DECIMAL: Record<string, number> = { 'n': -9, 'u': -6, 'm': -3, '': 0, 'k': 3, 'M': 6, 'G': 9, 'T': 12, 'P': 15, 'E': 18 };

/** resource.ParseQuantity: `<signed number><suffix>` with binary (Ki…Ei), decimal (n…E) or exponent (e3) suffixes. */
export function parseQuantity(s: string): KubernetesQuantity | undefined {
  const m = /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/.exec(s);
  if (!m) return undefined;
  const [intPart, frac = ''] = m[2].split('.');
  let num = BigInt((intPart || '0') + frac) * (m[1] === '-' ? -1n : 1n);
  let den = 10n ** BigInt(frac.length);
  const suffix = m[3] ?? '';
  let exp = 0;
  if (BINARY[suffix]) num *= BINARY[suffix];
  else if (suffix in DECIMAL) exp = DECIMAL[suffix];
  else exp = Number(suffix.slice(1));
  if (Math.abs(exp) > 1000) return undefined;
  if (exp > 0) num *= 10n ** BigInt(exp);
  if (exp < 0) den *= 10n ** BigInt(-exp);
  return new KubernetesQuantity(num, den);
}

function quantity(env: any): void {
  const q = (s: string) => parseQuantity(s) ?? fail(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': ${s}`);
  const cmp = (a: KubernetesQuantity, b: KubernetesQuantity) => {
    const d = a.num * b.den - b.num * a.den;
    return d > 0n ? 1n : d < 0n ? -1n : 0n;
  };
  const int = (i: bigint) => new KubernetesQuantity(i, 1n);
  const T = 'kubernetes.Quantity';
  env.registerType(T, KubernetesQuantity);
  env.registerFunction(`quantity(string): ${T}`, q);
  env.registerFunction('isQuantity(string): bool', (s: string) => parseQuantity(s) !== undefined);
  env.registerFunction(`${T}.sign(): int`, (a: KubernetesQuantity) => cmp(a, int(0n)));
  env.registerFunction(`${T}.isInteger(): bool`, (a: KubernetesQuantity) => a.num % a.den === 0n);
  env.registerFunction(`${T}.asInteger(): int`, (a: KubernetesQuantity) => {
    if (a.num % a.den !== 0n) fail('cannot convert value to integer');
    const v = a.num / a.den;
    return v > 9223372036854775807n || v < -9223372036854775808n ? fail('cannot convert value to integer') : v;
  });
  env.registerFunction(`${T}.asApproximateFloat(): double`, (a: KubernetesQuantity) => Number(a.num) / Number(a.den));
  env.registerFunction(`${T}.add(${T}): ${T}`, (a: KubernetesQuantity, b: KubernetesQuantity) => new KubernetesQuantity(a.num * b.den + b.num * a.den, a.den * b.den));
  env.registerFunction(`${T}.add(int): ${T}`, (a: KubernetesQuantity, b: bigint) => new KubernetesQuantity(a.num + b * a.den, a.den));
  env.registerFunction(`${T}.sub(${T}): ${T}`, (a: KubernetesQuantity, b: KubernetesQuantity) => new KubernetesQuantity(a.num * b.den - b.num * a.den, a.den * b.den));
  env.registerFunction(`${T}.sub(int): ${T}`, (a: KubernetesQuantity, b: bigint) => new KubernetesQuantity(a.num - b * a.den, a.den));
  env.registerFunction(`${T}.isGreaterThan(${T}): bool`, (a: KubernetesQuantity, b: KubernetesQuantity) => cmp(a, b) > 0n);
  env.registerFunction(`${T}.isLessThan(${T}): bool`, (a: KubernetesQuantity, b: KubernetesQuantity) => cmp(a, b) < 0n);
  env.registerFunction(`${T}.compareTo(${T}): int`, cmp);
  env.registerOperator(`${T} == ${T}`, (a: KubernetesQuantity, b: KubernetesQuantity) => cmp(a, b) === 0n);
}

/** A namespace for functions spelled `sets.contains(...)`: a constant whose type carries them as methods. */
class Namespace {}
class IPNamespace extends Namespace {}
class SetsNamespace extends Namespace {}
class FormatNamespace extends Namespace {}

class KubernetesIP {
  constructor(readonly addr: any, readonly text: string) {}
}
class KubernetesCIDR {
  constructor(readonly addr: any, readonly prefix: number, readonly text: string) {}
}

/** library.IP and library.CIDR (Go netip: no leading zeros, no zones, IPv4-mapped IPv6 refused by ip()). */
function ipAndCidr(env: any): void {
  const ipaddr = () => require('ipaddr.js'); // eslint-disable-line @typescript-eslint/no-require-imports
  const parseIp = (s: string): KubernetesIP | undefined => {
    if (s.includes('%')) return undefined;
    if (/^\d+\.\d+\.\d+\.\d+$/.test(s)) return ipaddr().IPv4.isValidFourPartDecimal(s) && !/(^|\.)0\d/.test(s) ? new KubernetesIP(ipaddr().IPv4.parse(s), s) : undefined;
    if (!s.includes(':') || !ipaddr().IPv6.isValid(s)) return undefined;
    const addr = ipaddr().IPv6.parse(s);
    return addr.isIPv4MappedAddress() ? undefined : new KubernetesIP(addr, s);
  };
  const parseCidr = (s: string): KubernetesCIDR | undefined => {
    const slash = s.indexOf('/');
    if (slash < 0 || !/^\d{1,3}$/.test(s.slice(slash + 1))) return undefined;
    const ip = parseIp(s.slice(0, slash));
    const prefix = Number(s.slice(slash + 1));
    if (!ip || prefix > (ip.addr.kind() === 'ipv4' ? 32 : 128)) return undefined;
    return new KubernetesCIDR(ip.addr, prefix, s);
  };
  const family = (ip: KubernetesIP) => ip.addr.kind() === 'ipv4' ? 4n : 6n;
  const range = (ip: KubernetesIP) => ip.addr.range();
  const contains = (c: KubernetesCIDR, ip: any) => ip.kind() === c.addr.kind() && ip.match(c.addr, c.prefix);
  env.registerType('net.IP', KubernetesIP);
  env.registerType('net.CIDR', KubernetesCIDR);
  env.registerFunction('ip(string): net.IP', (s: string) => parseIp(s) ?? fail(`IP Address ${JSON.stringify(s)} parse error during conversion from string`));
  env.registerFunction('isIP(string): bool', (s: string) => parseIp(s) !== undefined);
  env.registerType('k8s.IPNamespace', IPNamespace);
  env.registerConstant('ip', 'k8s.IPNamespace', new IPNamespace());
  env.registerFunction('k8s.IPNamespace.isCanonical(string): bool', (_: Namespace, s: string) => {
    const ip = parseIp(s) ?? fail(`IP Address ${JSON.stringify(s)} parse error during conversion from string`);
    return ip.addr.toString() === s;
  });
  env.registerFunction('string(net.IP): string', (ip: KubernetesIP) => ip.addr.toString());
  env.registerFunction('net.IP.family(): int', family);
  env.registerFunction('net.IP.isUnspecified(): bool', (ip: KubernetesIP) => range(ip) === 'unspecified');
  env.registerFunction('net.IP.isLoopback(): bool', (ip: KubernetesIP) => range(ip) === 'loopback');
  env.registerFunction('net.IP.isLinkLocalMulticast(): bool', (ip: KubernetesIP) => ip.addr.kind() === 'ipv4'
    ? ip.addr.match(ipaddr().IPv4.parse('224.0.0.0'), 24) : ip.addr.match(ipaddr().IPv6.parse('ff02::'), 16));
  env.registerFunction('net.IP.isLinkLocalUnicast(): bool', (ip: KubernetesIP) => range(ip) === 'linkLocal');
  env.registerFunction('net.IP.isGlobalUnicast(): bool', (ip: KubernetesIP) => !['unspecified', 'loopback', 'linkLocal', 'multicast', 'broadcast'].includes(range(ip)));
  env.registerOperator('net.IP == net.IP', (a: KubernetesIP, b: KubernetesIP) => a.addr.toString() === b.addr.toString());
  env.registerFunction('cidr(string): net.CIDR', (s: string) => parseCidr(s) ?? fail(`network address parse error during conversion from string: ${s}`));
  env.registerFunction('isCIDR(string): bool', (s: string) => parseCidr(s) !== undefined);
  env.registerFunction('string(net.CIDR): string', (c: KubernetesCIDR) => c.text);
  env.registerFunction('net.CIDR.containsIP(net.IP): bool', (c: KubernetesCIDR, ip: KubernetesIP) => contains(c, ip.addr));
  env.registerFunction('net.CIDR.containsIP(string): bool', (c: KubernetesCIDR, s: string) => contains(c, (parseIp(s) ?? fail(`IP Address ${JSON.stringify(s)} parse error`)).addr));
  env.registerFunction('net.CIDR.containsCIDR(net.CIDR): bool', (c: KubernetesCIDR, o: KubernetesCIDR) => o.prefix >= c.prefix && contains(c, o.addr));
  env.registerFunction('net.CIDR.containsCIDR(string): bool', (c: KubernetesCIDR, s: string) => {
    const o = parseCidr(s) ?? fail(`network address parse error during conversion from string: ${s}`);
    return o.prefix >= c.prefix && contains(c, o.addr);
  });
  env.registerFunction('net.CIDR.ip(): net.IP', (c: KubernetesCIDR) => new KubernetesIP(c.addr, c.addr.toString()));
  env.registerFunction('net.CIDR.prefixLength(): int', (c: KubernetesCIDR) => BigInt(c.prefix));
  env.registerFunction('net.CIDR.masked(): net.CIDR', (c: KubernetesCIDR) => {
    const bytes: number[] = c.addr.toByteArray();
    const masked = bytes.map((b, i) => {
      const bits = Math.max(0, Math.min(8, c.prefix - i * 8));
      return b - (b % 2 ** (8 - bits)); // keep the top `bits` bits
    });
    const addr = ipaddr().fromByteArray(masked);
    return new KubernetesCIDR(addr, c.prefix, `${addr.toString()}/${c.prefix}`);
  });
  env.registerOperator('net.CIDR == net.CIDR', (a: KubernetesCIDR, b: KubernetesCIDR) => a.text === b.text);
}

class KubernetesSemver {
  constructor(readonly version: any) {}
}

/** library.SemverLib (1.33+): semver, isSemver, major/minor/patch, comparisons; `normalize` accepts `v1`, `1.2`. */
function semverLib(env: any): void {
  const semver = () => require('semver'); // eslint-disable-line @typescript-eslint/no-require-imports
  const parse = (s: string, normalize: boolean) => {
    let text = s;
    if (normalize) {
      text = text.replace(/^v/, '');
      const [core, ...rest] = text.split(/(?=[-+])/);
      const parts = core.split('.');
      while (parts.length < 3) parts.push('0');
      text = [parts.map(p => p.replace(/^0+(?=\d)/, '')).join('.'), ...rest].join('');
    }
    const v = semver().parse(text);
    return v ? new KubernetesSemver(v) : undefined;
  };
  const T = 'kubernetes.Semver';
  env.registerType(T, KubernetesSemver);
  env.registerFunction(`semver(string): ${T}`, (s: string) => parse(s, false) ?? fail(`Semver parse error during conversion from string: ${s}`));
  env.registerFunction(`semver(string, bool): ${T}`, (s: string, n: boolean) => parse(s, n) ?? fail(`Semver parse error during conversion from string: ${s}`));
  env.registerFunction('isSemver(string): bool', (s: string) => parse(s, false) !== undefined);
  env.registerFunction('isSemver(string, bool): bool', (s: string, n: boolean) => parse(s, n) !== undefined);
  env.registerFunction(`${T}.major(): int`, (v: KubernetesSemver) => BigInt(v.version.major));
  env.registerFunction(`${T}.minor(): int`, (v: KubernetesSemver) => BigInt(v.version.minor));
  env.registerFunction(`${T}.patch(): int`, (v: KubernetesSemver) => BigInt(v.version.patch));
  env.registerFunction(`${T}.isGreaterThan(${T}): bool`, (a: KubernetesSemver, b: KubernetesSemver) => semver().compare(a.version, b.version) > 0);
  env.registerFunction(`${T}.isLessThan(${T}): bool`, (a: KubernetesSemver, b: KubernetesSemver) => semver().compare(a.version, b.version) < 0);
  env.registerFunction(`${T}.compareTo(${T}): int`, (a: KubernetesSemver, b: KubernetesSemver) => BigInt(semver().compare(a.version, b.version)));
  env.registerOperator(`${T} == ${T}`, (a: KubernetesSemver, b: KubernetesSemver) => semver().compare(a.version, b.version) === 0);
}

/** cel-go ext.Sets: sets.contains, sets.equivalent, sets.intersects (a `sets` constant carries the namespace). */
function sets(env: any): void {
  env.registerType('k8s.SetsNamespace', SetsNamespace);
  env.registerConstant('sets', 'k8s.SetsNamespace', new SetsNamespace());
  const has = (l: any[], x: any) => l.some(e => jsonEqual(e, x));
  env.registerFunction('k8s.SetsNamespace.contains(list<A>, list<A>): bool', (_: Namespace, a: any[], b: any[]) => b.every(x => has(a, x)));
  env.registerFunction('k8s.SetsNamespace.equivalent(list<A>, list<A>): bool', (_: Namespace, a: any[], b: any[]) => b.every(x => has(a, x)) && a.every(x => has(b, x)));
  env.registerFunction('k8s.SetsNamespace.intersects(list<A>, list<A>): bool', (_: Namespace, a: any[], b: any[]) => b.some(x => has(a, x)));
}

class KubernetesFormat {
  constructor(readonly name: string, readonly check: (s: string) => string[]) {}
}

/** library.Format (1.31+): format.<name>() and format.named(name), each with validate(string): optional<list<string>>. */
function formats(env: any, engine: any): void {
  const { isDns1123Label, isDns1123Subdomain, isDns1035Label, isLabelKey, isLabelValue } = require('../../common/names'); // eslint-disable-line @typescript-eslint/no-require-imports
  const only = (ok: (s: string) => boolean, message: string) => (s: string) => ok(s) ? [] : [message];
  const named: Record<string, (s: string) => string[]> = {
    dns1123Label: only(isDns1123Label, 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character'),
    dns1123Subdomain: only(isDns1123Subdomain, 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character'),
    dns1035Label: only(isDns1035Label, 'a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character'),
    qualifiedName: only(isLabelKey, 'name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character'),
    labelValue: only(isLabelValue, 'a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character'),
    uri: only(s => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) || s.startsWith('/'), 'must be a valid URI'),
    uuid: only(s => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s), 'does not match the UUID format'),
    byte: only(s => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s), 'invalid base64'),
    date: only(s => /^\d{4}-\d{2}-\d{2}$/.test(s), 'invalid date'),
    datetime: only(s => /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(s), 'invalid datetime'),
  };
  named.dns1123LabelPrefix = named.dns1123Label;
  named.dns1123SubdomainPrefix = named.dns1123Subdomain;
  named.dns1035LabelPrefix = named.dns1035Label;
  const Optional = engine.Optional;
  env.registerType('kubernetes.NamedFormat', KubernetesFormat);
  env.registerType('k8s.FormatNamespace', FormatNamespace);
  env.registerConstant('format', 'k8s.FormatNamespace', new FormatNamespace());
  for (const [name, check] of Object.entries(named)) {
    env.registerFunction(`k8s.FormatNamespace.${name}(): kubernetes.NamedFormat`, () => new KubernetesFormat(name, check));
  }
  env.registerFunction('k8s.FormatNamespace.named(string): optional<kubernetes.NamedFormat>', (_: Namespace, n: string) =>
    named[n] ? Optional.of(new KubernetesFormat(n, named[n])) : Optional.none());
  env.registerFunction('kubernetes.NamedFormat.validate(string): optional<list<string>>', (f: KubernetesFormat, s: string) => {
    const errors = f.check(s);
    return errors.length > 0 ? Optional.of(errors) : Optional.none();
  });
}
