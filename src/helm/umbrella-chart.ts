import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { ChartApiVersion, ChartDependency, ChartMetadata, checkChartMetadata, checkChartName } from './chart-metadata';
import { ExistenceBinding, SubchartInput, templateSubcharts, TemplateProblems, ValueBinding } from './chart-template';
import { helmRemovesText, HELM_NO_VALUE } from './escape';
import { parseFieldPath } from './field-path';
import { HelmValue } from './helm-value';
import { clusterScopedKinds, describeObject, DuplicateObject, findDuplicateObjects, identityKey, LocatedObject } from './identity';
import { buildValues, nonJsonPart, subchartSchema, SubchartValues, ValuesConflict } from './values';
import { resolveVersions, VersioningStrategy } from './versioning';
import { renderUmbrellaFiles, SubchartContent, writeChartDirectory } from './writer';
import { manifestYaml } from './yaml';
import { addWarning, checkArgs, checkConstructArgs, propError, propMessage } from '../common';
import { duringSynth } from '../synth/render-once';

/**
 * Props of an UmbrellaChart: the parent chart's Chart.yaml, its versioning and where it is written.
 */
export interface UmbrellaChartProps extends ChartMetadata {
  /**
   * The chart name, which is also its directory name.
   * @default - the construct id
   */
  readonly name?: string;

  /**
   * The chart version, strict SemVer 2.0.0. Required with `VersioningStrategy.INDEPENDENT`; with
   * `LOCK_STEP` it may be omitted (it is `appVersion`).
   * @default - `appVersion` with lock-step versioning; required otherwise
   */
  readonly version?: string;

  /**
   * The version of the application the chart deploys (written quoted). Required and SemVer with lock-step
   * versioning; any single-line string otherwise.
   * @default - none with independent versioning
   */
  readonly appVersion?: string;

  /**
   * How the chart version follows the app version.
   * @default VersioningStrategy.INDEPENDENT
   */
  readonly versioning?: VersioningStrategy;

  /**
   * The chart API version of the umbrella and its subcharts.
   * @default ChartApiVersion.V2
   */
  readonly apiVersion?: ChartApiVersion;

  /**
   * The text of `templates/NOTES.txt`, shown after `helm install`. Literal text: every `{{` in it is escaped.
   * @default - names the subcharts and how to switch each off
   */
  readonly notes?: string;

  /**
   * Whether to write `values.schema.json`, which makes Helm refuse values the chart does not know (a
   * misspelt `--set backnd.enabled=false`) or of the wrong type.
   * @default true
   */
  readonly valuesSchema?: boolean;

  /**
   * Whether objects in their chart's namespace are written with the release's namespace
   * (`{{ .Release.Namespace }}`), and so is every reference to it (RBAC subjects, webhook and service
   * references, `<name>.<namespace>.svc` hosts), so that `helm install -n other` installs into `other`.
   * Without it the chart's namespaces are written as they are.
   * @default true
   */
  readonly releaseNamespace?: boolean;

  /**
   * Whether object names are scoped by the release name (`<release>-<name>`), with every reference to them
   * rewritten (HPA targets, RBAC role references and subjects, Service hosts of VirtualServices and
   * DestinationRules, Gateway API and Ingress backends, volumes and env sources) and the label
   * `app.kubernetes.io/instance: <release>` added to pod templates and to the selectors that select them
   * (workloads, Services, PodDisruptionBudgets, NetworkPolicies), so two releases in one namespace have
   * disjoint identities. CustomResourceDefinitions keep their names.
   * @default false
   */
  readonly releaseScopedNames?: boolean;

  /**
   * The directory `synth()` writes the chart directory (`<outdir>/<name>`) into.
   * @default - `helm` inside the app's outdir (`dist/helm`, or `$CDK8S_OUTDIR/helm` under `cdk8s synth`)
   */
  readonly outdir?: string;
}

/**
 * Options of `UmbrellaChart.addSubchart()`.
 */
export interface SubchartOptions {
  /**
   * The subchart's name: its directory under `charts/`, its key in the umbrella's values and its dependency name.
   * @default - the chart's construct id
   */
  readonly name?: string;

