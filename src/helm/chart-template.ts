/**
 * Turns the objects of the subcharts into Helm templates: fields bound to values read `.Values`, objects bound
 * to a boolean exist only when it holds, the release namespace and (optionally) the release name replace
 * what the chart hard-codes, and guards carry into Helm the checks that JSON schema cannot express.
 */
import { ApiObject } from 'cdk8s';
import { bindableFieldsSummary, fieldRule } from './bindable-fields';
import { FieldPath, formatFieldPath, setAtPath, valueAtPath } from './field-path';
import { GUARD_HELPERS, guardsFor, NAME_LENGTH_GUARDS } from './guards';
import { HelmValue, HelmValueType } from './helm-value';
import { describeObject, identityKey } from './identity';
import { kindKey, objectReferences, podSelectorPaths, podTemplateMetadataPath } from './references';
import { goString, TemplateDocument, TemplateExpr, templateFile } from './template-expr';
import { describeValue } from '../common';

/** A value bound to a field of an object (the whole field, or the part between a prefix and a suffix). */
export interface ValueBinding {
  readonly value: HelmValue;
  readonly object: ApiObject;
  readonly path: FieldPath;
  readonly prefix?: string;
  readonly suffix?: string;
}

/** A boolean value deciding whether an object exists. */
export interface ExistenceBinding {
  readonly value: HelmValue;
  readonly object: ApiObject;
}

/** One subchart to template. */
export interface SubchartInput {
  readonly name: string;
  /** The namespace its cdk8s chart gives its objects. */
  readonly namespace?: string;
  /** Its objects (no CRDs), as rendered JSON, in output order. */
  readonly objects: readonly any[];
  /** The ApiObjects behind them, by identity key. */
  readonly apiObjects: ReadonlyMap<string, ApiObject>;
  readonly bindings: readonly ValueBinding[];
  readonly existence: readonly ExistenceBinding[];
}

/** How names and namespaces follow the release. */
export interface ReleaseOptions {
  /** Objects in their chart's namespace are written with `.Release.Namespace`, and so is every reference to it. */
  readonly namespace: boolean;
  /** Names are prefixed with the release name, and every reference to them rewritten. */
  readonly scopedNames: boolean;
}

/** A subchart's template and values. */
export interface SubchartTemplate {
  readonly name: string;
  readonly template: string;
  /** Template helpers the guards use, when any. */
  readonly helpers?: string;
  /** Default values (the values bound in this subchart), as a nested mapping. */
  readonly values: Record<string, unknown>;
  /** The JSON schema of those values (properties of an object schema). */
  readonly schema: Record<string, any>;
}

/** Problems found while templating, as messages without the construct path. */
export class TemplateProblems extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** The instance label added to pod templates and the selectors that select them, with scoped names. */
export const INSTANCE_LABEL = 'app.kubernetes.io/instance';
const RELEASE_NAME = '.Release.Name';
const RELEASE_NAMESPACE = '.Release.Namespace';

/**
 * Templates every subchart. Throws TemplateProblems listing every binding that cannot be honoured.
 */
