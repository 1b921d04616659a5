import { ConformanceCase, runTable } from './support';

// kubernetes/kubernetes `pkg/apis/core/validation/validation_test.go` `TestValidateServiceCreate` (the table the
// brief calls TestValidateService: upstream's ValidateService cases live there, run through ValidateServiceCreate),
// read at commit 000f26050b9be6fb3d79fae95e06b47fc96128cd (with `validation.go` `ValidateService`,
// `validateServicePort`, `ValidateServiceClusterIPsRelatedFields`, ... at the same commit, which predates v1.34); the
// rules are ported at v1.34, where these cases keep their outcome (v1.34 adds PreferSameZone and PreferSameNode to
// trafficDistribution and reads IPs and CIDRs with `IsValidIPForLegacyField` / `IsValidCIDRForLegacyField`). Each case tweaks
// `makeValidService()` (name and namespace `valid`, selector `key: val`, sessionAffinity None, type ClusterIP, one port
// `p` TCP 8675 -> 8675, internalTrafficPolicy Cluster); here the tweaked service is written as a v1 manifest.
// The API server defaults a v1 Service before validating it (type ClusterIP, protocol TCP, sessionAffinity None,
// internalTrafficPolicy Cluster, allocateLoadBalancerNodePorts true, clusterIPs from clusterIP): cases that only
// fail for a field the manifest leaves to those defaults are not expressible.

const DEFAULTED = (field: string, value: string) => `the v1 API defaults ${field} (${value}) before validation: a manifest cannot leave it empty`;
const NO_NAMESPACE = 'a manifest without metadata.namespace gets the namespace of the Helm release or of `kubectl apply -n`: never written empty';
const SOURCE_RANGES = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/** `makeValidService()` as a v1 manifest, tweaked: `spec` is merged over the base spec, `metadata` over the base metadata. */
function svc(spec: any = {}, metadata: any = {}): any {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'valid', namespace: 'valid', labels: {}, annotations: {}, ...metadata },
    spec: {
      selector: { key: 'val' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
      ports: [{ name: 'p', protocol: 'TCP', port: 8675, targetPort: 8675 }],
      internalTrafficPolicy: 'Cluster',
      ...spec,
    },
  };
}

