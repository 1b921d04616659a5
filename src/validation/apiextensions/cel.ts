import { celEngine } from '../engines';
import { ProblemCollector } from '../problem';
import { registerKubernetesLibraries, RE2_MATCHES } from './cel-library';
import { isPlainObject } from './json';

/**
 * CEL rules of a structural schema (`x-kubernetes-validations`), as apiextensions-apiserver v0.34 compiles them
 * (`pkg/apiserver/schema/cel/compilation.go` `Compile`) and runs them (`pkg/apiserver/schema/cel/validation.go`):
 * `self` (and `oldSelf`) typed from the schema (k8s.io/apiserver `pkg/cel/common/schemas.go` `SchemaDeclType`),
 * the Kubernetes libraries declared, rules must type to bool and messageExpressions to string.
 */

/** What compiling one rule found. */
export interface CompiledRule {
  /** Why the rule does not compile (field `rule`). */
  readonly ruleError?: string;
  /** Why the messageExpression does not compile. */
  readonly messageExpressionError?: string;
  /** Whether the rule refers to `oldSelf` (a transition rule). */
  readonly usesOldSelf: boolean;
}

/** A schema node's CEL type and how to turn a JSON value into a CEL value of it. */
type Decl =
  | { k: 'dyn' | 'int' | 'double' | 'string' | 'bool' | 'bytes' | 'timestamp' | 'duration' }
  | { k: 'list'; items: Decl }
  | { k: 'map'; values: Decl }
  | { k: 'object'; ctor: new () => any; fields: Map<string, { name: string; decl: Decl }> };

interface RuleEnv {
  readonly env: any;
  readonly decl: Decl;
}

const envs = new Map<string, RuleEnv>();

const RESERVED = new Set(['true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function',
  'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while']);

/** apiserver cel `Escape`: how a property name is spelled in CEL (`x-y` → `x__dash__y`), or undefined when it cannot be. */
export function escapeProperty(name: string): string | undefined {
  if (name.length === 0 || /^[0-9]/.test(name)) return undefined;
  if (RESERVED.has(name)) return `__${name}__`;
  let ok = true;
  const escaped = name.replace(/__|[^A-Za-z0-9_]/g, s => {
    switch (s) {
      case '__': return '__underscores__';
      case '.': return '__dot__';
      case '-': return '__dash__';
      case '/': return '__slash__';
      default:
        ok = false;
        return '';
    }
  });
  return ok ? escaped : undefined;
}

/** `WithTypeAndObjectMeta`: apiVersion, kind, metadata.name and metadata.generateName are always there at a resource root. */
function withTypeAndObjectMeta(s: any): any {
  const str = { type: 'string' };
  return {
    ...s,
    properties: {
      ...(isPlainObject(s.properties) ? s.properties : {}),
      kind: str,
      apiVersion: str,
      metadata: { type: 'object', properties: { name: str, generateName: str } },
    },
  };
}

