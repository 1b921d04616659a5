/**
 * Every byte of YAML an UmbrellaChart writes goes through this file, so the emitter can be swapped for a
 * faster one without touching the rest.
 *
 * The text must mean the same to every reader on the way: the `yaml` package (YAML 1.1 and 1.2), Helm's and
 * kubectl's go-yaml (YAML 1.1 booleans, its own block-scalar rules), and Helm itself, which trims every
 * document and deletes `<no value>` from rendered templates. So the emitter only uses styles that are
 * unambiguous for all of them:
 * - plain scalars only for strings that cannot be read as anything else (`apps/v1`, `nginx:1.27`);
 * - literal blocks (`|`, `|-`) for multi-line text whose first line starts with no whitespace, with no
 *   trailing whitespace, no more than one final newline and only printable characters;
 * - double quotes, with JSON's escapes plus those YAML needs, for every other string.
 *
 * cdk8s's own `Yaml.stringify` is not used: it writes `|+` blocks (whose trailing newlines Helm trims) and
 * blocks starting with a tab (which go-yaml refuses).
 */

/** How strings are written. */
interface Style {
  /** Plain scalars and literal blocks where safe (manifests); otherwise every string is double-quoted. */
  readonly readable: boolean;
}

const MANIFEST: Style = { readable: true };
const DATA: Style = { readable: false };

/** The objects as a multi-document YAML stream (documents separated by `---`). */
export function manifestYaml(objects: readonly unknown[]): string {
  return objects.map(o => document(o, MANIFEST)).join('---\n');
}

/**
 * A JSON value (objects, arrays, strings, finite numbers, booleans, null) as one block-style YAML document
 * with every string double-quoted: for Chart.yaml, requirements.yaml and values.yaml, where a version such as
 * `1.10` must stay a string.
 */
export function dataYaml(value: unknown): string {
  return document(value, DATA);
}

function document(value: unknown, style: Style): string {
  return (isBlock(value) ? blockLines(value, 0, style) : [scalar(value, style)]).join('\n') + '\n';
}

function blockLines(value: unknown, indent: number, style: Style): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isBlock(item)) {
        // the item's first line moves up onto the dash: "- key: value" / "- - value"
        const sub = blockLines(item, indent + 2, style);
        lines.push(`${pad}- ${sub[0].slice(indent + 2)}`, ...sub.slice(1));
      } else {
        pushScalar(lines, `${pad}-`, item, indent + 2, style);
      }
    }
    return lines;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (isBlock(v)) {
      lines.push(`${pad}${key(k, style)}:`, ...blockLines(v, indent + 2, style));
    } else {
      pushScalar(lines, `${pad}${key(k, style)}:`, v, indent + 2, style);
    }
  }
  return lines;
}

/** `lead value`, or `lead |` followed by the text's lines when it is written as a literal block. */
function pushScalar(lines: string[], lead: string, value: unknown, indent: number, style: Style): void {
  if (style.readable && typeof value === 'string' && isLiteralBlock(value)) {
    const ends = value.endsWith('\n');
    lines.push(`${lead} ${ends ? '|' : '|-'}`);
    const pad = ' '.repeat(indent);
    for (const line of (ends ? value.slice(0, -1) : value).split('\n')) lines.push(line === '' ? '' : pad + line);
  } else {
    lines.push(`${lead} ${scalar(value, style)}`);
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Non-empty mappings and sequences are written as blocks; everything else fits on the key's line. */
function isBlock(value: unknown): boolean {
  return (Array.isArray(value) && value.length > 0) || (isMapping(value) && Object.keys(value).length > 0);
}

function scalar(value: unknown, style: Style): string {
  if (Array.isArray(value)) return '[]';
  if (isMapping(value)) return '{}';
  if (value === null) return 'null';
  if (typeof value === 'string') return style.readable && isPlain(value) ? value : quoted(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new Error(`cannot write ${typeof value} ${String(value)} as YAML`);
}

function key(k: string, style: Style): string {
  return isPlain(k) && (style.readable || !k.includes(' ')) ? k : quoted(k);
}

// A plain scalar starts with a letter, "_" or "/", so no YAML 1.1/1.2 resolver reads it as a number, date
// or special float; ":" only inside a word, single spaces between words (no ": ", no " #").
const CHAR = '[A-Za-z0-9_./@%+=-]';
const WORD = `${CHAR}+(?::${CHAR}+)*`;
const PLAIN = new RegExp(`^[A-Za-z_/]${CHAR}*(?::${CHAR}+)*(?: ${WORD})*$`);
// words YAML 1.1 reads as booleans or null
const RESERVED = /^(y|n|yes|no|true|false|on|off|null)$/i;

function isPlain(s: string): boolean {
  return PLAIN.test(s) && !RESERVED.test(s);
}

// characters YAML refuses unescaped in a stream, or reads as line breaks (YAML 1.1: NEL, LS, PS)
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isLiteralBlock(s: string): boolean {
  if (!s.includes('\n') || s.endsWith('\n\n') || UNPRINTABLE.test(s) || s.includes('\r')) return false;
  if (/^[ \t\n]/.test(s)) return false; // the first line sets the block's indentation
  if (/[ \t]\n|[ \t]$/.test(s)) return false; // trailing whitespace
  return !s.includes('<no value>');
}

/**
 * A double-quoted YAML scalar. JSON's escapes are YAML's; on top, the characters YAML parsers refuse
 * unescaped in a stream (DEL, C1 controls, the byte-order mark, non-characters) and those YAML 1.1 reads as
 * line breaks (NEL, LS, PS) are escaped, and so is the `<` of `<no value>`, which Helm would delete.
 */
export function quoted(s: string): string {
  return JSON.stringify(s)
    .replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .split('<no value>').join('\\u003cno value>');
}
