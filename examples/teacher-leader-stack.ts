/**
 * A district defines a 12-credential teacher-leader stack; a teacher holds 12 micro-credentials
 * from three issuers, one of which the district revokes, so she earns a replacement; the district
 * awards the stack credential and bundles everything in a CLR; the state verifies the CLR.
 *
 *   npm run example:stack
 *
 * Writes examples/out/teacher-leader-stack.json and examples/out/teacher-leader-clr.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  awardStack,
  createMemoryStatusStore,
  createStatusRegistry,
  defineStack,
  formatProgress,
  formatReport,
  generateKey,
  issueClr,
  issueCredential,
  stackProgress,
  verifyCredential,
  verifyStackAward,
  type AchievementInput,
  type Ed25519KeyPair,
  type FetchFunction,
} from '../src/index.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), 'out');
const TEACHER = 'maria.lopez@lakeside.example.org';
const LAKESIDE = 'https://lakeside.example.org/achievements/';
const STATE_U = 'https://education.state-university.example.edu/micro/';
const NONPROFIT = 'https://teachingcommons.example.org/badges/';

/** The twelve components: the "Core Four" every teacher-leader needs, and eight electives. */
const CORE: AchievementInput[] = [
  micro(`${LAKESIDE}wait-time`, 'Wait Time', 'Uses purposeful wait time after questions.'),
  micro(`${LAKESIDE}checking-for-understanding`, 'Checking for Understanding', 'Checks every student\'s understanding during a lesson.'),
  micro(`${LAKESIDE}feedback`, 'Actionable Feedback', 'Gives feedback students act on.'),
  micro(`${LAKESIDE}learning-targets`, 'Learning Targets', 'Shares clear, measurable learning targets.'),
];
const ELECTIVES: AchievementInput[] = [
  micro(`${STATE_U}coaching-cycles`, 'Coaching Cycles', 'Leads a six-week peer coaching cycle.'),
  micro(`${STATE_U}data-teams`, 'Data Teams', 'Facilitates a data team through one inquiry cycle.'),
  micro(`${STATE_U}adult-learning`, 'Adult Learning', 'Designs professional learning for adults.'),
  micro(`${STATE_U}observation`, 'Classroom Observation', 'Observes peers with a shared protocol.'),
  micro(`${NONPROFIT}family-engagement`, 'Family Engagement', 'Builds two-way communication with families.'),
  micro(`${NONPROFIT}equity-audit`, 'Equity Audit', 'Leads a school equity audit.'),
  micro(`${NONPROFIT}mentoring`, 'Mentoring New Teachers', 'Mentors a first-year teacher for a semester.'),
  micro(`${NONPROFIT}action-research`, 'Action Research', 'Completes and shares an action-research project.'),
];

function micro(id: string, name: string, description: string): AchievementInput {
  return {
    id,
    name,
    description,
    achievementType: 'MicroCredential',
    criteria: { narrative: 'Classroom evidence and a reflection, scored Proficient or above by a trained assessor.' },
    creditsAvailable: 15,
  };
}

