/**
 * Paths of fields in a rendered object: `spec.template.spec.containers[0].image`,
 * `metadata.annotations["example.com/owner"]`.
 */

export type FieldPath = (string | number)[];

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$-]*/;

/** The segments of a field path, or undefined when it does not parse. */
export function parseFieldPath(text: unknown): FieldPath | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const out: FieldPath = [];
  let rest = text;
  let first = true;
  while (rest.length > 0) {
    if (rest.startsWith('[')) {
      const index = rest.match(/^\[(0|[1-9][0-9]*)\]/);
      if (index) {
        out.push(Number(index[1]));
        rest = rest.slice(index[0].length);
      } else {
        const quotedKey = rest.match(/^\[("(?:[^"\\]|\\.)*")\]/);
        if (!quotedKey) return undefined;
        out.push(JSON.parse(quotedKey[1]));
        rest = rest.slice(quotedKey[0].length);
      }
    } else {
      if (!first) {
        if (!rest.startsWith('.')) return undefined;
        rest = rest.slice(1);
      }
      const ident = rest.match(IDENT);
      if (!ident) return undefined;
      out.push(ident[0]);
      rest = rest.slice(ident[0].length);
    }
    first = false;
  }
  return out;
}

/** A field path as text, the way parseFieldPath reads it. */
export function formatFieldPath(path: FieldPath): string {
  return path.map((s, i) => {
    if (typeof s === 'number') return `[${s}]`;
    if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(s)) return i === 0 ? s : `.${s}`;
    return `[${JSON.stringify(s)}]`;
  }).join('');
}

/** The value at `path`, or undefined. */
export function valueAtPath(obj: unknown, path: FieldPath): unknown {
  let node: any = obj;
  for (const s of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (typeof s === 'number' ? !Array.isArray(node) : Array.isArray(node)) return undefined;
    node = node[s];
  }
  return node;
}

/** Replaces the value at `path` (which must exist). */
export function setAtPath(obj: any, path: FieldPath, value: unknown): void {
  let node = obj;
  for (const s of path.slice(0, -1)) node = node[s];
  node[path[path.length - 1]] = value;
}
