/**
 * Gateway, as Istio 1.30's webhook checks it: ValidateGateway, validateServer, validateServerPort,
 * validateServerBind and validateTLSOptions of pkg/config/validation/validation.go (istio/istio tag 1.30.3,
 * commit 56df41f63e513f834c9a3af33d8aed82d1d961f2).
 */
import { ProblemCollector } from '../problem';
import { isDns1123Label, list, num, obj, rule, str } from './fields';
import { isIpAddress, namespaceSlashHostnameErrors } from './hosts';
import { validateMetadata } from './metadata';
import { isHTTP, isTLS, parseProtocol, SUPPORTED_PROTOCOLS, UNIX_ADDRESS_PREFIX, unixAddressError } from './protocol';

/** constants.InternalGatewaySemantics: set on Gateways Istio converts from the Gateway API. */
const GATEWAY_SEMANTICS = 'internal.istio.io/gateway-semantics';

/** security.ValidCipherSuites (pkg/config/security/security.go). */
const VALID_CIPHER_SUITES = new Set([
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305', 'ECDHE-ECDSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA',
  'ECDHE-ECDSA-AES256-SHA', 'ECDHE-RSA-AES256-SHA', 'AES128-GCM-SHA256', 'AES256-GCM-SHA384', 'AES128-SHA', 'AES256-SHA', 'DES-CBC3-SHA',
]);

/**
 * security.IsValidCipherSuite: '', ALL, a known suite, or anything not starting with a letter or digit (the
 * `-`/`+`/`!` operators; Go looks at the first byte as a rune).
 */
function isValidCipherSuite(cs: string): boolean {
  if (cs === '' || cs === 'ALL') return true;
  const first = String.fromCharCode(Buffer.from(cs, 'utf8')[0]);
  if (!/[\p{L}\p{N}]/u.test(first)) return true;
  return VALID_CIPHER_SUITES.has(cs);
}

/** The errors recorded so far (to tell whether a part added one). */

/** validateServerPort: a known protocol, a port number (unless bound to a unix socket), no targetPort, a name. Returns whether it passed. */
export function validateServerPort(port: unknown, bind: string, problems: ProblemCollector, field: string): boolean {
  const before = problems.errorCount;
  const fn = rule('validateServerPort');
  const p = obj(port);
  if (!p) {
    problems.error(field, port, 'must be set (port is required)', fn);
    return false;
  }
  const at = problems.at(field);
  if (parseProtocol(str(p.protocol)) === 'Unsupported') {
    at.error('protocol', p.protocol, `must be ${SUPPORTED_PROTOCOLS} (invalid protocol)`, fn);
  }
  const number = num(p.number);
  if (number > 0 || !bind.startsWith(UNIX_ADDRESS_PREFIX)) {
    if (!(number >= 1 && number <= 65535)) at.error('number', p.number, 'must be a port number from 1 to 65535', rule('validateServerPort (agent.ValidatePort)'));
  }
  if (num(p.targetPort) > 0) at.error('targetPort', p.targetPort, 'must not be set: targetPort has no impact on Gateways', fn);
  if (str(p.name) === '') at.error('name', p.name, 'must be set (port name must be set)', fn);
  return problems.errorCount === before;
}

/** validateServerBind: a unix socket (`unix://`, port number 0) or an IP address. */
export function validateServerBind(port: unknown, bind: string, problems: ProblemCollector, field: string): void {
  const fn = rule('validateServerBind');
  if (bind.startsWith(UNIX_ADDRESS_PREFIX)) {
    const err = unixAddressError(bind.slice(UNIX_ADDRESS_PREFIX.length));
    if (err) problems.error(field, bind, err, rule('validateServerBind (ValidateUnixAddress)'));
    const p = obj(port);
    if (p && num(p.number) !== 0) problems.error(field, bind, 'must not be a unix domain socket while port.number is set (port number must be 0 for unix domain socket)', fn);
  } else if (bind.length !== 0 && !isIpAddress(bind)) {
    problems.error(field, bind, `must be an IP address (${bind} is not a valid IP)`, rule('validateServerBind (agent.ValidateIPAddress)'));
  }
}

