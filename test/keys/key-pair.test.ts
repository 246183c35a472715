import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportKey, generateKey, importKey, verifyEd25519 } from '../../src/keys/index.js';
import { caughtError } from './caught-error.js';

const data = new TextEncoder().encode('teacher micro-credential');

/** Verifies with node:crypto directly, independent of our own verify helper. */
function nodeVerifies(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const jwk = { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') };
  return verify(null, message, createPublicKey({ key: jwk, format: 'jwk' }), signature);
}

describe('generateKey', () => {
  it('defaults to a did:key whose id fragment is the publicKeyMultibase', async () => {
    const key = await generateKey();
    expect(key.publicKeyMultibase).toMatch(/^z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
    expect(key.controller).toBe(`did:key:${key.publicKeyMultibase}`);
    expect(key.id).toBe(`did:key:${key.publicKeyMultibase}#${key.publicKeyMultibase}`);
    expect(key.type).toBe('Multikey');
    expect(key.algorithm).toBe('Ed25519');
  });

  it('uses a given controller for the id', async () => {
    const key = await generateKey({ controller: 'https://district.example/issuer' });
    expect(key.id).toBe(`https://district.example/issuer#${key.publicKeyMultibase}`);
    const named = await generateKey({ controller: 'did:web:district.example', id: 'did:web:district.example#key-1' });
    expect(named.id).toBe('did:web:district.example#key-1');
  });

  it('derives the controller from an id with a fragment', async () => {
    const key = await generateKey({ id: 'https://district.example/issuer#key-2' });
    expect(key.controller).toBe('https://district.example/issuer');
  });

  it('refuses a controller that is neither a DID nor an https URL', async () => {
    const error = await caughtError(() => generateKey({ controller: 'district' }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/DID .* or an https:\/\/ URL/);
  });

  it('refuses a did:key controller that belongs to another key', async () => {
    const other = await generateKey();
    const error = await caughtError(() => generateKey({ controller: other.controller }));
    expect(error.code).toBe('KEY_INVALID');
  });

  it('makes a different key each time', async () => {
    const [a, b] = await Promise.all([generateKey(), generateKey()]);
    expect(a.publicKeyMultibase).not.toBe(b.publicKeyMultibase);
  });
});

describe('signing', () => {
  it('produces 64-byte signatures that node:crypto verifies, and that fail on other data', async () => {
    const key = await generateKey();
    const signature = await key.signer().sign(data);
    expect(signature).toBeInstanceOf(Uint8Array);
    expect(signature.length).toBe(64);
    expect(nodeVerifies(key.publicKey, data, signature)).toBe(true);
    expect(nodeVerifies(key.publicKey, new TextEncoder().encode('other'), signature)).toBe(false);
    expect(verifyEd25519(key.publicKey, data, signature)).toBe(true);
    const flipped = signature.slice();
    flipped[0]! ^= 1;
    expect(verifyEd25519(key.publicKey, data, flipped)).toBe(false);
  });

  it('returns the same signer object on every call, carrying the key id', async () => {
    const key = await generateKey({ controller: 'https://district.example/issuer' });
    const signer = key.signer();
    expect(key.signer()).toBe(signer);
    expect(signer.id).toBe(key.id);
    expect(signer.algorithm).toBe('Ed25519');
    expect(Object.isFrozen(signer)).toBe(true);
  });

  it('refuses to sign something that is not bytes', async () => {
    const key = await generateKey();
    const error = await caughtError(() => key.signer().sign('text' as unknown as Uint8Array));
    expect(error.code).toBe('INVALID_ARGUMENT');
  });

  it('gives a copy of the public key, so callers cannot change the key', async () => {
    const key = await generateKey();
    const copy = key.publicKey;
    copy.fill(0);
    expect(key.publicKey).not.toEqual(copy);
  });
});

describe('public-only keys', () => {
  it('cannot sign and cannot export a private part, with clear errors', async () => {
    const full = await generateKey({ controller: 'https://district.example/issuer' });
    const publicOnly = await importKey(exportKey(full));
    expect(publicOnly.id).toBe(full.id);
    expect(publicOnly.publicKey).toEqual(full.publicKey);

    const signError = await caughtError(() => publicOnly.signer());
    expect(signError.code).toBe('KEY_INVALID');
    expect(signError.message).toMatch(/public-only/);

    const exportError = await caughtError(() => exportKey(publicOnly, { includePrivate: true }));
    expect(exportError.code).toBe('KEY_INVALID');
    expect(exportError.message).toMatch(/no private part/);

    expect(exportKey(publicOnly, { format: 'jwk' }).d).toBeUndefined();
  });
});

describe('JWK', () => {
  it('round-trips a private key and keeps signing identically (Ed25519 is deterministic)', async () => {
    const key = await generateKey({ controller: 'https://district.example/issuer' });
    const jwk = exportKey(key, { format: 'jwk', includePrivate: true });
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: key.id });
    expect(jwk.x).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(jwk.d).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const back = await importKey(jwk);
    expect(back.id).toBe(key.id);
    expect(back.controller).toBe(key.controller);
    expect(back.publicKeyMultibase).toBe(key.publicKeyMultibase);
    expect(await back.signer().sign(data)).toEqual(await key.signer().sign(data));
  });

  it('round-trips as JSON text too', async () => {
    const key = await generateKey();
    const text = JSON.stringify(exportKey(key, { format: 'jwk', includePrivate: true }));
    expect((await importKey(text)).id).toBe(key.id);
  });

  it('refuses a JWK whose x is not the public key of d', async () => {
    const [a, b] = await Promise.all([generateKey(), generateKey()]);
    const jwk = { ...exportKey(a, { format: 'jwk', includePrivate: true }), x: exportKey(b, { format: 'jwk' }).x };
    const error = await caughtError(() => importKey(jwk));
    expect(error.code).toBe('KEY_INVALID');
    expect(error.message).toMatch(/"x" is not the public key of JWK "d"/);
  });

  it.each([
    ['a P-256 key that is not a point', { kty: 'EC', crv: 'P-256', x: 'AAAA' }, /"x" of 3 bytes/],
    ['an X25519 key', { kty: 'OKP', crv: 'X25519', x: 'A'.repeat(43) }, /Only Ed25519 JWKs/],
    ['a short x', { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }, /"x" must be the 32 key bytes/],
    ['a wrong alg', { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), alg: 'ES256' }, /"alg" must be "EdDSA"/],
  ])('refuses %s', async (_, jwk, message) => {
    const error = await caughtError(() => importKey(jwk as never));
    expect(error.code).toBe('KEY_INVALID');
    expect(error.message).toMatch(message);
  });
});

