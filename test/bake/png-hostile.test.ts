/**
 * Damaged and hostile PNGs: each gets a stable code and a message saying what is wrong, never a
 * crash, a hang or a guess. Nothing is read past the end of the bytes, and a compressed chunk is
 * never inflated beyond the cap.
 */
import { zlibSync } from 'fflate';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAKED_PNG_KEYWORD, bake, unbake } from '../../src/index.js';
import { Obv3Error } from '../../src/errors.js';
import {
  PNG_SIGNATURE, assetPng, chunksOf, codeOf, concat, errorOf, itxtChunk, itxtData, pngOf, rawChunk, signedCredential, tinyPng, withChunksBeforeIend,
} from './images.js';

let baked: Uint8Array;
let credentialText: string;
beforeAll(async () => {
  const credential = await signedCredential();
  credentialText = JSON.stringify(credential);
  baked = bake(tinyPng(), credential);
});

const ihdr = () => chunksOf(tinyPng())[0]!;
const iend = () => rawChunk('IEND', new Uint8Array());

describe('unbake: damaged PNG structure is BAKED_IMAGE_INVALID', () => {
  it('every truncation of a baked PNG, at every byte', () => {
    for (let length = 0; length < baked.length; length++) {
      const code = codeOf(() => unbake(baked.subarray(0, length)));
      expect.soft(code, `cut at ${length} of ${baked.length}`).toBe('BAKED_IMAGE_INVALID');
    }
  });

  it('a bad CRC in the credential chunk, and in the image data', () => {
    const credentialChunk = rawChunk('iTXt', itxtData({ keyword: BAKED_PNG_KEYWORD, text: credentialText }), { crc: 0x12345678 });
    const error = errorOf(() => unbake(withChunksBeforeIend(tinyPng(), [credentialChunk])));
    expect(error.code).toBe('BAKED_IMAGE_INVALID');
    expect(error.message).toMatch(/chunk iTXt at byte \d+ fails its CRC check/);

    const flipped = baked.slice();
    const idat = chunksOf(baked).findIndex((c) => c.type === 'IDAT');
    let at = 8;
    for (const c of chunksOf(baked).slice(0, idat)) at += 12 + c.data.length;
    flipped[at + 8] ^= 0x01; // first byte of IDAT's data
    expect(errorOf(() => unbake(flipped)).message).toMatch(/chunk IDAT .* fails its CRC check/);
  });

  it('a chunk length past the end of the file, and huge declared lengths', () => {
    for (const length of [1000, 0x7fffffff, 0x80000000, 0xffffffff]) {
      const png = pngOf([rawChunk('IHDR', ihdr().data), rawChunk('iTXt', itxtData({ keyword: BAKED_PNG_KEYWORD, text: '{}' }), { length }), iend()]);
      const error = errorOf(() => unbake(png));
      expect(error.code).toBe('BAKED_IMAGE_INVALID');
      expect(error.message).toMatch(length > 0x7fffffff ? /PNG allows at most 2147483647/ : /declares \d+ bytes but only \d+ remain/);
    }
  });

  it('no IEND, a first chunk other than IHDR, a chunk type that is not letters, a wrong signature', () => {
    const cases: [Uint8Array, RegExp][] = [
      [pngOf([rawChunk('IHDR', ihdr().data)]), /without an IEND chunk/],
      [pngOf([itxtChunk({ keyword: BAKED_PNG_KEYWORD, text: credentialText }), rawChunk('IHDR', ihdr().data), iend()]), /first chunk is iTXt/],
      [pngOf([rawChunk('IHDR', ihdr().data), rawChunk('iT1t', new Uint8Array(3)), iend()]), /not four ASCII letters/],
      [concat([Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00), rawChunk('IHDR', ihdr().data), iend()]), /neither a PNG image nor an SVG image/],
    ];
    for (const [png, message] of cases) {
      const error = errorOf(() => unbake(png));
      expect(error.code).toBe('BAKED_IMAGE_INVALID');
      expect(error.message).toMatch(message);
    }
  });

  it('malformed iTXt fields', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const cases: [Uint8Array, RegExp][] = [
      [concat([enc(BAKED_PNG_KEYWORD), Uint8Array.of(0)]), /ends before its compression fields/],
      [concat([enc(BAKED_PNG_KEYWORD), Uint8Array.of(0, 2, 0, 0, 0), enc('{}')]), /compression flag 2/],
      [concat([enc(BAKED_PNG_KEYWORD), Uint8Array.of(0, 1, 8, 0, 0), enc('{}')]), /compression method 8/],
      [concat([enc(BAKED_PNG_KEYWORD), Uint8Array.of(0, 0, 0), enc('en')]), /no NUL after its language tag/],
      [concat([enc(BAKED_PNG_KEYWORD), Uint8Array.of(0, 0, 0, 0), enc('Badge')]), /no NUL after its translated keyword/],
      [concat([enc(BAKED_PNG_KEYWORD), Uint8Array.of(0, 1, 0, 0, 0), enc('not zlib')]), /does not inflate/],
      [concat([enc(BAKED_PNG_KEYWORD), Uint8Array.of(0, 1, 0, 0, 0), zlibSync(enc(credentialText)).subarray(0, 40)]), /does not inflate/],
    ];
    for (const [data, message] of cases) {
      const error = errorOf(() => unbake(withChunksBeforeIend(tinyPng(), [rawChunk('iTXt', data)])));
      expect.soft(error.code).toBe('BAKED_IMAGE_INVALID');
      expect.soft(error.message).toMatch(message);
    }
  });

  it('an iTXt chunk whose keyword cannot be read is not taken for the credential', () => {
    const unterminated = rawChunk('iTXt', new TextEncoder().encode(BAKED_PNG_KEYWORD));
    const tooLong = rawChunk('iTXt', itxtData({ keyword: 'k'.repeat(80), text: credentialText }));
    expect(codeOf(() => unbake(withChunksBeforeIend(tinyPng(), [unterminated, tooLong])))).toBe('BAKED_CREDENTIAL_MISSING');
  });

  it('two credential chunks: refused rather than picking one', () => {
    const two = withChunksBeforeIend(tinyPng(), [
      itxtChunk({ keyword: BAKED_PNG_KEYWORD, text: credentialText }),
      itxtChunk({ keyword: BAKED_PNG_KEYWORD, text: credentialText.replace('Wait Time', 'Wait Tyme'), compressed: true }),
    ]);
    const error = errorOf(() => unbake(two));
    expect(error.code).toBe('BAKED_IMAGE_INVALID');
    expect(error.message).toMatch(/2 iTXt chunks with keyword "openbadgecredential"/);
  });
});