  /**
   * The dotted values path that switches the subchart on or off (Helm `condition`).
   * @default `<name>.enabled`
   */
  readonly condition?: string;

  /**
   * Whether the subchart is on by default (the default value of `condition`). Cannot be combined with
   * `tags`: Helm lets a set condition override tags, so a subchart with tags leaves its condition unset.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Helm tags: `--set tags.<tag>=false` switches off every subchart carrying only false tags; each tag
   * defaults to true in the umbrella's values. The condition, when set, still wins.
   * @default - none
   */
  readonly tags?: string[];

  /**
   * Extra keys under `<name>` in the umbrella's values.yaml (JSON data; `enabled` and `global` are the
   * umbrella's own) that no template reads: synth warns about them. Values that drive the chart are
   * `HelmValue`s bound with `bindValue()` / `bindExistence()`.
   * @default - none
   * @deprecated values that drive the chart are HelmValues bound with bindValue() and bindExistence()
   */
  readonly values?: Record<string, any>;

  /**
   * The subchart's version. With lock-step versioning it is its app version.
   * @default - the umbrella's version
   */
  readonly version?: string;

  /**
   * The subchart's app version.
   * @default - the umbrella's app version
   */
  readonly appVersion?: string;

  /**
   * The subchart's Chart.yaml description.
   * @default - none
   */
  readonly description?: string;
}

/**
 * A subchart of an UmbrellaChart, as `addSubchart()` resolved it.
 */
export interface Subchart {
  /** The cdk8s chart whose objects the subchart holds. */
  readonly chart: Chart;
  /** Its name (directory, values key, dependency name). */
  readonly name: string;
  /** Its Helm condition (a dotted values path). */
  readonly condition: string;
  /**
   * The condition's default value.
   * @default - unset: the tags decide
   */
  readonly enabled?: boolean;
  /** Its Helm tags. */
  readonly tags: string[];
  /** Its extra (unbound) values under `<name>`. */
  readonly values: Record<string, any>;
  /** Its chart version. */
  readonly version: string;
  /**
   * Its app version.
   * @default - none
   */
  readonly appVersion?: string;
  /**
   * Its Chart.yaml description.
   * @default - none
   */
  readonly description?: string;
}

/**
 * Options of `UmbrellaChart.bindValue()`.
 */
export interface BindValueOptions {
  /**
   * Literal text before the value in the field: the value fills the part of a string field between
   * `prefix` and `suffix` (an image `ghcr.io/example/shop:` + tag).
   * @default - the value is the whole field
   */
  readonly prefix?: string;

  /**
   * Literal text after the value in the field.
   * @default - none
   */
  readonly suffix?: string;
}

const UMBRELLA_SYMBOL = Symbol.for('cdk8s-patterns.UmbrellaChart');
const PATH_SEGMENT = /^[A-Za-z0-9_-]+$/;
const CRD_API_GROUP = 'apiextensions.k8s.io';

/**
 * A Helm umbrella chart made of cdk8s charts: each added chart becomes a subchart under `charts/<name>/`
 * holding exactly the objects `cdk8s synth` writes for it, switchable with `--set <name>.enabled=false`.
 *
 * cdk8s has no synthesis hook, so the chart directory is written by `synth()` (or
 * `UmbrellaChart.synthAll(app)`), called after `app.synth()`. Helm renders `templates/` as Go templates:
 * every `{{` in a manifest is escaped so it renders back unchanged.
 *
 * ```ts
 * const umbrella = new UmbrellaChart(app, 'shop', { appVersion: '1.4.0', versioning: VersioningStrategy.LOCK_STEP });
 * umbrella.addSubchart(backend);
 * umbrella.addSubchart(frontend, { tags: ['web'] });
 * app.synth();
 * umbrella.synth(); // dist/helm/shop/
 * ```
 */
export class UmbrellaChart extends Construct {
  /** Whether `x` is an UmbrellaChart. */
  public static isUmbrellaChart(x: any): x is UmbrellaChart {
    return x !== null && typeof x === 'object' && UMBRELLA_SYMBOL in x;
  }

