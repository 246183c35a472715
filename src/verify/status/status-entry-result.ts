/** What checking one credentialStatus entry found, before the entries are combined into the check. */
import type { CheckCode } from '../report.js';

export interface StatusEntryResult {
  type: string;
  purpose?: string;
  /** `clear`: the bit is 0; `set`: revoked/suspended; `unavailable`: could not be determined. */
  outcome: 'clear' | 'set' | 'unavailable' | 'rejected';
  code?: CheckCode;
  message: string;
  /** For `unavailable`: the spec's error name or our reason (STATUS_RETRIEVAL_ERROR, RANGE_ERROR, …). */
  reason?: string;
  /** The list's URL and when the list the answer came from was fetched: status is as of then. */
  listUrl?: string;
  asOf?: string;
  fromCache?: boolean;
  /** The entry gave statusListIndex as a JSON number rather than the string the spec requires. */
  numericIndex?: boolean;
  /** Accepted only because the policy allows lists signed by another issuer. */
  otherIssuer?: string;
  /** For `message` / `refresh` purposes: the status value (hex) and what statusMessage says it means. */
  statusValue?: string;
  statusMessage?: string;
}

export function unavailable(type: string, reason: string, message: string, extra: Partial<StatusEntryResult> = {}): StatusEntryResult {
  return { type, outcome: 'unavailable', code: 'STATUS_UNAVAILABLE', reason, message, ...extra };
}
