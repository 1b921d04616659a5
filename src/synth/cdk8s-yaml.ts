import * as path from 'path';
import { Yaml } from 'cdk8s';

/**
 * cdk8s's manifest YAML, written faster, byte for byte the same.
 *
 * cdk8s writes every manifest with `Yaml.stringify`, which runs each object through the `yaml` package
 * (`YAML.stringify(doc, { keepUndefined: true, lineWidth: 0, version: '1.1' })`): a document model is built and
 * then printed, and at N = 1000 services that is the largest part of a synth. During a synth of an App that holds
 * the library's constructs, `Yaml.stringify` prints the common shape of a manifest directly: nested maps and
 * lists, numbers, booleans, null, and single-line strings. For those it is a port of the `yaml` package's
 * printer (`stringifyPair`, `stringifyBlockCollection`, `plainString`, `quotedString` of `yaml` 2.8 with
 * cdk8s's options), and the plain-or-quoted decision uses the schema's own tag tests taken from the loaded
 * package. Every document with anything else (multi-line or control-character strings, strings that look
 * like YAML document markers, long keys, objects that are not plain, the same object twice, non-finite
 * numbers, `undefined`) goes to `yaml` itself, whole. A differential test holds the two equal.
 *
 * Only the `yaml` versions the port was checked against are sped up; with any other, `Yaml.stringify` is
 * left as it is. `CDK8S_PATTERNS_FAST_YAML=0` in the environment turns the fast path off (the bytes are the
 * same either way; the benchmark uses it to show what the printer is worth).
 */

/** The environment variable that turns the fast path off when it is `0`. */
export const FAST_YAML_ENV = 'CDK8S_PATTERNS_FAST_YAML';

/** The `yaml` versions (major.minor) whose printer this ports. */
const PORTED_YAML_VERSIONS = ['2.8'];