  /**
   * Writes every UmbrellaChart of the app (call it after `app.synth()`); returns the chart directories.
   */
  public static synthAll(app: App): string[] {
    checkArgs('UmbrellaChart', 'UmbrellaChart.synthAll', arguments);
    return app.node.findAll().filter(UmbrellaChart.isUmbrellaChart).map(u => u.synth());
  }

  /** The chart name (and directory name). */
  public readonly name: string;
  /** The chart version. */
  public readonly version: string;
  /**
   * The app version.
   * @default - none
   */
  public readonly appVersion?: string;
  /** The versioning strategy. */
  public readonly versioning: VersioningStrategy;
  /** The chart API version. */
  public readonly apiVersion: ChartApiVersion;
  /** The directory `synth()` writes `<name>/` into. */
  public readonly outdir: string;

  private readonly props: UmbrellaChartProps;
  private readonly _subcharts: Subchart[] = [];
  private readonly _leftOut = new Set<IConstruct>();
  private readonly bindings: ValueBinding[] = [];
  private readonly existence: ExistenceBinding[] = [];

  /**
   * Defines the construct; see the props for what it writes and checks.
   *
   * @param scope the construct this one is defined in (a Chart, or a construct in one)
   * @param id the id, unique among the children of `scope`; the construct path ends with it
   * @param props the settings (UmbrellaChartProps)
   */
  constructor(scope: Construct, id: string, props: UmbrellaChartProps = {}) {
    super(checkConstructArgs('UmbrellaChart', scope, id, props), id);
    Object.defineProperty(this, UMBRELLA_SYMBOL, { value: true });
    this.props = props;
    this.name = props.name ?? id;
    checkChartName(this, 'name', this.name, props.name === undefined ? ' (it defaults to the construct id)' : '');
    this.versioning = props.versioning ?? VersioningStrategy.INDEPENDENT;
    this.apiVersion = props.apiVersion ?? ChartApiVersion.V2;
    const versions = resolveVersions(this, this.versioning, props.version, props.appVersion);
    this.version = versions.version;
    this.appVersion = versions.appVersion;
    checkChartMetadata(this, props);
    if (props.notes !== undefined && helmRemovesText(props.notes)) {
      throw propError(this, 'notes', props.notes, `must not contain "${HELM_NO_VALUE}", which Helm deletes from every rendered template`);
    }
    const root = this.node.root;
    this.outdir = props.outdir ?? path.join(root instanceof App ? root.outdir : 'dist', 'helm');

    this.node.addValidation({
      validate: () => {
        const problems = this.validateSubcharts();
        this.warnAboutOmissions();
        return problems;
      },
    });
    if (root instanceof App) writeOnAppSynth(root);
  }

  /** The subcharts, in the order they were added (the order of `dependencies`). */
  public get subcharts(): Subchart[] {
    return [...this._subcharts];
  }

  /**
   * Records that a chart of the app is deliberately not in any umbrella chart (cluster-wide objects applied
   * apart from the release, say), so synth does not warn that helm install would leave its objects out.
   *
   * @param chart a chart of the same app
   */
  public leaveOut(chart: Chart): void {
    checkArgs(this, 'UmbrellaChart.leaveOut', arguments);
    if (!Chart.isChart(chart)) throw propError(this, 'leaveOut.chart', chart, 'must be a cdk8s Chart');
    this._leftOut.add(chart);
  }

