/**
 * The status bitstring codec: MSB-first bit order, the GZIP + base64url wire form with and
 * without the multibase prefix, and refusal of bombs, junk and short lists with stable reasons.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_STATUS_LIST_BYTES,
  StatusListError,
  decodeBitstring,
  encodeBitstring,
  readBits,
  writeBit,
  type StatusListErrorReason,
} from '../../../src/status/bitstring.js';
import { MIN_STATUS_LIST_LENGTH } from '../../../src/status/types.js';

const MIN_BYTES = MIN_STATUS_LIST_LENGTH / 8;
const BSL = { maxBytes: DEFAULT_MAX_STATUS_LIST_BYTES, multibase: true } as const;
const SL2021 = { maxBytes: DEFAULT_MAX_STATUS_LIST_BYTES, multibase: false } as const;

function reasonOf(run: () => unknown): StatusListErrorReason | 'no error' {
  try {
    run();
  } catch (error) {
    if (error instanceof StatusListError) return error.reason;
    throw error;
  }
  return 'no error';
}

describe('bit order (MSB-first, as the store keeps it)', () => {
  it('index 0 is 0x80 of byte 0 and index 9 is 0x40 of byte 1', () => {
    const bits = new Uint8Array(2);
    writeBit(bits, 0, true);
    expect([...bits]).toEqual([0x80, 0x00]);
    writeBit(bits, 9, true);
    expect([...bits]).toEqual([0x80, 0x40]);
    writeBit(bits, 0, false);
    expect([...bits]).toEqual([0x00, 0x40]);
  });

  it('reads what a hand-made byte says', () => {
    const bits = Uint8Array.of(0b1010_0001, 0b0100_0000);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => readBits(bits, i))).toEqual([1, 0, 1, 0, 0, 0, 0, 1]);
    expect(readBits(bits, 8)).toBe(0);
    expect(readBits(bits, 9)).toBe(1);
  });

  it('reads statusSize 2 as two bits starting at index * 2, first bit most significant', () => {
    // Entries: 10 | 11 | 00 | 01 — then 01 | 10 | 00 | 00.
    const bits = Uint8Array.of(0b10_11_00_01, 0b01_10_00_00);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => readBits(bits, i, 2))).toEqual([2, 3, 0, 1, 1, 2, 0, 0]);
    expect(reasonOf(() => readBits(bits, 8, 2))).toBe('RANGE_ERROR');
  });

  it('reads an 8-bit and a 32-bit status without going negative', () => {
    const bits = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x12);
    expect(readBits(bits, 4, 8)).toBe(0x12);
    expect(readBits(bits, 0, 32)).toBe(0xffff_ffff);
  });

  it('refuses indices outside the list with RANGE_ERROR, and nonsense with MALFORMED', () => {
    const bits = new Uint8Array(2);
    expect(reasonOf(() => readBits(bits, 15))).toBe('no error');
    expect(reasonOf(() => readBits(bits, 16))).toBe('RANGE_ERROR');
    expect(reasonOf(() => readBits(bits, -1))).toBe('RANGE_ERROR');
    expect(reasonOf(() => readBits(bits, Number.MAX_SAFE_INTEGER, 32))).toBe('RANGE_ERROR');
    expect(reasonOf(() => writeBit(bits, 16, true))).toBe('RANGE_ERROR');
    expect(reasonOf(() => readBits(bits, 1.5))).toBe('MALFORMED');
    expect(reasonOf(() => readBits(bits, 0, 0))).toBe('MALFORMED');
    expect(reasonOf(() => readBits(bits, 0, 33))).toBe('MALFORMED');
  });
});

describe('encodeBitstring / decodeBitstring', async () => {
  it('round-trips a minimum-size list with scattered bits set', async () => {
    const bits = new Uint8Array(MIN_BYTES);
    for (const i of [0, 23, 9999, MIN_STATUS_LIST_LENGTH - 1]) writeBit(bits, i, true);
    const encoded = await encodeBitstring(bits);
    expect(encoded.startsWith('uH4sI')).toBe(true);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    const decoded = decodeBitstring(encoded, BSL);
    expect(decoded).toEqual(bits);
    expect(readBits(decoded, 23)).toBe(1);
    expect(readBits(decoded, 24)).toBe(0);
  });

  it('is deterministic (same bits, same string), so unchanged lists publish identically', async () => {
    const bits = new Uint8Array(MIN_BYTES);
    writeBit(bits, 42, true);
    expect(await encodeBitstring(bits)).toBe(await encodeBitstring(Uint8Array.from(bits)));
  });

  it('round-trips a 16 KiB list of all ones', async () => {
    const bits = new Uint8Array(MIN_BYTES).fill(0xff);
    const decoded = decodeBitstring(await encodeBitstring(bits), BSL);
    expect(decoded.length).toBe(MIN_BYTES);
    expect(decoded.every((b) => b === 0xff)).toBe(true);
    expect(readBits(decoded, MIN_STATUS_LIST_LENGTH - 1)).toBe(1);
  });

  it('requires the multibase "u" prefix for BitstringStatusList, and says why when it is missing', async () => {
    const encoded = await encodeBitstring(new Uint8Array(MIN_BYTES));
    const unprefixed = encoded.slice(1);
    expect(() => decodeBitstring(unprefixed, BSL)).toThrow(/starting with "u".*StatusList2021-style/);
    expect(reasonOf(() => decodeBitstring(unprefixed, BSL))).toBe('MALFORMED');
    // Multibase "U" is base64url *with* padding: not what the Recommendation specifies.
    expect(reasonOf(() => decodeBitstring(`U${unprefixed}`, BSL))).toBe('MALFORMED');
  });

  it('reads StatusList2021 values (no prefix), in either base64 alphabet, and rejects a prefix there', async () => {
    const bits = new Uint8Array(MIN_BYTES);
    writeBit(bits, 7, true);
    const compressed = gzipSync(bits);
    expect(decodeBitstring(compressed.toString('base64url'), SL2021)).toEqual(bits);
    expect(decodeBitstring(compressed.toString('base64'), SL2021)).toEqual(bits);
    expect(reasonOf(() => decodeBitstring(`u${compressed.toString('base64url')}`, SL2021))).toBe('MALFORMED');
  });

  it('refuses what is not base64url, not GZIP, or followed by junk, as MALFORMED', async () => {
    const compressed = gzipSync(new Uint8Array(MIN_BYTES));
    const cases = [
      `u${compressed.toString('base64url')}!`,
      `u${compressed.toString('base64url')}A`, // a dangling sixth of a byte
      `u${compressed.toString('base64')}`.replace(/=+$/, '') + '==',
      `u${Buffer.from('definitely not gzip').toString('base64url')}`,
      `u${compressed.subarray(0, compressed.length - 4).toString('base64url')}`, // truncated
      `u${Buffer.concat([compressed, Buffer.alloc(8)]).toString('base64url')}`, // trailing zeros zlib would ignore
      `u${Buffer.concat([compressed, Buffer.from('junk')]).toString('base64url')}`,
      '',
      'u',
    ];
    for (const value of cases) expect(reasonOf(() => decodeBitstring(value, BSL)), value.slice(-12)).toBe('MALFORMED');
  });

  it('refuses a list shorter than 131,072 bits with STATUS_LIST_LENGTH_ERROR', async () => {
    const short = await encodeBitstring(new Uint8Array(125)); // 1000 bits
    expect(reasonOf(() => decodeBitstring(short, BSL))).toBe('STATUS_LIST_LENGTH_ERROR');
    const almost = await encodeBitstring(new Uint8Array(MIN_BYTES - 1));
    expect(reasonOf(() => decodeBitstring(almost, BSL))).toBe('STATUS_LIST_LENGTH_ERROR');
    // The caller may lower the floor (an ecosystem may set its own minimum).
    expect(decodeBitstring(short, { ...BSL, minBits: 1000 }).length).toBe(125);
  });

  it('refuses a 64 MiB gzip bomb with TOO_LARGE quickly', async () => {
    const bomb = `u${gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 }).toString('base64url')}`;
    expect(bomb.length).toBeLessThan(100_000); // ~1000:1
    const started = performance.now();
    const reason = reasonOf(() => decodeBitstring(bomb, BSL));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(reason).toBe('TOO_LARGE');
  });

  it('stops inflating at the cap: a 4 GiB multi-member bomb fails as fast as a small one', async () => {
    // 64 copies of one 64 MiB member: 4 GiB of zeros that an uncapped inflate could not even hold.
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const bomb = `u${Buffer.concat(Array.from({ length: 64 }, () => member)).toString('base64url')}`;
    // Small enough to pass the encoded-length check, so it is the inflate cap that stops it.
    expect((bomb.length * 3) / 4).toBeLessThan(DEFAULT_MAX_STATUS_LIST_BYTES);
    const before = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    const reason = reasonOf(() => decodeBitstring(bomb, BSL));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(reason).toBe('TOO_LARGE');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(256 * 1024 * 1024);
  });

  it('accepts a list of exactly maxBytes and refuses one byte more', async () => {
    const maxBytes = MIN_BYTES * 2;
    expect(decodeBitstring(await encodeBitstring(new Uint8Array(maxBytes)), { maxBytes, multibase: true }).length).toBe(maxBytes);
    const oneMore = await encodeBitstring(new Uint8Array(maxBytes + 1));
    expect(reasonOf(() => decodeBitstring(oneMore, { maxBytes, multibase: true }))).toBe('TOO_LARGE');
  });

  it('refuses an encoded string too long to be any acceptable list before decoding it', async () => {
    const huge = `u${'A'.repeat(2_000_000)}`;
    expect(reasonOf(() => decodeBitstring(huge, { maxBytes: 1024 * 1024, multibase: true }))).toBe('TOO_LARGE');
  });
});
