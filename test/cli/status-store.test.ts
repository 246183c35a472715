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

describe('the base URL and issuer a store was issued with', () => {
  it('publish defaults --base to the one obv3 issue recorded', async () => {
    const { code, stdout } = await cli(dir, 'status', 'publish', '--store', 'status', '--key', 'key.json', '--out', 'site');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^${BASE.replace(/[.]/g, '\\.')}\\S+ \\(revision \\d+\\) → site/`));
    const listId = readFileSync(join(dir, 'lee.json'), 'utf8').match(/"statusListCredential": "https:\/\/lakeside\.example\.org\/status\/([^"]+)"/)![1]!;
    expect(JSON.parse(readFileSync(join(dir, 'site', listId), 'utf8')).id).toBe(`${BASE}${listId}`);
  });

  it('publish refuses another --base: the credentials would not find those lists', async () => {
    const { code, stderr } = await cli(dir, 'status', 'publish', '--store', 'status', '--key', 'key.json', '--base', 'https://elsewhere.example/status/', '--out', 'site2');
    expect(code).toBe(64);
    expect(stderr).toContain(`point to lists under ${BASE}, not https://elsewhere.example/status/: give --base ${BASE}`);
    expect(existsSync(join(dir, 'site2'))).toBe(false);
  });

  it('publish refuses another issuer\'s key', async () => {
    expect((await cli(dir, 'keygen', '--out', 'other-key.json')).code).toBe(0);
    const { code, stderr } = await cli(dir, 'status', 'publish', '--store', 'status', '--key', 'other-key.json', '--out', 'site2');
    expect(code).toBe(64);
    expect(stderr).toMatch(/belong to did:key:\S+, but the key given is did:key:\S+'s: give did:key:\S+'s key file/);
    expect(existsSync(join(dir, 'site2'))).toBe(false);
  });

  it('issue refuses another --status-base or another key for the same store', async () => {
    const base = await issueOne('moved.json', '--status-store', 'status', '--status-base', 'https://elsewhere.example/status/');
    expect(base.code).toBe(64);
    expect(base.stderr).toContain(`give --status-base ${BASE}`);
    const key = await cli(dir, 'issue', '--draft', 'draft.json', '--key', 'other-key.json', '--issuer-name', 'Other', '--out', 'moved.json', '--status-store', 'status', '--status-base', BASE);
    expect(key.code).toBe(64);
    expect(key.stderr).toContain('belong to');
    expect(existsSync(join(dir, 'moved.json'))).toBe(false);
  });
});

describe('status show', () => {
  it('shows each entry and its state, as the registry\'s statusOf sees it', async () => {
    const { code, stdout } = await cli(dir, 'status', 'show', '--store', 'status', 'lee.json', 'urn:uuid:00000000-0000-4000-8000-000000000000');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^${revocable}: revocation list \\S+ index \\d+: clear\\n`));
    expect(stdout).toContain('urn:uuid:00000000-0000-4000-8000-000000000000: no status entry in this store\n');
  });
});
