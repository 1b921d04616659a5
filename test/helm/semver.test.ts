import { isSemver, semverProblem, SEMVER_ALLOWED } from '../../src/helm/semver';

describe('strict SemVer 2.0.0', () => {
  // valid and invalid examples from the semver.org regex test suite
  test.each([
    '0.0.4', '1.2.3', '10.20.30', '1.1.2-prerelease+meta', '1.1.2+meta', '1.1.2+meta-valid', '1.0.0-alpha',
    '1.0.0-beta', '1.0.0-alpha.beta', '1.0.0-alpha.beta.1', '1.0.0-alpha.1', '1.0.0-alpha0.valid', '1.0.0-alpha.0valid',
    '1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay', '1.0.0-rc.1+build.1', '2.0.0-rc.1+build.123',
    '1.2.3-beta', '10.2.3-DEV-SNAPSHOT', '1.2.3-SNAPSHOT-123', '2.0.0+build.1848', '2.0.1-alpha.1227',
    '1.0.0-alpha+beta', '1.2.3----RC-SNAPSHOT.12.9.1--.12+788', '1.2.3----R-S.12.9.1--.12+meta', '1.0.0+0.build.1-rc.10000aaa-kk-0.1',
    '1.0.0-0A.is.legal',
  ])('accepts %s', (v) => {
    expect(isSemver(v)).toBe(true);
    expect(semverProblem(v)).toBeUndefined();
  });

  test.each([
    '1', '1.2', '1.2.3-0123', '1.2.3-0123.0123', '1.1.2+.123', '+invalid', '-invalid', '-invalid+invalid', '-invalid.01',
    'alpha', 'alpha.beta', 'alpha.beta.1', 'alpha.1', 'alpha+beta', 'alpha_beta', 'alpha.', 'alpha..', 'beta', '1.0.0-alpha_beta',
    '-alpha.', '1.0.0-alpha..', '1.0.0-alpha..1', '1.0.0-alpha...1', '01.1.1', '1.01.1', '1.1.01', '1.2', '1.2.3.DEV',
    '1.2-SNAPSHOT', '1.2.31.2.3----RC-SNAPSHOT.12.09.1--..12+788', '1.2-RC-SNAPSHOT', '-1.0.3-gamma+b7718', '+justmeta',
    '9.8.7+meta+meta', '9.8.7-whatever+meta+meta', 'v1.2.3', ' 1.2.3', '', '1.2.3-',
    // in semver.org's valid list, but beyond Masterminds' uint64 (Helm refuses it too) and node-semver's 2^53
    '99999999999999999999999.999999999999999999.99999999999999999',
  ])('refuses %j', (v) => {
    expect(isSemver(v)).toBe(false);
    expect(semverProblem(v)).toMatch(new RegExp(`^${SEMVER_ALLOWED.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  test.each([
    ['v1.2.3', 'drop the "v" prefix: "1.2.3"'],
    ['V1.2.3', 'drop the "V" prefix: "1.2.3"'],
    [' 1.2.3', 'it has surrounding whitespace'],
    ['1.2', 'the core "1.2" needs exactly three dot-separated numbers'],
    ['1.2.x', '"x" is not a number'],
    ['1.01.1', '"01" has a leading zero'],
    ['1.2.3-rc.01', 'the numeric pre-release identifier "01" has a leading zero'],
    ['1.2.3-rc..1', 'pre-release and build identifiers are non-empty, dot-separated [0-9A-Za-z-]'],
  ])('names the mistake in %j', (v, hint) => {
    expect(semverProblem(v)).toBe(`${SEMVER_ALLOWED}; ${hint}`);
  });

  test('a non-string is refused with the general rule', () => {
    expect(semverProblem(1.2)).toBe(SEMVER_ALLOWED);
  });
});
