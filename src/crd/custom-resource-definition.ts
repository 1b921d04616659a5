import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { addWarning, checkArgs, checkConstructArgs, propError, propMessage } from '../common';
import { Problem, ProblemCollector, ProblemSeverity, validateObject } from '../validation';
import { withoutNamespace } from './cluster-scoped';
import { copyJson, jsonDepth } from './json';
import { listKindOf, pluralOf, singularOf } from './names';
import { crdPropOf } from './prop-paths';
import { AccessGrant, GrantOptions } from './rbac';
import { Schema } from './schema';
import { CustomResourceScope } from './scope';
import { problemMessage } from '../validation/construct';

/**
 * The type of a printer column, which decides how kubectl formats it.
 */
export enum PrinterColumnType {
  /** Text. */
  STRING = 'string',
  /** An integer. */
  INTEGER = 'integer',
  /** A number. */
  NUMBER = 'number',
  /** true or false. */
  BOOLEAN = 'boolean',
  /** A date-time string, shown as an age (`5m`). */
  DATE = 'date',
}

/**
 * An extra column of `kubectl get` (`additionalPrinterColumns`).
 */
export interface PrinterColumn {
  /** The column header. */
  readonly name: string;

  /** How kubectl formats the value. */
  readonly type: PrinterColumnType;

  /**
   * Where the value is, relative to the object: `.spec.schedule`, `.status.phase`,
   * `.status.conditions[?(@.type=="Ready")].status`, `.metadata.creationTimestamp`. It must exist in the schema.
   */
  readonly jsonPath: string;

  /**
   * What the column shows.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * A format hint: `int32`, `int64`, `float`, `double`, `byte`, `date`, `date-time`, `password`.
   *
   * @default - none
   */
  readonly format?: string;

  /**
   * 0 shows the column in the standard view; higher numbers only with `kubectl get -o wide`.
   *
   * @default 0
   */
  readonly priority?: number;
}

/**
 * The scale subresource (`<plural>/scale`), which lets `kubectl scale` and HorizontalPodAutoscalers drive the resource.
 */
export interface ScaleSubresource {
  /** Path of the desired replica count under `.spec` (an integer in the schema), e.g. `.spec.replicas`. */
  readonly specReplicasPath: string;

  /** Path of the observed replica count under `.status` (an integer in the schema), e.g. `.status.replicas`. */
  readonly statusReplicasPath: string;

  /**
   * Path of the serialized label selector under `.spec` or `.status` (a string), which an HPA needs.
   *
   * @default - none
   */
  readonly labelSelectorPath?: string;
}

/**
 * One version of a custom resource.
 */
export interface CustomResourceVersion {
  /** The version name, e.g. `v1alpha1` (a DNS-1035 label). */
  readonly name: string;

  /** The structural OpenAPI v3 schema of the objects of this version. */
  readonly schema: Schema;

  /**
   * Whether the API serves this version.
   *
   * @default true
   */
  readonly served?: boolean;

  /**
   * Whether objects are stored in this version. Exactly one version is the storage version.
   *
   * @default - true when it is the only version, false otherwise
   */
  readonly storage?: boolean;

  /**
   * Whether the version is deprecated: clients using it get a warning.
   *
   * @default false
   */
  readonly deprecated?: boolean;

  /**
   * The warning clients get (only for deprecated versions, at most 256 characters).
   *
   * @default - the server's generic warning
   */
  readonly deprecationWarning?: string;

  /**
   * Enables the status subresource: `.status` is written only through `<plural>/status` (by the
   * controller), and `metadata.generation` only changes when the spec changes.
   *
   * @default false
   */
  readonly statusSubresource?: boolean;

  /**
   * Enables the scale subresource.
   *
   * @default - no scale subresource
   */
  readonly scale?: ScaleSubresource;

  /**
   * Extra `kubectl get` columns.
   *
   * @default - kubectl shows NAME and AGE
   */
  readonly printerColumns?: PrinterColumn[];
}

/**
 * Props of a CustomResourceDefinition.
 */
export interface CustomResourceDefinitionProps {
  /** The API group, a DNS subdomain with at least one dot, e.g. `cnat.programming-kubernetes.info`. */
  readonly group: string;

