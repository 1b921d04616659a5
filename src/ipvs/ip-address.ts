/**
 * IPv4 / IPv6 addresses and CIDR blocks as Go's `net.ParseIP` and `net.ParseCIDR` read them (kube-proxy, the
 * API server and the director's tooling are Go), for the addresses that end up in ipvsadm rules, Service
 * `externalIPs` and kube-proxy's `excludeCIDRs` / `clusterCIDR`. ipaddr.js parses and prints; it is loaded on
 * first use. Internal to the package.
 *
 * Where ipaddr.js reads more than Go, Go wins: IPv4 is four decimal octets 0–255 without leading zeros (no
 * `1.2.3`, `010.0.0.1` or `0x7f.0.0.1`); an IPv6 zone (`fe80::1%eth0`) is refused; an embedded IPv4 quad is
 * strict too and `::1.2.3.4` stays the IPv4-compatible `::102:304` (ipaddr.js would map it to `::ffff:1.2.3.4`).
 * An IPv4-mapped address (`::ffff:1.2.3.4`) is the IPv4 address `1.2.3.4`, as `net.IP` treats and prints it and
 * as the API server asks for it. Stricter than `net.ParseCIDR` on purpose: a prefix length is a decimal without
 * leading zeros and a block has its host bits zero (`10.0.0.0/8`, not `10.1.2.3/8`), as Kubernetes' strict
 * validation (`IsValidCIDR`) wants.
 */
type IpaddrModule = typeof import('ipaddr.js');
type IPv6 = import('ipaddr.js').IPv6;
type Address = import('ipaddr.js').IPv4 | IPv6;

let ipaddrModule: IpaddrModule | undefined;

function ipaddr(): IpaddrModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return ipaddrModule ??= require('ipaddr.js') as IpaddrModule;
}

/** An IP family. */
export type IpFamily = 4 | 6;

/** A parsed address: its family, its canonical text (RFC 5952 for IPv6) and its bits as a bigint. */
export interface ParsedIp {
  readonly family: IpFamily;
  readonly text: string;
  readonly value: bigint;
}

/** A parsed CIDR block. */
export interface ParsedCidr {
  readonly family: IpFamily;
  readonly text: string;
  readonly address: ParsedIp;
  readonly prefix: number;
}

const PREFIX_LENGTH = /^(0|[1-9][0-9]*)$/;

/** Parses an IPv4 or IPv6 address (Go's `net.ParseIP`); `undefined` when the text is not one. */
export function parseIp(text: string): ParsedIp | undefined {
  const address = parseAddress(text);
  return address && parsedIp(address);
}

/** Parses a CIDR block (`10.0.0.0/8`, `fd00::/64`); `undefined` when it is not one or has host bits set. */
export function parseCidr(text: string): ParsedCidr | undefined {
  const block = parseBlock(text);
  return block && block.network.toString() === block.address.toString() ? parsedCidr(block.network, block.prefix) : undefined;
}

/** Why a text is not a CIDR block, for an error message; `undefined` when it is one. */
export function cidrProblem(text: string): string | undefined {
  const block = parseBlock(text);
  if (!block) return 'must be a CIDR block such as 10.0.0.0/8 or fd00::/64';
  if (isMapped(block.address) && block.prefix < 96) {
    // Go reads it as a 128-bit block (::/24 for ::ffff:1.2.3.0/24); the IPv4 block is what was meant
    const ipv4 = (block.address as IPv6).toIPv4Address();
    const hint = block.prefix <= 32 ? ` (did you mean ${ipaddr().IPv4.networkAddressFromCIDR(`${ipv4}/${block.prefix}`)}/${block.prefix}?)` : '';
    return `must not give an IPv4-mapped address a prefix length under 96${hint}`;
  }
  if (block.network.toString() !== block.address.toString()) {
    return `must have its host bits zero (did you mean ${parsedCidr(block.network, block.prefix).text}?)`;
  }
  return undefined;
}

