/**
 * Where the fast converter writes its quads. It numbers blank nodes, keeps the document's own
 * blank node labels consistent, and drops a value equal to one the same node already has for the
 * same property, as jsonld.js's node map does (an equal @id, or an equal @value with the same
 * @type, compared with ===); list and graph values are always kept.
 */
import { DEFAULT_GRAPH, nodeTerm, type GraphTerm, type Literal, type NamedNode, type Quad, type Subject } from './dataset.js';

/** A value the node map would merge with an equal one: an @id, or an @value with its @type. */
export type SameAs = { id: string } | { value: unknown; datatype: string | null };

/** Values already written for one property of a node. */
interface SeenValues {
  ids: Set<string>;
  /** datatype ('' for none) → the JSON values, compared with === as the node map does. */
  literals: Map<string, Set<unknown>>;
}

/** One node of one graph: every occurrence of a named node shares its record. */
export interface NodeRecord {
  readonly id: string;
  readonly term: Subject;
  /** '' for the default graph, else the graph's blank node id. */
  readonly graphName: string;
  readonly graph: GraphTerm;
  readonly seen: Map<string, SeenValues>;
}

export class QuadWriter {
  readonly quads: Quad[] = [];
  readonly #named = new Map<string, NodeRecord>();
  readonly #labels = new Map<string, string>();
  readonly #graphs = new Map<string, GraphTerm>([['', DEFAULT_GRAPH]]);
  #next = 0;
  /** How many nodes deep the converter is. */
  depth = 0;

  freshBlankNode(): string {
    return `_:b${this.#next++}`;
  }

  /** The document's own blank node labels name the same node everywhere, under a new label. */
  relabel(id: string): string {
    let label = this.#labels.get(id);
    if (label === undefined) {
      label = this.freshBlankNode();
      this.#labels.set(id, label);
    }
    return label;
  }

  /** The record of node `id` in `graph`; a node without an id is a new blank node. */
  node(graph: string, id: string | undefined): NodeRecord {
    if (id === undefined) return this.#record(graph, this.freshBlankNode());
    const key = `${graph} ${id}`;
    let record = this.#named.get(key);
    if (record === undefined) this.#named.set(key, (record = this.#record(graph, id)));
    return record;
  }

  /**
   * Adds a quad unless the node already has an equal value in `slot` (its property, or '@type').
   * `sameAs` undefined: always added.
   */
  add(node: NodeRecord, slot: string, predicate: NamedNode, object: Subject | Literal, sameAs: SameAs | undefined): void {
    if (sameAs !== undefined && isDuplicate(node, slot, sameAs)) return;
    this.quads.push({ subject: node.term, predicate, object, graph: node.graph });
  }

  #record(graph: string, id: string): NodeRecord {
    let graphTerm = this.#graphs.get(graph);
    if (graphTerm === undefined) this.#graphs.set(graph, (graphTerm = nodeTerm(graph)));
    return { id, term: nodeTerm(id), graphName: graph, graph: graphTerm, seen: new Map() };
  }
}

function isDuplicate(node: NodeRecord, slot: string, sameAs: SameAs): boolean {
  let seen = node.seen.get(slot);
  if (seen === undefined) node.seen.set(slot, (seen = { ids: new Set(), literals: new Map() }));
  if ('id' in sameAs) {
    if (seen.ids.has(sameAs.id)) return true;
    seen.ids.add(sameAs.id);
    return false;
  }
  const datatype = sameAs.datatype ?? '';
  let values = seen.literals.get(datatype);
  if (values === undefined) seen.literals.set(datatype, (values = new Set()));
  if (values.has(sameAs.value)) return true;
  values.add(sameAs.value);
  return false;
}
