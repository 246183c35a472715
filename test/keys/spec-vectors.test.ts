/**
 * Byte-exact checks against published vectors in ../shared/spec (absent in a fresh clone, where
 * these are skipped with a warning; key-pair.test.ts still covers sign/verify).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeBase58btc, decodeBase58btc } from '../../src/keys/base58btc.js';
import { exportKey, importKey, verifyEd25519 } from '../../src/keys/index.js';
import { caughtError } from './caught-error.js';

const W3C_KEYPAIR = '/work/shared/spec/test-vectors/w3c-vc-di-eddsa/keyPair.json';
const OB_VECTOR = '/work/shared/spec/ob-v3p0/examples/ob-impl-testvector.keypair-and-intermediates.json';
const haveVectors = existsSync(W3C_KEYPAIR) && existsSync(OB_VECTOR);
if (!haveVectors) {
  console.warn(`test/keys/spec-vectors: ${W3C_KEYPAIR} or ${OB_VECTOR} is missing; spec vector tests are skipped.`);
}

function readJson(path: string): Record<string, string> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
}

describe.skipIf(!haveVectors)('W3C vc-di-eddsa keyPair.json', () => {
  it('derives the published public key from the CID 1.0 secret and exports the same secret string', async () => {
    const vector = readJson(W3C_KEYPAIR);
    const key = await importKey({ privateKeyMultibase: vector.privateKeyMultibase });
    expect(key.publicKeyMultibase).toBe('z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2');
    expect(key.publicKeyMultibase).toBe(vector.publicKeyMultibase);
    expect(exportKey(key, { includePrivate: true }).secretKeyMultibase).toBe(vector.privateKeyMultibase);
  });

  it('imports the file as given (publicKeyMultibase + privateKeyMultibase)', async () => {
    const key = await importKey(readFileSync(W3C_KEYPAIR, 'utf8'));
    expect(key.id).toBe(
      'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
    );
  });
});

describe.skipIf(!haveVectors)('OB 3.0 implementation guide test vector', () => {
  const vectorKey = () => {
    const v = readJson(OB_VECTOR);
    return {
      id: v.id!,
      type: 'Multikey' as const,
      controller: v.controller!,
      publicKeyMultibase: v.publicKeyMultibase!,
      secretKeyMultibase: v.secretKeyMultibase!,
    };
  };

  it('imports the 64-byte secretKeyMultibase and derives the published public key', async () => {
    const v = readJson(OB_VECTOR);
    const key = await importKey({ secretKeyMultibase: v.secretKeyMultibase! }, { controller: v.controller! });
    expect(key.publicKeyMultibase).toBe('z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi');
    expect(Buffer.from(key.publicKey).toString('hex')).toBe(v.publicKeyHex);
    expect(key.id).toBe(v.id);
  });

  it('signs dataToSignHex to exactly signatureHex', async () => {
    const v = readJson(OB_VECTOR);
    const key = await importKey(vectorKey());
    const signature = await key.signer().sign(Buffer.from(v.dataToSignHex!, 'hex'));
    expect(Buffer.from(signature).toString('hex')).toBe(v.signatureHex);
    expect(verifyEd25519(key.publicKey, Buffer.from(v.dataToSignHex!, 'hex'), signature)).toBe(true);
  });

  it('re-exports the seed in the CID 1.0 form, which imports to the same key', async () => {
    const key = await importKey(vectorKey());
    const exported = exportKey(key, { includePrivate: true });
    expect(exported.secretKeyMultibase).toMatch(/^z3u2/);
    expect((await importKey(exported)).publicKeyMultibase).toBe(key.publicKeyMultibase);
  });

  it('refuses the 64-byte key when its second half is not the public key of its seed', async () => {
    const original = vectorKey();
    const bytes = decodeBase58btc(original.secretKeyMultibase.slice(1))!;
    bytes[bytes.length - 1]! ^= 0x01;
    const tampered = { ...original, secretKeyMultibase: `z${encodeBase58btc(bytes)}` };
    delete (tampered as Partial<typeof tampered>).publicKeyMultibase;
    const error = await caughtError(() => importKey(tampered));
    expect(error.code).toBe('KEY_INVALID');
    expect(error.message).toMatch(/second half is not the public key of its seed/);
  });
});
