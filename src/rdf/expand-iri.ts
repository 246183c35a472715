/**
 * IRI expansion of a key or value, as jsonld.js's `expandIri` does it under the subset's contexts
 * (no @vocab, no @base) and with the null base signing and verifying use: a keyword, a term (when
 * `vocab`), a compact IRI over a prefix term, or the string itself (a relative value stays as it
 * is). One function for documents and for contexts being processed: there, `define(term)` first
 * defines a term the local context has (term-definition.ts), as jsonld.js does.
 */
import { isKeyword, looksLikeKeyword } from './iri.js';
import type { TermDefinition } from './term-definition.js';

export function expandIri(
  terms: ReadonlyMap<string, TermDefinition>,
  value: string,
  vocab: boolean,
  define?: (term: string) => void,
): string | null {
  // Only "@…" can be a keyword or look like one: one character test on the hot path.
  if (value.charCodeAt(0) === 0x40 /* @ */) {
    if (isKeyword(value)) return value;
    if (looksLikeKeyword(value)) return null;
  }
  define?.(value);
  if (vocab) {
    const mapping = terms.get(value);
    if (mapping && '@id' in mapping) return mapping['@id'] ?? null;
  }
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = value.slice(0, colon);
    if (prefix === '_' || value.startsWith('//', colon + 1)) return value;
    define?.(prefix);
    const mapping = terms.get(prefix);
    if (mapping?._prefix) return `${mapping['@id']}${value.slice(colon + 1)}`;
  }
  return value;
}
