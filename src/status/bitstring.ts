/**
 * The status bitstring and its wire form (`encodedList`): GZIP, then base64url without padding,
 * with the multibase `u` prefix for BitstringStatusList (W3C Recommendation) and without it for
 * StatusList2021 (CCG report). Bits are MSB-first: index 0 is the left-most bit of byte 0.
 *
 * Bit access and encoding are @digitalbazaar/bitstring's. Decoding is ours: that package inflates
 * without an output cap (an all-zero list compresses about 1000:1, so a small hostile response
 * could expand to gigabytes) and accepts any base64url, so the verifier decodes strictly here.
 */
import { Bitstring } from '@digitalbazaar/bitstring';
import { gunzipSync } from 'node:zlib';
import { Obv3Error } from '../errors.js';
import { MIN_STATUS_LIST_LENGTH } from './types.js';

/** Why a list or an index cannot be used. The last two are the W3C Recommendation's error names. */
export type StatusListErrorReason = 'MALFORMED' | 'TOO_LARGE' | 'STATUS_LIST_LENGTH_ERROR' | 'RANGE_ERROR';

export class StatusListError extends Error {
  readonly reason: StatusListErrorReason;

  constructor(reason: StatusListErrorReason, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StatusListError';
    this.reason = reason;
  }
}

/**
 * Largest decompressed list accepted by default: 16 MiB, i.e. 134,217,728 bits, 1024 times the
 * W3C minimum. An all-zero list compresses about 1000:1, so without a cap a 100 KB response could
 * expand to gigabytes; 16 MiB inflates in tens of milliseconds.
 */
export const DEFAULT_MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;

/** Widest status a list entry may declare: values stay exact in a JS number and cheap to read. */
export const MAX_STATUS_SIZE = 32;

export interface DecodeBitstringOptions {
  /** Largest decompressed size in bytes; default DEFAULT_MAX_STATUS_LIST_BYTES. */
  maxBytes?: number;
  /** true: BitstringStatusList (`u` prefix required); false: StatusList2021 (no prefix). */
  multibase: boolean;
  /** Fewest bits accepted; default MIN_STATUS_LIST_LENGTH (131,072). */
  minBits?: number;
}

/** GZIP, then multibase base64url without padding (`u…`), as the W3C Recommendation publishes it. */
export async function encodeBitstring(bits: Uint8Array): Promise<string> {
  if (!(bits instanceof Uint8Array)) throw new Obv3Error('INVALID_ARGUMENT', 'bits must be a Uint8Array.');
  return `u${await bitstringOver(bits).encodeBits()}`;
}

/** The list's bits, or a StatusListError saying why not; never inflates beyond `maxBytes`. */
export function decodeBitstring(encodedList: string, options: DecodeBitstringOptions): Uint8Array {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_STATUS_LIST_BYTES;
  const minBits = options.minBits ?? MIN_STATUS_LIST_LENGTH;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new Obv3Error('INVALID_ARGUMENT', `maxBytes must be a positive integer; got ${String(maxBytes)}.`);
  if (!Number.isSafeInteger(minBits) || minBits < 0) throw new Obv3Error('INVALID_ARGUMENT', `minBits must be a non-negative integer; got ${String(minBits)}.`);
  if (typeof encodedList !== 'string' || encodedList.length === 0) {
    throw new StatusListError('MALFORMED', 'encodedList must be a non-empty string.');
  }
  const body = options.multibase ? stripMultibasePrefix(encodedList) : encodedList;
  // Incompressible data grows by well under 1% in GZIP; anything longer cannot inflate to a list
  // we would accept, so refuse it before decoding a huge string.
  if ((body.length * 3) / 4 > maxBytes * 1.01 + 65_536) {
    throw new StatusListError('TOO_LARGE', `encodedList is ${body.length} characters, too long for a list of at most ${maxBytes} bytes.`);
  }
  const compressed = options.multibase ? decodeBase64url(body) : decodeBase64Lenient(body);
  const bits = gunzipCapped(compressed, maxBytes);
  if (bits.length * 8 < minBits) {
    throw new StatusListError(
      'STATUS_LIST_LENGTH_ERROR',
      `The list has ${bits.length * 8} bits; at least ${minBits} are required (the W3C minimum gives holders herd privacy).`,
    );
  }
  return bits;
}

/**
 * The status at `index`: `statusSize` bits starting at bit `index * statusSize`, the first bit
 * most significant. 0 means "not set" for revocation and suspension.
 */
export function readBits(bits: Uint8Array, index: number, statusSize = 1): number {
  checkStatusSize(statusSize);
  const first = checkIndex(bits, index, statusSize) * statusSize;
  const bitstring = bitstringOver(bits);
  let value = 0;
  // Multiplication rather than `<<` so a 32-bit status does not turn negative.
  for (let bit = first; bit < first + statusSize; bit++) value = value * 2 + (bitstring.get(bit) ? 1 : 0);
  return value;
}

