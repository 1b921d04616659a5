/**
 * Which HorizontalPodAutoscaler features a Kubernetes minor version has, and whether they are on by default.
 * Internal.
 *
 * Sources (kubernetes/kubernetes pkg/features/kube_features.go, the versioned feature-gate table, as stored in
 * the search index read on 2026-12-02):
 * - HPAConfigurableTolerance: 1.33 alpha (off), 1.35 beta (on). GA in 1.37 is taken from the project's design
 *   guide and issue 15: no stored upstream source has the 1.37 table.
 * - HPAScaleToZero: 1.16 alpha (off) up to 1.36 (the 1.36 table still lists only the alpha entry). Beta and on by
 *   default in 1.37 is, again, from the design guide and issue 15, not from a stored upstream source.
 * - The `ScaledToZero` condition (horizontal.go `getScaledToZeroConditionStatus`,
 *   `shouldComputeMetricsForZeroReplicas`): from 1.36, read from analyses of the 1.36 source that quote it;
 *   the stored index has no copy of that horizontal.go.
 * - HPAContainerMetrics (the ContainerResource metric source): 1.20 alpha (off), 1.27 beta (on), 1.30 GA.
 */

/** A Kubernetes minor version, e.g. `{ major: 1, minor: 33 }`. */
export interface KubeVersion {
  readonly major: number;
  readonly minor: number;
}

/** The version assumed when none is given: the newest release the feature table covers. */
export const DEFAULT_KUBERNETES_VERSION = '1.37';

/** The oldest version with `autoscaling/v2` (GA in 1.23). */
const OLDEST = { major: 1, minor: 23 };

/** `"1.33"`, `"v1.33"` or `"1.33.2"`; undefined when it is not one (or older than 1.23). */
export function parseKubernetesVersion(version: string): KubeVersion | undefined {
  const match = typeof version === 'string' ? /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(version) : null;
  if (!match) return undefined;
  const parsed = { major: Number(match[1]), minor: Number(match[2]) };
  return compare(parsed, OLDEST) < 0 ? undefined : parsed;
}

/** Why a version string is refused, or undefined when it is a version the library knows. */
export function kubernetesVersionProblem(version: string): string | undefined {
  return parseKubernetesVersion(version) === undefined
    ? 'must be a Kubernetes minor version such as "1.33" (1.23 or later: autoscaling/v2 is GA from 1.23)'
    : undefined;
}

export function compare(a: KubeVersion, b: KubeVersion): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

export function versionText(v: KubeVersion): string {
  return `${v.major}.${v.minor}`;
}

/** The HPA feature gates the library knows. */
export type HpaFeature = 'HPAConfigurableTolerance' | 'HPAScaleToZero' | 'HPAContainerMetrics';

/** A gate's stage in one version. */
export interface FeatureStage {
  /** Absent (the field does not exist), Alpha, Beta or GA. */
  readonly stage: 'Absent' | 'Alpha' | 'Beta' | 'GA';
  /** On unless the cluster turns it off (Beta, GA) or only when turned on (Alpha). */
  readonly onByDefault: boolean;
}

const STAGES: Record<HpaFeature, Array<{ since: KubeVersion; stage: FeatureStage['stage']; on: boolean }>> = {
  HPAConfigurableTolerance: [
    { since: { major: 1, minor: 33 }, stage: 'Alpha', on: false },
    { since: { major: 1, minor: 35 }, stage: 'Beta', on: true },
    { since: { major: 1, minor: 37 }, stage: 'GA', on: true },
  ],
  HPAScaleToZero: [
    { since: { major: 1, minor: 16 }, stage: 'Alpha', on: false },
    { since: { major: 1, minor: 37 }, stage: 'Beta', on: true },
  ],
  HPAContainerMetrics: [
    { since: { major: 1, minor: 20 }, stage: 'Alpha', on: false },
    { since: { major: 1, minor: 27 }, stage: 'Beta', on: true },
    { since: { major: 1, minor: 30 }, stage: 'GA', on: true },
  ],
};

/** The stage of `feature` in `version`. */
export function featureStage(feature: HpaFeature, version: KubeVersion): FeatureStage {
  let result: FeatureStage = { stage: 'Absent', onByDefault: false };
  for (const entry of STAGES[feature]) {
    if (compare(version, entry.since) >= 0) result = { stage: entry.stage, onByDefault: entry.on };
  }
  return result;
}

/** Whether `feature` is on in `version`, with the cluster's gate overrides (an Absent feature never is). */
export function featureEnabled(feature: HpaFeature, version: KubeVersion, gates?: Record<string, boolean>): boolean {
  const stage = featureStage(feature, version);
  if (stage.stage === 'Absent') return false;
  if (stage.stage === 'GA') return true;
  return gates?.[feature] ?? stage.onByDefault;
}

/** Whether the controller keeps the `ScaledToZero` condition (1.36 and later). */
export function hasScaledToZeroCondition(version: KubeVersion): boolean {
  return compare(version, { major: 1, minor: 36 }) >= 0;
}

/** A short phrase: "alpha and off by default in 1.33". */
export function describeStage(feature: HpaFeature, version: KubeVersion): string {
  const s = featureStage(feature, version);
  const v = versionText(version);
  if (s.stage === 'Absent') return `not in Kubernetes ${v}`;
  return `${s.stage.toLowerCase()} and ${s.onByDefault ? 'on' : 'off'} by default in Kubernetes ${v}`;
}

/** The first version where `feature` is on by default. */
export function onByDefaultSince(feature: HpaFeature): string {
  return versionText(STAGES[feature].find(e => e.on)!.since);
}
