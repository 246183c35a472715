/**
 * RSA (RS256) and EC P-256 (ES256) key pairs for VC-JWTs: generated, exported and imported as JWKs,
 * named by did:jwk or under an issuer, signing what node:crypto verifies independently, and never
 * showing their private part.
 */
import { createPublicKey, createVerify, generateKeyPairSync, verify as cryptoVerify, type JsonWebKey } from 'node:crypto';
import { inspect } from 'node:util';
import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { exportKey, generateKey, importKey, resolveDidJwk, type JwsKeyPair } from '../../src/index.js';
import { caughtError } from './caught-error.js';

const DATA = new TextEncoder().encode('header.payload');

function nodeVerifies(key: JwsKeyPair, signature: Uint8Array): boolean {
  const publicKey = createPublicKey({ key: key.publicKeyJwk as JsonWebKey, format: 'jwk' });
  if (key.algorithm === 'RS256') return createVerify('RSA-SHA256').update(DATA).verify(publicKey, signature);
  return cryptoVerify('sha256', DATA, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
}

describe.each(['RS256', 'ES256'] as const)('%s key pairs', (algorithm) => {
  it('are a did:jwk by default, and sign what node:crypto verifies', async () => {
    const key = await generateKey({ algorithm });
    expect(key).toMatchObject({ type: 'JsonWebKey', algorithm, hasPrivateKey: true });
    expect(key.controller).toMatch(/^did:jwk:/);
    expect(key.id).toBe(`${key.controller}#0`);
    expect(resolveDidJwk(key.id).verificationMethod.publicKeyJwk).toEqual(key.publicKeyJwk);
    const signature = await key.signer().sign(DATA);
    if (algorithm === 'ES256') expect(signature).toHaveLength(64); // JOSE r‖s, not DER
    expect(nodeVerifies(key, signature)).toBe(true);
    expect(nodeVerifies(key, new Uint8Array(signature.length))).toBe(false);
  });

  it('under an issuer: id is the issuer plus the RFC 7638 thumbprint jose computes', async () => {
    const key = await generateKey({ algorithm, controller: 'https://district.example/issuer' });
    expect(key.id).toBe(`https://district.example/issuer#${await calculateJwkThumbprint(key.publicKeyJwk as never)}`);
    expect(key.toJSON()).toEqual({ id: key.id, type: 'JsonWebKey', controller: 'https://district.example/issuer', publicKeyJwk: key.publicKeyJwk });
  });

  it('export as JWK (private members only on request) and import back as the same signing key', async () => {
    const key = await generateKey({ algorithm, controller: 'https://district.example/issuer', id: 'https://district.example/issuer#jwt-1' });
    const publicJwk = exportKey(key);
    expect(publicJwk).toEqual({ ...key.publicKeyJwk, kid: key.id, alg: algorithm, use: 'sig' });
    expect(publicJwk).not.toHaveProperty('d');
    const full = exportKey(key, { format: 'jwk', includePrivate: true });
    expect(typeof full.d).toBe('string');
    const back = await importKey(full);
    expect(back).toMatchObject({ id: key.id, controller: key.controller, algorithm, hasPrivateKey: true });
    expect(nodeVerifies(key, await back.signer().sign(DATA))).toBe(true);
    const publicOnly = await importKey(publicJwk);
    expect(publicOnly.hasPrivateKey).toBe(false);
    expect((await caughtError(() => publicOnly.signer())).code).toBe('KEY_INVALID');
  });

  it('never show the private part: JSON, inspect, String, errors', async () => {
    const key = await generateKey({ algorithm });
    const { d } = exportKey(key, { format: 'jwk', includePrivate: true });
    for (const shown of [JSON.stringify(key), inspect(key, { showHidden: true, depth: 10 }), String(key), JSON.stringify(Object.entries(key))]) {
      expect(shown).not.toContain(d!);
    }
    const error = await caughtError(() => importKey({ ...exportKey(key, { format: 'jwk', includePrivate: true }), x: undefined, n: undefined, e: undefined, kty: key.publicKeyJwk.kty } as never));
    expect(error.message).not.toContain(d!);
  });
});

describe('JWT key import refusals', () => {
  it('a private part that is not the public part\'s key', async () => {
    const [a, b] = await Promise.all([generateKey({ algorithm: 'ES256' }), generateKey({ algorithm: 'ES256' })]);
    const mixed = { ...exportKey(a, { format: 'jwk', includePrivate: true }), x: b.publicKeyJwk.x, y: b.publicKeyJwk.y };
    const error = await caughtError(() => importKey(mixed));
    expect(error.code).toBe('KEY_INVALID');
    expect(error.message).not.toContain(mixed.d!);
  });

  it.each([
    ['a 1024-bit RSA key', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'jwk' }), /1024-bit RSA key; at least 2048/],
    ['a P-384 key', generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ format: 'jwk' }), /curve "P-384"; only P-256/],
    ['an alg it does not sign with', { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }), alg: 'PS256' }, /"alg" must be "RS256"/],
    ['an encryption key', { ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }), use: 'enc' }, /"use" must be "sig"/],
  ])('%s', async (_, jwk, message) => {
    const error = await caughtError(() => importKey(jwk as never));
    expect(error.code).toBe('KEY_INVALID');
    expect(error.message).toMatch(message);
  });

  it('JSON text of an RSA key: parse it first, so the result is typed as the JWT key it is', async () => {
    const key = await generateKey({ algorithm: 'RS256' });
    const error = await caughtError(() => importKey(JSON.stringify(exportKey(key))));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/importKey\(JSON\.parse\(text\)\)/);
  });

  it('an RSA key exports as a JWK only; generateKey refuses unknown algorithms and sizes', async () => {
    const key = await generateKey({ algorithm: 'RS256' });
    expect((await caughtError(() => exportKey(key, { format: 'multikey' } as never))).code).toBe('INVALID_ARGUMENT');
    expect((await caughtError(() => generateKey({ algorithm: 'HS256' } as never))).code).toBe('INVALID_ARGUMENT');
    expect((await caughtError(() => generateKey({ algorithm: 'RS256', modulusLength: 1024 } as never))).code).toBe('INVALID_ARGUMENT');
    expect((await caughtError(() => generateKey({ algorithm: 'ES256', controller: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }))).code).toBe('KEY_INVALID');
  });

  it('a 3072-bit RSA key on request', async () => {
    const key = await generateKey({ algorithm: 'RS256', modulusLength: 3072 });
    expect(Buffer.from(key.publicKeyJwk.n!, 'base64url').length).toBe(384);
  });
});
