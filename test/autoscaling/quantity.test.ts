import { formatQuantity, parseQuantity, positiveQuantityProblem } from '../../src/autoscaling/quantity';

describe('Kubernetes quantities', () => {
  test.each([
    ['500m', 0.5], ['1', 1], ['1.5', 1.5], ['.5', 0.5], ['+2', 2], ['512Mi', 512 * 2 ** 20], ['1Gi', 2 ** 30], ['1k', 1000],
    ['2M', 2e6], ['1E', 1e18], ['2e3', 2000], ['1E-3', 0.001], ['100u', 1e-4], ['5n', 5e-9], ['-1', -1], [250, 250],
  ])('parses %p as %p', (quantity, value) => {
    expect(parseQuantity(quantity)).toBeCloseTo(value as number, 12);
  });

  test.each(['', '512MB', '1.2.3', 'Mi', '1 Gi', '1e', 'ten', '0x10'])('refuses %p', quantity => {
    expect(parseQuantity(quantity)).toBeUndefined();
  });

  test.each([[0.5, '500m'], [2, '2'], [0.1, '100m'], [1.25, '1250m'], [0.0001, '100u'], [3e-9, '3n']])('writes %p as %p', (n, s) => {
    expect(formatQuantity(n)).toBe(s);
  });

  test('keeps strings as written', () => {
    expect(formatQuantity('0.5')).toBe('0.5');
  });

  test('positive quantities only', () => {
    expect(positiveQuantityProblem('0')).toBe('must be greater than zero');
    expect(positiveQuantityProblem(-3)).toBe('must be greater than zero');
    expect(positiveQuantityProblem('1Ki')).toBeUndefined();
    expect(positiveQuantityProblem(Number.POSITIVE_INFINITY)).toMatch(/must be a Kubernetes quantity/);
  });
});
