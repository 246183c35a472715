/**
 * The verdict from the checks and the policy: verified only when nothing failed and nothing is
 * left undecided — except what the caller explicitly chose to accept.
 */
import type { Check, VerificationPolicy } from './report.js';

export function decide(checks: readonly Check[], policy: VerificationPolicy): boolean {
  return blockingCheck(checks, policy) === undefined;
}

/**
 * The check that keeps a credential from being verified: the first that failed, else the first
 * left undecided that the policy does not accept. Undefined when the credential is verified.
 */
export function blockingCheck(checks: readonly Check[], policy: VerificationPolicy): Check | undefined {
  return (
    checks.find((check) => check.status === 'failed') ??
    checks.find((check) => check.status === 'indeterminate' && !(check.id === 'status' && policy.acceptUnavailableStatus))
  );
}
