/**
 * Active contexts, processed once and reused. jsonld.js re-processes a type-scoped context every
 * time a node of that type appears (it clones the active context first, which defeats its own
 * cache); that is most of the cost of signing and verifying an OB credential. Here an active
 * context is immutable, every context applied to it is remembered, and equal contexts are one
 * object, so a warm process looks each step up in a map.
 *
 * Only bundled contexts (by URL) and the scoped contexts inside them are processed, so the number
 * of distinct active contexts is finite, but combinations of them are many: a cap bounds memory,
 * and past it the cache starts a new generation (see startGeneration). The processing itself
 * follows jsonld.js 9 (lib/context.js `process`) for the subset.
 */
import { getBundledContext } from '../contexts/bundled.js';
import { isPlainObject } from './iri.js';
import type { PropertyKey } from './property-key.js';
import { createTermDefinition, type TermDefinition } from './term-definition.js';
import { unsupported } from './unsupported.js';

export interface ActiveContext {
  readonly terms: ReadonlyMap<string, TermDefinition>;
  readonly protectedTerms: ReadonlySet<string>;
  /** The context before a type-scoped context was applied; nodes below revert to it. */
  readonly previous: ActiveContext | undefined;
  /** Results of applying contexts to this one: [propagating rules, overriding protection]. */
  readonly derived: readonly [Map<unknown, ActiveContext>, Map<unknown, ActiveContext>];
  /** This context with itself as `previous` (the start of a type-scoped context), once made. */
  withPrevious?: ActiveContext;
  /** What keys and type names mean under this context (see property-key.ts). */
  readonly memo: { keys: Map<string, PropertyKey>; types: Map<string, string | null> };
}

export interface ApplyOptions {
  /** False for type-scoped contexts: they do not reach nested nodes. */
  propagate: boolean;
  /** True for property-scoped contexts, which may redefine protected terms. */
  overrideProtected: boolean;
}

/** More distinct active contexts than any real combination of the bundled contexts produces. */
export const MAX_ACTIVE_CONTEXTS = 4096;

const interned = new Map<string, ActiveContext>();
// Serials only ever grow (never the map's size, which a new generation resets): a fingerprint
// names `previous` by serial, so a reused number would make two different contexts one.
const serials = new WeakMap<ActiveContext, number>();
let nextSerial = 0;
const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;

function intern(terms: ReadonlyMap<string, TermDefinition>, protectedTerms: ReadonlySet<string>, previous: ActiveContext | undefined): ActiveContext {
  const key = fingerprint(terms, protectedTerms, previous);
  const existing = interned.get(key);
  if (existing) return existing;
  if (interned.size >= MAX_ACTIVE_CONTEXTS) startGeneration();
  const context: ActiveContext = { terms, protectedTerms, previous, derived: [new Map(), new Map()], memo: { keys: new Map(), types: new Map() } };
  serials.set(context, nextSerial++);
  interned.set(key, context);
  return context;
}

export const INITIAL_CONTEXT: ActiveContext = intern(new Map(), new Set(), undefined);
const INITIAL_FINGERPRINT = fingerprint(INITIAL_CONTEXT.terms, INITIAL_CONTEXT.protectedTerms, undefined);

/**
 * Forgets every processed context but the initial one. Only crafted input gets this far (say,
 * thousands of distinct context arrays); refusing new contexts then would send every later
 * credential of the process to jsonld.js, so the cache is rebuilt from what is used next instead.
 * Everything cached hangs off INITIAL_CONTEXT, so clearing its maps frees the old generation;
 * a conversion still holding an old context finishes with it (contexts are immutable).
 */
function startGeneration(): void {
  interned.clear();
  interned.set(INITIAL_FINGERPRINT, INITIAL_CONTEXT);
  for (const derived of INITIAL_CONTEXT.derived) derived.clear();
  INITIAL_CONTEXT.withPrevious = undefined;
  INITIAL_CONTEXT.memo.keys.clear();
  INITIAL_CONTEXT.memo.types.clear();
}

