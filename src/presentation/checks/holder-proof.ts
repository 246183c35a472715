/**
 * The holder's proof on a presentation: an eddsa-rdfc-2022 (or Ed25519Signature2020) proof with
 * proofPurpose `authentication`, by a key its controller lists under `authentication`, resolved
 * like any published key (never taken from the proof). verifyProof does all of that, as for a
 * credential's proof; this file only picks the proof and says what came of it. Challenge and
 * domain are judged by their own checks; the signature covers them. Never throws.
 */
import { asArray, isObject } from '../../verify/credential-fields.js';
import type { Fetcher } from '../../verify/fetcher.js';
import { MAX_PROOFS } from '../../verify/limits.js';
import type { CheckCode } from '../../verify/report.js';
import { verifyProof } from '../../verify/verify-proof.js';

export interface HolderProofOutcome {
  result: 'valid' | 'invalid' | 'indeterminate';
  code?: CheckCode;
  message: string;
  verificationMethod?: string;
  /** The key's controller: the proven holder when the result is valid. */
  controller?: string;
  /** The authentication proof examined (challenge and domain are read from it). */
  proof?: Record<string, unknown>;
}

export async function verifyHolderProof(
  presentation: Record<string, unknown>,
  environment: { fetcher: Fetcher; contexts: ReadonlyMap<string, object>; now: Date },
): Promise<HolderProofOutcome> {
  const proofs = asArray(presentation.proof);
  if (proofs.length === 0) return { result: 'invalid', code: 'PROOF_MISSING', message: 'The presentation has no proof: nothing shows the holder made it.' };
  if (proofs.length > MAX_PROOFS) return { result: 'invalid', code: 'PROOF_INVALID', message: `The presentation carries ${proofs.length} proofs; at most ${MAX_PROOFS} are examined.` };
  const index = proofs.findIndex((p) => isObject(p) && p.proofPurpose === 'authentication');
  if (index === -1) {
    return { result: 'invalid', code: 'PROOF_INVALID', message: 'The presentation has no proof with proofPurpose "authentication": a holder authenticates a presentation (assertionMethod is how issuers sign credentials).' };
  }
  const proof = proofs[index] as Record<string, unknown>;
  const outcome = await verifyProof(presentation, proof, index, environment, 'authentication');
  const { result, code, message, verificationMethod, controller } = outcome;
  return {
    proof,
    // An unsupported proof type or cryptosuite is simply not a holder's proof we can accept.
    result: result === 'unsupported' ? 'invalid' : result,
    ...(code !== undefined ? { code } : {}),
    message,
    ...(verificationMethod !== undefined ? { verificationMethod } : {}),
    ...(controller !== undefined ? { controller } : {}),
  };
}
