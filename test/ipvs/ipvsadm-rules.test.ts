import { Duration } from 'cdk8s';
import { refusalOf, seed, warningsPrintedBy } from './helpers';
import { IpvsadmRules, IpvsForwarding, IpvsProtocol, IpvsScheduler, IpvsSchedulerFlag, IpvsVirtualServer } from '../../src';


function refusal(virtualServers: IpvsVirtualServer[]): string {
  return refusalOf(() => IpvsadmRules.render(virtualServers));
}

describe('IpvsadmRules', () => {
  test('GIVEN the seed setup WHEN rendered THEN the exact ipvsadm --restore lines', () => {
    expect(IpvsadmRules.render([seed])).toBe(
      '-A -t 1.2.3.4:80 -s rr\n'
      + '-a -t 1.2.3.4:80 -r 172.17.0.3:80 -m -w 1\n'
      + '-a -t 1.2.3.4:80 -r 172.17.0.4:80 -m -w 1\n');
  });

  test('GIVEN persistence, UDP, weights, gatewaying, tunneling, mh flags and IPv6 THEN each lands in its switch', () => {
    let lines: string[] = [];
    const warnings = warningsPrintedBy(() => lines = IpvsadmRules.lines([
      {
        address: '10.0.0.10',
        port: 53,
        protocol: IpvsProtocol.UDP,
        scheduler: IpvsScheduler.WEIGHTED_ROUND_ROBIN,
        persistence: Duration.minutes(5),
        forwarding: IpvsForwarding.GATEWAYING,
        realServers: [{ address: '10.0.0.21', weight: 3 }, { address: '10.0.0.22', port: 53, weight: 0 }],
      },
      {
        address: '2001:db8::10',
        port: 443,
        scheduler: IpvsScheduler.MAGLEV_HASHING,
        forwarding: IpvsForwarding.TUNNELING,
        schedulerFlags: [IpvsSchedulerFlag.PORT, IpvsSchedulerFlag.FALLBACK],
        realServers: [{ address: '2001:DB8::21', weight: 65535 }],
      },
    ]));
    expect(warnings).toEqual([expect.stringContaining('\'virtualServers[1].scheduler\' ("mh") needs the kernel module ip_vs_mh')]);
    expect(lines).toEqual([
      '-A -u 10.0.0.10:53 -s wrr -p 300',
      '-a -u 10.0.0.10:53 -r 10.0.0.21:53 -g -w 3',
      '-a -u 10.0.0.10:53 -r 10.0.0.22:53 -g -w 0',
      '-A -t [2001:db8::10]:443 -s mh -b flag-1,flag-2',
      '-a -t [2001:db8::10]:443 -r [2001:db8::21]:443 -i -w 65535',
    ]);
  });

  test('masquerading may change the port', () => {
    expect(IpvsadmRules.lines([{ address: '1.2.3.4', port: 80, realServers: [{ address: '10.0.0.1', port: 8080 }] }]))
      .toEqual(['-A -t 1.2.3.4:80 -s rr', '-a -t 1.2.3.4:80 -r 10.0.0.1:8080 -m -w 1']);
  });

  describe('refusals name the prop, the value and what is allowed', () => {
    test('unknown scheduler', () => {
      expect(refusal([{ ...seed, scheduler: 'roundrobin' as IpvsScheduler }])).toBe(
        '[IpvsadmRules] \'virtualServers[0].scheduler\' ("roundrobin") must be a kernel IPVS scheduler: '
        + 'one of rr, wrr, lc, wlc, lblc, lblcr, dh, sh, sed, nq, mh, fo, ovf, twos');
    });

    test('scheduler flags without a hashing scheduler', () => {
      expect(refusal([{ ...seed, schedulerFlags: [IpvsSchedulerFlag.FALLBACK] }])).toBe(
        '[IpvsadmRules] \'virtualServers[0].schedulerFlags\' (["flag-1"]) only apply with \'virtualServers[0].scheduler\' '
        + '"sh" or "mh", not "rr"');
    });

    test.each([-1, 65536, 1.5])('weight %s', weight => {
      expect(refusal([{ ...seed, realServers: [{ address: '172.17.0.3', weight }] }])).toBe(
        `[IpvsadmRules] 'virtualServers[0].realServers[0].weight' (${weight}) must be an integer from 0 (quiescent) to 65535`);
    });

    test.each([['0s', Duration.seconds(0)], ['25h', Duration.hours(25)], ['1500ms', Duration.millis(1500)]])('persistence %s', (_, persistence) => {
      expect(refusal([{ ...seed, persistence }])).toMatch(
        /^\[IpvsadmRules\] 'virtualServers\[0\]\.persistence' \("(0s|25h|1500ms)"\) must be whole seconds from 1s to 24h \(86400s\)/);
    });

    test.each([IpvsForwarding.GATEWAYING, IpvsForwarding.TUNNELING])('%s with a real port different from the virtual port', forwarding => {
      expect(refusal([{ ...seed, forwarding, realServers: [{ address: '172.17.0.3', port: 8080 }] }])).toBe(
        `[IpvsadmRules] 'virtualServers[0].realServers[0].port' (8080) must equal the virtual port (80) with ${forwarding}: `
        + 'only masquerading can change the port');
    });

    test.each([['1.2.3.256', 'address'], ['01.2.3.4', 'address']])('invalid virtual address %s', (address, prop) => {
      expect(refusal([{ ...seed, address }])).toBe(
        `[IpvsadmRules] 'virtualServers[0].${prop}' ("${address}") must be an IPv4 address (1.2.3.4) or an IPv6 address (2001:db8::1)`);
    });

    test('invalid real server address', () => {
      expect(refusal([{ ...seed, realServers: [{ address: '172.17.0' }] }])).toContain(
        '\'virtualServers[0].realServers[0].address\' ("172.17.0") must be an IPv4 address');
    });

    test.each([0, 65536, 80.5])('invalid port %s', port => {
      expect(refusal([{ ...seed, port }])).toBe(
        `[IpvsadmRules] 'virtualServers[0].port' (${port}) must be a port number, an integer from 1 to 65535`);
    });

    test('mixed IP families', () => {
      expect(refusal([{ ...seed, realServers: [{ address: '2001:db8::1' }] }])).toBe(
        '[IpvsadmRules] \'virtualServers[0].realServers[0].address\' ("2001:db8::1") must be an IPv4 address like the virtual server\'s (1.2.3.4)');
    });

    test('duplicates', () => {
      expect(refusal([seed, { ...seed, realServers: [{ address: '10.0.0.9' }] }])).toBe(
        '[IpvsadmRules] \'virtualServers[1]\' ("-t 1.2.3.4:80") repeats virtualServers[0]');
      expect(refusal([{ ...seed, realServers: [{ address: '172.17.0.3' }, { address: '172.17.0.3', port: 80 }] }])).toBe(
        '[IpvsadmRules] \'virtualServers[0].realServers[1]\' ("172.17.0.3:80") repeats virtualServers[0].realServers[0]');
    });

    test('empty lists', () => {
      expect(refusal([])).toBe('[IpvsadmRules] \'virtualServers\' ([]) must list at least one virtual server');
      expect(refusal([{ ...seed, realServers: [] }])).toBe(
        '[IpvsadmRules] \'virtualServers[0].realServers\' ([]) must list at least one real server');
    });
  });

  test.each([IpvsScheduler.MAGLEV_HASHING, IpvsScheduler.WEIGHTED_FAILOVER, IpvsScheduler.WEIGHTED_OVERFLOW,
    IpvsScheduler.WEIGHTED_RANDOM_TWOS_CHOICE])('the rarely available %s is accepted with a warning', scheduler => {
    let lines: string[] = [];
    const warnings = warningsPrintedBy(() => lines = IpvsadmRules.lines([{ ...seed, scheduler }]));
    expect(lines[0]).toBe(`-A -t 1.2.3.4:80 -s ${scheduler}`);
    expect(warnings).toEqual([`[WARNING] [IpvsadmRules] 'virtualServers[0].scheduler' ("${scheduler}") needs the kernel module `
      + `ip_vs_${scheduler}, which older and some distribution kernels lack; check the nodes with 'modinfo ip_vs_${scheduler}'`]);
  });

  test.each(['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'dh', 'sh', 'sed', 'nq'])('the common scheduler %s has no warning', scheduler => {
    expect(warningsPrintedBy(() => IpvsadmRules.lines([{ ...seed, scheduler: scheduler as IpvsScheduler }]))).toEqual([]);
  });
});
