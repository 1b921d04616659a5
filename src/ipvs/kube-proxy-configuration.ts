import { Duration, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { checkConstructArgs, durationMillis, formatDuration, MAX_GO_DURATION_MS } from '../common';
import { cidrProblem, isPort, parseCidr, parseIp } from './ip-address';
import { warnIfIpvsModeDeprecated } from './kubernetes-version';
import { constructReporter, Reporter } from './report';
import { checkScheduler, IpvsScheduler, KUBE_PROXY_SCHEDULERS } from './scheduler';

/** Where kubeadm points kube-proxy at its kubeconfig (the `kubeconfig.conf` key of the same ConfigMap). */
export const KUBEADM_KUBECONFIG_PATH = '/var/lib/kube-proxy/kubeconfig.conf';

/**
 * The IPVS-related fields of kube-proxy's `KubeProxyConfiguration` (`kubeproxy.config.k8s.io/v1alpha1`).
 * Unset durations take kube-proxy's own defaults, written out explicitly.
 */
export interface KubeProxyConfigurationProps {
  /**
   * `ipvs.scheduler`: the scheduler of every Service, cluster-wide. kube-proxy accepts rr, wrr, lc, wlc, lblc,
   * lblcr, sh, dh, sed, nq (not mh, fo, ovf, twos).
   *
   * @default IpvsScheduler.ROUND_ROBIN (what kube-proxy's empty value means)
   */
  readonly scheduler?: IpvsScheduler;
  /**
   * `ipvs.strictARP`: stop nodes answering ARP for addresses on `kube-ipvs0`. MetalLB in L2 mode requires it.
   *
   * @default - true with `l2Announcement`, otherwise false (kube-proxy's default)
   */
  readonly strictArp?: boolean;
  /**
   * LoadBalancer IPs are announced on layer 2 (ARP/NDP), as MetalLB's L2 mode or kube-vip's ARP mode do:
   * then `strictArp` must not be false, or every node answers ARP for every VIP.
   *
   * @default false
   */
  readonly l2Announcement?: boolean;
  /**
   * `ipvs.syncPeriod`: how often kube-proxy resyncs everything. Greater than 0.
   *
   * @default Duration.seconds(30)
   */
  readonly syncPeriod?: Duration;
  /**
   * `ipvs.minSyncPeriod`: the least time between two resyncs; at most `syncPeriod`. 0 resyncs on every change.
   *
   * @default Duration.seconds(0)
   */
  readonly minSyncPeriod?: Duration;
  /**
   * `ipvs.tcpTimeout`: idle timeout of IPVS TCP sessions. 0 keeps the node's value.
   *
   * @default Duration.seconds(0)
   */
  readonly tcpTimeout?: Duration;
  /**
   * `ipvs.tcpFinTimeout`: timeout of IPVS TCP sessions after a FIN. 0 keeps the node's value.
   *
   * @default Duration.seconds(0)
   */
  readonly tcpFinTimeout?: Duration;
  /**
   * `ipvs.udpTimeout`: timeout of IPVS UDP sessions. 0 keeps the node's value.
   *
   * @default Duration.seconds(0)
   */
  readonly udpTimeout?: Duration;
  /**
   * `ipvs.excludeCIDRs`: IPVS virtual servers in these blocks are never cleaned up by kube-proxy (e.g. those of
   * an `IpvsDirector` on the same nodes).
   *
   * @default - none
   */
  readonly excludeCidrs?: string[];
  /**
   * `clusterCIDR`: the pod network, one block or an IPv4/IPv6 pair. kubeadm writes its `podSubnet` here; the
   * rendered config replaces kubeadm's, so give it again.
   *
   * @default - not set
   */
  readonly clusterCidrs?: string[];
  /**
   * `metricsBindAddress`: where kube-proxy serves metrics, `IP:port` (`0.0.0.0:10249` lets Prometheus scrape it).
   *
   * @default - kube-proxy's default, 127.0.0.1:10249
   */
  readonly metricsBindAddress?: string;
  /**
   * `clientConnection.kubeconfig`: the kubeconfig kube-proxy uses.
   *
   * @default '/var/lib/kube-proxy/kubeconfig.conf' (kubeadm's)
   */
  readonly kubeconfigPath?: string;
  /**
   * The Kubernetes version the cluster runs (`"1.33"`, `"v1.35.2"`): from 1.35 a deprecation warning says that
   * IPVS mode is deprecated and nftables is its successor.
   *
   * @default - no version check
   */
  readonly kubernetesVersion?: string;
}

/**
 * kube-proxy's configuration file as it sits in `config.conf` (field names as in
 * k8s.io/kube-proxy/config/v1alpha1/types.go). Internal: the public face is `KubeProxyConfigurationProps`.
 */
export interface KubeProxyConfigurationDocument {
  readonly apiVersion: 'kubeproxy.config.k8s.io/v1alpha1';
  readonly kind: 'KubeProxyConfiguration';
  readonly clientConnection: { readonly kubeconfig: string };
  readonly clusterCIDR?: string;
  readonly metricsBindAddress?: string;
  readonly mode: 'ipvs';
  readonly ipvs: {
    readonly excludeCIDRs: string[];
    readonly minSyncPeriod: string;
    readonly scheduler: string;
    readonly strictARP: boolean;
    readonly syncPeriod: string;
    readonly tcpFinTimeout: string;
    readonly tcpTimeout: string;
    readonly udpTimeout: string;
  };
}

/**
 * kube-proxy in IPVS mode, configured from code: the `kube-proxy` ConfigMap in `kube-system` with the
 * `KubeProxyConfiguration` under `config.conf`, the way kubeadm keeps it.
 *
 * Cluster-wide: one per cluster, and it replaces the whole `config.conf` (kubeadm's other key, `kubeconfig.conf`,
 * is left alone by `kubectl apply` and server-side apply, since this object does not name it). kube-proxy reads
 * the file at start: restart it after a change (`kubectl -n kube-system rollout restart ds/kube-proxy`).
 *
 * IPVS mode is deprecated from Kubernetes 1.35 (nftables is GA since 1.33); `kubernetesVersion` makes that a
 * synth-time warning.
 */
export class KubeProxyConfiguration extends Construct {
  /** The `kube-proxy` ConfigMap (namespace `kube-system`, key `config.conf`). */
  public readonly configMap: kplus.ConfigMap;
  /** The configuration document as it is written to `config.conf`. */
  public readonly document: any;

  constructor(scope: Construct, id: string, props: KubeProxyConfigurationProps = {}) {
    super(checkConstructArgs('KubeProxyConfiguration', scope, id, props), id);
    const r = constructReporter(this);
    this.document = kubeProxyDocument(r, props);
    warnIfIpvsModeDeprecated(r, 'kubernetesVersion', props.kubernetesVersion);
    this.configMap = new kplus.ConfigMap(this, 'Resource', {
      metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { app: 'kube-proxy' } },
      data: { 'config.conf': this.toYaml() },
    });
  }

  /** The configuration as YAML, exactly as in `config.conf`. */
  public toYaml(): string {
    return Yaml.stringify(this.document);
  }
}

