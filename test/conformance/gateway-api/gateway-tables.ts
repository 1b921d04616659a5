/**
 * TestValidateGateway of Gateway API v1.5.1 (`tests/cel/gateway_test.go`, tag v1.5.1, commit
 * e7677b70ae75d14a4448fba94870e7deea6cf0ad), ported as data. Upstream mutates a base Gateway (class `foo`,
 * one listener `http` HTTP/80); each spec below is the mutated spec. Upstream's `desc` is the case name.
 * A CanaryService writes one Gateway, the ambient waypoint (class istio-waypoint, one HBONE listener on 15008,
 * no tls, no hostname, no addresses): every other listener shape is not expressible through it.
 */
import { UpstreamCase, UpstreamTable } from './upstream';

const spec = (listeners: any[], extra: any = {}) => ({ gatewayClassName: 'foo', listeners, ...extra });
const listener = (name: string, protocol: string, port: number, extra: any = {}) => ({ name, protocol, port, ...extra });
const base = [listener('http', 'HTTP', 80)];
const NOT_WAYPOINT = 'the construct writes only the waypoint listener (HBONE on 15008, no tls, no hostname)';
const NO_ADDRESSES = 'the construct writes no Gateway addresses';
const STATUS = 'a status update (the layer validates what is written, never status)';

