/**
 * Both Ed25519 proof formats we verify (eddsa-rdfc-2022 and Ed25519Signature2020) define
 * proofValue as base58-btc multibase ("z…") of the 64-byte signature. The Digital Bazaar suites
 * decode any multibase they know, so we hold proofs to the spec's encoding before they see them.
 */
import { decodeBase58btc } from '../keys/base58btc.js';

/** A reason the proofValue is not a base58-btc Ed25519 signature, or undefined when it is. */
export function proofValueProblem(proofValue: string): string | undefined {
  if (!proofValue.startsWith('z')) {
    return `proofValue must be base58-btc multibase (starting with "z"); it starts with ${JSON.stringify(proofValue.slice(0, 1))}.`;
  }
  const bytes = decodeBase58btc(proofValue.slice(1));
  if (!bytes) return 'proofValue is not valid base58-btc.';
  if (bytes.length !== 64) return `proofValue decodes to ${bytes.length} bytes; an Ed25519 signature is 64.`;
  return undefined;
}
