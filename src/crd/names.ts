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

export { isDns1035Label, isDns1123Label, isDns1123Subdomain, isLabelKey as isQualifiedName, isLabelValue } from '../common';

/** The total size the API server allows for all annotations of an object (256 KiB). */
export const MAX_ANNOTATIONS_BYTES = 256 * 1024;
