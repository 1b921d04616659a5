import { Chart, Duration } from 'cdk8s';
import { KubeProxyConfiguration, KubeProxyMode } from 'cdk8s-patterns';
import { ENTRY_DIRECTOR_ADDRESS } from './entry';

/**
 * The cluster's side: kube-proxy in IPVS mode, written as kubeadm keeps it (ConfigMap `kube-system/kube-proxy`).
 * Cluster-wide, so it is its own chart, applied by the platform team and never part of the shop's Helm release.
 * strictARP for MetalLB's L2 mode (the entry Service is a LoadBalancer); the director's virtual IP is excluded so
 * kube-proxy never deletes the director's virtual servers on nodes they share.
 */
export function buildCluster(chart: Chart): KubeProxyConfiguration {
  return new KubeProxyConfiguration(chart, 'kube-proxy', {
    mode: KubeProxyMode.IPVS,
    kubernetesVersion: '1.33',
    strictArp: true,
    clusterCidrs: ['10.244.0.0/16'],
    excludeCidrs: [`${ENTRY_DIRECTOR_ADDRESS}/32`],
    syncPeriod: Duration.seconds(30),
    minSyncPeriod: Duration.seconds(1),
  });
}
