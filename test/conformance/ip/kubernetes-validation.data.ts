/**
 * The API server's IP and CIDR validation tests, ported as data (names kept): kubernetes/kubernetes
 * staging/src/k8s.io/apimachinery/pkg/util/validation/ip_test.go at commit
 * 73ac13864314fdf423eb9624ae0bece06e56dc7e. `err` is IsValidIP / IsValidCIDR (new fields), `legacyErr` is
 * IsValidIPForLegacyField / IsValidCIDRForLegacyField without strict validation, `legacyStrictErr` with it
 * (StrictIPCIDRValidation); empty means valid. TestIsValidInterfaceAddress is not ported: an interface address
 * keeps its host bits (1.2.3.4/24) and no prop of ours takes one.
 */

export interface ValidationCase {
  readonly name: string;
  readonly in: string;
  readonly err?: string;
  readonly legacyErr?: string;
  readonly legacyStrictErr?: string;
}

export interface WarningCase { readonly name: string; readonly in: string; readonly want: readonly string[] }

const INVALID_IP = 'must be a valid IP address';
const INVALID_CIDR = 'must be a valid CIDR value';
const bad = (name: string, input: string, message: string): ValidationCase =>
  ({ name, in: input, err: message, legacyErr: message, legacyStrictErr: message });