/** validateTLSOptions: a gateway server's TLS settings (cipher suites warn; one certificate source; what each mode needs). */
export function validateTLSOptions(tls: unknown, problems: ProblemCollector, field: string): void {
  const t = obj(tls);
  if (!t) return;
  const at = problems.at(field);
  const fn = rule('validateTLSOptions');
  // ServerTLSSettings.TLSmode: PASSTHROUGH is the zero value
  const mode = str(t.mode) || 'PASSTHROUGH';
  const ciphers = list(t.cipherSuites).map(str);
  const minVersion = str(t.minProtocolVersion);
  if ((minVersion === 'TLSV1_0' || minVersion === 'TLSV1_1') && ciphers.length === 0) {
    at.warning('minProtocolVersion', t.minProtocolVersion, 'needs cipherSuites: TLS versions below TLSV1_2 require setting compatible ciphers (the defaults no longer include them)', fn);
  }
  const invalid = new Set<string>();
  const valid = new Set<string>();
  const duplicate = new Set<string>();
  for (const cs of ciphers) {
    if (!isValidCipherSuite(cs)) invalid.add(cs);
    else if (valid.has(cs)) duplicate.add(cs);
    else valid.add(cs);
  }
  if (invalid.size > 0) at.warning('cipherSuites', t.cipherSuites, `holds invalid cipher suites, which are ignored: ${[...invalid].sort().join(', ')}`, fn);
  if (duplicate.size > 0) at.warning('cipherSuites', t.cipherSuites, `holds duplicate cipher suites, which are ignored: ${[...duplicate].sort().join(', ')}`, fn);

  const serverCertificate = str(t.serverCertificate);
  const privateKey = str(t.privateKey);
  const caCertificates = str(t.caCertificates);
  const credentialName = str(t.credentialName);
  const credentialNames = list(t.credentialNames);
  const tlsCertificates = list(t.tlsCertificates);
  // Stricter than the webhook on purpose: validateTLSOptions only warns above 2 certificates, but the Gateway CRD's
  // schema (maxItems: 2), which the API server applies before the webhook, refuses the object.
  if (tlsCertificates.length > 2) {
    at.error('tlsCertificates', t.tlsCertificates, 'must hold at most 2 certificates: the Gateway CRD allows 2 (maxItems), so the API server '
      + "refuses more (Istio's webhook alone would only warn)", rule('Gateway CRD schema (tlsCertificates maxItems)'));
  }
  const caCrl = str(t.caCrl);
  if (mode === 'ISTIO_MUTUAL') {
    // ISTIO_MUTUAL uses the workload's own certificates: no other source may be set
    const own: Array<[string, boolean]> = [
      ['serverCertificate', serverCertificate !== ''], ['privateKey', privateKey !== ''], ['caCertificates', caCertificates !== ''],
      ['tlsCertificates', tlsCertificates.length > 0], ['credentialName', credentialName !== ''], ['credentialNames', credentialNames.length > 0],
    ];
    for (const [name, set] of own) {
      if (set) at.error(name, t[name], `must not be set with ISTIO_MUTUAL TLS (ISTIO_MUTUAL TLS cannot have an associated ${name})`, fn);
    }
    return;
  }
  if (mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH') {
    if (caCrl !== '' || serverCertificate !== '' || privateKey !== '' || caCertificates !== '' || tlsCertificates.length > 0
      || credentialName !== '' || credentialNames.length > 0) {
      at.warning('mode', mode, `${mode} mode does not use certificates, they will be ignored`, fn);
    }
  }
  let sources = 0;
  if (serverCertificate !== '' && privateKey !== '') sources++;
  if (credentialName !== '') sources++;
  if (credentialNames.length > 0) sources++;
  if (tlsCertificates.length > 0) sources++;
  if (sources > 1) {
    at.error('', tls, 'must set only one of credentialName, credentialNames, serverCertificate/privateKey, tlsCertificates', fn);
  }
  const terminating = mode === 'SIMPLE' || mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL';
  // with a credential name, the certificates are fetched remotely (SDS)
  if (terminating && (credentialName !== '' || credentialNames.length > 0)) return;
  if (terminating) {
    const prefix = mode === 'SIMPLE' ? 'SIMPLE TLS' : 'MUTUAL TLS';
    if (mode !== 'SIMPLE' && caCertificates === '') at.error('caCertificates', t.caCertificates, `must be set: ${prefix} requires a client CA bundle`, fn);
    const certs: Array<[ProblemCollector, Record<string, any>]> = tlsCertificates.length > 0
      ? tlsCertificates.map((c, i) => [at.at('tlsCertificates', i), obj(c) ?? {}])
      : [[at, t]];
    for (const [where, cert] of certs) {
      if (str(cert.serverCertificate) === '') where.error('serverCertificate', cert.serverCertificate, `must be set: ${prefix} requires a server certificate (or credentialName)`, fn);
      if (str(cert.privateKey) === '') where.error('privateKey', cert.privateKey, `must be set: ${prefix} requires a private key (or credentialName)`, fn);
    }
  }
  if (caCrl !== '') {
    if (credentialName !== '') at.error('caCrl', caCrl, 'must not be set with credentialName: the CRL has to be in the credential', fn);
    if (mode === 'SIMPLE') at.error('caCrl', caCrl, 'must not be set with SIMPLE TLS (CRL is not supported with SIMPLE TLS)', fn);
  }
}

