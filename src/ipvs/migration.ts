import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { checkArgs } from '../common';
import { IpvsDirector } from './director';
import { KubeProxyConfiguration } from './kube-proxy-configuration';
import { KubeProxyMode } from './kube-proxy-mode';
import { KUBE_ROUTER_DSR_ANNOTATION, KUBE_ROUTER_SCHEDFLAGS_ANNOTATION, KUBE_ROUTER_SCHEDULER_ANNOTATION } from './kube-router';
import { IpvsScheduler } from './scheduler';

/** What happens to an IPVS-specific setting when kube-proxy moves from IPVS to nftables mode. */
export enum NftablesMigrationOutcome {
  /** Works the same under nftables. */
  KEPT = 'kept',
  /** Still has an effect, but a different one or under another name. */
  CHANGED = 'changed',
  /** Has no effect under nftables: the behaviour is gone. */
  LOST = 'lost',
  /** Only worked around an IPVS-mode problem that nftables does not have. */
  NOT_NEEDED = 'not needed',
}

/** One IPVS-specific setting found in an App and its fate under nftables. */
export interface NftablesMigrationItem {
  /** The construct that writes it. */
  readonly path: string;
  /** The setting, as written (`ipvs.scheduler`, `sessionAffinity`, an annotation). */
  readonly setting: string;
  /** Its value. */
  readonly value: string;
  /** What happens to it. */
  readonly outcome: NftablesMigrationOutcome;
  /** Why, and what to do. */
  readonly explanation: string;
}

const KUBE_ROUTER_KEPT = 'kube-router is its own Service proxy: kube-proxy\'s mode does not touch it, and it keeps this as long as it '
  + 'runs with --run-service-proxy (it cannot run beside kube-proxy, in any mode)';

/**
 * What moving kube-proxy from IPVS to nftables mode (the default from Kubernetes 1.40; IPVS mode is removed in
 * 1.43) does to every IPVS-specific setting in an App: kube-proxy's own IPVS fields, per-Service persistence and
 * kube-router annotations, and standalone directors. Read from the objects as they will be written, so
 * hand-written Services and escape-hatch edits count too.
 */
export class NftablesMigrationReport {
  /**
   * The report for every construct below `scope` (usually the App).
   *
   * @param scope the App, a chart or any construct
   */
  public static of(scope: IConstruct): NftablesMigrationReport {
    checkArgs('NftablesMigrationReport', 'NftablesMigrationReport.of', arguments);
    const items: NftablesMigrationItem[] = [];
    for (const c of scope.node.findAll()) {
      if (c instanceof KubeProxyConfiguration && c.mode === KubeProxyMode.IPVS) items.push(...kubeProxyItems(c));
      else if (c instanceof IpvsDirector) items.push(...directorItems(c));
      else if (c instanceof ApiObject && c.apiVersion === 'v1' && c.kind === 'Service') items.push(...serviceItems(c));
    }
    return new NftablesMigrationReport(items);
  }

  private constructor(
    /** Every setting found, in construct-tree order. */
    public readonly items: NftablesMigrationItem[],
  ) {}

  /** The settings whose behaviour is lost under nftables. */
  public get lost(): NftablesMigrationItem[] {
    return this.items.filter(i => i.outcome === NftablesMigrationOutcome.LOST);
  }

  /** The report as a Markdown table, one row per setting, with a count per outcome. */
  public toMarkdown(): string {
    const counts = Object.values(NftablesMigrationOutcome)
      .map(o => `${this.items.filter(i => i.outcome === o).length} ${o}`).join(', ');
    const cell = (s: string) => s.replace(/\|/g, '\\|');
    return [
      `IPVS → nftables: ${this.items.length} IPVS-specific settings (${counts})`,
      '',
      '| construct | setting | value | under nftables | why |',
      '| --- | --- | --- | --- | --- |',
      ...this.items.map(i => `| ${cell(i.path)} | \`${cell(i.setting)}\` | \`${cell(i.value)}\` | ${i.outcome} | ${cell(i.explanation)} |`),
      '',
    ].join('\n');
  }
}

