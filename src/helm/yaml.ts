/**
 * Every byte of YAML an UmbrellaChart writes goes through this file, so the emitter can be swapped for a
 * faster one without touching the rest.
 *
 * - Manifests: cdk8s's own `Yaml.stringify` (YAML 1.1 schema, no line folding), so a subchart's template is
 *   the exact text `cdk8s synth` writes for that chart, before template escaping.
 * - Chart metadata and values: a small emitter that double-quotes every string, so nothing is read back as a
 *   number, a boolean or a date by any YAML 1.1 or 1.2 parser (Helm's, kubectl's, PyYAML).
 */
import { Yaml } from 'cdk8s';

/** The objects as a multi-document YAML stream, exactly as `cdk8s synth` writes a chart's file. */
export function manifestYaml(objects: readonly unknown[]): string {
  return objects.length === 0 ? '' : Yaml.stringify(...objects);
}

/** A JSON value (objects, arrays, strings, finite numbers, booleans, null) as one block-style YAML document. */
export function dataYaml(value: unknown): string {
  return (isBlock(value) ? blockLines(value, 0) : [scalar(value)]).join('\n') + '\n';
}

function blockLines(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isBlock(item)) {
        // the item's first line moves up onto the dash: "- key: value" / "- - value"
        const sub = blockLines(item, indent + 2);
        lines.push(`${pad}- ${sub[0].slice(indent + 2)}`, ...sub.slice(1));
      } else {
        lines.push(`${pad}- ${scalar(item)}`);
      }
    }
    return lines;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (isBlock(v)) {
      lines.push(`${pad}${yamlKey(k)}:`, ...blockLines(v, indent + 2));
    } else {
      lines.push(`${pad}${yamlKey(k)}: ${scalar(v)}`);
    }
  }
  return lines;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Non-empty mappings and sequences are written as blocks; everything else fits on the key's line. */
function isBlock(value: unknown): boolean {
  return (Array.isArray(value) && value.length > 0) || (isMapping(value) && Object.keys(value).length > 0);
}

function scalar(value: unknown): string {
  if (Array.isArray(value)) return '[]';
  if (isMapping(value)) return '{}';
  if (value === null) return 'null';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new Error(`cannot write ${typeof value} ${String(value)} as YAML`);
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
// words YAML 1.1 reads as booleans or null
const RESERVED_KEY = /^(y|n|yes|no|true|false|on|off|null)$/i;

function yamlKey(key: string): string {
  return PLAIN_KEY.test(key) && !RESERVED_KEY.test(key) ? key : quoted(key);
}

/**
 * A double-quoted YAML scalar. JSON's escapes are YAML's; on top, the characters YAML parsers refuse
 * unescaped in a stream (DEL, C1 controls other than NEL, the byte-order mark, non-characters) are escaped.
 */
export function quoted(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u0084\u0086-\u009f\ufeff\ufffe\uffff]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
