import { Reporter } from './report';
import { checkScheduler, checkSchedulerFlags, IpvsScheduler, IpvsSchedulerFlag, KUBE_ROUTER_SCHEDULERS } from './scheduler';

/** kube-router's per-Service annotations. */
export const KUBE_ROUTER_SCHEDULER_ANNOTATION = 'kube-router.io/service.scheduler';
/** Scheduler flags, read only with the mh scheduler. */
export const KUBE_ROUTER_SCHEDFLAGS_ANNOTATION = 'kube-router.io/service.schedflags';
/** Direct server return. */
export const KUBE_ROUTER_DSR_ANNOTATION = 'kube-router.io/service.dsr';

/**
 * Per-Service IPVS settings for clusters whose Service proxy is kube-router (`--run-service-proxy`), written as
 * kube-router's Service annotations. kube-proxy has no per-Service scheduler: there it is cluster-wide.
 */
export interface KubeRouterOptions {
  /**
   * `kube-router.io/service.scheduler`: rr, lc, dh, sh or mh (kube-router turns anything else into rr).
   *
   * @default - kube-router's default, rr (no annotation)
   */
  readonly scheduler?: IpvsScheduler;
  /**
   * `kube-router.io/service.schedflags`: only with the mh scheduler.
   *
   * @default - none
   */
  readonly schedulerFlags?: IpvsSchedulerFlag[];
  /**
   * `kube-router.io/service.dsr: tunnel`: replies go from the pods straight to the client (IPVS tunneling).
   * kube-router applies it to external and LoadBalancer IPs only and cannot remap ports, so the Service needs
   * external IPs or type LoadBalancer, and every port equal to its targetPort.
   *
   * @default false
   */
  readonly directServerReturn?: boolean;
}

/** A Service port as far as the DSR rule cares. Internal. */
export interface PortPair {
  readonly port: number;
  readonly targetPort: number | string;
}

/** Checks kube-router options against the Service and returns the annotations. Internal. */
export function kubeRouterAnnotations(r: Reporter, options: KubeRouterOptions,
  service: { readonly hasExternalIps: boolean; readonly ports: readonly PortPair[] }): Record<string, string> {
  const annotations: Record<string, string> = {};
  const scheduler = options.scheduler === undefined ? undefined
    : checkScheduler(r, 'scheduler', options.scheduler, KUBE_ROUTER_SCHEDULERS, 'kube-router');
  const flags = checkSchedulerFlags(r, 'schedulerFlags', options.schedulerFlags,
    scheduler ?? IpvsScheduler.ROUND_ROBIN, 'scheduler', [IpvsScheduler.MAGLEV_HASHING]);
  if (scheduler !== undefined) annotations[KUBE_ROUTER_SCHEDULER_ANNOTATION] = scheduler;
  if (flags.length > 0) annotations[KUBE_ROUTER_SCHEDFLAGS_ANNOTATION] = flags.join(',');
  if (options.directServerReturn) {
    if (!service.hasExternalIps) {
      r.fail('directServerReturn', true, 'needs external IPs or a LoadBalancer Service: kube-router applies DSR to those IPs only');
    }
    checkSamePorts(r, 'directServerReturn', true, 'kube-router DSR (tunnel) cannot remap ports', service.ports);
    annotations[KUBE_ROUTER_DSR_ANNOTATION] = 'tunnel';
  }
  return annotations;
}

/** Refuses when a port differs from its targetPort (`why` says who needs them equal). Internal. */
export function checkSamePorts(r: Reporter, prop: string, value: unknown, why: string, ports: readonly PortPair[]): void {
  const i = ports.findIndex(p => p.port !== p.targetPort);
  if (i >= 0) {
    r.fail(prop, value, `needs every port equal to its targetPort (${why}); ports[${i}] is ${ports[i].port} -> ${ports[i].targetPort}`);
  }
}
