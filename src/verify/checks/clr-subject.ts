/**
 * The `subject` check for a ClrSubject: it names the learner (`id` or `identifier`), and every
 * association links achievements the CLR actually carries (in `achievement`, or as the achievement
 * of an embedded credential). A dangling association is a warning: the record is still the
 * issuer's signed statement, but a reader cannot follow that link.
 */
import { asArray, isObject } from '../credential-fields.js';
import type { Check } from '../report.js';

export function checkClrSubject(subject: Record<string, unknown>): Omit<Check, 'id'> {
  const hasId = typeof subject.id === 'string' && subject.id.length > 0;
  const identifiers = asArray(subject.identifier).filter((e) => isObject(e) && typeof e.identityHash === 'string');
  if (!hasId && identifiers.length === 0) {
    return {
      status: 'failed',
      code: 'SUBJECT_IDENTIFIER_MISSING',
      message: 'The ClrSubject has neither an id nor an identifier (IdentityObject): nobody can tell whose record it is.',
    };
  }
  const learner = hasId ? String(subject.id) : `the learner named by ${identifiers.length} identifier${identifiers.length > 1 ? 's' : ''}`;
  const known = achievementIds(subject);
  const dangling = asArray(subject.association)
    .filter(isObject)
    .flatMap((a) => [a.sourceId, a.targetId].filter((id): id is string => typeof id === 'string' && !known.has(id)));
  const unique = [...new Set(dangling)];
  if (unique.length > 0) {
    return {
      status: 'warning',
      code: 'ASSOCIATION_DANGLING',
      message: `The record of ${learner} has associations naming achievements it does not carry: ${unique.slice(0, 5).join(', ')}${unique.length > 5 ? ', …' : ''}.`,
      details: { dangling: unique },
    };
  }
  return { status: 'passed', message: `A Comprehensive Learner Record of ${learner}.` };
}

/** Ids of the achievements a ClrSubject carries: its own list and those its credentials award. */
function achievementIds(subject: Record<string, unknown>): Set<string> {
  const ids = new Set<string>();
  for (const achievement of asArray(subject.achievement)) {
    if (isObject(achievement) && typeof achievement.id === 'string') ids.add(achievement.id);
  }
  for (const credential of asArray(subject.verifiableCredential)) {
    const inner = isObject(credential) && isObject(credential.credentialSubject) ? credential.credentialSubject : undefined;
    const achievement = inner && isObject(inner.achievement) ? inner.achievement : undefined;
    if (achievement && typeof achievement.id === 'string') ids.add(achievement.id);
  }
  return ids;
}
