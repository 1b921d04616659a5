/**
 * Iterative helpers for JSON trees of any depth: a schema built one `Schema.object()` at a time can be
 * nested deeper than a recursive copy (`JSON.parse(JSON.stringify(...))`) survives.
 */

/** A deep copy of JSON data (undefined members dropped, like JSON.stringify does), without recursion. */
export function copyJson(value: unknown): any {
  const root: { v?: unknown } = {};
  const stack: Array<[unknown, any, string | number]> = [[value, root, 'v']];
  while (stack.length > 0) {
    const [from, into, key] = stack.pop()!;
    if (Array.isArray(from)) {
      const out: unknown[] = new Array(from.length);
      into[key] = out;
      from.forEach((item, i) => stack.push([item === undefined || typeof item === 'function' ? null : item, out, i]));
    } else if (from !== null && typeof from === 'object') {
      if (typeof (from as any).toJSON === 'function') {
        into[key] = JSON.parse(JSON.stringify(from));
        continue;
      }
      const out: Record<string, unknown> = {};
      into[key] = out;
      for (const [k, v] of Object.entries(from)) {
        if (v === undefined || typeof v === 'function') continue;
        out[k] = null; // placeholder: keeps the key order, the value is filled when popped
        stack.push([v, out, k]);
      }
    } else if (typeof from === 'number') {
      into[key] = Number.isFinite(from) ? from : null;
    } else {
      into[key] = from === undefined ? null : from;
    }
  }
  return root.v;
}

/** How deeply objects and arrays nest in `value` (a scalar is 0, `{}` is 1), without recursion. */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, depth + 1);
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return max;
}
