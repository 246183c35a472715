/**
 * obv3 status over a store made by obv3 issue: a mistyped --store or --status-base never creates
 * a store, and the messages say what to give instead.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, cli, tempDir } from './run.js';

const BASE = 'https://lakeside.example.org/status/';
let dir: string;
let remove: () => Promise<void>;
/** The id of a credential issued with a revocation entry only. */
let revocable: string;

const issueOne = async (out: string, ...more: string[]) =>
  cli(dir, 'issue', '--draft', 'draft.json', '--key', 'key.json', '--issuer-name', 'Lakeside USD', '--out', out, ...more);

beforeAll(async () => {
  ({ dir, remove } = await tempDir('cli-status-'));
  expect((await cli(dir, 'keygen', '--out', 'key.json')).code).toBe(0);
  writeFileSync(join(dir, 'draft.json'), JSON.stringify({
    achievement: JSON.parse(readFileSync(join(FIXTURES, 'achievements.json'), 'utf8'))['questioning'],
    recipient: { email: 'lee.chen@lakeside.example.org' },
  }));
  expect((await issueOne('lee.json', '--status-store', 'status', '--status-base', BASE)).code).toBe(0);
  revocable = JSON.parse(readFileSync(join(dir, 'lee.json'), 'utf8')).id;
});
afterAll(async () => remove());

describe('a store that is not there', () => {
  it.each([
    ['revoke'], ['suspend'], ['reinstate'], ['show'],
  ])('status %s --store <typo> exits 1 and creates nothing', async (sub) => {
    const { code, stderr } = await cli(dir, 'status', sub, '--store', 'statsu', revocable);
    expect(code).toBe(1);
    expect(stderr).toBe('obv3: No status store at statsu: give the folder you passed to obv3 issue --status-store.\n');
    expect(existsSync(join(dir, 'statsu'))).toBe(false);
  });

  it('status publish --store <typo> exits 1 and creates nothing', async () => {
    const { code, stderr } = await cli(dir, 'status', 'publish', '--store', 'statsu', '--key', 'key.json', '--base', BASE, '--out', 'site');
    expect(code).toBe(1);
    expect(stderr).toContain('No status store at statsu');
    expect(existsSync(join(dir, 'statsu'))).toBe(false);
  });

  it('issue with a bad --status-base is refused before a store is created', async () => {
    const { code, stderr } = await issueOne('other.json', '--status-store', 'new-status', '--status-base', 'http://lakeside.example.org/status/');
    expect(code).toBe(64);
    expect(stderr).toContain('--status-base must be an HTTPS URL');
    expect(existsSync(join(dir, 'new-status'))).toBe(false);
    expect(existsSync(join(dir, 'other.json'))).toBe(false);
  });
});

describe('changing a status the credential has no entry for', () => {
  it('suspend on a revocation-only credential says how it should have been issued', async () => {
    const { code, stderr } = await cli(dir, 'status', 'suspend', '--store', 'status', 'lee.json');
    expect(code).toBe(1);
    expect(stderr).toBe(`obv3: ${revocable}: issued without a suspension entry: issue with --status-purpose suspension (or both).\n`);
  });

  it('a credential this store never saw is named as such', async () => {
    const { code, stderr } = await cli(dir, 'status', 'revoke', '--store', 'status', 'urn:uuid:00000000-0000-4000-8000-000000000000');
    expect(code).toBe(1);
    expect(stderr).toContain('no status entry in this store');
  });
});
