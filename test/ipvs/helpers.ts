import { IpvsForwarding, IpvsScheduler, IpvsVirtualServer } from '../../src';

/** The seed: virtual server 1.2.3.4:80, rr, real servers 172.17.0.3:80 and 172.17.0.4:80, masquerading. */
export const seed: IpvsVirtualServer = {
  address: '1.2.3.4',
  port: 80,
  scheduler: IpvsScheduler.ROUND_ROBIN,
  forwarding: IpvsForwarding.MASQUERADING,
  realServers: [{ address: '172.17.0.3' }, { address: '172.17.0.4' }],
};

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
