/**
 * JSON-LD → RDF for documents that use only the bundled contexts: the result jsonld.js 9 gives
 * (expand, node map, toRDF, in safe mode with a null base), computed in one walk over the
 * document with pre-processed contexts. It follows jsonld.js's expansion step by step (lib/expand.js)
 * — scoped-context order, reverting type-scoped contexts, which active context each lookup uses —
 * and the node map's rules for merging nodes and dropping duplicate values (lib/nodeMap.js).
 *
 * Anything else (an unknown context or term, a keyword it does not handle, a value jsonld.js would
 * drop, refuse or warn about in safe mode) throws `Unsupported`; the caller then uses jsonld.js.
 * The differential test (test/rdf/) checks, quad for quad, that both give the same canonical form.
 */
import { applyContext, INITIAL_CONTEXT, type ActiveContext, type ApplyOptions } from './active-context.js';
import { literalTerm, nodeTerm, RDF_FIRST, RDF_NIL, RDF_REST, RDF_TYPE, type Literal, type NamedNode, type Quad, type Subject } from './dataset.js';
import { expandIri } from './expand-iri.js';
import { isAbsoluteIri, isPlainObject } from './iri.js';
import { propertyKey, typeIri, valueContextOf, type PropertyKey } from './property-key.js';
import { QuadWriter, type NodeRecord, type SameAs } from './quad-writer.js';
import { unsupported } from './unsupported.js';

const EMBEDDED: ApplyOptions = { propagate: true, overrideProtected: false };
const TYPE_SCOPED: ApplyOptions = { propagate: false, overrideProtected: false };
const NO_CONTAINER: readonly string[] = [];
const MAP_CONTAINERS = ['@language', '@index', '@id', '@type'];
/** Deeper nesting (or a cycle) is left to jsonld.js, whatever it makes of it. */
const MAX_NESTING = 256;
const RDF_TYPE_TERM: NamedNode = { termType: 'NamedNode', value: RDF_TYPE };
const RDF_FIRST_TERM: NamedNode = { termType: 'NamedNode', value: RDF_FIRST };
const RDF_REST_TERM: NamedNode = { termType: 'NamedNode', value: RDF_REST };
const RDF_NIL_TERM: NamedNode = { termType: 'NamedNode', value: RDF_NIL };

type Json = Record<string, unknown>;

/** The quads of `document`; throws Unsupported outside the subset. */
export function documentToRdf(document: unknown): Quad[] {
  if (!isPlainObject(document)) unsupported('the document is not a JSON object');
  const writer = new QuadWriter();
  expandNode(writer, INITIAL_CONTEXT, null, document, '', false);
  return writer.quads;
}

interface ExpandedNode {
  node: NodeRecord;
  /** Expanded to more than an @id (jsonld.js drops empty or id-only top-level and graph nodes). */
  hasContent: boolean;
}

/*
 * jsonld.js visits a node's keys in sorted order. Order only matters where two keys mean @type
 * (their scoped contexts apply in turn) or @id; both are outside the subset, so keys are visited
 * as they come and the quads (up to blank node labels, which canonicalization replaces) agree.
 */
