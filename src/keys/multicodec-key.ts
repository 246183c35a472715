/**
 * Multibase (base58btc, prefix `z`) + multicodec header framing for raw key bytes, as used by
 * Multikey `publicKeyMultibase` / `secretKeyMultibase` and by did:key identifiers.
 */
import { Obv3Error } from '../errors.js';
import { decodeBase58btc, encodeBase58btc } from './base58btc.js';

/** Multicodec `ed25519-pub`, and as the unsigned varint that starts a value. */
export const ED25519_PUBLIC_CODEC = 0xed;
export const ED25519_PUBLIC_HEADER: readonly number[] = [0xed, 0x01];
/** Multicodec `ed25519-priv`, and as the unsigned varint that starts a value. */
export const ED25519_PRIVATE_CODEC = 0x1300;
export const ED25519_PRIVATE_HEADER: readonly number[] = [0x80, 0x26];

export const ED25519_KEY_LENGTH = 32;

/** Names for multicodec key codes we may meet in did:key values, to word errors usefully. */
const KEY_CODEC_NAMES: ReadonlyMap<number, string> = new Map([
  [0xe7, 'secp256k1-pub'],
  [0xeb, 'bls12_381-g2-pub'],
  [0xec, 'x25519-pub'],
  [0xed, 'ed25519-pub'],
  [0x1200, 'p256-pub'],
  [0x1201, 'p384-pub'],
  [0x1202, 'p521-pub'],
  [0x1205, 'rsa-pub'],
  [0x1300, 'ed25519-priv'],
]);

export function describeCodec(code: number): string {
  const name = KEY_CODEC_NAMES.get(code);
  const hex = `0x${code.toString(16)}`;
  return name === undefined ? hex : `${name} (${hex})`;
}

export interface MulticodecKey {
  /** The multicodec code read from the varint header. */
  codec: number;
  /** The bytes after the header. */
  keyBytes: Uint8Array;
}

/**
 * Decodes `z…` into multicodec code and key bytes. `label` names the value in error messages;
 * the value itself is never echoed, because callers also pass secrets through here.
 */
export function decodeMulticodecKey(value: unknown, label: string): MulticodecKey {
  if (typeof value !== 'string' || value.length === 0) {
    throw new Obv3Error('KEY_INVALID', `${label} must be a non-empty multibase string starting with "z".`);
  }
  if (!value.startsWith('z')) {
    throw new Obv3Error(
      'KEY_INVALID',
      `${label} must use multibase base58btc: it has to start with "z" (a Multikey value such as "z6Mk…").`,
    );
  }
  const bytes = decodeBase58btc(value.slice(1));
  if (bytes === undefined) {
    throw new Obv3Error(
      'KEY_INVALID',
      `${label} is not valid base58btc: it contains a character outside the base58 alphabet (0, O, I and l are not allowed).`,
    );
  }
  const header = readVarint(bytes);
  if (header === undefined) {
    throw new Obv3Error('KEY_INVALID', `${label} is too short to hold a multicodec header.`);
  }
  if (header === 'non-minimal') {
    throw new Obv3Error('KEY_INVALID', `${label} has a multicodec header in a padded (non-minimal) varint, which multicodec does not allow.`);
  }
  return { codec: header.value, keyBytes: bytes.subarray(header.length) };
}

/** Encodes key bytes behind a multicodec header as multibase base58btc. */
export function encodeMulticodecKey(header: readonly number[], keyBytes: Uint8Array): string {
  const framed = new Uint8Array(header.length + keyBytes.length);
  framed.set(header, 0);
  framed.set(keyBytes, header.length);
  return `z${encodeBase58btc(framed)}`;
}

/**
 * Reads an unsigned LEB128 varint (multicodec codes fit in 3 bytes). Only the minimal form is a
 * value: with it, and base58btc having one spelling per byte string, a multibase key has exactly
 * one spelling, so a decoded value never needs re-encoding to be known canonical.
 */
function readVarint(bytes: Uint8Array): { value: number; length: number } | 'non-minimal' | undefined {
  let value = 0;
  for (let i = 0; i < Math.min(bytes.length, 3); i++) {
    const byte = bytes[i]!;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return i > 0 && byte === 0 ? 'non-minimal' : { value, length: i + 1 };
  }
  return undefined;
}
