/** What the library refuses reaches the user once, as one line: "Errors are one line" (README). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, cli, tempDir } from './run.js';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove } = await tempDir('cli-errors-'));
  expect((await cli(dir, 'keygen', '--out', 'key.json')).code).toBe(0);
});
afterAll(async () => remove());

describe('library errors in the CLI', () => {
  it('a draft the library refuses: its message once, not followed by its problems again', async () => {
    writeFileSync(join(dir, 'draft.json'), JSON.stringify({ achievement: { id: 'https://lakeside.example.org/a/1', name: 'Wait time', description: 'd' }, recipient: { email: 'lee@lakeside.example.org' } }));
    const { code, stderr } = await cli(dir, 'issue', '--draft', 'draft.json', '--key', 'key.json', '--issuer-name', 'Lakeside USD');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^obv3: .*criteria/);
    expect(stderr.match(/achievement\.criteria is missing/g)).toHaveLength(1);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('a roster that cannot be read at all: exit 1 and the reason', async () => {
    writeFileSync(join(dir, 'empty.csv'), '');
    const { code, stderr } = await cli(dir, 'issue', '--roster', 'empty.csv', '--achievements', join(FIXTURES, 'achievements.json'), '--key', 'key.json', '--issuer-name', 'Lakeside USD', '--out', 'out');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^obv3: The roster is empty: its first line must be a header/);
  });
});