/** Sets (true) or clears (false) the single bit at `index`, in place. */
export function writeBit(bits: Uint8Array, index: number, value: boolean): void {
  checkIndex(bits, index, 1);
  bitstringOver(bits).set(index, value);
}

/**
 * A Bitstring over exactly these bytes. The package wraps the buffer's whole underlying
 * ArrayBuffer, so a view into a larger one (a pooled Node Buffer, a subarray) is copied first.
 */
function bitstringOver(bits: Uint8Array): Bitstring {
  const exact = bits.byteOffset === 0 && bits.byteLength === bits.buffer.byteLength ? bits : bits.slice();
  return new Bitstring({ buffer: exact });
}

function checkStatusSize(statusSize: number): void {
  if (!Number.isSafeInteger(statusSize) || statusSize < 1 || statusSize > MAX_STATUS_SIZE) {
    throw new StatusListError('MALFORMED', `statusSize must be an integer from 1 to ${MAX_STATUS_SIZE}; got ${String(statusSize)}.`);
  }
}

function checkIndex(bits: Uint8Array, index: number, statusSize: number): number {
  if (typeof index !== 'number' || !Number.isInteger(index)) {
    throw new StatusListError('MALFORMED', `A status list index must be an integer; got ${String(index)}.`);
  }
  // Compared as a count of entries, so a huge index cannot overflow `index * statusSize`.
  const entries = Math.floor((bits.length * 8) / statusSize);
  if (index < 0 || index >= entries) {
    throw new StatusListError('RANGE_ERROR', `Index ${index} is outside the list, which holds ${entries} entries of ${statusSize} bit(s).`);
  }
  return index;
}

function stripMultibasePrefix(encodedList: string): string {
  if (encodedList.startsWith('u')) return encodedList.slice(1);
  // GZIP's magic bytes make every unprefixed value start with "H4s": say what went wrong.
  const hint = encodedList.startsWith('H4s') ? ' It looks like a StatusList2021-style value without the prefix.' : '';
  throw new StatusListError(
    'MALFORMED',
    `A BitstringStatusList encodedList must be multibase base64url without padding (starting with "u").${hint}`,
  );
}

/** Strict RFC 4648 §5 without padding: Buffer's decoder silently skips bad characters, so check first. */
function decodeBase64url(body: string): Buffer {
  if (!/^[A-Za-z0-9_-]*$/.test(body)) throw new StatusListError('MALFORMED', 'encodedList is not base64url without padding.');
  return decodeCanonical(body, 'base64url', body);
}

/**
 * StatusList2021's prose says "base-64" while its examples use the URL alphabet, and both are
 * published; either alphabet (not mixed), with or without correct padding, is accepted. The list
 * is signed, so reading it leniently cannot change what it says.
 */
function decodeBase64Lenient(body: string): Buffer {
  const url = /^[A-Za-z0-9_-]*={0,2}$/.test(body);
  const standard = /^[A-Za-z0-9+/]*={0,2}$/.test(body);
  if (!url && !standard) throw new StatusListError('MALFORMED', 'encodedList is not base64 or base64url.');
  const unpadded = body.replace(/=+$/, '');
  if (unpadded.length !== body.length && body.length % 4 !== 0) throw new StatusListError('MALFORMED', 'encodedList has wrong base64 padding.');
  return decodeCanonical(unpadded, url ? 'base64url' : 'base64', unpadded);
}

/** Rejects a dangling character or non-zero spare bits: the only valid encoding round-trips. */
function decodeCanonical(body: string, encoding: 'base64' | 'base64url', expected: string): Buffer {
  const bytes = Buffer.from(body, encoding);
  if (bytes.toString(encoding).replace(/=+$/, '') !== expected) {
    throw new StatusListError('MALFORMED', 'encodedList is not canonical base64 (bad length or trailing bits).');
  }
  return bytes;
}

function gunzipCapped(compressed: Buffer, maxBytes: number): Uint8Array {
  let result: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    // maxOutputLength stops inflation as soon as the output would pass the cap, so a bomb costs
    // at most maxBytes of memory and the time to produce it.
    result = gunzipSync(compressed, { maxOutputLength: maxBytes, info: true }) as unknown as typeof result;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new StatusListError('TOO_LARGE', `The decompressed list is larger than ${maxBytes} bytes.`, { cause: error });
    }
    throw new StatusListError('MALFORMED', `encodedList is not valid GZIP: ${(error as Error).message}.`, { cause: error });
  }
  // zlib stops after the last member and ignores what follows; a signed list has no junk.
  if (result.engine.bytesWritten !== compressed.length) {
    throw new StatusListError('MALFORMED', `encodedList has ${compressed.length - result.engine.bytesWritten} bytes of trailing data after the GZIP stream.`);
  }
  const out = result.buffer;
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
