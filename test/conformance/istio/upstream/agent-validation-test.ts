/**
 * Istio's own test cases, ported as data: pkg/config/validation/agent/validation_test.go
 * at tag 1.30.3 (commit 56df41f63e513f834c9a3af33d8aed82d1d961f2), one table per upstream test function, each
 * case under its upstream name. Go values are written as the CRD's JSON: camelCase fields, durations as Go
 * duration strings ("2s", "0.000000999s"), oneofs flattened ({ exact: "foo" }), wrappers as bare values, bytes
 * as base64. `{ $repeat: [s, n] }` stands for s repeated n times, `{ $base64: x }` for x in base64 (see
 * expand() in ../support.ts). Converted mechanically from the Go composite literals; not edited by hand.
 */
/* eslint-disable */

export const TestValidateTLS: any[] = [
  {"name": "SIMPLE: Credential Name set correctly", "tls": {"mode": "SIMPLE", "credentialName": "some credential"}, "valid": true},
  {"name": "SIMPLE CredentialName set with ClientCertificate specified", "tls": {"mode": "SIMPLE", "credentialName": "credential", "clientCertificate": "cert"}, "valid": false},
  {"name": "SIMPLE: CredentialName set with PrivateKey specified", "tls": {"mode": "SIMPLE", "credentialName": "credential", "privateKey": "key"}, "valid": false},
  {"name": "SIMPLE: CredentialName set with CACertficiates specified", "tls": {"mode": "SIMPLE", "credentialName": "credential", "caCertificates": "ca"}, "valid": false},
  {"name": "MUTUAL: Credential Name set correctly", "tls": {"mode": "MUTUAL", "credentialName": "some credential"}, "valid": true},
  {"name": "MUTUAL CredentialName set with ClientCertificate specified", "tls": {"mode": "MUTUAL", "credentialName": "credential", "clientCertificate": "cert"}, "valid": false},
  {"name": "MUTUAL: CredentialName set with PrivateKey specified", "tls": {"mode": "MUTUAL", "credentialName": "credential", "privateKey": "key"}, "valid": false},
  {"name": "MUTUAL: CredentialName set with CACertficiates specified", "tls": {"mode": "MUTUAL", "credentialName": "credential", "caCertificates": "ca"}, "valid": false},
  {"name": "MUTUAL: CredentialName set with CACRL specified", "tls": {"mode": "MUTUAL", "credentialName": "credential", "caCrl": "ca"}, "valid": false},
  {"name": "MUTUAL: CredentialName not set with ClientCertificate and Key specified", "tls": {"mode": "MUTUAL", "clientCertificate": "cert", "privateKey": "key"}, "valid": true},
  {"name": "MUTUAL: CredentialName not set with ClientCertificate specified and Key missing", "tls": {"mode": "MUTUAL", "clientCertificate": "cert"}, "valid": false},
  {"name": "MUTUAL: CredentialName not set with ClientCertificate missing and Key specified", "tls": {"mode": "MUTUAL", "privateKey": "key"}, "valid": false},
];

export const TestValidateWildcardDomain: any[] = [
  {"name": "empty", "in": "", "out": "empty"},
  {"name": "too long", "in": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "out": "too long"},
  {"name": "happy", "in": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "out": ""},
  {"name": "wildcard", "in": "*", "out": ""},
  {"name": "wildcard multi-segment", "in": "*.bar.com", "out": ""},
  {"name": "wildcard single segment", "in": "*foo", "out": ""},
  {"name": "wildcard prefix", "in": "*foo.bar.com", "out": ""},
  {"name": "wildcard prefix dash", "in": "*-foo.bar.com", "out": ""},
  {"name": "bad wildcard", "in": "foo.*.com", "out": "invalid"},
  {"name": "bad wildcard", "in": "foo*.bar.com", "out": "invalid"},
  {"name": "IP address", "in": "1.1.1.1", "out": "invalid"},
];

