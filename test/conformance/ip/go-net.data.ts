/**
 * Go's own test tables for the parsers kube-proxy and the API server run, ported as data (names kept; the
 * upstream tables name a case by its input).
 *
 * - `parseIPTests`, `parseCIDRTests`: golang/go src/net/ip_test.go at commit
 *   661a6664bddb89d6e1dd8a7cc93736b90eead437, where src/net/ip.go's ParseIP / ParseCIDR are netip.ParseAddr
 *   without a zone. `out`, `ip` and `net` are Go's `String()` of the expected values (`IPv4(127, 1, 2, 3)` is
 *   `127.1.2.3`; a net.IP holding an IPv4-mapped address prints as IPv4); `null` is Go's nil / ParseError.
 * - `TestParseAddr` (validIPs, invalidIPs): golang/go src/net/netip/netip_test.go at commit
 *   740043f516f716fe359ffd3bd76f1a30a9aa5eec. ParseIP is ParseAddr minus zones; invalidIPs are asserted
 *   there for net.ParseIP too. `str` is netip's String() (empty: the input), `wantErr` its error.
 */

export interface ParseIpCase { readonly in: string; readonly out: string | null; readonly comment?: string }
export interface ParseCidrCase { readonly in: string; readonly ip: string | null; readonly net: string | null }
export interface ParseAddrValidCase {
  readonly in: string;
  readonly str?: string;
  readonly wantErr?: string;
  readonly zone?: string;
  readonly comment: string;
}

export const PARSE_IP_TESTS: readonly ParseIpCase[] = [
  { in: '127.0.1.2', out: '127.0.1.2' },
  { in: '127.0.0.1', out: '127.0.0.1' },
  { in: '::ffff:127.1.2.3', out: '127.1.2.3' },
  { in: '::ffff:7f01:0203', out: '127.1.2.3' },
  { in: '0:0:0:0:0000:ffff:127.1.2.3', out: '127.1.2.3' },
  { in: '0:0:0:0:000000:ffff:127.1.2.3', out: '127.1.2.3' },
  { in: '0:0:0:0::ffff:127.1.2.3', out: '127.1.2.3' },

  { in: '2001:4860:0:2001::68', out: '2001:4860:0:2001::68' },
  { in: '2001:4860:0000:2001:0000:0000:0000:0068', out: '2001:4860:0:2001::68' },

  { in: '-0.0.0.0', out: null },
  { in: '0.-1.0.0', out: null },
  { in: '0.0.-2.0', out: null },
  { in: '0.0.0.-3', out: null },
  { in: '127.0.0.256', out: null },
  { in: 'abc', out: null },
  { in: '123:', out: null },
  { in: 'fe80::1%lo0', out: null },
  { in: 'fe80::1%911', out: null },
  { in: '', out: null },
  { in: 'a1:a2:a3:a4::b1:b2:b3:b4', out: null, comment: 'Issue 6628' },
  { in: '127.001.002.003', out: null },
  { in: '::ffff:127.001.002.003', out: null },
  { in: '123.000.000.000', out: null },
  { in: '1.2..4', out: null },
  { in: '0123.0.0.1', out: null },
];

export const PARSE_CIDR_TESTS: readonly ParseCidrCase[] = [
  { in: '135.104.0.0/32', ip: '135.104.0.0', net: '135.104.0.0/32' },
  { in: '0.0.0.0/24', ip: '0.0.0.0', net: '0.0.0.0/24' },
  { in: '135.104.0.0/24', ip: '135.104.0.0', net: '135.104.0.0/24' },
  { in: '135.104.0.1/32', ip: '135.104.0.1', net: '135.104.0.1/32' },
  { in: '135.104.0.1/24', ip: '135.104.0.1', net: '135.104.0.0/24' },
  { in: '::1/128', ip: '::1', net: '::1/128' },
  { in: 'abcd:2345::/127', ip: 'abcd:2345::', net: 'abcd:2345::/127' },
  { in: 'abcd:2345::/65', ip: 'abcd:2345::', net: 'abcd:2345::/65' },
  { in: 'abcd:2345::/64', ip: 'abcd:2345::', net: 'abcd:2345::/64' },
  { in: 'abcd:2345::/63', ip: 'abcd:2345::', net: 'abcd:2345::/63' },
  { in: 'abcd:2345::/33', ip: 'abcd:2345::', net: 'abcd:2345::/33' },
  { in: 'abcd:2345::/32', ip: 'abcd:2345::', net: 'abcd:2345::/32' },
  { in: 'abcd:2344::/31', ip: 'abcd:2344::', net: 'abcd:2344::/31' },
  { in: 'abcd:2300::/24', ip: 'abcd:2300::', net: 'abcd:2300::/24' },
  { in: 'abcd:2345::/24', ip: 'abcd:2345::', net: 'abcd:2300::/24' },
  { in: '2001:DB8::/48', ip: '2001:db8::', net: '2001:db8::/48' },
  { in: '2001:DB8::1/48', ip: '2001:db8::1', net: '2001:db8::/48' },
  { in: '192.168.1.1/255.255.255.0', ip: null, net: null },
  { in: '192.168.1.1/35', ip: null, net: null },
  { in: '2001:db8::1/-1', ip: null, net: null },
  { in: '2001:db8::1/-0', ip: null, net: null },
  { in: '-0.0.0.0/32', ip: null, net: null },
  { in: '0.-1.0.0/32', ip: null, net: null },
  { in: '0.0.-2.0/32', ip: null, net: null },
  { in: '0.0.0.-3/32', ip: null, net: null },
  { in: '0.0.0.0/-0', ip: null, net: null },
  { in: '127.000.000.001/32', ip: null, net: null },
  { in: '', ip: null, net: null },
];

