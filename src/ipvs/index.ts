export { IpvsScheduler, IpvsSchedulerFlag } from './scheduler';
export { IpvsPersistence } from './persistence';
export { IpvsProtocol, IpvsForwarding, IpvsRealServer, IpvsVirtualServer, IpvsadmRules } from './ipvsadm-rules';
export { IpvsPrediction, IpvsPredictionResult, IpvsPredictedRealServer } from './prediction';
export { IpvsStatsTable, IpvsTrafficProfile } from './stats';
export { IpvsMetrics, IpvsStatsColumnMetric } from './observability';
export { KubeProxyConfiguration, KubeProxyConfigurationProps } from './kube-proxy-configuration';
export { KubeRouterOptions } from './kube-router';
export { IpvsDirector, IpvsDirectorProps, IpvsDirectorDeploymentOptions } from './director';
export {
  IpvsLoadBalancer, IpvsLoadBalancerProps, IpvsLoadBalancerDirectorOptions, IpvsExternalTrafficPolicy,
} from './load-balancer';
