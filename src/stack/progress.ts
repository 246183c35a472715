/**
 * stackProgress: how far a teacher is towards a stack. Each credential she hands in (from any
 * issuer) is verified; only verified credentials for her count, one per component, and every other
 * credential is listed with why it was left out: the check that kept it from being verified
 * (its code and message, e.g. EXPIRED, REVOKED, ISSUER_UNRESOLVABLE, STATUS_UNAVAILABLE), another
 * recipient, not a component of this stack, or a second credential for a component already counted.
 */
import { recipientMatches } from '../build/recipient-match.js';
import { Obv3Error } from '../errors.js';
import type { Achievement, IdentifierTypeEnum, StackAchievement } from '../model/index.js';
import { validateStackRule } from '../schema/index.js';
import { isObject } from '../verify/credential-fields.js';
import { blockingCheck } from '../verify/decide.js';
import { normalizeVerifyOptions, type VerifyOptions } from '../verify/options.js';
import type { VerifyInput } from '../verify/parse-input.js';
import type { CheckCode, CheckId, VerificationReport } from '../verify/report.js';
import { verifyCredential } from '../verify/verify-credential.js';
import { evaluateRule, type ElectiveGroupProgress } from './evaluate-rule.js';
import { ruleComponentIds } from './rule.js';

export interface StackProgressOptions extends VerifyOptions {
  /**
   * Who the teacher is: her DID or URL, or the plain identifier her credentials hash (her e-mail
   * address). Every credential has its own salt, so each is checked against this on its own.
   */
  recipient: string;
  /** Only identifier entries of this type are compared (default: any). */
  identityType?: IdentifierTypeEnum;
  /** Most credentials one call examines. Default 500. */
  maxCredentials?: number;
}

/** What a stack progress is measured against: a StackDefinition, or just the stack's achievement. */
export interface StackReference {
  achievement: StackAchievement;
  /** Component definitions, for names; optional. */
  components?: readonly Achievement[];
}

export type LeftOutCode = CheckCode | 'RECIPIENT_MISMATCH' | 'NOT_A_COMPONENT' | 'DUPLICATE_COMPONENT' | 'UNVERIFIED';

export interface CountedCredential {
  /** Position in the list given. */
  index: number;
  componentId: string;
  credentialId?: string;
  name?: string;
  issuer?: string;
  credits: number;
  /** Where `credits` came from. */
  creditsFrom: 'creditsEarned' | 'creditsAvailable' | 'none';
  /** The verified credential, as parsed. */
  credential: Record<string, unknown>;
}

export interface LeftOutCredential {
  index: number;
  credentialId?: string;
  name?: string;
  /** The component it would have satisfied, when it names one. */
  componentId?: string;
  code: LeftOutCode;
  /** For credentials that did not verify: the check that decided it. */
  check?: CheckId;
  message: string;
}

export interface ComponentProgress {
  id: string;
  name?: string;
  /** `required`, or the index of its elective group. */
  requirement: 'required' | { electiveGroup: number };
  /** The index of the credential that satisfies it, when one does. */
  satisfiedBy?: number;
}

export interface StackProgress {
  stack: { id: string; name: string };
  complete: boolean;
  components: ComponentProgress[];
  /** Component ids satisfied / not yet satisfied. */
  satisfied: string[];
  missing: string[];
  electiveGroups: ElectiveGroupProgress[];
  credits: { earned: number; minimum?: number };
  counted: CountedCredential[];
  leftOut: LeftOutCredential[];
  /** One verification report per credential given, in the same order. */
  reports: VerificationReport[];
}

/** Default of `maxCredentials`, shared with verifyStackAward's cap on the components it is given. */
export const DEFAULT_MAX_CREDENTIALS = 500;

export async function stackProgress(stack: StackReference, credentials: readonly VerifyInput[], options: StackProgressOptions): Promise<StackProgress> {
  const { recipient, identityType, maxCredentials = DEFAULT_MAX_CREDENTIALS, ...verifyOptions } = checkArguments(stack, credentials, options);
  if (credentials.length > maxCredentials) {
    throw new Obv3Error('INVALID_ARGUMENT', `stackProgress got ${credentials.length} credentials; at most ${maxCredentials} are examined (options.maxCredentials).`);
  }
  const policy = normalizeVerifyOptions(verifyOptions).policy;
  const rule = stack.achievement.stackRule;
  const componentIds = new Set(ruleComponentIds(rule));
  const reports: VerificationReport[] = [];
  for (const input of credentials) reports.push(await verifyCredential(input, verifyOptions));

  const leftOut: LeftOutCredential[] = [];
  const candidates: CountedCredential[] = [];
  reports.forEach((report, index) => {
    const credential = report.credential;
    const base = describe(index, credential);
    const blocker = blockingCheck(report.checks, policy);
    if (!report.verified || !credential) {
      leftOut.push({ ...base, code: blocker?.code ?? 'UNVERIFIED', ...(blocker ? { check: blocker.id } : {}), message: blocker?.message ?? 'The credential is not verified.' });
    } else if (!recipientMatches(credential, recipient, identityType)) {
      leftOut.push({ ...base, code: 'RECIPIENT_MISMATCH', message: 'The credential is verified but names another recipient.' });
    } else if (base.componentId === undefined || !componentIds.has(base.componentId)) {
      leftOut.push({ ...base, code: 'NOT_A_COMPONENT', message: `The credential is verified, but its achievement ${base.componentId ?? '(none)'} is not a component of "${stack.achievement.name}".` });
    } else {
      candidates.push({ ...base, componentId: base.componentId, ...creditsOf(credential), credential, ...(report.provenIssuer ? { issuer: report.provenIssuer } : {}) });
    }
  });

  const counted = pickOnePerComponent(candidates, leftOut);
  const evaluation = evaluateRule(rule, new Map(counted.map((c) => [c.componentId, c.credits])));
  return {
    stack: { id: stack.achievement.id, name: stack.achievement.name },
    complete: evaluation.complete,
    components: componentRows(stack, counted),
    satisfied: evaluation.satisfied,
    missing: evaluation.missing,
    electiveGroups: evaluation.electiveGroups,
    credits: evaluation.credits,
    counted,
    leftOut: leftOut.sort((a, b) => a.index - b.index),
    reports,
  };
}

