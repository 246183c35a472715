/**
 * What bake() accepts as the credential, and the misuse it refuses before touching the image:
 * an unsigned draft, an OB 2.0 assertion, a string that is neither JSON nor a JWT, an unsecured JWT.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bake, buildCredential, generateKey, unbake } from '../../src/index.js';
import { waitTimeDraft } from '../support/drafts.js';
import { assetPng, assetSvg, errorOf, jwtLike, signedCredential } from './images.js';

let credential: Record<string, unknown>;
beforeAll(async () => {
  credential = (await signedCredential()) as unknown as Record<string, unknown>;
});

describe('bake(image, credential): the credential argument', () => {
  it('refuses an unsigned credential, saying how to sign it', async () => {
    const key = await generateKey();
    const unsigned = buildCredential(waitTimeDraft(key.controller));
    const error = errorOf(() => bake(assetPng(), unsigned));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/has no proof: sign it first \(issueCredential or signCredential\)/);
  });

  it('refuses an OB 2.0 assertion and other objects that are not Verifiable Credentials', () => {
    const assertion = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://example.org/a/1' };
    expect(errorOf(() => bake(assetSvg(), assertion)).message).toMatch(/not a Verifiable Credential/);
  });

  it.each([
    ['a random string', 'hello', /neither/],
    ['broken JSON text', '{"@context": [', /not valid JSON/],
    ['an unsecured JWT (no signature)', `${jwtLike().split('.').slice(0, 2).join('.')}.`, /no signature/],
    ['a JWS-shaped string whose header is not JSON', 'aGVsbG8.eyJ9.c2ln', /header is not base64url JSON/],
    ['an array', [credential], /got an array/],
    ['null', null, /got null/],
    ['a number', 42, /got a number/],
  ])('refuses %s with INVALID_ARGUMENT', (_label, value, message) => {
    const error = errorOf(() => bake(assetPng(), value as unknown as object));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(message);
  });

  it('refuses a credential that cannot be written as JSON', () => {
    const cyclic: Record<string, unknown> = { ...credential };
    cyclic.self = cyclic;
    expect(errorOf(() => bake(assetPng(), cyclic)).code).toBe('INVALID_ARGUMENT');
  });

  it('checks the credential before the image: a bad credential and a bad image report the credential', () => {
    expect(errorOf(() => bake(new Uint8Array([1, 2, 3]), 'hello')).code).toBe('INVALID_ARGUMENT');
  });
});

describe('bake(image, credential): the image argument', () => {
  it('refuses what is not a PNG or SVG, naming a JPEG as such', () => {
    const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16);
    const error = errorOf(() => bake(jpeg, credential));
    expect(error.code).toBe('BAKED_IMAGE_INVALID');
    expect(error.message).toMatch(/JPEG file/);
    expect(errorOf(() => bake('not svg', credential)).code).toBe('BAKED_IMAGE_INVALID');
    expect(errorOf(() => bake(42 as unknown as Uint8Array, credential)).code).toBe('INVALID_ARGUMENT');
  });

  it('does not change the image it was given', () => {
    const image = assetPng();
    const copy = image.slice();
    bake(image, credential);
    expect(image).toEqual(copy);
  });

  it('round-trips through both formats for both kinds', () => {
    for (const image of [assetPng(), assetSvg(), new TextEncoder().encode(assetSvg())]) {
      expect(unbake(bake(image as Uint8Array, credential))).toMatchObject({ kind: 'json', credential });
      expect(unbake(bake(image as Uint8Array, jwtLike()))).toMatchObject({ kind: 'jwt', jwt: jwtLike() });
    }
  });
});
