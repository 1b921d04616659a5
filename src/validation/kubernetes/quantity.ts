/**
 * A resource quantity's value (apimachinery `resource.ParseQuantity` grammar: a signed decimal number and an
 * optional binary-SI, decimal-SI or exponent suffix), or undefined when the API server would refuse it.
 * Numbers in JSON are quantities too. The value is a float: exact enough to compare requests with limits.
 */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  const binary: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
  const decimal: Record<string, number> = { 'n': -9, 'u': -6, 'm': -3, '': 0, 'k': 3, 'M': 6, 'G': 9, 'T': 12, 'P': 15, 'E': 18 };
  if (suffix in binary) return n * 1024 ** binary[suffix];
  if (suffix in decimal) return n * 10 ** decimal[suffix];
  return n * 10 ** Number(suffix.slice(1));
}