function expandNode(w: QuadWriter, active: ActiveContext, activeProperty: string | null, element: Json, graph: string, insideList: boolean): ExpandedNode {
  if (++w.depth > MAX_NESTING) unsupported('nesting too deep');
  const keys = Object.keys(element);
  const hasContext = '@context' in element;

  // A type-scoped context stops at the node boundary, except for a bare reference { id }.
  let ctx = active;
  if (active.previous) {
    let revert = true;
    if (keys.length <= 2 && !hasContext) {
      for (const key of keys) {
        const expanded = propertyKey(active, key).expanded;
        if (expanded === '@value') unsupported('value object');
        if (expanded === '@id' && keys.length === 1) revert = false;
      }
    }
    if (revert) ctx = active.previous;
  }
  const propertyDefinition = activeProperty === null ? undefined : active.terms.get(activeProperty);
  if (propertyDefinition && '@context' in propertyDefinition) {
    ctx = applyContext(ctx, propertyDefinition['@context'], { propagate: true, overrideProtected: true });
  }
  if (hasContext) ctx = applyContext(ctx, embeddedContext(element['@context']), EMBEDDED);

  // Types are looked up before their own scoped contexts apply, in sorted order.
  const typeScoped = ctx;
  let infos = keys.map((key) => propertyKey(ctx, key));
  const typeKey = onlyTypeKey(infos, keys);
  if (typeKey !== undefined) {
    const value = element[typeKey];
    const types = Array.isArray(value) ? (value.length > 1 ? [...value].sort() : value) : [value];
    for (const type of types) {
      const definition = typeof type === 'string' ? typeScoped.terms.get(type) : undefined;
      if (definition && '@context' in definition) ctx = applyContext(ctx, definition['@context'], TYPE_SCOPED);
    }
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && expandIri(ctx.terms, first, true) === '@json') unsupported('a node typed @json');
    infos = keys.map((key) => propertyKey(ctx, key));
    if (onlyTypeKey(infos, keys) !== typeKey) unsupported('@type keys change under the type-scoped context');
  }

  const node = w.node(graph, nodeId(w, ctx, keys, infos, element));
  let hasContent = false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const info = infos[i]!;
    if (info.predicate) {
      if (expandProperty(w, ctx, info, key, element[key], node)) hasContent = true;
    } else if (info.expanded === '@type') {
      for (const type of typeValues(element[key])) {
        const iri = typeIri(typeScoped, type);
        if (iri === null || !isAbsoluteIri(iri) || iri.startsWith('_:')) unsupported(`type "${type}" is not defined`);
        w.add(node, '@type', RDF_TYPE_TERM, { termType: 'NamedNode', value: iri }, { id: iri });
      }
      hasContent = true;
    }
  }

  const container = activeProperty === null ? NO_CONTAINER : ctx.terms.get(activeProperty)?.['@container'] ?? NO_CONTAINER;
  if (!hasContent && !insideList && (activeProperty === null || container.includes('@graph'))) {
    unsupported('an empty or id-only node where jsonld.js drops it');
  }
  w.depth--;
  return { node, hasContent };
}

/** The one key that means @type, if any (two are outside the subset). */
function onlyTypeKey(infos: PropertyKey[], keys: string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < keys.length; i++) {
    if (infos[i]!.expanded !== '@type' || keys[i] === '@context') continue;
    if (found !== undefined) unsupported('two keys mean @type');
    found = keys[i];
  }
  return found;
}

/** Checks every key is a term, an IRI, @id or @type, and returns the node's @id if it has one. */
function nodeId(w: QuadWriter, ctx: ActiveContext, keys: string[], infos: PropertyKey[], element: Json): string | undefined {
  let id: string | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const { expanded, predicate } = infos[i]!;
    if (predicate || expanded === '@type' || key === '@context') continue;
    if (expanded !== '@id') unsupported(expanded === null || !expanded.startsWith('@') ? `property "${key}" is not defined by a context` : `keyword ${expanded}`);
    if (id !== undefined) unsupported('two @id keys');
    const value = element[key];
    if (typeof value !== 'string') unsupported('@id is not a string');
    const iri = expandIri(ctx.terms, value, false);
    if (iri === null || !isAbsoluteIri(iri)) unsupported(`@id "${value}" is not an absolute IRI`);
    id = iri.startsWith('_:') ? w.relabel(iri) : iri;
  }
  return id;
}

function typeValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((t) => typeof t === 'string')) return value as string[];
  return unsupported('@type is not a string or a non-empty array of strings');
}

/** One property of a node; false when its value expands to nothing (null). */
function expandProperty(w: QuadWriter, ctx: ActiveContext, info: PropertyKey, key: string, value: unknown, node: NodeRecord): boolean {
  const predicate = info.predicate!;
  const slot = predicate.value;
  const { container, definition } = info;
  if (container.length > 0 && container.some((c) => MAP_CONTAINERS.includes(c))) unsupported(`${container.join(' ')} container`);

  if (definition?.['@type'] === '@json') {
    if (value === undefined || container.length > 0) unsupported('an undefined @json value, or @json in a container');
    w.add(node, slot, predicate, literalTerm(value, '@json'), jsonSameAs(value));
    return true;
  }
  if (value === null || value === undefined) return false;

  const termCtx = valueContextOf(info, ctx);
  const isList = container.includes('@list');
  if (isList !== propertyKey(termCtx, key).container.includes('@list')) unsupported('list container changed by a scoped context');
  if (isList) {
    const items: (Subject | Literal)[] = [];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (Array.isArray(item)) unsupported('list of lists');
      const object = expandValue(w, termCtx, key, item, node.graphName);
      if (object) items.push(object.term);
    }
    writeList(w, node, predicate, items);
    return true;
  }

  if (container.includes('@graph')) {
    let added = false;
    for (const item of flatten(value)) {
      if (!isPlainObject(item)) unsupported('a value other than a node in a @graph container');
      const name = w.freshBlankNode();
      if (!expandNode(w, termCtx, key, item, name, false).hasContent) unsupported('an empty or id-only node in a @graph container');
      w.add(node, slot, predicate, nodeTerm(name), undefined);
      added = true;
    }
    return added;
  }

  if (Array.isArray(value)) {
    for (const item of flatten(value)) {
      const object = expandValue(w, termCtx, key, item, node.graphName);
      if (object) w.add(node, slot, predicate, object.term, object.sameAs);
    }
  } else {
    const object = expandValue(w, termCtx, key, value, node.graphName);
    if (object) w.add(node, slot, predicate, object.term, object.sameAs);
  }
  return true;
}

