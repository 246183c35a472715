/**
 * Key rotation (CID 1.0 `revoked` / `expires` on a verification method). An issuer retires a key
 * by marking it, never by deleting it, and the two marks mean different things:
 *
 * - `expires`: planned retirement. The key was never compromised, so a proof it made before that
 *   time (its `created`) still verifies; a proof created at or after it does not.
 * - `revoked`: the key may be compromised, and whoever holds it can back-date `created`, so from
 *   the revocation time on no proof made with it verifies, whenever it claims to have been made.
 */
import type { CheckCode } from './report.js';

export interface RetirementMarks {
  revoked?: string;
  expires?: string;
}

export type RetirementVerdict = { ok: true; note?: string } | { ok: false; code: CheckCode; message: string };

export function judgeKeyRetirement(keyId: string, marks: RetirementMarks, proofCreated: unknown, now: Date): RetirementVerdict {
  if (marks.revoked !== undefined) {
    const revoked = Date.parse(marks.revoked);
    if (Number.isNaN(revoked)) {
      return { ok: false, code: 'VERIFICATION_METHOD_INVALID', message: `The key ${keyId} has an unreadable "revoked" time ${JSON.stringify(marks.revoked)}.` };
    }
    if (revoked <= now.getTime()) {
      return { ok: false, code: 'KEY_REVOKED', message: `The key ${keyId} was revoked by its controller at ${marks.revoked}: no proof made with it is accepted after that time.` };
    }
  }
  if (marks.expires !== undefined) {
    const expires = Date.parse(marks.expires);
    if (Number.isNaN(expires)) {
      return { ok: false, code: 'VERIFICATION_METHOD_INVALID', message: `The key ${keyId} has an unreadable "expires" time ${JSON.stringify(marks.expires)}.` };
    }
    if (expires <= now.getTime()) {
      const created = typeof proofCreated === 'string' ? Date.parse(proofCreated) : Number.NaN;
      if (Number.isNaN(created) || created >= expires) {
        return {
          ok: false,
          code: 'KEY_EXPIRED',
          message: `The key ${keyId} expired at ${marks.expires} and the proof ${Number.isNaN(created) ? 'gives no valid created time' : `was created at ${String(proofCreated)}`}, not before it.`,
        };
      }
      return { ok: true, note: `The key was retired at ${marks.expires}; this proof was created before that (${String(proofCreated)}).` };
    }
  }
  return { ok: true };
}
