import { IConstruct } from 'constructs';
import { semverProblem } from './semver';
import { propError } from '../common';

/**
 * How a chart's version relates to the version of the application it deploys.
 */
export enum VersioningStrategy {
  /**
   * One number for both: the chart version is the app version (`appVersion` is required and must be SemVer;
   * `version` may be omitted or must equal it). Every release of the app is a release of the chart.
   */
  LOCK_STEP = 'lock-step',

  /**
   * The chart version moves on its own (a packaging change bumps it without a new app release); `version` is
   * required, `appVersion` is free-form and optional.
   */
  INDEPENDENT = 'independent',
}

/** A chart's versions after applying a versioning strategy. */
export interface ResolvedVersions {
  readonly version: string;
  readonly appVersion?: string;
}

/**
 * Applies a versioning strategy to the given versions; throws a prop error naming `<prefix>version` or
 * `<prefix>appVersion` when they do not fit it.
 */
export function resolveVersions(scope: IConstruct, strategy: VersioningStrategy, version: string | undefined,
  appVersion: string | undefined, prefix = ''): ResolvedVersions {
  if (appVersion !== undefined) checkAppVersion(scope, `${prefix}appVersion`, appVersion);
  if (strategy === VersioningStrategy.LOCK_STEP) {
    if (appVersion === undefined) {
      throw propError(scope, `${prefix}appVersion`, appVersion, 'is required with lock-step versioning, which uses it as the chart version');
    }
    const problem = semverProblem(appVersion);
    if (problem) throw propError(scope, `${prefix}appVersion`, appVersion, `${problem} (lock-step versioning uses it as the chart version)`);
    if (version !== undefined && version !== appVersion) {
      throw propError(scope, `${prefix}version`, version, `must equal ${prefix}appVersion (${JSON.stringify(appVersion)}) with lock-step versioning, or be omitted`);
    }
    return { version: appVersion, appVersion };
  }
  if (version === undefined) {
    throw propError(scope, `${prefix}version`, version, 'is required with independent versioning (or choose VersioningStrategy.LOCK_STEP to use appVersion as the chart version)');
  }
  const problem = semverProblem(version);
  if (problem) throw propError(scope, `${prefix}version`, version, problem);
  return { version, appVersion };
}

function checkAppVersion(scope: IConstruct, prop: string, appVersion: unknown): void {
  if (typeof appVersion !== 'string' || appVersion.trim() === '' || /[\u0000-\u001f\u007f]/.test(appVersion)) {
    throw propError(scope, prop, appVersion, 'must be a non-empty single-line string');
  }
}
