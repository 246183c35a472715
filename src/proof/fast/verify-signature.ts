/**
 * Checks one proof's signature: through the fast converter when the credential and proof are
 * inside it, otherwise with jsonld-signatures. Both give the same answer; the fast path only
 * answers the two plain outcomes (valid, or "Invalid signature.") and hands every other case —
 * a suite mismatch, an odd proofValue, a malformed `created` — to jsonld-signatures so the error
 * it reports stays the same. The result has the shape of `jsigs.verify`'s.
 */
import jsigs, { type DocumentLoader, type LinkedDataSuite, type ProofPurpose, type VerifyResult } from 'jsonld-signatures';
import type { KeyObject } from 'node:crypto';
import type { PublicJsonWebKey } from '../../keys/controller-document.js';
import { verifyEd25519WithKeyObject } from '../../keys/ed25519-node-crypto.js';
import { publicKeyObjectOfJwk } from '../../keys/public-jwk.js';
import { EDDSA_RDFC_2022, LEGACY_EDDSA_2022 } from '../suites.js';
import { isFastPathEnabled } from './enabled.js';
import { SECURITY_V2_CONTEXT, includesContext, suiteContextUrl, type SuiteKind } from './proof-options.js';
import { fastVerifyData } from './verify-data.js';

type Json = Record<string, unknown>;

export interface SignatureCheckOptions {
  suite: LinkedDataSuite;
  purpose: ProofPurpose;
  documentLoader: DocumentLoader;
  /** The resolved key as a JWK (the loader serves it to the suites as a Multikey under its id). */
  publicKeyJwk: PublicJsonWebKey;
  /** The 64 bytes the proof's proofValue decodes to (the caller has checked its encoding). */
  signature: Uint8Array;
  /** The credential uses the Data Integrity v1 context (the suite was made with legacyContext). */
  legacyContext: boolean;
}

// The suites' `isW3cDate` (@digitalbazaar/data-integrity util.js), built from the same string: it
// is not anchored, so it only asks that an XML Schema dateTime appears somewhere in the value.
const XML_DATE_TIME = new RegExp(
  '-?([1-9][0-9]{3,}|0[0-9]{3})' +
    '-(0[1-9]|1[0-2])' +
    '-(0[1-9]|[12][0-9]|3[01])' +
    'T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](.[0-9]+)?|(24:00:00(.0+)?))' +
    '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?',
);

/** `document` carries exactly one proof, as in jsigs.verify({ ...unsigned, proof }). */
export async function verifyProofSignature(document: Json, options: SignatureCheckOptions): Promise<VerifyResult> {
  const fast = isFastPathEnabled() ? await fastSignatureCheck(document, options) : undefined;
  if (fast === 'valid') return { verified: true };
  if (fast === 'invalid') return { verified: false, results: [{ verified: false, error: new Error('Invalid signature.') }] };
  return jsigs.verify(document, { suite: options.suite, purpose: options.purpose, documentLoader: options.documentLoader });
}

async function fastSignatureCheck(document: Json, options: SignatureCheckOptions): Promise<'valid' | 'invalid' | undefined> {
  if (!isPlainAssertionPurpose(options.purpose)) return undefined;
  const { proof: rawProof, ...unsigned } = document;
  if (typeof rawProof !== 'object' || rawProof === null || Array.isArray(rawProof)) return undefined;
  const original = rawProof as Json;
  if (original.proofPurpose !== 'assertionMethod' || typeof original.proofValue !== 'string') return undefined;
  const kind = suiteKind(original, unsigned);
  if (!kind) return undefined;
  // What jsonld-signatures' ProofSet hands the suite: the proof under the document's context.
  const proof: Json = { '@context': unsigned['@context'] || SECURITY_V2_CONTEXT, ...original };

  const { signature } = options;
  if (signature.length !== 64) return undefined;
  if (kind === 'DataIntegrityProof' && !datesAreW3c(original)) return undefined;
  let publicKey: KeyObject;
  try {
    publicKey = publicKeyObjectOfJwk(options.publicKeyJwk);
  } catch {
    return undefined;
  }

  const verifyData = await fastVerifyData(kind, unsigned, proof, options.legacyContext);
  if (!verifyData) return undefined;
  return verifyEd25519WithKeyObject(publicKey, verifyData, signature) ? 'valid' : 'invalid';
}

/** The suite that would match the proof (jsonld-signatures' matchProof), if it is one we know. */
function suiteKind(proof: Json, unsigned: Json): SuiteKind | undefined {
  if (proof.type === 'DataIntegrityProof' && (proof.cryptosuite === EDDSA_RDFC_2022 || proof.cryptosuite === LEGACY_EDDSA_2022)) return 'DataIntegrityProof';
  if (proof.type === 'Ed25519Signature2020' && includesContext(unsigned, suiteContextUrl('Ed25519Signature2020'))) return 'Ed25519Signature2020';
  return undefined;
}

/** DataIntegrityProof refuses a valid signature whose `created` / `expires` is not a dateTime. */
function datesAreW3c(proof: Json): boolean {
  return ['created', 'expires'].every((key) => proof[key] === undefined || XML_DATE_TIME.test(String(proof[key])));
}

/** The fast path stands in for `new ProofPurpose({ term: 'assertionMethod' })` only (no date window). */
function isPlainAssertionPurpose(purpose: ProofPurpose): boolean {
  const { term, maxTimestampDelta } = purpose as unknown as { term?: unknown; maxTimestampDelta?: unknown };
  return Object.getPrototypeOf(purpose) === jsigs.purposes.ProofPurpose.prototype && term === 'assertionMethod' && maxTimestampDelta === Infinity;
}
