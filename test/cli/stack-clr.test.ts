/** obv3 stack progress|award and obv3 clr over files, with the library as the independent check. */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportKey, generateKey, verifyCredential, verifyStackAward } from '../../src/index.js';
import { CORE, DISTRICT, ELECTIVES, NOW, TEACHER, completeSet, makeIssuers } from '../support/stacks.js';
import { cli, tempDir } from './run.js';

let dir: string;
let remove: () => Promise<void>;
let files: string[];
let credentials: object[];

beforeAll(async () => {
  ({ dir, remove } = await tempDir('cli-stack-'));
  credentials = await completeSet(await makeIssuers());
  files = credentials.map((c, i) => {
    writeFileSync(join(dir, `c${i}.json`), JSON.stringify(c));
    return `c${i}.json`;
  });
  const stack = {
    achievement: { id: `${DISTRICT}teacher-leader`, name: 'Teacher Leader', description: 'Leads instructional improvement.', achievementType: 'Certificate', criteria: { narrative: 'Core Three and two electives, 75 credits.' }, creditsAvailable: 90 },
    components: [...CORE, ...ELECTIVES],
    rule: { required: CORE.map((c) => c.id), electives: [{ name: 'Leadership', from: ELECTIVES.map((c) => c.id), atLeast: 2 }], minimumCredits: 75 },
  };
  writeFileSync(join(dir, 'stack.json'), JSON.stringify(stack));
  const key = await generateKey();
  writeFileSync(join(dir, 'key.json'), JSON.stringify(exportKey(key, { includePrivate: true })), { mode: 0o600 });
});
afterAll(async () => remove());

describe('obv3 stack and clr', () => {
  it('progress: not complete without an elective (exit 1), complete with all (exit 0)', async () => {
    const some = await cli(dir, 'stack', 'progress', '--stack', 'stack.json', '--recipient', TEACHER, '--now', NOW.toISOString(), ...files.slice(0, 4));
    expect(some.code).toBe(1);
    expect(some.stdout).toMatch(/^NOT YET COMPLETE: Teacher Leader/m);
    const all = await cli(dir, 'stack', 'progress', '--stack', 'stack.json', '--recipient', TEACHER, '--now', NOW.toISOString(), '--json', ...files);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout).complete).toBe(true);
  });

  it('award: issues the stack credential only when complete; it verifies against its components', async () => {
    const refused = await cli(dir, 'stack', 'award', '--stack', 'stack.json', '--recipient', TEACHER, '--key', 'key.json', '--issuer-name', 'Lakeside USD', '--out', 'award.json', ...files.slice(0, 4));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^obv3: .*/);
    const { code } = await cli(dir, 'stack', 'award', '--stack', 'stack.json', '--recipient', TEACHER, '--key', 'key.json', '--issuer-name', 'Lakeside USD', '--out', 'award.json', ...files);
    expect(code).toBe(0);
    const award = JSON.parse(readFileSync(join(dir, 'award.json'), 'utf8'));
    const checked = await verifyStackAward(award, credentials, { recipient: TEACHER });
    expect(checked.verified).toBe(true);
  });

  it('clr: a signed CLR embedding the credentials, each verified', async () => {
    const { code, stdout } = await cli(dir, 'clr', '--learner', TEACHER, '--name', 'Maria Lopez: record', '--key', 'key.json', '--issuer-name', 'Lakeside USD', '--stack', 'stack.json', '--out', 'clr.json', ...files);
    expect(code).toBe(0);
    expect(stdout).toContain('with 5 credentials');
    const report = await verifyCredential(readFileSync(join(dir, 'clr.json')));
    expect(report.verified).toBe(true);
    expect(report.embeddedCredentials).toHaveLength(5);
    const verify = await cli(dir, 'verify', 'clr.json');
    expect(verify.code).toBe(0);
  });

  it('takes folders of credentials, as its --help example does (stack progress … maria/, clr … maria/)', async () => {
    mkdirSync(join(dir, 'maria', 'electives'), { recursive: true });
    files.forEach((file, i) => copyFileSync(join(dir, file), join(dir, 'maria', ...(i >= 3 ? ['electives'] : []), file)));
    const progress = await cli(dir, 'stack', 'progress', '--stack', 'stack.json', '--recipient', TEACHER, '--now', NOW.toISOString(), '--json', 'maria/');
    expect(progress.code).toBe(0);
    expect(JSON.parse(progress.stdout).complete).toBe(true);
    const award = await cli(dir, 'stack', 'award', '--stack', 'stack.json', '--recipient', TEACHER, '--key', 'key.json', '--issuer-name', 'Lakeside USD', '--out', 'award-from-folder.json', 'maria');
    expect(award.code).toBe(0);
    const clr = await cli(dir, 'clr', '--learner', TEACHER, '--name', 'Maria Lopez: record', '--key', 'key.json', '--issuer-name', 'Lakeside USD', '--out', 'clr-from-folder.json', 'maria/');
    expect(clr).toMatchObject({ code: 0, stdout: expect.stringContaining('with 5 credentials') });
    mkdirSync(join(dir, 'empty'));
    expect(await cli(dir, 'clr', '--learner', TEACHER, '--name', 'N', '--key', 'key.json', '--issuer-name', 'L', '--out', 'x.json', 'empty')).toMatchObject({ code: 64, stderr: expect.stringContaining('No credential files') });
  });
});
