/** did:jwk: a DID that is its key, resolved locally, for every key type we read. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { didJwkFromJwk, resolveDidJwk } from '../../src/keys/did-jwk.js';
import { exportKey, generateKey } from '../../src/keys/index.js';
import { readPublicJwk, sameKey } from '../../src/keys/public-jwk.js';
import { caughtError } from './caught-error.js';

// The P-256 example of the did:jwk method specification.
const SPEC_DID =
  'did:jwk:eyJjcnYiOiJQLTI1NiIsImt0eSI6IkVDIiwieCI6ImFjYklRaXVNczNpOF91c3pFakoydHBUdFJNNEVVM3l6OTFQSDZDZEgyVjAiLCJ5IjoiX0tjeUxqOXZXTXB0bm1LdG00NkdxRHo4d2Y3NEk1TEtncmwyR3pIM25TRSJ9';

describe('did:jwk', () => {
  it('resolves the method specification example to its P-256 key, listed for assertions', () => {
    const { document, verificationMethod, signing } = resolveDidJwk(`${SPEC_DID}#0`);
    expect(signing).toBe(true);
    expect(verificationMethod).toEqual({
      id: `${SPEC_DID}#0`,
      type: 'JsonWebKey',
      controller: SPEC_DID,
      publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0', y: '_KcyLj9vWMptnmKtm46GqDz8wf74I5LKgrl2GzH3nSE' },
    });
    expect(document.id).toBe(SPEC_DID);
    expect(document.assertionMethod).toEqual([`${SPEC_DID}#0`]);
    expect(document.keyAgreement).toBeUndefined();
  });

  it('round-trips Ed25519, P-256 and RSA keys', async () => {
    const keys = [
      exportKey(await generateKey(), { format: 'jwk' }),
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }),
      generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }),
    ];
    for (const jwk of keys) {
      const did = didJwkFromJwk(jwk as never);
      const { verificationMethod } = resolveDidJwk(did);
      expect(sameKey(verificationMethod.publicKeyJwk, readPublicJwk(jwk))).toBe(true);
      expect(verificationMethod.id).toBe(`${did}#0`);
    }
  });

  it('a key marked "use": "enc" is listed only for key agreement, so it cannot sign credentials', () => {
    const jwk = { ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }), use: 'enc' };
    const did = `did:jwk:${Buffer.from(JSON.stringify(jwk)).toString('base64url')}`;
    const { document, signing } = resolveDidJwk(did);
    expect(signing).toBe(false);
    expect(document.assertionMethod).toBeUndefined();
    expect(document.keyAgreement).toEqual([`${did}#0`]);
  });

  it.each([
    ['another fragment', `${SPEC_DID}#1`, 'has one verification method'],
    ['no base64url', 'did:jwk:not base64!', 'must be base64url text'],
    ['not JSON', `did:jwk:${Buffer.from('hello').toString('base64url')}`, 'does not decode to JSON'],
    ['a private key', `did:jwk:${Buffer.from(JSON.stringify(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }))).toString('base64url')}`, 'private member "d"'],
    ['a did:key', 'did:key:z6Mk', 'must start with "did:jwk:"'],
  ])('refuses %s', async (_label, did, why) => {
    const error = await caughtError(() => resolveDidJwk(did));
    expect(error.code).toBe('KEY_INVALID');
    expect(error.message).toContain(why);
  });

  it('refuses to make a did:jwk of a private key', async () => {
    const error = await caughtError(async () => didJwkFromJwk(exportKey(await generateKey(), { format: 'jwk', includePrivate: true }) as never));
    expect(error.message).toContain('private member "d"');
  });
});