describe('unbake: caps', () => {
  it('a compressed iTXt bomb (200 MiB of zeros in about 200 KB) stops at the output cap: INPUT_TOO_LARGE', () => {
    const bomb = zlibSync(new Uint8Array(200 * 1024 * 1024), { level: 9 });
    const data = concat([new TextEncoder().encode(BAKED_PNG_KEYWORD), Uint8Array.of(0, 1, 0, 0, 0), bomb]);
    const png = withChunksBeforeIend(tinyPng(), [rawChunk('iTXt', data)]);
    expect(png.length).toBeLessThan(1024 * 1024);
    const error = errorOf(() => unbake(png));
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.message).toMatch(/inflates to more than 4194304 bytes/);
    expect(codeOf(() => unbake(png, { maxCredentialBytes: 1024 }))).toBe('INPUT_TOO_LARGE');
  });

  it('an image over maxImageBytes, and an uncompressed credential over maxCredentialBytes', () => {
    expect(codeOf(() => unbake(baked, { maxImageBytes: baked.length - 1 }))).toBe('INPUT_TOO_LARGE');
    expect(codeOf(() => unbake(baked, { maxImageBytes: baked.length }))).toBe('nothing thrown');
    expect(codeOf(() => unbake(baked, { maxCredentialBytes: 100 }))).toBe('INPUT_TOO_LARGE');
  });

  it('bad options are misuse: INVALID_ARGUMENT', () => {
    expect(codeOf(() => unbake(baked, { maxImageBytes: -1 }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => unbake(baked, { maxCredentialBytes: Number.NaN }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => unbake(42 as unknown as Uint8Array))).toBe('INVALID_ARGUMENT');
  });
});

describe('unbake: what the chunk holds', () => {
  it('no credential: BAKED_CREDENTIAL_MISSING', () => {
    expect(codeOf(() => unbake(assetPng()))).toBe('BAKED_CREDENTIAL_MISSING');
  });

  it('OB 2.0 images (iTXt "openbadges", and the older tEXt "openbadges" with a hosted URL): OB2_ASSERTION', () => {
    const ob2 = withChunksBeforeIend(tinyPng(), [itxtChunk({ keyword: 'openbadges', text: '{"@context":"https://w3id.org/openbadges/v2","type":"Assertion"}' })]);
    const error = errorOf(() => unbake(ob2));
    expect(error.code).toBe('OB2_ASSERTION');
    expect(error.message).toMatch(/Open Badges 2\.0 assertion/);
    expect(codeOf(() => unbake(tinyPng({ openbadges: 'https://example.org/assertions/123' })))).toBe('OB2_ASSERTION');
  });

  it('text that is not UTF-8, not JSON, or JSON that is not an object: BAKED_CREDENTIAL_INVALID', () => {
    const cases: (string | Uint8Array)[] = [Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d), 'https://example.org/assertions/123', '{"truncated": ', '[1, 2]', '   '];
    for (const text of cases) {
      const png = withChunksBeforeIend(tinyPng(), [itxtChunk({ keyword: BAKED_PNG_KEYWORD, text })]);
      expect.soft(codeOf(() => unbake(png)), String(text)).toBe('BAKED_CREDENTIAL_INVALID');
    }
  });

  it('other image formats are named', () => {
    const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46);
    expect(errorOf(() => unbake(jpeg)).message).toBe('This is a JPEG file; Open Badges are baked only into PNG and SVG images.');
    expect(errorOf(() => unbake(new TextEncoder().encode('GIF89a....'))).message).toMatch(/GIF file/);
  });
});

describe('unbake never throws anything but an Obv3Error, whatever the bytes', () => {
  it('random byte changes to a baked PNG', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const mutated = baked.slice();
        for (const [at, value] of edits) mutated[at % mutated.length] = value;
        try {
          unbake(mutated);
        } catch (error) {
          expect(error).toBeInstanceOf(Obv3Error);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random chunk sequences after a valid signature', () => {
    const chunk = fc.tuple(fc.constantFrom('IHDR', 'iTXt', 'tEXt', 'IDAT', 'IEND', 'zzzz'), fc.uint8Array({ maxLength: 64 }), fc.boolean())
      .map(([type, data, badCrc]) => rawChunk(type, data, badCrc ? { crc: 0 } : {}));
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 6 }), fc.uint8Array({ maxLength: 16 }), (chunks, tail) => {
        try {
          unbake(concat([PNG_SIGNATURE, ...chunks, tail]));
        } catch (error) {
          expect(error).toBeInstanceOf(Obv3Error);
        }
      }),
      { numRuns: 300 },
    );
  });
});