export function templateSubcharts(subcharts: readonly SubchartInput[], release: ReleaseOptions,
  clusterScoped: ReadonlySet<string>): SubchartTemplate[] {
  const problems: string[] = [];
  const owned = new Set<string>();
  const podLabels: Record<string, string>[] = [];
  for (const sub of subcharts) {
    for (const o of sub.objects) {
      owned.add(identityKey(identity(o), clusterScoped));
      const meta = podTemplateMetadataPath(o);
      const labels = meta ? valueAtPath(o, [...meta, 'labels']) : undefined;
      if (labels && typeof labels === 'object') podLabels.push(labels as Record<string, string>);
    }
  }
  const allObjects = subcharts.flatMap(s => s.objects);
  const out = subcharts.map(sub => templateOne(sub));
  if (problems.length > 0) throw new TemplateProblems(problems);
  return out;

  function templateOne(sub: SubchartInput): SubchartTemplate {
    const objects = sub.objects.map(o => structuredClone(o));
    const byKey = new Map(objects.map((o, i) => [identityKey(identity(o), clusterScoped), i]));
    const values: Record<string, unknown> = {};
    const schema: Record<string, any> = {};
    const declared = new Map<string, HelmValue>();
    const fieldSchemas = new Map<HelmValue, Record<string, unknown>[]>();
    const bound = new Map<any, FieldPath[]>();
    const conditions = new Map<number, string>();

    const declare = (value: HelmValue, where: string): boolean => {
      const other = declared.get(value.key);
      if (other && other !== value) {
        problems.push(`${value} (${where}) has the key of another value of subchart "${sub.name}" (${describeValue(other._default)}); keys must be unique`);
        return false;
      }
      if (!other) {
        const clash = [...declared.keys()].find(k => k.startsWith(`${value.key}.`) || value.key.startsWith(`${k}.`));
        if (clash) {
          problems.push(`${value} (${where}) and HelmValue "${clash}" of subchart "${sub.name}" cannot both exist: one key is inside the other`);
          return false;
        }
        declared.set(value.key, value);
        fieldSchemas.set(value, []);
      }
      return true;
    };

    for (const b of sub.bindings) {
      const index = byKey.get(identityKey(identity(b.object.toJson()), clusterScoped));
      const where = `bound to ${describeObject(identity(b.object.toJson()))} at ${formatFieldPath(b.path)}`;
      if (index === undefined) {
        problems.push(`${b.value} is ${where}, which is not an object of subchart "${sub.name}"`);
        continue;
      }
      const obj = objects[index];
      const problem = bindingProblem(b, obj, bound.get(obj) ?? []);
      if (problem) {
        problems.push(`${b.value} (${describeValue(b.value._default)}) ${where}: ${problem}`);
        continue;
      }
      if (!declare(b.value, where)) continue;
      bound.set(obj, [...bound.get(obj) ?? [], b.path]);
      const rule = fieldRule(obj, b.path)!;
      const inString = b.prefix !== undefined || b.suffix !== undefined;
      const constraints = inString ? rule.part?.(b.prefix ?? '', b.suffix ?? '') : rule.schema;
      if (constraints && Object.keys(constraints).length > 0) fieldSchemas.get(b.value)!.push(constraints);
      setAtPath(obj, b.path, expression(b));
    }

    for (const e of sub.existence) {
      const json = e.object.toJson();
      const index = byKey.get(identityKey(identity(json), clusterScoped));
      const where = `deciding whether ${describeObject(identity(json))} exists`;
      if (index === undefined) {
        problems.push(`${e.value} (${where}) names an object that is not in subchart "${sub.name}"`);
        continue;
      }
      if (e.value.type !== HelmValueType.BOOLEAN) {
        problems.push(`${e.value} (${where}) must be a boolean value (HelmValue.booleanValue), not ${e.value.type}`);
        continue;
      }
      if (e.value._default !== true) {
        problems.push(`${e.value} (${describeValue(e.value._default)}) ${where} must default to true: the object is in the cdk8s output, which holds the defaults`);
        continue;
      }
      if (conditions.has(index)) {
        problems.push(`${e.value} (${where}): the object already exists only when ${conditions.get(index)} holds; bind one value`);
        continue;
      }
      const referrer = referrerOf(json, allObjects);
      if (referrer) {
        problems.push(`${e.value} (${where}) cannot make it conditional: ${referrer} names it, and would name nothing when it is left out`);
        continue;
      }
      if (!declare(e.value, where)) continue;
      conditions.set(index, e.value._operand);
    }

    for (const value of declared.values()) {
      setNested(values, value._path, structuredClone(value._default));
      setNested(schema, value._path, valueSchema(value, fieldSchemas.get(value)!), true);
    }

    const guards: string[] = [];
    let helpers = false;
    objects.forEach((obj, i) => {
      const apiObject = sub.apiObjects.get(identityKey(identity(sub.objects[i]), clusterScoped));
      const where = apiObject ? (apiObject.node.scope?.node.path ?? apiObject.node.path) : describeObject(identity(obj));
      const g = guardsFor(obj, sub.objects[i], where);
      if (g.helpers) helpers = true;
      guards.push(...g.guards);
      if (release.scopedNames) scopeNames(obj, sub.objects[i], sub.namespace);
      if (release.namespace && sub.namespace !== undefined) useReleaseNamespace(obj, sub.namespace);
      if (release.scopedNames) guards.push(...nameLengthGuards(obj, sub.objects[i]));
    });

    const documents: TemplateDocument[] = objects.map((object, i) => ({ object, condition: conditions.get(i) }));
    return {
      name: sub.name,
      template: templateFile(documents, guards),
      helpers: helpers ? guardHelpers() : undefined,
      values,
      schema,
    };
  }

  /** Rewrites names to `<release>-<name>` and every reference to an object of the umbrella. */
  function scopeNames(obj: any, original: any, chartNamespace: string | undefined): void {
    const ownNamespace = original?.metadata?.namespace;
    for (const ref of objectReferences(original)) {
      const ns = ref.namespace ?? ownNamespace;
      const key = identityKey({ apiVersion: ref.kind.startsWith('/') ? 'v1' : `${ref.kind.split('/')[0]}/v1`, kind: ref.kind.split('/')[1], namespace: ns, name: ref.name }, clusterScoped);
      if (!owned.has(key) || valueAtPath(obj, ref.path) !== valueAtPath(original, ref.path)) continue;
      if (ref.form === 'name') {
        setAtPath(obj, ref.path, TemplateExpr.string([{ operand: RELEASE_NAME }, `-${ref.name}`]));
      } else {
        const labels = String(valueAtPath(original, ref.path)).split('.');
        const releaseNs = labels.length > 1 && release.namespace && labels[1] === chartNamespace;
        const nsPart = releaseNs ? [{ operand: RELEASE_NAMESPACE }] : labels.length > 1 ? [labels[1]] : [];
        setAtPath(obj, ref.path, TemplateExpr.string([{ operand: RELEASE_NAME }, `-${labels[0]}`,
          ...(labels.length > 1 ? ['.', ...nsPart] : []), ...(labels.length > 2 ? [`.${labels.slice(2).join('.')}`] : [])]));
      }
    }
    if (typeof original?.metadata?.name === 'string') {
      obj.metadata.name = TemplateExpr.string([{ operand: RELEASE_NAME }, `-${original.metadata.name}`]);
    }
    const instance = TemplateExpr.string([{ operand: RELEASE_NAME }]);
    const meta = podTemplateMetadataPath(original);
    if (meta) {
      const labels = valueAtPath(obj, [...meta, 'labels']);
      if (labels && typeof labels === 'object') (labels as any)[INSTANCE_LABEL] = instance;
      else if (valueAtPath(obj, meta) && typeof valueAtPath(obj, meta) === 'object') setAtPath(obj, [...meta, 'labels'], { [INSTANCE_LABEL]: instance });
    }
    for (const path of podSelectorPaths(original)) {
      const selector = valueAtPath(original, path);
      if (!selector || typeof selector !== 'object' || Object.keys(selector).length === 0) continue;
      const selects = podLabels.some(labels => Object.entries(selector).every(([k, v]) => labels[k] === v));
      if (selects) (valueAtPath(obj, path) as any)[INSTANCE_LABEL] = instance;
    }
  }
}

