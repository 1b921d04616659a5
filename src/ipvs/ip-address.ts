/* eslint-disable no-bitwise */ // addresses are bit strings: shifts and masks are the plain way to handle them
/**
 * A strict IPv4 / IPv6 address and CIDR parser (no dependency), for the addresses that end up in ipvsadm rules,
 * Service `externalIPs` and kube-proxy's `excludeCIDRs` / `clusterCIDR`.
 *
 * Strict means: IPv4 is four decimal octets 0–255 without leading zeros (Go's `net.ParseIP`, which kube-proxy
 * uses, refuses `010.0.0.1` too); IPv6 is 8 groups of 1–4 hex digits with at most one `::`, optionally ending
 * in an IPv4 dotted quad, no zone (`%eth0`), no brackets. A CIDR's prefix is a decimal without leading zeros and
 * its host bits are zero (`10.0.0.0/8`, not `10.1.2.3/8`). Internal to the package.
 */

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

const DECIMAL = /^(0|[1-9][0-9]*)$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Parses an IPv4 or IPv6 address; `undefined` when the text is not one. */
export function parseIp(text: string): ParsedIp | undefined {
  if (typeof text !== 'string') return undefined;
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

/** Parses a CIDR block (`10.0.0.0/8`, `fd00::/64`); `undefined` when it is not one or has host bits set. */
export function parseCidr(text: string): ParsedCidr | undefined {
  const r = parseCidrLoose(text);
  if (!r) return undefined;
  return r.address.value === networkOf(r.address, r.prefix).value ? r : undefined;
}

/** Why a text is not a CIDR block, for an error message; `undefined` when it is one. */
export function cidrProblem(text: string): string | undefined {
  const r = parseCidrLoose(text);
  if (!r) return 'must be a CIDR block such as 10.0.0.0/8 or fd00::/64';
  const network = networkOf(r.address, r.prefix);
  if (network.value !== r.address.value) {
    return `must have its host bits zero (did you mean ${network.text}/${r.prefix}?)`;
  }
  return undefined;
}

/** Whether a CIDR block contains an address (of the same family). */
export function cidrContains(cidr: ParsedCidr, ip: ParsedIp): boolean {
  return cidr.family === ip.family && networkOf(ip, cidr.prefix).value === cidr.address.value;
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

function parseCidrLoose(text: string): ParsedCidr | undefined {
  if (typeof text !== 'string') return undefined;
  const slash = text.indexOf('/');
  if (slash < 0 || slash !== text.lastIndexOf('/')) return undefined;
  const address = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !DECIMAL.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > (address.family === 4 ? 32 : 128)) return undefined;
  return { family: address.family, text: `${address.text}/${prefix}`, address, prefix };
}

function networkOf(ip: ParsedIp, prefix: number): ParsedIp {
  const bits = ip.family === 4 ? 32n : 128n;
  const hostBits = bits - BigInt(prefix);
  const value = (ip.value >> hostBits) << hostBits;
  return { family: ip.family, value, text: ip.family === 4 ? formatIpv4(value) : formatIpv6(value) };
}

function parseIpv4(text: string): ParsedIp | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!DECIMAL.test(part) || part.length > 3) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return { family: 4, value, text: formatIpv4(value) };
}

function parseIpv6(text: string): ParsedIp | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (s: string): bigint[] | undefined => {
    if (s === '') return [];
    const out: bigint[] = [];
    const parts = s.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (!v4) return undefined;
        out.push(v4.value >> 16n, v4.value & 0xffffn);
      } else if (HEX_GROUP.test(part)) {
        out.push(BigInt(parseInt(part, 16)));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return undefined;
  // an embedded IPv4 quad may only end the address
  if (halves.length === 2 && halves[0].includes('.')) return undefined;
  let groups: bigint[];
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return undefined;
    groups = [...head, ...new Array<bigint>(missing).fill(0n), ...tail];
  } else {
    groups = head;
  }
  if (groups.length !== 8) return undefined;
  const value = groups.reduce((acc, g) => (acc << 16n) | g, 0n);
  return { family: 6, value, text: formatIpv6(value) };
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map(shift => String((value >> shift) & 0xffn)).join('.');
}

/** RFC 5952: lowercase, no leading zeros, the longest run (≥ 2) of zero groups as `::`, the first on ties. */
function formatIpv6(value: bigint): string {
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((value >> shift) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map(g => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
