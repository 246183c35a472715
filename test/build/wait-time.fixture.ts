/**
 * A representative teacher micro-credential ("Wait Time"): rubric-scored result, evidence,
 * 15 CEU credits, hashed e-mail recipient. Every id, date and the salt are fixed, so the built
 * credential can be compared with `waitTimeExpected` field for field. The expected JSON is
 * written out by hand (not produced by the builder); its identityHash was computed separately:
 * sha256('ms.rivera@school.example' + 'f1c2d3e4a5b60718293a4b5c6d7e8f90').
 */
import type { CredentialDraft } from '../../src/build/index.js';

const BASE = 'https://educators.example.org';
const ACHIEVEMENT_ID = `${BASE}/achievements/wait-time`;

export const waitTimeDraft: CredentialDraft = {
  id: 'urn:uuid:2f0c6a6e-9b1d-4c43-8d0e-6b3f5a9d7c21',
  issuer: {
    id: `${BASE}/issuers/1`,
    name: 'Example Educator Micro-credential Program',
    url: BASE,
    email: 'badges@educators.example.org',
    image: `${BASE}/logo.png`,
  },
  achievement: {
    id: ACHIEVEMENT_ID,
    achievementType: 'MicroCredential',
    name: 'Wait Time',
    description: 'The teacher uses wait time after questions to raise the quality and number of student responses.',
    criteria: {
      id: `${ACHIEVEMENT_ID}/criteria`,
      narrative: 'Submit a 10-minute classroom video, two student work samples and a reflection; an assessor scores them against the rubric. Proficient or above earns the credential.',
    },
    image: { id: `${BASE}/images/wait-time.png`, caption: 'Wait Time badge' },
    creditsAvailable: 15,
    fieldOfStudy: 'Instructional Strategies',
    humanCode: 'MC-WT-01',
    inLanguage: 'en-US',
    version: '1.0',
    tag: ['questioning', 'wait time'],
    alignment: [
      {
        targetName: 'InTASC Standard 8: Instructional Strategies',
        targetUrl: 'https://standards.example.org/intasc/8',
        targetFramework: 'InTASC Model Core Teaching Standards',
        targetCode: '8',
        targetType: 'ext:InTASCStandard',
      },
    ],
    resultDescription: [
      {
        id: `${ACHIEVEMENT_ID}#rubric`,
        name: 'Wait Time scoring rubric',
        resultType: 'RubricCriterionLevel',
        requiredLevel: `${ACHIEVEMENT_ID}#proficient`,
        rubricCriterionLevel: [
          { id: `${ACHIEVEMENT_ID}#emerging`, name: 'Emerging', level: '1', points: 1, description: 'Wait time is used inconsistently.' },
          { id: `${ACHIEVEMENT_ID}#proficient`, name: 'Proficient', level: '2', points: '2', description: 'Three or more seconds of wait time after most questions.' },
          { id: `${ACHIEVEMENT_ID}#exemplary`, name: 'Exemplary', level: '3', points: '3' },
        ],
      },
    ],
  },
  recipient: { email: 'ms.rivera@school.example', salt: 'f1c2d3e4a5b60718293a4b5c6d7e8f90' },
  results: [{ resultDescription: `${ACHIEVEMENT_ID}#rubric`, achievedLevel: `${ACHIEVEMENT_ID}#proficient` }],
  evidence: [
    {
      id: 'https://evidence.example.org/submissions/8812/video',
      name: 'Classroom video',
      genre: 'Classroom video',
      audience: 'Assessors',
      narrative: 'Grade 7 science discussion; wait time marked at 02:10 and 05:45.',
    },
    { name: 'Reflection', narrative: 'What changed when I waited longer before calling on students.' },
  ],
  creditsEarned: 15,
  activityStartDate: '2026-03-02',
  activityEndDate: new Date('2026-04-17T15:30:00.250Z'),
  awardedDate: '2026-04-30T09:30:00-05:00',
  validFrom: '2026-05-01T12:00:00Z',
  validUntil: '2031-05-01T12:00:00.999+00:00',
  credentialStatus: {
    id: `${BASE}/status/1#42`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: '42',
    statusListCredential: `${BASE}/status/1`,
  },
};

