/**
 * Chart versions against Helm's SemVer library: github.com/Masterminds/semver (v3), version_test.go at
 * commit e683c4bc93bf35ff810cb0eab188e8e8e9f72fda, tables TestStrictNewVersion and TestNewVersion.
 *
 * Our chart versions follow `StrictNewVersion` (semver.org). Helm itself validates Chart.yaml `version` with
 * the loose `NewVersion` (pkg/chart/v2/metadata.go `isValidSemver`), which also takes a `v` prefix and
 * missing parts; those cases are stricter by design (chart repositories, OCI tags and lock-step app versions
 * need the canonical form).
 */
import { isSemver } from '../../../src/helm/semver';

interface Case { readonly version: string; readonly err: boolean }

/** TestStrictNewVersion, every case, upstream's order. */
const STRICT_NEW_VERSION: Case[] = [
  { version: '1.2.3', err: false },
  { version: '1.2.3-alpha.01', err: true },
  { version: '1.2.3+test.01', err: false },
  { version: '1.2.3-alpha.-1', err: false },
  { version: 'v1.2.3', err: true },
  { version: '1.0', err: true },
  { version: 'v1.0', err: true },
  { version: '1', err: true },
  { version: 'v1', err: true },
  { version: '1.2.beta', err: true },
  { version: 'v1.2.beta', err: true },
  { version: 'foo', err: true },
  { version: '1.2-5', err: true },
  { version: 'v1.2-5', err: true },
  { version: '1.2-beta.5', err: true },
  { version: 'v1.2-beta.5', err: true },
  { version: '\n1.2', err: true },
  { version: '\nv1.2', err: true },
  { version: '1.2.0-x.Y.0+metadata', err: false },
  { version: 'v1.2.0-x.Y.0+metadata', err: true },
  { version: '1.2.0-x.Y.0+metadata-width-hypen', err: false },
  { version: 'v1.2.0-x.Y.0+metadata-width-hypen', err: true },
  { version: '1.2.3-rc1-with-hypen', err: false },
  { version: 'v1.2.3-rc1-with-hypen', err: true },
  { version: '1.2.3.4', err: true },
  { version: 'v1.2.3.4', err: true },
  { version: '1.2.2147483648', err: false },
  { version: '1.2147483648.3', err: false },
  { version: '2147483648.3.0', err: false },
  { version: '20221209-update-renovatejson-v4', err: true },
];

/** TestNewVersion (the loose parser Helm's Chart.yaml validation uses), every case. */
const NEW_VERSION: Case[] = [
  { version: '1.2.3', err: false },
  { version: '1.2.3-alpha.01', err: true },
  { version: '1.2.3+test.01', err: false },
  { version: '1.2.3-alpha.-1', err: false },
  { version: 'v1.2.3', err: false },
  { version: '1.0', err: false },
  { version: 'v1.0', err: false },
  { version: '1', err: false },
  { version: 'v1', err: false },
  { version: '1.2.beta', err: true },
  { version: 'v1.2.beta', err: true },
  { version: 'foo', err: true },
  { version: '1.2-5', err: false },
  { version: 'v1.2-5', err: false },
  { version: '1.2-beta.5', err: false },
  { version: 'v1.2-beta.5', err: false },
  { version: '\n1.2', err: true },
  { version: '\nv1.2', err: true },
  { version: '1.2.0-x.Y.0+metadata', err: false },
  { version: 'v1.2.0-x.Y.0+metadata', err: false },
  { version: '1.2.0-x.Y.0+metadata-width-hypen', err: false },
  { version: 'v1.2.0-x.Y.0+metadata-width-hypen', err: false },
  { version: '1.2.3-rc1-with-hypen', err: false },
  { version: 'v1.2.3-rc1-with-hypen', err: false },
  { version: '1.2.3.4', err: true },
  { version: 'v1.2.3.4', err: true },
  { version: '1.2.2147483648', err: false },
  { version: '1.2147483648.3', err: false },
  { version: '2147483648.3.0', err: false },
  { version: '12.3.4.1234', err: true },
  { version: '12.23.4.1234', err: true },
  { version: '12.3.34.1234', err: true },
  { version: '20221209-update-renovatejson-v4', err: false },
];

/**
 * Stricter by design: versions NewVersion takes that are not canonical SemVer 2.0.0 (a `v` prefix, missing
 * MINOR or PATCH, which NewVersion fills with 0).
 */
const STRICTER = new Set(['v1.2.3', '1.0', 'v1.0', '1', 'v1', '1.2-5', 'v1.2-5', '1.2-beta.5', 'v1.2-beta.5',
  'v1.2.0-x.Y.0+metadata', 'v1.2.0-x.Y.0+metadata-width-hypen', 'v1.2.3-rc1-with-hypen', '20221209-update-renovatejson-v4']);

describe.each([
  ['TestStrictNewVersion', STRICT_NEW_VERSION, new Set<string>()],
  ['TestNewVersion', NEW_VERSION, STRICTER],
])('Masterminds/semver %s', (_name, table, stricter) => {
  test.each(table.map(c => [JSON.stringify(c.version), c] as const))('%s', (_label, c) => {
    const expected = stricter.has(c.version) ? false : !c.err;
    expect(isSemver(c.version)).toBe(expected);
  });

  test('counts', () => {
    const agreeing = table.filter(c => isSemver(c.version) === !c.err).length;
    const stricterCount = table.filter(c => stricter.has(c.version) && !c.err && !isSemver(c.version)).length;
    // eslint-disable-next-line no-console
    console.log(`${_name}: ported ${table.length}, agreeing ${agreeing}, stricter by design ${stricterCount}, not expressible 0`);
    expect(agreeing + stricterCount).toBe(table.length);
  });
});
