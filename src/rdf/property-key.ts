/**
 * What a key of a node object means under an active context, worked out once per (context, key):
 * its expansion, its term definition and the context its value is expanded in. Active contexts are
 * immutable and interned, so the answer can live on the context; only defined terms are cached,
 * which bounds the cache by the bundled contexts' vocabulary.
 */
import { applyContext, type ActiveContext } from './active-context.js';
import { expandIri } from './expand-iri.js';
import { isAbsoluteIri, isKeyword } from './iri.js';
import type { TermDefinition } from './term-definition.js';

export interface PropertyKey {
  /** '@id', '@type', '@value'…, an absolute IRI, or null when jsonld.js would drop the key. */
  readonly expanded: string | null;
  /** An absolute IRI (a property jsonld.js keeps) rather than a keyword or a dropped key. */
  readonly isProperty: boolean;
  readonly definition: TermDefinition | undefined;
  readonly container: readonly string[];
  /** Filled by valueContextOf. */
  valueContext?: ActiveContext;
}

const NO_CONTAINER: readonly string[] = [];
const caches = new WeakMap<ActiveContext, Map<string, PropertyKey>>();

export function propertyKey(ctx: ActiveContext, key: string): PropertyKey {
  let cache = caches.get(ctx);
  if (cache === undefined) caches.set(ctx, (cache = new Map()));
  const cached = cache.get(key);
  if (cached) return cached;
  const expanded = expandIri(ctx, key, true);
  const definition = ctx.terms.get(key);
  const info: PropertyKey = {
    expanded,
    isProperty: expanded !== null && !isKeyword(expanded) && isAbsoluteIri(expanded),
    definition,
    container: definition?.['@container'] ?? NO_CONTAINER,
  };
  if (definition || isKeyword(key)) cache.set(key, info);
  return info;
}

/** The context the key's value is expanded in (`ctx` with the term's property-scoped context applied). */
export function valueContextOf(info: PropertyKey, ctx: ActiveContext): ActiveContext {
  if (info.valueContext) return info.valueContext;
  const { definition } = info;
  const scoped = definition && '@context' in definition ? applyContext(ctx, definition['@context'], { propagate: true, overrideProtected: true }) : ctx;
  // Cached only with the key itself (a key not cached is a new object each time).
  info.valueContext = scoped;
  return scoped;
}
