import { IConstruct } from 'constructs';
import { isDns1123Label, propError } from '../common';

/**
 * The `apiVersion` of the charts an UmbrellaChart writes.
 */
export enum ChartApiVersion {
  /** Helm 3 and 4 charts: dependencies in Chart.yaml, `type: application`. */
  V2 = 'v2',

  /**
   * Legacy Helm 2 charts, still read by Helm 3 and 4: dependencies in `requirements.yaml`, no `type`
   * field (helm lint rejects it in a v1 chart).
   */
  V1 = 'v1',
}

/**
 * A chart maintainer (Chart.yaml `maintainers[]`).
 */
export interface ChartMaintainer {
  /** The maintainer's name. */
  readonly name: string;

  /**
   * The maintainer's email address.
   * @default - none
   */
  readonly email?: string;

  /**
   * A URL for the maintainer.
   * @default - none
   */
  readonly url?: string;
}

/**
 * The descriptive fields of a Chart.yaml. Names and versions are validated by the construct that writes it.
 */
export interface ChartMetadata {
  /**
   * A single-sentence description of the chart.
   * @default - none
   */
  readonly description?: string;

  /**
   * Keywords about the chart.
   * @default - none
   */
  readonly keywords?: string[];

  /**
   * The URL of the project's home page.
   * @default - none
   */
  readonly home?: string;

  /**
   * URLs of the project's source code.
   * @default - none
   */
  readonly sources?: string[];

  /**
   * The chart's maintainers.
   * @default - none
   */
  readonly maintainers?: ChartMaintainer[];

  /**
   * The URL of an SVG or PNG image used as the chart's icon.
   * @default - none (helm lint reports "icon is recommended" as information, not as a warning)
   */
  readonly icon?: string;

  /**
   * A SemVer range of compatible Kubernetes versions (e.g. `">=1.27.0-0"`); Helm refuses to install or
   * template the chart for a cluster outside it.
   * @default - any Kubernetes version
   */
  readonly kubeVersion?: string;

  /**
   * Whether the chart is deprecated.
   * @default false
   */
  readonly deprecated?: boolean;

