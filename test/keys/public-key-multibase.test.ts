import { describe, expect, it } from 'vitest';
import { encodeMulticodecKey } from '../../src/keys/multicodec-key.js';
import { multibaseFromPublicKey, publicKeyFromMultibase } from '../../src/keys/public-key-multibase.js';
import { caughtError } from './caught-error.js';

const bytes = Uint8Array.from({ length: 32 }, (_, i) => i + 1);

describe('publicKeyMultibase', () => {
  it('round-trips 32 bytes through z6Mk…', () => {
    const mb = multibaseFromPublicKey(bytes);
    expect(mb.startsWith('z6Mk')).toBe(true);
    expect(publicKeyFromMultibase(mb)).toEqual(bytes);
  });

  it.each([
    ['an empty string', '', /non-empty/],
    ['a non-base58btc multibase prefix', 'f' + 'ed01'.padEnd(68, '0'), /start with "z"/],
    ['a character outside base58', 'z6Mk0OIl', /base58 alphabet/],
    ['another key type header (x25519-pub)', encodeMulticodecKey([0xec, 0x01], bytes), /x25519-pub \(0xec\).*expected ed25519-pub/],
    ['too few key bytes', encodeMulticodecKey([0xed, 0x01], bytes.subarray(0, 31)), /31 key bytes.*exactly 32/],
    ['too many key bytes', encodeMulticodecKey([0xed, 0x01], Uint8Array.from([...bytes, 0])), /33 key bytes/],
    ['a padded (non-minimal) varint header', encodeMulticodecKey([0xed, 0x81, 0x00], bytes), /non-minimal/],
  ])('refuses %s with KEY_INVALID saying which part is wrong', async (_, value, message) => {
    const error = await caughtError(() => publicKeyFromMultibase(value));
    expect(error.code).toBe('KEY_INVALID');
    expect(error.message).toMatch(message);
  });

  it('refuses to encode anything but 32 bytes', async () => {
    const error = await caughtError(() => multibaseFromPublicKey(bytes.subarray(1)));
    expect(error.code).toBe('INVALID_ARGUMENT');
  });
});