  /**
   * Adds a cdk8s chart of the same app as a subchart. Its objects are what cdk8s synthesizes for that chart
   * (a chart nested inside it is a chart of its own and must be added too).
   */
  public addSubchart(chart: Chart, options: SubchartOptions = {}): Subchart {
    checkArgs(this, 'UmbrellaChart.addSubchart', arguments);
    const name = options.name ?? chart?.node?.id;
    const prefix = `subcharts[${JSON.stringify(name)}].`;
    this.checkChart(chart, name, options);
    const { condition, tags } = this.checkSwitches(prefix, name, options);
    const values = this.checkValues(prefix, name, condition, options.values ?? {});
    if (options.description !== undefined && (typeof options.description !== 'string' || options.description.trim() === '')) {
      throw propError(this, `${prefix}description`, options.description, 'must be a non-empty string');
    }
    // lock-step: a subchart's chart version is its own app version, by default the umbrella's
    const lockStep = this.versioning === VersioningStrategy.LOCK_STEP;
    const versions = resolveVersions(this, this.versioning,
      lockStep ? options.version : options.version ?? this.version,
      lockStep ? options.appVersion ?? options.version ?? this.appVersion : options.appVersion ?? this.appVersion,
      prefix);

    const subchart: Subchart = {
      chart,
      name,
      condition,
      tags,
      values,
      enabled: tags.length > 0 ? undefined : options.enabled ?? true,
      version: versions.version,
      appVersion: versions.appVersion,
      description: options.description,
    };
    try {
      buildValues([...this._subcharts, subchart].map(valuesOf));
    } catch (e) {
      if (!(e instanceof ValuesConflict)) throw e;
      throw propError(this, `${prefix}${options.condition !== undefined ? 'condition' : 'values'}`,
        options.condition ?? values, `conflicts with the umbrella's values: ${e.message}`);
    }
    this._subcharts.push(subchart);
    return subchart;
  }

  /**
   * Binds a Helm value to a field of an object the app writes: `helm install --set <subchart>.<key>=…`
   * changes that field. The field must hold the value's default (give the construct `value.defaultString`,
   * `defaultNumber`, … ), and be one whose checks Helm can make: values.schema.json carries the field's
   * type and bounds, and template guards its checks across fields, each with the library's message. Fields
   * whose checks cannot be carried (canary weights that must sum to 100, labels matched by selectors,
   * names) are refused with the reason, at synth.
   *
   * @param value the value
   * @param object the ApiObject (or a construct whose default child is one, such as a cdk8s-plus Deployment)
   * @param field the field's path in the rendered object: `spec.minReplicas`,
   *   `spec.template.spec.containers[0].image`, `metadata.annotations["example.com/owner"]`
   */
  public bindValue(value: HelmValue, object: IConstruct, field: string, options: BindValueOptions = {}): void {
    checkArgs(this, 'UmbrellaChart.bindValue', arguments);
    const apiObject = this.apiObjectOf(object, 'object');
    const fieldPath = parseFieldPath(field);
    if (!(value instanceof HelmValue)) throw propError(this, 'value', value, 'must be a HelmValue (HelmValue.stringValue(), .integerValue(), .numberValue(), .booleanValue(), .objectValue())');
    if (!fieldPath) {
      throw propError(this, 'field', field, 'must be a field path such as "spec.template.spec.containers[0].image" or "metadata.annotations[\"example.com/owner\"]"');
    }
    for (const [prop, text] of [['prefix', options.prefix], ['suffix', options.suffix]] as const) {
      if (text !== undefined && typeof text !== 'string') throw propError(this, prop, text, 'must be a string');
    }
    // an empty prefix or suffix is none: the value fills the whole field
    this.bindings.push({ value, object: apiObject, path: fieldPath, prefix: options.prefix || undefined, suffix: options.suffix || undefined });
  }

  /**
   * Makes whether an object exists depend on a boolean Helm value (`--set <subchart>.<key>=false` leaves it
   * out). The value must default to true (the cdk8s output holds the object), and no other object of the
   * umbrella may name the object (it would name nothing without it).
   */
  public bindExistence(value: HelmValue, object: IConstruct): void {
    checkArgs(this, 'UmbrellaChart.bindExistence', arguments);
    const apiObject = this.apiObjectOf(object, 'object');
    if (!(value instanceof HelmValue)) throw propError(this, 'value', value, 'must be a HelmValue.booleanValue()');
    this.existence.push({ value, object: apiObject });
  }

  /**
   * The chart's files (relative path → content), without writing them. Synthesizes the subcharts' cdk8s charts.
   */
  public toFiles(): Record<string, string> {
    const files = renderUmbrellaFiles(this.content());
    const out: Record<string, string> = {};
    for (const [file, content] of files) out[file] = content;
    return out;
  }

