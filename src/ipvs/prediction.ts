import { checkArgs } from '../common';
import { hostPort } from './ip-address';
import { checkVirtualServer, CheckedVirtualServer, IpvsVirtualServer } from './ipvsadm-rules';
import { functionReporter, Reporter } from './report';
import { IpvsScheduler } from './scheduler';

/** How many new connections one real server is predicted to get. */
export interface IpvsPredictedRealServer {
  /** The real server, `address:port` (`[address]:port` for IPv6) as ipvsadm prints it. */
  readonly server: string;
  /** Its weight. */
  readonly weight: number;
  /** The new connections it gets. */
  readonly connections: number;
}

/** The predicted spread of new connections over a virtual server's real servers. */
export interface IpvsPredictionResult {
  /** Which real server each new connection goes to, in order. */
  readonly sequence: string[];
  /** Per real server, in the order the rules list them. */
  readonly realServers: IpvsPredictedRealServer[];
  /** Connections no real server took (every weight 0: the kernel reports "no destination available"). */
  readonly unscheduled: number;
}

/** The largest number of connections a prediction simulates one by one. */
export const MAX_PREDICTED_CONNECTIONS = 1_000_000;

/**
 * Predicts how the kernel's `rr` and `wrr` schedulers spread new connections over the real servers of a virtual
 * server freshly loaded with `ipvsadm --restore` (what `IpvsDirector` does), one connection per new client (no
 * persistence). It replays the kernel's code (net/netfilter/ipvs/ip_vs_rr.c, ip_vs_wrr.c, and
 * `__ip_vs_update_dest` in ip_vs_ctl.c), so the order is exact:
 *
 * - Each `-a` inserts the real server at the head of the service's list, so the schedulers walk the real
 *   servers in the reverse of the rule order.
 * - rr: the next server after the last one picked with weight > 0.
 * - wrr: a current weight `cw` steps down from `mw = max weight - (gcd - 1)` by the gcd of the weights;
 *   each pass picks, in list order, the servers with weight >= cw. Every `-a` re-runs wrr's `dest_changed`,
 *   which leaves `cw` at 1 after a fresh restore: the first round gives each server with weight > 0 one
 *   connection, then the weighted passes start from `mw`.
 * - Weight 0 (quiescent) servers get none.
 *
 * The other schedulers depend on live connection counts or on hashing client addresses and are not predicted.
 */
export class IpvsPrediction {
  /**
   * Predicts `connections` new connections to a virtual server.
   *
   * @param virtualServer the virtual server (scheduler rr or wrr)
   * @param connections how many new connections, an integer from 0 to 1,000,000
   */
  public static predict(virtualServer: IpvsVirtualServer, connections: number): IpvsPredictionResult {
    checkArgs('IpvsPrediction', 'IpvsPrediction.predict', arguments);
    const r = functionReporter('IpvsPrediction');
    return predictChecked(r, checkVirtualServer(r.child('virtualServer'), virtualServer), connections);
  }

  private constructor() {}
}

/** The prediction for a checked virtual server. Internal. */
export function predictChecked(r: Reporter, vs: CheckedVirtualServer, connections: number): IpvsPredictionResult {
  if (!Number.isInteger(connections) || connections < 0 || connections > MAX_PREDICTED_CONNECTIONS) {
    r.fail('connections', connections, `must be an integer from 0 to ${MAX_PREDICTED_CONNECTIONS}`);
  }
  const weights = vs.realServers.map(rs => rs.weight);
  let picks: Array<number | undefined>;
  if (vs.scheduler === IpvsScheduler.ROUND_ROBIN) {
    picks = roundRobin(weights, connections);
  } else if (vs.scheduler === IpvsScheduler.WEIGHTED_ROUND_ROBIN) {
    picks = weightedRoundRobin(weights, connections);
  } else {
    r.fail('virtualServer.scheduler', vs.scheduler,
      'cannot be predicted: only rr and wrr are deterministic; the others depend on live connections or client addresses');
  }
  const names = vs.realServers.map(rs => hostPort(rs.address, rs.port));
  const counts = names.map(() => 0);
  const sequence: string[] = [];
  let unscheduled = 0;
  for (const pick of picks) {
    if (pick === undefined) {
      unscheduled++;
    } else {
      counts[pick]++;
      sequence.push(names[pick]);
    }
  }
  return {
    sequence,
    realServers: names.map((server, i) => ({ server, weight: weights[i], connections: counts[i] })),
    unscheduled,
  };
}