async function main(): Promise<void> {
  const district = await generateKey();
  const university = await generateKey();
  const nonprofit = await generateKey();
  const issuers = new Map<string, { key: Ed25519KeyPair; name: string }>([
    [LAKESIDE, { key: district, name: 'Lakeside Unified School District' }],
    [STATE_U, { key: university, name: 'State University College of Education' }],
    [NONPROFIT, { key: nonprofit, name: 'Teaching Commons' }],
  ]);

  // 1. The district defines the stack: the Core Four, at least 6 of the 8 electives, 150 credits.
  const stack = defineStack({
    achievement: {
      id: `${LAKESIDE}teacher-leader`,
      name: 'Teacher Leader',
      description: 'Leads instructional improvement in a school; carries the district teacher-leader stipend.',
      achievementType: 'Certificate',
      criteria: { narrative: 'Earn the Core Four micro-credentials and at least six of the eight leadership electives, 150 credits in all, as agreed with your principal.' },
      creditsAvailable: 180,
      alignment: [{ targetName: 'Teacher Leader Model Standards, Domain III', targetUrl: 'https://www.teacherleaderstandards.example.org/domain-iii' }],
    },
    components: [...CORE, ...ELECTIVES],
    rule: {
      required: CORE.map((c) => c.id!),
      electives: [{ name: 'Leadership electives', from: ELECTIVES.map((c) => c.id!), atLeast: 6 }],
      minimumCredits: 150,
    },
    sequence: CORE.map((c) => c.id!),
  });

  // The district gives its credentials revocation entries; a real platform keeps the registry's
  // state in openFileStatusStore(dir) and serves the published lists from its web server.
  const lakesideStatus = createStatusRegistry({ store: createMemoryStatusStore(), key: district, listBaseUrl: 'https://lakeside.example.org/status/' });
  const published = new Map<string, string>();
  const publish = async () => {
    for (const list of await lakesideStatus.publishAll()) published.set(list.url, JSON.stringify(list.credential));
  };
  // The state's view of the web: the district's published lists (served from memory here).
  const fetch: FetchFunction = async (url) => {
    const body = published.get(url);
    return body ? new Response(body, { headers: { 'content-type': 'application/vc+ld+json' } }) : new Response('not found', { status: 404 });
  };

  // 2. The teacher holds 12 credentials from the three issuers (each hashes her e-mail with its own salt).
  const issue = async (achievement: AchievementInput) => {
    const prefix = [...issuers.keys()].find((p) => achievement.id!.startsWith(p))!;
    const { key, name } = issuers.get(prefix)!;
    const status = key === district ? { status: lakesideStatus } : {};
    return issueCredential({ issuer: { id: key.controller, name }, achievement, recipient: { email: TEACHER }, creditsEarned: 15 }, { key, ...status });
  };
  const held = [];
  for (const achievement of [...CORE, ...ELECTIVES]) held.push(await issue(achievement));
  // The district revokes her "Checking for Understanding" credential (the video was of another
  // class) and publishes its status list: that credential no longer counts.
  await lakesideStatus.revoke(held[1]!.id);
  await publish();

  const before = await stackProgress(stack, held, { recipient: TEACHER, fetch });
  console.log(`${formatProgress(before)}\n`);

  // 3. She earns the replacement; now the stack is complete.
  const replacement = await issue(CORE[1]!);
  const wallet = [...held, replacement];
  const after = await stackProgress(stack, wallet, { recipient: TEACHER, fetch });
  console.log(`${formatProgress(after)}\n`);

  // 4. The district awards the stack credential; its evidence names each component by digest.
  const { credential: teacherLeader } = await awardStack(stack, wallet, {
    issuer: { id: district.controller, name: 'Lakeside Unified School District' },
    key: district,
    recipient: { email: TEACHER },
    verify: { fetch },
  });

  // 5. A CLR bundles the stack credential, the counted components, the definitions and associations.
  const clr = await issueClr(
    {
      name: 'Maria Lopez: teacher-leader record',
      issuer: { id: district.controller, name: 'Lakeside Unified School District' },
      learner: { email: TEACHER },
      credentials: [teacherLeader, ...after.counted.map((c) => c.credential)],
      stacks: [stack],
    },
    { key: district },
  );

  // 6. The state verifies the CLR (outer proof and every embedded credential), then the award.
  const report = await verifyCredential(clr, { fetch });
  console.log(formatReport(report));
  const award = await verifyStackAward(teacherLeader, after.counted.map((c) => c.credential), { recipient: TEACHER, fetch });
  console.log(`\nstack award earned from its components: ${award.verified}${award.problems.map((p) => `\n  ${p.code}: ${p.message}`).join('')}`);

  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'teacher-leader-stack.json'), `${JSON.stringify(teacherLeader, null, 2)}\n`);
  await writeFile(join(outDir, 'teacher-leader-clr.json'), `${JSON.stringify(clr, null, 2)}\n`);
  if (!report.verified || !award.verified) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
