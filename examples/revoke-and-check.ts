/**
 * A district revokes a micro-credential (plagiarised evidence) and a state office sees it.
 *
 *   npm run example:revoke
 *
 * The district issues two credentials with status entries, revokes one, publishes its status
 * list and serves it from a local HTTP server; the verifier's fetch routes the list's public URL
 * (https://lakeside.example.org/status/…) to that server, so nothing leaves this machine.
 */
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createStatusRegistry,
  formatReport,
  generateKey,
  issueCredential,
  openFileStatusStore,
  verifyCredential,
  type CredentialDraft,
} from '../src/index.js';
import { close, routeTo, serve } from './local-issuer-server.js';

const PUBLIC_BASE = 'https://lakeside.example.org/status/';

async function main(): Promise<void> {
  const key = await generateKey();
  const storeDir = join(dirname(fileURLToPath(import.meta.url)), 'out', 'status-store');
  await rm(storeDir, { recursive: true, force: true });
  await mkdir(storeDir, { recursive: true });
  const store = await openFileStatusStore(storeDir); // durable: survives restarts and crashes
  const registry = createStatusRegistry({ store, listBaseUrl: PUBLIC_BASE, key });

  const draft = (teacher: string): CredentialDraft => ({
    issuer: { id: key.controller, name: 'Lakeside Unified School District' },
    achievement: {
      id: 'https://lakeside.example.org/achievements/wait-time',
      name: 'Wait Time',
      description: 'Uses purposeful wait time after questions.',
      criteria: { narrative: 'Classroom video, student work and a reflection scored Proficient or above.' },
      achievementType: 'MicroCredential',
    },
    recipient: { email: teacher },
  });
  const kept = await issueCredential(draft('maria.lopez@lakeside.example.org'), { key, status: registry });
  const revoked = await issueCredential(draft('sam.ortiz@lakeside.example.org'), { key, status: registry });
  await registry.revoke(revoked.id);
  console.log(`Issued ${kept.id} and ${revoked.id}; revoked the second.\n`);

  // Publish: the signed list credential(s) the platform serves at each list's URL.
  const lists = (await registry.publishAll()).map((list) => ({
    path: new URL(list.url).pathname,
    contentType: 'application/vc+ld+json',
    body: JSON.stringify(list.credential),
    cacheControl: 'max-age=300',
  }));
  const server = await serve(lists);

  // The state office's fetch: the district's public URLs, answered by the local server.
  const fetch = routeTo(server, new URL(PUBLIC_BASE).host);

  try {
    for (const credential of [kept, revoked]) {
      const report = await verifyCredential(credential, { fetch });
      console.log(`${formatReport(report)}\n`);
    }
  } finally {
    await close(server);
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
