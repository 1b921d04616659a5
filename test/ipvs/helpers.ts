/** The message a function throws; fails the test when it does not throw. */
export function refusalOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e: any) {
    return e.message;
  }
  throw new Error('expected a refusal, got none');
}

/** Runs a function with console.warn captured; returns what it printed. */
export function warningsPrintedBy(fn: () => unknown): string[] {
  const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    fn();
    return spy.mock.calls.map(args => args.join(' '));
  } finally {
    spy.mockRestore();
  }
}
