/**
 * Port protocols, port names and unix socket addresses, as Istio 1.30 reads them (pkg/config/protocol,
 * validation.go ValidatePortName / ValidateProtocol / ValidateUnixAddress).
 */
import { isDns1123Label } from './fields';

/** A protocol as protocol.Parse names it; 'Unsupported' for anything else. */
export type Protocol = 'TCP' | 'UDP' | 'GRPC' | 'GRPC-Web' | 'HTTP' | 'HTTP_PROXY' | 'HTTP2' | 'HTTPS' | 'TLS' | 'Mongo' | 'Redis' | 'MySQL' | 'Unsupported';

const PROTOCOLS: Record<string, Protocol> = {
  'tcp': 'TCP',
  'udp': 'UDP',
  'grpc': 'GRPC',
  'grpc-web': 'GRPC-Web',
  'http': 'HTTP',
  'http_proxy': 'HTTP_PROXY',
  'http2': 'HTTP2',
  'https': 'HTTPS',
  'tls': 'TLS',
  'mongo': 'Mongo',
  'redis': 'Redis',
  'mysql': 'MySQL',
};

/** protocol.Parse: case-insensitive; anything unknown (including '') is Unsupported. */
export function parseProtocol(value: string): Protocol {
  return PROTOCOLS[value.toLowerCase()] ?? 'Unsupported';
}

/** protocol.Instance.IsHTTP. */
export function isHTTP(p: Protocol): boolean {
  return p === 'HTTP' || p === 'HTTP2' || p === 'HTTP_PROXY' || p === 'GRPC' || p === 'GRPC-Web';
}

/** protocol.Instance.IsTCP. */
export function isTCP(p: Protocol): boolean {
  return p === 'TCP' || p === 'HTTPS' || p === 'TLS' || p === 'Mongo' || p === 'Redis' || p === 'MySQL';
}

/** protocol.Instance.IsTLS. */
export function isTLS(p: Protocol): boolean {
  return p === 'HTTPS' || p === 'TLS';
}

/** UnixAddressPrefix. */
export const UNIX_ADDRESS_PREFIX = 'unix://';

/** ValidateUnixAddress: an abstract socket (`@name`) or an absolute path to a file. */
export function unixAddressError(addr: string): string | undefined {
  if (addr.length === 0) return 'must not be an empty unix address';
  if (addr.startsWith('@')) return undefined;
  if (!addr.startsWith('/') || addr.endsWith('/')) return `must be an absolute path to a file (${JSON.stringify(addr)} is not)`;
  return undefined;
}

/** ValidatePortName: a DNS-1123 label. */
export function portNameError(name: string): string | undefined {
  return isDns1123Label(name) ? undefined : `must be a port name (a DNS-1123 label): ${JSON.stringify(name)} is not one`;
}

/** What a protocol must be, for messages. */
export const SUPPORTED_PROTOCOLS = 'a protocol Istio supports: HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, HTTP_PROXY, TCP, TLS, UDP, MONGO, REDIS, MYSQL';

/** ValidateProtocol: '' (sniffed) or a protocol Istio knows. */
export function protocolError(value: string): string | undefined {
  return value !== '' && parseProtocol(value) === 'Unsupported' ? `must be ${SUPPORTED_PROTOCOLS}, not ${JSON.stringify(value)}` : undefined;
}