  /**
   * Writes the chart directory `<outdir>/<name>/` (replacing an earlier one) and returns its path.
   * Call it after `app.synth()`: `cdk8s synth` deletes its output directory before it runs the app.
   */
  public synth(): string {
    const files = renderUmbrellaFiles(duringSynth(() => this.content()));
    const dir = path.join(this.outdir, this.name);
    try {
      writeChartDirectory(dir, files);
    } catch (e: any) {
      throw propError(this, 'outdir', this.outdir, `cannot hold the chart: ${e.message}`);
    }
    return dir;
  }

  private content() {
    const problems = this.validateSubcharts();
    if (problems.length > 0) throw new Error(`[${this.node.path}] ${problems.join(`\n[${this.node.path}] `)}`);

    const synthesized = this._subcharts.map(sub => ({ sub, objects: sub.chart.toJson() }));
    // the authoritative identity check, on the objects as synthesized (JSON patches included)
    const crds = synthesized.flatMap(s => s.objects.filter(isCrd));
    const located = synthesized.flatMap(({ sub, objects }) => objects.map(o => ({ subchart: sub.name, object: identityOfJson(o) })));
    const duplicates = findDuplicateObjects(located, clusterScopedKinds(crds));
    if (duplicates.length > 0) throw new Error(duplicateMessages(duplicates).map(m => `[${this.node.path}] ${m}`).join('\n'));

    const templates = this.templates(synthesized.map(s => ({ sub: s.sub, objects: s.objects.filter(o => !isCrd(o)) })), clusterScopedKinds(crds));
    const subcharts: SubchartContent[] = synthesized.map(({ sub, objects }, i) => {
      return {
        name: sub.name,
        version: sub.version,
        appVersion: sub.appVersion,
        description: sub.description,
        template: templates[i].template,
        helpers: templates[i].helpers,
        values: templates[i].values,
        schema: Object.keys(templates[i].schema).length > 0 ? subchartSchema(sub.values, templates[i].schema) : undefined,
        crds: objects.filter(isCrd).map(crd => ({ name: String(crd.metadata?.name), yaml: manifestYaml([crd]) })),
      };
    });
    const dependencies: ChartDependency[] = this._subcharts.map(s => ({ name: s.name, version: s.version, condition: s.condition, tags: s.tags }));
    let umbrellaValues;
    try {
      umbrellaValues = buildValues(this._subcharts.map((s, i) => ({ ...valuesOf(s), bound: templates[i].values, boundSchema: templates[i].schema })));
    } catch (e) {
      if (!(e instanceof ValuesConflict)) throw e;
      throw propError(this, 'subcharts', this._subcharts.map(s => s.name), `have values that collide with bound HelmValues: ${e.message}`);
    }
    const { values, schema } = umbrellaValues;
    return {
      chart: { ...this.props, apiVersion: this.apiVersion, name: this.name, version: this.version, appVersion: this.appVersion },
      dependencies,
      subcharts,
      values,
      schema: this.props.valuesSchema === false ? undefined : schema,
      notes: this.props.notes ?? this.defaultNotes(),
    };
  }

  /** Each subchart's template and values; throws the problems of bindings that cannot be honoured. */
  private templates(synthesized: readonly { sub: Subchart; objects: readonly any[] }[], clusterScoped: ReadonlySet<string>) {
    const inputs: SubchartInput[] = synthesized.map(({ sub, objects }) => {
      const apiObjects = new Map<string, ApiObject>();
      for (const c of sub.chart.node.findAll()) {
        if (ApiObject.isApiObject(c) && Chart.of(c) === sub.chart) {
          apiObjects.set(identityKey({ apiVersion: c.apiVersion, kind: c.kind, namespace: c.metadata.namespace, name: c.name }, clusterScoped), c);
        }
      }
      return {
        name: sub.name,
        namespace: sub.chart.namespace,
        objects,
        apiObjects,
        bindings: this.bindings.filter(b => Chart.of(b.object) === sub.chart),
        existence: this.existence.filter(e => Chart.of(e.object) === sub.chart),
      };
    });
    try {
      const release = { namespace: this.props.releaseNamespace ?? true, scopedNames: this.props.releaseScopedNames ?? false };
      return templateSubcharts(inputs, release, clusterScoped);
    } catch (e) {
      if (!(e instanceof TemplateProblems)) throw e;
      throw new Error(e.problems.map(m => `[${this.node.path}] ${m}`).join('\n'));
    }
  }

