/**
 * Where the fast converter writes its quads. It numbers blank nodes, keeps the document's own
 * blank node labels consistent, and drops a value equal to one the same subject already has for
 * the same property, as jsonld.js's node map does (an equal @id, or an equal @value with the same
 * @type, compared with ===); lists and graph values are always kept.
 */
import { DEFAULT_GRAPH, nodeTerm, type GraphTerm, type Literal, type Quad, type Subject } from './dataset.js';

/** Values already written for one (graph, subject, property): the node map keeps one of each. */
export interface SeenValues {
  ids: Set<string>;
  /** datatype ('' for none) → the JSON values; compared like the node map does (===). */
  literals: Map<string, Set<unknown>>;
}

/** A value the node map would merge with an equal one: an @id, or an @value with its @type. */
export type SameAs = { id: string } | { value: unknown; datatype: string | null };

/** Collects quads, numbers blank nodes and drops the values the node map would merge. */
export class QuadWriter {
  readonly quads: Quad[] = [];
  readonly #seen = new Map<string, Map<string, Map<string, SeenValues>>>();
  readonly #labels = new Map<string, string>();
  readonly #graphs = new Map<string, GraphTerm>([['', DEFAULT_GRAPH]]);
  #next = 0;

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

  /** Adds a quad unless an equal value is already there; `sameAs` undefined: always added (lists, graphs). */
  add(graph: string, subject: string, slot: string, predicate: string, object: Subject | Literal, sameAs: SameAs | undefined): void {
    if (sameAs !== undefined && this.#isDuplicate(graph, subject, slot, sameAs)) return;
    this.quads.push({ subject: nodeTerm(subject), predicate: { termType: 'NamedNode', value: predicate }, object, graph: this.#graph(graph) });
  }

  #isDuplicate(graph: string, subject: string, slot: string, sameAs: SameAs): boolean {
    let subjects = this.#seen.get(graph);
    if (subjects === undefined) this.#seen.set(graph, (subjects = new Map()));
    let slots = subjects.get(subject);
    if (slots === undefined) subjects.set(subject, (slots = new Map()));
    let seen = slots.get(slot);
    if (seen === undefined) slots.set(slot, (seen = { ids: new Set(), literals: new Map() }));
    let values: Set<unknown>;
    let value: unknown;
    if ('id' in sameAs) {
      values = seen.ids;
      value = sameAs.id;
    } else {
      const datatype = sameAs.datatype ?? '';
      let forType = seen.literals.get(datatype);
      if (forType === undefined) seen.literals.set(datatype, (forType = new Set()));
      values = forType;
      value = sameAs.value;
    }
    if (values.has(value)) return true;
    values.add(value);
    return false;
  }

  #graph(name: string): GraphTerm {
    let term = this.#graphs.get(name);
    if (term === undefined) {
      term = nodeTerm(name);
      this.#graphs.set(name, term);
    }
    return term;
  }
}

