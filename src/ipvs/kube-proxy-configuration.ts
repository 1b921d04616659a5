import { Duration, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { checkArgs, checkConstructArgs, durationMillis, formatDuration, MAX_GO_DURATION_MS } from '../common';
import { cidrProblem, isPort, parseCidr, parseIp } from './ip-address';
import { checkModeForVersion, defaultKubeProxyMode, KubeProxyMode } from './kube-proxy-mode';
import { kubernetesMinor } from './kubernetes-version';
import { constructReporter, functionReporter, Reporter } from './report';
import { checkScheduler, IpvsScheduler, KUBE_PROXY_SCHEDULERS } from './scheduler';
import { validateWrittenObjects } from '../validation/construct';

/** Where kubeadm points kube-proxy at its kubeconfig (the `kubeconfig.conf` key of the same ConfigMap). */
export const KUBEADM_KUBECONFIG_PATH = '/var/lib/kube-proxy/kubeconfig.conf';

/** The fields of a mode that is not IPVS, written under `iptables:` or `nftables:`. */
const IPVS_ONLY_PROPS = ['scheduler', 'strictArp', 'l2Announcement', 'tcpTimeout', 'tcpFinTimeout', 'udpTimeout', 'excludeCidrs'] as const;

/**
 * kube-proxy's `KubeProxyConfiguration` (`kubeproxy.config.k8s.io/v1alpha1`) for one mode (iptables, ipvs or
 * nftables) with that mode's own fields. Unset durations take kube-proxy's own defaults, written out explicitly.
 */
export interface KubeProxyConfigurationProps {
  /**
   * `mode`. Checked against `kubernetesVersion`: nftables from 1.29 (alpha, needs the NFTablesProxyMode gate),
   * beta 1.31, GA 1.33; IPVS deprecated in 1.35, needs the KubeProxyIPVS gate from 1.40, removed in 1.43.
   * `KubeProxyConfiguration.defaultMode(version)` tells what an empty mode means.
   *
   * @default KubeProxyMode.IPVS
   */
  readonly mode?: KubeProxyMode;
  /**
   * `featureGates`, such as `{ NFTablesProxyMode: true }` (nftables on 1.29–1.30) or `{ KubeProxyIPVS: true }`
   * (IPVS on 1.40–1.42).
   *
   * @default - none
   */
  readonly featureGates?: Record<string, boolean>;
  /**
   * `iptables.masqueradeAll` / `nftables.masqueradeAll`: SNAT all traffic sent to Service IPs. Not in IPVS mode.
   *
   * @default false
   */
  readonly masqueradeAll?: boolean;
  /**
   * `iptables.masqueradeBit` / `nftables.masqueradeBit`: the fwmark bit (0–31) that marks packets for SNAT. Not in
   * IPVS mode.
   *
   * @default 14 (kube-proxy's)
   */
  readonly masqueradeBit?: number;
  /**
   * `iptables.localhostNodePorts`: NodePort Services answer on 127.0.0.1 (iptables mode only; nftables never does).
   *
   * @default true (kube-proxy's)
   */
  readonly localhostNodePorts?: boolean;
  /**
   * `bindAddress`: the address kube-proxy's servers bind to; kubeadm writes `0.0.0.0` (or `::` on IPv6 clusters).
   *
   * @default - not written (kube-proxy's default, 0.0.0.0), unless `base` has it
   */
  readonly bindAddress?: string;
  /**
   * The cluster's current `config.conf` (YAML or JSON, as `kubectl -n kube-system get cm kube-proxy
   * -o jsonpath='{.data.config\.conf}'` prints it): every field it sets that these props do not is kept, so
   * fields kubeadm wrote (`bindAddress`, `clusterCIDR`, `clientConnection`, `featureGates`, …) survive. Its
   * apiVersion and kind must be kube-proxy's v1alpha1.
   *
   * @default - only what these props give
   */
  readonly base?: string;
  /**
   * `ipvs.scheduler` (IPVS mode only): the scheduler of every Service, cluster-wide. kube-proxy accepts rr, wrr,
   * lc, wlc, lblc, lblcr, sh, dh, sed, nq (not mh, fo, ovf, twos).
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
   * `<mode>.syncPeriod`: how often kube-proxy resyncs everything. Greater than 0.
   *
   * @default Duration.seconds(30)
   */
  readonly syncPeriod?: Duration;
  /**
   * `<mode>.minSyncPeriod`: the least time between two resyncs; at most `syncPeriod`. 0 resyncs on every change.
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
   * The Kubernetes version the cluster runs (`"1.33"`, `"v1.35.2"`): the mode and its feature gates are checked
   * against it (see `mode`), with a warning where the mode is alpha, beta or deprecated.
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
  readonly bindAddress?: string;
  readonly clientConnection: { readonly kubeconfig: string; readonly [field: string]: unknown };
  readonly clusterCIDR?: string;
  readonly featureGates?: Record<string, boolean>;
  readonly metricsBindAddress?: string;
  readonly mode: `${KubeProxyMode}`;
  readonly ipvs?: {
    readonly excludeCIDRs: string[];
    readonly minSyncPeriod: string;
    readonly scheduler: string;
    readonly strictARP: boolean;
    readonly syncPeriod: string;
    readonly tcpFinTimeout: string;
    readonly tcpTimeout: string;
    readonly udpTimeout: string;
  };
  readonly iptables?: ModeSection & { readonly localhostNodePorts?: boolean };
  readonly nftables?: ModeSection;
  readonly [field: string]: unknown;
}

/** The fields iptables and nftables modes share. */
interface ModeSection {
  readonly masqueradeAll?: boolean;
  readonly masqueradeBit?: number;
  readonly minSyncPeriod: string;
  readonly syncPeriod: string;
}

/**
 * kube-proxy configured from code, in iptables, IPVS or nftables mode: the `kube-proxy` ConfigMap in
 * `kube-system` with the `KubeProxyConfiguration` under `config.conf`, the way kubeadm keeps it.
 *
 * Cluster-wide: one per cluster, and it replaces the whole `config.conf` (give the current one as `base` to keep
 * what kubeadm wrote; kubeadm's other key, `kubeconfig.conf`, is left alone by `kubectl apply` and server-side
 * apply, since this object does not name it). kube-proxy reads the file at start: restart it after a change
 * (`kubectl -n kube-system rollout restart ds/kube-proxy`).
 *
 * With `kubernetesVersion`, the mode is checked against kube-proxy's timeline: nftables alpha 1.29, beta 1.31,
 * GA 1.33 and the default from 1.40; IPVS deprecated 1.35, gated from 1.37, off by default 1.40, removed 1.43.
 */
export class KubeProxyConfiguration extends Construct {
  /**
   * The mode kube-proxy of a Kubernetes version runs when `mode` is empty: iptables up to 1.39, nftables from 1.40.
   *
   * @param kubernetesVersion `"1.33"`, `"v1.40.1"`, …
   */
  public static defaultMode(kubernetesVersion: string): KubeProxyMode {
    checkArgs('KubeProxyConfiguration', 'KubeProxyConfiguration.defaultMode', arguments);
    return defaultKubeProxyMode(kubernetesMinor(functionReporter('KubeProxyConfiguration.defaultMode'), 'kubernetesVersion', kubernetesVersion));
  }

  /** The `kube-proxy` ConfigMap (namespace `kube-system`, key `config.conf`). */
  public readonly configMap: kplus.ConfigMap;
  /** The configuration document as it is written to `config.conf`. */
  public readonly document: any;

  /** The mode written. */
  public readonly mode: KubeProxyMode;

  /**
   * Defines the construct; see the props for what it writes and checks.
   *
   * @param scope the construct this one is defined in (a Chart, or a construct in one)
   * @param id the id, unique among the children of `scope`; the construct path ends with it
   * @param props the settings (KubeProxyConfigurationProps)
   */
  constructor(scope: Construct, id: string, props: KubeProxyConfigurationProps = {}) {
    super(checkConstructArgs('KubeProxyConfiguration', scope, id, props), id);
    validateWrittenObjects(this);
    const r = constructReporter(this);
    this.document = kubeProxyDocument(r, props ?? {});
    this.mode = this.document.mode;
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
  const mode = props.mode ?? KubeProxyMode.IPVS;
  if (!Object.values(KubeProxyMode).includes(mode)) r.fail('mode', mode, `must be ${Object.values(KubeProxyMode).map(m => `"${m}"`).join(', ')}`);
  const featureGates = checkFeatureGates(r, props.featureGates);
  if (props.kubernetesVersion !== undefined) {
    checkModeForVersion(r, mode, kubernetesMinor(r, 'kubernetesVersion', props.kubernetesVersion), props.kubernetesVersion, featureGates ?? {});
  }
  const base = parseBase(r, props.base);
  if (mode !== KubeProxyMode.IPVS) {
    for (const prop of IPVS_ONLY_PROPS) {
      if (props[prop] !== undefined) r.fail(prop, props[prop], `is an IPVS-mode setting and does nothing in "${mode}" mode`);
    }
  } else {
    for (const prop of ['masqueradeAll', 'masqueradeBit', 'localhostNodePorts'] as const) {
      if (props[prop] !== undefined) r.fail(prop, props[prop], 'is an iptables/nftables setting and does nothing in "ipvs" mode');
    }
  }
  if (mode === KubeProxyMode.NFTABLES && props.localhostNodePorts !== undefined) {
    r.fail('localhostNodePorts', props.localhostNodePorts, 'is iptables-only: nftables mode never answers NodePorts on 127.0.0.1');
  }
  if (props.masqueradeBit !== undefined && !(Number.isInteger(props.masqueradeBit) && props.masqueradeBit >= 0 && props.masqueradeBit <= 31)) {
    r.fail('masqueradeBit', props.masqueradeBit, 'must be an integer from 0 to 31');
  }
  for (const prop of ['masqueradeAll', 'localhostNodePorts', 'strictArp', 'l2Announcement'] as const) {
    if (props[prop] !== undefined && typeof props[prop] !== 'boolean') r.fail(prop, props[prop], 'must be true or false');
  }
  if (props.bindAddress !== undefined && !parseIp(props.bindAddress)) {
    r.fail('bindAddress', props.bindAddress, 'must be an IP address such as 0.0.0.0 or ::');
  }
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
  const kubeconfig = props.kubeconfigPath ?? base.clientConnection?.kubeconfig ?? KUBEADM_KUBECONFIG_PATH;
  if (typeof kubeconfig !== 'string' || !kubeconfig.startsWith('/')) {
    r.fail('kubeconfigPath', kubeconfig, 'must be an absolute path');
  }
  const periods = { minSyncPeriod: formatDuration(minSyncPeriod), syncPeriod: formatDuration(syncPeriod) };
  const section = mode === KubeProxyMode.IPVS ? {
    ipvs: {
      ...base.ipvs,
      excludeCIDRs: excludeCidrs,
      minSyncPeriod: periods.minSyncPeriod,
      scheduler: checkScheduler(r, 'scheduler', props.scheduler ?? IpvsScheduler.ROUND_ROBIN, KUBE_PROXY_SCHEDULERS, 'kube-proxy'),
      strictARP: props.strictArp ?? l2,
      syncPeriod: periods.syncPeriod,
      tcpFinTimeout: formatDuration(duration(r, 'tcpFinTimeout', props.tcpFinTimeout, Duration.seconds(0))),
      tcpTimeout: formatDuration(duration(r, 'tcpTimeout', props.tcpTimeout, Duration.seconds(0))),
      udpTimeout: formatDuration(duration(r, 'udpTimeout', props.udpTimeout, Duration.seconds(0))),
    },
  } : {
    [mode]: {
      ...base[mode],
      ...(props.masqueradeAll !== undefined ? { masqueradeAll: props.masqueradeAll } : {}),
      ...(props.masqueradeBit !== undefined ? { masqueradeBit: props.masqueradeBit } : {}),
      ...(props.localhostNodePorts !== undefined ? { localhostNodePorts: props.localhostNodePorts } : {}),
      ...periods,
    },
  };
  const own: Record<string, unknown> = {
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    bindAddress: props.bindAddress,
    clientConnection: { ...base.clientConnection, kubeconfig },
    clusterCIDR: clusterCidr,
    featureGates: featureGates && { ...base.featureGates, ...featureGates },
    metricsBindAddress: props.metricsBindAddress,
    mode,
    ...section,
  };
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(own)) if (value !== undefined) merged[key] = value;
  // apiVersion and kind first, then the rest sorted: the same config is the same bytes whatever order base had
  const keys = ['apiVersion', 'kind', ...Object.keys(merged).filter(k => k !== 'apiVersion' && k !== 'kind').sort()];
  return Object.fromEntries(keys.map(k => [k, merged[k]])) as unknown as KubeProxyConfigurationDocument;
}

function checkFeatureGates(r: Reporter, gates: Record<string, boolean> | undefined): Record<string, boolean> | undefined {
  if (gates === undefined) return undefined;
  if (gates === null || typeof gates !== 'object' || Array.isArray(gates)) r.fail('featureGates', gates, 'must map gate names to true or false');
  for (const [name, on] of Object.entries(gates)) {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) r.fail(`featureGates[${JSON.stringify(name)}]`, name, 'must be a feature gate name such as NFTablesProxyMode');
    if (typeof on !== 'boolean') r.fail(`featureGates[${JSON.stringify(name)}]`, on, 'must be true or false');
  }
  return gates;
}

/** The cluster's current configuration, whose fields the written one keeps. */
function parseBase(r: Reporter, text: string | undefined): Record<string, any> {
  if (text === undefined) return {};
  let doc: any;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    doc = typeof text === 'string' ? (require('yaml') as typeof import('yaml')).parse(text) : undefined;
  } catch (e: any) {
    r.fail('base', text, `must be kube-proxy's config.conf as YAML or JSON (${e.message.split('\n')[0]})`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || doc.apiVersion !== 'kubeproxy.config.k8s.io/v1alpha1'
    || doc.kind !== 'KubeProxyConfiguration') {
    r.fail('base', text, 'must be a KubeProxyConfiguration of kubeproxy.config.k8s.io/v1alpha1 (kube-proxy\'s config.conf)');
  }
  return doc;
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
