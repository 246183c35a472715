/**
 * `subject`: there is one credentialSubject, it says who the recipient is, and (for an Open
 * Badge) which achievement was earned; for a CLR see clr-subject.ts. The verify schema is
 * tolerant here on purpose, so this check owns these questions.
 */
import type { Check } from '../report.js';
import { isClr, isObject, types } from '../credential-fields.js';
import { checkClrSubject } from './clr-subject.js';
import type { CheckDefinition } from '../verification-context.js';

export const subjectCheck: CheckDefinition = {
  id: 'subject',
  run({ credential }) {
    const subject = credential.credentialSubject;
    if (!isObject(subject)) {
      return { status: 'failed', code: 'SUBJECT_MISSING', message: 'credentialSubject must be one object describing the recipient.' };
    }
    if (isClr(credential)) return checkClrSubject(subject);
    if (types(credential).includes('EndorsementCredential')) {
      return typeof subject.id === 'string' && subject.id.length > 0
        ? { status: 'passed', message: `Endorses ${subject.id}.`, details: { id: subject.id } }
        : { status: 'failed', code: 'SUBJECT_IDENTIFIER_MISSING', message: 'An EndorsementSubject needs an id: the thing being endorsed.' };
    }
    const recipient = describeRecipient(subject);
    const achievement = isObject(subject.achievement) ? subject.achievement : undefined;
    const problems: Omit<Check, 'id'>[] = [];
    if (!recipient) {
      problems.push({
        status: 'failed',
        code: 'SUBJECT_IDENTIFIER_MISSING',
        message: 'The AchievementSubject has neither an id nor an identifier (IdentityObject with identityHash and identityType): nobody can tell whom it was awarded to.',
      });
    }
    if (!achievement) {
      problems.push({ status: 'failed', code: 'ACHIEVEMENT_MISSING', message: 'The AchievementSubject names no achievement: nothing says what was earned.' });
    }
    const [first, ...others] = problems;
    if (first) {
      return others.length === 0 ? first : { ...first, message: [first, ...others].map((p) => p.message).join(' '), details: { codes: problems.map((p) => p.code) } };
    }
    return { status: 'passed', message: `${recipient} earned "${String(achievement?.name ?? achievement?.id ?? 'an achievement')}".` };
  },
};

function describeRecipient(subject: Record<string, unknown>): string | undefined {
  if (typeof subject.id === 'string' && subject.id.length > 0) return subject.id;
  const identifiers = Array.isArray(subject.identifier) ? subject.identifier : [];
  const usable = identifiers.filter((entry) => isObject(entry) && typeof entry.identityHash === 'string' && typeof entry.identityType === 'string');
  if (usable.length === 0) return undefined;
  return `The recipient named by ${usable.length} identifier${usable.length > 1 ? 's' : ''} (e.g. a hashed e-mail)`;
}
