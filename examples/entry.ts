import { Chart, Duration } from 'cdk8s';
import { IpvsExternalTrafficPolicy, IpvsLoadBalancer, IpvsPersistence } from 'cdk8s-patterns';
import * as kplus from 'cdk8s-plus-27';

/**
 * The shop's entry point: a LoadBalancer Service on a fixed virtual IP in front of the frontend pods, with
 * client persistence (IPVS `-p`) so a shopper keeps hitting the same frontend, and the client address kept.
 * kube-proxy's own configuration is cluster-wide and stays out of the shop's chart.
 */
export function addEntryPoint(chart: Chart): IpvsLoadBalancer {
  return new IpvsLoadBalancer(chart, 'entry', {
    selector: { app: 'frontend' },
    ports: [{ port: 80, targetPort: 8080, name: 'http' }],
    serviceName: 'shop-entry',
    serviceType: kplus.ServiceType.LOAD_BALANCER,
    virtualIps: ['192.0.2.10'],
    externalTrafficPolicy: IpvsExternalTrafficPolicy.LOCAL,
    persistence: IpvsPersistence.clientIp(Duration.minutes(30)),
    kubernetesVersion: '1.33',
  });
}
