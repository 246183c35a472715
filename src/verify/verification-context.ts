/**
 * What every check can read: the parsed credential, the normalized options and what earlier
 * checks found. Checks share results through `proofs` (the proof check fills it, the issuer-key
 * check reads it) instead of repeating work.
 */
import type { Fetcher } from './fetcher.js';
import type { NormalizedVerifyOptions } from './options.js';
import type { Check, CheckId, EmbeddedCredentialReport } from './report.js';
import type { ProofOutcome } from './verify-proof.js';

export interface VerificationContext {
  credential: Record<string, unknown>;
  options: NormalizedVerifyOptions;
  fetcher: Fetcher;
  /** Filled by the proof check: one outcome per proof, in document order. */
  proofs: ProofOutcome[];
  /** Filled by the issuer-key check. */
  provenIssuer?: string;
  /** How deep inside CLRs this credential sits, and the embedded credentials still allowed. */
  embedding: EmbeddingState;
  /** Verifies a credential embedded in this one with the same pipeline, options and fetcher. */
  verifyEmbedded(credential: unknown, path: string): Promise<EmbeddedCredentialReport>;
  /** Filled by the credentials check: one report per embedded credential. */
  embedded?: EmbeddedCredentialReport[];
}

export interface EmbeddingState {
  /** 0 for the credential given to verifyCredential, 1 for a credential its CLR embeds, … */
  depth: number;
  /** Shared by every level: embedded credentials that may still be verified. */
  budget: { remaining: number };
}

/** One step of verification. Adding a check is one new file exporting one of these. */
export interface CheckDefinition {
  id: CheckId;
  run(context: VerificationContext): Promise<Omit<Check, 'id'>> | Omit<Check, 'id'>;
}
