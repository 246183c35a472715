/**
 * IRI and keyword tests exactly as jsonld.js 9 makes them (lib/url.js, lib/context.js,
 * lib/util.js), so the fast path accepts and rejects the same strings.
 */

// jsonld.js's own (weak) absolute-IRI test, blank node identifiers included. `+-.` is a range.
const ABSOLUTE_IRI = /^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$/;
const KEYWORD_FORM = /^@[a-zA-Z]+$/;

const KEYWORDS: ReadonlySet<string> = new Set([
  '@base', '@container', '@context', '@default', '@direction', '@embed', '@explicit', '@graph',
  '@id', '@included', '@index', '@json', '@language', '@list', '@nest', '@none', '@omitDefault',
  '@prefix', '@preserve', '@protected', '@requireAll', '@reverse', '@set', '@type', '@value',
  '@version', '@vocab',
]);

export function isAbsoluteIri(value: string): boolean {
  return ABSOLUTE_IRI.test(value);
}

export function isKeyword(value: unknown): boolean {
  return typeof value === 'string' && KEYWORDS.has(value);
}

/** "@something" that is not a keyword: reserved, and ignored or refused by jsonld.js. */
export function looksLikeKeyword(value: string): boolean {
  return KEYWORD_FORM.test(value);
}

/** jsonld.js's `types.isObject`: plain objects only (not arrays, dates, boxed values). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}
