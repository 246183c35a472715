/**
 * The worker-thread batch APIs work from the published package: the packed tarball, unpacked as a
 * consumer's node_modules/obv3, issues and verifies a batch on two workers from CommonJS and ESM
 * (the pool must find dist/batch-worker.cjs or .js next to the entry it was loaded from).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const consumer = join(root, '.obv3-tmp', 'batch-consumer');
const installed = join(consumer, 'node_modules', 'obv3');

const batch = `
  const key = await obv3.generateKey();
  const drafts = Array.from({ length: 20 }, (_, i) => ({
    issuer: { id: key.controller, name: 'District' },
    achievement: { id: 'https://district.example/a/' + i, name: 'Wait Time', description: 'd', criteria: { narrative: 'n' } },
    recipient: { email: 'teacher' + i + '@example.org' },
  }));
  const credentials = [];
  for await (const r of obv3.issueCredentials(drafts, { key, workers: 2 })) credentials.push(r.credential);
  const verified = [];
  for await (const r of obv3.verifyCredentials(credentials, { workers: 2, ordered: false })) verified.push([r.index, r.report.verified]);
  console.log(JSON.stringify({ issued: credentials.filter(Boolean).length, verified: verified.filter(([, v]) => v).length, indexes: verified.map(([i]) => i).sort((a, b) => a - b) }));
`;

function node(args: string[]): { issued: number; verified: number; indexes: number[] } {
  const out = execFileSync(process.execPath, args, { cwd: consumer, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}');
}

describe('the batch APIs in the packed package', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'batch-worker.js'))) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
    rmSync(consumer, { recursive: true, force: true });
    mkdirSync(installed, { recursive: true });
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', consumer], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
    execFileSync('tar', ['-xzf', join(consumer, tarball), '-C', installed, '--strip-components=1']);
  }, 120_000);

  const expected = { issued: 20, verified: 20, indexes: Array.from({ length: 20 }, (_, i) => i) };

  it('from CommonJS (require)', () => {
    expect(node(['-e', `const obv3 = require('obv3'); (async () => { ${batch} })().catch((e) => { console.error(e); process.exit(1); });`])).toEqual(expected);
  });

  it('from ESM (import)', () => {
    expect(node(['--input-type=module', '-e', `import * as obv3 from 'obv3'; ${batch}`])).toEqual(expected);
  });
});
