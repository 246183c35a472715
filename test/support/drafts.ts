/** Credential drafts the tests share: a typical teacher micro-credential. */
import type { CredentialDraft } from '../../src/build/index.js';

export const WAIT_TIME_RUBRIC = 'https://lakeside.example.org/achievements/wait-time/rubric';

export function waitTimeDraft(issuerId: string, overrides: Partial<CredentialDraft> = {}): CredentialDraft {
  return {
    issuer: { id: issuerId, name: 'Lakeside Unified School District', url: 'https://lakeside.example.org' },
    achievement: {
      id: 'https://lakeside.example.org/achievements/wait-time',
      name: 'Wait Time',
      description: 'Uses purposeful wait time after questions to deepen student thinking.',
      achievementType: 'MicroCredential',
      criteria: { narrative: 'Submit a classroom video, student work and a reflection scored Proficient or above.' },
      creditsAvailable: 15,
      alignment: [{ targetName: 'InTASC Standard 8', targetUrl: 'https://ccsso.org/intasc', targetType: 'ext:Standard' }],
      resultDescription: [
        {
          id: WAIT_TIME_RUBRIC,
          name: 'Wait Time rubric',
          resultType: 'RubricCriterionLevel',
          rubricCriterionLevel: [
            { id: `${WAIT_TIME_RUBRIC}#developing`, name: 'Developing' },
            { id: `${WAIT_TIME_RUBRIC}#proficient`, name: 'Proficient' },
            { id: `${WAIT_TIME_RUBRIC}#exemplary`, name: 'Exemplary' },
          ],
        },
      ],
    },
    recipient: { email: 'maria.lopez@lakeside.example.org', salt: 'a1b2c3d4' },
    evidence: [{ id: 'https://evidence.lakeside.example.org/8841/video', name: 'Classroom video', genre: 'Classroom video' }],
    results: [{ resultDescription: WAIT_TIME_RUBRIC, achievedLevel: `${WAIT_TIME_RUBRIC}#exemplary` }],
    creditsEarned: 15,
    validFrom: '2026-05-01T12:00:00Z',
    ...overrides,
  };
}
