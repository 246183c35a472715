/**
 * What every check can read: the parsed credential, the normalized options and what earlier
 * checks found. Checks share results through the context (the proof check fills `proofs`, the
 * issuer-key check reads them; the endorsements check fills `endorsements`, the trust check reads
 * them; the credentials check fills `embedded`) instead of repeating work.
 */
import type { EndorsementOutcome } from './endorsements/outcome.js';
import type { Fetcher } from './fetcher.js';
import type { ParsedJwt } from './jwt/parsed-jwt.js';
import type { NormalizedVerifyOptions } from './options.js';
import type { Check, CheckId, EmbeddedCredentialReport } from './report.js';
import type { ProofOutcome } from './verify-proof.js';

/** The result of verifying an embedded credential (an endorsement) with the same pipeline. */
export interface EmbeddedVerification {
  verified: boolean;
  /** Its checks, from `context` on (it needs no parsing). */
  checks: Check[];
  provenIssuer?: string;
  /** Its own endorsements, at the next depth. */
  endorsements: EndorsementOutcome[];
  /** What a CLR among them embeds, when the credential is one. */
  embedded?: EmbeddedCredentialReport[];
}

/**
 * Where a credential sits in one verification. Endorsements and CLR-embedded credentials nest
 * independently and each has its own depth limit; both share one budget per verification.
 */
export interface Position {
  /** 0 for the credential given (or one a CLR embeds), 1 for an endorsement in it, … */
  depth: number;
  /** 0 for the credential given to verifyCredential, 1 for a credential its CLR embeds, … */
  embeddingDepth: number;
}

export interface VerificationBudget {
  /** Endorsements that may still be verified. */
  endorsements: number;
  /** CLR-embedded credentials that may still be verified. */
  embeddedCredentials: number;
}

export interface VerificationContext extends Position {
  credential: Record<string, unknown>;
  /** Set when the credential came as a VC-JWT: the proof check verifies the JWS instead of `proof`. */
  jwt?: ParsedJwt;
  options: NormalizedVerifyOptions;
  fetcher: Fetcher;
  /** Shared by every level of one verification. */
  budget: VerificationBudget;
  /** Verifies an embedded endorsement one level down, sharing options, fetcher and budget (`jwt` for an endorsementJwt). */
  verifyEndorsement(credential: Record<string, unknown>, jwt?: ParsedJwt): Promise<EmbeddedVerification>;
  /** Verifies a credential a CLR embeds (parsed like any input) with the same pipeline. */
  verifyEmbeddedCredential(input: unknown, path: string): Promise<EmbeddedCredentialReport>;
  /** Filled by the proof check: one outcome per proof, in document order. */
  proofs: ProofOutcome[];
  /** Filled by the issuer-key check. */
  provenIssuer?: string;
  /** Filled by the endorsements check: every endorsement met, at every depth below this one. */
  endorsements: EndorsementOutcome[];
  /** Filled by the credentials check: one report per embedded credential. */
  embedded?: EmbeddedCredentialReport[];
}

/** One step of verification. Adding a check is one new file exporting one of these. */
export interface CheckDefinition {
  id: CheckId;
  run(context: VerificationContext): Promise<Omit<Check, 'id'>> | Omit<Check, 'id'>;
}
