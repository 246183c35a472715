/**
 * Both Ed25519 proof formats we verify (eddsa-rdfc-2022 and Ed25519Signature2020) define
 * proofValue as base58-btc multibase ("z…") of the 64-byte signature. The Digital Bazaar suites
 * decode any multibase they know, so we hold proofs to the spec's encoding before they see them;
 * the bytes decoded here are the ones the fast path checks (decoded once per proof).
 */
import { decodeBase58btc } from '../keys/base58btc.js';

export type ProofValue = { signature: Uint8Array; problem?: undefined } | { signature?: undefined; problem: string };

/** The signature a proofValue carries, or the reason it is not a base58-btc Ed25519 signature. */
export function decodeProofValue(proofValue: string): ProofValue {
  if (!proofValue.startsWith('z')) {
    return { problem: `proofValue must be base58-btc multibase (starting with "z"); it starts with ${JSON.stringify(proofValue.slice(0, 1))}.` };
  }
  const signature = decodeBase58btc(proofValue.slice(1));
  if (!signature) return { problem: 'proofValue is not valid base58-btc.' };
  if (signature.length !== 64) return { problem: `proofValue decodes to ${signature.length} bytes; an Ed25519 signature is 64.` };
  return { signature };
}
