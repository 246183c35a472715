/**
 * The verdict from the checks and the policy: verified only when nothing failed and nothing is
 * left undecided — except what the caller explicitly chose to accept.
 */
import type { Check, VerificationPolicy } from './report.js';

/** What the verdict reads of a check: any list of checks (credential, registry) can be decided. */
type Decidable = Pick<Check, 'status'> & { id: string };

export function decide(checks: readonly Decidable[], policy: VerificationPolicy): boolean {
  return blockingCheck(checks, policy) === undefined;
}

/**
 * The check that keeps a credential from being verified: the first that failed, else the first
 * left undecided that the policy does not accept. Undefined when the credential is verified.
 */
export function blockingCheck<C extends Decidable>(checks: readonly C[], policy: VerificationPolicy): C | undefined {
  return (
    checks.find((check) => check.status === 'failed') ??
    checks.find((check) => check.status === 'indeterminate' && !(check.id === 'status' && policy.acceptUnavailableStatus))
  );
}