/** `SchemaDeclType`: the CEL type of a schema node, its object types registered in `env`. */
function declare(env: any, s: any, isResourceRoot: boolean, counter: { n: number }): { type: string; decl: Decl } {
  if (!isPlainObject(s)) return { type: 'dyn', decl: { k: 'dyn' } };
  if (s['x-kubernetes-int-or-string'] === true) return { type: 'dyn', decl: { k: 'dyn' } };
  const node = isResourceRoot ? withTypeAndObjectMeta(s) : s;
  switch (node.type) {
    case 'array': {
      if (!isPlainObject(node.items)) return { type: 'dyn', decl: { k: 'dyn' } };
      const item = declare(env, node.items, node.items['x-kubernetes-embedded-resource'] === true, counter);
      return { type: `list<${item.type}>`, decl: { k: 'list', items: item.decl } };
    }
    case 'object': {
      if (isPlainObject(node.additionalProperties)) {
        const v = declare(env, node.additionalProperties, node.additionalProperties['x-kubernetes-embedded-resource'] === true, counter);
        return { type: `map<string, ${v.type}>`, decl: { k: 'map', values: v.decl } };
      }
      const fields = new Map<string, { name: string; decl: Decl }>();
      const types: Record<string, string> = {};
      for (const [name, child] of Object.entries(isPlainObject(node.properties) ? node.properties : {})) {
        const escaped = escapeProperty(name);
        if (escaped === undefined) continue;
        const d = declare(env, child, (child as any)?.['x-kubernetes-embedded-resource'] === true, counter);
        if (d.decl.k === 'dyn' && !isPlainObject(child) || (d.decl.k === 'dyn' && (child as any)['x-kubernetes-int-or-string'] !== true && (child as any).type === undefined)) continue; // no type: no field (SchemaDeclType returns nil)
        fields.set(name, { name: escaped, decl: d.decl });
        types[escaped] = d.type;
        // cel-go accepts a reserved word as a field name after a dot too (`self.if`, `self.namespace`)
        if (escaped !== name && RESERVED.has(name)) types[name] = d.type;
      }
      const typeName = `object_${counter.n++}`;
      const ctor = class {};
      env.registerType(typeName, { ctor, fields: types });
      env.registerOperator(`${typeName} == ${typeName}`, (a: any, b: any) => celEqual(a, b));
      return { type: typeName, decl: { k: 'object', ctor, fields } };
    }
    case 'string':
      switch (node.format) {
        case 'byte': return { type: 'bytes', decl: { k: 'bytes' } };
        case 'duration': return { type: 'google.protobuf.Duration', decl: { k: 'duration' } };
        case 'date':
        case 'date-time': return { type: 'google.protobuf.Timestamp', decl: { k: 'timestamp' } };
        default: return { type: 'string', decl: { k: 'string' } };
      }
    case 'boolean': return { type: 'bool', decl: { k: 'bool' } };
    case 'number': return { type: 'double', decl: { k: 'double' } };
    case 'integer': return { type: 'int', decl: { k: 'int' } };
    default: return { type: 'dyn', decl: { k: 'dyn' } };
  }
}

/** The environment of the rules on one schema node: `self`, `oldSelf` (optional<T> with optionalOldSelf). */
function ruleEnv(s: any, isResourceRoot: boolean, optionalOldSelf: boolean): RuleEnv {
  const key = `${isResourceRoot}|${optionalOldSelf}|${JSON.stringify(s)}`;
  let found = envs.get(key);
  if (!found) {
    const engine = celEngine();
    const env = new engine.Environment({ enableOptionalTypes: true, homogeneousAggregateLiterals: true });
    registerKubernetesLibraries(env, engine);
    const { type, decl } = declare(env, s, isResourceRoot, { n: 0 });
    env.registerVariable('self', type);
    env.registerVariable('oldSelf', optionalOldSelf ? `optional<${type}>` : type);
    found = { env, decl };
    envs.set(key, found);
  }
  return found;
}

