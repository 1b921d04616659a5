/**
 * Conformance: Go's net.ParseIP / net.ParseCIDR tables (go-net.data.ts names the files and commits) run through
 * src/ipvs/ip-address.ts. GIVEN upstream's input WHEN parsed THEN accepted with Go's printed value, or refused.
 *
 * Our API: `parseIp` (ParseIP), `parseCidr` / `cidrProblem` (ParseCIDR, host bits refused: see STRICTER).
 */
import { PARSE_ADDR_INVALID_IPS, PARSE_ADDR_VALID_IPS, PARSE_CIDR_TESTS, PARSE_IP_TESTS } from './go-net.data';
import { cidrProblem, parseCidr, parseIp } from '../../../src/ipvs/ip-address';

const NOT_A_CIDR = 'must be a CIDR block such as 10.0.0.0/8 or fd00::/64';

/**
 * Where we differ from the pinned table on purpose. parseIPTests at 661a6664 still accepts a 6-digit zero group;
 * newer Go refuses groups of more than 4 digits in net.ParseIP too (netip_test.go at 740043f, invalidIPs
 * "0:0:0:0:00000:ffff:127.1.2.3" and "0:0:0:0:0:ffff:0:00000"), and so do we (ipaddr.js, RFC 4291).
 */
const DIFFERENT: Record<string, string> = {
  '0:0:0:0:000000:ffff:127.1.2.3': 'newer Go refuses groups longer than 4 hex digits; we follow it',
};

/**
 * Stricter than net.ParseCIDR on purpose: a block with host bits set (an interface address such as
 * 135.104.0.1/24) is refused with Go's network suggested; Kubernetes' strict IsValidCIDR refuses it too ("must not
 * have bits set beyond the prefix length") and kube-proxy would silently use the network.
 */
const hostBitsSet = (c: { in: string; ip: string | null; net: string | null }) => c.net !== null && c.net !== `${c.ip}/${c.in.split('/')[1]}`;

/** net.IP.String() prints an IPv4-mapped address as IPv4 (ip_test.go ipStringTests, "IPv4-mapped IPv6 address"). */
const netIpString = (netipString: string) => (/^::ffff:[0-9.]+$/.test(netipString) ? netipString.slice('::ffff:'.length) : netipString);

const counts = { ported: 0, agreeing: 0, stricter: 0, different: 0, notExpressible: 0 };

describe('golang/go src/net/ip_test.go parseIPTests (TestParseIP)', () => {
  test.each(PARSE_IP_TESTS.map(c => [c.in, c] as const))('%j', (_name, c) => {
    counts.ported++;
    const got = parseIp(c.in);
    if (DIFFERENT[c.in]) {
      counts.different++;
      expect(got).toBeUndefined();
      return;
    }
    // GIVEN upstream's input WHEN parsed THEN Go's answer
    if (c.out === null) expect(got).toBeUndefined();
    else expect(got?.text).toBe(c.out);
    counts.agreeing++;
  });
});

describe('golang/go src/net/ip_test.go parseCIDRTests (TestParseCIDR)', () => {
  test.each(PARSE_CIDR_TESTS.map(c => [c.in, c] as const))('%j', (_name, c) => {
    counts.ported++;
    if (c.net === null) {
      // GIVEN what Go refuses THEN not a CIDR block
      expect(parseCidr(c.in)).toBeUndefined();
      expect(cidrProblem(c.in)).toBe(NOT_A_CIDR);
      counts.agreeing++;
      return;
    }
    // the address part reads as Go's `ip`
    expect(parseIp(c.in.split('/')[0])?.text).toBe(c.ip);
    if (hostBitsSet(c)) {
      // stricter: refused, Go's network suggested
      expect(parseCidr(c.in)).toBeUndefined();
      expect(cidrProblem(c.in)).toBe(`must have its host bits zero (did you mean ${c.net}?)`);
      counts.stricter++;
      return;
    }
    expect(cidrProblem(c.in)).toBeUndefined();
    expect(parseCidr(c.in)?.text).toBe(c.net);
    counts.agreeing++;
  });
});

describe('golang/go src/net/netip/netip_test.go TestParseAddr validIPs, as net.ParseIP reads them', () => {
  test.each(PARSE_ADDR_VALID_IPS.map(c => [c.in, c] as const))('%j', (_name, c) => {
    counts.ported++;
    const got = parseIp(c.in);
    // net.ParseIP: netip.ParseAddr, and a zone makes it invalid (src/net/ip.go parseIP)
    if (c.wantErr !== undefined || c.zone !== undefined) expect(got).toBeUndefined();
    else expect(got?.text).toBe(netIpString(c.str ?? c.in));
    counts.agreeing++;
  });
});

describe('golang/go src/net/netip/netip_test.go TestParseAddr invalidIPs (asserted there for net.ParseIP too)', () => {
  test.each(PARSE_ADDR_INVALID_IPS.map(s => [s]))('%j', s => {
    counts.ported++;
    expect(parseIp(s)).toBeUndefined();
    counts.agreeing++;
  });
});

afterAll(() => {
  if (counts.ported < PARSE_IP_TESTS.length + PARSE_CIDR_TESTS.length + PARSE_ADDR_VALID_IPS.length + PARSE_ADDR_INVALID_IPS.length) return; // a filtered run
  // the tally: every ported case agrees, is stricter on purpose or differs for the reason listed
  expect(counts).toEqual({ ported: 101, agreeing: 97, stricter: 3, different: 1, notExpressible: 0 });
  // eslint-disable-next-line no-console
  console.log(`Go net IP conformance: ${JSON.stringify(counts)}`);
});
