/** Reading untrusted JSON documents (DID documents, key documents, JWK Sets) without surprises. */
export type Json = Record<string, unknown>;

// The shared readers, under the names the resolvers have always imported from here.
export { asArray, isObject } from '../credential-fields.js';

/** `ref` made absolute against `base`: `#key-1` against a DID or URL, a relative URL against a URL. */
export function absolute(ref: string, base: string): string {
  if (ref.startsWith('#')) return withoutFragment(base) + ref;
  // DIDs and URNs compare as written; URLs as the URL parser normalizes them.
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^https?:/i.test(ref)) return ref;
  try {
    return new URL(ref, base).href;
  } catch {
    return ref;
  }
}

export function withoutFragment(id: string): string {
  const hash = id.indexOf('#');
  return hash === -1 ? id : id.slice(0, hash);
}