/** The `yaml` package cdk8s loads (its own copy). */
function cdk8sYamlPackage(): { version: string; module: any } | undefined {
  try {
    const cdk8sRoot = path.dirname(path.dirname(require.resolve('cdk8s')));
    const yamlPath = require.resolve('yaml', { paths: [cdk8sRoot] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { version } = require(path.join(yamlPath.slice(0, yamlPath.lastIndexOf(`${path.sep}dist${path.sep}`)), 'package.json'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return { version, module: require(yamlPath) };
  } catch {
    return undefined;
  }
}

/** What the `yaml` printer needs to decide a string's style: its schema's tag tests. */
interface Printer {
  /** Tests of the schema's default tags other than strings: a string one of them matches is quoted. */
  readonly tagTests: readonly RegExp[];
  /** Whether the schema has YAML 1.1's merge key, which prints the string `<<` as itself (its `stringify`). */
  readonly mergeKey: boolean;
}

let printer: Printer | null | undefined;
const MERGE = 'tag:yaml.org,2002:merge';

function loadPrinter(): Printer | null {
  const yaml = cdk8sYamlPackage();
  if (!yaml || !PORTED_YAML_VERSIONS.includes(yaml.version.split('.').slice(0, 2).join('.'))) return null;
  const schema = new yaml.module.Document(null, { version: '1.1' }).schema;
  const tags: any[] = [...schema.tags, ...(schema.compat ?? [])];
  const tagTests = tags.filter(t => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.tag !== MERGE && t.test instanceof RegExp).map(t => t.test as RegExp);
  return { tagTests, mergeKey: tags.some(t => t.tag === MERGE) };
}

/** `plainString`'s test for strings that cannot be plain (indicators at the start, `: `, ` #`, a trailing `:`). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** `stringifyString`'s test for strings that must be double-quoted with escapes, and newlines (block scalars). */
const NEEDS_YAML = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** `containsDocumentMarker`. */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;
/** `stringifyPair` writes a key longer than this as an explicit key (`? key`). */
const MAX_IMPLICIT_KEY = 1024;

/** Thrown when a document needs the `yaml` package: the fast path gives up on the whole document. */
const GIVE_UP = Symbol('give up');

const scalars = new Map<string, string>();

/** A single-line string as `yaml` prints it (`plainString`, else `quotedString`), keys and values alike. */
function scalar(p: Printer, s: string): string {
  let out = scalars.get(s);
  if (out !== undefined) return out;
  if (NEEDS_YAML.test(s) || DOCUMENT_MARKER.test(s)) throw GIVE_UP;
  // getTagObject picks the merge tag for '<<' (its identify matches), which prints it plain
  if (s === '<<' && p.mergeKey) return s;
  const quote = NOT_PLAIN.test(s) || p.tagTests.some(t => t.test(s));
  // quotedString: single quotes when the string has a double quote and no single one, else double quotes
  // (doubleQuotedString is JSON's form for a string without newlines or control characters)
  out = !quote ? s : s.includes('"') && !s.includes("'") ? `'${s}'` : JSON.stringify(s);
  if (scalars.size > 100_000) scalars.clear();
  scalars.set(s, out);
  return out;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A non-collection value, or undefined for a collection. */
function leaf(p: Printer, v: unknown): string | undefined {
  switch (typeof v) {
    case 'string': return scalar(p, v);
    case 'number':
      if (!Number.isFinite(v)) throw GIVE_UP;
      return JSON.stringify(v);
    case 'boolean': return v ? 'true' : 'false';
    case 'object':
      if (v === null) return 'null';
      return undefined;
    default: throw GIVE_UP;
  }
}

/**
 * A block collection at `indent` (`stringifyBlockCollection`), appended to `out` piece by piece; `seen` holds
 * the objects printed so far. Pieces are joined once per document: built with `+=`, a document is a rope of
 * every piece, which lives (and is promoted) until the chart is written.
 */
function collection(p: Printer, v: object, indent: string, seen: Set<object>, out: string[]): void {
  if (seen.has(v)) throw GIVE_UP; // yaml would write an anchor and an alias
  seen.add(v);
  if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push('[]');
      return;
    }
    const itemIndent = indent + '  ';
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) throw GIVE_UP;
      const item = v[i];
      if (i > 0) out.push('\n', indent);
      out.push('- ');
      const printed = leaf(p, item);
      if (printed !== undefined) out.push(printed);
      else collection(p, item as object, itemIndent, seen, out);
    }
    return;
  }
  if (!isPlainObject(v)) throw GIVE_UP;
  const keys = Object.keys(v);
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  const valueIndent = indent + '  ';
  for (let i = 0; i < keys.length; i++) {
    const value = (v as any)[keys[i]];
    const key = scalar(p, keys[i]);
    if (key.length > MAX_IMPLICIT_KEY) throw GIVE_UP;
    if (i > 0) out.push('\n', indent);
    out.push(key, ':');
    const printed = leaf(p, value);
    if (printed !== undefined) {
      out.push(' ', printed);
    } else {
      const at = out.push('\n', valueIndent);
      collection(p, value, valueIndent, seen, out);
      // stringifyPair: an empty collection stays on the key's line, in flow style
      if (out.length === at + 1 && (out[at] === '{}' || out[at] === '[]')) {
        out[at - 2] = ' ';
        out[at - 1] = '';
      }
    }
  }
}

/** One document as `yaml` prints it, or undefined when it needs the `yaml` package. */
export function fastDocument(doc: unknown): string | undefined {
  printer ??= loadPrinter();
  if (printer === null || typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const out: string[] = [];
  try {
    collection(printer, doc, '', new Set(), out);
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
  out.push('\n');
  return out.join('');
}

/** Whether the fast path is on for the `yaml` package cdk8s loads. */
export function fastYamlAvailable(): boolean {
  printer ??= loadPrinter();
  return printer !== null;
}

/**
 * Runs `work` with cdk8s's `Yaml.stringify` printing through `fastDocument` (documents it gives up on go to
 * the original, one by one), and puts the original back afterwards.
 */
export function withFastYaml<T>(work: () => T): T {
  if (process.env[FAST_YAML_ENV] === '0' || !fastYamlAvailable()) return work();
  const yaml = Yaml as any;
  const original = yaml.stringify;
  yaml.stringify = function (...docs: unknown[]): string {
    return docs.map(d => (d === undefined ? '\n' : fastDocument(d) ?? original.call(yaml, d))).join('---\n');
  };
  try {
    return work();
  } finally {
    yaml.stringify = original;
  }
}
