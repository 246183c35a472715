/**
 * A state office verifies a teacher's badges online once, files what it relied on, and verifies
 * them again months later offline, getting the same answer.
 *
 *   npm run example:evidence
 *
 * The district issues two credentials with status entries, revokes one and serves its status list
 * from a local HTTP server (the verifier's fetch routes the list's public URL there). The office
 * verifies through an evidence recorder and writes examples/out/evidence.json; the server is then
 * stopped, and verifying from the bundle gives the same verdicts, with status as of the recorded
 * fetch time. A bundle edited afterwards is refused.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createEvidenceRecorder,
  createMemoryStatusStore,
  createStatusRegistry,
  generateKey,
  issueCredential,
  openEvidenceBundle,
  verifyCredential,
  type VerificationReport,
} from '../src/index.js';
import { close, routeTo, serve } from './local-issuer-server.js';

const PUBLIC_BASE = 'https://lakeside.example.org/status/';

async function main(): Promise<void> {
  const key = await generateKey();
  const registry = createStatusRegistry({ store: createMemoryStatusStore(), listBaseUrl: PUBLIC_BASE, key });
  const draft = (email: string) => ({
    issuer: { id: key.controller, name: 'Lakeside Unified School District' },
    achievement: {
      id: 'https://lakeside.example.org/achievements/wait-time',
      name: 'Wait Time',
      description: 'Uses purposeful wait time after questions.',
      criteria: { narrative: 'Classroom video, student work and a reflection scored Proficient or above.' },
      achievementType: 'MicroCredential' as const,
    },
    recipient: { email },
  });
  const kept = await issueCredential(draft('maria.lopez@lakeside.example.org'), { key, status: registry });
  const revoked = await issueCredential(draft('sam.ortiz@lakeside.example.org'), { key, status: registry });
  await registry.revoke(revoked.id);
  const lists = (await registry.publishAll()).map((list) => ({ path: new URL(list.url).pathname, contentType: 'application/vc+ld+json', body: JSON.stringify(list.credential) }));

  const server = await serve(lists);
  const live = routeTo(server, new URL(PUBLIC_BASE).host);

  // Today: verify online, recording every document fetched.
  const recorder = createEvidenceRecorder(live);
  for (const credential of [kept, revoked]) print('online', await verifyCredential(credential, { fetch: recorder.fetch }));
  const bundle = recorder.bundle();
  const file = join(dirname(fileURLToPath(import.meta.url)), 'out', 'evidence.json');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(bundle, null, 2)}\n`);
  console.log(`Filed ${bundle.documents.length} document(s) in examples/out/evidence.json, fetched at ${bundle.documents.map((d) => d.fetchedAt).join(', ')}.`);
  await close(server);

  // Later, offline: the server is gone; the bundle answers, with the recorded fetch times.
  const evidence = openEvidenceBundle(JSON.stringify(bundle));
  for (const credential of [kept, revoked]) print('from the bundle', await verifyCredential(credential, { fetch: evidence.fetch }));

  const edited = structuredClone(bundle);
  edited.documents[0]!.body = Buffer.from('{"forged":true}').toString('base64');
  try {
    openEvidenceBundle(edited);
  } catch (error) {
    console.log(`An edited bundle is refused: ${(error as { code?: string }).code}`);
  }
}

function print(when: string, report: VerificationReport): void {
  const status = report.checks.find((c) => c.id === 'status')!;
  const asOf = report.provenance.fetched.map((f) => f.fetchedAt).join(', ');
  console.log(`${when}: ${report.verified ? 'VERIFIED' : 'NOT VERIFIED'} ${report.credential?.id} status ${status.code ?? status.status}, list fetched at ${asOf}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
