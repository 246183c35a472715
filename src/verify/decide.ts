/**
 * The verdict from the checks and the policy: verified only when nothing failed and nothing is
 * left undecided — except what the caller explicitly chose to accept.
 */
import type { Check, VerificationPolicy } from './report.js';

export function decide(checks: readonly Check[], policy: VerificationPolicy): boolean {
  return checks.every((check) => {
    if (check.status === 'failed') return false;
    if (check.status !== 'indeterminate') return true;
    return check.id === 'status' && policy.acceptUnavailableStatus;
  });
}
