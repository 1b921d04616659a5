import { KUBE_PROXY_MILESTONES } from './kube-proxy-mode';
import { Reporter } from './report';

const VERSION = /^v?1\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?(-[0-9A-Za-z.-]+)?$/;

/** The minor of a Kubernetes version (`1.35`, `v1.35.2`, `1.36.0-rc.1`); refuses anything else. */
export function kubernetesMinor(r: Reporter, prop: string, version: unknown): number {
  const m = typeof version === 'string' ? VERSION.exec(version) : null;
  if (!m) r.fail(prop, version, 'must be a Kubernetes version such as "1.33" or "v1.35.2"');
  return Number(m[1]);
}

/**
 * Warns where a load balancer relies on the cluster's own kube-proxy being in IPVS mode (it does not write
 * kube-proxy's configuration): deprecated from 1.35, and from 1.40 not even the mode a cluster gets unless it
 * turns IPVS mode and its gate on. Warnings, not refusals: the library cannot see the cluster's kube-proxy.
 */
export function warnIfAssumedIpvsMode(r: Reporter, prop: string, version: string | undefined): void {
  if (version === undefined) return;
  const minor = kubernetesMinor(r, prop, version);
  const m = KUBE_PROXY_MILESTONES;
  const on = `'${r.path(prop)}' is "${version}"`;
  if (minor >= m.ipvsRemoved) {
    r.warn(`kube-proxy has no IPVS mode in Kubernetes 1.${m.ipvsRemoved} and later (${on}): it runs nftables (or iptables), `
      + 'which keeps ClientIP persistence and external IPs but picks backends at random; for IPVS scheduling use kube-router '
      + 'or an IpvsDirector (NftablesMigrationReport lists what changes)');
  } else if (minor >= m.nftablesDefault) {
    r.warn(`kube-proxy defaults to nftables mode from Kubernetes 1.${m.nftablesDefault} (${on}), and IPVS mode is off unless the `
      + 'cluster sets mode: ipvs with the KubeProxyIPVS gate: in nftables mode ClientIP persistence and external IPs still '
      + 'work, IPVS scheduling does not (NftablesMigrationReport lists what changes)');
  } else if (minor >= m.ipvsDeprecated) {
    r.warn(`kube-proxy's IPVS mode is deprecated since Kubernetes 1.${m.ipvsDeprecated} (${on}) and is removed in `
      + `1.${m.ipvsRemoved}; the nftables mode (GA since 1.${m.nftablesGa}) is its successor: plan the move to "mode: nftables". `
      + 'kube-router and the standalone IpvsDirector use the kernel\'s IPVS directly and are not affected.');
  }
}
