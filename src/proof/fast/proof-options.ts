/**
 * The two documents a proof's signature covers, built exactly as the Digital Bazaar suites build
 * them (so the canonical forms, and the bytes signed, are the same):
 *
 * - DataIntegrityProof (@digitalbazaar/data-integrity): the proof options carry the document's
 *   `@context`, plus the Data Integrity context unless it (or VC 2.0) is there; no `proofValue`.
 * - Ed25519Signature2020 (jsonld-signatures LinkedDataSignature): the document's `@context`
 *   (security v2 if it has none); no `jws`, `signatureValue` or `proofValue`.
 */
import { DATA_INTEGRITY_V1_CONTEXT, DATA_INTEGRITY_V2_CONTEXT, ED25519_2020_CONTEXT, VC_V2_CONTEXT } from '../../contexts/bundled.js';

export type SuiteKind = 'DataIntegrityProof' | 'Ed25519Signature2020';

/** The context jsonld-signatures gives a proof (or a document) that has none. Never loaded. */
export const SECURITY_V2_CONTEXT = 'https://w3id.org/security/v2';

type Json = Record<string, unknown>;

/** `@context` names `url` (as the suites test it: the whole value, or an array element). */
export function includesContext(document: Json, url: string): boolean {
  const context = document['@context'];
  return context === url || (Array.isArray(context) && context.includes(url));
}

/** The context a suite requires of the documents it signs. */
export function suiteContextUrl(kind: SuiteKind, legacyDataIntegrity = false): string {
  if (kind === 'Ed25519Signature2020') return ED25519_2020_CONTEXT;
  return legacyDataIntegrity ? DATA_INTEGRITY_V1_CONTEXT : DATA_INTEGRITY_V2_CONTEXT;
}

/**
 * Adds the suite's context to `document` (in place) when it is missing, as `ensureSuiteContext`
 * does when signing; a DataIntegrityProof also accepts VC 2.0, which includes it.
 */
export function addSuiteContext(document: Json, kind: SuiteKind, legacyDataIntegrity = false): void {
  const url = suiteContextUrl(kind, legacyDataIntegrity);
  if (includesContext(document, url) || (kind === 'DataIntegrityProof' && includesContext(document, VC_V2_CONTEXT))) return;
  const existing = document['@context'] || [];
  document['@context'] = Array.isArray(existing) ? [...existing, url] : [existing, url];
}

/**
 * The proof options document of `proof` over `document` (the unsigned document). `proof` may carry
 * its own `@context`, which then wins, as in the suites.
 */
export function proofOptionsDocument(kind: SuiteKind, document: Json, proof: Json, legacyDataIntegrity = false): Json {
  if (kind === 'DataIntegrityProof') {
    const options: Json = { '@context': document['@context'], ...proof };
    addSuiteContext(options, kind, legacyDataIntegrity);
    delete options.proofValue;
    return options;
  }
  const options: Json = { '@context': document['@context'] || SECURITY_V2_CONTEXT, ...proof };
  delete options.jws;
  delete options.signatureValue;
  delete options.proofValue;
  return options;
}
