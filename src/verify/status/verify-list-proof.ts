/**
 * A status list is itself a credential: its proof must be valid with a key its own issuer
 * controls, resolved the same way as any credential's key (did:key locally, HTTPS through fetch).
 */
import { asArray, issuerId } from '../credential-fields.js';
import { MAX_PROOFS } from '../limits.js';
import { verifyProof, type ProofVerificationEnvironment } from '../verify-proof.js';

export type ListProofResult = { ok: true; issuer: string } | { ok: false; message: string };

/** `environment.now` should be when the list was fetched: its key is judged as of then. */
export async function verifyListProof(list: Record<string, unknown>, environment: ProofVerificationEnvironment): Promise<ListProofResult> {
  const issuer = issuerId(list);
  if (!issuer) return { ok: false, message: 'the status list names no issuer' };
  const proofs = asArray(list.proof).slice(0, MAX_PROOFS);
  if (proofs.length === 0) return { ok: false, message: 'the status list has no proof' };
  const outcomes = await Promise.all(proofs.map((proof, i) => verifyProof(list, proof, i, environment)));
  if (outcomes.some((o) => o.result === 'valid' && o.controller === issuer)) return { ok: true, issuer };
  const impostor = outcomes.find((o) => o.result === 'valid');
  if (impostor) {
    return { ok: false, message: `the status list claims issuer ${issuer} but was signed by a key of ${impostor.controller}` };
  }
  const undecided = outcomes.find((o) => o.result === 'indeterminate');
  const shown = undecided ?? outcomes[0]!;
  return { ok: false, message: `the status list's proof could not be verified: ${shown.message}` };
}