export const PARSE_ADDR_VALID_IPS: readonly ParseAddrValidCase[] = [
  { in: '0.0.0.0', comment: 'Basic zero IPv4 address.' },
  { in: '192.168.140.255', comment: 'Basic non-zero IPv4 address.' },
  { in: '010.000.015.001', wantErr: 'ParseAddr("010.000.015.001"): IPv4 field has octet with leading zero', comment: 'IPv4 address in windows-style "print all the digits" form.' },
  { in: '000001.00000002.00000003.000000004', wantErr: 'ParseAddr("000001.00000002.00000003.000000004"): IPv4 field has octet with leading zero', comment: 'IPv4 address with a silly amount of leading zeros.' },
  { in: '::ffff:1.2.03.4', wantErr: 'ParseAddr("::ffff:1.2.03.4"): IPv4 field has octet with leading zero', comment: '4-in-6 with octet with leading zero' },
  { in: '::ffff:1.2.3.z', wantErr: 'ParseAddr("::ffff:1.2.3.z"): unexpected character (at "z")', comment: '4-in-6 with octet with unexpected character' },
  { in: '::', comment: 'Basic zero IPv6 address.' },
  { in: '::1', comment: 'Localhost IPv6.' },
  { in: 'fd7a:115c:a1e0:ab12:4843:cd96:626b:430b', comment: 'Fully expanded IPv6 address.' },
  { in: 'fd7a:115c::626b:430b', comment: 'IPv6 with elided fields in the middle.' },
  { in: 'fd7a:115c:a1e0:ab12:4843:cd96::', comment: 'IPv6 with elided fields at the end.' },
  { in: 'fd7a:115c:a1e0:ab12:4843:cd96:626b::', str: 'fd7a:115c:a1e0:ab12:4843:cd96:626b:0', comment: 'IPv6 with single elided field at the end.' },
  { in: 'fd7a:115c:a1e0::4843:cd96:626b:430b', str: 'fd7a:115c:a1e0:0:4843:cd96:626b:430b', comment: 'IPv6 with single elided field in the middle.' },
  { in: '::ffff:192.168.140.255', str: '::ffff:192.168.140.255', comment: 'IPv6 with the trailing 32 bits written as IPv4 dotted decimal. (4in6)' },
  { in: 'fd7a:115c:a1e0:ab12:4843:cd96:626b:430b%eth0', zone: 'eth0', comment: 'IPv6 with a zone specifier.' },
  { in: '1:2::ffff:192.168.140.255%eth1', str: '1:2::ffff:c0a8:8cff%eth1', zone: 'eth1', comment: 'IPv6 with dotted decimal and zone specifier.' },
  { in: '::ffff:192.168.140.255%eth1', str: '::ffff:192.168.140.255%eth1', zone: 'eth1', comment: '4-in-6 with zone' },
  { in: 'FD9E:1A04:F01D::1', str: 'fd9e:1a04:f01d::1', comment: 'IPv6 with capital letters.' },
];

export const PARSE_ADDR_INVALID_IPS: readonly string[] = [
  '', // Empty string
  'bad', // Garbage non-IP
  '1234', // Single number.
  '1.2.3.4%eth0', // IPv4 with a zone specifier
  '.1.2.3', // IPv4 field must have at least one digit
  '1.2.3.',
  '1..2.3',
  '1.2.3.4.5', // IPv4 address too long
  '0300.0250.0214.0377', // IPv4 in dotted octal form
  '0xc0.0xa8.0x8c.0xff', // IPv4 in dotted hex form
  '192.168.12345', // IPv4 in class B form
  '127.0.1', // IPv4 in class B form, with a small enough number to be parseable as a regular dotted decimal field.
  '192.1234567', // IPv4 in class A form
  '127.1', // IPv4 in class A form, with a small enough number to be parseable as a regular dotted decimal field.
  '192.168.300.1', // IPv4 field has value >255
  '192.168.0.1.5.6', // IPv4 with too many fields
  '1:2:3:4:5:6:7', // IPv6 with not enough fields
  '1:2:3:4:5:6:7:8:9', // IPv6 with too many fields
  '1:2:3:4::5:6:7:8', // IPv6 with 8 fields and a :: expander
  'fe801::1', // IPv6 with a field bigger than 2b
  'fe80:tail:scal:e::', // IPv6 with non-hex values in field
  'fe80::1%', // IPv6 with a zone delimiter but no zone.
  'ffff:ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255', // IPv6 (without ellipsis) with too many fields for trailing embedded IPv4.
  'ffff::ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255', // IPv6 (with ellipsis) with too many fields for trailing embedded IPv4.
  '::ffff:192.168.140.bad', // IPv6 with invalid embedded IPv4.
  'fe80::1::1', // IPv6 with multiple ellipsis ::.
  'fe80:1?:1', // IPv6 with invalid non hex/colon character.
  'fe80:', // IPv6 with truncated bytes after single colon.
  '0:0:0:0:0:ffff:0:00000', // IPv6 with 5 zeros in last group
  '0:0:0:0:00000:ffff:127.1.2.3', // IPv6 with 5 zeros in one group and embedded IPv4
];
