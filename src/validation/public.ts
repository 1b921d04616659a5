import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { identityOf, objectSetProblems, WrittenObject } from './app';
import { validateObject } from './index';
import { ProblemSeverity } from './problem';
import { describeValue } from '../common/errors';
import { checkArgs } from '../common/props';

export { ProblemSeverity } from './problem';

/**
 * One problem found in a manifest by `ManifestValidation`: which object (identity and where it comes from),
 * where in it, what is wrong, and the upstream rule.
 */
export interface ManifestProblem {
  /**
   * Where the object comes from: the construct path of an ApiObject, or `manifests[3]` for the fourth plain
   * manifest (the plugin uses `<file>#<index>`).
   */
  readonly source: string;

  /**
   * The object's apiVersion.
   * @default - the object has none
   */
  readonly apiVersion?: string;

  /**
   * The object's kind.
   * @default - the object has none
   */
  readonly kind?: string;

  /**
   * The object's namespace.
   * @default - none written (the namespace of the release or of `kubectl apply`)
   */
  readonly namespace?: string;

  /**
   * The object's name.
   * @default - the object has none
   */
  readonly name?: string;

  /** Where in the object, as a JSON path (`spec.template.spec.containers[0].ports[1].containerPort`); '' for the object. */
  readonly path: string;

  /**
   * The value found at `path`.
   * @default - the field is missing
   */
  readonly value?: any;

  /** What is wrong and what is allowed. */
  readonly message: string;

  /** The upstream rule it ports (`k8s validateContainerPorts`, `ssa x-kubernetes-list-map-keys`, `app duplicate object identity`). */
  readonly rule: string;

  /** Error (the API server, Helm or the cluster would refuse or break it) or warning. */
  readonly severity: ProblemSeverity;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function writtenOfJson(json: any, source: string): WrittenObject {
  return {
    apiVersion: str(json?.apiVersion) ?? '',
    kind: str(json?.kind) ?? '',
    name: str(json?.metadata?.name) ?? '',
    namespace: str(json?.metadata?.namespace),
    json,
    where: source,
  };
}

/** Each object on its own, then the objects together. */
function checkWritten(objects: WrittenObject[]): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const identity = (o: WrittenObject) => ({
    source: o.where,
    ...(o.apiVersion ? { apiVersion: o.apiVersion } : {}),
    ...(o.kind ? { kind: o.kind } : {}),
    ...(o.namespace ? { namespace: o.namespace } : {}),
    ...(o.name ? { name: o.name } : {}),
  });
  for (const o of objects) {
    for (const p of validateObject(o.json)) problems.push({ ...identity(o), ...p });
  }
  for (const p of objectSetProblems(objects)) {
    problems.push({
      ...identity(p.object),
      path: '',
      value: identityOf(p.object).text,
      message: p.message,
      rule: p.rule,
      severity: p.error ? ProblemSeverity.ERROR : ProblemSeverity.WARNING,
    });
  }
  return problems;
}

/**
 * Checks any Kubernetes objects with the library's validation layer: the API server's own rules (Kubernetes
 * v1.34: names, labels, annotations, Services, pod templates, Deployments, DaemonSets, ConfigMaps, PDBs, HPAs,
 * RBAC), the list-map keys server-side apply refuses to repeat, the Istio, CRD and Gateway API rules of the
 * layer, and the checks over the objects together (identities written twice, singletons, host ports).
 */
export class ManifestValidation {
  /**
   * Validates plain manifests (objects as written, e.g. parsed from YAML), each on its own and all together.
   * Objects of kinds the layer does not know are only part of the checks over the set.
   *
   * @param manifests the objects
   */
  public static validateManifests(manifests: any[]): ManifestProblem[] {
    const list = Array.isArray(manifests) ? manifests : [];
    return checkWritten(list.map((json, i) => writtenOfJson(json, `manifests[${i}]`)));
  }

