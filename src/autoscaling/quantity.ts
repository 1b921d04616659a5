/**
 * Kubernetes quantities (`"500m"`, `"512Mi"`, `"1.5"`, `"2e3"`) as metric targets and tolerances use them.
 * Internal helpers: the public API takes `string | number` and the constructs validate it with a prop path.
 */

const SUFFIX_MULTIPLIERS: Record<string, number> = {
  'n': 1e-9,
  'u': 1e-6,
  'm': 1e-3,
  '': 1,
  'k': 1e3,
  'M': 1e6,
  'G': 1e9,
  'T': 1e12,
  'P': 1e15,
  'E': 1e18,
  'Ki': 2 ** 10,
  'Mi': 2 ** 20,
  'Gi': 2 ** 30,
  'Ti': 2 ** 40,
  'Pi': 2 ** 50,
  'Ei': 2 ** 60,
};

// <signedNumber><suffix>, where suffix is a binary SI suffix, a decimal exponent or a decimal SI suffix
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/;

/** The numeric value of a Kubernetes quantity, or undefined when it is not one. */
export function parseQuantity(quantity: string | number): number | undefined {
  if (typeof quantity === 'number') return Number.isFinite(quantity) ? quantity : undefined;
  if (typeof quantity !== 'string') return undefined;
  const match = QUANTITY.exec(quantity);
  if (!match) return undefined;
  const [, digits, exponent, suffix] = match;
  const value = Number(digits) * (exponent ? 10 ** Number(exponent.slice(1)) : SUFFIX_MULTIPLIERS[suffix ?? '']);
  return Number.isFinite(value) ? value : undefined;
}

/** Why a value is not a positive quantity, or undefined when it is one. */
export function positiveQuantityProblem(quantity: string | number): string | undefined {
  const value = parseQuantity(quantity);
  if (value === undefined) {
    return 'must be a Kubernetes quantity (a number, or a string such as "500m", "512Mi", "1.5", "2e3")';
  }
  if (value <= 0) return 'must be greater than zero';
  if (typeof quantity === 'number' && formatNumber(quantity) === undefined) {
    return 'must be a multiple of 1n (a quantity keeps at most nine decimal places)';
  }
  return undefined;
}

/**
 * The quantity as written to YAML: strings verbatim (already validated), numbers in the canonical
 * decimal form (`0.5` → `"500m"`, `2` → `"2"`), so one spelling reaches the apiserver.
 */
export function formatQuantity(quantity: string | number): string {
  if (typeof quantity === 'string') return quantity;
  const formatted = formatNumber(quantity);
  if (formatted === undefined) throw new Error(`not a quantity: ${quantity}`);
  return formatted;
}

function formatNumber(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  if (Number.isInteger(n)) return String(n);
  for (const [suffix, scale] of [['m', 1e3], ['u', 1e6], ['n', 1e9]] as const) {
    const scaled = Math.round(n * scale);
    // float noise only (0.1 * 1000 = 100.00000000000001), never a rounded-away remainder
    if (scaled !== 0 && Math.abs(scaled - n * scale) <= 1e-9 * Math.abs(scaled) && Number.isSafeInteger(scaled)) return `${scaled}${suffix}`;
  }
  return undefined;
}
