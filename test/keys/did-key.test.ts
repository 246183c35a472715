import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { describe, expect, it } from 'vitest';
import { didKeyFromPublicKey, generateKey, resolveDidKey } from '../../src/keys/index.js';
import { encodeMulticodecKey } from '../../src/keys/multicodec-key.js';
import { caughtError } from './caught-error.js';

describe('did:key', () => {
  it('round-trips: generateKey → did → resolve gives back the same key and method id', async () => {
    const key = await generateKey();
    const did = didKeyFromPublicKey(key.publicKey);
    expect(did).toBe(key.controller);

    const { document, verificationMethod } = resolveDidKey(did);
    expect(verificationMethod).toEqual({
      '@context': 'https://w3id.org/security/multikey/v1',
      id: key.id,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: key.publicKeyMultibase,
    });
    expect(document).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [
        { id: key.id, type: 'Multikey', controller: did, publicKeyMultibase: key.publicKeyMultibase },
      ],
      authentication: [key.id],
      assertionMethod: [key.id],
      capabilityInvocation: [key.id],
      capabilityDelegation: [key.id],
    });
  });

  it('resolves a DID URL whose fragment is the key', async () => {
    const key = await generateKey();
    expect(resolveDidKey(key.id).verificationMethod.id).toBe(key.id);
  });

  it('resolves the did:key spec example to its key', () => {
    const did = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    expect(resolveDidKey(did).verificationMethod.publicKeyMultibase).toBe(
      'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    );
  });

  it('refuses a fragment that names another key', async () => {
    const [a, b] = await Promise.all([generateKey(), generateKey()]);
    const error = await caughtError(() => resolveDidKey(`${a.controller}#${b.publicKeyMultibase}`));
    expect(error.code).toBe('KEY_INVALID');
    expect(error.message).toMatch(/does not name the key/);
    const keyOne = await caughtError(() => resolveDidKey(`${a.controller}#key-1`));
    expect(keyOne.code).toBe('KEY_INVALID');
  });

  it('reports non-Ed25519 did:keys as UNSUPPORTED, naming the key type', async () => {
    const p256 = `did:key:${encodeMulticodecKey([0x80, 0x24], new Uint8Array(33).fill(2))}`;
    expect(p256.startsWith('did:key:zDn')).toBe(true);
    const error = await caughtError(() => resolveDidKey(p256));
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toMatch(/p256-pub/);

    const x25519 = `did:key:${encodeMulticodecKey([0xec, 0x01], new Uint8Array(32).fill(3))}`;
    expect((await caughtError(() => resolveDidKey(x25519))).code).toBe('UNSUPPORTED');
  });

  it.each([
    ['another DID method', 'did:web:district.example'],
    ['a non-base58btc identifier', 'did:key:f6Mk'],
    ['junk base58', 'did:key:z6Mk0000'],
    ['a 31-byte key', `did:key:${encodeMulticodecKey([0xed, 0x01], new Uint8Array(31).fill(7))}`],
    ['a padded (non-minimal) varint header, another spelling of a real key', `did:key:${encodeMulticodecKey([0xed, 0x81, 0x00], new Uint8Array(32).fill(7))}`],
    ['a path', 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK/path'],
    ['an empty identifier', 'did:key:'],
  ])('refuses %s with KEY_INVALID', async (_, value) => {
    const error = await caughtError(() => resolveDidKey(value));
    expect(error.code).toBe('KEY_INVALID');
  });

  it("returns documents callers may change without affecting later resolutions", async () => {
    const key = await generateKey();
    const first = resolveDidKey(key.controller);
    first.document.assertionMethod!.push('did:example:evil#1');
    expect(resolveDidKey(key.controller).document.assertionMethod).toEqual([key.id]);
  });

  it("produces a verification method that Digital Bazaar's Multikey verifier accepts for our signatures", async () => {
    const key = await generateKey();
    const data = new TextEncoder().encode('interop');
    const signature = await key.signer().sign(data);
    const theirs = await Ed25519Multikey.from(resolveDidKey(key.id).verificationMethod);
    expect(await theirs.verifier().verify({ data, signature })).toBe(true);
    expect(await theirs.verifier().verify({ data: new TextEncoder().encode('other'), signature })).toBe(false);
  });
});
