/**
 * Conformance: the API server's IP / CIDR validation tables (kubernetes-validation.data.ts names the file and
 * commit) run through src/ipvs/ip-address.ts, whose texts become Service externalIPs and kube-proxy CIDRs.
 *
 * Compared with strict validation (`legacyStrictErr`: StrictIPCIDRValidation, what IsValidIP / IsValidCIDR
 * enforce for new fields and what legacy fields warn will "be considered invalid in a future Kubernetes
 * release"): accepted exactly when upstream accepts, and the text we write is upstream's canonical form.
 */
import { TEST_GET_WARNINGS_FOR_CIDR, TEST_GET_WARNINGS_FOR_IP, TEST_IS_VALID_CIDR, TEST_IS_VALID_IP, ValidationCase, WarningCase } from './kubernetes-validation.data';
import { cidrProblem, parseCidr, parseIp } from '../../../src/ipvs/ip-address';

/**
 * Different on purpose: an IPv4-mapped address is read as Go's net.IP reads it (the IPv4 address) and written as
 * the IPv4 form, the value GetWarningsForIP / GetWarningsForCIDR tell the user to "use"; so what reaches the
 * API server is valid even under strict validation.
 */
const DIFFERENT: Record<string, string> = {
  'ipv4-in-ipv6 value': '1.1.1.1',
  'ipv4-in-ipv6 with ipv6-sized prefix': '1.1.1.0/24',
};

/**
 * Stricter on purpose than the legacy fields (which only warn today): leading zeros and host bits set are refused
 * at synth, as strict validation refuses them.
 */
const STRICTER_THAN_WARNING = new Set(['IPv4 with leading zeros', 'leading zeros in prefix length', 'bits after prefix length', 'multiple problems']);

const canonicalIn = (message: string | undefined) => /must be in canonical form \("([^"]+)"\)/.exec(message ?? '')?.[1];

const counts = { ported: 0, agreeing: 0, stricter: 0, different: 0, notExpressible: 0 };

function runValidation(c: ValidationCase, parse: (text: string) => { text: string } | undefined): void {
  counts.ported++;
  const got = parse(c.in);
  if (DIFFERENT[c.name]) {
    expect(got?.text).toBe(DIFFERENT[c.name]);
    counts.different++;
    return;
  }
  if (c.legacyStrictErr) {
    expect(got).toBeUndefined();
  } else {
    // THEN accepted, written in the canonical form IsValidIP / IsValidCIDR ask for
    expect(got?.text).toBe(canonicalIn(c.err) ?? c.in);
  }
  counts.agreeing++;
}

describe('kubernetes apimachinery validation/ip_test.go TestIsValidIP', () => {
  test.each(TEST_IS_VALID_IP.map(c => [c.name, c] as const))('%s', (_name, c) => runValidation(c, parseIp));
});

describe('kubernetes apimachinery validation/ip_test.go TestIsValidCIDR', () => {
  test.each(TEST_IS_VALID_CIDR.map(c => [c.name, c] as const))('%s', (_name, c) => runValidation(c, parseCidr));
});

/** The value a warning tells the user to write instead (`use "X"`, `canonical format ("X")`, `should be "X" or`). */
const suggested = (warning: string) => /(?:use |format \(|should be )"([^"]+)"/.exec(warning)?.[1];

function runWarning(c: WarningCase, parse: (text: string) => { text: string } | undefined): void {
  counts.ported++;
  const got = parse(c.in);
  if (c.want.length === 0) {
    expect(got?.text).toBe(c.in);
    counts.agreeing++;
  } else if (STRICTER_THAN_WARNING.has(c.name)) {
    expect(got).toBeUndefined();
    counts.stricter++;
  } else {
    // THEN accepted and written as the warning says it should be
    expect(got?.text).toBe(suggested(c.want[c.want.length - 1]));
    counts.agreeing++;
  }
}

describe('kubernetes apimachinery validation/ip_test.go TestGetWarningsForIP', () => {
  test.each(TEST_GET_WARNINGS_FOR_IP.map(c => [c.name, c] as const))('%s', (_name, c) => runWarning(c, parseIp));
});

describe('kubernetes apimachinery validation/ip_test.go TestGetWarningsForCIDR', () => {
  test.each(TEST_GET_WARNINGS_FOR_CIDR.map(c => [c.name, c] as const))('%s', (_name, c) => runWarning(c, parseCidr));

  test('a block with host bits set is refused with the network the API server suggests first', () => {
    const ambiguous = TEST_GET_WARNINGS_FOR_CIDR.find(c => c.name === 'bits after prefix length')!;
    expect(cidrProblem(ambiguous.in)).toBe(`must have its host bits zero (did you mean ${suggested(ambiguous.want[0])}?)`);
  });
});

afterAll(() => {
  const total = TEST_IS_VALID_IP.length + TEST_IS_VALID_CIDR.length + TEST_GET_WARNINGS_FOR_IP.length + TEST_GET_WARNINGS_FOR_CIDR.length;
  if (counts.ported < total) return; // a filtered run
  expect(counts).toEqual({ ported: 58, agreeing: 51, stricter: 5, different: 2, notExpressible: 0 });
  // eslint-disable-next-line no-console
  console.log(`Kubernetes IP validation conformance: ${JSON.stringify(counts)}`);
});