  /**
   * Annotations (Chart.yaml `annotations`): the place for any extra key, since Chart.yaml allows no unknown
   * top-level keys.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
}

/** The top-level keys Helm defines for Chart.yaml, in the order Helm documents them. */
export const CHART_YAML_KEYS = ['apiVersion', 'name', 'version', 'kubeVersion', 'description', 'type', 'keywords', 'home',
  'sources', 'dependencies', 'maintainers', 'icon', 'appVersion', 'deprecated', 'annotations'] as const;

/** The allowed text for chart and subchart names. */
export const CHART_NAME_ALLOWED = 'must be a DNS-1123 label: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit';

/** Whether `name` can name a chart (and its directory). */
export function isChartName(name: unknown): name is string {
  return isDns1123Label(name);
}

/** Throws a prop error unless `name` is a valid chart name. */
export function checkChartName(scope: IConstruct, prop: string, name: unknown, hint = ''): void {
  if (!isChartName(name)) throw propError(scope, prop, name, `${CHART_NAME_ALLOWED}${hint}`);
}

/** Refuses metadata Helm would reject or misread; prop names are those of ChartMetadata. */
export function checkChartMetadata(scope: IConstruct, meta: ChartMetadata): void {
  if (meta.description !== undefined) checkText(scope, 'description', meta.description);
  (meta.keywords ?? []).forEach((k, i) => checkText(scope, `keywords[${i}]`, k));
  if (meta.home !== undefined) checkUrl(scope, 'home', meta.home);
  (meta.sources ?? []).forEach((s, i) => checkUrl(scope, `sources[${i}]`, s));
  if (meta.icon !== undefined) checkUrl(scope, 'icon', meta.icon);
  (meta.maintainers ?? []).forEach((m, i) => {
    checkText(scope, `maintainers[${i}].name`, m.name);
    if (m.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(m.email)) {
      throw propError(scope, `maintainers[${i}].email`, m.email, 'must be an email address (name@example.com)');
    }
    if (m.url !== undefined) checkUrl(scope, `maintainers[${i}].url`, m.url);
  });
  if (meta.kubeVersion !== undefined && !isVersionConstraint(meta.kubeVersion)) {
    throw propError(scope, 'kubeVersion', meta.kubeVersion,
      'must be a SemVer range Helm understands, e.g. ">=1.27.0-0", ">= 1.27 < 1.31", "1.27 - 1.30", "^1.28 || ~1.30"');
  }
  for (const [k, v] of Object.entries(meta.annotations ?? {})) {
    if (k.trim() === '') throw propError(scope, 'annotations', meta.annotations, 'must not have an empty key');
    if (typeof v !== 'string') throw propError(scope, `annotations[${JSON.stringify(k)}]`, v, 'must be a string (Helm reads Chart.yaml annotations as strings)');
  }
}

function checkText(scope: IConstruct, prop: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') throw propError(scope, prop, value, 'must be a non-empty string');
}

function checkUrl(scope: IConstruct, prop: string, value: unknown): void {
  let ok = false;
  if (typeof value === 'string' && !/\s/.test(value)) {
    try {
      ok = new URL(value).protocol.length > 1;
    } catch {
      ok = false;
    }
  }
  if (!ok) throw propError(scope, prop, value, 'must be an absolute URL (e.g. "https://example.com/shop")');
}

// Masterminds/semver constraints, as Helm parses kubeVersion
const PART = '(?:0|[1-9]\\d*|[xX*])';
const VERSION = `v?${PART}(?:\\.${PART}){0,2}(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?`;
const SINGLE = `(?:=|!=|>=|=>|<=|=<|>|<|~>|~|\\^)?\\s*${VERSION}`;
const TERM = `(?:${VERSION}\\s+-\\s+${VERSION}|${SINGLE})`;
const AND = `${TERM}(?:\\s*,\\s*${TERM}|\\s+${TERM})*`;
const CONSTRAINT = new RegExp(`^\\s*${AND}(?:\\s*\\|\\|\\s*${AND})*\\s*$`);

function isVersionConstraint(value: unknown): boolean {
  return typeof value === 'string' && CONSTRAINT.test(value);
}

/** A dependency as Chart.yaml (v2) or requirements.yaml (v1) lists it. */
export interface ChartDependency {
  readonly name: string;
  readonly version: string;
  readonly condition: string;
  readonly tags: readonly string[];
}

/** Everything one Chart.yaml holds. */
export interface ChartYamlFields extends ChartMetadata {
  readonly apiVersion: ChartApiVersion;
  readonly name: string;
  readonly version: string;
  readonly appVersion?: string;
  readonly dependencies?: readonly ChartDependency[];
}

/**
 * The Chart.yaml document, keys in Helm's documented order. A v1 chart has neither `type` nor
 * `dependencies` (those go to requirements.yaml).
 */
export function chartYamlObject(f: ChartYamlFields): Record<string, unknown> {
  const v2 = f.apiVersion === ChartApiVersion.V2;
  const fields: Record<string, unknown> = {
    apiVersion: f.apiVersion,
    name: f.name,
    version: f.version,
    kubeVersion: f.kubeVersion,
    description: f.description,
    type: v2 ? 'application' : undefined,
    keywords: f.keywords,
    home: f.home,
    sources: f.sources,
    dependencies: v2 && f.dependencies?.length ? dependencyList(f.dependencies) : undefined,
    maintainers: f.maintainers?.map(m => withoutUndefined({ name: m.name, email: m.email, url: m.url })),
    icon: f.icon,
    appVersion: f.appVersion,
    deprecated: f.deprecated || undefined,
    annotations: f.annotations && Object.keys(f.annotations).length > 0 ? f.annotations : undefined,
  };
  return withoutUndefined(fields);
}

/** The requirements.yaml document of a v1 chart. */
export function requirementsYamlObject(dependencies: readonly ChartDependency[]): Record<string, unknown> {
  return { dependencies: dependencyList(dependencies) };
}

/**
 * Exact name and version; no `repository`, because the subcharts are vendored under charts/ (Helm takes
 * them from there; `helm dependency build` is never needed).
 */
function dependencyList(dependencies: readonly ChartDependency[]): unknown[] {
  return dependencies.map(d => withoutUndefined({
    name: d.name,
    version: d.version,
    condition: d.condition,
    tags: d.tags.length > 0 ? d.tags : undefined,
  }));
}

function withoutUndefined(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) ? withoutUndefined(v as Record<string, unknown>) : v;
  }
  return out;
}
