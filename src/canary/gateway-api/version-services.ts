import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import * as istio from '../../../imports/networking.istio.io';
import { addLibraryPatch, isDns1035Label, propError } from '../../common';
import { CanaryServicePort } from '../ports';

/** The name of a version's Service: `<service>-<version>` (also its Deployment's default name). */
export function versionServiceName(serviceName: string, version: string): string {
  return `${serviceName}-${version}`;
}

/**
 * One Service per version, beside the root Service: the same ports, selecting the app and version labels, so
 * an HTTPRoute backendRef reaches exactly that version's pods.
 */
export function addVersionServices(scope: Construct, serviceName: string, versions: readonly string[],
  labels: (version: string) => Record<string, string>, ports: readonly CanaryServicePort[]): Record<string, kplus.Service> {
  const services: Record<string, kplus.Service> = {};
  versions.forEach((version, i) => {
    const name = versionServiceName(serviceName, version);
    if (!isDns1035Label(name)) {
      throw propError(scope, `versions[${i}].name`, version,
        `must leave room for the version Service ${JSON.stringify(name)} on the Gateway API backend: a DNS-1035 label of at most 63 characters`);
    }
    const service = new kplus.Service(scope, `${version}-service`, {
      metadata: { name },
      ports: ports.map(p => ({ name: p.name, port: p.port, targetPort: p.targetPort ?? p.port })),
    });
    for (const [k, v] of Object.entries(labels(version))) service.selectLabel(k, v);
    ports.forEach((p, j) => {
      if (p.appProtocol !== undefined) addLibraryPatch(ApiObject.of(service), JsonPatch.add(`/spec/ports/${j}/appProtocol`, p.appProtocol));
    });
    services[version] = service;
  });
  return services;
}

/** Istio merges a subset's policy over the service's field by field (loadBalancer, connectionPool, ...). */
function mergePolicies(shared: any, own: any): any {
  const merged: any = {};
  for (const policy of [shared, own]) {
    for (const [k, v] of Object.entries(policy ?? {})) if (v !== undefined) merged[k] = v;
  }
  return Object.keys(merged).length > 0 ? merged : undefined;
}

/**
 * A DestinationRule per version Service that has a traffic policy (the service-wide one merged with the
 * version's, as a subset's would be): Istio applies DestinationRules to Gateway API backends by host.
 */
export function addVersionDestinationRules(scope: Construct, serviceName: string, versions: readonly string[],
  sharedPolicy: any, versionPolicies: Record<string, any>): Record<string, istio.DestinationRule> {
  const rules: Record<string, istio.DestinationRule> = {};
  for (const version of versions) {
    const trafficPolicy = mergePolicies(sharedPolicy, versionPolicies[version]);
    if (trafficPolicy === undefined) continue;
    const host = versionServiceName(serviceName, version);
    rules[version] = new istio.DestinationRule(scope, `${version}-destination-rule`, {
      metadata: { name: host },
      spec: { host, trafficPolicy },
    });
  }
  return rules;
}
