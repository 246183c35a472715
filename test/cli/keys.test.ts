/** obv3 keygen and did-web: keys on disk owner-only, the private part never printed unless asked. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportKey, generateKey, importKey, resolveDidKey } from '../../src/index.js';
import { cli, tempDir } from './run.js';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir('cli-keys-')));
afterAll(async () => remove());

describe('obv3 keygen', () => {
  it('writes a did:key key file with mode 0600 and prints only public facts', async () => {
    const { code, stdout, stderr } = await cli(dir, 'keygen', '--out', 'key.json');
    expect(code).toBe(0);
    const saved = JSON.parse(readFileSync(join(dir, 'key.json'), 'utf8'));
    expect(statSync(join(dir, 'key.json')).mode & 0o777).toBe(0o600);
    expect(saved.secretKeyMultibase).toMatch(/^z/);
    expect(stdout + stderr).not.toContain(saved.secretKeyMultibase);
    const key = await importKey(readFileSync(join(dir, 'key.json'), 'utf8'));
    expect(stdout).toContain(`controller: ${key.controller}`);
    expect(resolveDidKey(key.controller).verificationMethod.publicKeyMultibase).toBe(key.publicKeyMultibase);
  });

  it('never replaces a key unless --force, and prints the private part only with --print-private-key', async () => {
    const before = readFileSync(join(dir, 'key.json'), 'utf8');
    const again = await cli(dir, 'keygen', '--out', 'key.json');
    expect(again.code).toBe(64);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(join(dir, 'key.json'), 'utf8')).toBe(before);
    const printed = await cli(dir, 'keygen', '--print-private-key');
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout).secretKeyMultibase).toMatch(/^z/);
    const forced = await cli(dir, 'keygen', '--out', 'key.json', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'key.json'), 'utf8')).not.toBe(before);
  });

  it('makes a did:web key for a domain, and did-web prints its public DID document', async () => {
    const made = await cli(dir, 'keygen', '--did-web', 'lakeside.example.org:8443', '--out', 'web-key.json');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('controller: did:web:lakeside.example.org%3A8443');
    expect(made.stdout).toContain('https://lakeside.example.org:8443/.well-known/did.json');
    const doc = await cli(dir, 'did-web', '--key', 'web-key.json', '--name', 'Lakeside USD');
    expect(doc.code).toBe(0);
    const did = JSON.parse(doc.stdout);
    const key = JSON.parse(readFileSync(join(dir, 'web-key.json'), 'utf8'));
    expect(did.id).toBe('did:web:lakeside.example.org%3A8443');
    expect(did.assertionMethod).toEqual([key.id]);
    expect(doc.stdout).not.toContain(key.secretKeyMultibase);
    const written = await cli(dir, 'did-web', '--key', 'web-key.json', '--out', 'site');
    expect(written.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'site', '.well-known', 'did.json'), 'utf8'))).toEqual(did);
  });

  it('refuses did-web for a did:key, and a bad domain, with usage errors', async () => {
    expect(await cli(dir, 'did-web', '--key', 'key.json')).toMatchObject({ code: 64, stderr: expect.stringContaining('only a did:web issuer publishes') });
    expect(await cli(dir, 'keygen', '--did-web', '10.0.0.1', '--out', 'x.json')).toMatchObject({ code: 64, stderr: expect.stringContaining('IP address') });
  });

  it('never echoes a damaged key file', async () => {
    const secret = 'zSECRETSECRETSECRET';
    writeFileSync(join(dir, 'broken.json'), `{"secretKeyMultibase": "${secret}", oops}`);
    const result = await cli(dir, 'did-web', '--key', 'broken.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not valid JSON');
    expect(result.stderr).not.toContain(secret);
  });

  it('refuses an RSA or P-256 key file (VC-JWT keys), which cannot sign embedded proofs', async () => {
    const rsa = await generateKey({ algorithm: 'RS256' });
    const jwk = exportKey(rsa, { includePrivate: true });
    writeFileSync(join(dir, 'rsa.json'), JSON.stringify(jwk), { mode: 0o600 });
    const result = await cli(dir, 'did-web', '--key', 'rsa.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('RSA key (RS256), which signs VC-JWTs only');
    expect(result.stderr).toContain('need an Ed25519 key');
    expect(result.stderr).not.toContain(jwk.d!);
  });
});
