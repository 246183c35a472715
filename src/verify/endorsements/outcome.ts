/** What the `endorsements` check reports for each endorsement it met, at any nesting depth. */
import type { CheckCode, CheckStatus } from '../report.js';

export type EndorsementStatus = 'verified' | 'failed' | 'indeterminate' | 'unverified';

export interface EndorsementOutcome {
  /** JSON Pointer to the endorsement in the credential given, e.g. `/issuer/endorsement/0`. */
  path: string;
  /** 1 for an endorsement in the credential, 2 for one inside an endorsement, … */
  depth: number;
  format: 'json' | 'jwt';
  /**
   * verified: its own verification passed (proof, issuer key, dates, status);
   * failed / indeterminate: it did not, or could not be decided;
   * unverified: not examined (past the nesting or count limit).
   */
  status: EndorsementStatus;
  code?: CheckCode;
  message: string;
  id?: string;
  name?: string;
  /** The endorsement's issuer id as written. */
  endorser?: string;
  /** The endorser its proof establishes (only when it verified its key). */
  provenEndorser?: string;
  /** `credentialSubject.id`: what is endorsed. */
  endorses?: string;
  /** The id of the object the endorsement is embedded in (issuer, achievement, credential). */
  attachedTo?: string;
  /** The endorsement's own report, check by check (without details). */
  checks?: { id: string; status: CheckStatus; code?: CheckCode; message: string }[];
}
