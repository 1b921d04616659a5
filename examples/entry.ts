import { Chart, Duration } from 'cdk8s';
import { IpvsExternalTrafficPolicy, IpvsForwarding, IpvsLoadBalancer, IpvsPersistence, IpvsScheduler } from 'cdk8s-patterns';
import * as kplus from 'cdk8s-plus-27';

/** The director's own virtual IP, in front of the nodes (not one of the Service's addresses). */
export const ENTRY_DIRECTOR_ADDRESS = '192.0.2.100';

/**
 * The shop's entry point: a LoadBalancer Service on a fixed virtual IP in front of the frontend pods, with
 * client persistence (IPVS `-p`) so a shopper keeps hitting the same frontend, and the client address kept.
 * In front of it, for the data-centre edge, a standalone IPVS director: `ipvsadm --restore` rules in a ConfigMap
 * applied by a host-network DaemonSet on the director nodes, weighted round robin over the two frontend nodes'
 * fixed nodePort (the bigger node takes three connections in four). kube-proxy's own configuration is
 * cluster-wide and lives in the cluster chart (cluster.ts).
 */
export function addEntryPoint(chart: Chart): IpvsLoadBalancer {
  return new IpvsLoadBalancer(chart, 'entry', {
    selector: { app: 'frontend' },
    ports: [{ port: 80, targetPort: 8080, nodePort: 30080, name: 'http' }],
    serviceName: 'shop-entry',
    serviceType: kplus.ServiceType.LOAD_BALANCER,
    virtualIps: ['192.0.2.10'],
    externalTrafficPolicy: IpvsExternalTrafficPolicy.LOCAL,
    persistence: IpvsPersistence.clientIp(Duration.minutes(30)),
    kubernetesVersion: '1.33',
    director: {
      name: 'shop-edge',
      address: ENTRY_DIRECTOR_ADDRESS,
      scheduler: IpvsScheduler.WEIGHTED_ROUND_ROBIN,
      forwarding: IpvsForwarding.MASQUERADING,
      // the frontend nodes (with externalTrafficPolicy Local, each must run a frontend pod)
      realServers: [{ address: '192.0.2.21', port: 30080, weight: 3 }, { address: '192.0.2.22', port: 30080, weight: 1 }],
    },
  });
}
