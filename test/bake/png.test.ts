/**
 * Baking into PNG as OB 3.0 says (one uncompressed iTXt "openbadgecredential" before IEND,
 * replacing an existing one), checked by a second reader (images.ts) and a second decoder
 * (fast-png, CRCs checked, pixels compared); and reading back what other bakers write.
 */
import { decode } from 'fast-png';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAKED_PNG_KEYWORD, bake, unbake, type UnbakedCredential } from '../../src/index.js';
import { assetPng, chunksOf, codeOf, itxtChunk, jwtLike, readItxt, signedCredential, tinyPng, withChunksBeforeIend } from './images.js';

let credential: Record<string, unknown>;
beforeAll(async () => {
  credential = (await signedCredential()) as unknown as Record<string, unknown>;
});

const credentialChunks = (png: Uint8Array) => chunksOf(png).filter((c) => c.type === 'iTXt' && readItxt(c.data).keyword === BAKED_PNG_KEYWORD);

function json(result: UnbakedCredential): Record<string, unknown> {
  if (result.kind !== 'json') throw new Error(`expected JSON, got ${result.kind}`);
  return result.credential;
}

describe('bake(png, credential)', () => {
  it('adds one uncompressed iTXt "openbadgecredential" chunk, directly before IEND, holding the credential JSON', () => {
    const baked = bake(assetPng(), credential);
    const chunks = chunksOf(baked);
    expect(chunks.at(-1)!.type).toBe('IEND');
    expect(chunks.at(-2)!.type).toBe('iTXt');
    const itxt = readItxt(chunks.at(-2)!.data);
    expect(itxt).toMatchObject({ keyword: 'openbadgecredential', compressed: false, languageTag: '', translatedKeyword: '' });
    expect(JSON.parse(itxt.text)).toEqual(credential);
    expect(credentialChunks(baked)).toHaveLength(1);
  });

  it('keeps every other chunk byte for byte and in order, so the picture is unchanged', () => {
    const original = assetPng();
    const baked = bake(original, credential);
    const without = chunksOf(baked).filter((c) => !(c.type === 'iTXt'));
    expect(without).toEqual(chunksOf(original));
    // A second decoder, checking every CRC, sees the same pixels and the image's own tEXt.
    const before = decode(original, { checkCrc: true });
    const after = decode(baked, { checkCrc: true });
    expect(after.width).toBe(before.width);
    expect(Buffer.from(after.data as Uint8Array).equals(Buffer.from(before.data as Uint8Array))).toBe(true);
    expect(after.text).toEqual({ Title: 'Wait Time micro-credential' });
  });

  it('bakes into a PNG written by another encoder', () => {
    const baked = bake(tinyPng(), credential);
    expect(decode(baked, { checkCrc: true }).width).toBe(2);
    expect(json(unbake(baked))).toEqual(credential);
  });

  it('replaces an existing credential rather than adding a second, also a compressed one another baker wrote', () => {
    const first = bake(assetPng(), credential);
    const other = { ...credential, id: 'urn:uuid:00000000-0000-4000-8000-000000000001' };
    const second = bake(first, other);
    expect(credentialChunks(second)).toHaveLength(1);
    expect(json(unbake(second))).toEqual(other);

    const compressedElsewhere = withChunksBeforeIend(tinyPng(), [itxtChunk({ keyword: BAKED_PNG_KEYWORD, text: JSON.stringify(other), compressed: true })]);
    const rebaked = bake(compressedElsewhere, credential);
    expect(credentialChunks(rebaked).map((c) => readItxt(c.data).compressed)).toEqual([false]);
    expect(json(unbake(rebaked))).toEqual(credential);
  });

  it('bakes a VC-JWT as its compact JWS string and unbakes it back as that string', () => {
    const jwt = jwtLike();
    const baked = bake(assetPng(), jwt);
    expect(readItxt(credentialChunks(baked)[0]!.data).text).toBe(jwt);
    expect(unbake(baked)).toEqual({ format: 'png', kind: 'jwt', jwt, text: jwt });
  });

  it('bakes the JSON text of a credential like the object', () => {
    expect(json(unbake(bake(assetPng(), JSON.stringify(credential, null, 2))))).toEqual(credential);
  });

  it('keeps bytes that follow IEND (they are not ours to drop) and takes a Buffer as well as a Uint8Array', () => {
    const trailing = new TextEncoder().encode('trailing bytes');
    const image = Buffer.concat([assetPng(), trailing]);
    const baked = bake(image, credential);
    expect(Buffer.from(baked.subarray(baked.length - trailing.length)).toString()).toBe('trailing bytes');
    expect(json(unbake(baked))).toEqual(credential);
  });

  it('refuses to bake into a damaged PNG or one that already carries two credentials', () => {
    const damaged = assetPng();
    damaged[40] ^= 0xff;
    expect(codeOf(() => bake(damaged, credential))).toBe('BAKED_IMAGE_INVALID');
    const two = withChunksBeforeIend(tinyPng(), [
      itxtChunk({ keyword: BAKED_PNG_KEYWORD, text: '{"a":1}' }),
      itxtChunk({ keyword: BAKED_PNG_KEYWORD, text: '{"a":2}' }),
    ]);
    expect(codeOf(() => bake(two, credential))).toBe('BAKED_IMAGE_INVALID');
  });
});