/**
 * ip_vs_rr.c over real servers given in rule order; returns the rule index picked per connection.
 * The kernel's list is the reverse of the rule order; `last` is the list position of the previous pick.
 */
function roundRobin(weights: readonly number[], connections: number): Array<number | undefined> {
  const list = kernelList(weights);
  const picks: Array<number | undefined> = [];
  let last = -1; // the list head
  for (let c = 0; c < connections; c++) {
    // after `last` to the end; then, unless we started at the head, from the start up to `last` itself
    const order = [...range(last + 1, list.length), ...(last >= 0 ? range(0, last + 1) : [])];
    const hit = order.find(pos => list[pos].weight > 0);
    if (hit === undefined) {
      picks.push(undefined);
    } else {
      last = hit;
      picks.push(list[hit].rule);
    }
  }
  return picks;
}

/** ip_vs_wrr.c: `ip_vs_wrr_dest_changed` after each `-a`, then `ip_vs_wrr_schedule` per connection. */
function weightedRoundRobin(weights: readonly number[], connections: number): Array<number | undefined> {
  // ip_vs_wrr_init_svc on an empty service: gcd 1, max weight 0
  const mark = { cl: -1, di: 1, mw: 0, cw: 0 };
  for (let added = 1; added <= weights.length; added++) {
    const list = kernelList(weights.slice(0, added));
    mark.cl = -1;
    mark.di = gcdOfPositive(list.map(d => d.weight));
    mark.mw = Math.max(0, ...list.map(d => d.weight)) - (mark.di - 1);
    if (mark.cw > mark.mw || mark.cw === 0) {
      mark.cw = mark.mw;
    } else if (mark.di > 1) {
      mark.cw = Math.floor(mark.cw / mark.di) * mark.di + 1;
    }
  }
  const list = kernelList(weights);
  const picks: Array<number | undefined> = [];
  for (let c = 0; c < connections; c++) {
    picks.push(wrrSchedule(list, mark));
  }
  return picks;
}

function wrrSchedule(list: readonly KernelDest[], mark: { cl: number; di: number; mw: number; cw: number }): number | undefined {
  if (mark.mw === 0) return undefined;
  const last = mark.cl;
  let dest = mark.cl;
  let stop: number | undefined;
  let lastPass = false;
  let restarted = false;
  for (;;) {
    for (dest = dest + 1; dest < list.length; dest++) {
      if (list[dest].weight >= mark.cw) {
        mark.cl = dest;
        return list[dest].rule;
      }
      if (dest === stop) {
        mark.cl = dest;
        return undefined;
      }
    }
    dest = -1; // back at the list head
    mark.cw -= mark.di;
    if (mark.cw <= 0) {
      mark.cw = mark.mw;
      if (lastPass || last === -1) {
        mark.cl = dest;
        return undefined;
      }
      restarted = true;
    }
    lastPass = mark.cw <= mark.di;
    if (lastPass && restarted && last !== -1) stop = last;
  }
}

interface KernelDest {
  readonly rule: number;
  readonly weight: number;
}

/** The service's destination list from its head: `-a` inserts at the head, so the last rule comes first. */
function kernelList(weights: readonly number[]): KernelDest[] {
  return weights.map((weight, rule) => ({ rule, weight })).reverse();
}

function gcdOfPositive(weights: readonly number[]): number {
  let g = 0;
  for (const w of weights) {
    if (w > 0) g = g > 0 ? gcd(w, g) : w;
  }
  return g || 1;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}