  /**
   * Validates every ApiObject in the construct tree below `scope` (hand-written `ApiObject`s, cdk8s-plus and
   * other libraries' objects included), as rendered now, each on its own and all together. Rendering before
   * `app.synth()` is like synthesizing twice: call it after the App is complete.
   *
   * @param scope an App, a Chart or any construct
   */
  public static validateConstructs(scope: IConstruct): ManifestProblem[] {
    checkArgs('ManifestValidation', 'ManifestValidation.validateConstructs', arguments);
    const objects = scope.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
    return checkWritten(objects.map(o => writtenOfJson(o.toJson(), o.node.path)));
  }

  /**
   * One line for a problem, like the library's synth errors:
   * `[source] Kind name: 'path' (value) must … [rule]`.
   *
   * @param problem the problem
   */
  public static format(problem: ManifestProblem): string {
    checkArgs('ManifestValidation', 'ManifestValidation.format', arguments);
    const object = problem.kind ? `${problem.kind} ${problem.name ?? ''}: ` : '';
    const field = problem.path === '' ? '(object)' : problem.path;
    return `[${problem.source}] ${object}'${field}' (${describeValue(problem.value)}) ${problem.message} [${problem.rule}]`;
  }

  private constructor() {}
}

/**
 * Options of the cdk8s-cli validation plugin.
 */
export interface ManifestValidationPluginProps {
  /**
   * Fail the report on warnings too.
   * @default false
   */
  readonly failOnWarnings?: boolean;
}

/**
 * The validation layer as a cdk8s-cli validation plugin: `cdk8s synth` runs it over every manifest it wrote and
 * prints the CLI's report, per construct. In `cdk8s.yaml`:
 *
 * ```yaml
 * validations:
 *   - package: ./node_modules/cdk8s-patterns
 *     version: 0.0.0
 *     class: ManifestValidationPlugin
 * ```
 */
export class ManifestValidationPlugin {
  private readonly failOnWarnings: boolean;

  /**
   * @param props options (`properties:` in `cdk8s.yaml`)
   */
  constructor(props: ManifestValidationPluginProps = {}) {
    checkArgs('ManifestValidationPlugin', 'ManifestValidationPlugin.<init>', arguments);
    this.failOnWarnings = props?.failOnWarnings === true;
  }

  /**
   * Called by cdk8s-cli with its `ValidationContext`: validates the manifests and submits the report.
   *
   * @param context cdk8s-cli's `ValidationContext` (`manifests`, `parseManifest()`, `report`)
   */
  public async validate(context: any): Promise<void> {
    const objects: WrittenObject[] = [];
    const files = new Map<string, string>();
    for (const file of context.manifests as string[]) {
      (context.parseManifest(file) as any[]).forEach((json, i) => {
        if (json === null || json === undefined) return;
        const source = `${file}#${i}`;
        files.set(source, file);
        objects.push(writtenOfJson(json, source));
      });
    }
    const problems = checkWritten(objects);
    let failed = false;
    for (const p of problems) {
      if (p.severity === ProblemSeverity.ERROR || this.failOnWarnings) failed = true;
      context.report.addViolation({
        ruleName: `${p.severity === ProblemSeverity.ERROR ? 'error' : 'warning'}: ${p.rule}`,
        recommendation: `${p.kind ?? 'object'} ${p.name ?? ''}: '${p.path === '' ? '(object)' : p.path}' (${describeValue(p.value)}) ${p.message}`,
        fix: 'Change the prop or escape-hatch edit that writes this field, or the hand-written manifest.',
        violatingResources: [{ resourceName: p.name ?? '', locations: [p.path === '' ? '(object)' : p.path], manifestPath: files.get(p.source) ?? p.source }],
      });
    }
    context.report.submit(failed ? 'failure' : 'success', { rules: 'Kubernetes v1.34 API server, server-side apply, whole-App checks' });
  }
}
