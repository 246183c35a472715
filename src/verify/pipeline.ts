/**
 * The checks after parsing, run in order on one credential. verifyCredential runs it on the
 * credential it was given; the endorsements check runs it again, one level down, on each embedded
 * endorsement, with the same options, fetcher (budget, cache, provenance) and endorsement budget.
 */
import { CHECKS } from './checks/index.js';
import { decide } from './decide.js';
import type { Fetcher } from './fetcher.js';
import type { NormalizedVerifyOptions } from './options.js';
import type { Check } from './report.js';
import type { CheckDefinition, EmbeddedVerification, VerificationContext } from './verification-context.js';

export interface VerificationSession {
  options: NormalizedVerifyOptions;
  fetcher: Fetcher;
  budget: { endorsements: number };
}

export function createSession(options: NormalizedVerifyOptions, fetcher: Fetcher): VerificationSession {
  return { options, fetcher, budget: { endorsements: options.maxEndorsements } };
}

export async function runChecks(credential: Record<string, unknown>, session: VerificationSession, depth: number): Promise<EmbeddedVerification> {
  const context: VerificationContext = {
    credential,
    options: session.options,
    fetcher: session.fetcher,
    depth,
    budget: session.budget,
    verifyEmbedded: (embedded) => runChecks(embedded, session, depth + 1),
    proofs: [],
    endorsements: [],
  };
  const checks: Check[] = [];
  for (const definition of CHECKS) {
    checks.push({ id: definition.id, ...(await runCheck(definition, context)) });
  }
  return {
    verified: decide(checks, session.options.policy),
    checks,
    ...(context.provenIssuer ? { provenIssuer: context.provenIssuer } : {}),
    endorsements: context.endorsements,
  };
}

/** A bug in one check must not hide the others' results, nor turn into a thrown error. */
async function runCheck(definition: CheckDefinition, context: VerificationContext): Promise<Omit<Check, 'id'>> {
  try {
    return await definition.run(context);
  } catch (error) {
    return {
      status: 'indeterminate',
      message: `The ${definition.id} check could not run: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