export const TEST_IS_VALID_IP: readonly ValidationCase[] = [
  // GOOD VALUES
  { name: 'ipv4', in: '1.2.3.4' },
  { name: 'ipv4, all zeros', in: '0.0.0.0' },
  { name: 'ipv4, max', in: '255.255.255.255' },
  { name: 'ipv6', in: '1234::abcd' },
  { name: 'ipv6, all zeros, collapsed', in: '::' },
  { name: 'ipv6, max', in: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff' },
  // NON-CANONICAL VALUES
  { name: 'ipv6, all zeros, expanded (non-canonical)', in: '0:0:0:0:0:0:0:0', err: 'must be in canonical form ("::")' },
  { name: 'ipv6, leading 0s (non-canonical)', in: '0001:002:03:4::', err: 'must be in canonical form ("1:2:3:4::")' },
  { name: 'ipv6, capital letters (non-canonical)', in: '1234::ABCD', err: 'must be in canonical form ("1234::abcd")' },
  // GOOD WITH LEGACY VALIDATION, BAD WITH STRICT VALIDATION
  { name: 'ipv4 with leading 0s', in: '1.1.1.01', err: 'must not have leading 0s', legacyErr: '', legacyStrictErr: 'must not have leading 0s' },
  { name: 'ipv4-in-ipv6 value', in: '::ffff:1.1.1.1', err: 'must not be an IPv4-mapped IPv6 address', legacyErr: '', legacyStrictErr: 'must not be an IPv4-mapped IPv6 address' },
  // BAD VALUES
  bad('empty string', '', INVALID_IP),
  bad('junk', 'aaaaaaa', INVALID_IP),
  bad('domain name', 'myhost.mydomain', INVALID_IP),
  bad('cidr', '1.2.3.0/24', INVALID_IP),
  bad('ipv4 with out-of-range octets', '1.2.3.400', INVALID_IP),
  bad('ipv4 with negative octets', '-1.0.0.0', INVALID_IP),
  bad('ipv6 with out-of-range segment', '2001:db8::10005', INVALID_IP),
  bad('ipv4:port', '1.2.3.4:80', INVALID_IP),
  bad('ipv6 with brackets', '[2001:db8::1]', INVALID_IP),
  bad('[ipv6]:port', '[2001:db8::1]:80', INVALID_IP),
  bad('host:port', 'example.com:80', INVALID_IP),
  bad('ipv6 with zone', '1234::abcd%eth0', INVALID_IP),
  bad('ipv4 with zone', '169.254.0.0%eth0', INVALID_IP),
];

export const TEST_IS_VALID_CIDR: readonly ValidationCase[] = [
  // GOOD VALUES
  { name: 'ipv4', in: '1.0.0.0/8' },
  { name: 'ipv4, all IPs', in: '0.0.0.0/0' },
  { name: 'ipv4, single IP', in: '1.1.1.1/32' },
  { name: 'ipv6', in: '2001:4860:4860::/48' },
  { name: 'ipv6, all IPs', in: '::/0' },
  { name: 'ipv6, single IP', in: '::1/128' },
  // NON-CANONICAL VALUES
  { name: 'ipv6, extra 0s (non-canonical)', in: '2a00:79e0:2:0::/64', err: 'must be in canonical form ("2a00:79e0:2::/64")' },
  { name: 'ipv6, capital letters (non-canonical)', in: '2001:DB8::/64', err: 'must be in canonical form ("2001:db8::/64")' },
  // GOOD WITH LEGACY VALIDATION, BAD WITH STRICT VALIDATION
  { name: 'ipv4 with leading 0s', in: '1.1.01.0/24', err: 'must not have leading 0s in IP', legacyErr: '', legacyStrictErr: 'must not have leading 0s in IP' },
  { name: 'ipv4-in-ipv6 with ipv4-sized prefix', in: '::ffff:1.1.1.0/24', err: 'must not have an IPv4-mapped IPv6 address', legacyErr: '', legacyStrictErr: 'must not have an IPv4-mapped IPv6 address' },
  { name: 'ipv4-in-ipv6 with ipv6-sized prefix', in: '::ffff:1.1.1.0/120', err: 'must not have an IPv4-mapped IPv6 address', legacyErr: '', legacyStrictErr: 'must not have an IPv4-mapped IPv6 address' },
  { name: 'ipv4 ifaddr', in: '1.2.3.4/24', err: 'must not have bits set beyond the prefix length', legacyErr: '', legacyStrictErr: 'must not have bits set beyond the prefix length' },
  { name: 'ipv6 ifaddr', in: '2001:db8::1/64', err: 'must not have bits set beyond the prefix length', legacyErr: '', legacyStrictErr: 'must not have bits set beyond the prefix length' },
  { name: 'prefix length with leading 0s', in: '192.168.0.0/016', err: 'must not have leading 0s', legacyErr: '', legacyStrictErr: 'must not have leading 0s' },
  // BAD VALUES
  bad('empty string', '', INVALID_CIDR),
  bad('junk', 'aaaaaaa', INVALID_CIDR),
  bad('IP address', '1.2.3.4', INVALID_CIDR),
  bad('partial URL', '192.168.0.1/healthz', INVALID_CIDR),
  bad('partial URL 2', '192.168.0.1/0/99', INVALID_CIDR),
  bad('negative prefix length', '192.168.0.0/-16', INVALID_CIDR),
  bad('prefix length with sign', '192.168.0.0/+16', INVALID_CIDR),
];

export const TEST_GET_WARNINGS_FOR_IP: readonly WarningCase[] = [
  { name: 'IPv4 No failures', in: '192.12.2.2', want: [] },
  { name: 'IPv6 No failures', in: '2001:db8::2', want: [] },
  { name: 'IPv4 with leading zeros', in: '192.012.2.2', want: ['spec.clusterIPs[0]: non-standard IP address "192.012.2.2" will be considered invalid in a future Kubernetes release: use "192.12.2.2"'] },
  { name: 'IPv4-mapped IPv6', in: '::ffff:192.12.2.2', want: ['spec.clusterIPs[0]: non-standard IP address "::ffff:192.12.2.2" will be considered invalid in a future Kubernetes release: use "192.12.2.2"'] },
  { name: 'IPv6 non-canonical format', in: '2001:db8:0:0::2', want: ['spec.loadBalancerIP: IPv6 address "2001:db8:0:0::2" should be in RFC 5952 canonical format ("2001:db8::2")'] },
];

export const TEST_GET_WARNINGS_FOR_CIDR: readonly WarningCase[] = [
  { name: 'IPv4 No failures', in: '192.12.2.0/24', want: [] },
  { name: 'IPv6 No failures', in: '2001:db8::/64', want: [] },
  { name: 'IPv4 with leading zeros', in: '192.012.2.0/24', want: ['spec.loadBalancerSourceRanges[0]: non-standard CIDR value "192.012.2.0/24" will be considered invalid in a future Kubernetes release: use "192.12.2.0/24"'] },
  { name: 'leading zeros in prefix length', in: '192.12.2.0/024', want: ['spec.loadBalancerSourceRanges[0]: non-standard CIDR value "192.12.2.0/024" will be considered invalid in a future Kubernetes release: use "192.12.2.0/24"'] },
  { name: 'IPv4-mapped IPv6', in: '::ffff:192.12.2.0/120', want: ['spec.loadBalancerSourceRanges[0]: non-standard CIDR value "::ffff:192.12.2.0/120" will be considered invalid in a future Kubernetes release: use "192.12.2.0/24"'] },
  { name: 'bits after prefix length', in: '192.12.2.8/24', want: ['spec.loadBalancerSourceRanges[0]: CIDR value "192.12.2.8/24" is ambiguous in this context (should be "192.12.2.0/24" or "192.12.2.8/32"?)'] },
  {
    name: 'multiple problems',
    in: '192.012.2.8/24',
    want: [
      'spec.loadBalancerSourceRanges[0]: CIDR value "192.012.2.8/24" is ambiguous in this context (should be "192.12.2.0/24" or "192.12.2.8/32"?)',
      'spec.loadBalancerSourceRanges[0]: non-standard CIDR value "192.012.2.8/24" will be considered invalid in a future Kubernetes release: use "192.12.2.0/24"',
    ],
  },
  { name: 'IPv6 non-canonical format', in: '2001:db8:0:0::/64', want: ['spec.loadBalancerSourceRanges[0]: IPv6 CIDR value "2001:db8:0:0::/64" should be in RFC 5952 canonical format ("2001:db8::/64")'] },
];
