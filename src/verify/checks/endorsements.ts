/**
 * `endorsements`: every endorsement embedded in the credential (issuer profile, achievement, its
 * creator, the credential itself) is verified like a credential, with the same options and fetch
 * budget, down to `maxEndorsementDepth` levels and at most `maxEndorsements` in all. A broken one
 * is reported here; by default it does not fail the credential (`requireValidEndorsements`
 * changes that). The trust check reads the outcomes to find endorsements of the issuer.
 */
import { findEndorsements } from '../endorsements/find-endorsements.js';
import type { EndorsementOutcome } from '../endorsements/outcome.js';
import { verifyEndorsement } from '../endorsements/verify-endorsement.js';
import { verifyEndorsementJwt } from '../endorsements/verify-endorsement-jwt.js';
import type { Check } from '../report.js';
import type { CheckDefinition, VerificationContext } from '../verification-context.js';

export const endorsementsCheck: CheckDefinition = {
  id: 'endorsements',
  async run(context) {
    const embedded = findEndorsements(context.credential);
    if (embedded.length === 0) return { status: 'skipped', message: 'The credential embeds no endorsements.' };
    const outcomes: EndorsementOutcome[] = [];
    for (const entry of embedded) {
      const where = { path: entry.path, depth: context.depth + 1, ...(entry.attachedTo ? { attachedTo: entry.attachedTo } : {}) };
      const limit = limitReached(context);
      if (limit) {
        outcomes.push({ ...where, format: entry.format, status: 'unverified', code: 'ENDORSEMENT_LIMIT_EXCEEDED', message: limit });
        continue;
      }
      context.budget.endorsements -= 1;
      if (entry.format === 'jwt' && typeof entry.value === 'string') {
        outcomes.push(...(await verifyEndorsementJwt(entry.value, where, context)));
      } else if (entry.format === 'jwt') {
        outcomes.push({ ...where, format: 'jwt', status: 'failed', code: 'ENDORSEMENT_INVALID', message: 'An endorsementJwt entry must be a compact JWS string.' });
      } else {
        outcomes.push(...(await verifyEndorsement(entry.value, where, context)));
      }
    }
    context.endorsements = outcomes;
    return summarize(outcomes, context);
  },
};

function limitReached(context: VerificationContext): string | undefined {
  const { maxEndorsementDepth, maxEndorsements } = context.options;
  if (context.depth + 1 > maxEndorsementDepth) {
    return `Not verified: it is nested ${context.depth + 1} levels deep, and endorsements are verified to ${maxEndorsementDepth} (options.maxEndorsementDepth).`;
  }
  if (context.budget.endorsements <= 0) {
    return `Not verified: ${maxEndorsements} endorsements were already verified for this credential (options.maxEndorsements).`;
  }
  return undefined;
}

function summarize(outcomes: EndorsementOutcome[], context: VerificationContext): Omit<Check, 'id'> {
  const direct = outcomes.filter((o) => o.depth === context.depth + 1);
  const details = { count: outcomes.length, endorsements: outcomes };
  const problems = outcomes.filter((o) => o.status !== 'verified');
  if (problems.length === 0) {
    const who = [...new Set(direct.map((o) => o.provenEndorser ?? o.endorser).filter(Boolean))].join(', ');
    return { status: 'passed', message: `${plural(outcomes.length)} verified${who ? `, by ${who}` : ''}.`, details };
  }
  const first = problems[0]!;
  const anyFailed = problems.some((o) => o.status === 'failed');
  const required = context.options.policy.requireValidEndorsements;
  const consequence = required
    ? 'requireValidEndorsements is set, so the credential is not verified.'
    : 'This does not affect the verdict (set requireValidEndorsements to make it).';
  return {
    status: required ? (anyFailed ? 'failed' : 'indeterminate') : 'warning',
    code: first.code ?? 'ENDORSEMENT_INVALID',
    message: `${problems.length} of ${plural(outcomes.length)} not verified; first, at ${first.path}: ${first.message} ${consequence}`,
    details,
  };
}

function plural(n: number): string {
  return `${n} endorsement${n === 1 ? '' : 's'}`;
}