describe('unbake(png) reads what other bakers write', () => {
  it('a chunk placed right after IHDR, with a language tag and translated keyword', () => {
    const chunks = chunksOf(tinyPng());
    const png = withChunksBeforeIend(tinyPng(), []);
    const ihdrEnd = 8 + 12 + chunks[0]!.data.length;
    const itxt = itxtChunk({ keyword: BAKED_PNG_KEYWORD, text: JSON.stringify(credential), languageTag: 'en-US', translatedKeyword: 'Offene Badges' });
    const early = new Uint8Array([...png.subarray(0, ihdrEnd), ...itxt, ...png.subarray(ihdrEnd)]);
    expect(json(unbake(early))).toEqual(credential);
  });

  it('a compressed chunk (OB 3.0 forbids writing one; readers meet them), within the output cap', () => {
    const png = withChunksBeforeIend(tinyPng(), [itxtChunk({ keyword: BAKED_PNG_KEYWORD, text: JSON.stringify(credential), compressed: true })]);
    expect(json(unbake(png))).toEqual(credential);
  });

  it('JSON with surrounding whitespace, and a JWT followed by a newline', () => {
    const pretty = withChunksBeforeIend(tinyPng(), [itxtChunk({ keyword: BAKED_PNG_KEYWORD, text: `\n  ${JSON.stringify(credential, null, 2)}\n` })]);
    expect(json(unbake(pretty))).toEqual(credential);
    const jwt = jwtLike();
    const withNewline = withChunksBeforeIend(tinyPng(), [itxtChunk({ keyword: BAKED_PNG_KEYWORD, text: `${jwt}\n` })]);
    expect(unbake(withNewline)).toMatchObject({ kind: 'jwt', jwt });
  });

  it('an image baked for both OB 2.0 and OB 3.0: the OB 3.0 credential is read', () => {
    const both = withChunksBeforeIend(tinyPng(), [
      itxtChunk({ keyword: 'openbadges', text: '{"type":"Assertion"}' }),
      itxtChunk({ keyword: BAKED_PNG_KEYWORD, text: JSON.stringify(credential) }),
    ]);
    expect(json(unbake(both))).toEqual(credential);
  });

  it('keywords are case-sensitive (PNG spec): "OpenBadgeCredential" is not the credential', () => {
    const png = withChunksBeforeIend(tinyPng(), [itxtChunk({ keyword: 'OpenBadgeCredential', text: JSON.stringify(credential) })]);
    expect(codeOf(() => unbake(png))).toBe('BAKED_CREDENTIAL_MISSING');
  });
});
