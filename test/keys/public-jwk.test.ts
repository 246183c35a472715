/** Public JWKs as issuers publish them: each supported type read strictly, every bad one refused. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportKey, generateKey } from '../../src/keys/index.js';
import { encodeMulticodecKey } from '../../src/keys/multicodec-key.js';
import { PUBLIC_KEY_CACHE_SIZE, jwkFromP256Point, jwkFromRsaPkcs1, publicKeyObjectOfJwk, readPublicJwk, sameKey } from '../../src/keys/public-jwk.js';
import { keyOfMethod } from '../../src/verify/resolve/key-material.js';
import { caughtError } from './caught-error.js';

const jwkOfMethod = (method: Record<string, unknown>) => keyOfMethod(method).jwk;

const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256Jwk = p256.publicKey.export({ format: 'jwk' }) as Record<string, string>;
const rsaJwk = rsa.publicKey.export({ format: 'jwk' }) as Record<string, string>;

describe('readPublicJwk', () => {
  it('reads OKP Ed25519, EC P-256 and RSA keys, keeping only public members and metadata', async () => {
    const ed = exportKey(await generateKey(), { format: 'jwk' });
    expect(readPublicJwk({ ...ed, alg: 'EdDSA', use: 'sig', iss: 'did:web:district.example', extra: 1 })).toEqual({
      kty: 'OKP', crv: 'Ed25519', x: ed.x, kid: ed.kid, alg: 'EdDSA', use: 'sig', iss: 'did:web:district.example',
    });
    expect(readPublicJwk(p256Jwk)).toEqual({ kty: 'EC', crv: 'P-256', x: p256Jwk.x, y: p256Jwk.y });
    expect(readPublicJwk({ ...rsaJwk, kid: 'k1' })).toEqual({ kty: 'RSA', n: rsaJwk.n, e: rsaJwk.e, kid: 'k1' });
  });

  it.each([
    ['an Ed25519 private key', async () => exportKey(await generateKey(), { format: 'jwk', includePrivate: true }), 'private member "d"'],
    ['an EC private key', async () => p256.privateKey.export({ format: 'jwk' }), 'private member "d"'],
    ['an RSA private key', async () => rsa.privateKey.export({ format: 'jwk' }), 'private members "d", "p", "q", "dp", "dq", "qi"'],
    ['a symmetric key', async () => ({ kty: 'oct', k: 'c2VjcmV0' }), 'private member "k"'],
    ['a 1024-bit RSA key', async () => generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' }), '1024-bit RSA key'],
    ['a P-384 key', async () => generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'jwk' }), 'curve "P-384"'],
    ['an X25519 key', async () => ({ kty: 'OKP', crv: 'X25519', x: 'A'.repeat(43) }), 'curve "X25519"'],
    ['an EC point off the curve', async () => ({ ...p256Jwk, y: p256Jwk.x }), 'not a usable public key'],
    ['a short P-256 coordinate', async () => ({ ...p256Jwk, x: 'AAAA' }), '3 bytes'],
    ['an encryption key', async () => ({ ...p256Jwk, use: 'enc' }), '"use": "enc"'],
    ['key_ops without verify', async () => ({ ...p256Jwk, key_ops: ['encrypt'] }), 'key_ops'],
    ['no kty', async () => ({ x: 'abc' }), 'kty undefined'],
    ['an array', async () => [], 'not a JSON object'],
  ])('refuses %s', async (_label, make, why) => {
    const jwk = await make();
    const error = await caughtError(() => readPublicJwk(jwk));
    expect(error.code).toBe('KEY_INVALID');
    expect(error.message).toContain(why);
  });

  it('sameKey compares the RFC 7638 members only', () => {
    expect(sameKey(readPublicJwk({ ...p256Jwk, kid: 'a' }), readPublicJwk({ ...p256Jwk, kid: 'b' }))).toBe(true);
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    expect(sameKey(readPublicJwk(p256Jwk), readPublicJwk(other))).toBe(false);
    expect(sameKey(readPublicJwk(rsaJwk), readPublicJwk(p256Jwk))).toBe(false);
  });
});

describe('keys written as Multikey become the same JWK node:crypto exports', () => {
  it('P-256 (p256-pub 0x1200, compressed point)', () => {
    const compressed = Buffer.from(p256.publicKey.export({ format: 'der', type: 'spki' })).subarray(-65);
    const x = compressed.subarray(1, 33);
    const point = Buffer.concat([Buffer.from([compressed[64]! % 2 === 0 ? 0x02 : 0x03]), x]);
    expect(jwkFromP256Point(point)).toEqual({ kty: 'EC', crv: 'P-256', x: p256Jwk.x, y: p256Jwk.y });
    const method = { type: 'Multikey', publicKeyMultibase: encodeMulticodecKey([0x80, 0x24], point) };
    expect(jwkOfMethod(method)).toEqual({ kty: 'EC', crv: 'P-256', x: p256Jwk.x, y: p256Jwk.y });
  });

  it('RSA (rsa-pub 0x1205, DER RSAPublicKey)', () => {
    const der = rsa.publicKey.export({ format: 'der', type: 'pkcs1' });
    expect(jwkFromRsaPkcs1(der)).toEqual({ kty: 'RSA', n: rsaJwk.n, e: rsaJwk.e });
    expect(jwkOfMethod({ type: 'Multikey', publicKeyMultibase: encodeMulticodecKey([0x85, 0x24], der) })).toEqual({ kty: 'RSA', n: rsaJwk.n, e: rsaJwk.e });
  });

  it('Ed25519 from Multikey, Ed25519VerificationKey2020 and Ed25519VerificationKey2018', async () => {
    const key = await generateKey();
    const expected = { kty: 'OKP', crv: 'Ed25519', x: exportKey(key, { format: 'jwk' }).x };
    expect(jwkOfMethod({ type: 'Multikey', publicKeyMultibase: key.publicKeyMultibase })).toEqual(expected);
    expect(jwkOfMethod({ type: 'Ed25519VerificationKey2020', publicKeyMultibase: key.publicKeyMultibase })).toEqual(expected);
    const { encodeBase58btc } = await import('../../src/keys/base58btc.js');
    expect(jwkOfMethod({ type: 'Ed25519VerificationKey2018', publicKeyBase58: encodeBase58btc(key.publicKey) })).toEqual(expected);
  });

  it.each([
    ['a secp256k1 Multikey', { type: 'Multikey', publicKeyMultibase: encodeMulticodecKey([0xe7, 0x01], new Uint8Array(33)) }, 'secp256k1-pub'],
    ['a truncated Ed25519 Multikey', { type: 'Multikey', publicKeyMultibase: encodeMulticodecKey([0xed, 0x01], new Uint8Array(31)) }, '31 Ed25519 key bytes'],
    ['a 2018 key of 31 bytes', { type: 'Ed25519VerificationKey2018', publicKeyBase58: '1111' }, 'not 32 base58 bytes'],
    ['no key material', { type: 'Multikey' }, 'neither publicKeyMultibase nor publicKeyJwk'],
    ['a P-256 point not on the curve', { type: 'Multikey', publicKeyMultibase: encodeMulticodecKey([0x80, 0x24], Uint8Array.from([0x02, ...new Uint8Array(32).fill(0xff)])) }, 'not a point on the curve'],
  ])('refuses %s', async (_label, method, why) => {
    const error = await caughtError(() => jwkOfMethod(method));
    expect(error.message).toContain(why);
  });
});

describe('publicKeyObjectOfJwk', () => {
  it('gives the KeyObject of the key, the same object for the same key material whatever its metadata', () => {
    const key = publicKeyObjectOfJwk(readPublicJwk(p256Jwk));
    expect(key.type).toBe('public');
    expect(key.export({ format: 'jwk' })).toEqual({ kty: 'EC', crv: 'P-256', x: p256Jwk.x, y: p256Jwk.y });
    expect(publicKeyObjectOfJwk({ ...p256Jwk, kid: 'other', use: 'sig' } as never)).toBe(key);
    expect(publicKeyObjectOfJwk(rsaJwk as never)).not.toBe(key);
  });

  it('keeps at most PUBLIC_KEY_CACHE_SIZE keys, the least recently used going first', () => {
    const first = readPublicJwk(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }));
    const kept = publicKeyObjectOfJwk(first);
    for (let i = 0; i < PUBLIC_KEY_CACHE_SIZE; i++) {
      publicKeyObjectOfJwk(readPublicJwk(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' })));
      if (i % 16 === 0) expect(publicKeyObjectOfJwk(first)).toBe(kept); // used again: stays
    }
    const evicted = readPublicJwk(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }));
    const before = publicKeyObjectOfJwk(evicted);
    for (let i = 0; i < PUBLIC_KEY_CACHE_SIZE; i++) publicKeyObjectOfJwk(readPublicJwk(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' })));
    expect(publicKeyObjectOfJwk(evicted)).not.toBe(before);
    expect(publicKeyObjectOfJwk(evicted).equals(before)).toBe(true);
  });
});
