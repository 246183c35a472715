/**
 * `npx obv3 …` works from the packed package: the tarball unpacked as a consumer's
 * node_modules/obv3 with the bin link npm would make, run through npx without any download.
 * Dependencies resolve from the repository's node_modules, as in consumers.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const consumer = join(root, '.obv3-tmp', 'cli-consumer');
const installed = join(consumer, 'node_modules', 'obv3');

function npx(...args: string[]): string {
  return execFileSync('npx', ['--offline', '--no-install', ...args], { cwd: consumer, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
}

describe('npx obv3 from the packed package', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'cli.js'))) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
    rmSync(consumer, { recursive: true, force: true });
    mkdirSync(installed, { recursive: true });
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, dependencies: { obv3: '*' } }));
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', consumer], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
    execFileSync('tar', ['-xzf', join(consumer, tarball), '-C', installed, '--strip-components=1']);
    const bin = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).bin.obv3 as string;
    mkdirSync(join(consumer, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(join('..', 'obv3', bin), join(consumer, 'node_modules', '.bin', 'obv3'));
  }, 120_000);

  it('ships an executable ESM bin with a shebang', () => {
    const cli = join(installed, 'dist', 'cli.js');
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(cli).mode & 0o111).not.toBe(0);
  });

  it('runs: version, keygen, issue and verify', () => {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
    expect(npx('obv3', '--version').trim()).toBe(version);
    npx('obv3', 'keygen', '--out', 'key.json');
    writeFileSync(join(consumer, 'draft.json'), JSON.stringify({
      achievement: { id: 'https://district.example/a/1', name: 'Wait Time', description: 'd', criteria: { narrative: 'n' } },
      recipient: { email: 'teacher@example.org' },
    }));
    npx('obv3', 'issue', '--draft', 'draft.json', '--key', 'key.json', '--issuer-name', 'District', '--out', 'badge.json');
    expect(npx('obv3', 'verify', 'badge.json')).toMatch(/^VERIFIED +badge\.json +Wait Time/m);
  });
});
