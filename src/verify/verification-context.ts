/**
 * What every check can read: the parsed credential, the normalized options and what earlier
 * checks found. Checks share results through `proofs` (the proof check fills it, the issuer-key
 * check reads it) instead of repeating work.
 */
import type { Fetcher } from './fetcher.js';
import type { NormalizedVerifyOptions } from './options.js';
import type { Check, CheckId } from './report.js';
import type { ProofOutcome } from './verify-proof.js';

export interface VerificationContext {
  credential: Record<string, unknown>;
  options: NormalizedVerifyOptions;
  fetcher: Fetcher;
  /** Filled by the proof check: one outcome per proof, in document order. */
  proofs: ProofOutcome[];
  /** Filled by the issuer-key check. */
  provenIssuer?: string;
}

/** One step of verification. Adding a check is one new file exporting one of these. */
export interface CheckDefinition {
  id: CheckId;
  run(context: VerificationContext): Promise<Omit<Check, 'id'>> | Omit<Check, 'id'>;
}
