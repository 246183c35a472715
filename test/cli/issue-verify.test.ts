/**
 * The CLI in this process, over one district's term: a roster batch (with bad rows) issued,
 * resumed and repaired, verified offline (undecided), revoked, published, verified again from an
 * evidence bundle of the published list, baked and verified as images.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceRecorder, unbake, verifyCredential } from '../../src/index.js';
import { servingFetch } from '../support/status-issuer.js';
import { FIXTURES, cli, tempDir } from './run.js';

const ASSETS = fileURLToPath(new URL('../../examples/assets/', import.meta.url));
const BASE = 'https://lakeside.example.org/status/';
let dir: string;
let remove: () => Promise<void>;

const issueArgs = (out: string, ...more: string[]) => [
  'issue', '--roster', join(FIXTURES, 'roster.csv'), '--achievements', join(FIXTURES, 'achievements.json'),
  '--key', 'key.json', '--issuer-name', 'Lakeside USD', '--status-store', 'status', '--status-base', BASE, '--out', out, ...more,
];
const credentialFiles = (out: string) => readdirSync(join(dir, out)).filter((f) => !f.startsWith('.')).sort();
const read = (...parts: string[]) => JSON.parse(readFileSync(join(dir, ...parts), 'utf8'));
interface Row { row: number; file: string; credentialId: string }
/** Every row of the batch that has a credential, issued by this run or an earlier one, by row. */
const issuedRows = (): Row[] => {
  const summary = read('issued', '.obv3', 'summary.json');
  return [...summary.issued, ...summary.alreadyIssued].sort((a: Row, b: Row) => a.row - b.row);
};

beforeAll(async () => {
  ({ dir, remove } = await tempDir('cli-issue-'));
  expect((await cli(dir, 'keygen', '--out', 'key.json')).code).toBe(0);
  for (const art of readdirSync(ASSETS)) copyFileSync(join(ASSETS, art), join(dir, art));
});
afterAll(async () => remove());

