/**
 * The reference canonicalization: jsonld.js + rdf-canonize exactly as
 * @digitalbazaar/eddsa-rdfc-2022-cryptosuite runs them when the baseline signs or verifies.
 */
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { bundledDocumentLoader } from '../../src/contexts/document-loader.js';
import { fastCanonicalNQuads } from '../../src/proof/fast/canonize.js';

export type Outcome = { ok: true; nquads: string } | { ok: false; error: string };

export async function reference(doc: object): Promise<Outcome> {
  try {
    return { ok: true, nquads: await cryptosuite.canonize(doc, { documentLoader: bundledDocumentLoader }) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The fast path's answer: the canonical form, `undefined` (left to jsonld.js), or the error
 * canonicalization raised (a graph over the work limit), which jsonld.js must raise too.
 */
export async function fast(doc: object): Promise<Outcome | undefined> {
  try {
    const nquads = await fastCanonicalNQuads(doc);
    return nquads === undefined ? undefined : { ok: true, nquads };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The property: where the fast path answers, it answers what jsonld.js answers. */
export async function agrees(doc: object): Promise<boolean> {
  const answer = await fast(doc);
  if (answer === undefined) return true;
  const expected = await reference(doc);
  return answer.ok ? expected.ok && expected.nquads === answer.nquads : !expected.ok && expected.error === answer.error;
}