const cases: UpstreamCase[] = [
  { name: 'tls config present with http protocol', wantErrors: ["tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']"], spec: spec([listener('http', 'HTTP', 8080, { tls: {} })]) },
  { name: 'https protocol with Passthrough tls mode', wantErrors: ['tls mode must be Terminate for protocol HTTPS'], spec: spec([listener('https', 'HTTPS', 8080, { tls: { mode: 'Passthrough' } })]) },
  { name: 'tls mode not set with https protocol and tls config present', spec: spec([listener('https', 'HTTPS', 8080, { tls: { certificateRefs: [{ name: 'foo' }] } })]) },
  { name: 'tls config present with tcp protocol', wantErrors: ["tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']"], spec: spec([listener('tcp', 'TCP', 8080, { tls: {} })]) },
  { name: 'tls config not set with https protocol', spec: spec([listener('https', 'HTTPS', 8443)]) },
  { name: 'tls config not set with tls protocol', wantErrors: ['tls mode must be set for protocol TLS'], spec: spec([listener('tls', 'TLS', 8443)]) },
  { name: 'tls config not set with http protocol', spec: spec([listener('http', 'HTTP', 8080)]) },
  { name: 'tls config not set with tcp protocol', spec: spec([listener('tcp', 'TCP', 8080)]) },
  { name: 'tls config not set with udp protocol', spec: spec([listener('udp', 'UDP', 8080)]) },
  { name: 'hostname present with tcp protocol', wantErrors: ["hostname must not be specified for protocols ['TCP', 'UDP']"], spec: spec([listener('tcp', 'TCP', 8080, { hostname: 'foo' })]) },
  { name: 'hostname present with udp protocol', wantErrors: ["hostname must not be specified for protocols ['TCP', 'UDP']"], spec: spec([listener('udp', 'UDP', 8080, { hostname: 'foo' })]) },
  { name: 'certificateRefs not set with HTTPS protocol and TLS terminate mode', wantErrors: ['certificateRefs or options must be specified when mode is Terminate'], spec: spec([listener('https', 'HTTPS', 8443, { tls: { mode: 'Terminate' } })]) },
  { name: 'certificateRefs not set with TLS protocol and TLS terminate mode', wantErrors: ['certificateRefs or options must be specified when mode is Terminate'], spec: spec([listener('tls', 'TLS', 8443, { tls: { mode: 'Terminate' } })]) },
  { name: 'certificateRefs set with HTTPS protocol and TLS terminate mode', spec: spec([listener('https', 'HTTPS', 8443, { tls: { mode: 'Terminate', certificateRefs: [{ name: 'foo' }] } })]) },
  { name: 'certificateRefs set with TLS protocol and TLS terminate mode', spec: spec([listener('tls', 'TLS', 8443, { tls: { mode: 'Terminate', certificateRefs: [{ name: 'foo' }] } })]) },
  { name: 'options set with HTTPS protocol and TLS terminate mode', spec: spec([listener('https', 'HTTPS', 8443, { tls: { mode: 'Terminate', options: { 'networking.example.com/tls-version': '1.2' } } })]) },
  { name: 'options set with tls protocol and TLS terminate mode', spec: spec([listener('tls', 'TLS', 8443, { tls: { mode: 'Terminate', options: { 'networking.example.com/tls-version': '1.2' } } })]) },
  { name: 'names are not unique within the Gateway', wantErrors: ['Listener name must be unique within the Gateway'], spec: spec([listener('http', 'HTTP', 80), listener('http', 'HTTP', 8000), listener('http', 'HTTP', 8080)]) },
  { name: 'names are unique within the Gateway', spec: spec([listener('http-1', 'HTTP', 80), listener('http-2', 'HTTP', 8000), listener('http-3', 'HTTP', 8080)]) },
  { name: 'combination of port, protocol, and hostname are not unique for each listener', wantErrors: ['Combination of port, protocol and hostname must be unique for each listener'], spec: spec([listener('foo', 'HTTP', 80, { hostname: 'foo.com' }), listener('bar', 'HTTP', 80, { hostname: 'foo.com' })]) },
  { name: 'combination of port and protocol are not unique for each listener when hostnames not set', wantErrors: ['Combination of port, protocol and hostname must be unique for each listener'], spec: spec([listener('foo', 'HTTP', 80), listener('bar', 'HTTP', 80)]) },
  { name: 'port is unique when protocol and hostname are the same', spec: spec([listener('foo', 'HTTP', 80, { hostname: 'foo.com' }), listener('bar', 'HTTP', 8000, { hostname: 'foo.com' })]) },
  { name: 'hostname is unique when protocol and port are the same', spec: spec([listener('foo', 'HTTP', 80, { hostname: 'foo.com' }), listener('bar', 'HTTP', 80, { hostname: 'bar.com' })]) },
  { name: 'one omitted hostname is unique when protocol and port are the same', spec: spec([listener('foo', 'HTTP', 80, { hostname: 'foo.com' }), listener('bar', 'HTTP', 80)]) },
  { name: 'protocol is unique when port and hostname are the same', spec: spec([listener('foo', 'HTTP', 8000, { hostname: 'foo.com' }), listener('bar', 'HTTPS', 8000, { hostname: 'foo.com', tls: { certificateRefs: [{ name: 'foo' }] } })]) },
  {
    name: 'ip address and hostname in addresses are valid',
    spec: spec(base, { addresses: [{ type: 'IPAddress', value: '1.2.3.4' }, { type: 'IPAddress', value: '1111:2222:3333:4444::' }, { type: 'Hostname', value: 'foo.bar' }] }),
    notExpressible: NO_ADDRESSES,
  },
  {
    name: 'ip address and hostname in addresses are invalid',
    wantErrors: ['Invalid value: "1.2.3.4:8080": spec.addresses[0].value in body must be of type ipv4'],
    spec: spec(base, { addresses: [{ type: 'IPAddress', value: '1.2.3.4:8080' }, { type: 'Hostname', value: '*foo/bar' }, { type: 'Hostname', value: '12:34:56::' }] }),
    notExpressible: NO_ADDRESSES,
  },
  {
    name: 'duplicate ip address or hostname',
    wantErrors: ['IPAddress values must be unique', 'Hostname values must be unique'],
    spec: spec(base, { addresses: [{ type: 'IPAddress', value: '1.2.3.4' }, { type: 'IPAddress', value: '1.2.3.4' }, { type: 'Hostname', value: 'foo.bar' }, { type: 'Hostname', value: 'foo.bar' }] }),
    notExpressible: NO_ADDRESSES,
  },
  { name: 'optional ip address or hostname values', spec: spec(base, { addresses: [{ type: 'IPAddress' }, { type: 'Hostname' }] }), notExpressible: NO_ADDRESSES },
  {
    name: 'multiple optional ip address or hostname values alongside defined values',
    spec: spec(base, {
      addresses: [
        { type: 'Hostname' }, { type: 'IPAddress' }, { type: 'IPAddress', value: '1.2.3.4' }, { type: 'Hostname', value: 'foo.bar' },
        { type: 'IPAddress' }, { type: 'Hostname' }, { type: 'IPAddress', value: '2.3.4.5' }, { type: 'Hostname', value: 'bar.bar' },
      ],
    }),
    notExpressible: NO_ADDRESSES,
  },
];

export const TestValidateGateway: UpstreamTable = {
  test: 'TestValidateGateway',
  kind: 'Gateway',
  cases: cases.map(c => c.notExpressible ? c : { ...c, notExpressible: NOT_WAYPOINT }),
};

/** Upstream cases that update status, which the layer never sees (listed, not run). */
export const TestValidateGatewayStatusCases: ReadonlyArray<[name: string, why: string]> = [
  ['ip address and hostname in status addresses are valid', STATUS],
  ['ip address and hostname in status addresses are invalid', STATUS],
];
