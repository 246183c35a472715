/**
 * End to end, the BUILT binary (dist/cli.js) in a temporary folder, as a district and a state
 * office would run it: keygen (did:web) → did.json → batch issue from a roster with bad rows →
 * verify the folder offline (undecided) → revoke one → publish → verify again online, the site
 * served over HTTPS on 127.0.0.1 (--pin-host, --ca) → fetch-evidence → verify offline from the
 * bundle after the site is gone → bake → verify the images. And a batch killed mid-run resumes
 * without duplicates or broken files.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCredential } from '../../src/index.js';
import { makeCertificate, startServer, type TestServer } from '../net/tls-server.js';
import { fetchStub } from '../support/fetch-stub.js';
import { FIXTURES, tempDir } from './run.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(root, 'dist', 'cli.js');
const execFileAsync = promisify(execFile);

let dir: string;
let remove: () => Promise<void>;
let server: TestServer;
let host: string;

async function obv3(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [BIN, ...args], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout: string; stderr: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout, stderr: e.stderr };
  }
}

function roster(rows: number, bad = true): string {
  const lines = ['Name,Email,Achievement,Evidence,Result,Credits,Awarded Date'];
  for (let i = 0; i < rows; i++) lines.push(`Teacher ${i},teacher${i}@lakeside.example.org,${i % 2 ? 'questioning' : 'wait-time'},https://evidence.lakeside.example.org/${i},${i % 2 ? '' : 'Proficient'},${i % 2 ? 10 : 15},2026-05-01`);
  if (bad) lines.push('No One,,wait-time,,,15,2026-05-01', 'Typo,typo@lakeside.example.org,wait-tme,,,15,2026-05-01', 'Bad Credits,bc@lakeside.example.org,wait-time,,,fifteen,2026-05-01');
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  if (!existsSync(BIN)) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
  ({ dir, remove } = await tempDir('cli-e2e-'));
  const certificate = await makeCertificate(['lakeside.example.org']);
  writeFileSync(join(dir, 'ca.pem'), certificate.cert);
  // The district's web site: whatever is under site/ (did.json, status lists).
  server = await startServer(certificate, (request, response) => {
    const path = join(dir, 'site', ...new URL(request.url ?? '/', 'https://x').pathname.split('/').filter((s) => s && s !== '..'));
    if (!existsSync(path)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': path.endsWith('did.json') ? 'application/did+json' : 'application/vc+ld+json' });
    response.end(readFileSync(path));
  });
  host = `lakeside.example.org:${server.port}`;
  for (const art of ['badge.png', 'badge.svg']) copyFileSync(join(root, 'examples', 'assets', art), join(dir, art));
}, 120_000);

afterAll(async () => {
  await server?.close();
  await remove?.();
});

describe('the obv3 binary, end to end', () => {
  it('a district term and a state office, from keygen to verified images', async () => {
    expect((await obv3('keygen', '--did-web', host, '--out', 'key.json')).code).toBe(0);
    expect((await obv3('did-web', '--key', 'key.json', '--name', 'Lakeside USD', '--out', 'site')).code).toBe(0);
    writeFileSync(join(dir, 'roster.csv'), roster(200));
    const base = `https://${host}/status/`;
    const issued = await obv3('issue', '--roster', 'roster.csv', '--achievements', join(FIXTURES, 'achievements.json'), '--key', 'key.json',
      '--issuer-name', 'Lakeside USD', '--status-store', 'status', '--status-base', base, '--out', 'issued');
    expect(issued.code).toBe(1);
    expect(issued.stdout).toContain('203 rows. Issued 200, already issued 0, refused 3.');
    expect(issued.stdout).toMatch(/row 202: ROW_INVALID names no recipient/);
    expect(issued.stdout).toMatch(/row 203: ROW_INVALID names achievement "wait-tme"/);
    expect(issued.stdout).toMatch(/row 204: ROW_INVALID credits must be a number/);
    expect(issued.stderr).toContain('issuing: 200/200'); // plain lines, not a TTY

    const offline = await obv3('verify', 'issued');
    expect(offline.code).toBe(2);
    expect(offline.stdout).toContain('200 files: 0 verified, 0 failed, 200 undecided.');

    const summary = JSON.parse(readFileSync(join(dir, 'issued', '.obv3', 'summary.json'), 'utf8'));
    const revokedFile = join('issued', summary.issued[0].file);
    expect((await obv3('status', 'revoke', '--store', 'status', revokedFile)).code).toBe(0);
    expect((await obv3('status', 'publish', '--store', 'status', '--key', 'key.json', '--base', base, '--out', 'site/status')).code).toBe(0);

    const network = ['--allow-network', '--pin-host', 'lakeside.example.org=127.0.0.1', '--ca', 'ca.pem'];
    const online = await obv3('verify', 'issued', ...network, '--json');
    expect(online.code).toBe(1);
    const result = JSON.parse(online.stdout);
    expect(result.summary).toEqual({ files: 200, verified: 199, failed: 1, undecided: 0 });
    const failed = result.results.find((r: { outcome: string }) => r.outcome === 'failed');
    expect(failed.file).toBe(revokedFile);
    expect(failed.report.checks.find((c: { id: string }) => c.id === 'status').code).toBe('REVOKED');
    // Without the pin the guarded fetch never reaches a loopback server.
    const unpinned = await obv3('verify', revokedFile, '--allow-network', '--ca', 'ca.pem');
    expect(unpinned.code).toBe(2);

    const sample = [revokedFile, join('issued', summary.issued[1].file)];
    const recorded = await obv3('fetch-evidence', ...sample, '--out', 'evidence', '--pin-host', 'lakeside.example.org=127.0.0.1', '--ca', 'ca.pem');
    expect(recorded.code).toBe(1);
    expect(recorded.stderr).toMatch(/Recorded 2 documents in .*evidence\.json/);
    const bundle = JSON.parse(readFileSync(join(dir, 'evidence', 'evidence.json'), 'utf8'));
    expect(bundle.documents.map((d: { url: string }) => new URL(d.url).pathname).sort()).toEqual(['/.well-known/did.json', expect.stringMatching(/^\/status\//)]);
    await server.close();

    await sleep(1100); // so a fetch time taken now would differ from the recorded one
    const replay = await obv3('verify', ...sample, '--evidence', 'evidence', '--json');
    expect(replay.code).toBe(1);
    const replayed = JSON.parse(replay.stdout);
    expect(replayed.results.map((r: { outcome: string }) => r.outcome)).toEqual(['failed', 'verified']);
    const times = Object.fromEntries(bundle.documents.map((d: { url: string; fetchedAt: string }) => [d.url, d.fetchedAt]));
    for (const fetched of replayed.results[1].report.provenance.fetched) expect(fetched.fetchedAt).toBe(times[fetched.url]);

    expect((await obv3('bake', 'badge.png', revokedFile, '--out', 'images/revoked.png')).code).toBe(0);
    expect((await obv3('bake', 'badge.svg', sample[1]!, '--out', 'images/kept.svg')).code).toBe(0);
    const images = await obv3('verify', 'images', '--evidence', 'evidence');
    expect(images.code).toBe(1);
    expect(images.stdout).toMatch(/^VERIFIED +images\/kept\.svg /m);
    expect(images.stdout).toMatch(/^FAILED +images\/revoked\.png .*status REVOKED/m);
  }, 180_000);

  it('a batch killed mid-run resumes: every row issued once, no broken file', async () => {
    const rows = 1500;
    writeFileSync(join(dir, 'big.csv'), roster(rows, false));
    const args = [BIN, 'issue', '--roster', 'big.csv', '--achievements', join(FIXTURES, 'achievements.json'), '--key', 'key.json',
      '--issuer-name', 'Lakeside USD', '--status-store', 'big-status', '--status-base', 'https://lakeside.example.org/status/', '--out', 'big', '--workers', '1'];
    const credentialFiles = () => (existsSync(join(dir, 'big')) ? readdirSync(join(dir, 'big')).filter((f) => f.endsWith('.json') && !f.startsWith('.')) : []);
    const child = spawn(process.execPath, args, { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    while (credentialFiles().length < 100 && child.exitCode === null) await sleep(10);
    child.kill('SIGKILL');
    expect(await exited).toBeNull(); // killed, not finished
    const before = credentialFiles();
    expect(before.length).toBeGreaterThanOrEqual(100);
    expect(before.length).toBeLessThan(rows);
    for (const file of before) expect(JSON.parse(await readFile(join(dir, 'big', file), 'utf8')).proof).toHaveLength(1);
    const firstIds = new Map(await Promise.all(before.map(async (f) => [f, JSON.parse(await readFile(join(dir, 'big', f), 'utf8')).id] as const)));

    const resumed = await obv3(...args.slice(1));
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`${rows} rows. Issued ${rows - before.length}, already issued ${before.length}, refused 0.`);
    const after = readdirSync(join(dir, 'big')).filter((f) => !f.startsWith('.'));
    expect(after).toHaveLength(rows);
    const credentials = await Promise.all(after.map(async (f) => JSON.parse(await readFile(join(dir, 'big', f), 'utf8'))));
    expect(new Set(credentials.map((c) => c.id)).size).toBe(rows);
    const indices = credentials.map((c) => `${c.credentialStatus.statusListCredential}#${c.credentialStatus.statusListIndex}`);
    expect(new Set(indices).size).toBe(rows); // never two credentials on one status bit
    for (const [file, id] of firstIds) expect(JSON.parse(await readFile(join(dir, 'big', file), 'utf8')).id).toBe(id);
    const emails = new Set(credentials.map((c) => c.credentialSubject.identifier[0].identityHash));
    expect(emails.size).toBe(rows);
    const didJson = JSON.parse(readFileSync(join(dir, 'site', '.well-known', 'did.json'), 'utf8'));
    const { fetch } = fetchStub({ [`https://${host}/.well-known/did.json`]: didJson });
    for (const credential of [credentials[0], credentials.at(-1)]) {
      expect((await verifyCredential(credential, { fetch, acceptUnavailableStatus: true })).verified).toBe(true);
    }
  }, 180_000);
});