describe('Multikey import and export', () => {
  it('exports the CID 1.0 form (0x8026 + 32-byte seed) and imports it back', async () => {
    const key = await generateKey();
    const doc = exportKey(key, { includePrivate: true });
    expect(doc.type).toBe('Multikey');
    expect(doc['@context']).toBe('https://w3id.org/security/multikey/v1');
    expect(doc.secretKeyMultibase).toMatch(/^z3u2/); // 0x80 0x26 + 32 bytes encodes as z3u2…
    const back = await importKey(doc);
    expect(back.id).toBe(key.id);
    expect(exportKey(back, { includePrivate: true }).secretKeyMultibase).toBe(doc.secretKeyMultibase);
  });

  it('leaves the secret out unless asked', async () => {
    const key = await generateKey();
    expect(exportKey(key).secretKeyMultibase).toBeUndefined();
    expect(exportKey(key, { includePrivate: false }).secretKeyMultibase).toBeUndefined();
  });

  it('refuses a publicKeyMultibase that does not belong to the secret key', async () => {
    const [a, b] = await Promise.all([generateKey(), generateKey()]);
    const doc = { ...exportKey(a, { includePrivate: true }), publicKeyMultibase: b.publicKeyMultibase };
    const error = await caughtError(() => importKey(doc));
    expect(error.code).toBe('KEY_INVALID');
    expect(error.message).toMatch(/does not match the public key derived from secretKeyMultibase/);
  });

  it('lets options override the id and controller of the input', async () => {
    const key = await generateKey();
    const moved = await importKey(exportKey(key), { controller: 'https://district.example/issuer' });
    expect(moved.controller).toBe('https://district.example/issuer');
    expect(moved.id).toBe(`did:key:${key.publicKeyMultibase}#${key.publicKeyMultibase}`);
    const renamed = await importKey(exportKey(key, { includePrivate: true }), {
      id: 'https://district.example/issuer#key-1',
      controller: 'https://district.example/issuer',
    });
    expect(renamed.id).toBe('https://district.example/issuer#key-1');
    expect(renamed.signer().id).toBe('https://district.example/issuer#key-1');
  });

  it.each([
    ['junk text', 'not json at all', 'INVALID_ARGUMENT'],
    ['an empty object', {}, 'KEY_INVALID'],
    ['an unsupported type', { type: 'EcdsaSecp256k1VerificationKey2019', publicKeyMultibase: 'z6Mk' }, 'KEY_INVALID'],
    ['junk multibase', { publicKeyMultibase: 'zzzzzzzz' }, 'KEY_INVALID'],
    ['a secret with the wrong header', { secretKeyMultibase: 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2' }, 'KEY_INVALID'],
  ])('refuses %s', async (_, input, code) => {
    const error = await caughtError(() => importKey(input as never));
    expect(error.code).toBe(code);
  });
});
