import { IConstruct } from 'constructs';
import { requireProp } from '../../common';
import { CanaryServicePort, ServiceProtocol } from '../ports';
import { checkInteger, isDns1123Label } from './checks';

const KNOWN = new Set<string>(Object.values(ServiceProtocol));
const BY_NAME = new Set<string>(['http', 'http2', 'https', 'grpc', 'tcp', 'tls']);
const HTTP_FAMILY = new Set<string>(['http', 'http2', 'grpc', 'grpc-web']);

/**
 * The protocol Istio reads for a Service port: `appProtocol` when Istio knows it, else the part of the name
 * before the first `-`; undefined when neither is readable (Istio then sniffs) [IST0118].
 */
export function portProtocol(name: string | undefined, appProtocol: string | undefined): string | undefined {
  if (appProtocol !== undefined && KNOWN.has(appProtocol.toLowerCase())) return appProtocol.toLowerCase();
  const prefix = name?.split('-')[0].toLowerCase();
  return prefix !== undefined && BY_NAME.has(prefix) ? prefix : undefined;
}

/** Whether VirtualService `http` routes apply to traffic of this protocol. */
export function isHttpFamily(protocol: string | undefined): boolean {
  return protocol !== undefined && HTTP_FAMILY.has(protocol);
}

export const PORT_NAMING = 'must be named by protocol (http, http2, https, grpc, tcp, tls, optionally followed by -<suffix>) or set appProtocol, '
  + 'or Istio has to guess the protocol [IST0118]';

/** Checks a port of the props; returns it with its name filled in. */
export function checkServicePort(scope: IConstruct, prop: string, p: CanaryServicePort): CanaryServicePort {
  checkInteger(scope, `${prop}.port`, p.port, 1, 65535);
  if (p.targetPort !== undefined) checkInteger(scope, `${prop}.targetPort`, p.targetPort, 1, 65535);
  if (p.appProtocol !== undefined) {
    requireProp(KNOWN.has(p.appProtocol), scope, `${prop}.appProtocol`, p.appProtocol, `must be one of ${[...KNOWN].join(', ')}`);
  }
  const name = p.name ?? p.appProtocol ?? ServiceProtocol.HTTP;
  requireProp(isDns1123Label(name), scope, `${prop}.name`, name, 'must be a DNS-1123 label');
  requireProp(portProtocol(name, p.appProtocol) !== undefined, scope, `${prop}.name`, name, PORT_NAMING);
  return { ...p, name };
}
