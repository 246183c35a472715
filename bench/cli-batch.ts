/**
 * The obv3 command's batch issuance and folder verification, end to end (process start, roster,
 * status allocation, signing on worker threads, one fsync'd file per credential), next to the
 * library doing the signing or verifying alone in this process (issueCredentials /
 * verifyCredentials over the same drafts and files, nothing written): what the CLI's own work costs.
 *
 *   npm run build && npm run bench:cli      (BENCH_ROWS=5000 for a larger roster)
 *
 * Prints rows per second and the ratios. No thresholds: read, compare, record.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importKey, issueCredentials, readRoster, verifyCredentials } from '../src/index.js';

const rows = Number(process.env.BENCH_ROWS ?? 2000);
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist', 'cli.js');
const achievements = join(root, 'examples', 'assets', 'achievements.json');
const dir = mkdtempSync(join(tmpdir(), 'obv3-bench-cli-'));

/** Rows per second of `work`, printed; `work` may be synchronous (a child process) or not. */
async function timed(label: string, work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  const perSecond = rows / ((performance.now() - start) / 1000);
  console.log(`  ${label.padEnd(52)} ${perSecond.toFixed(0).padStart(7)} /s`);
  return perSecond;
}

async function main(): Promise<void> {
  const lines = ['name,email,achievement,credits,awardedDate'];
  for (let i = 0; i < rows; i++) lines.push(`T${i},t${i}@lakeside.example.org,${i % 2 ? 'questioning' : 'wait-time'},10,2026-05-01`);
  writeFileSync(join(dir, 'roster.csv'), `${lines.join('\n')}\n`);
  execFileSync(process.execPath, [bin, 'keygen', '--out', 'key.json'], { cwd: dir, stdio: 'ignore' });
  const issue = (out: string) => [bin, 'issue', '--roster', 'roster.csv', '--achievements', achievements, '--key', 'key.json', '--issuer-name', 'Lakeside USD',
    '--status-store', `${out}-status`, '--status-base', 'https://lakeside.example.org/status/', '--out', out];

  console.log(`${rows} roster rows, worker threads on all cores`);
  const cli = await timed('obv3 issue --roster (status, files, fsync)', () => {
    execFileSync(process.execPath, issue('issued'), { cwd: dir, stdio: 'ignore' });
  });
  const key = await importKey(readFileSync(join(dir, 'key.json'), 'utf8'));
  const roster = readRoster(readFileSync(join(dir, 'roster.csv')), { batchId: 'bench', achievements: JSON.parse(readFileSync(achievements, 'utf8')), issuer: { id: key.controller, name: 'Lakeside USD' } });
  const library = await timed('issueCredentials over the same drafts (no files)', async () => {
    for await (const _ of issueCredentials(roster.entries.map((e) => e.draft), { key, ordered: false })) void _;
  });
  const resume = await timed('obv3 issue re-run: all already issued', () => {
    execFileSync(process.execPath, issue('issued'), { cwd: dir, stdio: 'ignore' });
  });
  const files = readdirSync(join(dir, 'issued')).filter((f) => f.endsWith('.json')).map((f) => join(dir, 'issued', f));
  const verify = await timed('obv3 verify issued/ --accept-unavailable-status', () => {
    execFileSync(process.execPath, [bin, 'verify', 'issued', '--accept-unavailable-status'], { cwd: dir, stdio: 'ignore' });
  });
  const verifyLibrary = await timed('verifyCredentials over the same files', async () => {
    for await (const _ of verifyCredentials(files.map((f) => readFileSync(f)), { acceptUnavailableStatus: true, ordered: false })) void _;
  });
  console.log(`ratio issue=${(cli / library).toFixed(2)} verify=${(verify / verifyLibrary).toFixed(2)} resume=${(resume / library).toFixed(2)}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
