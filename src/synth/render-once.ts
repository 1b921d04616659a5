import { ApiObject, App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { withFastYaml } from './cdk8s-yaml';

/**
 * One render per object per synth.
 *
 * cdk8s renders an object (`toJson()`: resolve every token, apply the JSON patches) when it writes it, and
 * validates the whole App once per synth plus once per chart it writes; the validation layer needs the same
 * rendered objects. Inside a synth (`App.synth()`, `App.synthYaml()`, `Chart.toJson()` and the umbrella chart's
 * writer) nothing but cdk8s and the validators runs, so the first render of an object is kept and every later
 * `toJson()` of that synth (the validators', the cross-object checks', the writer's) returns it: the object that
 * was validated is the object that is written, rendered once. cdk8s-plus pod specs change on every render (spread
 * anti-affinity terms repeat), so this is also what makes the written object the validated one. Outside a synth,
 * `toJson()` renders as before.
 */

let depth = 0;
/** Counts outermost synths, so a result can tell which synth it belongs to. */
let generation = 0;
let memo = new WeakMap<ApiObject, any>();
/** The original `toJson` of each memoized object. */
const renders = new WeakMap<ApiObject, () => any>();
const SYNTH_SCOPE = Symbol.for('cdk8s-patterns.renderOncePerSynth');

/**
 * Runs `work` as (part of) one synth: renders of memoized objects are kept until the outermost synth ends, and
 * cdk8s prints its YAML through the library's faster printer (`withFastYaml`).
 */
export function duringSynth<T>(work: () => T): T {
  if (depth > 0) return work();
  generation++;
  memo = new WeakMap();
  depth++;
  try {
    return withFastYaml(work);
  } finally {
    depth--;
    memo = new WeakMap();
  }
}

/** Makes `obj.toJson()` render once per synth (idempotent). */
export function renderOncePerSynth(obj: ApiObject): void {
  if (renders.has(obj)) return;
  renders.set(obj, obj.toJson);
  Object.defineProperty(obj, 'toJson', { configurable: true, writable: true, value: toJsonOncePerSynth });
}

/** The `toJson` of every memoized object (one function for all: no closure per object). */
function toJsonOncePerSynth(this: ApiObject): any {
  // (a `this` never memoized, from a copied method, renders as cdk8s does)
  const render = renders.get(this) ?? ApiObject.prototype.toJson;
  if (depth === 0) return render.call(this);
  let json = memo.get(this);
  if (json === undefined) {
    json = render.call(this);
    memo.set(this, json);
  }
  return json;
}

/**
 * A construct validation that runs once per synth: cdk8s validates the whole App once per synth and again for
 * every chart it writes, with nothing changed in between, so later passes of one synth return the first one's
 * errors (its warnings are recorded already). Outside a synth (a user's `node.validate()`) it runs every time,
 * as a synth of its own: each object it looks at is rendered once for it.
 */
export function oncePerSynth(validate: () => string[]): () => string[] {
  let done: { generation: number; errors: string[] } | undefined;
  return () => {
    if (depth === 0) return duringSynth(validate);
    if (done !== undefined && done.generation === generation) return done.errors;
    const errors = validate();
    done = { generation, errors };
    return errors;
  };
}

/** The object as written, for a check: the synth's one render of it (see `renderOncePerSynth`). */
export function renderedForValidation(obj: ApiObject): any {
  renderOncePerSynth(obj);
  return obj.toJson();
}

/**
 * Makes the synth entry points of `scope`'s App and charts a synth scope (idempotent, per instance): `synth()` and
 * `synthYaml()` of the App at the root, `toJson()` of every chart from `scope` up (`Testing.synth()` calls it).
 */
export function scopeSynthsOf(scope: IConstruct): void {
  const root = scope.node.root;
  if (root instanceof App) {
    wrapMethod(root, 'synth');
    wrapMethod(root, 'synthYaml');
  }
  for (const c of scope.node.scopes) if (Chart.isChart(c)) wrapMethod(c, 'toJson');
}

function wrapMethod(target: any, method: string): void {
  const marks: Set<string> = target[SYNTH_SCOPE] ?? new Set();
  if (marks.has(method)) return;
  if (!target[SYNTH_SCOPE]) Object.defineProperty(target, SYNTH_SCOPE, { value: marks });
  marks.add(method);
  const original: (...args: any[]) => any = target[method];
  Object.defineProperty(target, method, {
    configurable: true,
    writable: true,
    value: function (this: any, ...args: any[]) {
      return duringSynth(() => original.apply(this, args));
    },
  });
}