/** Checks the props and builds the document (the reporter names the props' place). Internal. */
export function kubeProxyDocument(r: Reporter, props: KubeProxyConfigurationProps): KubeProxyConfigurationDocument {
  const scheduler = checkScheduler(r, 'scheduler', props.scheduler ?? IpvsScheduler.ROUND_ROBIN, KUBE_PROXY_SCHEDULERS, 'kube-proxy');
  const l2 = props.l2Announcement ?? false;
  if (l2 && props.strictArp === false) {
    r.fail('strictArp', false, 'must be true (or unset) when LoadBalancer IPs are announced on layer 2 (\'l2Announcement\'): '
      + 'MetalLB in L2 mode needs kube-proxy\'s strictARP in IPVS mode, or every node answers ARP for every VIP');
  }
  const syncPeriod = duration(r, 'syncPeriod', props.syncPeriod, Duration.seconds(30));
  const minSyncPeriod = duration(r, 'minSyncPeriod', props.minSyncPeriod, Duration.seconds(0));
  if (syncPeriod.toMilliseconds() <= 0) r.fail('syncPeriod', formatDuration(syncPeriod), 'must be greater than 0');
  if (minSyncPeriod.toMilliseconds() > syncPeriod.toMilliseconds()) {
    r.fail('minSyncPeriod', formatDuration(minSyncPeriod), `must be at most 'syncPeriod' (${formatDuration(syncPeriod)})`);
  }
  const excludeCidrs = cidrList(r, 'excludeCidrs', props.excludeCidrs ?? []);
  let clusterCidr: string | undefined;
  if (props.clusterCidrs !== undefined) {
    const cidrs = cidrList(r, 'clusterCidrs', props.clusterCidrs);
    const families = cidrs.map(c => parseCidr(c)!.family);
    if (cidrs.length < 1 || cidrs.length > 2 || (cidrs.length === 2 && families[0] === families[1])) {
      r.fail('clusterCidrs', props.clusterCidrs, 'must be one CIDR block, or one IPv4 and one IPv6 block (dual-stack)');
    }
    clusterCidr = cidrs.join(',');
  }
  if (props.metricsBindAddress !== undefined) checkHostPort(r, 'metricsBindAddress', props.metricsBindAddress);
  const kubeconfig = props.kubeconfigPath ?? KUBEADM_KUBECONFIG_PATH;
  if (typeof kubeconfig !== 'string' || !kubeconfig.startsWith('/')) {
    r.fail('kubeconfigPath', kubeconfig, 'must be an absolute path');
  }
  return {
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    clientConnection: { kubeconfig },
    ...(clusterCidr !== undefined ? { clusterCIDR: clusterCidr } : {}),
    ...(props.metricsBindAddress !== undefined ? { metricsBindAddress: props.metricsBindAddress } : {}),
    mode: 'ipvs',
    ipvs: {
      excludeCIDRs: excludeCidrs,
      minSyncPeriod: formatDuration(minSyncPeriod),
      scheduler,
      strictARP: props.strictArp ?? l2,
      syncPeriod: formatDuration(syncPeriod),
      tcpFinTimeout: formatDuration(duration(r, 'tcpFinTimeout', props.tcpFinTimeout, Duration.seconds(0))),
      tcpTimeout: formatDuration(duration(r, 'tcpTimeout', props.tcpTimeout, Duration.seconds(0))),
      udpTimeout: formatDuration(duration(r, 'udpTimeout', props.udpTimeout, Duration.seconds(0))),
    },
  };
}

