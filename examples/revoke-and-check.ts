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
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  type FetchFunction,
} from '../src/index.js';

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
  const lists = new Map((await registry.publishAll()).map((list) => [list.url, JSON.stringify(list.credential)]));
  const server = createServer((request, response) => {
    const body = lists.get(new URL(request.url ?? '/', PUBLIC_BASE).href);
    response.writeHead(body ? 200 : 404, { 'content-type': 'application/vc+ld+json', 'cache-control': 'max-age=300' });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  // The state office's fetch: the district's public URLs, answered by the local server.
  const fetch: FetchFunction = (url, init) => {
    if (!url.startsWith(PUBLIC_BASE)) return Promise.resolve(new Response('not found', { status: 404 }));
    return globalThis.fetch(`http://127.0.0.1:${port}/status/${url.slice(PUBLIC_BASE.length)}`, init);
  };

  try {
    for (const credential of [kept, revoked]) {
      const report = await verifyCredential(credential, { fetch });
      console.log(`${formatReport(report)}\n`);
    }
  } finally {
    server.close();
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