const BASE_PORT = { name: 'p', protocol: 'TCP', port: 8675, targetPort: 8675 };
/** The base port, then `more`. */
const ports = (...more: any[]) => [BASE_PORT, ...more];
/** The base port with `change` applied. */
const port0 = (change: any) => [{ ...BASE_PORT, ...change }];
const LB = { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true };
const NP = { type: 'NodePort', externalTrafficPolicy: 'Cluster' };
const LB_LOCAL = { type: 'LoadBalancer', allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Local' };
const DUAL = { ipFamilyPolicy: 'RequireDualStack' };
const ips = (...list: string[]) => ({ clusterIP: list[0], clusterIPs: list });

test('TestValidateServiceCreate', () => {
  const cases: ConformanceCase[] = [
    { name: 'missing namespace', valid: false, notExpressible: NO_NAMESPACE },
    { name: 'invalid namespace', valid: false, field: 'metadata.namespace', object: svc({}, { namespace: '-123' }) },
    { name: 'missing name', valid: false, field: 'metadata.name', object: svc({}, { name: '' }) },
    { name: 'invalid name', valid: false, field: 'metadata.name', message: 'DNS-1035', object: svc({}, { name: '-123' }) },
    { name: 'too long name', valid: false, field: 'metadata.name', message: '63', object: svc({}, { name: 'a'.repeat(64) }) },
    { name: 'invalid generateName', valid: false, field: 'metadata.generateName', object: svc({}, { generateName: '-123' }) },
    { name: 'too long generateName', valid: false, field: 'metadata.generateName', object: svc({}, { generateName: 'a'.repeat(64) }) },
    { name: 'invalid label', valid: false, field: 'metadata.labels["NoUppercaseOrSpecialCharsLike=Equals"]', object: svc({}, { labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }) },
    { name: 'invalid annotation', valid: false, field: 'metadata.annotations["NoSpecialCharsLike=Equals"]', object: svc({}, { annotations: { 'NoSpecialCharsLike=Equals': 'bar' } }) },
    { name: 'nil selector', valid: true, object: svc({ selector: undefined }) },
    { name: 'invalid selector', valid: false, field: 'spec.selector["NoSpecialCharsLike=Equals"]', object: svc({ selector: { 'key': 'val', 'NoSpecialCharsLike=Equals': 'bar' } }) },
    { name: 'missing session affinity', valid: false, notExpressible: DEFAULTED('spec.sessionAffinity', 'None') },
    { name: 'missing type', valid: false, notExpressible: DEFAULTED('spec.type', 'ClusterIP') },
    { name: 'missing ports', valid: false, field: 'spec.ports', object: svc({ ports: undefined }) },
    { name: 'missing ports but headless', valid: true, object: svc({ ports: undefined, ...ips('None') }) },
    { name: 'empty port[0] name', valid: true, object: svc({ ports: port0({ name: '' }) }) },
    { name: 'empty port[1] name', valid: false, field: 'spec.ports[1].name', object: svc({ ports: ports({ name: '', protocol: 'TCP', port: 12345, targetPort: 12345 }) }) },
    {
      name: 'empty multi-port port[0] name',
      valid: false,
      field: 'spec.ports[0].name',
      object: svc({ ports: [{ ...BASE_PORT, name: '' }, { name: 'p', protocol: 'TCP', port: 12345, targetPort: 12345 }] }),
    },
    { name: 'invalid port name', valid: false, field: 'spec.ports[0].name', object: svc({ ports: port0({ name: 'INVALID' }) }) },
    { name: 'missing protocol', valid: false, notExpressible: DEFAULTED('spec.ports[*].protocol', 'TCP') },
    { name: 'invalid protocol', valid: false, field: 'spec.ports[0].protocol', message: '"SCTP", "TCP", "UDP"', object: svc({ ports: port0({ protocol: 'INVALID' }) }) },
    { name: 'invalid cluster ip', valid: false, field: 'spec.clusterIPs[0]', object: svc(ips('invalid')) },
    { name: 'missing port', valid: false, field: 'spec.ports[0].port', message: 'between 1 and 65535', object: svc({ ports: port0({ port: 0 }) }) },
    { name: 'invalid port', valid: false, field: 'spec.ports[0].port', message: 'between 1 and 65535', object: svc({ ports: port0({ port: 65536 }) }) },
    { name: 'invalid TargetPort int', valid: false, field: 'spec.ports[0].targetPort', message: 'between 1 and 65535', object: svc({ ports: port0({ targetPort: 65536 }) }) },
    { name: 'valid port headless', valid: true, object: svc({ ports: port0({ port: 11722, targetPort: 11722 }), ...ips('None') }) },
    { name: 'invalid port headless 1', valid: true, object: svc({ ports: port0({ port: 11722, targetPort: 11721 }), ...ips('None') }) },
    { name: 'invalid port headless 2', valid: true, object: svc({ ports: port0({ port: 11722, targetPort: 'target' }), ...ips('None') }) },
    { name: 'invalid publicIPs localhost', valid: false, field: 'spec.externalIPs[0]', message: 'loopback', object: svc({ externalTrafficPolicy: 'Cluster', externalIPs: ['127.0.0.1'] }) },
    { name: 'invalid publicIPs unspecified', valid: false, field: 'spec.externalIPs[0]', message: 'unspecified', object: svc({ externalTrafficPolicy: 'Cluster', externalIPs: ['0.0.0.0'] }) },
    { name: 'invalid publicIPs loopback', valid: false, field: 'spec.externalIPs[0]', message: 'loopback', object: svc({ externalTrafficPolicy: 'Cluster', externalIPs: ['127.0.0.1'] }) },
    { name: 'invalid publicIPs host', valid: false, field: 'spec.externalIPs[0]', message: 'IP address', object: svc({ externalTrafficPolicy: 'Cluster', externalIPs: ['myhost.mydomain'] }) },
    { name: 'valid publicIPs', valid: true, object: svc({ externalTrafficPolicy: 'Cluster', externalIPs: ['1.2.3.4'] }) },
    { name: 'dup port name', valid: false, field: 'spec.ports[1].name', message: 'Duplicate', object: svc({ ports: ports({ name: 'p', port: 12345, protocol: 'TCP', targetPort: 12345 }) }) },
    { name: 'valid load balancer protocol UDP 1', valid: true, object: svc({ ...LB, ports: port0({ protocol: 'UDP' }) }) },
    { name: 'valid load balancer protocol UDP 2', valid: true, object: svc({ ...LB, ports: [{ name: 'q', port: 12345, protocol: 'UDP', targetPort: 12345 }] }) },
    { name: 'load balancer with mix protocol', valid: true, object: svc({ ...LB, ports: ports({ name: 'q', port: 12345, protocol: 'UDP', targetPort: 12345 }) }) },
    { name: 'valid 1', valid: true, object: svc() },
    { name: 'valid 2', valid: true, object: svc({ ports: port0({ protocol: 'UDP', targetPort: 12345 }) }) },
    { name: 'valid 3', valid: true, object: svc({ ports: port0({ targetPort: 'http' }) }) },
    { name: 'valid cluster ip - none ', valid: true, object: svc(ips('None')) },
    { name: 'valid cluster ip - empty', valid: true, object: svc({ clusterIPs: undefined, ports: port0({ targetPort: 'http' }) }) },
    { name: 'valid type - clusterIP', valid: true, object: svc({ type: 'ClusterIP' }) },
    { name: 'valid type - loadbalancer', valid: true, object: svc({ ...LB }) },
    { name: 'valid type - loadbalancer with allocateLoadBalancerNodePorts=false', valid: true, object: svc({ ...LB, allocateLoadBalancerNodePorts: false }) },
    { name: 'invalid type - missing AllocateLoadBalancerNodePorts for loadbalancer type', valid: false, notExpressible: DEFAULTED('spec.allocateLoadBalancerNodePorts of a LoadBalancer', 'true') },
    { name: 'valid type loadbalancer 2 ports', valid: true, object: svc({ ...LB, ports: ports({ name: 'q', port: 12345, protocol: 'TCP', targetPort: 12345 }) }) },
    { name: 'valid external load balancer 2 ports', valid: true, object: svc({ ...LB, ports: ports({ name: 'q', port: 12345, protocol: 'TCP', targetPort: 12345 }) }) },
    {
      name: 'duplicate nodeports',
      valid: false,
      field: 'spec.ports[2].nodePort',
      message: 'Duplicate',
      object: svc({ ...NP, ports: ports({ name: 'q', port: 1, protocol: 'TCP', nodePort: 1, targetPort: 1 }, { name: 'r', port: 2, protocol: 'TCP', nodePort: 1, targetPort: 2 }) }),
    },
    {
      name: 'duplicate nodeports (different protocols)',
      valid: true,
      object: svc({
        ...NP,
        ports: ports(
          { name: 'q', port: 1, protocol: 'TCP', nodePort: 1, targetPort: 1 }, { name: 'r', port: 2, protocol: 'UDP', nodePort: 1, targetPort: 2 },
          { name: 's', port: 3, protocol: 'SCTP', nodePort: 1, targetPort: 3 }),
      }),
    },
    {
      name: 'invalid duplicate ports (with same protocol)',
      valid: false,
      field: 'spec.ports[2]',
      object: svc({ type: 'ClusterIP', ports: ports({ name: 'q', port: 12345, protocol: 'TCP', targetPort: 8080 }, { name: 'r', port: 12345, protocol: 'TCP', targetPort: 80 }) }),
    },
    {
      name: 'valid duplicate ports (with different protocols)',
      valid: true,
      object: svc({
        type: 'ClusterIP',
        ports: ports(
          { name: 'q', port: 12345, protocol: 'TCP', targetPort: 8080 }, { name: 'r', port: 12345, protocol: 'UDP', targetPort: 80 },
          { name: 's', port: 12345, protocol: 'SCTP', targetPort: 8088 }),
      }),
    },
    { name: 'valid type - cluster', valid: true, object: svc({ type: 'ClusterIP' }) },
    { name: 'valid type - nodeport', valid: true, object: svc({ ...NP }) },
    { name: 'valid type - loadbalancer with allocateLoadBalancerNodePorts=true', valid: true, object: svc({ ...LB }) },
    { name: 'valid type loadbalancer 2 ports', valid: true, object: svc({ ...LB, ports: ports({ name: 'q', port: 12345, protocol: 'TCP', targetPort: 12345 }) }) },
    { name: 'valid type loadbalancer with NodePort', valid: true, object: svc({ ...LB, ports: ports({ name: 'q', port: 12345, protocol: 'TCP', nodePort: 12345, targetPort: 12345 }) }) },
    { name: 'valid type=NodePort service with NodePort', valid: true, object: svc({ ...NP, ports: ports({ name: 'q', port: 12345, protocol: 'TCP', nodePort: 12345, targetPort: 12345 }) }) },
    { name: 'valid type=NodePort service without NodePort', valid: true, object: svc({ ...NP, ports: ports({ name: 'q', port: 12345, protocol: 'TCP', targetPort: 12345 }) }) },
    { name: 'valid cluster service without NodePort', valid: true, object: svc({ type: 'ClusterIP', ports: ports({ name: 'q', port: 12345, protocol: 'TCP', targetPort: 12345 }) }) },
    {
      name: 'invalid cluster service with NodePort',
      valid: false,
      field: 'spec.ports[1].nodePort',
      message: "'ClusterIP'",
      object: svc({ type: 'ClusterIP', ports: ports({ name: 'q', port: 12345, protocol: 'TCP', nodePort: 12345, targetPort: 12345 }) }),
    },
    {
      name: 'invalid public service with duplicate NodePort',
      valid: false,
      field: 'spec.ports[2].nodePort',
      message: 'Duplicate',
      object: svc({ ...NP, ports: ports({ name: 'p1', port: 1, protocol: 'TCP', nodePort: 1, targetPort: 1 }, { name: 'p2', port: 2, protocol: 'TCP', nodePort: 1, targetPort: 2 }) }),
    },
    { name: 'valid type=LoadBalancer', valid: true, object: svc({ ...LB, ports: ports({ name: 'q', port: 12345, protocol: 'TCP', targetPort: 12345 }) }) },
    { name: 'valid port type=LoadBalancer', valid: true, object: svc({ ...LB, ports: ports({ name: 'kubelet', port: 10250, protocol: 'TCP', targetPort: 12345 }) }) },
    { name: 'valid LoadBalancer source range annotation', valid: true, object: svc({ ...LB }, { annotations: { [SOURCE_RANGES]: '1.2.3.0/24,  5.6.0.0/16' } }) },
    { name: 'valid empty LoadBalancer source range annotation', valid: true, object: svc({ ...LB }, { annotations: { [SOURCE_RANGES]: '' } }) },
    { name: 'valid whitespace-only LoadBalancer source range annotation', valid: true, object: svc({ ...LB }, { annotations: { [SOURCE_RANGES]: '  ' } }) },
    {
      name: 'invalid LoadBalancer source range annotation (hostname)',
      valid: false,
      field: `metadata.annotations["${SOURCE_RANGES}"]`,
      message: 'CIDR',
      object: svc({ ...LB }, { annotations: { [SOURCE_RANGES]: 'foo.bar' } }),
    },
    {
      name: 'invalid LoadBalancer source range annotation (invalid CIDR)',
      valid: false,
      field: `metadata.annotations["${SOURCE_RANGES}"]`,
      message: 'CIDR',
      object: svc({ ...LB }, { annotations: { [SOURCE_RANGES]: '1.2.3.4/33' } }),
    },
    {
      name: 'invalid LoadBalancer source range annotation for non LoadBalancer type service',
      valid: false,
      field: `metadata.annotations["${SOURCE_RANGES}"]`,
      message: "'LoadBalancer'",
      object: svc({}, { annotations: { [SOURCE_RANGES]: '1.2.3.0/24' } }),
    },
    {
      name: 'invalid empty-but-set LoadBalancer source range annotation for non LoadBalancer type service',
      valid: false,
      field: `metadata.annotations["${SOURCE_RANGES}"]`,
      message: "'LoadBalancer'",
      object: svc({}, { annotations: { [SOURCE_RANGES]: '' } }),
    },
    { name: 'valid LoadBalancer source range', valid: true, object: svc({ ...LB, loadBalancerSourceRanges: ['1.2.3.0/24', '5.6.0.0/16'] }) },
    { name: 'valid LoadBalancer source range with whitespace', valid: true, object: svc({ ...LB, loadBalancerSourceRanges: ['1.2.3.0/24  ', ' 5.6.0.0/16'] }) },
    // upstream reports these at `spec.LoadBalancerSourceRanges` (its Go name); we report at the v1 JSON name
    { name: 'invalid empty LoadBalancer source range', valid: false, field: 'spec.loadBalancerSourceRanges[0]', message: 'CIDR', object: svc({ ...LB, loadBalancerSourceRanges: ['   '] }) },
    { name: 'invalid LoadBalancer source range (hostname)', valid: false, field: 'spec.loadBalancerSourceRanges[0]', message: 'CIDR', object: svc({ ...LB, loadBalancerSourceRanges: ['foo.bar'] }) },
    { name: 'invalid LoadBalancer source range (invalid CIDR)', valid: false, field: 'spec.loadBalancerSourceRanges[0]', message: 'CIDR', object: svc({ ...LB, loadBalancerSourceRanges: ['1.2.3.4/33'] }) },
    {
      name: 'invalid source range for non LoadBalancer type service',
      valid: false,
      field: 'spec.loadBalancerSourceRanges',
      message: "'LoadBalancer'",
      object: svc({ loadBalancerSourceRanges: ['1.2.3.0/24', '5.6.0.0/16'] }),
    },
    {
      name: 'invalid source range annotation ignored with valid source range field',
      valid: true,
      object: svc({ ...LB, loadBalancerSourceRanges: ['1.2.3.0/24', '5.6.0.0/16'] }, { annotations: { [SOURCE_RANGES]: 'foo.bar' } }),
    },
    { name: 'valid ExternalName', valid: true, object: svc({ type: 'ExternalName', externalName: 'foo.bar.example.com' }) },
    { name: 'valid ExternalName (trailing dot)', valid: true, object: svc({ type: 'ExternalName', externalName: 'foo.bar.example.com.' }) },
    { name: 'invalid ExternalName clusterIP (valid IP)', valid: false, field: 'spec.clusterIPs', object: svc({ type: 'ExternalName', ...ips('1.2.3.4'), externalName: 'foo.bar.example.com' }) },
    { name: 'invalid ExternalName clusterIP (None)', valid: false, field: 'spec.clusterIPs', object: svc({ type: 'ExternalName', ...ips('None'), externalName: 'foo.bar.example.com' }) },
    { name: 'invalid ExternalName (not a DNS name)', valid: false, field: 'spec.externalName', message: 'RFC 1123 subdomain', object: svc({ type: 'ExternalName', externalName: '-123' }) },
    { name: 'LoadBalancer type cannot have None ClusterIP', valid: false, field: 'spec.clusterIPs[0]', message: "'None'", object: svc({ ...ips('None'), ...LB }) },
    {
      name: 'invalid node port with clusterIP None',
      valid: false,
      field: 'spec.clusterIPs[0]',
      message: "'None'",
      object: svc({ ...NP, ports: ports({ name: 'q', port: 1, protocol: 'TCP', nodePort: 1, targetPort: 1 }), ...ips('None') }),
    },
    // ESIPP section begins.
    {
      name: 'invalid externalTraffic field',
      valid: false,
      field: 'spec.externalTrafficPolicy',
      message: '"Cluster", "Local"',
      object: svc({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'invalid' }),
    },
    { name: 'nil internalTraffic field when feature gate is on', valid: false, notExpressible: DEFAULTED('spec.internalTrafficPolicy', 'Cluster') },
    { name: 'internalTrafficPolicy field nil when type is ExternalName', valid: true, object: svc({ internalTrafficPolicy: undefined, type: 'ExternalName', externalName: 'foo.bar.com' }) },
    { name: 'internalTrafficPolicy field is set when type is ExternalName', valid: true, object: svc({ internalTrafficPolicy: 'Cluster', type: 'ExternalName', externalName: 'foo.bar.com' }) },
    { name: 'invalid internalTraffic field', valid: false, field: 'spec.internalTrafficPolicy', message: '"Cluster", "Local"', object: svc({ internalTrafficPolicy: 'invalid' }) },
    { name: 'internalTrafficPolicy field set to Cluster', valid: true, object: svc({ internalTrafficPolicy: 'Cluster' }) },
    { name: 'internalTrafficPolicy field set to Local', valid: true, object: svc({ internalTrafficPolicy: 'Local' }) },
    { name: 'negative healthCheckNodePort field', valid: false, field: 'spec.healthCheckNodePort', object: svc({ ...LB_LOCAL, healthCheckNodePort: -1 }) },
    // upstream's next case has the same name, but a valid port
    { name: 'negative healthCheckNodePort field', valid: true, object: svc({ ...LB_LOCAL, healthCheckNodePort: 31100 }) },
    // ESIPP section ends.
    {
      name: 'invalid timeoutSeconds field',
      valid: false,
      field: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
      message: 'greater than 0',
      object: svc({ type: 'ClusterIP', sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: -1 } } }),
    },
    {
      name: "sessionAffinityConfig can't be set when session affinity is None",
      valid: false,
      field: 'spec.sessionAffinityConfig',
      message: 'None',
      object: svc({ ...LB, sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 90 } } }),
    },
    /* ip families validation */
    { name: 'invalid, service with invalid ipFamilies', valid: false, field: 'spec.ipFamilies[0]', message: '"IPv4", "IPv6"', object: svc({ ipFamilies: ['not-a-valid-ip-family'] }) },
    { name: 'invalid, service with invalid ipFamilies (2nd)', valid: false, field: 'spec.ipFamilies[1]', message: '"IPv4", "IPv6"', object: svc({ ...DUAL, ipFamilies: ['IPv4', 'not-a-valid-ip-family'] }) },
    { name: 'IPFamilyPolicy(singleStack) is set for two families', valid: true, object: svc({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4', 'IPv6'] }) },
    {
      name: 'valid, IPFamilyPolicy(preferDualStack) is set for two families (note: alloc sets families)',
      valid: true,
      object: svc({ ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv4', 'IPv6'] }),
    },
    { name: 'invalid, service with 2+ ipFamilies', valid: false, field: 'spec.ipFamilies[2]', message: 'Duplicate', object: svc({ ...DUAL, ipFamilies: ['IPv4', 'IPv6', 'IPv4'] }) },
    { name: 'invalid, service with same ip families', valid: false, field: 'spec.ipFamilies[1]', message: 'Duplicate', object: svc({ ...DUAL, ipFamilies: ['IPv6', 'IPv6'] }) },
    { name: 'valid, nil service ipFamilies', valid: true, object: svc({ ipFamilies: undefined }) },
    { name: 'valid, service with valid ipFamilies (v4)', valid: true, object: svc({ ipFamilies: ['IPv4'] }) },
    { name: 'valid, service with valid ipFamilies (v6)', valid: true, object: svc({ ipFamilies: ['IPv6'] }) },
    { name: 'valid, service with valid ipFamilies(v4,v6)', valid: true, object: svc({ ...DUAL, ipFamilies: ['IPv4', 'IPv6'] }) },
    { name: 'valid, service with valid ipFamilies(v6,v4)', valid: true, object: svc({ ...DUAL, ipFamilies: ['IPv6', 'IPv4'] }) },
    { name: 'valid, service preferred dual stack with single family', valid: true, object: svc({ ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv6'] }) },
    /* cluster IPs. some tests are redundant */
    { name: 'invalid, garbage single ip', valid: false, field: 'spec.clusterIPs[0]', message: 'IP address', object: svc(ips('garbage-ip')) },
    { name: 'invalid, garbage ips', valid: false, field: 'spec.clusterIPs[1]', message: 'IP address', object: svc({ ...DUAL, clusterIP: 'garbage-ip', clusterIPs: ['garbage-ip', 'garbage-second-ip'] }) },
    { name: 'invalid, garbage first ip', valid: false, field: 'spec.clusterIPs[0]', message: 'IP address', object: svc({ ...DUAL, ...ips('garbage-ip', '2001::1') }) },
    { name: 'invalid, garbage second ip', valid: false, field: 'spec.clusterIPs[1]', message: 'IP address', object: svc({ ...DUAL, ...ips('2001::1', 'garbage-ip') }) },
    { name: 'invalid, NONE + IP', valid: false, field: 'spec.clusterIPs', message: "'None'", object: svc({ ...DUAL, ...ips('None', '2001::1') }) },
    { name: 'invalid, IP + NONE', valid: false, field: 'spec.clusterIPs[1]', message: 'IP address', object: svc({ ...DUAL, ...ips('2001::1', 'None') }) },
    { name: 'invalid, EMPTY STRING + IP', valid: false, field: 'spec.clusterIPs', message: 'must be empty', object: svc({ ...DUAL, clusterIP: '', clusterIPs: ['', '2001::1'] }) },
    { name: 'invalid, IP + EMPTY STRING', valid: false, field: 'spec.clusterIPs[1]', message: 'IP address', object: svc({ ...DUAL, ...ips('2001::1', '') }) },
    {
      name: 'invalid, same ip family (v6)',
      valid: false,
      field: 'spec.clusterIPs',
      message: 'one IP for each IP family',
      object: svc({ ...DUAL, ...ips('2001::1', '2001::4'), ipFamilies: ['IPv4', 'IPv6'] }),
    },
    {
      name: 'invalid, same ip family (v4)',
      valid: false,
      field: 'spec.clusterIPs',
      message: 'one IP for each IP family',
      object: svc({ ...DUAL, ...ips('10.0.0.1', '10.0.0.10'), ipFamilies: ['IPv4', 'IPv6'] }),
    },
    {
      name: 'invalid, more than two ips',
      valid: false,
      field: 'spec.clusterIPs',
      message: 'up to 2 values',
      object: svc({ ...DUAL, ...ips('10.0.0.1', '2001::1', '10.0.0.10'), ipFamilies: ['IPv4', 'IPv6'] }),
    },
    {
      name: ' multi ip, dualstack not set (request for downgrade)',
      valid: true,
      object: svc({ ipFamilyPolicy: 'SingleStack', ...ips('10.0.0.1', '2001::1'), ipFamilies: ['IPv4', 'IPv6'] }),
    },
    {
      name: 'valid, headless-no-selector + multi family + gate off',
      valid: true,
      object: svc({ ...DUAL, ...ips('None'), ipFamilies: ['IPv4', 'IPv6'], selector: undefined }),
    },
    { name: 'valid, multi ip, single ipfamilies preferDualStack', valid: true, object: svc({ ipFamilyPolicy: 'PreferDualStack', ...ips('10.0.0.1', '2001::1'), ipFamilies: ['IPv4'] }) },
    {
      name: 'valid, multi ip, single ipfamilies (must match when provided) + requireDualStack',
      valid: true,
      object: svc({ ...DUAL, ...ips('10.0.0.1', '2001::1'), ipFamilies: ['IPv4'] }),
    },
    { name: "invalid, families don't match (v4=>v6)", valid: false, field: 'spec.clusterIPs[0]', message: 'IPv6', object: svc({ ...ips('10.0.0.1'), ipFamilies: ['IPv6'] }) },
    { name: "invalid, families don't match (v6=>v4)", valid: false, field: 'spec.clusterIPs[0]', message: 'IPv4', object: svc({ ...ips('2001::1'), ipFamilies: ['IPv4'] }) },
    { name: 'valid. no field set', valid: true, object: svc() },
    { name: 'valid, single ip', valid: true, object: svc({ ipFamilyPolicy: 'SingleStack', ...ips('10.0.0.1') }) },
    { name: 'valid, single family', valid: true, object: svc({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv6'] }) },
    { name: 'valid, single ip + single family', valid: true, object: svc({ ipFamilyPolicy: 'SingleStack', ...ips('2001::1'), ipFamilies: ['IPv6'] }) },
    { name: 'valid, single ip + single family (dual stack requested)', valid: true, object: svc({ ipFamilyPolicy: 'PreferDualStack', ...ips('2001::1'), ipFamilies: ['IPv6'] }) },
    { name: 'valid, single ip, multi ipfamilies', valid: true, object: svc({ ...DUAL, ...ips('10.0.0.1'), ipFamilies: ['IPv4', 'IPv6'] }) },
    { name: 'valid, multi ips, multi ipfamilies (4,6)', valid: true, object: svc({ ...DUAL, ...ips('10.0.0.1', '2001::1'), ipFamilies: ['IPv4', 'IPv6'] }) },
    { name: 'valid, ips, multi ipfamilies (6,4)', valid: true, object: svc({ ...DUAL, ...ips('2001::1', '10.0.0.1'), ipFamilies: ['IPv6', 'IPv4'] }) },
    { name: 'valid, multi ips (6,4)', valid: true, object: svc({ ...DUAL, ...ips('2001::1', '10.0.0.1') }) },
    { name: 'valid, multi ipfamilies (6,4)', valid: true, object: svc({ ...DUAL, ipFamilies: ['IPv6', 'IPv4'] }) },
    { name: 'valid, multi ips (4,6)', valid: true, object: svc({ ...DUAL, ...ips('10.0.0.1', '2001::1') }) },
    { name: 'valid,  multi ipfamilies (4,6)', valid: true, object: svc({ ...DUAL, ipFamilies: ['IPv4', 'IPv6'] }) },
    { name: 'valid, dual stack', valid: true, object: svc({ ...DUAL }) },
    { name: 'valid appProtocol', valid: true, object: svc({ ports: [{ port: 12345, targetPort: 12345, protocol: 'TCP', appProtocol: 'HTTP' }] }) },
    { name: 'valid custom appProtocol', valid: true, object: svc({ ports: [{ port: 12345, targetPort: 12345, protocol: 'TCP', appProtocol: 'example.com/protocol' }] }) },
    {
      name: 'invalid appProtocol',
      valid: false,
      field: 'spec.ports[0].appProtocol',
      object: svc({ ports: [{ port: 12345, targetPort: 12345, protocol: 'TCP', appProtocol: 'example.com/protocol_with{invalid}[characters]' }] }),
    },
    {
      name: 'invalid cluster ip != clusterIP in multi ip service',
      valid: false,
      field: 'spec.clusterIPs',
      message: 'first value must match `clusterIP`',
      object: svc({ ...DUAL, clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.1', '2001::1'] }),
    },
    {
      name: 'invalid cluster ip != clusterIP in single ip service',
      valid: false,
      field: 'spec.clusterIPs',
      message: 'first value must match `clusterIP`',
      object: svc({ clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.1'] }),
    },
    {
      name: 'Use AllocateLoadBalancerNodePorts when type is not LoadBalancer',
      valid: false,
      field: 'spec.allocateLoadBalancerNodePorts',
      message: "'LoadBalancer'",
      object: svc({ allocateLoadBalancerNodePorts: true }),
    },
    { name: 'valid LoadBalancerClass when type is LoadBalancer', valid: true, object: svc({ ...LB, loadBalancerClass: 'test.com/test-load-balancer-class' }) },
    { name: 'invalid LoadBalancerClass', valid: false, field: 'spec.loadBalancerClass', object: svc({ ...LB, loadBalancerClass: 'Bad/LoadBalancerClass' }) },
    {
      name: 'invalid: set LoadBalancerClass when type is not LoadBalancer',
      valid: false,
      field: 'spec.loadBalancerClass',
      message: "'LoadBalancer'",
      object: svc({ type: 'ClusterIP', loadBalancerClass: 'test.com/test-load-balancer-class' }),
    },
    {
      name: 'topology annotations are mismatched',
      valid: false,
      field: 'metadata.annotations["service.kubernetes.io/topology-mode"]',
      message: 'must match',
      object: svc({}, { annotations: { 'service.kubernetes.io/topology-aware-hints': 'original', 'service.kubernetes.io/topology-mode': 'different' } }),
    },
    { name: 'valid: trafficDistribution field set to PreferClose', valid: true, object: svc({ trafficDistribution: 'PreferClose' }) },
    { name: 'invalid: trafficDistribution field set to Random', valid: false, field: 'spec.trafficDistribution', message: '"PreferClose"', object: svc({ trafficDistribution: 'Random' }) },
  ];
  runTable('TestValidateServiceCreate', cases);
});