/** Rewrites every field named `namespace` holding the chart's namespace, and `.<ns>.svc` in DNS names. */
function useReleaseNamespace(obj: any, namespace: string): void {
  const dns = new RegExp(`\\.${namespace.replace(/[.]/g, '\\.')}(?=\\.svc(?:\\.|$|:|/))`, 'g');
  const walk = (node: any) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => { node[i] = rewrite(v, undefined); });
    } else if (node !== null && typeof node === 'object' && !(node instanceof TemplateExpr)) {
      for (const k of Object.keys(node)) node[k] = rewrite(node[k], k);
    }
  };
  const rewrite = (v: any, key: string | undefined): any => {
    if (typeof v === 'string') {
      if (key === 'namespace' && v === namespace) return TemplateExpr.string([{ operand: RELEASE_NAMESPACE }]);
      if (dns.test(v)) {
        dns.lastIndex = 0;
        const parts: (string | { operand: string })[] = [];
        let last = 0;
        for (const m of v.matchAll(dns)) {
          parts.push(v.slice(last, m.index!), '.', { operand: RELEASE_NAMESPACE });
          last = m.index! + m[0].length;
        }
        parts.push(v.slice(last));
        return TemplateExpr.string(parts);
      }
      return v;
    }
    walk(v);
    return v;
  };
  walk(obj);
}

/** Guards that fail when `<release>-<name>` is too long for a Service name (a DNS label). */
function nameLengthGuards(obj: any, original: any): string[] {
  const limit = NAME_LENGTH_GUARDS[kindKey(original)];
  const name = original?.metadata?.name;
  if (limit === undefined || typeof name !== 'string' || obj === undefined) return [];
  return [`{{- if gt (len (print .Release.Name ${goString(`-${name}`)})) ${limit} }}{{- fail (printf ${goString(`${original.kind} name "%s-${name}" must be at most ${limit} characters: choose a shorter release name`)} .Release.Name) }}{{- end }}`];
}

function identity(o: any) {
  return { apiVersion: String(o?.apiVersion), kind: String(o?.kind), namespace: o?.metadata?.namespace, name: String(o?.metadata?.name) };
}

