/**
 * Term definitions, built the way jsonld.js 9 builds them (lib/context.js createTermDefinition)
 * for the subset of JSON-LD 1.1 the bundled contexts use: `@id`, `@type`, `@container`,
 * `@context` (scoped), `@protected` and `@prefix`. A definition is an object with exactly the
 * fields jsonld.js gives its own, because a protected term may be redefined only by an identical
 * definition, compared field by field. Whatever jsonld.js would reject, or anything outside the
 * subset, is `Unsupported` (the document then goes to jsonld.js, which reports the real error).
 */
import { expandIri } from './expand-iri.js';
import { isAbsoluteIri, isKeyword, isPlainObject, looksLikeKeyword } from './iri.js';
import { unsupported } from './unsupported.js';

export interface TermDefinition {
  reverse: boolean;
  _termHasColon: boolean;
  '@id'?: string | null;
  /** May be used as the prefix of a compact IRI. */
  _prefix?: boolean;
  protected?: true;
  '@type'?: string;
  '@container'?: string[];
  /** A scoped context: applied when the term is used as a property (or as a type). */
  '@context'?: unknown;
}

/** The terms of an active context while a local context is being applied to it. */
export interface TermsUnderConstruction {
  terms: Map<string, TermDefinition>;
  /** Every term ever marked protected (jsonld.js keeps them even after an override). */
  protectedTerms: Set<string>;
}

type LocalContext = Record<string, unknown>;
/** term → true once defined, false while being defined (cycle detection). */
type Defined = Map<string, boolean>;

