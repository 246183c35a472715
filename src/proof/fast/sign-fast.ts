/**
 * Signing through the fast converter, giving byte for byte the document jsonld-signatures gives
 * (same proof object, same key order, same suite context added, same signature), or `undefined`
 * when the document is outside the fast path and the Digital Bazaar suites must sign it.
 */
import { encodeBase58btc } from '../../keys/base58btc.js';
import type { Signer } from '../../keys/types.js';
import type { ProofFormat } from '../suites.js';
import { EDDSA_RDFC_2022 } from '../suites.js';
import { addSuiteContext, type SuiteKind } from './proof-options.js';
import { fastVerifyData } from './verify-data.js';

type Json = Record<string, unknown>;

export async function fastSignDocument<T extends object>(
  document: T,
  signer: Signer,
  format: ProofFormat,
  created: Date | undefined,
): Promise<(T & { proof: object[] }) | undefined> {
  // Adding to an existing proof set, an invalid date or a foreign algorithm: leave it to the suites
  // (they define how it goes, or the error it gives).
  if (signer.algorithm !== 'Ed25519' || typeof signer.sign !== 'function' || 'proof' in document) return undefined;
  const date = created ?? new Date();
  if (Number.isNaN(date.getTime())) return undefined;

  const kind: SuiteKind = format === 'Ed25519Signature2020' ? 'Ed25519Signature2020' : 'DataIntegrityProof';
  const signed = structuredClone(document) as Json;
  addSuiteContext(signed, kind);
  const proof: Json =
    kind === 'DataIntegrityProof'
      ? { type: kind, created: w3cDate(date), verificationMethod: signer.id, cryptosuite: EDDSA_RDFC_2022, proofPurpose: 'assertionMethod' }
      : { type: kind, created: w3cDate(date), verificationMethod: signer.id, proofPurpose: 'assertionMethod' };

  const verifyData = await fastVerifyData(kind, signed, proof);
  if (!verifyData) return undefined;
  proof.proofValue = `z${encodeBase58btc(await signer.sign(verifyData))}`;
  return { ...signed, proof: [proof] } as T & { proof: object[] };
}

/** The suites' `w3cDate`: ISO 8601 in whole seconds, UTC. */
function w3cDate(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, -5)}Z`;
}