function duration(r: Reporter, prop: string, value: Duration | undefined, fallback: Duration): Duration {
  if (value === undefined) return fallback;
  if (!(value instanceof Duration)) r.fail(prop, value, 'must be a Duration');
  const ms = durationMillis(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_GO_DURATION_MS) {
    r.fail(prop, Number.isFinite(ms) && ms >= 0 && ms % 1000 === 0 ? formatDuration(value) : `${ms}ms`,
      `must be whole milliseconds from 0 to ${formatDuration(Duration.millis(Math.floor(MAX_GO_DURATION_MS / 3600000) * 3600000))} `
      + '(kube-proxy reads it as a Go duration)');
  }
  return value;
}

function cidrList(r: Reporter, prop: string, cidrs: readonly string[]): string[] {
  if (!Array.isArray(cidrs)) r.fail(prop, cidrs, 'must be a list of CIDR blocks');
  return cidrs.map((cidr, i) => {
    const problem = typeof cidr === 'string' ? cidrProblem(cidr) : 'must be a CIDR block such as 10.0.0.0/8 or fd00::/64';
    if (problem) r.fail(`${prop}[${i}]`, cidr, problem);
    return parseCidr(cidr)!.text;
  });
}

function checkHostPort(r: Reporter, prop: string, value: string): void {
  const m = typeof value === 'string' ? /^(?:\[([^\]]+)\]|([^:\]]+)):([0-9]+)$/.exec(value) : null;
  const ip = m ? parseIp(m[1] ?? m[2]) : undefined;
  const port = m ? Number(m[3]) : NaN;
  if (!m || !ip || (m[1] !== undefined) !== (ip.family === 6) || !/^(0|[1-9][0-9]*)$/.test(m[3]) || !isPort(port)) {
    r.fail(prop, value, 'must be IP:port, such as 0.0.0.0:10249 or [::]:10249');
  }
}
