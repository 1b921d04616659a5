import { refusalOf } from './helpers';
import { IpvsForwarding, IpvsMetrics, IpvsProtocol, IpvsScheduler, IpvsStatsTable, IpvsTrafficProfile } from '../../src';

const traffic: IpvsTrafficProfile = { inPackets: 6, outPackets: 4, inBytes: 400, outBytes: 1500 };

describe('IpvsStatsTable', () => {
  // expected lines made with C printf formats ("%-33s", "  -> %-28s", "%9llu", "%8lluK") as ipvsadm prints them
  test('GIVEN the seed and 11 connections THEN ipvsadm -L -n --stats as the kernel would count them', () => {
    expect(IpvsStatsTable.predict([
      { address: '1.2.3.4', port: 80, realServers: [{ address: '172.17.0.3' }, { address: '172.17.0.4' }] },
    ], 11, traffic)).toBe([
      'Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes',
      '  -> RemoteAddress:Port',
      // the rules add .3 then .4, so the kernel's list starts with .4, which gets the odd connection
      'TCP  1.2.3.4:80                         11       66       44     4400    16500',
      '  -> 172.17.0.3:80                       5       30       20     2000     7500',
      '  -> 172.17.0.4:80                       6       36       24     2400     9000',
      '',
    ].join('\n'));
  });

  test('gatewaying and tunneling: replies bypass the director, so OutPkts and OutBytes stay 0; services sorted; big numbers in K/M', () => {
    const table = IpvsStatsTable.predict([
      { address: '10.0.0.20', port: 443, forwarding: IpvsForwarding.TUNNELING, realServers: [{ address: '10.0.1.1' }] },
      {
        address: '10.0.0.10',
        port: 53,
        protocol: IpvsProtocol.UDP,
        scheduler: IpvsScheduler.WEIGHTED_ROUND_ROBIN,
        forwarding: IpvsForwarding.GATEWAYING,
        realServers: [{ address: '10.0.1.1', weight: 3 }, { address: '10.0.1.2', weight: 1 }],
      },
    ], 400_000, { inPackets: 10, outPackets: 10, inBytes: 1000, outBytes: 1000 });
    expect(table.split('\n').slice(2)).toEqual([
      'TCP  10.0.0.20:443                  400000  4000000        0  400000K        0',
      '  -> 10.0.1.1:443                   400000  4000000        0  400000K        0',
      'UDP  10.0.0.10:53                   400000  4000000        0  400000K        0',
      '  -> 10.0.1.1:53                    300000  3000000        0  300000K        0',
      '  -> 10.0.1.2:53                    100000  1000000        0  100000K        0',
      '',
    ]);
  });

  test('refuses a traffic profile that is not counts', () => {
    expect(refusalOf(() => IpvsStatsTable.predict([{ address: '1.2.3.4', port: 80, realServers: [{ address: '10.0.0.1' }] }], 1,
      { ...traffic, outBytes: -1 }))).toBe('[IpvsStatsTable] \'traffic.outBytes\' (-1) must be an integer >= 0');
  });
});

describe('IpvsMetrics', () => {
  test('every --stats column maps to its node_exporter node total, the default columns to the backend gauges', () => {
    const byColumn = Object.fromEntries(IpvsMetrics.statsColumns().map(m => [m.column, m.metric]));
    expect(byColumn).toEqual({
      Conns: 'node_ipvs_connections_total',
      InPkts: 'node_ipvs_incoming_packets_total',
      OutPkts: 'node_ipvs_outgoing_packets_total',
      InBytes: 'node_ipvs_incoming_bytes_total',
      OutBytes: 'node_ipvs_outgoing_bytes_total',
      CPS: 'rate(node_ipvs_connections_total[1m])',
      InPPS: 'rate(node_ipvs_incoming_packets_total[1m])',
      OutPPS: 'rate(node_ipvs_outgoing_packets_total[1m])',
      InBPS: 'rate(node_ipvs_incoming_bytes_total[1m])',
      OutBPS: 'rate(node_ipvs_outgoing_bytes_total[1m])',
      Weight: 'node_ipvs_backend_weight',
      ActiveConn: 'node_ipvs_backend_connections_active',
      InActConn: 'node_ipvs_backend_connections_inactive',
    });
    const table = IpvsMetrics.markdownTable().split('\n');
    expect(table[0]).toBe('| ipvsadm column | listing | node_exporter | scope |');
    expect(table[2]).toBe('| `Conns` | `--stats` | `node_ipvs_connections_total` | node total (/proc/net/ip_vs_stats) |');
    expect(table[12]).toBe('| `Weight` | `(default)` | `node_ipvs_backend_weight` | per real server (/proc/net/ip_vs) |');
    expect(table).toHaveLength(13 + 3);
  });
});