/** Arrays inside arrays flatten (outside lists); nulls are skipped. */
function flatten(value: unknown, into: unknown[] = [], depth = 0): unknown[] {
  if (Array.isArray(value)) {
    if (depth > MAX_NESTING) unsupported('nesting too deep');
    for (const item of value) flatten(item, into, depth + 1);
  } else if (value !== null && value !== undefined) {
    into.push(value);
  }
  return into;
}

interface ExpandedValue {
  term: Subject | Literal;
  sameAs: SameAs | undefined;
}

function expandValue(w: QuadWriter, ctx: ActiveContext, key: string, value: unknown, graph: string): ExpandedValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (isPlainObject(value)) {
    const { node } = expandNode(w, ctx, key, value, graph, false);
    return { term: node.term, sameAs: { id: node.id } };
  }
  // NaN is not JSON, and the node map would keep every copy of it (NaN !== NaN).
  if ((typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') || Number.isNaN(value)) unsupported('a value that is not JSON');

  const { predicate, definition } = propertyKey(ctx, key);
  if (!predicate) unsupported(`value of ${key}, which is not a property under its scoped context`);
  const type = definition && '@type' in definition ? definition['@type']! : null;
  if (typeof value === 'string' && (type === '@id' || type === '@vocab')) {
    const iri = expandIri(ctx.terms, value, type === '@vocab');
    if (iri === null || !isAbsoluteIri(iri)) unsupported(`"${value}" is not an absolute IRI`);
    const id = iri.startsWith('_:') ? w.relabel(iri) : iri;
    return { term: nodeTerm(id), sameAs: { id } };
  }
  // Strings would take @language / @direction from the term or context; the subset has neither.
  const datatype = type !== null && type !== '@id' && type !== '@vocab' && type !== '@none' ? type : null;
  return { term: literalTerm(value, datatype), sameAs: datatype === '@json' ? jsonSameAs(value) : { value, datatype } };
}

/**
 * jsonld.js expands a deep copy of the document, so a @json object or array is a new object at
 * each occurrence and the node map keeps every copy; equal primitives merge.
 */
function jsonSameAs(value: unknown): SameAs | undefined {
  return typeof value === 'object' && value !== null ? undefined : { value, datatype: '@json' };
}

function writeList(w: QuadWriter, node: NodeRecord, predicate: NamedNode, items: (Subject | Literal)[]): void {
  if (items.length === 0) {
    w.add(node, predicate.value, predicate, RDF_NIL_TERM, undefined);
    return;
  }
  let cell = w.node(node.graphName, undefined);
  w.add(node, predicate.value, predicate, cell.term, undefined);
  items.forEach((item, i) => {
    w.add(cell, RDF_FIRST, RDF_FIRST_TERM, item, undefined);
    const next = i < items.length - 1 ? w.node(node.graphName, undefined) : undefined;
    w.add(cell, RDF_REST, RDF_REST_TERM, next ? next.term : RDF_NIL_TERM, undefined);
    if (next) cell = next;
  });
}

/** An embedded @context may name bundled contexts (or null); inline context objects fall back. */
function embeddedContext(value: unknown): unknown {
  const items = Array.isArray(value) ? value : [value];
  if (!items.every((item) => item === null || typeof item === 'string')) unsupported('an inline context object');
  return value;
}
