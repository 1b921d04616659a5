import { Reporter } from './report';

/** The first Kubernetes minor in which kube-proxy's IPVS mode is deprecated. */
export const IPVS_DEPRECATED_MINOR = 35;

const VERSION = /^v?1\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?(-[0-9A-Za-z.-]+)?$/;

/** The minor of a Kubernetes version (`1.35`, `v1.35.2`, `1.36.0-rc.1`); refuses anything else. */
export function kubernetesMinor(r: Reporter, prop: string, version: unknown): number {
  const m = typeof version === 'string' ? VERSION.exec(version) : null;
  if (!m) r.fail(prop, version, 'must be a Kubernetes version such as "1.33" or "v1.35.2"');
  return Number(m[1]);
}

/**
 * Warns when kube-proxy's IPVS mode is used on Kubernetes 1.35 or later. A warning, not a refusal: IPVS mode is
 * deprecated there, not removed, and keeps working; refusing would break clusters that run it today, while the
 * warning shows at every synth until the move to nftables is made.
 */
export function warnIfIpvsModeDeprecated(r: Reporter, prop: string, version: string | undefined): void {
  if (version === undefined) return;
  const minor = kubernetesMinor(r, prop, version);
  if (minor >= IPVS_DEPRECATED_MINOR) {
    r.warn(`kube-proxy's IPVS mode is deprecated since Kubernetes 1.${IPVS_DEPRECATED_MINOR} ('${r.path(prop)}' is "${version}") `
      + 'and will be removed in a later release; the nftables mode (GA since 1.33) is its successor: plan the move to '
      + '"mode: nftables". kube-router and the standalone IpvsDirector use the kernel\'s IPVS directly and are not affected.');
  }
}
