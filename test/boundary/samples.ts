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
  // a port-level policy applies to a port of the Service (the boundary's CanaryServices have port 80)
  [`${P}.PortTrafficPolicy`]: () => ({ port: 80, connectionPool: { tcp: { maxConnections: 100 } } }),
  // Istio's webhook refuses a traffic policy that sets nothing
  [`${P}.TrafficPolicy`]: () => ({ connectionPool: { tcp: { maxConnections: 100 } } }),
  // Istio's webhook requires a connection pool to set http or tcp
  [`${P}.ConnectionPoolSettings`]: () => ({ tcp: { maxConnections: 100 } }),
  [`${P}.HttpConnectionPoolSettings`]: () => ({ http1MaxPendingRequests: 100 }),
  // authority, not uri: a uri rewrite excludes the uriRegexRewrite placed beside it
  [`${P}.HttpRewrite`]: () => ({ authority: 'reviews.example.com' }),
  [`${P}.RegexRewrite`]: () => ({ match: '^/v1/(.*)$', rewrite: '/v2/\\1' }),
  [`${P}.HttpRedirect`]: () => ({ uri: '/moved' }),
  [`${P}.HttpDirectResponse`]: () => ({ status: 503 }),
  [`${P}.CanaryRoute#weights`]: () => ({ v1: 50, v2: 50 }),
  // TCP and TLS rules narrow their port's traffic (a rule matching every connection would hide the split)
  [`${P}.CanaryTcpRoute`]: () => ({ match: { destinationSubnets: ['10.96.0.0/12'] }, version: 'v2' }),
  [`${P}.CanaryTcpRoute#weights`]: () => ({ v1: 50, v2: 50 }),
  [`${P}.CanaryTlsRoute`]: () => ({ match: { destinationSubnets: ['10.96.0.0/12'] }, version: 'v2' }),
  [`${P}.CanaryTlsRoute#weights`]: () => ({ v1: 50, v2: 50 }),
  [`${P}.TcpMatch#destinationSubnets`]: () => ['10.96.0.0/12'],
  [`${P}.TcpMatch#gateways`]: () => ['mesh'],
  [`${P}.TcpMatch#sourceLabels`]: () => ({ app: 'tester' }),
  [`${P}.TlsMatch#destinationSubnets`]: () => ['10.96.0.0/12'],
  [`${P}.TlsMatch#gateways`]: () => ['mesh'],
  [`${P}.TlsMatch#sourceLabels`]: () => ({ app: 'tester' }),
  [`${P}.TlsMatch#sniHosts`]: () => ['reviews'],
  [`${P}.LocalityDistribution`]: () => ({ from: 'us-west/zone1/*', to: { 'us-west/zone1/*': 80, 'us-west/zone2/*': 20 } }),
  [`${P}.LocalityFailover`]: () => ({ from: 'us-east', to: 'eu-west' }),
  [`${P}.LocalityLoadBalancerSettings#failoverPriority`]: () => ['topology.kubernetes.io/region'],
  [`${P}.StringValueOptions#allowed`]: () => ['1.0.0', '2.0.0'],
  [`${P}.KubeProxyConfigurationProps#featureGates`]: () => ({ NFTablesProxyMode: true }),
  [`${P}.ValidationRule`]: () => ({ rule: 'self == self' }),
  ['cdk8s-plus-27.k8s.LabelSelectorRequirement']: () => ({ key: 'tier', operator: 'In', values: ['web'] }),
  [`${P}.GatewayParentRef`]: () => ({ name: 'public', namespace: 'shop' }),
};
