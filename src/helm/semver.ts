/**
 * Strict Semantic Versioning 2.0.0 (https://semver.org): `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`, no `v`
 * prefix, no leading zeros in numeric identifiers: what Helm's Masterminds/semver `StrictNewVersion`
 * accepts. Parsed by the `semver` package (node-semver), whose strict grammar is the same except that it
 * also takes a `v` prefix and surrounding whitespace (refused here first) and refuses numbers above 2^53 and
 * versions over 256 characters (Masterminds takes numbers up to 2^64: stricter by design). Pinned by
 * Masterminds' own TestStrictNewVersion cases (test/conformance/helm/).
 */
/** The semver package, loaded on the first version checked. */
function semverPackage(): typeof import('semver') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('semver');
}

/** The regular expression semver.org publishes for SemVer 2.0.0 (numbered capture groups); for the hints. */
export const SEMVER_REGEX =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** What a SemVer error message says is allowed. */
export const SEMVER_ALLOWED = 'must be a SemVer 2.0.0 version MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] (e.g. "1.4.0", "2.0.0-rc.1"), without a "v" prefix or leading zeros';

/** Whether `version` is a strict SemVer 2.0.0 version. */
export function isSemver(version: unknown): version is string {
  return typeof version === 'string' && version.trim() === version && !/^[vV]/.test(version) && semverPackage().valid(version) !== null;
}

/**
 * Why `version` is not SemVer 2.0.0, as a message fragment starting with "must …", or undefined when it is.
 * Names the common mistakes (a `v` prefix, leading zeros, missing parts) before the general rule.
 */
export function semverProblem(version: unknown): string | undefined {
  if (isSemver(version)) return undefined;
  if (typeof version !== 'string') return SEMVER_ALLOWED;
  const hint = semverHint(version);
  return hint ? `${SEMVER_ALLOWED}; ${hint}` : SEMVER_ALLOWED;
}

function semverHint(version: string): string | undefined {
  if (/^[vV]/.test(version) && isSemver(version.slice(1))) return `drop the "${version[0]}" prefix: "${version.slice(1)}"`;
  if (version.trim() !== version) return 'it has surrounding whitespace';
  const [core, ...rest] = version.split(/[-+]/);
  const parts = core.split('.');
  if (parts.length !== 3 || parts.some(p => p === '')) return `the core "${core}" needs exactly three dot-separated numbers`;
  const bad = parts.find(p => !/^\d+$/.test(p));
  if (bad !== undefined) return `"${bad}" is not a number`;
  if (parts.some(p => Number(p) > Number.MAX_SAFE_INTEGER)) return `a number above ${Number.MAX_SAFE_INTEGER} is not supported`;
  if (version.length > 256) return 'it is longer than 256 characters';
  const zero = parts.find(p => /^0\d/.test(p));
  if (zero !== undefined) return `"${zero}" has a leading zero`;
  const pre = version.match(/^[^-+]*-([^+]*)/)?.[1];
  const preZero = pre?.split('.').find(id => /^0\d+$/.test(id));
  if (preZero !== undefined) return `the numeric pre-release identifier "${preZero}" has a leading zero`;
  if (rest.length > 0) return 'pre-release and build identifiers are non-empty, dot-separated [0-9A-Za-z-]';
  return undefined;
}
