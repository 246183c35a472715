/**
 * IRI expansion of a key or value in a document, as jsonld.js's `expandIri` does it under the
 * subset's contexts (no @vocab, no @base) and with the null base signing and verifying use: a
 * term (when `vocab`), a compact IRI over a prefix term, or the string itself.
 */
import type { ActiveContext } from './active-context.js';
import { isKeyword, looksLikeKeyword } from './iri.js';

export function expandIri(active: ActiveContext, value: string, vocab: boolean): string | null {
  if (vocab) {
    const mapping = active.terms.get(value);
    if (mapping && '@id' in mapping) return mapping['@id'] ?? null;
  }
  if (value.charCodeAt(0) === 0x40 /* @ */) {
    if (isKeyword(value)) return value;
    if (looksLikeKeyword(value)) return null;
  }
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = value.slice(0, colon);
    if (prefix === '_' || value.startsWith('//', colon + 1)) return value;
    const mapping = active.terms.get(prefix);
    if (mapping?._prefix) return `${mapping['@id']}${value.slice(colon + 1)}`;
  }
  return value;
}