export const TestValidateLocalityLbSetting: any[] = [
  {"name": "valid mesh config without LocalityLoadBalancerSetting", "in": null, "outlier": null, "err": false, "warn": false},
  {"name": "invalid LocalityLoadBalancerSetting_Distribute total weight > 100", "in": {"distribute": [{"from": "a/b/c", "to": {"a/b/c": 80, "a/b1": 25}}]}, "outlier": {}, "err": true, "warn": false},
  {"name": "invalid LocalityLoadBalancerSetting_Distribute total weight < 100", "in": {"distribute": [{"from": "a/b/c", "to": {"a/b/c": 80, "a/b1": 15}}]}, "outlier": {}, "err": true, "warn": false},
  {"name": "invalid LocalityLoadBalancerSetting_Distribute weight = 0", "in": {"distribute": [{"from": "a/b/c", "to": {"a/b/c": 0, "a/b1": 100}}]}, "outlier": {}, "err": true, "warn": false},
  {"name": "invalid LocalityLoadBalancerSetting specify both distribute and failover", "in": {"distribute": [{"from": "a/b/c", "to": {"a/b/c": 80, "a/b1": 20}}], "failover": [{"from": "region1", "to": "region2"}]}, "outlier": {}, "err": true, "warn": false},
  {"name": "invalid failover src and dst have same region", "in": {"failover": [{"from": "region1", "to": "region1"}]}, "outlier": {}, "err": true, "warn": false},
  {"name": "invalid failover src contain '*' wildcard", "in": {"failover": [{"from": "*", "to": "region2"}]}, "outlier": {}, "err": true, "warn": false},
  {"name": "invalid failover dst contain '*' wildcard", "in": {"failover": [{"from": "region1", "to": "*"}]}, "outlier": {}, "err": true, "warn": false},
  {"name": "invalid failover src contain '/' separator", "in": {"failover": [{"from": "region1/zone1", "to": "region2"}]}, "outlier": {}, "err": true, "warn": false},
  {"name": "invalid failover dst contain '/' separator", "in": {"failover": [{"from": "region1", "to": "region2/zone1"}]}, "outlier": {}, "err": true, "warn": false},
  {"name": "failover priority provided without outlier detection policy", "in": {"failoverPriority": ["topology.istio.io/network", "topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone"]}, "outlier": null, "err": false, "warn": true},
  {"name": "failover provided without outlier detection policy", "in": {"failover": [{"from": "us-east", "to": "eu-west"}, {"from": "us-west", "to": "eu-east"}]}, "outlier": null, "err": false, "warn": true},
  {"name": "invalid LocalityLoadBalancerSetting specify both failoverPriority and region in failover", "in": {"failover": [{"from": "region1", "to": "region2"}], "failoverPriority": ["topology.kubernetes.io/region"]}, "outlier": {}, "err": true, "warn": false},
];

export const TestValidateLocalities: any[] = [
  {"name": "multi wildcard locality", "localities": ["*/zone/*"], "valid": false},
  {"name": "wildcard not in suffix", "localities": ["*/zone"], "valid": false},
  {"name": "explicit wildcard region overlap", "localities": ["*", "a/b/c"], "valid": false},
  {"name": "implicit wildcard region overlap", "localities": ["a", "a/b/c"], "valid": false},
  {"name": "explicit wildcard zone overlap", "localities": ["a/*", "a/b/c"], "valid": false},
  {"name": "implicit wildcard zone overlap", "localities": ["a/b", "a/b/c"], "valid": false},
  {"name": "explicit wildcard subzone overlap", "localities": ["a/b/*", "a/b/c"], "valid": false},
  {"name": "implicit wildcard subzone overlap", "localities": ["a/b", "a/b/c"], "valid": false},
  {"name": "valid localities", "localities": ["a1/*", "a2/*", "a3/b3/c3", "a4/b4", "a5/b5/*"], "valid": true},
];

export const TestValidateFQDN: any[] = [
  {"fqdn": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "valid": false, "name": "long FQDN"},
  {"fqdn": "", "valid": false, "name": "empty FQDN"},
  {"fqdn": "istio.io", "valid": true, "name": "standard FQDN"},
  {"fqdn": "istio.io.", "valid": true, "name": "unambiguous FQDN"},
  {"fqdn": "istio-pilot.istio-system.svc.cluster.local", "valid": true, "name": "standard kubernetes FQDN"},
  {"fqdn": "istio-pilot.istio-system.svc.cluster.local.", "valid": true, "name": "unambiguous kubernetes FQDN"},
];

export const TestValidationIPSubnet: any[] = [
  {"name": "valid ipv4 subnet", "subnet": "1.1.1.1/24", "ok": true},
  {"name": "invalid ipv4 subnet", "subnet": "1.1.1.1/48", "ok": false},
  {"name": "valid ipv6 subnet", "subnet": "2001:1::1/64", "ok": true},
  {"name": "invalid ipv6 subnet", "subnet": "2001:1::1/132", "ok": false},
];

export const TestValidateWildcardDomainForVirtualServiceBoundToGateway: any[] = [
  {"name": "empty", "in": "", "sni": false, "out": "empty"},
  {"name": "too long", "in": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sni": false, "out": "too long"},
  {"name": "happy", "in": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sni": false, "out": ""},
  {"name": "wildcard", "in": "*", "sni": false, "out": ""},
  {"name": "wildcard multi-segment", "in": "*.bar.com", "sni": false, "out": ""},
  {"name": "wildcard single segment", "in": "*foo", "sni": false, "out": ""},
  {"name": "wildcard prefix", "in": "*foo.bar.com", "sni": false, "out": ""},
  {"name": "wildcard prefix dash", "in": "*-foo.bar.com", "sni": false, "out": ""},
  {"name": "bad wildcard", "in": "foo.*.com", "sni": false, "out": "invalid"},
  {"name": "bad wildcard", "in": "foo*.bar.com", "sni": false, "out": "invalid"},
  {"name": "IP address", "in": "1.1.1.1", "sni": false, "out": "invalid"},
  {"name": "SNI domain", "in": "outbound_.80_._.e2e.foobar.mesh", "sni": true, "out": ""},
  {"name": "happy", "in": "outbound.com", "sni": true, "out": ""},
  {"name": "invalid SNI domain", "in": "neverbound_.80_._.e2e.foobar.mesh", "sni": true, "out": "invalid"},
  {"name": "invalid SNI domain", "in": "outbound_.thisIsNotAPort_._.e2e.foobar.mesh", "sni": true, "out": "invalid"},
  {"name": "invalid SNI domain", "in": "outbound_.80_._", "sni": true, "out": "invalid"},
];