export const waitTimeExpected = {
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: 'urn:uuid:2f0c6a6e-9b1d-4c43-8d0e-6b3f5a9d7c21',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Wait Time',
  issuer: {
    id: 'https://educators.example.org/issuers/1',
    type: ['Profile'],
    name: 'Example Educator Micro-credential Program',
    url: 'https://educators.example.org',
    email: 'badges@educators.example.org',
    image: { id: 'https://educators.example.org/logo.png', type: 'Image' },
  },
  validFrom: '2026-05-01T12:00:00Z',
  validUntil: '2031-05-01T12:00:00Z',
  awardedDate: '2026-04-30T14:30:00Z',
  credentialSubject: {
    type: ['AchievementSubject'],
    identifier: [
      {
        type: 'IdentityObject',
        hashed: true,
        identityHash: 'sha256$351cebe8efb9a1d7b41f9a5f02bdf48f94bb19cbf95e06db33c411e82c80666e',
        identityType: 'emailAddress',
        salt: 'f1c2d3e4a5b60718293a4b5c6d7e8f90',
      },
    ],
    achievement: {
      id: 'https://educators.example.org/achievements/wait-time',
      type: ['Achievement'],
      achievementType: 'MicroCredential',
      name: 'Wait Time',
      description: 'The teacher uses wait time after questions to raise the quality and number of student responses.',
      criteria: {
        id: 'https://educators.example.org/achievements/wait-time/criteria',
        narrative: 'Submit a 10-minute classroom video, two student work samples and a reflection; an assessor scores them against the rubric. Proficient or above earns the credential.',
      },
      image: { id: 'https://educators.example.org/images/wait-time.png', type: 'Image', caption: 'Wait Time badge' },
      creditsAvailable: 15,
      fieldOfStudy: 'Instructional Strategies',
      humanCode: 'MC-WT-01',
      inLanguage: 'en-US',
      version: '1.0',
      tag: ['questioning', 'wait time'],
      alignment: [
        {
          type: ['Alignment'],
          targetCode: '8',
          targetName: 'InTASC Standard 8: Instructional Strategies',
          targetFramework: 'InTASC Model Core Teaching Standards',
          targetType: 'ext:InTASCStandard',
          targetUrl: 'https://standards.example.org/intasc/8',
        },
      ],
      resultDescription: [
        {
          id: 'https://educators.example.org/achievements/wait-time#rubric',
          type: ['ResultDescription'],
          name: 'Wait Time scoring rubric',
          resultType: 'RubricCriterionLevel',
          requiredLevel: 'https://educators.example.org/achievements/wait-time#proficient',
          rubricCriterionLevel: [
            {
              id: 'https://educators.example.org/achievements/wait-time#emerging',
              type: ['RubricCriterionLevel'],
              name: 'Emerging',
              description: 'Wait time is used inconsistently.',
              level: '1',
              points: '1',
            },
            {
              id: 'https://educators.example.org/achievements/wait-time#proficient',
              type: ['RubricCriterionLevel'],
              name: 'Proficient',
              description: 'Three or more seconds of wait time after most questions.',
              level: '2',
              points: '2',
            },
            {
              id: 'https://educators.example.org/achievements/wait-time#exemplary',
              type: ['RubricCriterionLevel'],
              name: 'Exemplary',
              level: '3',
              points: '3',
            },
          ],
        },
      ],
    },
    result: [
      {
        type: ['Result'],
        resultDescription: 'https://educators.example.org/achievements/wait-time#rubric',
        achievedLevel: 'https://educators.example.org/achievements/wait-time#proficient',
      },
    ],
    creditsEarned: 15,
    activityStartDate: '2026-03-02T00:00:00Z',
    activityEndDate: '2026-04-17T15:30:00Z',
  },
  evidence: [
    {
      id: 'https://evidence.example.org/submissions/8812/video',
      type: ['Evidence'],
      name: 'Classroom video',
      narrative: 'Grade 7 science discussion; wait time marked at 02:10 and 05:45.',
      genre: 'Classroom video',
      audience: 'Assessors',
    },
    {
      type: ['Evidence'],
      name: 'Reflection',
      narrative: 'What changed when I waited longer before calling on students.',
    },
  ],
  credentialStatus: {
    id: 'https://educators.example.org/status/1#42',
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: '42',
    statusListCredential: 'https://educators.example.org/status/1',
  },
};
