/**
 * What every check can read: the parsed credential, the normalized options and what earlier
 * checks found. Checks share results through the context (the proof check fills `proofs`, the
 * issuer-key check reads them; the endorsements check fills `endorsements`, the trust check reads
 * them) instead of repeating work.
 */
import type { EndorsementOutcome } from './endorsements/outcome.js';
import type { Fetcher } from './fetcher.js';
import type { NormalizedVerifyOptions } from './options.js';
import type { Check, CheckId } from './report.js';
import type { ProofOutcome } from './verify-proof.js';

/** The result of verifying an embedded credential (an endorsement) with the same pipeline. */
export interface EmbeddedVerification {
  verified: boolean;
  /** Its checks, from `context` on (it needs no parsing). */
  checks: Check[];
  provenIssuer?: string;
  /** Its own endorsements, at the next depth. */
  endorsements: EndorsementOutcome[];
}

export interface VerificationContext {
  credential: Record<string, unknown>;
  options: NormalizedVerifyOptions;
  fetcher: Fetcher;
  /** 0 for the credential given, 1 for an endorsement in it, 2 for one inside that, … */
  depth: number;
  /** Shared by every level of one verification: how many more endorsements may be verified. */
  budget: { endorsements: number };
  /** Verifies an embedded credential one level down, sharing options, fetcher and budget. */
  verifyEmbedded(credential: Record<string, unknown>): Promise<EmbeddedVerification>;
  /** Filled by the proof check: one outcome per proof, in document order. */
  proofs: ProofOutcome[];
  /** Filled by the issuer-key check. */
  provenIssuer?: string;
  /** Filled by the endorsements check: every endorsement met, at every depth below this one. */
  endorsements: EndorsementOutcome[];
}

/** One step of verification. Adding a check is one new file exporting one of these. */
export interface CheckDefinition {
  id: CheckId;
  run(context: VerificationContext): Promise<Omit<Check, 'id'>> | Omit<Check, 'id'>;
}