  /** The ApiObject behind `object`: itself, or the default child of a construct such as a cdk8s-plus resource. */
  private apiObjectOf(object: IConstruct, prop: string): ApiObject {
    const candidate = ApiObject.isApiObject(object) ? object : object?.node?.defaultChild ?? (object as any)?.apiObject;
    if (!ApiObject.isApiObject(candidate)) {
      throw propError(this, prop, object?.node?.path ?? object, 'must be an ApiObject, or a construct whose default child is one (a cdk8s-plus Deployment, a Service)');
    }
    if (App.of(candidate) !== App.of(this)) throw propError(this, prop, candidate.node.path, 'must belong to the same App as the umbrella chart');
    return candidate;
  }

  /** The chart belongs to this app, is not added yet, and its subchart name is valid and free. */
  private checkChart(chart: Chart, name: string, options: SubchartOptions): void {
    if (!Chart.isChart(chart) || App.of(chart) !== App.of(this)) {
      throw propError(this, 'chart', chart?.node?.path ?? chart, 'must be a cdk8s Chart of the same App as the umbrella chart');
    }
    const prop = `subcharts[${JSON.stringify(name)}].name`;
    checkChartName(this, prop, name, options.name === undefined ? ' (it defaults to the chart\'s id; pass \'name\')' : '');
    if (name === 'global' || name === 'tags') {
      throw propError(this, prop, name, 'must not be "global" or "tags", which are Helm\'s own top-level values');
    }
    const taken = this._subcharts.find(s => s.name === name);
    if (taken) {
      throw propError(this, prop, name, `is already the name of the subchart of chart ${taken.chart.node.path}; subchart names must be unique`);
    }
    const again = this._subcharts.find(s => s.chart === chart);
    if (again) throw propError(this, 'chart', chart.node.path, `is already the subchart "${again.name}"`);
  }

  /** The subchart's condition (a dotted values path) and tags, as Helm reads them. */
  private checkSwitches(prefix: string, name: string, options: SubchartOptions): { condition: string; tags: string[] } {
    const tags = [...options.tags ?? []];
    tags.forEach((t, i) => {
      if (typeof t !== 'string' || !PATH_SEGMENT.test(t)) throw propError(this, `${prefix}tags[${i}]`, t, 'must be letters, digits, "_" and "-"');
    });
    if (new Set(tags).size !== tags.length) throw propError(this, `${prefix}tags`, tags, 'must not repeat a tag');
    if (tags.length > 0 && options.enabled !== undefined) {
      throw propError(this, `${prefix}enabled`, options.enabled,
        'cannot be combined with tags: Helm lets a set condition override tags, so the tags would never apply');
    }
    const condition = options.condition ?? `${name}.enabled`;
    const segments = typeof condition === 'string' ? condition.split('.') : [];
    if (segments.length === 0 || segments.some(s => !PATH_SEGMENT.test(s))) {
      throw propError(this, `${prefix}condition`, condition, 'must be a dotted values path of letters, digits, "_" and "-" (e.g. "payments.enabled")');
    }
    if (segments[0] === 'global' || segments[0] === 'tags') {
      throw propError(this, `${prefix}condition`, condition, 'must not start with "global" or "tags", which are Helm\'s own top-level values');
    }
    return { condition, tags };
  }