  /** The kind, in PascalCase and singular, e.g. `At`. */
  readonly kind: string;

  /**
   * The versions.
   */
  readonly versions: CustomResourceVersion[];

  /**
   * The resource name in URLs and RBAC rules, lowercase.
   *
   * @default - the English plural of the lowercased kind (`At` → `ats`, `Policy` → `policies`, `Ingress` → `ingresses`)
   */
  readonly plural?: string;

  /**
   * The singular name used by kubectl, lowercase.
   *
   * @default - the lowercased kind
   */
  readonly singular?: string;

  /**
   * The kind of a list of these objects.
   *
   * @default - `<kind>List`
   */
  readonly listKind?: string;

  /**
   * Short names for kubectl (`kubectl get at`), lowercase.
   *
   * @default - none
   */
  readonly shortNames?: string[];

  /**
   * Groups of resources this one belongs to (`kubectl get all` lists the `all` category).
   *
   * @default - none
   */
  readonly categories?: string[];

  /**
   * Namespaced or cluster-wide objects.
   *
   * @default CustomResourceScope.NAMESPACED
   */
  readonly scope?: CustomResourceScope;

  /**
   * Labels and annotations of the CRD object. Its name is always `<plural>.<group>`.
   *
   * @default - none
   */
  readonly metadata?: ApiObjectMetadata;
}

/**
 * How deeply a version's schema may nest, in JSON levels (a field adds two: `properties` and the field).
 * Far beyond real CRDs; deeper trees overflow the recursive resolvers and serializers on the way to YAML.
 */
const MAX_SCHEMA_JSON_DEPTH = 200;

/**
 * A CustomResourceDefinition (`apiextensions.k8s.io/v1`), defined in code with a checked structural schema.
 *
 * ```ts
 * const at = new CustomResourceDefinition(chart, 'at', {
 *   group: 'cnat.programming-kubernetes.info',
 *   kind: 'At',
 *   versions: [{ name: 'v1alpha1', schema, statusSubresource: true }],
 * });
 * at.grantWatch(serviceAccount);
 * ```
 *
 * Everything the API server would reject is refused when the construct is created, checked by the validation
 * layer's port of apiextensions-apiserver's `ValidateCustomResourceDefinition` (names, versions, structural
 * schemas, defaults, list types, CEL rules compiled and type-checked), each refusal naming the prop, the value
 * and the upstream rule; subresource and printer column paths missing from the schema are refused too.
 */
export class CustomResourceDefinition extends Construct {
  /** The CRD object. */
  public readonly apiObject: ApiObject;

  /** The CRD's name, `<plural>.<group>`. */
  public readonly name: string;

  /** The API group. */
  public readonly group: string;

  /** The kind. */
  public readonly kind: string;

  /** The plural resource name (URLs, RBAC). */
  public readonly plural: string;

  /** The singular resource name. */
  public readonly singular: string;

  /** The list kind. */
  public readonly listKind: string;

  /** Namespaced or cluster-wide. */
  public readonly scope: CustomResourceScope;

  /** The name of the storage version. */
  public readonly storageVersion: string;

  private readonly _versions: CustomResourceVersion[];
  /** Each version's schema JSON, by index in `versions` (names may repeat in refused props). */
  private readonly schemas: any[] = [];

