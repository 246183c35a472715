/**
 * Every example script runs as a user would run it (`npm run …`, through tsx) and prints what its
 * story promises. The scripts talk only to 127.0.0.1 servers they start themselves.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);

async function runExample(file: string): Promise<string> {
  const { stdout } = await run(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'examples', file)], {
    cwd: root,
    timeout: 120_000,
  });
  return stdout;
}

describe('examples', () => {
  it('issue-micro-credential.ts (npm run example): issues Wait Time and verifies it offline', async () => {
    const out = await runExample('issue-micro-credential.ts');
    expect(out).toContain('VERIFIED: Wait Time');
    expect(out).not.toContain('NOT VERIFIED');
  });

  it('revoke-and-check.ts (npm run example:revoke): one credential verified, the revoked one REVOKED', async () => {
    const out = await runExample('revoke-and-check.ts');
    expect(out.match(/^VERIFIED: /gm)).toHaveLength(1);
    expect(out.match(/^NOT VERIFIED: /gm)).toHaveLength(1);
    expect(out).toMatch(/\[FAIL\] status +REVOKED: /);
  });

  it('teacher-leader-stack.ts (npm run example:stack): the revoked component is left out, the replacement completes the stack, the CLR verifies', async () => {
    const out = await runExample('teacher-leader-stack.ts');
    expect(out).toMatch(/^NOT YET COMPLETE: Teacher Leader/m);
    expect(out).toMatch(/left out #1 Checking for Understanding: REVOKED/);
    expect(out).toMatch(/^COMPLETE: Teacher Leader/m);
    expect(out).toMatch(/^VERIFIED: Maria Lopez: teacher-leader record/m);
    expect(out).toContain('All 13 embedded credentials are verified.');
    expect(out).toContain('stack award earned from its components: true');
  });

  it('state-agency-verify.ts (npm run example:state-agency): a registry-backed table of verdicts', async () => {
    const out = await runExample('state-agency-verify.ts');
    expect(out).toMatch(/Maria Lopez .*did:web:district\.example.*registry: Lakeside Unified School District +VERIFIED/);
    expect(out).toMatch(/Aisha Patel .*endorsed by State Department of Education +VERIFIED/);
    expect(out).toMatch(/Sam Rivera .*NOT VERIFIED \(trust: ISSUER_NOT_TRUSTED\)/);
    expect(out).toMatch(/Tom Baker .*NOT VERIFIED \(proof: PROOF_INVALID\)/);
  });

  it('bake-and-share.ts (npm run example:bake): JSON and VC-JWT badges verify from their PNG and SVG bytes; a presentation of both verifies, its replay does not', async () => {
    const out = await runExample('bake-and-share.ts');
    expect(out).toMatch(/wait-time\.png: a PNG image carrying a JSON credential/);
    expect(out).toMatch(/wait-time\.svg: an SVG image carrying a JSON credential/);
    expect(out).toMatch(/questioning\.png: a PNG image carrying a VC-JWT/);
    expect(out).toMatch(/questioning\.svg: an SVG image carrying a VC-JWT/);
    expect(out.match(/^report format: (png|svg)$/gm)).toEqual(['report format: png', 'report format: svg', 'report format: png', 'report format: svg']);
    expect(out.match(/^VERIFIED: Wait Time$/gm)).toHaveLength(2);
    expect(out.match(/^VERIFIED: Questioning Techniques$/gm)).toHaveLength(2);
    expect(out).toMatch(/\[ok {2}\] parse +Read from the iTXt chunk "openbadgecredential" of this PNG image/);
    expect(out).toMatch(/\[ok {2}\] proof +JWT signature \(RS256\) valid with lakeside-badges-2026, published by https:\/\/badges\.lakeside\.example\.org \(in its JWK Set/);
    expect(out).toMatch(/^ {2}https:\/\/badges\.lakeside\.example\.org\/\.well-known\/jwks\.json 200 sha256 [0-9a-f]{64}$/m);
    expect(out).toContain('A forged copy of the PNG: not verified; proof PROOF_INVALID');
    expect(out).toMatch(/^VERIFIED: presentation of 2 credentials by did:key:z6Mk/m);
    for (const id of ['proof', 'challenge', 'domain', 'credentials', 'holder']) expect(out).toMatch(new RegExp(`^ {2}\\[ok {2}\\] ${id} `, 'm'));
    expect(out).toMatch(/^credential #0 \(json\):\n {2}VERIFIED: Wait Time$/m);
    expect(out).toMatch(/^credential #1 \(jwt\):\n {2}VERIFIED: Questioning Techniques$/m);
    expect(out).toContain('The same presentation replayed for another request: not verified; challenge CHALLENGE_MISMATCH');
    expect(out).not.toContain('this is a bug');
  });

  it('evidence-bundle.ts (npm run example:evidence): the same verdicts offline from the filed bundle, at the recorded fetch time', async () => {
    const out = await runExample('evidence-bundle.ts');
    const fetchedAt = /fetched at (\S+)\.$/m.exec(out)?.[1];
    expect(fetchedAt).toBeDefined();
    expect(out.match(/^online: VERIFIED .* status passed/gm)).toHaveLength(1);
    expect(out.match(/^online: NOT VERIFIED .* status REVOKED/gm)).toHaveLength(1);
    expect(out.match(new RegExp(`^from the bundle: VERIFIED .* status passed, list fetched at ${fetchedAt}$`, 'gm'))).toHaveLength(1);
    expect(out.match(new RegExp(`^from the bundle: NOT VERIFIED .* status REVOKED, list fetched at ${fetchedAt}$`, 'gm'))).toHaveLength(1);
    expect(out).toContain('An edited bundle is refused: EVIDENCE_INVALID');
  });

  it('cli-district-term.ts (npm run example:cli): the obv3 command over the sample roster', async () => {
    const out = await runExample('cli-district-term.ts');
    expect(out).toContain('9 rows. Issued 4, already issued 0, refused 5.');
    expect(out).toContain('9 rows. Issued 0, already issued 4, refused 5.');
    expect(out).toMatch(/row 6: ROW_INVALID names no recipient/);
    expect(out).toContain('4 files: 0 verified, 0 failed, 4 undecided.');
    expect(out).toMatch(/: revoked\n/);
    expect(out).toMatch(/\(revision 1\) → public_html\/status\//);
    expect(out).toMatch(/^UNDECIDED +badge-baked\.png /m);
  });
});
