/**
 * RDF terms and quads in the shape jsonld.js's toRDF hands to rdf-canonize (RDF/JS-like plain
 * objects), and literal conversion exactly as jsonld.js 9 does it (lib/toRdf.js `_objectToRDF`).
 */
import jsonCanonicalize from 'canonicalize';

export interface NamedNode {
  termType: 'NamedNode';
  value: string;
}
export interface BlankNode {
  termType: 'BlankNode';
  value: string;
}
export interface Literal {
  termType: 'Literal';
  value: string;
  datatype: NamedNode;
}
export interface DefaultGraph {
  termType: 'DefaultGraph';
  value: '';
}
export type Subject = NamedNode | BlankNode;
export type GraphTerm = DefaultGraph | BlankNode | NamedNode;

export interface Quad {
  subject: Subject;
  predicate: NamedNode;
  object: Subject | Literal;
  graph: GraphTerm;
}

export const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
export const RDF_FIRST = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#first';
export const RDF_REST = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#rest';
export const RDF_NIL = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#nil';
const RDF_JSON = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON';
const XSD_BOOLEAN = 'http://www.w3.org/2001/XMLSchema#boolean';
const XSD_DOUBLE = 'http://www.w3.org/2001/XMLSchema#double';
const XSD_INTEGER = 'http://www.w3.org/2001/XMLSchema#integer';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

export const DEFAULT_GRAPH: DefaultGraph = { termType: 'DefaultGraph', value: '' };

/** "_:x" is a blank node, anything else an IRI (jsonld.js's `_makeTerm`). */
export function nodeTerm(id: string): Subject {
  return id.startsWith('_:') ? { termType: 'BlankNode', value: id.slice(2) } : { termType: 'NamedNode', value: id };
}

/** The literal for an expanded value `{ @value, @type? }`; `@json` values as canonical JSON. */
export function literalTerm(value: unknown, datatype: string | null): Literal {
  let lexical: string;
  let type: string;
  if (datatype === '@json') {
    lexical = jsonCanonicalize(value) ?? '';
    type = RDF_JSON;
  } else if (typeof value === 'boolean') {
    lexical = String(value);
    type = datatype ?? XSD_BOOLEAN;
  } else if (isDouble(value) || datatype === XSD_DOUBLE) {
    const number = isDouble(value) ? value : parseFloat(String(value));
    lexical = number.toExponential(15).replace(/(\d)0*e\+?/, '$1E');
    type = datatype ?? XSD_DOUBLE;
  } else if (typeof value === 'number') {
    lexical = value.toFixed(0);
    type = datatype ?? XSD_INTEGER;
  } else {
    lexical = String(value);
    type = datatype ?? XSD_STRING;
  }
  return { termType: 'Literal', value: lexical, datatype: { termType: 'NamedNode', value: type } };
}

/** jsonld.js's `types.isDouble`: a number written with a point, or too large for an integer. */
function isDouble(value: unknown): value is number {
  return typeof value === 'number' && (String(value).includes('.') || Math.abs(value) >= 1e21);
}
