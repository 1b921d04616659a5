/**
 * Valid values the generator cannot invent (an address must be an IP, a version must name a version of the
 * service, …), by jsii type name or by struct field (`<struct>#<field>`). Used only where the base call leaves
 * a prop out, so that the props inside it are varied too.
 */
import { Duration } from 'cdk8s';
import { Samples } from './variations';
import { ClientTlsMode, MetricTarget, PrinterColumnType, Schema } from '../../src';

const P = 'cdk8s-patterns';

export const SAMPLES: Samples = {
  'cdk8s.Duration': () => Duration.seconds(10),
  [`${P}.MetricTarget`]: () => MetricTarget.averageValue(10),
  [`${P}.Schema`]: () => Schema.string(),
  [`${P}.StringMatch`]: () => ({ exact: 'a' }),
  [`${P}.HttpMatch`]: () => ({ uri: { prefix: '/beta' } }),
  [`${P}.HttpMatch#gateways`]: () => ['mesh'],
  [`${P}.HttpMatch#sourceLabels`]: () => ({ app: 'tester' }),
  [`${P}.CanaryRoute`]: () => ({ match: { uri: { prefix: '/beta' } }, version: 'v2' }),
  [`${P}.CanaryServicePort`]: () => ({ port: 80, targetPort: 8080, name: 'http' }),
  [`${P}.CanaryServiceProps#weights`]: () => ({ v1: 50, v2: 50 }),
  [`${P}.CorsPolicy`]: () => ({ allowOrigins: [{ exact: 'https://example.com' }] }),
  [`${P}.CorsPolicy#allowMethods`]: () => ['GET'],
  [`${P}.CorsPolicy#allowHeaders`]: () => ['x-a'],
  [`${P}.CorsPolicy#exposeHeaders`]: () => ['x-a'],
  [`${P}.HttpFaultInjection`]: () => ({ abort: { httpStatus: 503, percentage: 10 } }),
  [`${P}.HttpFaultAbort`]: () => ({ httpStatus: 503, percentage: 10 }),
  [`${P}.HttpFaultDelay`]: () => ({ fixedDelay: Duration.seconds(1), percentage: 10 }),
  [`${P}.HttpMirror`]: () => ({ version: 'v2' }),
  [`${P}.HttpRetryPolicy#retryOn`]: () => ['5xx'],
  [`${P}.HeaderEdits#remove`]: () => ['x-a'],
  [`${P}.ClientTlsSettings`]: () => ({ mode: ClientTlsMode.SIMPLE }),
  [`${P}.PrinterColumn`]: () => ({ name: 'Schedule', type: PrinterColumnType.STRING, jsonPath: '.spec.schedule' }),
  [`${P}.ScaleSubresource`]: () => ({ specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' }),
  [`${P}.IpvsLoadBalancerDirectorOptions`]: () => ({ address: '1.2.3.4', realServers: [{ address: '172.17.0.3' }] }),
  [`${P}.IpvsRealServer`]: () => ({ address: '172.17.0.3' }),
  [`${P}.IpvsVirtualServer`]: () => ({ address: '1.2.3.4', port: 80, realServers: [{ address: '172.17.0.3' }] }),
  [`${P}.IpvsLoadBalancerProps#virtualIps`]: () => ['192.0.2.20'],
  [`${P}.KubeProxyConfigurationProps#clusterCidrs`]: () => ['10.0.0.0/8'],
  [`${P}.KubeProxyConfigurationProps#excludeCidrs`]: () => ['10.96.0.0/12'],
  [`${P}.UmbrellaChartProps#sources`]: () => ['https://example.com/shop'],
};