  /**
   * Defines the construct; see the props for what it writes and checks.
   *
   * @param scope the construct this one is defined in (a Chart, or a construct in one)
   * @param id the id, unique among the children of `scope`; the construct path ends with it
   * @param props the settings (CustomResourceDefinitionProps)
   */
  constructor(scope: Construct, id: string, props: CustomResourceDefinitionProps) {
    super(checkConstructArgs('CustomResourceDefinition', scope, id, props), id);
    const errors: string[] = [];
    const fail = (prop: string, value: unknown, allowed: string) => errors.push(propMessage(prop, value, allowed));

    this.group = props.group;
    this.kind = props.kind;
    this.scope = props.scope ?? CustomResourceScope.NAMESPACED;
    const kind = typeof props.kind === 'string' ? props.kind : '';
    this.plural = props.plural ?? pluralOf(kind);
    this.singular = props.singular ?? singularOf(kind);
    this.listKind = props.listKind ?? listKindOf(kind);
    this.name = `${this.plural}.${this.group}`;
    this._versions = [...(props.versions ?? [])];

    if (props.metadata?.name !== undefined && props.metadata.name !== this.name) {
      fail('metadata.name', props.metadata.name, `must be "${this.name}" (<plural>.<group>) or unset`);
    }
    this.storageVersion = this.prepareVersions(fail);
    const spec = {
      group: this.group,
      names: {
        kind: this.kind,
        plural: this.plural,
        singular: this.singular,
        listKind: this.listKind,
        shortNames: props.shortNames,
        categories: props.categories,
      },
      scope: this.scope,
      versions: this._versions.map((v, i) => this.renderVersion(v, i)),
    };
    const metadata = { ...props.metadata, name: this.name };
    if (errors.length === 0) {
      const rendered = copyJson({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata, spec });
      for (const problem of validateObject(rendered)) {
        const message = problemMessage(problem, crdPropOf(problem.path));
        if (problem.severity === ProblemSeverity.ERROR) errors.push(message);
        else addWarning(this, message);
      }
    }
    if (errors.length > 0) throw new Error(errors.map(m => `[${this.node.path}] ${m}`).join('\n'));

    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata,
      spec,
    });
    withoutNamespace(this.apiObject);
  }

  /** The versions, in the order given. */
  public get versions(): CustomResourceVersion[] {
    return [...this._versions];
  }

  /**
   * The `apiVersion` of objects of a version: `<group>/<version>`.
   *
   * @param version the version name
   * @default - the storage version
   */
  public apiVersionOf(version?: string): string {
    checkArgs(this, 'CustomResourceDefinition.apiVersionOf', arguments);
    return `${this.group}/${version ?? this.storageVersion}`;
  }

  /**
   * Checks a manifest of this kind the way the API server would before storing it: the apiVersion served,
   * unknown fields pruned (reported), defaults applied, the schema with the server's formats and RE2 patterns,
   * metadata (also of embedded resources), list sets and maps, and the CEL rules that can run on create
   * (transition rules need the old object). Returns one message per error, each naming the field path, the
   * value and the upstream rule, e.g. `'spec.schedule' (42) must be of type string, found integer [...]`;
   * none when the manifest is valid. Unknown fields are errors here (use `CustomResource` for warnings).
   *
   * @param manifest the object, e.g. from `ApiObject.toJson()`
   */
  public validateInstance(manifest: any): string[] {
    return this.checkInstance(manifest, true)
      .filter(p => p.severity === ProblemSeverity.ERROR)
      .map(p => problemMessage(p));
  }

  /** @internal the Problems of a manifest of this kind (unknown fields are warnings unless `strictFields`). */
  public _checkInstance(manifest: any, strictFields: boolean): Problem[] {
    return this.checkInstance(manifest, strictFields);
  }

  private checkInstance(manifest: any, strictFields: boolean): Problem[] {
    const problems = ProblemCollector.root();
    // the apiextensions rules (and their CEL engine) load on the first instance checked, not with the library
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { validateCustomResource } = require('../validation/apiextensions') as typeof import('../validation/apiextensions');
    validateCustomResource(this.apiObject.toJson(), copyJson(manifest), problems, { strictFields });
    return [...problems.problems];
  }

  /**
   * Lets a subject get and list the custom resources (no watch: for one-off readers such as CLIs and jobs).
   *
   * @param subject the ServiceAccount, User or Group
   * @param options where the grant applies
   */
  public grantRead(subject: kplus.ISubject, options: GrantOptions = {}): AccessGrant {
    checkArgs(this, 'CustomResourceDefinition.grantRead', arguments);
    return this.grant(subject, options, [[this.plural, ['get', 'list']]]);
  }

  /**
   * Lets a subject get, list and watch the custom resources: what a client-go informer needs.
   *
   * @param subject the ServiceAccount, User or Group
   * @param options where the grant applies
   */
  public grantWatch(subject: kplus.ISubject, options: GrantOptions = {}): AccessGrant {
    checkArgs(this, 'CustomResourceDefinition.grantWatch', arguments);
    return this.grant(subject, options, [[this.plural, ['get', 'list', 'watch']]]);
  }

  /**
   * Lets a subject update and patch `<plural>/status`: what a controller needs to report status.
   * Refused when no version has the status subresource (there is no `<plural>/status` then).
   *
   * @param subject the ServiceAccount, User or Group
   * @param options where the grant applies
   */
  public grantStatusUpdate(subject: kplus.ISubject, options: GrantOptions = {}): AccessGrant {
    checkArgs(this, 'CustomResourceDefinition.grantStatusUpdate', arguments);
    if (!this.hasStatusSubresource) {
      throw propError(this, 'versions[].statusSubresource', false,
        `must be true for some version before granting status updates: without it there is no ${this.plural}/status and status is part of the object (use grantFullAccess)`);
    }
    return this.grant(subject, options, [[`${this.plural}/status`, ['update', 'patch']]]);
  }

  /**
   * Lets a subject do everything with the custom resources: all verbs on `<plural>`, and get, update
   * and patch on the status and scale subresources the CRD has.
   *
   * @param subject the ServiceAccount, User or Group
   * @param options where the grant applies
   */
  public grantFullAccess(subject: kplus.ISubject, options: GrantOptions = {}): AccessGrant {
    checkArgs(this, 'CustomResourceDefinition.grantFullAccess', arguments);
    const resources: Array<[string, string[]]> = [[this.plural, ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']]];
    if (this.hasStatusSubresource) resources.push([`${this.plural}/status`, ['get', 'update', 'patch']]);
    if (this._versions.some(v => v.scale)) resources.push([`${this.plural}/scale`, ['get', 'update', 'patch']]);
    return this.grant(subject, options, resources);
  }

  /** Whether some version has the status subresource. */
  public get hasStatusSubresource(): boolean {
    return this._versions.some(v => v.statusSubresource);
  }

  private grant(subject: kplus.ISubject, options: GrantOptions, resources: Array<[string, string[]]>): AccessGrant {
    if (options.namespace !== undefined && this.scope === CustomResourceScope.CLUSTER) {
      throw propError(this, 'namespace', options.namespace,
        `cannot be used: ${this.plural} are cluster-scoped, which a Role in a namespace cannot grant; omit it for a ClusterRole`);
    }
    const grant = AccessGrant.of(subject, options);
    for (const [resource, verbs] of resources) grant.allow(this.group, resource, verbs);
    return grant;
  }

  /** What only the construct can check (each version's schema is a Schema, not too deep); returns the storage version. */
  private prepareVersions(fail: (prop: string, value: unknown, allowed: string) => void): string {
    const versions = this._versions;
    versions.forEach((v, i) => {
      const at = `versions[${i}]`;
      if (!(v.schema instanceof Schema)) {
        fail(`${at}.schema`, v.schema, 'must be a Schema (Schema.object(...) or Schema.fromJson(...))');
        return;
      }
      const schema = v.schema.toJson();
      const depth = jsonDepth(schema);
      if (depth > MAX_SCHEMA_JSON_DEPTH) {
        fail(`${at}.schema`, `${depth} JSON levels`, `nests too deeply: at most ${MAX_SCHEMA_JSON_DEPTH} JSON levels (about ${MAX_SCHEMA_JSON_DEPTH / 2} nested fields)`);
        return;
      }
      this.schemas[i] = schema;
    });
    const storage = versions.filter(v => v.storage ?? versions.length === 1);
    return storage.length === 1 ? storage[0].name : '';
  }

  private renderVersion(v: CustomResourceVersion, index: number): any {
    const subresources = v.statusSubresource || v.scale ? {
      status: v.statusSubresource ? {} : undefined,
      scale: v.scale ? { ...v.scale } : undefined,
    } : undefined;
    return {
      name: v.name,
      served: v.served ?? true,
      storage: v.storage ?? this._versions.length === 1,
      deprecated: v.deprecated || undefined,
      deprecationWarning: v.deprecationWarning,
      schema: { openAPIV3Schema: this.schemas[index] },
      subresources,
      additionalPrinterColumns: v.printerColumns?.map(c => ({ ...c })),
    };
  }
}