  /** A copy of the subchart's default values, once they are JSON data that leaves Helm's keys alone. */
  private checkValues(prefix: string, name: string, condition: string, values: Record<string, any>): Record<string, any> {
    const bad = nonJsonPart(values, `${prefix}values`);
    if (bad) throw propError(this, bad.prop, bad.value, 'must be JSON data (strings, finite numbers, booleans, null, arrays and object literals)');
    if ('global' in values) {
      throw propError(this, `${prefix}values.global`, values.global, 'must not be set: Helm fills a subchart\'s "global" from the umbrella\'s global values');
    }
    if (condition === `${name}.enabled` && 'enabled' in values) {
      throw propError(this, `${prefix}values.enabled`, values.enabled, 'must not be set: it is the subchart\'s condition; use the \'enabled\' option');
    }
    return structuredClone(values);
  }

  /** Checks that need the whole app: run by `app.synth()` and before writing. */
  private validateSubcharts(): string[] {
    if (this._subcharts.length === 0) {
      return [propMessage('subcharts', [], 'must not be empty: add cdk8s charts with addSubchart()')];
    }
    const problems: string[] = [];
    const added = new Set<IConstruct>(this._subcharts.map(s => s.chart));
    const located: LocatedObject[] = [];
    const crds: unknown[] = [];
    for (const sub of this._subcharts) {
      for (const c of sub.chart.node.findAll()) {
        if (c !== sub.chart && Chart.isChart(c) && !added.has(c)) {
          problems.push(propMessage(`subcharts[${JSON.stringify(sub.name)}]`, sub.chart.node.path,
            `contains chart ${c.node.path}, which cdk8s synthesizes on its own: add it with addSubchart() too, or its objects are missing from the umbrella`));
        }
        if (ApiObject.isApiObject(c) && Chart.of(c) === sub.chart) {
          const object = { apiVersion: c.apiVersion, kind: c.kind, namespace: c.metadata.namespace, name: c.name };
          located.push({ subchart: sub.name, object, origin: c.node.path });
          if (c.kind === 'CustomResourceDefinition' && c.apiGroup === CRD_API_GROUP) crds.push(c.toJson());
        }
      }
    }
    const duplicates = findDuplicateObjects(located, clusterScopedKinds(crds));
    problems.push(...duplicateMessages(duplicates));
    if (this.props.releaseNamespace ?? true) {
      const namespaces = [...new Set(this._subcharts.map(s => s.chart.namespace).filter((n): n is string => n !== undefined))];
      if (namespaces.length > 1) {
        problems.push(propMessage('releaseNamespace', true, 'puts every chart\'s objects into the one namespace of the release, but the subcharts\' charts '
          + `have namespaces ${namespaces.map(n => JSON.stringify(n)).join(', ')}: give them one namespace, or set releaseNamespace: false to keep them as written`));
      }
    }
    for (const b of [...this.bindings, ...this.existence]) {
      if (!added.has(Chart.of(b.object))) {
        problems.push(propMessage('object', b.object.node.path,
          `(bound to ${b.value}) must be an object of a subchart: add chart ${Chart.of(b.object).node.path} with addSubchart()`));
      }
    }
    if (problems.length === 0 && duplicates.length === 0 && this.bindings.length + this.existence.length > 0) {
      // the bindings, on the objects as rendered so far (app.synth() validates before it renders the charts)
      const objects = this._subcharts.map(sub => ({
        sub,
        objects: sub.chart.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c) && Chart.of(c) === sub.chart)
          .map(o => o.toJson()).filter(o => !isCrd(o)),
      }));
      try {
        this.templates(objects, clusterScopedKinds(crds));
      } catch (e: any) {
        problems.push(...String(e.message).split('\n').map(m => m.replace(`[${this.node.path}] `, '')));
      }
    }
    return problems;
  }

  /** Unbound legacy values and charts of the app that no umbrella holds are reported, not silently dropped. */
  private warnAboutOmissions(): void {
    for (const sub of this._subcharts) {
      const keys = Object.keys(sub.values);
      if (keys.length > 0) {
        warnOnce(this, propMessage(`subcharts[${JSON.stringify(sub.name)}].values`, sub.values,
          `are written to values.yaml but no template reads them (${keys.join(', ')}): bind HelmValues with bindValue() or bindExistence() instead`));
      }
    }
    const app = App.of(this);
    const umbrellas = app.node.findAll().filter(UmbrellaChart.isUmbrellaChart);
    if (umbrellas[0] !== this) return; // one report per app
    const held = new Set<IConstruct>(umbrellas.flatMap(u => [...u._subcharts.map(s => s.chart), ...u._leftOut]));
    for (const chart of app.node.findAll().filter(Chart.isChart)) {
      if (!held.has(chart) && !(chart instanceof App)) {
        warnOnce(chart, `chart ${chart.node.path} is in no umbrella chart of the app (${umbrellas.map(u => u.node.path).join(', ')}): `
          + 'cdk8s writes its manifests, but helm install leaves its objects out; add it with addSubchart(), or leaveOut() if that is meant');
      }
    }
  }

  private defaultNotes(): string {
    const lines = this._subcharts.map(s => `  ${s.name}: condition ${s.condition}${s.tags.length ? `, tags ${s.tags.join(', ')}` : ''}`);
    return `${this.name} ${this.version} is an umbrella chart of ${this._subcharts.length} subchart(s), generated by cdk8s-patterns from cdk8s charts.\n`
      + `Switch a subchart off with --set <condition>=false (or --set tags.<tag>=false):\n${lines.join('\n')}\n`;
  }
}

