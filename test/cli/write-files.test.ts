/** The CLI's atomic writes: a failed write is a plain message naming the file, and leaves no temporary file behind. */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/files.js';
import { CliError } from '../../src/cli/io.js';
import { FIXTURES, cli, tempDir } from './run.js';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir('cli-write-')));
afterAll(async () => remove());

const leftovers = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('.obv3-tmp-'));

describe('writeFileAtomic', () => {
  it('refuses a folder in the way with a CliError and removes its temporary file', async () => {
    const target = join(dir, 'taken');
    mkdirSync(target);
    const error = await writeFileAtomic(target, 'data').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toBe(`Cannot write ${target}: it is a directory.`);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses a path under a file with a CliError', async () => {
    writeFileSync(join(dir, 'plain'), 'x');
    const error = await writeFileAtomic(join(dir, 'plain', 'inside.json'), 'data').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toMatch(/^Cannot write .*inside\.json: /);
  });
});

describe('obv3 issue --out <an existing folder>', () => {
  it('exits 1 with "Cannot write", not "a bug in obv3", and leaves no temporary file', async () => {
    expect((await cli(dir, 'keygen', '--out', 'key.json')).code).toBe(0);
    writeFileSync(join(dir, 'draft.json'), JSON.stringify({
      achievement: JSON.parse(readFileSync(join(FIXTURES, 'achievements.json'), 'utf8'))['questioning'],
      recipient: { email: 'lee.chen@lakeside.example.org' },
    }));
    mkdirSync(join(dir, 'outdir'));
    const { code, stderr } = await cli(dir, 'issue', '--draft', 'draft.json', '--key', 'key.json', '--issuer-name', 'Lakeside USD', '--out', 'outdir');
    expect(code).toBe(1);
    expect(stderr).toBe(`obv3: Cannot write ${join(dir, 'outdir')}: it is a directory.\n`);
    expect(leftovers(dir)).toEqual([]);
  });
});
