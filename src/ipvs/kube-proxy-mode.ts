import { Reporter } from './report';

/** kube-proxy's `mode`: how it programs Services into the node's kernel. */
export enum KubeProxyMode {
  /** iptables rules (the default mode up to Kubernetes 1.39). */
  IPTABLES = 'iptables',
  /** IPVS virtual servers: deprecated in 1.35, behind the KubeProxyIPVS gate from 1.37 (off from 1.40), removed in 1.43. */
  IPVS = 'ipvs',
  /** nftables rules: alpha in 1.29, beta 1.31, GA 1.33, the default mode from 1.40. */
  NFTABLES = 'nftables',
}

/** The feature gate of nftables mode while it was alpha (1.29–1.30) and beta (1.31–1.32). */
export const NFTABLES_GATE = 'NFTablesProxyMode';
/** The feature gate of IPVS mode on its way out (1.37–1.42; off by default from 1.40). */
export const IPVS_GATE = 'KubeProxyIPVS';

/** The Kubernetes minors where each mode changes state (KEP-3866 for nftables, KEP-5495 for IPVS). */
export const KUBE_PROXY_MILESTONES = {
  nftablesAlpha: 29,
  nftablesBeta: 31,
  nftablesGa: 33,
  ipvsDeprecated: 35,
  ipvsGate: 37,
  ipvsGateOff: 40,
  nftablesDefault: 40,
  ipvsRemoved: 43,
} as const;

/** The mode kube-proxy picks when `mode` is empty: iptables up to 1.39, nftables from 1.40. */
export function defaultKubeProxyMode(minor: number): KubeProxyMode {
  return minor >= KUBE_PROXY_MILESTONES.nftablesDefault ? KubeProxyMode.NFTABLES : KubeProxyMode.IPTABLES;
}

/**
 * Whether kube-proxy of Kubernetes `1.<minor>` runs `mode` with these feature gates: refuses what kube-proxy
 * would not start with, warns (with what to do) where it starts but the mode is on its way in or out.
 */
export function checkModeForVersion(r: Reporter, mode: KubeProxyMode, minor: number, version: string,
  featureGates: Record<string, boolean>): void {
  const m = KUBE_PROXY_MILESTONES;
  const gate = (name: string) => featureGates[name];
  const on = `'${r.path('kubernetesVersion')}' is "${version}"`;
  if (mode === KubeProxyMode.NFTABLES) {
    if (minor < m.nftablesAlpha) {
      r.fail('mode', mode, `needs Kubernetes 1.${m.nftablesAlpha} or later (${on}): use "iptables" or "ipvs" there`);
    }
    if (minor < m.nftablesBeta && gate(NFTABLES_GATE) !== true) {
      r.fail('featureGates', featureGates, `must set ${NFTABLES_GATE}: true for "nftables" mode on 1.${minor}, where it is alpha `
        + `and off by default (${on}); it is beta and on by default from 1.${m.nftablesBeta}`);
    }
    if (minor < m.nftablesGa && gate(NFTABLES_GATE) === false) {
      r.fail('featureGates', featureGates, `must not set ${NFTABLES_GATE}: false in "nftables" mode (${on})`);
    }
    if (minor < m.nftablesGa) {
      r.warn(`kube-proxy's nftables mode is ${minor < m.nftablesBeta ? 'alpha' : 'beta'} on 1.${minor} (${on}); it is GA from `
        + `1.${m.nftablesGa}`);
    }
    return;
  }
  if (mode !== KubeProxyMode.IPVS) return;
  if (minor >= m.ipvsRemoved) {
    r.fail('mode', mode, `is removed from kube-proxy in Kubernetes 1.${m.ipvsRemoved} (${on}): use "nftables" (see `
      + 'NftablesMigrationReport for what changes), or kube-router or an IpvsDirector for IPVS itself');
  }
  if (minor >= m.ipvsGateOff && gate(IPVS_GATE) !== true) {
    r.fail('featureGates', featureGates, `must set ${IPVS_GATE}: true for "ipvs" mode on 1.${minor}, where the gate is off by `
      + `default (${on}); better, move to "nftables" before 1.${m.ipvsRemoved} removes IPVS mode`);
  }
  if (minor >= m.ipvsGate && gate(IPVS_GATE) === false) {
    r.fail('featureGates', featureGates, `must not set ${IPVS_GATE}: false in "ipvs" mode (${on}): kube-proxy would not start`);
  }
  if (minor >= m.ipvsDeprecated) {
    r.warn(`kube-proxy's IPVS mode is deprecated since Kubernetes 1.${m.ipvsDeprecated} (${on})${minor >= m.ipvsGate
      ? `, behind the ${IPVS_GATE} gate since 1.${m.ipvsGate} (off by default from 1.${m.ipvsGateOff})` : ''} and removed in `
      + `1.${m.ipvsRemoved}; the nftables mode (GA since 1.${m.nftablesGa}) is its successor: plan the move to "mode: nftables" `
      + '(NftablesMigrationReport lists what changes). kube-router and the standalone IpvsDirector use the kernel\'s IPVS '
      + 'directly and are not affected.');
  }
}