const warned = new WeakMap<IConstruct, Set<string>>();

/** cdk8s validates the app again for every chart it renders: each warning is recorded once. */
function warnOnce(scope: IConstruct, message: string): void {
  const seen = warned.get(scope) ?? new Set<string>();
  warned.set(scope, seen);
  if (seen.has(message)) return;
  seen.add(message);
  addWarning(scope, message);
}

const WRITES_ON_SYNTH = Symbol.for('cdk8s-patterns.UmbrellaChart.writesOnSynth');

/**
 * cdk8s has no synthesis hook: the app's `synth()` is wrapped, once per app, so that every umbrella chart
 * of the app is written right after the manifests (a forgotten `UmbrellaChart.synthAll()` writes no stale
 * or missing chart). Calling `synth()`/`synthAll()` again rewrites the same bytes.
 */
function writeOnAppSynth(app: App): void {
  if ((app as any)[WRITES_ON_SYNTH]) return;
  const synth = app.synth;
  Object.defineProperty(app, WRITES_ON_SYNTH, { value: true });
  Object.defineProperty(app, 'synth', {
    configurable: true,
    writable: true,
    value: function (this: App) {
      duringSynth(() => {
        synth.call(this);
        UmbrellaChart.synthAll(this);
      });
    },
  });
}

function valuesOf(s: Subchart): SubchartValues {
  return { name: s.name, condition: s.condition, enabled: s.enabled, tags: s.tags, values: s.values };
}

function isCrd(o: any): boolean {
  return o?.kind === 'CustomResourceDefinition' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith(`${CRD_API_GROUP}/`);
}

function identityOfJson(o: any) {
  return { apiVersion: String(o?.apiVersion), kind: String(o?.kind), namespace: o?.metadata?.namespace, name: String(o?.metadata?.name) };
}

/** At most MAX_REPORTED messages, then how many more there are. */
const MAX_REPORTED = 20;

function duplicateMessages(duplicates: readonly DuplicateObject[]): string[] {
  const messages = duplicates.slice(0, MAX_REPORTED).map(duplicateMessage);
  if (duplicates.length > MAX_REPORTED) {
    messages.push(propMessage('subcharts', `${duplicates.length} repeated objects`, `hold ${duplicates.length - MAX_REPORTED} more repeated objects than listed here`));
  }
  return messages;
}

function duplicateMessage(d: DuplicateObject): string {
  const where = (l: LocatedObject) => `subchart "${l.subchart}"${l.origin ? ` (${l.origin})` : ''}`;
  return propMessage(`subcharts[${JSON.stringify(d.repeat.subchart)}]`, describeObject(d.repeat.object),
    `repeats an object of ${where(d.first)}${d.repeat.origin ? ` at ${d.repeat.origin}` : ' in the synthesized manifests'}: an object identity (API group, kind, namespace, name) may appear once in an umbrella chart`);
}