/**
 * Whether a text reads as a CIDR block the way Go's `net.ParseCIDR` reads it: host bits may be set and an
 * IPv4-mapped address may take any prefix length (Kubernetes' legacy `IsValidCIDR` reading).
 */
export function parsesAsCidr(text: string): boolean {
  return parseBlock(text) !== undefined;
}

/** Whether a CIDR block contains an address (of the same family). */
export function cidrContains(cidr: ParsedCidr, ip: ParsedIp): boolean {
  if (cidr.family !== ip.family) return false;
  const lib = ipaddr();
  return lib.parse(ip.text).match(lib.parse(cidr.address.text), cidr.prefix);
}

/** The single-address block of an address (`/32`, `/128`). */
export function hostCidr(ip: ParsedIp): string {
  return `${ip.text}/${ip.family === 4 ? 32 : 128}`;
}

/** `ip:port` for IPv4, `[ip]:port` for IPv6, as ipvsadm writes and reads them. */
export function hostPort(ip: ParsedIp, port: number): string {
  return ip.family === 6 ? `[${ip.text}]:${port}` : `${ip.text}:${port}`;
}

/** Whether a value is a TCP/UDP port number (an integer from 1 to 65535). */
export function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** The address as Go's `netip.ParseAddr` reads it, without a zone; IPv4-mapped addresses stay IPv6 here. */
function parseAddress(text: string): Address | undefined {
  if (typeof text !== 'string') return undefined;
  const lib = ipaddr();
  if (!text.includes(':')) return lib.IPv4.isValidFourPartDecimal(text) ? lib.IPv4.parse(text) : undefined;
  if (text.includes('%')) return undefined;
  let hex = text;
  if (text.includes('.')) {
    // a strict dotted quad may end the address only; written as its two groups, ipaddr.js's lenient
    // transitional forms never apply
    const colon = text.lastIndexOf(':');
    const quad = text.slice(colon + 1);
    if (text.slice(0, colon).includes('.') || !lib.IPv4.isValidFourPartDecimal(quad)) return undefined;
    const [a, b, c, d] = lib.IPv4.parse(quad).octets;
    hex = `${text.slice(0, colon + 1)}${(a * 256 + b).toString(16)}:${(c * 256 + d).toString(16)}`;
  }
  return lib.IPv6.isValid(hex) ? lib.IPv6.parse(hex) : undefined;
}

/** `net.IP`'s view: an IPv4-mapped IPv6 address is its IPv4 address. */
function parsedIp(address: Address): ParsedIp {
  const ip = isMapped(address) ? (address as IPv6).toIPv4Address() : address;
  const family: IpFamily = ip.kind() === 'ipv4' ? 4 : 6;
  return {
    family,
    text: family === 4 ? ip.toString() : (ip as IPv6).toRFC5952String(),
    value: ip.toByteArray().reduce((acc, byte) => acc * 256n + BigInt(byte), 0n),
  };
}

function isMapped(address: Address): boolean {
  return address.kind() === 'ipv6' && (address as IPv6).isIPv4MappedAddress();
}

/** A mapped block (`::ffff:1.2.3.0/120`) is the IPv4 block (`1.2.3.0/24`), as `net.IPNet` prints it. */
function parsedCidr(network: Address, prefix: number): ParsedCidr {
  const address = parsedIp(network);
  const ipv4Prefix = address.family === 4 && network.kind() === 'ipv6' ? prefix - 96 : prefix;
  return { family: address.family, text: `${address.text}/${ipv4Prefix}`, address, prefix: ipv4Prefix };
}

/** `net.ParseCIDR`'s reading (the address, its network, the prefix length), host bits allowed. */
function parseBlock(text: string): { address: Address; network: Address; prefix: number } | undefined {
  if (typeof text !== 'string') return undefined;
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseAddress(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !PREFIX_LENGTH.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const lib = ipaddr();
  const kind = address.kind() === 'ipv4' ? lib.IPv4 : lib.IPv6;
  if (prefix > (address.kind() === 'ipv4' ? 32 : 128)) return undefined;
  return { address, network: kind.networkAddressFromCIDR(`${address.toString()}/${prefix}`), prefix };
}
