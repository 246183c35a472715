/**
 * awardStack: when a teacher's verified credentials meet a stack's rule, issue the stack
 * credential. Its `evidence` lists each counted component credential by id and name with a
 * `digestMultibase` of it (see digest.ts for exactly which bytes), so a verifier holding the
 * components can check that the stack was earned from these very credentials (verify-award.ts).
 */
import type { CredentialDraft, RecipientInput } from '../build/index.js';
import { STACK_CONTEXT } from '../contexts/bundled.js';
import { Obv3Error } from '../errors.js';
import { issueCredential, type IssueOptions, type SignedCredential } from '../issue/index.js';
import type { IdentifierTypeEnum, OpenBadgeCredential, Profile } from '../model/index.js';
import type { ProfileInput } from '../build/profile.js';
import type { VerifyInput } from '../verify/parse-input.js';
import type { VerifyOptions } from '../verify/options.js';
import type { StackDefinition } from './define-stack.js';
import { credentialDigest } from './digest.js';
import { stackProgress, type CountedCredential, type StackProgress } from './progress.js';

/** Draft fields of the stack credential a caller may set; the rest come from the stack and the progress. */
export type StackCredentialFields = Omit<Partial<CredentialDraft>, 'issuer' | 'achievement' | 'recipient' | 'evidence' | 'creditsEarned' | 'extraContexts'>;

export interface AwardStackOptions extends Omit<IssueOptions, 'contexts'> {
  issuer: ProfileInput | Profile;
  /** The teacher, as the stack credential will name her: `{ id }` (DID/URL) or `{ email }`. */
  recipient: RecipientInput;
  /** How the component credentials are verified (now, fetch, policy…). */
  verify?: VerifyOptions;
  credential?: StackCredentialFields;
}

export interface StackAward {
  credential: SignedCredential<OpenBadgeCredential>;
  progress: StackProgress;
}

export async function awardStack(stack: StackDefinition, credentials: readonly VerifyInput[], options: AwardStackOptions): Promise<StackAward> {
  if (typeof options !== 'object' || options === null) throw new Obv3Error('INVALID_ARGUMENT', 'awardStack needs options { issuer, key, recipient }.');
  const { issuer, recipient, verify = {}, credential: fields = {}, ...issue } = options;
  const { identifier, identityType } = identifierOf(recipient);
  const progress = await stackProgress(stack, credentials, { ...verify, recipient: identifier, ...(identityType ? { identityType } : {}) });
  if (!progress.complete) throw incomplete(progress);
  const credits = progress.credits.earned;
  const draft: CredentialDraft = {
    narrative: `Earned by ${progress.counted.length} verified component credentials${credits > 0 ? ` worth ${credits} credits` : ''}, listed as evidence.`,
    ...fields,
    issuer,
    achievement: stack.achievement,
    recipient,
    evidence: progress.counted.map((c) => componentEvidence(c, stack)),
    ...(credits > 0 ? { creditsEarned: credits } : {}),
    extraContexts: [STACK_CONTEXT],
  };
  const signed = await issueCredential(draft, issue);
  return { credential: signed, progress };
}

/** One evidence entry per counted component credential. */
function componentEvidence(counted: CountedCredential, stack: StackDefinition) {
  const component = stack.components.find((c) => c.id === counted.componentId);
  const name = counted.name ?? component?.name ?? counted.componentId;
  return {
    ...(counted.credentialId ? { id: counted.credentialId } : {}),
    name,
    description: `Component credential for "${component?.name ?? counted.componentId}" (${counted.componentId})${counted.issuer ? `, issued by ${counted.issuer}` : ''}.`,
    genre: 'Component credential',
    digestMultibase: credentialDigest(counted.credential),
  };
}

function identifierOf(recipient: RecipientInput): { identifier: string; identityType?: IdentifierTypeEnum } {
  if (typeof recipient !== 'object' || recipient === null) {
    throw new Obv3Error('INVALID_ARGUMENT', 'options.recipient must be { id }, { email } or { identifier, identityType }.');
  }
  if ('email' in recipient && typeof recipient.email === 'string') return { identifier: recipient.email, identityType: 'emailAddress' };
  if ('identifier' in recipient && typeof recipient.identifier === 'string') return { identifier: recipient.identifier, identityType: recipient.identityType };
  if ('id' in recipient && typeof recipient.id === 'string') return { identifier: recipient.id };
  throw new Obv3Error('INVALID_ARGUMENT', 'options.recipient must be { id }, { email } or { identifier, identityType }.');
}

function incomplete(progress: StackProgress): Obv3Error {
  const left = progress.leftOut.length > 0 ? ` (${progress.leftOut.length} credential${progress.leftOut.length > 1 ? 's were' : ' was'} left out; see progress.leftOut)` : '';
  return new Obv3Error('STACK_INCOMPLETE', `"${progress.stack.name}" is not yet earned: ${describeShortfall(progress)}${left}.`);
}

/**
 * What an incomplete progress still lacks, e.g. `required components missing: Wait Time; 1 more
 * from elective group "Leadership"; credits 60 of 75`. Only what keeps the rule unmet is named: an
 * elective group that is already met adds nothing, however many of its components are unearned.
 */
export function describeShortfall(progress: StackProgress): string {
  const parts: string[] = [];
  const required = progress.components.filter((c) => c.requirement === 'required' && c.satisfiedBy === undefined);
  if (required.length > 0) parts.push(`required components missing: ${required.map((c) => c.name ?? c.id).join(', ')}`);
  progress.electiveGroups.forEach((g, i) => {
    if (g.stillNeeded > 0) parts.push(`${g.stillNeeded} more from elective group ${g.name ? `"${g.name}"` : i}`);
  });
  const { earned, minimum } = progress.credits;
  if (minimum !== undefined && earned < minimum) parts.push(`credits ${earned} of ${minimum}`);
  return parts.join('; ');
}