function checkArguments(stack: StackReference, credentials: readonly VerifyInput[], options: StackProgressOptions): StackProgressOptions {
  const achievement = (stack as Partial<StackReference> | undefined)?.achievement;
  if (typeof achievement !== 'object' || achievement === null || typeof achievement.id !== 'string') {
    throw new Obv3Error('INVALID_ARGUMENT', 'stack must be a StackDefinition (from defineStack) or { achievement } with a stackRule.');
  }
  const problems = validateStackRule(achievement.stackRule);
  if (problems.length > 0) {
    throw new Obv3Error('SCHEMA_INVALID', `The stack's stackRule is not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { problems });
  }
  if (!Array.isArray(credentials)) throw new Obv3Error('INVALID_ARGUMENT', 'credentials must be an array of credentials (objects, JSON text or bytes).');
  if (typeof options !== 'object' || options === null || typeof options.recipient !== 'string' || options.recipient === '') {
    throw new Obv3Error('INVALID_ARGUMENT', 'options.recipient must be the teacher\'s DID or URL, or the e-mail address her credentials name.');
  }
  return options;
}

/** Of several good credentials for one component, the one worth the most credits (then the newest) counts. */
function pickOnePerComponent(candidates: readonly CountedCredential[], leftOut: LeftOutCredential[]): CountedCredential[] {
  const best = new Map<string, CountedCredential>();
  for (const candidate of candidates) {
    const current = best.get(candidate.componentId);
    if (!current || better(candidate, current)) best.set(candidate.componentId, candidate);
  }
  const counted = [...best.values()].sort((a, b) => a.index - b.index);
  for (const candidate of candidates) {
    const chosen = best.get(candidate.componentId);
    if (chosen && chosen !== candidate) {
      const { index, credentialId, name, componentId } = candidate;
      leftOut.push({
        index,
        ...(credentialId ? { credentialId } : {}),
        ...(name ? { name } : {}),
        componentId,
        code: 'DUPLICATE_COMPONENT',
        message: `Component ${componentId} is already satisfied by credential #${chosen.index}${chosen.credentialId ? ` (${chosen.credentialId})` : ''}; a component counts once.`,
      });
    }
  }
  return counted;
}

function better(a: CountedCredential, b: CountedCredential): boolean {
  if (a.credits !== b.credits) return a.credits > b.credits;
  return validFrom(a.credential) > validFrom(b.credential);
}

/** As an instant: `2026-05-01T10:00:00+02:00` is earlier than `2026-05-01T09:00:00Z`, whatever the text says. */
function validFrom(credential: Record<string, unknown>): number {
  const value = credential.validFrom ?? credential.issuanceDate;
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

function describe(index: number, credential: Record<string, unknown> | undefined): Omit<LeftOutCredential, 'code' | 'message'> {
  const achievement = subjectOf(credential)?.achievement as Record<string, unknown> | undefined;
  const name = typeof credential?.name === 'string' ? credential.name : typeof achievement?.name === 'string' ? achievement.name : undefined;
  return {
    index,
    ...(typeof credential?.id === 'string' ? { credentialId: credential.id } : {}),
    ...(name ? { name } : {}),
    ...(typeof achievement?.id === 'string' ? { componentId: achievement.id } : {}),
  };
}

function creditsOf(credential: Record<string, unknown>): Pick<CountedCredential, 'credits' | 'creditsFrom'> {
  const subject = subjectOf(credential);
  if (typeof subject?.creditsEarned === 'number' && subject.creditsEarned >= 0) return { credits: subject.creditsEarned, creditsFrom: 'creditsEarned' };
  const available = (subject?.achievement as Record<string, unknown> | undefined)?.creditsAvailable;
  if (typeof available === 'number' && available >= 0) return { credits: available, creditsFrom: 'creditsAvailable' };
  return { credits: 0, creditsFrom: 'none' };
}

function subjectOf(credential: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const subject = credential?.credentialSubject;
  return isObject(subject) ? subject : undefined;
}

function componentRows(stack: StackReference, counted: readonly CountedCredential[]): ComponentProgress[] {
  const names = new Map((stack.components ?? []).map((c) => [c.id, c.name]));
  const byComponent = new Map(counted.map((c) => [c.componentId, c]));
  const rule = stack.achievement.stackRule;
  const row = (id: string, requirement: ComponentProgress['requirement']): ComponentProgress => {
    const name = names.get(id) ?? (byComponent.get(id)?.credential.credentialSubject as { achievement?: { name?: string } } | undefined)?.achievement?.name;
    const satisfiedBy = byComponent.get(id)?.index;
    return { id, ...(name ? { name } : {}), requirement, ...(satisfiedBy !== undefined ? { satisfiedBy } : {}) };
  };
  return [
    ...(rule.requiredComponent ?? []).map((id) => row(id, 'required')),
    ...(rule.electiveGroup ?? []).flatMap((group, electiveGroup) => group.component.map((id) => row(id, { electiveGroup }))),
  ];
}
