import * as fc from 'fast-check';
import { refusalOf } from './helpers';
import { IpvsPrediction, IpvsScheduler, IpvsVirtualServer } from '../../src';

const rr = IpvsScheduler.ROUND_ROBIN;
const wrr = IpvsScheduler.WEIGHTED_ROUND_ROBIN;

function servers(scheduler: IpvsScheduler, weights: number[]): IpvsVirtualServer {
  return { address: '1.2.3.4', port: 80, scheduler, realServers: weights.map((weight, i) => ({ address: `10.0.0.${i + 1}`, weight })) };
}

/** The sequence as server letters: 10.0.0.1 is A, 10.0.0.2 is B, … */
function letters(vs: IpvsVirtualServer, connections: number): string {
  return IpvsPrediction.predict(vs, connections).sequence.map(s => 'ABCDEFGH'[Number(s.split('.')[3].split(':')[0]) - 1]).join(' ');
}

describe('IpvsPrediction', () => {
  // Each `-a` is inserted at the head of the kernel's list, so the list is the reverse of the rule order.

  test('rr, the seed: .3 then .4 in the rules, so the kernel walks .4 first', () => {
    const seed: IpvsVirtualServer = { address: '1.2.3.4', port: 80, realServers: [{ address: '172.17.0.3' }, { address: '172.17.0.4' }] };
    const p = IpvsPrediction.predict(seed, 5);
    expect(p.sequence).toEqual(['172.17.0.4:80', '172.17.0.3:80', '172.17.0.4:80', '172.17.0.3:80', '172.17.0.4:80']);
    expect(p.realServers).toEqual([
      { server: '172.17.0.3:80', weight: 1, connections: 2 },
      { server: '172.17.0.4:80', weight: 1, connections: 3 },
    ]);
    expect(p.unscheduled).toBe(0);
  });

  test('rr ignores weights except 0: a quiescent server gets nothing', () => {
    // list C(1) B(0) A(5): C, skip B, A, C, A, ...
    expect(letters(servers(rr, [5, 0, 1]), 6)).toBe('C A C A C A');
  });

  test('wrr 4,3,2 over 9 connections: the kernel\'s exact order', () => {
    // list C(2) B(3) A(4); gcd di = 1, mw = 4 - (1 - 1) = 4.
    // The restore: -a A makes di = 4, mw = 1, cw = 1; -a B and -a C keep cw = 1 (di = 1).
    // cw=1: C B A | end: cw=0 -> mw=4: A | cw=3: B A | cw=2: C B A
    expect(letters(servers(wrr, [4, 3, 2]), 9)).toBe('C B A A B A C B A');
    const p = IpvsPrediction.predict(servers(wrr, [4, 3, 2]), 9);
    expect(p.realServers.map(s => s.connections)).toEqual([4, 3, 2]);
  });

  test('wrr keeps that period: 18 connections repeat the 9', () => {
    // after the 9th pick cw = 2 ends; cw=1: C B A; cw=4: A; cw=3: B A; cw=2: C B A
    expect(letters(servers(wrr, [4, 3, 2]), 18)).toBe('C B A A B A C B A C B A A B A C B A');
  });

  test('wrr steps by the gcd of the weights (4,2: di = 2, mw = 3)', () => {
    // -a A(4): di 4, mw 1, cw 1; -a B(2): di 2, mw 3, cw = floor(1/2)*2 + 1 = 1.
    // list B A. cw=1: B A | cw=-1 -> 3: A | cw=1: B A | cw=3: A
    expect(letters(servers(wrr, [4, 2]), 6)).toBe('B A A B A A');
  });

  test('wrr with a quiescent server: weight 0 gets none', () => {
    // -a A(2): di 2, mw 1, cw 1; -a B(0): di 2, mw 1, cw 1; -a C(1): di 1, mw 2, cw 1.
    // list C(1) B(0) A(2). cw=1: C A | cw=2: A | cw=1: C A | cw=2: A
    expect(letters(servers(wrr, [2, 0, 1]), 6)).toBe('C A A C A A');
    expect(IpvsPrediction.predict(servers(wrr, [2, 0, 1]), 6).realServers.map(s => s.connections)).toEqual([4, 0, 2]);
  });

  test.each([rr, wrr])('%s with every weight 0: no destination available', scheduler => {
    const p = IpvsPrediction.predict(servers(scheduler, [0, 0]), 3);
    expect(p).toEqual({
      sequence: [],
      realServers: [
        { server: '10.0.0.1:80', weight: 0, connections: 0 },
        { server: '10.0.0.2:80', weight: 0, connections: 0 },
      ],
      unscheduled: 3,
    });
  });

  test('0 connections predict nothing', () => {
    expect(IpvsPrediction.predict(servers(wrr, [1]), 0).sequence).toEqual([]);
  });

  test('property: over whole cycles wrr gives each server weight/gcd connections per cycle, rr one per non-quiescent server', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 3 }),
      (weights, cycles) => {
        const positive = weights.filter(w => w > 0);
        fc.pre(positive.length > 0);
        const g = positive.reduce((a, b) => { while (b) [a, b] = [b, a % b]; return a; });
        const perCycle = positive.reduce((a, b) => a + b, 0) / g;
        const w = IpvsPrediction.predict(servers(wrr, weights), perCycle * cycles);
        expect(w.realServers.map(s => s.connections)).toEqual(weights.map(x => (x / g) * cycles));
        const r = IpvsPrediction.predict(servers(rr, weights), positive.length * cycles);
        expect(r.realServers.map(s => s.connections)).toEqual(weights.map(x => (x > 0 ? cycles : 0)));
      }));
  });

  describe('refusals', () => {
    test('a scheduler that is not deterministic', () => {
      expect(refusalOf(() => IpvsPrediction.predict(servers(IpvsScheduler.LEAST_CONNECTION, [1]), 3))).toBe(
        '[IpvsPrediction] \'virtualServer.scheduler\' ("lc") cannot be predicted: only rr and wrr are deterministic; '
        + 'the others depend on live connections or client addresses');
    });

    test.each([-1, 1.5, 1_000_001])('connections %s', connections => {
      expect(refusalOf(() => IpvsPrediction.predict(servers(rr, [1]), connections))).toBe(
        `[IpvsPrediction] 'connections' (${connections}) must be an integer from 0 to 1000000`);
    });

    test('the virtual server is checked like the rules', () => {
      expect(refusalOf(() => IpvsPrediction.predict(servers(wrr, [70000]), 1))).toBe(
        '[IpvsPrediction] \'virtualServer.realServers[0].weight\' (70000) must be an integer from 0 (quiescent) to 65535');
    });
  });
});
