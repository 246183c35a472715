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
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  type FetchFunction,
  type VerificationReport,
} from '../src/index.js';

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
  const lists = new Map((await registry.publishAll()).map((list) => [list.url, JSON.stringify(list.credential)]));

  const server = createServer((request, response) => {
    const body = lists.get(new URL(request.url ?? '/', PUBLIC_BASE).href);
    response.writeHead(body ? 200 : 404, { 'content-type': 'application/vc+ld+json' });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const live: FetchFunction = (url, init) =>
    url.startsWith(PUBLIC_BASE) ? globalThis.fetch(`http://127.0.0.1:${port}/status/${url.slice(PUBLIC_BASE.length)}`, init) : Promise.resolve(new Response('not found', { status: 404 }));

  // Today: verify online, recording every document fetched.
  const recorder = createEvidenceRecorder(live);
  for (const credential of [kept, revoked]) print('online', await verifyCredential(credential, { fetch: recorder.fetch }));
  const bundle = recorder.bundle();
  const file = join(dirname(fileURLToPath(import.meta.url)), 'out', 'evidence.json');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(bundle, null, 2)}\n`);
  console.log(`Filed ${bundle.documents.length} document(s) in examples/out/evidence.json, fetched at ${bundle.documents.map((d) => d.fetchedAt).join(', ')}.`);
  await new Promise<void>((resolve) => server.close(() => resolve()));

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
