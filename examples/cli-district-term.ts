/**
 * A district administrator's term with the obv3 command, offline, as a user types it.
 *
 *   npm run example:cli
 *
 * Runs the built binary (dist/cli.js, built first if missing) in examples/out/cli/: keygen, a
 * batch from the sample roster (examples/assets/roster.csv, with bad rows), the same command again
 * (nothing is issued twice), verify (undecided offline: the status list is not at hand), revoke,
 * publish the status list, bake a badge, unbake it, and verify the image.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'dist', 'cli.js');
const work = join(root, 'examples', 'out', 'cli');
// As the user types them: relative to the working folder examples/out/cli/.
const assets = '../../assets';

function obv3(...args: string[]): string {
  console.log(`$ obv3 ${args.map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`.trimEnd();
  if (output) console.log(output);
  console.log(`(exit ${run.status})\n`);
  return run.stdout;
}

if (!existsSync(bin)) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const base = 'https://lakeside.example.org/status/';
const issue = ['issue', '--roster', join(assets, 'roster.csv'), '--achievements', join(assets, 'achievements.json'), '--key', 'district-key.json',
  '--issuer-name', 'Lakeside Unified School District', '--status-store', 'status', '--status-base', base, '--out', 'issued'];

obv3('keygen', '--out', 'district-key.json');
obv3(...issue);
obv3(...issue);
obv3('verify', 'issued');
const first = readdirSync(join(work, 'issued')).filter((f) => f.endsWith('.json')).sort()[0]!;
obv3('status', 'revoke', '--store', 'status', `issued/${first}`);
obv3('status', 'publish', '--store', 'status', '--key', 'district-key.json', '--base', base, '--out', 'public_html/status');
obv3('bake', join(assets, 'badge.png'), `issued/${first}`, '--out', 'badge-baked.png');
obv3('unbake', 'badge-baked.png', '--out', 'unbaked.json');
obv3('verify', 'badge-baked.png');
