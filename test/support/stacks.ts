/**
 * A small stack the stack and CLR tests share: "Core Three" required, at least 2 of 3 electives,
 * 75 credits; components from two issuers, each credential worth 15 credits.
 */
import { defineStack, generateKey, issueCredential, type AchievementInput, type CredentialDraft, type Ed25519KeyPair, type StackDefinition } from '../../src/index.js';

export const TEACHER = 'maria.lopez@lakeside.example.org';
export const NOW = new Date('2026-06-01T00:00:00Z');
export const DISTRICT = 'https://lakeside.example.org/achievements/';
export const UNIVERSITY = 'https://ed.state-u.example.edu/micro/';

export function micro(id: string, name: string, credits = 15): AchievementInput {
  return {
    id,
    name,
    description: `${name}, scored Proficient or above.`,
    achievementType: 'MicroCredential',
    criteria: { narrative: 'Classroom evidence and a reflection scored against the rubric.' },
    creditsAvailable: credits,
  };
}

export const CORE = [micro(`${DISTRICT}wait-time`, 'Wait Time'), micro(`${DISTRICT}feedback`, 'Actionable Feedback'), micro(`${DISTRICT}targets`, 'Learning Targets')];
export const ELECTIVES = [micro(`${UNIVERSITY}coaching`, 'Coaching Cycles'), micro(`${UNIVERSITY}data-teams`, 'Data Teams'), micro(`${UNIVERSITY}mentoring`, 'Mentoring')];

export function coreStack(): StackDefinition {
  return defineStack({
    achievement: {
      id: `${DISTRICT}teacher-leader`,
      name: 'Teacher Leader',
      description: 'Leads instructional improvement in a school.',
      achievementType: 'Certificate',
      criteria: { narrative: 'The Core Three and at least two leadership electives, 75 credits in all.' },
      creditsAvailable: 90,
    },
    components: [...CORE, ...ELECTIVES],
    rule: { required: CORE.map((c) => c.id!), electives: [{ name: 'Leadership', from: ELECTIVES.map((c) => c.id!), atLeast: 2 }], minimumCredits: 75 },
    sequence: CORE.map((c) => c.id!),
  });
}

export interface Issuers {
  district: Ed25519KeyPair;
  university: Ed25519KeyPair;
}

export async function makeIssuers(): Promise<Issuers> {
  return { district: await generateKey(), university: await generateKey() };
}

/** A credential for `achievement`, from whichever issuer defines it, to the teacher by default. */
export async function award(issuers: Issuers, achievement: AchievementInput, overrides: Partial<CredentialDraft> = {}) {
  const key = achievement.id!.startsWith(DISTRICT) ? issuers.district : issuers.university;
  const name = key === issuers.district ? 'Lakeside Unified School District' : 'State University';
  return issueCredential(
    { issuer: { id: key.controller, name }, achievement, recipient: { email: TEACHER }, creditsEarned: 15, validFrom: '2026-05-01T12:00:00Z', ...overrides },
    { key },
  );
}

/** The teacher's full set: the Core Three and two electives. */
export async function completeSet(issuers: Issuers) {
  return Promise.all([...CORE, ELECTIVES[0]!, ELECTIVES[1]!].map((a) => award(issuers, a)));
}