const SUPPORTED_KEYS = new Set(['@id', '@type', '@container', '@context', '@protected', '@prefix']);
// Valid in JSON-LD 1.1 term definitions but outside the subset (none of the bundled contexts uses them).
const OTHER_VALID_KEYS = new Set(['@language', '@reverse', '@direction', '@index', '@nest']);
const VALID_CONTAINERS = new Set(['@list', '@set', '@index', '@language', '@graph', '@id', '@type']);
const TERM_IN_IRI_FORM = /(?::[^:])|\//;
const PREFIX_ENDING = /[:/?#[\]@]$/;

export function createTermDefinition(
  active: TermsUnderConstruction,
  local: LocalContext,
  term: string,
  defined: Defined,
  overrideProtected: boolean,
): void {
  if (defined.has(term)) {
    if (defined.get(term)) return;
    unsupported(`cyclic IRI mapping for "${term}"`);
  }
  defined.set(term, false);
  const value = Object.hasOwn(local, term) ? local[term] : undefined;

  if (isKeyword(term)) unsupported(`keyword redefinition of ${term}`);
  if (looksLikeKeyword(term)) unsupported(`reserved term ${term}`);
  if (term === '') unsupported('empty term');

  const previous = active.terms.get(term);
  active.terms.delete(term);

  let simpleTerm = false;
  let definition: LocalContext;
  if (typeof value === 'string' || value === null) {
    simpleTerm = true;
    definition = { '@id': value };
  } else if (isPlainObject(value)) {
    definition = value;
  } else {
    unsupported(`invalid term definition for "${term}"`);
  }

  const mapping: TermDefinition = { reverse: false, _termHasColon: false };
  active.terms.set(term, mapping);
  for (const key in definition) {
    if (!SUPPORTED_KEYS.has(key)) unsupported(OTHER_VALID_KEYS.has(key) ? `term definition with ${key}` : `invalid term definition key ${key}`);
  }
  const colon = term.indexOf(':');
  mapping._termHasColon = colon > 0;

  if ('@id' in definition) defineId(active, local, term, definition['@id'], simpleTerm, mapping, defined);

  if (!('@id' in mapping)) {
    if (mapping._termHasColon) {
      const prefix = term.slice(0, colon);
      if (Object.hasOwn(local, prefix)) createTermDefinition(active, local, prefix, defined, false);
      const parent = active.terms.get(prefix);
      // Concatenated as jsonld.js does it, a null @id included.
      mapping['@id'] = parent ? `${parent['@id']}${term.slice(colon + 1)}` : term;
    } else {
      // Only an @vocab could give it an IRI, and no context in the subset has one.
      unsupported(`term "${term}" has no @id`);
    }
  }

  if (definition['@protected'] === true || (defined.get('@protected') === true && definition['@protected'] !== false)) {
    active.protectedTerms.add(term);
    mapping.protected = true;
  }
  defined.set(term, true);

  if ('@type' in definition) mapping['@type'] = typeMapping(active, local, definition['@type'], defined);
  if ('@container' in definition) mapping['@container'] = containerMapping(definition['@container'], mapping);
  if ('@context' in definition) mapping['@context'] = definition['@context'];
  if ('@prefix' in definition) {
    const flag = definition['@prefix'];
    if (/:|\//.test(term) || isKeyword(mapping['@id']) || typeof flag !== 'boolean') unsupported(`invalid @prefix on "${term}"`);
    mapping._prefix = flag;
  }
  if (mapping['@id'] === '@context' || mapping['@id'] === '@preserve') unsupported(`"${term}" aliases ${mapping['@id']}`);

  if (previous?.protected && !overrideProtected) {
    active.protectedTerms.add(term);
    mapping.protected = true;
    if (!deepEqual(previous, mapping)) unsupported(`protected term redefinition of "${term}"`);
  }
}

function defineId(
  active: TermsUnderConstruction,
  local: LocalContext,
  term: string,
  raw: unknown,
  simpleTerm: boolean,
  mapping: TermDefinition,
  defined: Defined,
): void {
  if (raw === null) {
    mapping['@id'] = null;
    return;
  }
  if (typeof raw !== 'string') unsupported(`invalid @id for "${term}"`);
  if (!isKeyword(raw) && looksLikeKeyword(raw)) unsupported(`reserved @id value ${raw}`);
  if (raw === term) return;
  const id = expandIriInContext(active, raw, local, defined);
  if (typeof id !== 'string' || (!isAbsoluteIri(id) && !isKeyword(id))) unsupported(`invalid IRI mapping for "${term}"`);
  if (TERM_IN_IRI_FORM.test(term)) {
    const termDefined = new Map(defined).set(term, true);
    if (expandIriInContext(active, term, local, termDefined) !== id) unsupported(`term "${term}" in IRI form expands elsewhere`);
  }
  mapping['@id'] = id;
  mapping._prefix = simpleTerm && !mapping._termHasColon && PREFIX_ENDING.test(id);
}

function typeMapping(active: TermsUnderConstruction, local: LocalContext, raw: unknown, defined: Defined): string {
  if (typeof raw !== 'string') unsupported('invalid type mapping');
  if (raw === '@json' || raw === '@none' || raw === '@id' || raw === '@vocab') return raw;
  const type = expandIriInContext(active, raw, local, defined);
  if (typeof type !== 'string' || !isAbsoluteIri(type) || type.startsWith('_:')) unsupported(`invalid type mapping ${raw}`);
  return type;
}

function containerMapping(raw: unknown, mapping: TermDefinition): string[] {
  const container = typeof raw === 'string' ? [raw] : raw ?? [];
  if (!Array.isArray(container) || !container.every((c): c is string => typeof c === 'string' && VALID_CONTAINERS.has(c))) {
    unsupported('invalid container mapping');
  }
  const hasSet = container.includes('@set');
  if (container.includes('@list')) {
    if (container.length !== 1) unsupported('invalid @list container');
  } else if (container.includes('@graph')) {
    if (container.some((c) => c !== '@graph' && c !== '@id' && c !== '@index' && c !== '@set')) unsupported('invalid @graph container');
  } else if (container.length > (hasSet ? 2 : 1)) {
    unsupported('invalid container mapping');
  }
  if (container.includes('@type')) {
    mapping['@type'] ??= '@id';
    if (mapping['@type'] !== '@id' && mapping['@type'] !== '@vocab') unsupported('invalid type mapping for @type container');
  }
  return container;
}

/**
 * Vocabulary-relative IRI expansion while a local context is being processed: a term or prefix
 * the local context has is defined first (jsonld.js does so without overriding protection,
 * whatever the caller asked for; an already defined term returns at once, one being defined is a
 * cycle).
 */
function expandIriInContext(active: TermsUnderConstruction, value: string, local: LocalContext, defined: Defined): string | null {
  return expandIri(active.terms, value, true, (term) => {
    if (Object.hasOwn(local, term)) createTermDefinition(active, local, term, defined, false);
  });
}

/** jsonld.js's `_deepCompare` (lib/context.js): containers compare in any order. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (!(a && typeof a === 'object') || !(b && typeof b === 'object')) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  if (Object.keys(left).length !== Object.keys(right).length) return false;
  for (const key in left) {
    let l = left[key];
    let r = right[key];
    if (key === '@container' && Array.isArray(l) && Array.isArray(r)) {
      l = [...l].sort();
      r = [...r].sort();
    }
    if (!deepEqual(l, r)) return false;
  }
  return true;
}