/**
 * Applies a local context (a bundled context URL, null, a scoped context object from a bundled
 * context, or an array of those) to `active`, as jsonld.js's context processing does.
 */
export function applyContext(active: ActiveContext, local: unknown, options: ApplyOptions): ActiveContext {
  const items = Array.isArray(local) ? local : [local];
  if (items.length === 0) return active;
  let result = active;
  // Not propagating: remember what to revert to (once; an existing one is kept).
  if (!options.propagate && !result.previous) result = active.withPrevious ??= intern(active.terms, active.protectedTerms, active);
  for (const item of items) result = applyOne(result, item, options.overrideProtected);
  return result;
}

function applyOne(active: ActiveContext, local: unknown, overrideProtected: boolean): ActiveContext {
  if (local === null) {
    if (!overrideProtected && active.protectedTerms.size > 0) unsupported('nullifying a context with protected terms');
    return INITIAL_CONTEXT;
  }
  const key = typeof local === 'string' ? local : typeof local === 'object' ? local : unsupported('invalid local context');
  const cache = active.derived[overrideProtected ? 1 : 0]!;
  const cached = cache.get(key);
  if (cached) return cached;
  const result = process(active, resolve(local), overrideProtected);
  cache.set(key, result);
  return result;
}

function resolve(local: unknown): Record<string, unknown> {
  if (typeof local === 'string') {
    const bundled = getBundledContext(local);
    if (!bundled) unsupported(`context ${local} is not bundled`);
    const context = (bundled.document as { '@context'?: unknown })['@context'];
    if (!isPlainObject(context)) unsupported(`bundled context ${local} is not a single context object`);
    return context;
  }
  if (!isPlainObject(local)) unsupported('invalid local context');
  if ('@context' in local || '@propagate' in local) unsupported('context wrapper or @propagate');
  return local;
}

const UNSUPPORTED_CONTEXT_KEYS = ['@base', '@vocab', '@language', '@direction', '@import'];

function process(active: ActiveContext, context: Record<string, unknown>, overrideProtected: boolean): ActiveContext {
  const building = { terms: new Map(active.terms), protectedTerms: new Set(active.protectedTerms) };
  const defined = new Map<string, boolean>();
  if ('@version' in context) {
    if (context['@version'] !== 1.1) unsupported('unsupported @version');
    defined.set('@version', true);
  }
  for (const key of UNSUPPORTED_CONTEXT_KEYS) if (key in context) unsupported(`context with ${key}`);
  defined.set('@protected', context['@protected'] === true);
  if ('@protected' in context && context['@protected'] !== true) unsupported('@protected other than true');
  for (const term in context) {
    if (term === '@version' || term === '@protected') continue;
    createTermDefinition(building, context, term, defined, overrideProtected);
  }
  return intern(building.terms, building.protectedTerms, active.previous);
}

/** Equal contexts get equal fingerprints; scoped contexts are compared by identity. */
function fingerprint(terms: ReadonlyMap<string, TermDefinition>, protectedTerms: ReadonlySet<string>, previous: ActiveContext | undefined): string {
  const parts = [...terms].map(([term, d]) =>
    JSON.stringify([
      term,
      d['@id'],
      d['@type'],
      d['@container'],
      '@context' in d ? contextKey(d['@context']) : undefined,
      d.reverse,
      d._termHasColon,
      d._prefix,
      d.protected,
    ]),
  );
  parts.sort();
  const previousSerial = previous ? serials.get(previous) : -1;
  return `${parts.join('\u0002')}\u0003${[...protectedTerms].sort().join('\u0001')}\u0003${previousSerial}`;
}

function contextKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return `v:${JSON.stringify(value)}`;
  let id = objectIds.get(value);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(value, id);
  }
  return `o:${id}`;
}
