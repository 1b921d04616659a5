import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { checkArgs, checkConstructArgs, describeValue, propError, propMessage } from '../common';
import { withoutNamespace } from './cluster-scoped';
import { jsonDepth } from './json';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain, isLabelValue, isQualifiedName, listKindOf, MAX_ANNOTATIONS_BYTES, pluralOf, singularOf } from './names';
import { AccessGrant, GrantOptions } from './rbac';
import { Schema } from './schema';
import { CustomResourceScope } from './scope';
import { checkStructuralSchema, resolveJsonPath } from './structural';
import { SchemaProblem, validateAgainst } from './validator';

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

const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;
/**
 * How deeply a version's schema may nest, in JSON levels (a field adds two: `properties` and the field).
 * Far beyond real CRDs; deeper trees overflow the recursive resolvers and serializers on the way to YAML.
 */
const MAX_SCHEMA_JSON_DEPTH = 200;
const PRINTER_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'date', 'date-time', 'password'];
const COLUMN_SCHEMA_TYPES: Record<string, string[]> = {
  integer: ['integer'],
  number: ['integer', 'number'],
  boolean: ['boolean'],
  date: ['string'],
};
const ALLOWED_ROOT_WITH_STATUS = ['description', 'type', 'format', 'title', 'maximum', 'exclusiveMaximum', 'minimum',
  'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'multipleOf', 'required', 'items',
  'properties', 'externalDocs', 'example', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-validations'];

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
 * Everything the API server would reject (names, versions, non-structural schemas, subresource and
 * printer column paths missing from the schema) is refused when the construct is created.
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
  private readonly schemas = new Map<string, any>();

  constructor(scope: Construct, id: string, props: CustomResourceDefinitionProps) {
    super(checkConstructArgs('CustomResourceDefinition', scope, id, props), id);
    const errors: Error[] = [];
    const fail = (prop: string, value: unknown, allowed: string) => errors.push(propError(this, prop, value, allowed));

    this.group = props.group;
    this.kind = props.kind;
    this.scope = props.scope ?? CustomResourceScope.NAMESPACED;
    this.plural = props.plural ?? pluralOf(props.kind ?? '');
    this.singular = props.singular ?? singularOf(props.kind ?? '');
    this.listKind = props.listKind ?? listKindOf(props.kind ?? '');
    this.name = `${this.plural}.${this.group}`;
    this._versions = [...(props.versions ?? [])];

    this.checkNames(props, fail);
    if (!Object.values(CustomResourceScope).includes(this.scope)) {
      fail('scope', this.scope, `must be one of ${Object.values(CustomResourceScope).map(describeValue).join(', ')}`);
    }
    const annotations = props.metadata?.annotations ?? {};
    if (/(^|\.)(k8s\.io|kubernetes\.io)$/.test(this.group ?? '') && !annotations['api-approved.kubernetes.io']) {
      fail('group', this.group, 'is a protected Kubernetes group: it needs the "api-approved.kubernetes.io" annotation (the URL of the approved API review) in metadata.annotations');
    }
    if (props.metadata?.name !== undefined && props.metadata.name !== this.name) {
      fail('metadata.name', props.metadata.name, `must be "${this.name}" (<plural>.<group>) or unset`);
    }
    this.storageVersion = this.checkVersions(fail);
    if (errors.length > 0) throw new Error(errors.map(e => e.message).join('\n'));

    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { ...props.metadata, name: this.name },
      spec: {
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
        versions: this._versions.map(v => this.renderVersion(v)),
      },
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
   * Checks a manifest of this kind against the schema of its version the way the API server would
   * before storing it (defaults applied, unknown fields refused, formats checked; CEL rules are not
   * evaluated). Returns one message per problem, each naming the field path, the value and the rule
   * broken, e.g. `'spec.schedule' (42) must be string (schema type)`; none when the manifest is valid.
   *
   * @param manifest the object, e.g. from `ApiObject.toJson()`
   */
  public validateInstance(manifest: any): string[] {
    const apiVersion: unknown = manifest?.apiVersion;
    const served = this._versions.filter(v => v.served ?? true).map(v => this.apiVersionOf(v.name));
    if (typeof apiVersion !== 'string' || !served.includes(apiVersion)) {
      return [propMessage('apiVersion', apiVersion, `must be a served version of ${this.name}: ${served.join(', ')}`)];
    }
    if (manifest.kind !== this.kind) return [propMessage('kind', manifest.kind, `must be "${this.kind}"`)];
    const version = this._versions.find(v => this.apiVersionOf(v.name) === apiVersion)!;
    const messages: string[] = [];
    if (version.statusSubresource && manifest.status !== undefined) {
      messages.push(propMessage('status', manifest.status, `is ignored by the API server: with the status subresource, status is written only through ${this.plural}/status (by the controller)`));
    }
    messages.push(...metadataProblems(manifest.metadata, this.scope));
    const problems = validateAgainst(this.schemas.get(version.name), manifest, true);
    return [...messages, ...problems.map(p => propMessage(p.path, p.value, p.message))];
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

  private checkNames(props: CustomResourceDefinitionProps, fail: (prop: string, value: unknown, allowed: string) => void): void {
    const dns1035 = 'a DNS-1035 label: lowercase letters, digits and "-", starting with a letter, at most 63 characters';
    if (!isDns1123Subdomain(props.group) || !props.group.includes('.')) {
      fail('group', props.group, 'must be a DNS subdomain with at least one dot: lowercase letters, digits, "-" and ".", e.g. "cnat.programming-kubernetes.info"');
    }
    if (typeof props.kind !== 'string' || !PASCAL_CASE.test(props.kind) || props.kind.length > 63) {
      fail('kind', props.kind, 'must be PascalCase: an uppercase letter, then letters and digits, at most 63 characters, e.g. "At"');
    }
    if (!isDns1035Label(this.plural)) fail('plural', this.plural, `must be lowercase, ${dns1035}, e.g. "ats"`);
    if (isDns1035Label(this.plural) && isDns1123Subdomain(this.group) && this.name.length > 253) {
      fail('group', this.group, `makes the CRD name "<plural>.<group>" ${this.name.length} characters long: at most 253 (a DNS subdomain)`);
    }
    if (!isDns1035Label(this.singular)) fail('singular', this.singular, `must be lowercase, ${dns1035}, e.g. "at"`);
    if (!PASCAL_CASE.test(this.listKind) || this.listKind.length > 63) {
      fail('listKind', this.listKind, 'must be PascalCase: an uppercase letter, then letters and digits, e.g. "AtList"');
    } else if (this.listKind === this.kind) {
      fail('listKind', this.listKind, 'must differ from kind');
    }
    for (const key of ['shortNames', 'categories'] as const) {
      (props[key] ?? []).forEach((name, i) => {
        if (!isDns1035Label(name)) fail(`${key}[${i}]`, name, `must be lowercase, ${dns1035}`);
        else if (props[key]!.indexOf(name) !== i) fail(`${key}[${i}]`, name, 'is listed twice');
      });
    }
  }

  /** Checks every version; returns the storage version's name. */
  private checkVersions(fail: (prop: string, value: unknown, allowed: string) => void): string {
    const versions = this._versions;
    if (versions.length === 0) {
      fail('versions', [], 'must list at least one version');
      return '';
    }
    versions.forEach((v, i) => {
      const at = `versions[${i}]`;
      if (!isDns1035Label(v.name)) {
        fail(`${at}.name`, v.name, 'must be a DNS-1035 label (lowercase letters and digits, starting with a letter), e.g. "v1alpha1"');
      }
      const first = versions.findIndex(o => o.name === v.name);
      if (first !== i) fail(`${at}.name`, v.name, `must be unique: versions[${first}] is already "${v.name}"`);
      if (v.deprecationWarning !== undefined) {
        if (!v.deprecated) {
          fail(`${at}.deprecationWarning`, v.deprecationWarning, 'can only be set when deprecated is true');
        } else if (v.deprecationWarning.length > 256 || /[\x00-\x1f\x7f]/.test(v.deprecationWarning)) {
          fail(`${at}.deprecationWarning`, v.deprecationWarning, 'must be at most 256 printable characters');
        }
      }
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
      const problems = checkStructuralSchema(schema, `${at}.schema`);
      if (problems.length === 0) problems.push(...this.checkSubresources(v, schema, at));
      for (const p of problems) fail(p.path, p.value, p.message);
      this.schemas.set(v.name, schema);
    });

    const storage = versions.filter(v => v.storage ?? versions.length === 1);
    if (storage.length !== 1) {
      const flags = versions.map(v => `${v.name}: ${v.storage ?? versions.length === 1}`).join(', ');
      fail('versions', versions.map(v => v.name),
        `must mark exactly one version as storage (storage: true), found ${storage.length} (${flags})`);
    }
    return storage[0]?.name ?? '';
  }

  /** The status and scale subresources and printer columns must point at fields the schema has. */
  private checkSubresources(v: CustomResourceVersion, schema: any, at: string): SchemaProblem[] {
    const problems: SchemaProblem[] = [];
    const add = (path: string, value: unknown, message: string) => problems.push({ path, value, message });
    const preserveAll = schema['x-kubernetes-preserve-unknown-fields'] === true;

    if (v.statusSubresource) {
      const extra = Object.keys(schema).filter(k => !ALLOWED_ROOT_WITH_STATUS.includes(k));
      if (extra.length > 0) {
        add(`${at}.schema.${extra[0]}`, schema[extra[0]], `is not allowed at the root with the status subresource; allowed: ${ALLOWED_ROOT_WITH_STATUS.join(', ')}`);
      }
      if (!schema.properties?.status && !preserveAll) {
        add(`${at}.schema.properties.status`, undefined, 'must be defined with the status subresource: the API server prunes every field the schema does not list, so the status the controller writes would be lost');
      }
    }
    if (v.scale) {
      const paths: Array<[keyof ScaleSubresource, string, string[], string]> = [
        ['specReplicasPath', '.spec.', ['integer'], 'must lead to an integer'],
        ['statusReplicasPath', '.status.', ['integer'], 'must lead to an integer'],
        ['labelSelectorPath', '', ['string'], 'must lead to a string (the serialized selector)'],
      ];
      for (const [key, prefix, types, what] of paths) {
        const path = v.scale[key];
        if (path === undefined && key === 'labelSelectorPath') continue;
        const prop = `${at}.scale.${key}`;
        const under = prefix ? [prefix] : ['.spec.', '.status.'];
        if (typeof path !== 'string' || !under.some(p => path.startsWith(p)) || path.includes('[')) {
          add(prop, path, `must be a dotted path (no array notation) under ${under.join(' or ')}`);
          continue;
        }
        problems.push(...this.checkPath(schema, prop, path, types, what));
      }
    }
    const names = new Set<string>();
    (v.printerColumns ?? []).forEach((c, i) => {
      const prop = `${at}.printerColumns[${i}]`;
      if (typeof c.name !== 'string' || c.name.trim() === '') add(`${prop}.name`, c.name, 'must be a non-empty header');
      else if (names.has(c.name)) add(`${prop}.name`, c.name, 'must be unique within the version');
      names.add(c.name);
      if (!Object.values(PrinterColumnType).includes(c.type)) {
        add(`${prop}.type`, c.type, `must be one of ${Object.values(PrinterColumnType).join(', ')}`);
      }
      if (c.format !== undefined && !PRINTER_FORMATS.includes(c.format)) add(`${prop}.format`, c.format, `must be one of ${PRINTER_FORMATS.join(', ')}`);
      if (c.priority !== undefined && !(Number.isInteger(c.priority) && c.priority >= 0)) add(`${prop}.priority`, c.priority, 'must be an integer >= 0');
      const types = COLUMN_SCHEMA_TYPES[c.type];
      problems.push(...this.checkPath(schema, `${prop}.jsonPath`, c.jsonPath ?? '', types, `${/^[aeiou]/.test(c.type) ? 'an' : 'a'} ${c.type} column must lead to ${types?.join(' or ')}`));
    });
    return problems;
  }

  private checkPath(schema: any, prop: string, path: string, types: string[] | undefined, expected: string): SchemaProblem[] {
    const found = resolveJsonPath(schema, path);
    if (found.error) return [{ path: prop, value: path, message: found.error }];
    const type = found.node['x-kubernetes-int-or-string'] ? 'int-or-string' : found.node.type;
    if (types && type !== undefined && !types.includes(type)) {
      return [{ path: prop, value: path, message: `leads to a ${type} in the schema; ${expected}` }];
    }
    return [];
  }

  private renderVersion(v: CustomResourceVersion): any {
    const subresources = v.statusSubresource || v.scale ? {
      status: v.statusSubresource ? {} : undefined,
      scale: v.scale ? { ...v.scale } : undefined,
    } : undefined;
    return {
      name: v.name,
      served: v.served ?? true,
      storage: v.name === this.storageVersion,
      deprecated: v.deprecated || undefined,
      deprecationWarning: v.deprecationWarning,
      schema: { openAPIV3Schema: this.schemas.get(v.name) },
      subresources,
      additionalPrinterColumns: v.printerColumns?.map(c => ({ ...c })),
    };
  }
}

/** What the API server checks in the metadata of every custom resource (ObjectMeta validation). */
function metadataProblems(metadata: any, scope: CustomResourceScope): string[] {
  const messages: string[] = [];
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    return [propMessage('metadata', metadata, 'must be an object')];
  }
  const { name, namespace, labels, annotations } = metadata;
  if (name !== undefined && !isDns1123Subdomain(name)) {
    messages.push(propMessage('metadata.name', name, 'must be a DNS subdomain: at most 253 lowercase letters, digits, "-" and ".", starting and ending with a letter or digit'));
  }
  if (namespace !== undefined && scope === CustomResourceScope.NAMESPACED && !isDns1123Label(namespace)) {
    messages.push(propMessage('metadata.namespace', namespace, 'must be a namespace name (a DNS-1123 label: lowercase letters, digits and "-")'));
  }
  const keyRule = 'must be a qualified name: an optional DNS-subdomain prefix and "/", then at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  for (const [field, map] of [['labels', labels], ['annotations', annotations]] as const) {
    if (map === undefined) continue;
    if (map === null || typeof map !== 'object' || Array.isArray(map)) {
      messages.push(propMessage(`metadata.${field}`, map, 'must be a map of strings'));
      continue;
    }
    for (const [k, v] of Object.entries(map)) {
      const at = `metadata.${field}[${JSON.stringify(k)}]`;
      if (!isQualifiedName(k)) messages.push(propMessage(at, k, `has a key that ${keyRule}`));
      if (typeof v !== 'string') {
        messages.push(propMessage(at, v, 'must be a string'));
      } else if (field === 'labels' && !isLabelValue(v)) {
        messages.push(propMessage(at, v, 'must be a label value: empty, or at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit'));
      }
    }
    if (field === 'annotations') {
      const size = Object.entries(map).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
      if (size > MAX_ANNOTATIONS_BYTES) messages.push(propMessage('metadata.annotations', `${size} bytes`, `must total at most ${MAX_ANNOTATIONS_BYTES} bytes`));
    }
  }
  return messages;
}
