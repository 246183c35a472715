/**
 * The bytes an Ed25519 proof signs: SHA-256 of the canonical proof options, then SHA-256 of the
 * canonical document (both suites), computed through the fast converter. `undefined` when either
 * document is outside it; the caller then uses the Digital Bazaar suite.
 */
import { createHash } from 'node:crypto';
import { canonizeQuads, fastToRdf } from './canonize.js';
import { proofOptionsDocument, type SuiteKind } from './proof-options.js';

type Json = Record<string, unknown>;

export async function fastVerifyData(kind: SuiteKind, document: Json, proof: Json, legacyDataIntegrity = false): Promise<Uint8Array | undefined> {
  const documentQuads = fastToRdf(document);
  if (!documentQuads) return undefined;
  const optionsQuads = fastToRdf(proofOptionsDocument(kind, document, proof, legacyDataIntegrity));
  if (!optionsQuads) return undefined;
  const [options, canonicalDocument] = await Promise.all([canonizeQuads(optionsQuads), canonizeQuads(documentQuads)]);
  const data = new Uint8Array(64);
  data.set(sha256(options), 0);
  data.set(sha256(canonicalDocument), 32);
  return data;
}

function sha256(text: string): Uint8Array {
  return createHash('sha256').update(text).digest();
}
