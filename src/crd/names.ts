/**
 * English plural of a kind, lowercased, as Kubernetes resources are named: `At` → `ats`,
 * `Policy` → `policies`, `Ingress` → `ingresses`, `Gateway` → `gateways`, `Box` → `boxes`.
 * Irregular plurals are not guessed: pass `plural` for them.
 */
export function pluralOf(kind: string): string {
  const word = kind.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** The singular resource name: the lowercased kind (the API server's own default). */
export function singularOf(kind: string): string {
  return kind.toLowerCase();
}

/** The list kind: `<Kind>List` (the API server's own default). */
export function listKindOf(kind: string): string {
  return `${kind}List`;
}

/** RFC 1035 label (lowercase alphanumerics and '-', starting with a letter, at most 63 characters). */
export function isDns1035Label(s: string): boolean {
  return typeof s === 'string' && s.length <= 63 && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(s);
}

/** RFC 1123 subdomain (lowercase labels separated by dots, at most 253 characters). */
export function isDns1123Subdomain(s: string): boolean {
  return typeof s === 'string' && s.length <= 253
    && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s);
}

/** RFC 1123 label, e.g. a namespace name (lowercase alphanumerics and '-', at most 63 characters). */
export function isDns1123Label(s: string): boolean {
  return typeof s === 'string' && s.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(s);
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** A label or annotation key: an optional DNS-subdomain prefix and `/`, then a name of at most 63 characters. */
export function isQualifiedName(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  const slash = s.lastIndexOf('/');
  const [prefix, name] = slash < 0 ? [undefined, s] : [s.slice(0, slash), s.slice(slash + 1)];
  if (prefix !== undefined && !isDns1123Subdomain(prefix)) return false;
  return name.length <= 63 && QUALIFIED_NAME.test(name);
}

/** A label value: empty, or at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit. */
export function isLabelValue(s: unknown): boolean {
  return typeof s === 'string' && (s === '' || (s.length <= 63 && QUALIFIED_NAME.test(s)));
}

/** The total size the API server allows for all annotations of an object (256 KiB). */
export const MAX_ANNOTATIONS_BYTES = 256 * 1024;
