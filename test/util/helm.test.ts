import { helm, helmBinary } from './helm';

describe('helm test binary', () => {
  test('is a working Helm 3 or 4', () => {
    expect(helmBinary()).toBeTruthy();
    expect(helm(['version', '--short'])).toMatch(/^v[34]\.\d+\.\d+/);
  });

  test('reports a failing helm command with its stderr', () => {
    expect(() => helm(['lint', '/nonexistent-chart'])).toThrow(/helm lint \/nonexistent-chart failed/);
  });
});
