import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase58btc, encodeBase58btc } from '../../src/keys/base58btc.js';

describe('base58btc', () => {
  it('encodes the well-known "Hello World!" example', () => {
    expect(encodeBase58btc(new TextEncoder().encode('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
  });

  it('keeps leading zero bytes as leading "1"s', () => {
    expect(encodeBase58btc(Uint8Array.from([0, 0, 1]))).toBe('112');
    expect(decodeBase58btc('112')).toEqual(Uint8Array.from([0, 0, 1]));
    expect(encodeBase58btc(new Uint8Array())).toBe('');
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(decodeBase58btc(encodeBase58btc(bytes))).toEqual(bytes);
      }),
    );
  });

  it('rejects characters outside the alphabet', () => {
    for (const bad of ['0', 'O', 'I', 'l', '+', ' abc']) {
      expect(decodeBase58btc(bad)).toBeUndefined();
    }
  });
});
