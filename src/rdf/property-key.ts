/**
 * What a key of a node object means under an active context, worked out once per (context, key):
 * its expansion, its term definition, its predicate and the context its value is expanded in.
 * Active contexts are immutable and interned, so the answer is kept with the context; only defined
 * terms are kept, which bounds the memo by the bundled contexts' vocabulary.
 */
import { applyContext, type ActiveContext } from './active-context.js';
import type { NamedNode } from './dataset.js';
import { expandIri } from './expand-iri.js';
import { isAbsoluteIri, isKeyword } from './iri.js';
import type { TermDefinition } from './term-definition.js';

export interface PropertyKey {
  /** '@id', '@type', '@value'…, an absolute IRI, or null when jsonld.js would drop the key. */
  readonly expanded: string | null;
  /** The predicate, when the key is a property jsonld.js keeps (an absolute IRI, not a keyword). */
  readonly predicate: NamedNode | undefined;
  readonly definition: TermDefinition | undefined;
  readonly container: readonly string[];
  /** Filled by valueContextOf. */
  valueContext?: ActiveContext;
}

const NO_CONTAINER: readonly string[] = [];

export function propertyKey(ctx: ActiveContext, key: string): PropertyKey {
  const cached = ctx.memo.keys.get(key);
  if (cached) return cached;
  const expanded = expandIri(ctx.terms, key, true);
  const definition = ctx.terms.get(key);
  // A blank node id is "absolute" to jsonld.js, but as a predicate it fails in safe mode.
  const isProperty = expanded !== null && !isKeyword(expanded) && isAbsoluteIri(expanded) && !expanded.startsWith('_:');
  const info: PropertyKey = {
    expanded,
    predicate: isProperty ? { termType: 'NamedNode', value: expanded } : undefined,
    definition,
    container: definition?.['@container'] ?? NO_CONTAINER,
  };
  if (definition || isKeyword(key)) ctx.memo.keys.set(key, info);
  return info;
}

/** The context the key's value is expanded in (`ctx` with the term's property-scoped context applied). */
export function valueContextOf(info: PropertyKey, ctx: ActiveContext): ActiveContext {
  if (info.valueContext) return info.valueContext;
  const { definition } = info;
  const scoped = definition && '@context' in definition ? applyContext(ctx, definition['@context'], { propagate: true, overrideProtected: true }) : ctx;
  info.valueContext = scoped;
  return scoped;
}

/** The IRI a type name expands to (as a vocabulary-relative value), memoized for defined terms. */
export function typeIri(ctx: ActiveContext, type: string): string | null {
  const cached = ctx.memo.types.get(type);
  if (cached !== undefined) return cached;
  const iri = expandIri(ctx.terms, type, true);
  if (ctx.terms.has(type)) ctx.memo.types.set(type, iri);
  return iri;
}