/** Why a binding cannot be honoured, or undefined. */
function bindingProblem(b: ValueBinding, obj: any, alreadyBound: readonly FieldPath[]): string | undefined {
  const current = valueAtPath(obj, b.path);
  if (current === undefined) return 'the object has no such field (bind a field the construct writes)';
  const text = formatFieldPath(b.path);
  if (alreadyBound.some(p => formatFieldPath(p) === text)) return 'the field is already bound to a value';
  if (alreadyBound.some(p => text.startsWith(formatFieldPath(p)) || formatFieldPath(p).startsWith(text))) {
    return 'a field inside or around it is already bound to a value';
  }
  const rule = fieldRule(obj, b.path);
  if (!rule) return `the field cannot be bound: cdk8s-patterns does not know every check the library and the API server make on it, so Helm could not refuse a bad override (bindable: ${bindableFieldsSummary()})`;
  if (rule.refused) return `the field cannot be bound: ${rule.refused}`;
  const inString = b.prefix !== undefined || b.suffix !== undefined;
  if (inString) {
    if (b.value.type !== HelmValueType.STRING) return `a value filling part of a string must be a string value, not ${b.value.type}`;
    if (!rule.types.includes(HelmValueType.STRING)) return 'the field is not a string';
    const expected = `${b.prefix ?? ''}${b.value._default}${b.suffix ?? ''}`;
    if (current !== expected) return `the object holds ${describeValue(current)}, not ${describeValue(expected)} (prefix, default and suffix): give the construct the value's default`;
  } else {
    if (!rule.types.includes(b.value.type)) return `the field takes ${rule.types.map(t => (/^[aeiou]/.test(t) ? 'an ' : 'a ') + t).join(' or ')} value, not ${b.value.type}`;
    if (JSON.stringify(sortKeys(current)) !== JSON.stringify(sortKeys(b.value._default))) {
      return `the object holds ${describeValue(current)}, not the default: give the construct the value's default`;
    }
  }
  return undefined;
}

function expression(b: ValueBinding): TemplateExpr | string {
  const operand = b.value._operand;
  if (b.prefix !== undefined || b.suffix !== undefined) return TemplateExpr.string([b.prefix ?? '', { operand }, b.suffix ?? '']);
  switch (b.value.type) {
    case HelmValueType.STRING: return TemplateExpr.string([{ operand }]);
    case HelmValueType.INTEGER: return TemplateExpr.integer(operand);
    case HelmValueType.OBJECT: return TemplateExpr.block(operand);
    default: return TemplateExpr.json(operand);
  }
}

/**
 * The schema of one value: its type and own constraints merged with each bound field's (the tighter bound
 * wins; other constraints that differ go into `allOf`).
 */
function valueSchema(value: HelmValue, fields: readonly Record<string, unknown>[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {
    ...(value.description ? { description: value.description } : {}), type: value.type, ...value._constraints,
  };
  const rest: Record<string, unknown>[] = [];
  const tighter: Record<string, (a: number, b: number) => number> = {
    minimum: Math.max, minLength: Math.max, maximum: Math.min, maxLength: Math.min,
  };
  for (const field of new Map(fields.map(f => [JSON.stringify(f), f])).values()) {
    const other: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(field)) {
      if (merged[k] === undefined) merged[k] = v;
      else if (tighter[k] && typeof v === 'number') merged[k] = tighter[k](merged[k] as number, v);
      else if (JSON.stringify(merged[k]) !== JSON.stringify(v)) other[k] = v;
    }
    if (Object.keys(other).length > 0) rest.push(other);
  }
  return rest.length > 0 ? { ...merged, allOf: rest } : merged;
}

/** Sets a value (or, with `schema`, a property schema) at a dotted path, creating object schemas on the way. */
function setNested(root: Record<string, any>, path: readonly string[], leaf: unknown, schema = false): void {
  let node = root;
  for (const segment of path.slice(0, -1)) {
    if (schema) {
      node[segment] ??= { type: 'object', additionalProperties: false, properties: {} };
      node = node[segment].properties;
    } else {
      node = node[segment] ??= {};
    }
  }
  node[path[path.length - 1]] = leaf;
}

/** An object of the umbrella that names `target`, described, or undefined. */
function referrerOf(target: any, objects: readonly any[]): string | undefined {
  const t = identity(target);
  for (const o of objects) {
    for (const ref of objectReferences(o)) {
      const ns = ref.namespace ?? o?.metadata?.namespace;
      if (ref.kind === kindKey(target) && ref.name === t.name && (ns === t.namespace || t.namespace === undefined)) {
        return `${describeObject(identity(o))} (${formatFieldPath(ref.path)})`;
      }
    }
  }
  return undefined;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map(k => [k, sortKeys((v as any)[k])]));
  return v;
}

/** The template helpers guards call (`templates/_cdk8s-patterns.tpl`). */
export function guardHelpers(): string {
  return GUARD_HELPERS;
}
