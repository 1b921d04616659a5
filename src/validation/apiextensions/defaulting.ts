import { ProblemCollector } from '../problem';
import { evaluateRules } from './cel';
import { cloneJson, deepEqual, isPlainObject } from './json';
import { validateObjectMeta } from './objectmeta';
import { prune } from './pruning';
import { validateValue } from './value';

const RULE = 'apiextensions structuraldefaulting.ValidateDefaults';

/**
 * Applies defaults in place as the API server does when it reads an object (apiextensions-apiserver v0.34
 * `pkg/apiserver/schema/defaulting/algorithm.go` `Default`): an absent field with a default gets a copy of it
 * (and a null one too unless nullable), top-down, then its children are defaulted.
 */
export function applyDefaults(x: unknown, s: any): void {
  if (!isPlainObject(s)) return;
  if (isPlainObject(x)) {
    const props = isPlainObject(s.properties) ? s.properties : {};
    for (const [k, prop] of Object.entries<any>(props)) {
      if (!isPlainObject(prop) || prop.default === undefined) continue;
      if (!(k in x) || (x[k] === null && prop.nullable !== true)) x[k] = cloneJson(prop.default);
    }
    for (const [k, v] of Object.entries(x)) {
      if (props[k]) applyDefaults(v, props[k]);
      else if (isPlainObject(s.additionalProperties)) applyDefaults(v, s.additionalProperties);
    }
    if (isPlainObject(s.additionalProperties) && s.additionalProperties.default !== undefined) {
      for (const k of Object.keys(x)) if (x[k] === null && s.additionalProperties.nullable !== true) x[k] = cloneJson(s.additionalProperties.default);
    }
  } else if (Array.isArray(x) && isPlainObject(s.items)) {
    x.forEach((item, i) => {
      if (item === null && s.items.default !== undefined && s.items.nullable !== true) x[i] = cloneJson(s.items.default);
      applyDefaults(x[i], s.items);
    });
  }
}

/**
 * `ValidateDefaults`: every default must be pruned already (no unknown fields), valid metadata where it is an
 * embedded resource, valid against its node's schema, and must pass the node's CEL rules.
 */
export function validateDefaults(s: any, problems: ProblemCollector, isResourceRoot = true): void {
  walk(s, problems, isResourceRoot ? s : undefined, false);
}

function walk(s: any, problems: ProblemCollector, root: any, insideMeta: boolean): void {
  if (!isPlainObject(s)) return;
  const embedded = s['x-kubernetes-embedded-resource'] === true;
  if (s.default !== undefined && !insideMeta) {
    const at = problems.at('default');
    const value = s.default;
    const pruned = cloneJson(value);
    prune(pruned, s, embedded);
    const before = problems.problems.length;
    if (!deepEqual(pruned, value)) {
      at.error('', value, 'must not have unknown fields (the API server would prune them)', RULE);
    } else if (embedded) {
      validateObjectMeta(value, s, true, at);
    }
    if (problems.problems.length === before) {
      const own = { ...s };
      delete own.default;
      validateValue(own, value, at);
    }
    if (problems.problems.length === before) evaluateRules(s, value, embedded, at);
  }
  if (isPlainObject(s.items)) walk(s.items, problems.at('items'), root, insideMeta);
  if (isPlainObject(s.properties)) {
    for (const [k, v] of Object.entries(s.properties)) {
      const meta = insideMeta || ((embedded || s === root) && ['metadata', 'apiVersion', 'kind'].includes(k));
      walk(v, problems.at('properties', k), root, meta);
    }
  }
  if (isPlainObject(s.additionalProperties)) walk(s.additionalProperties, problems.at('additionalProperties'), root, insideMeta);
}
