import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase58btc, encodeBase58btc } from '../../src/keys/base58btc.js';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** The textbook digit-at-a-time conversion (obv3's first implementation): the reference. */
const reference = {
  encode(bytes: Uint8Array): string {
    let zeros = 0;
    while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
    const digits: number[] = [];
    for (let i = zeros; i < bytes.length; i++) {
      let carry = bytes[i]!;
      for (let j = 0; j < digits.length; j++) {
        carry += digits[j]! * 256;
        digits[j] = carry % 58;
        carry = Math.floor(carry / 58);
      }
      while (carry > 0) {
        digits.push(carry % 58);
        carry = Math.floor(carry / 58);
      }
    }
    return '1'.repeat(zeros) + digits.reverse().map((d) => ALPHABET[d]).join('');
  },
  decode(text: string): Uint8Array | undefined {
    let zeros = 0;
    while (zeros < text.length && text[zeros] === '1') zeros++;
    const bytes: number[] = [];
    for (let i = zeros; i < text.length; i++) {
      const digit = ALPHABET.indexOf(text[i]!);
      if (digit === -1) return undefined;
      let carry = digit;
      for (let j = 0; j < bytes.length; j++) {
        carry += bytes[j]! * 58;
        bytes[j] = carry & 0xff;
        carry >>= 8;
      }
      while (carry > 0) {
        bytes.push(carry & 0xff);
        carry >>= 8;
      }
    }
    return Uint8Array.from([...new Array<number>(zeros).fill(0), ...bytes.reverse()]);
  },
};

/** Bytes with a run of leading zeros now and then, up to well past a signature's 64. */
const someBytes = fc.tuple(fc.nat({ max: 4 }), fc.uint8Array({ maxLength: 200 })).map(([zeros, rest]) => Uint8Array.from([...new Array<number>(zeros).fill(0), ...rest]));
const someBase58 = fc.tuple(fc.nat({ max: 4 }), fc.array(fc.constantFrom(...ALPHABET), { maxLength: 280 })).map(([ones, rest]) => '1'.repeat(ones) + rest.join(''));

describe('base58btc', () => {
  it('encodes the well-known "Hello World!" example', () => {
    expect(encodeBase58btc(new TextEncoder().encode('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
  });

  it('gives the test vectors of draft-msporny-base58', () => {
    const vectors: [Uint8Array, string][] = [
      [new TextEncoder().encode('The quick brown fox jumps over the lazy dog.'), 'USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z'],
      [Uint8Array.from([0x00, 0x00, 0x28, 0x7f, 0xb4, 0xcd]), '11233QC4'],
    ];
    for (const [bytes, text] of vectors) {
      expect(encodeBase58btc(bytes)).toBe(text);
      expect(decodeBase58btc(text)).toEqual(bytes);
    }
  });

  it('keeps leading zero bytes as leading "1"s', () => {
    expect(encodeBase58btc(Uint8Array.from([0, 0, 1]))).toBe('112');
    expect(decodeBase58btc('112')).toEqual(Uint8Array.from([0, 0, 1]));
    expect(encodeBase58btc(new Uint8Array())).toBe('');
    expect(encodeBase58btc(new Uint8Array(3))).toBe('111');
    expect(decodeBase58btc('')).toEqual(new Uint8Array());
    expect(decodeBase58btc('111')).toEqual(new Uint8Array(3));
  });

  it('encodes exactly as the digit-at-a-time reference, for any bytes', () => {
    fc.assert(fc.property(someBytes, (bytes) => {
      expect(encodeBase58btc(bytes)).toBe(reference.encode(bytes));
    }), { numRuns: 2000 });
  });

  it('decodes exactly as the reference, for any base58 text (canonical or not)', () => {
    fc.assert(fc.property(someBase58, (text) => {
      expect(decodeBase58btc(text)).toEqual(reference.decode(text));
    }), { numRuns: 2000 });
  });

  it('encodes 64-byte signatures (every value of the first and last byte) as the reference', () => {
    for (let b = 0; b < 256; b++) {
      const signature = Uint8Array.from({ length: 64 }, (_, i) => (i === 0 || i === 63 ? b : (i * 37 + b) & 0xff));
      expect(encodeBase58btc(signature)).toBe(reference.encode(signature));
      expect(decodeBase58btc(encodeBase58btc(signature))).toEqual(signature);
    }
  });

  it('encodes and decodes long inputs (longer than one String.fromCharCode call takes) as the reference', () => {
    const bytes = Uint8Array.from({ length: 3500 }, (_, i) => (i * 7919 + 13) & 0xff);
    const text = reference.encode(bytes);
    expect(text.length).toBeGreaterThan(4096);
    expect(encodeBase58btc(bytes)).toBe(text);
    expect(decodeBase58btc(text)).toEqual(bytes);
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(decodeBase58btc(encodeBase58btc(bytes))).toEqual(bytes);
      }),
    );
  });

  it('rejects characters outside the alphabet', () => {
    for (const bad of ['0', 'O', 'I', 'l', '+', ' abc', 'z6Mké', '1\u0131', 'abc\u{1F600}']) {
      expect(decodeBase58btc(bad)).toBeUndefined();
    }
  });
});
