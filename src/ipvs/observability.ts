import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { restrictedContainer } from '../common';

/** One column of `ipvsadm -L -n` (with `--stats`, `--rate` or neither) and where node_exporter exports it. */
export interface IpvsStatsColumnMetric {
  /** The ipvsadm column. */
  readonly column: string;
  /** The ipvsadm option that shows it (`--stats`, `--rate`, or none for the default listing). */
  readonly listing: string;
  /** The node_exporter metric, or the PromQL that gives the same number. */
  readonly metric: string;
  /** What the metric covers compared with the column. */
  readonly scope: string;
}

/** The default node_exporter image for the director's metrics sidecar (ipvs collector only). */
export const DEFAULT_NODE_EXPORTER_IMAGE = 'quay.io/prometheus/node-exporter:v1.9.1';
/** The sidecar's default port: not 9100, which a node_exporter DaemonSet on the host network usually holds. */
export const DEFAULT_METRICS_PORT = 9110;

const NODE_TOTAL = 'node total (/proc/net/ip_vs_stats)';
/** `--stats` column, its `--rate` column, the node_exporter counter. */
const COUNTERS = [
  ['Conns', 'CPS', 'node_ipvs_connections_total'],
  ['InPkts', 'InPPS', 'node_ipvs_incoming_packets_total'],
  ['OutPkts', 'OutPPS', 'node_ipvs_outgoing_packets_total'],
  ['InBytes', 'InBPS', 'node_ipvs_incoming_bytes_total'],
  ['OutBytes', 'OutBPS', 'node_ipvs_outgoing_bytes_total'],
] as const;
/** Default-listing column, the node_exporter gauge. */
const BACKEND_GAUGES = [
  ['Weight', 'node_ipvs_backend_weight'],
  ['ActiveConn', 'node_ipvs_backend_connections_active'],
  ['InActConn', 'node_ipvs_backend_connections_inactive'],
] as const;
const BACKEND = 'per real server (/proc/net/ip_vs)';

/**
 * node_exporter's ipvs collector and `ipvsadm`: which metric answers which column.
 *
 * node_exporter reads `/proc/net/ip_vs_stats` (node totals: the sum over every virtual server on the node) and
 * `/proc/net/ip_vs` (per real server, labels local_address, local_port, remote_address, remote_port, proto,
 * local_mark). It has no per-virtual-server or per-real-server counterpart of the `--stats` columns: those
 * numbers are only in `ipvsadm -L -n --stats`. The `--rate` columns are the kernel's own estimator (sampled
 * every 2 seconds, smoothed); the PromQL rates are the closest equivalent.
 */
export class IpvsMetrics {
  /** Column → metric, in ipvsadm's column order. */
  public static statsColumns(): IpvsStatsColumnMetric[] {
    return [
      ...COUNTERS.map(([column, , metric]) => ({ column, listing: '--stats', metric, scope: NODE_TOTAL })),
      ...COUNTERS.map(([, column, metric]) => ({ column, listing: '--rate', metric: `rate(${metric}[1m])`, scope: NODE_TOTAL })),
      ...BACKEND_GAUGES.map(([column, metric]) => ({ column, listing: '(default)', metric, scope: BACKEND })),
    ];
  }

  /** The mapping as a Markdown table (the README's). */
  public static markdownTable(): string {
    const rows = IpvsMetrics.statsColumns().map(m => `| \`${m.column}\` | \`${m.listing}\` | \`${m.metric}\` | ${m.scope} |`);
    return ['| ipvsadm column | listing | node_exporter | scope |', '| --- | --- | --- | --- |', ...rows].map(l => `${l}\n`).join('');
  }

  private constructor() {}
}

/** The pod annotations that make a Prometheus `kubernetes-pods` scrape job collect the sidecar. */
export function scrapeAnnotations(port: number): Record<string, string> {
  return { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(port), 'prometheus.io/path': '/metrics' };
}

/**
 * node_exporter with only the ipvs collector. On the host network its /proc/net is the node's, so it sees the
 * node's IPVS tables without a hostPath mount; it runs as nobody with every capability dropped.
 */
export function nodeExporterSidecar(image: string, port: number): kplus.ContainerProps {
  return restrictedContainer({
    name: 'ipvs-metrics',
    image,
    imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
    args: ['--collector.disable-defaults', '--collector.ipvs', `--web.listen-address=:${port}`],
    ports: [{ name: 'metrics', number: port }],
    securityContext: { user: 65534, group: 65534 },
    resources: {
      cpu: { request: kplus.Cpu.millis(10), limit: kplus.Cpu.millis(100) },
      memory: { request: Size.mebibytes(32), limit: Size.mebibytes(64) },
    },
  });
}