/** validateServer: hosts, port, bind, TLS options, and TLS settings that fit the port's protocol. */
export function validateServer(server: unknown, problems: ProblemCollector, field: string | number, gatewaySemantics = false): void {
  const fn = rule('validateServer');
  const s = obj(server);
  if (!s) {
    problems.error(field, server, 'must not be null (cannot have nil server)', fn);
    return;
  }
  const at = problems.at(field);
  const hosts = list(s.hosts);
  if (hosts.length === 0) at.error('hosts', s.hosts, 'must hold at least one host', fn);
  hosts.forEach((h, i) => {
    for (const err of namespaceSlashHostnameErrors(str(h), true, gatewaySemantics)) {
      at.at('hosts').error(i, h, err, rule('validateServer (agent.ValidateNamespaceSlashWildcardHostname)'));
    }
  });
  const bind = str(s.bind);
  const portOk = validateServerPort(s.port, bind, at, 'port');
  validateServerBind(s.port, bind, at, 'bind');
  validateTLSOptions(s.tls, at, 'tls');
  if (portOk) {
    const p = parseProtocol(str(obj(s.port)?.protocol));
    const t = obj(s.tls);
    if (isTLS(p) && !t) {
      at.error('tls', s.tls, 'must be set: a server for HTTPS/TLS protocols must have TLS settings', fn);
    } else if (!isTLS(p) && t) {
      if (isHTTP(p)) {
        // only an HTTPS redirect (a passthrough-mode TLS block without certificates) fits a plain-text HTTP port
        const mode = str(t.mode) || 'PASSTHROUGH';
        const passthrough = mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH';
        if (!passthrough || str(t.caCertificates) !== '' || str(t.privateKey) !== '' || str(t.serverCertificate) !== '') {
          at.error('tls', s.tls, 'must not be set on a plain-text HTTP port (only httpsRedirect is allowed)', fn);
        }
      } else {
        at.error('tls', s.tls, 'must not be set on a port that is not HTTPS or TLS', fn);
      }
    }
  }
}

/** ValidateGateway over a spec: at least one server, each valid, unique port names; httpsRedirect off HTTP warns. */
export function validateGatewaySpec(spec: Record<string, any>, problems: ProblemCollector, gatewaySemantics = false): void {
  const fn = rule('ValidateGateway');
  const servers = list(spec.servers);
  if (servers.length === 0) problems.error('servers', spec.servers, 'must hold at least one server', fn);
  servers.forEach((server, i) => validateServer(server, problems.at('servers'), i, gatewaySemantics));
  const portNames = new Set<string>();
  servers.forEach((server, i) => {
    const s = obj(server);
    // a null server was reported by validateServer
    if (!s) return;
    const port = obj(s.port);
    if (!port) return;
    const name = str(port.name);
    if (portNames.has(name)) problems.at('servers', i, 'port').error('name', port.name, 'must be unique among the servers\' ports (duplicate port name)', fn);
    portNames.add(name);
    if (!isHTTP(parseProtocol(str(port.protocol))) && obj(s.tls)?.httpsRedirect === true) {
      problems.at('servers', i, 'tls').warning('httpsRedirect', true, 'should only be used with HTTP servers', fn);
    }
  });
}

/** A whole Gateway object: metadata annotations, the name (a DNS-1123 label), then the spec. */
export function validateGateway(object: any, problems: ProblemCollector): void {
  const o = obj(object) ?? {};
  validateMetadata(o, problems);
  const metadata = obj(o.metadata) ?? {};
  const gatewaySemantics = obj(metadata.annotations)?.[GATEWAY_SEMANTICS] === 'gateway';
  const name = str(metadata.name);
  if (!gatewaySemantics && !isDns1123Label(name)) {
    problems.at('metadata').error('name', metadata.name, 'must be a DNS-1123 label (no dots): invalid gateway name', rule('ValidateGateway'));
  }
  validateGatewaySpec(obj(o.spec) ?? {}, problems.at('spec'), gatewaySemantics);
}
