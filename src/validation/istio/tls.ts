/** Client TLS settings of a traffic policy, as Istio 1.30 checks them (agent.ValidateTLS). */
import { ProblemCollector } from '../problem';
import { isSet, obj, rule, str, wrapped } from './fields';

/** credentials.ParseResourceName for `configmap://<namespace>/<name>`: the namespace, or an error. */
function configMapNamespace(name: string): { namespace?: string; error?: string } {
  const parts = name.slice('configmap://'.length).split('/');
  if (parts.length <= 1) return { error: 'must be configmap://<namespace>/<name>' };
  if (parts[0] === '') return { error: 'must be configmap://<namespace>/<name> (the namespace is empty)' };
  if (parts[1] === '') return { error: 'must be configmap://<namespace>/<name> (the name is empty)' };
  return { namespace: parts[0] };
}

/** agent.ValidateTLS. */
export function validateTLS(namespace: string, settings: unknown, problems: ProblemCollector, field: string): void {
  const s = obj(settings);
  if (!s) return;
  const at = problems.at(field);
  const fn = rule('agent.ValidateTLS');
  const mode = str(s.mode) || 'DISABLE';
  const credentialName = str(s.credentialName);
  if (credentialName.startsWith('configmap://')) {
    const parsed = configMapNamespace(credentialName);
    if (parsed.error) {at.error('credentialName', credentialName, parsed.error, fn);} else if (parsed.namespace !== namespace || namespace === '') {
      at.error('credentialName', credentialName, `must name a ConfigMap in the DestinationRule's own namespace (${namespace === '' ? 'unset' : namespace})`, fn);
    }
  }
  const caCertificates = str(s.caCertificates);
  const hasSans = isSet(s.subjectAltNames) && Array.isArray(s.subjectAltNames);
  if (wrapped(s.insecureSkipVerify) === true) {
    if (mode === 'SIMPLE' && (caCertificates !== '' || credentialName !== '' || hasSans)) {
      at.error('insecureSkipVerify', true, 'must not be true together with caCertificates, credentialName or subjectAltNames', fn);
    }
    if (mode === 'MUTUAL' && (caCertificates !== '' || hasSans)) {
      at.error('insecureSkipVerify', true, 'must not be true together with caCertificates or subjectAltNames', fn);
    }
  }
  if ((mode === 'SIMPLE' || mode === 'MUTUAL') && credentialName !== '') {
    const own = ['clientCertificate', 'caCertificates', 'privateKey', 'caCrl'].filter(f => str(s[f]) !== '');
    if (own.length > 0) {
      at.error('credentialName', credentialName, `must not be set together with ${own.join(', ')} (the secret holds the certificates)`, fn);
    }
    return;
  }
  if (mode === 'MUTUAL') {
    if (str(s.clientCertificate) === '') at.error('clientCertificate', s.clientCertificate, 'must be set for MUTUAL TLS (or credentialName)', fn);
    if (str(s.privateKey) === '') at.error('privateKey', s.privateKey, 'must be set for MUTUAL TLS (or credentialName)', fn);
  }
}