describe('obv3 issue --roster', () => {
  it('issues the good rows, lists the bad ones by row number and exits 1', async () => {
    const { code, stdout } = await cli(dir, ...issueArgs('issued', '--workers', '1'));
    expect(code).toBe(1);
    expect(stdout).toContain('9 rows. Issued 4, already issued 0, refused 5.');
    expect(stdout).toMatch(/row 6: ROW_INVALID names no recipient/);
    expect(stdout).toMatch(/row 10: ROW_DUPLICATE/);
    expect(credentialFiles('issued')).toHaveLength(4);
    const summary = read('issued', '.obv3', 'summary.json');
    expect(summary.issued.map((r: { row: number }) => r.row)).toEqual([2, 3, 4, 5]);
    expect(summary.problems.map((p: { row: number }) => p.row)).toEqual([6, 7, 8, 9, 10]);
    const maria = read('issued', summary.issued[0].file);
    expect(maria.id).toBe(summary.issued[0].credentialId);
    expect(maria.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListCredential: expect.stringMatching(/^https:\/\/lakeside\.example\.org\/status\//) });
  });

  it('a re-run issues only what is missing: same ids, same status entries, a broken file replaced', async () => {
    const summary = read('issued', '.obv3', 'summary.json');
    const victim = summary.issued[1].file;
    const original = read('issued', victim);
    writeFileSync(join(dir, 'issued', victim), '{"id": "half-writ');
    writeFileSync(join(dir, 'issued', '.obv3-tmp-leftover.json-abc'), 'partial');
    const { stdout } = await cli(dir, ...issueArgs('issued'));
    expect(stdout).toContain('Issued 1, already issued 3, refused 5.');
    expect(credentialFiles('issued')).toHaveLength(4);
    expect(readdirSync(join(dir, 'issued')).filter((f) => f.startsWith('.obv3-tmp'))).toEqual([]);
    const replaced = read('issued', victim);
    expect(replaced.id).toBe(original.id);
    expect(replaced.credentialStatus).toEqual(original.credentialStatus);
    expect(await cli(dir, ...issueArgs('issued', '--batch-id', 'other'))).toMatchObject({ code: 64, stderr: expect.stringContaining('holds batch') });
  });

  it('writes baked PNG badges with --bake that verify as images', async () => {
    const { code } = await cli(dir, ...issueArgs('baked', '--bake', 'badge.png'));
    expect(code).toBe(1);
    const files = credentialFiles('baked');
    expect(files).toHaveLength(4);
    expect(files.every((f) => f.endsWith('.png'))).toBe(true);
    const found = unbake(readFileSync(join(dir, 'baked', files[0]!)));
    expect(found.kind === 'json' && found.credential.proof).toBeTruthy();
  });
});

describe('obv3 verify, status, evidence and baking', () => {
  it('offline, credentials with status entries are undecided: exit 2', async () => {
    const { code, stdout } = await cli(dir, 'verify', 'issued');
    expect(code).toBe(2);
    expect(stdout.match(/^UNDECIDED /gm)).toHaveLength(4);
    expect(stdout).toContain('status STATUS_UNAVAILABLE');
    expect(stdout).toContain('4 files: 0 verified, 0 failed, 4 undecided.');
    const json = await cli(dir, 'verify', 'issued', '--json');
    const parsed = JSON.parse(json.stdout);
    expect(parsed.summary).toEqual({ files: 4, verified: 0, failed: 0, undecided: 4 });
    expect(parsed.results[0].report.checks).toHaveLength(13);
  });

  it('revokes one, publishes the lists, and from an evidence bundle of them verifies the rest (exit 1)', async () => {
    const rows = issuedRows();
    const revokedFile = join('issued', rows[0]!.file);
    const revoked = await cli(dir, 'status', 'revoke', '--store', 'status', revokedFile);
    expect(revoked).toMatchObject({ code: 0, stdout: `${rows[0]!.credentialId}: revoked\n` });
    expect((await cli(dir, 'status', 'revoke', '--store', 'status', rows[0]!.credentialId)).stdout).toContain('already revoked');
    expect((await cli(dir, 'status', 'show', '--store', 'status', revokedFile)).stdout).toMatch(/revocation list \S+ index \d+: REVOKED/);
    const published = await cli(dir, 'status', 'publish', '--store', 'status', '--key', 'key.json', '--base', BASE, '--out', 'site/status');
    expect(published.code).toBe(0);
    const listIds = readdirSync(join(dir, 'site', 'status'));
    expect(listIds).toHaveLength(1);

    const lists = new Map(listIds.map((id) => [`${BASE}${id}`, read('site', 'status', id)]));
    const recorder = createEvidenceRecorder(servingFetch(lists).fetch);
    await verifyCredential(read('issued', rows[1]!.file), { fetch: recorder.fetch });
    writeFileSync(join(dir, 'evidence.json'), JSON.stringify(recorder.bundle()));

    const { code, stdout } = await cli(dir, 'verify', 'issued', '--evidence', 'evidence.json');
    expect(code).toBe(1);
    expect(stdout.match(/^VERIFIED /gm)).toHaveLength(3);
    expect(stdout).toMatch(new RegExp(`^FAILED +${revokedFile.replace(/[.]/g, '\\.')} .*status REVOKED`, 'm'));
    expect(stdout).toContain('4 files: 3 verified, 1 failed, 0 undecided.');
  });

  it('bakes a credential into PNG and SVG, unbakes it, and verifies the images', async () => {
    const file = join('issued', issuedRows()[1]!.file);
    expect((await cli(dir, 'bake', 'badge.png', file, '--out', 'out/maria.png')).code).toBe(0);
    expect((await cli(dir, 'bake', 'badge.svg', file, '--out', 'out/maria.svg')).code).toBe(0);
    const unbaked = await cli(dir, 'unbake', 'out/maria.svg');
    expect(JSON.parse(unbaked.stdout)).toEqual(read(file));
    const { code, stdout } = await cli(dir, 'verify', 'out', '--evidence', 'evidence.json');
    expect(code).toBe(0);
    expect(stdout.match(/^VERIFIED +out\/maria\.(png|svg) /gm)).toHaveLength(2);
  });

  it('reads JWT files in folders (and skips other files and hidden entries)', async () => {
    const mixed = join(dir, 'mixed');
    mkdirSync(join(mixed, '.hidden'), { recursive: true });
    writeFileSync(join(mixed, 'badge.jwt'), 'eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln\n');
    writeFileSync(join(mixed, 'notes.txt'), 'not a credential');
    writeFileSync(join(mixed, '.hidden', 'x.json'), '{}');
    const { stdout } = await cli(dir, 'verify', 'mixed', '--json');
    const { summary, results } = JSON.parse(stdout);
    expect(summary.files).toBe(1);
    expect(results[0]).toMatchObject({ file: join('mixed', 'badge.jwt'), report: { format: 'jwt' } });
  });

  it('issues one credential from a draft, with or without a status entry', async () => {
    writeFileSync(join(dir, 'draft.json'), JSON.stringify({
      achievement: JSON.parse(readFileSync(join(FIXTURES, 'achievements.json'), 'utf8'))['questioning'],
      recipient: { email: 'lee.chen@lakeside.example.org' },
      creditsEarned: 10,
    }));
    const printed = await cli(dir, 'issue', '--draft', 'draft.json', '--key', 'key.json', '--issuer-name', 'Lakeside USD');
    expect(printed.code).toBe(0);
    const credential = JSON.parse(printed.stdout);
    expect((await verifyCredential(credential)).verified).toBe(true);
    const baked = await cli(dir, 'issue', '--draft', 'draft.json', '--key', 'key.json', '--issuer-name', 'Lakeside USD', '--bake', 'badge.svg', '--out', 'lee.svg', '--status-store', 'status', '--status-base', BASE);
    expect(baked.code).toBe(0);
    const found = unbake(readFileSync(join(dir, 'lee.svg')));
    expect(found.kind === 'json' && found.credential.credentialStatus).toMatchObject({ statusListCredential: expect.stringContaining(BASE) });
  });
});