function kubeProxyItems(kp: KubeProxyConfiguration): NftablesMigrationItem[] {
  const ipvs = kp.document.ipvs;
  const item = (setting: string, value: unknown, outcome: NftablesMigrationOutcome, explanation: string): NftablesMigrationItem =>
    ({ path: kp.node.path, setting: `ipvs.${setting}`, value: String(value), outcome, explanation });
  const scheduler = ipvs.scheduler || IpvsScheduler.ROUND_ROBIN;
  const items = [
    scheduler === IpvsScheduler.ROUND_ROBIN
      ? item('scheduler', scheduler, NftablesMigrationOutcome.CHANGED, 'nftables picks a backend at random with equal probability: '
        + 'even on average, but not in turn')
      : item('scheduler', scheduler, NftablesMigrationOutcome.LOST, 'nftables picks a backend at random with equal probability and has '
        + 'no other scheduler; for per-Service scheduling use kube-router or an IpvsDirector'),
    item('syncPeriod', ipvs.syncPeriod, NftablesMigrationOutcome.KEPT, 'written as nftables.syncPeriod (set mode: nftables on the same '
      + 'KubeProxyConfiguration)'),
    item('minSyncPeriod', ipvs.minSyncPeriod, NftablesMigrationOutcome.KEPT, 'written as nftables.minSyncPeriod'),
  ];
  if (ipvs.strictARP) {
    items.push(item('strictARP', true, NftablesMigrationOutcome.NOT_NEEDED, 'nftables does not put Service IPs on a node interface '
      + '(kube-ipvs0), so nodes never answer ARP for them: MetalLB L2 works without it'));
  }
  if (ipvs.excludeCIDRs.length > 0) {
    items.push(item('excludeCIDRs', ipvs.excludeCIDRs.join(','), NftablesMigrationOutcome.NOT_NEEDED, 'nftables mode never touches IPVS '
      + 'virtual servers, so a director\'s are safe without it'));
  }
  for (const [field, conntrack] of [['tcpTimeout', 'tcpEstablishedTimeout'], ['tcpFinTimeout', 'tcpCloseWaitTimeout'], ['udpTimeout', 'udpTimeout']] as const) {
    if (ipvs[field] !== '0s') {
      items.push(item(field, ipvs[field], NftablesMigrationOutcome.CHANGED, 'there are no IPVS sessions; the nearest setting is the '
        + `conntrack table's conntrack.${conntrack}, which is not written for you`));
    }
  }
  return items;
}

function directorItems(director: IpvsDirector): NftablesMigrationItem[] {
  return director.virtualServers.map(vs => ({
    path: director.node.path,
    setting: 'ipvsadm rules',
    value: `${vs.address}:${vs.port} ${vs.scheduler ?? IpvsScheduler.ROUND_ROBIN}`,
    outcome: NftablesMigrationOutcome.KEPT,
    explanation: 'the director programs the kernel\'s IPVS itself, whatever kube-proxy\'s mode (it even no longer needs excludeCIDRs)',
  }));
}

function serviceItems(service: ApiObject): NftablesMigrationItem[] {
  const json = service.toJson();
  const path = service.node.path.replace(/(\/Resource)+$/, '');
  const items: NftablesMigrationItem[] = [];
  if (json.spec?.sessionAffinity === 'ClientIP') {
    const timeout = json.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800;
    items.push({
      path,
      setting: 'sessionAffinity',
      value: `ClientIP ${timeout}s`,
      outcome: NftablesMigrationOutcome.KEPT,
      explanation: 'nftables mode implements ClientIP affinity (with its timeout) as IPVS persistence did',
    });
  }
  const annotations: Record<string, string> = json.metadata?.annotations ?? {};
  for (const annotation of [KUBE_ROUTER_SCHEDULER_ANNOTATION, KUBE_ROUTER_SCHEDFLAGS_ANNOTATION, KUBE_ROUTER_DSR_ANNOTATION]) {
    if (annotation in annotations) {
      const value = annotations[annotation];
      items.push({ path, setting: annotation, value, outcome: NftablesMigrationOutcome.KEPT, explanation: KUBE_ROUTER_KEPT });
    }
  }
  return items;
}
