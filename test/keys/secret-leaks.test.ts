/** The private part of a key must never surface in JSON, inspection, strings or errors. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportKey, generateKey, importKey, type Ed25519KeyPair } from '../../src/keys/index.js';
import { decodeBase58btc } from '../../src/keys/base58btc.js';
import { caughtError } from './caught-error.js';

interface Secrets {
  key: Ed25519KeyPair;
  secretKeyMultibase: string;
  seedHex: string;
  seedBase64url: string;
}

async function keyWithKnownSecrets(): Promise<Secrets> {
  const key = await generateKey({ controller: 'https://district.example/issuer' });
  const secretKeyMultibase = exportKey(key, { includePrivate: true }).secretKeyMultibase!;
  const seed = decodeBase58btc(secretKeyMultibase.slice(1))!.subarray(2);
  return {
    key,
    secretKeyMultibase,
    seedHex: Buffer.from(seed).toString('hex'),
    seedBase64url: exportKey(key, { format: 'jwk', includePrivate: true }).d!,
  };
}

function expectNoSecret(text: string, secrets: Secrets): void {
  expect(text).not.toContain(secrets.secretKeyMultibase);
  // Short slice on purpose: V8's JSON.parse errors quote about ten characters of their input.
  expect(text).not.toContain(secrets.secretKeyMultibase.slice(4, 10));
  expect(text.toLowerCase()).not.toContain(secrets.seedHex);
  expect(text).not.toContain(secrets.seedBase64url);
}

describe('secret key material stays private', () => {
  it('is absent from JSON.stringify, which gives the public Multikey document', async () => {
    const secrets = await keyWithKnownSecrets();
    const json = JSON.stringify(secrets.key);
    expectNoSecret(json, secrets);
    expect(JSON.parse(json)).toEqual({
      '@context': 'https://w3id.org/security/multikey/v1',
      id: secrets.key.id,
      type: 'Multikey',
      controller: secrets.key.controller,
      publicKeyMultibase: secrets.key.publicKeyMultibase,
    });
  });

  it('is absent from util.inspect (even with hidden members), String() and own properties', async () => {
    const secrets = await keyWithKnownSecrets();
    const { key } = secrets;
    expectNoSecret(inspect(key, { showHidden: true, depth: Infinity }), secrets);
    expectNoSecret(inspect(key.signer(), { showHidden: true, depth: Infinity }), secrets);
    expectNoSecret(String(key), secrets);
    expectNoSecret(inspect({ ...key }, { showHidden: true, depth: Infinity }), secrets);
    expect(Object.getOwnPropertyNames(key).sort()).toEqual(
      ['algorithm', 'controller', 'id', 'publicKeyMultibase', 'type'].sort(),
    );
    expect(inspect(key)).toContain(key.publicKeyMultibase);
  });

  it('is absent from errors raised while importing a secret key', async () => {
    const secrets = await keyWithKnownSecrets();
    const other = await generateKey();
    const cases: unknown[] = [
      // secret and public key of different pairs
      { secretKeyMultibase: secrets.secretKeyMultibase, publicKeyMultibase: other.publicKeyMultibase },
      // broken JSON text around the secret, and the bare secret pasted as text
      `{"secretKeyMultibase": "${secrets.secretKeyMultibase}", oops`,
      secrets.secretKeyMultibase,
      // JWK x from another key
      { ...exportKey(secrets.key, { format: 'jwk', includePrivate: true }), x: exportKey(other, { format: 'jwk' }).x },
      // both names for the secret at once
      { secretKeyMultibase: secrets.secretKeyMultibase, privateKeyMultibase: secrets.secretKeyMultibase },
      // the secret given where the public key belongs
      { publicKeyMultibase: secrets.secretKeyMultibase },
    ];
    for (const input of cases) {
      const error = await caughtError(() => importKey(input as never));
      expectNoSecret(error.message, secrets);
      expectNoSecret(inspect(error, { showHidden: true, depth: Infinity }), secrets);
      expectNoSecret(JSON.stringify(error), secrets);
    }
  });

  it('is absent from errors raised by a key that holds a secret', async () => {
    const secrets = await keyWithKnownSecrets();
    const errors = [
      await caughtError(() => secrets.key.signer().sign(42 as unknown as Uint8Array)),
      await caughtError(() => exportKey(secrets.key, { format: 'pem' as never, includePrivate: true })),
    ];
    for (const error of errors) {
      expectNoSecret(inspect(error, { showHidden: true, depth: Infinity }), secrets);
    }
  });
});
