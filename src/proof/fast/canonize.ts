/**
 * Canonical N-Quads (RDFC-1.0) of a JSON-LD document through the fast converter, bounded like
 * every other canonicalization in obv3. `undefined` means the document is outside what the fast
 * converter handles: the caller must use the jsonld.js path instead.
 */
import * as rdfCanonize from 'rdf-canonize';
import { canonicalizationOptions } from '../canonicalization-limits.js';
import type { Quad } from '../../rdf/dataset.js';
import { documentToRdf } from '../../rdf/to-rdf.js';
import { Unsupported } from '../../rdf/unsupported.js';

/** The document's quads, or undefined when jsonld.js must convert it. */
export function fastToRdf(document: unknown): Quad[] | undefined {
  try {
    return documentToRdf(document);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** RDFC-1.0 over quads with obv3's work limits (rdf-canonize's errors propagate unchanged). */
export function canonizeQuads(quads: readonly Quad[]): Promise<string> {
  return rdfCanonize.canonize(quads, { algorithm: 'RDFC-1.0', ...canonicalizationOptions() });
}

/** Canonical N-Quads of `document`, or undefined when it is outside the fast path. */
export async function fastCanonicalNQuads(document: unknown): Promise<string | undefined> {
  const quads = fastToRdf(document);
  return quads ? canonizeQuads(quads) : undefined;
}
