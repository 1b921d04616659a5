import { checkArgs } from '../common';
import { hostPort } from './ip-address';
import { checkVirtualServers, IpvsForwarding, IpvsVirtualServer, IpvsProtocol } from './ipvsadm-rules';
import { predictChecked } from './prediction';
import { functionReporter, Reporter } from './report';

/**
 * What one connection carries through the director, to turn predicted connection counts into the packet and
 * byte columns of `ipvsadm -L -n --stats`. A model you choose (e.g. measured with one `curl`), not a measurement.
 */
export interface IpvsTrafficProfile {
  /** Packets from the client per connection (ipvsadm's InPkts). */
  readonly inPackets: number;
  /** Packets from the real server back through the director per connection (OutPkts; 0 for gatewaying and tunneling). */
  readonly outPackets: number;
  /** Bytes from the client per connection (InBytes). */
  readonly inBytes: number;
  /** Bytes back through the director per connection (OutBytes; 0 for gatewaying and tunneling). */
  readonly outBytes: number;
}

/**
 * Renders the predicted `ipvsadm -L -n --stats` table for virtual servers after `connections` new connections
 * each: Conns from `IpvsPrediction`, the packet and byte columns from a traffic profile. With gatewaying and
 * tunneling replies bypass the director, so OutPkts and OutBytes stay 0, as on a real director.
 */
export class IpvsStatsTable {
  /**
   * The table, in ipvsadm's layout (column widths, services and real servers sorted by address as ipvsadm
   * does without `--nosort`), without the kernel-specific "IP Virtual Server version" banner.
   *
   * @param virtualServers the virtual servers (scheduler rr or wrr)
   * @param connections new connections per virtual server
   * @param traffic what each connection carries
   */
  public static predict(virtualServers: IpvsVirtualServer[], connections: number, traffic: IpvsTrafficProfile): string {
    checkArgs('IpvsStatsTable', 'IpvsStatsTable.predict', arguments);
    const r = functionReporter('IpvsStatsTable');
    checkTraffic(r, traffic);
    const checked = checkVirtualServers(r, 'virtualServers', virtualServers);
    const lines = [
      `${pad('Prot LocalAddress:Port', 33)} ${['Conns', 'InPkts', 'OutPkts', 'InBytes', 'OutBytes'].map(h => h.padStart(8)).join(' ')}`,
      '  -> RemoteAddress:Port',
    ];
    const sorted = [...checked].sort((a, b) => compare(a.protocol, b.protocol) || compare(a.address.value, b.address.value) || a.port - b.port);
    for (const vs of sorted) {
      const prediction = predictChecked(r, vs, connections);
      const direct = vs.forwarding !== IpvsForwarding.MASQUERADING;
      const row = (conns: number) => [
        conns,
        conns * traffic.inPackets,
        direct ? 0 : conns * traffic.outPackets,
        conns * traffic.inBytes,
        direct ? 0 : conns * traffic.outBytes,
      ].map(largeNumber).join('');
      const proto = vs.protocol === IpvsProtocol.TCP ? 'TCP' : 'UDP';
      const scheduled = connections - prediction.unscheduled;
      lines.push(`${pad(`${proto}  ${hostPort(vs.address, vs.port)}`, 33)}${row(scheduled)}`);
      const servers = vs.realServers
        .map((rs, i) => ({ rs, conns: prediction.realServers[i].connections }))
        .sort((a, b) => compare(a.rs.address.value, b.rs.address.value) || a.rs.port - b.rs.port);
      for (const { rs, conns } of servers) {
        lines.push(`  -> ${pad(hostPort(rs.address, rs.port), 28)}${row(conns)}`);
      }
    }
    return lines.map(l => `${l}\n`).join('');
  }

  private constructor() {}
}

function checkTraffic(r: Reporter, traffic: IpvsTrafficProfile): void {
  if (!traffic || typeof traffic !== 'object') r.fail('traffic', traffic, 'must be a traffic profile');
  for (const key of ['inPackets', 'outPackets', 'inBytes', 'outBytes'] as const) {
    const v = traffic[key];
    if (!Number.isInteger(v) || v < 0) r.fail(`traffic.${key}`, v, 'must be an integer >= 0');
  }
}

/** ipvsadm's `print_largenum` without `--exact`: 9 columns, K/M/G/T above 100 million. */
function largeNumber(n: number): string {
  if (n < 1e8) return String(n).padStart(9);
  if (n < 1e9) return `${String(Math.floor(n / 1e3)).padStart(8)}K`;
  if (n < 1e11) return `${String(Math.floor(n / 1e6)).padStart(8)}M`;
  if (n < 1e14) return `${String(Math.floor(n / 1e9)).padStart(8)}G`;
  return `${String(Math.floor(n / 1e12)).padStart(8)}T`;
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}

function compare<T extends string | bigint>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
