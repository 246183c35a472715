/**
 * A district platform awards the "Wait Time" micro-credential to a teacher, and a state licensing
 * office verifies it offline.
 *
 *   npm run example
 *
 * Writes examples/out/wait-time.json and prints the verification report.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReport, generateKey, issueCredential, recipientMatches, verifyCredential } from '../src/index.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), 'out');

async function main(): Promise<void> {
  // The district's signing key. A real platform generates it once and keeps it
  // (exportKey(key, { includePrivate: true }) → a JSON file or a KMS).
  const key = await generateKey();

  const credential = await issueCredential(
    {
      issuer: {
        id: key.controller,
        name: 'Lakeside Unified School District',
        url: 'https://lakeside.example.org',
        email: 'microcredentials@lakeside.example.org',
      },
      achievement: {
        id: 'https://lakeside.example.org/achievements/wait-time',
        name: 'Wait Time',
        description: 'Uses purposeful wait time after questions to deepen student thinking and participation.',
        achievementType: 'MicroCredential',
        criteria: {
          narrative:
            'Submit a 10-minute classroom video, two samples of student responses and a reflection. ' +
            'An assessor scores the submission against the rubric; "Proficient" or above earns the credential.',
        },
        creditsAvailable: 15,
        alignment: [
          {
            targetName: 'InTASC Standard 8: Instructional Strategies',
            targetUrl: 'https://ccsso.org/resource-library/intasc-model-core-teaching-standards',
            targetType: 'ext:Standard',
          },
        ],
        resultDescription: [
          {
            id: 'https://lakeside.example.org/achievements/wait-time/rubric',
            name: 'Wait Time rubric',
            resultType: 'RubricCriterionLevel',
            rubricCriterionLevel: [
              { id: 'https://lakeside.example.org/achievements/wait-time/rubric#developing', name: 'Developing', points: 1 },
              { id: 'https://lakeside.example.org/achievements/wait-time/rubric#proficient', name: 'Proficient', points: 2 },
              { id: 'https://lakeside.example.org/achievements/wait-time/rubric#exemplary', name: 'Exemplary', points: 3 },
            ],
            requiredLevel: 'https://lakeside.example.org/achievements/wait-time/rubric#proficient',
          },
        ],
      },
      recipient: { email: 'maria.lopez@lakeside.example.org' },
      evidence: [
        {
          id: 'https://evidence.lakeside.example.org/submissions/8841/video',
          name: 'Classroom video, grade 7 science',
          genre: 'Classroom video',
          audience: 'Assessors',
        },
        { name: 'Reflection', narrative: 'Extending wait time to five seconds doubled the number of students who answered.' },
      ],
      results: [
        {
          resultDescription: 'https://lakeside.example.org/achievements/wait-time/rubric',
          achievedLevel: 'https://lakeside.example.org/achievements/wait-time/rubric#exemplary',
        },
      ],
      creditsEarned: 15,
      term: 'Fall 2026',
      awardedDate: new Date(),
    },
    { key },
  );

  await mkdir(outDir, { recursive: true });
  const file = join(outDir, 'wait-time.json');
  await writeFile(file, JSON.stringify(credential, null, 2) + '\n');
  console.log(`Issued ${credential.id} → ${file}\n`);

  // The state office: no network, a fixed clock for the record.
  const report = await verifyCredential(credential, { now: new Date() });
  console.log(formatReport(report));
  console.log(`\nIssued to maria.lopez@lakeside.example.org? ${recipientMatches(credential, 'maria.lopez@lakeside.example.org')}`);
  if (!report.verified) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