/** The identifiers of a CEL expression outside string literals, with what precedes and follows each. */
function identifiers(expr: string): Array<{ name: string; start: number; afterDot: boolean; call: boolean }> {
  const out: Array<{ name: string; start: number; afterDot: boolean; call: boolean }> = [];
  let i = 0;
  let last = '';
  while (i < expr.length) {
    const c = expr[i];
    const quote = /^(?:[rRbB]{0,2})("""|'''|"|')/.exec(expr.slice(i, i + 5));
    if (quote && (c === '"' || c === '\'' || /[rRbB]/.test(c) && !/[A-Za-z0-9_]/.test(expr[i - 1] ?? ''))) {
      const q = quote[1];
      const raw = /[rR]/.test(expr.slice(i, i + quote[0].length - q.length));
      let j = i + quote[0].length;
      while (j < expr.length && !expr.startsWith(q, j)) j += !raw && expr[j] === '\\' ? 2 : 1;
      i = j + q.length;
      last = '"';
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < expr.length && /[A-Za-z0-9_]/.test(expr[j])) j++;
      const rest = expr.slice(j).trimStart();
      out.push({ name: expr.slice(i, j), start: i, afterDot: last === '.', call: rest.startsWith('(') });
      last = 'x';
      i = j;
      continue;
    }
    if (!/\s/.test(c)) last = c;
    i++;
  }
  return out;
}

/** The expression run at synth: `.matches(` calls the RE2 implementation (the engine's own uses JavaScript RegExp). */
function withRe2Matches(expr: string): string {
  let out = expr;
  for (const id of identifiers(expr).reverse()) {
    if (id.name === 'matches' && id.afterDot && id.call) out = out.slice(0, id.start) + RE2_MATCHES + out.slice(id.start + id.name.length);
  }
  return out;
}

function usesOldSelf(expr: string): boolean {
  return identifiers(expr).some(id => id.name === 'oldSelf' && !id.afterDot);
}

function firstLine(e: any): string {
  return String(e?.message ?? e).split('\n')[0];
}

/** `compileRule`: type-checks each rule of a node and its messageExpression. */
export function compileRules(s: any, isResourceRoot: boolean): CompiledRule[] {
  const rules = s?.['x-kubernetes-validations'];
  if (!Array.isArray(rules)) return [];
  return rules.map((r: any) => {
    if (typeof r?.rule !== 'string' || r.rule.trim() === '') return { usesOldSelf: false };
    const { env } = ruleEnv(s, isResourceRoot, r.optionalOldSelf === true);
    const oldSelf = usesOldSelf(r.rule);
    const checked = env.check(r.rule);
    if (!checked.valid) return { ruleError: `compilation failed: ${firstLine(checked.error)}`, usesOldSelf: oldSelf };
    if (checked.type !== 'bool') return { ruleError: `cel expression must evaluate to a bool, not ${checked.type}`, usesOldSelf: oldSelf };
    if (typeof r.messageExpression === 'string' && r.messageExpression.trim() !== '') {
      const m = env.check(r.messageExpression);
      if (!m.valid) return { messageExpressionError: `messageExpression compilation failed: ${firstLine(m.error)}`, usesOldSelf: oldSelf };
      if (m.type !== 'string') return { messageExpressionError: `messageExpression must evaluate to a string, not ${m.type}`, usesOldSelf: oldSelf };
    }
    return { usesOldSelf: oldSelf };
  });
}

/** `ValidFieldPath`: a rule's fieldPath (`.spec.x`, `['a.b']`) must lead to a field of the node. */
export function fieldPathError(path: string, s: any): string | undefined {
  const re = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'((?:[^'\\]|\\.)*)'\s*\]/gy;
  let node = s;
  let pos = 0;
  if (path === '') return 'must not be empty';
  while (pos < path.length) {
    re.lastIndex = pos;
    const m = re.exec(path);
    if (!m) return `cannot be parsed at ${JSON.stringify(path.slice(pos))}: use .field or ['key'] steps`;
    pos = re.lastIndex;
    const key = m[1] ?? m[2].replace(/\\(.)/g, '$1');
    if (isPlainObject(node?.properties) && isPlainObject(node.properties[key])) node = node.properties[key];
    else if (isPlainObject(node?.additionalProperties)) node = node.additionalProperties;
    else return `does not exist in the schema: no field ${JSON.stringify(key)}`;
  }
  return undefined;
}

const EVAL_RULE = 'apiextensions cel Validator (x-kubernetes-validations)';

/**
 * Runs the rules of every node of `s` on `value` (a custom resource, or a default) as the API server does on
 * create: transition rules (those using `oldSelf`) cannot run without an old object and are skipped, except
 * those with `optionalOldSelf`, which run with `oldSelf` absent.
 */
export function evaluateRules(s: any, value: unknown, isResourceRoot: boolean, problems: ProblemCollector): void {
  if (!isPlainObject(s) || value === null || value === undefined) return;
  const rules = s['x-kubernetes-validations'];
  if (Array.isArray(rules)) {
    rules.forEach((r: any, i: number) => {
      if (typeof r?.rule !== 'string' || r.rule.trim() === '') return;
      const optional = r.optionalOldSelf === true;
      if (usesOldSelf(r.rule) && !optional) return;
      const { env, decl } = ruleEnv(s, isResourceRoot, optional);
      if (!env.check(r.rule).valid) return;
      const engine = celEngine();
      const self = toCel(decl, isResourceRoot ? resourceView(value) : value);
      const context = { self, oldSelf: optional ? engine.Optional.none() : self };
      const at = typeof r.fieldPath === 'string' && r.fieldPath !== '' ? problems.at(...fieldPathSegments(r.fieldPath)) : problems;
      const shown = typeof r.fieldPath === 'string' && r.fieldPath !== '' ? valueAtFieldPath(value, r.fieldPath) : value;
      let passed: unknown;
      try {
        passed = env.evaluate(withRe2Matches(r.rule), context);
      } catch (e: any) {
        at.error('', shown, `must satisfy the rule ${JSON.stringify(r.rule)}, which fails to evaluate: ${firstLine(e)}`, `${EVAL_RULE}[${i}]`);
        return;
      }
      if (passed === true) return;
      at.error('', shown, failureMessage(env, r, context), `${EVAL_RULE}[${i}]`);
    });
  }
  if (isPlainObject(value)) {
    const props = isPlainObject(s.properties) ? s.properties : {};
    for (const [k, v] of Object.entries(value)) {
      const child = props[k] ?? (isPlainObject(s.additionalProperties) ? s.additionalProperties : undefined);
      if (child) evaluateRules(child, v, child['x-kubernetes-embedded-resource'] === true, problems.at(k));
    }
  } else if (Array.isArray(value) && isPlainObject(s.items)) {
    value.forEach((v, i) => evaluateRules(s.items, v, s.items['x-kubernetes-embedded-resource'] === true, problems.at(i)));
  }
}

function failureMessage(env: any, r: any, context: any): string {
  if (typeof r.messageExpression === 'string' && r.messageExpression.trim() !== '') {
    try {
      const m = env.evaluate(withRe2Matches(r.messageExpression), context);
      if (typeof m === 'string' && m.trim() !== '' && !/[\r\n]/.test(m)) return `must satisfy the rule ${JSON.stringify(r.rule)}: ${m}`;
    } catch {
      // the server falls back to message (or the rule) when messageExpression fails
    }
  }
  if (typeof r.message === 'string' && r.message.trim() !== '') return `must satisfy the rule ${JSON.stringify(r.rule)}: ${r.message}`;
  return `must satisfy the rule ${JSON.stringify(r.rule)} (failed rule)`;
}

function fieldPathSegments(path: string): string[] {
  const out: string[] = [];
  const re = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'((?:[^'\\]|\\.)*)'\s*\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) out.push(m[1] ?? m[2].replace(/\\(.)/g, '$1'));
  return out;
}

function valueAtFieldPath(value: any, path: string): unknown {
  let v = value;
  for (const k of fieldPathSegments(path)) v = isPlainObject(v) ? v[k] : undefined;
  return v;
}

/** At a resource root, rules see apiVersion, kind and metadata.name/generateName only of metadata. */
function resourceView(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const meta = isPlainObject(value.metadata) ? value.metadata : undefined;
  const { metadata: _, ...rest } = value;
  const view: Record<string, unknown> = { ...rest };
  if (meta) {
    view.metadata = Object.fromEntries(Object.entries({ name: meta.name, generateName: meta.generateName }).filter(([, v]) => v !== undefined));
  }
  return view;
}

/** `UnstructuredToVal`: a JSON value as the CEL value of its declared type. */
function toCel(d: Decl, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (d.k) {
    case 'int': return typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : v;
    case 'double': return typeof v === 'number' ? v : v;
    case 'bytes': return typeof v === 'string' ? new Uint8Array(Buffer.from(v, 'base64')) : v;
    case 'timestamp': return typeof v === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v) : v;
    case 'duration': return typeof v === 'string' ? celDuration(v) : v;
    case 'list': return Array.isArray(v) ? v.map(x => toCel(d.items, x)) : v;
    case 'map': return isPlainObject(v) ? new Map(Object.entries(v).map(([k, x]) => [k, toCel(d.values, x)])) : v;
    case 'object': {
      if (!isPlainObject(v)) return v;
      const out = new d.ctor();
      for (const [k, x] of Object.entries(v)) {
        const f = d.fields.get(k);
        if (f) {
          out[f.name] = toCel(f.decl, x);
          if (f.name !== k && RESERVED.has(k)) out[k] = out[f.name];
        }
      }
      return out;
    }
    case 'dyn': return dyn(v);
    default: return v;
  }
}

function dyn(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(dyn);
  if (isPlainObject(v)) return new Map(Object.entries(v).map(([k, x]) => [k, dyn(x)]));
  return v;
}

function celDuration(s: string): unknown {
  const engine = celEngine();
  try {
    return engine.evaluate('duration(d)', { d: s });
  } catch {
    return s;
  }
}

function celEqual(a: any, b: any): boolean {
  const norm = (x: any): any => {
    if (typeof x === 'bigint') return `${x}n`;
    if (x instanceof Date) return x.toISOString();
    if (x instanceof Map) return Object.fromEntries([...x.entries()].sort(([p], [q]) => p < q ? -1 : 1).map(([k, y]) => [k, norm(y)]));
    if (Array.isArray(x)) return x.map(norm);
    if (x !== null && typeof x === 'object') return Object.fromEntries(Object.keys(x).sort().map(k => [k, norm(x[k])]));
    return x;
  };
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}
