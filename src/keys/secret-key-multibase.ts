/**
 * Ed25519 secret keys as multibase values. Two layouts exist in the wild, both behind the
 * ed25519-priv header (0x80 0x26):
 * - CID 1.0 / Multikey: the 32-byte seed. This is what we write.
 * - seed ‖ public key (64 bytes): the Ed25519VerificationKey2020 `privateKeyMultibase` layout,
 *   also used by the Open Badges 3.0 implementation guide's `secretKeyMultibase`. We read it.
 * Error messages name the field and what is wrong, never the value.
 */
import { Obv3Error } from '../errors.js';
import {
  decodeMulticodecKey,
  ED25519_KEY_LENGTH,
  ED25519_PRIVATE_CODEC,
  ED25519_PRIVATE_HEADER,
  encodeMulticodecKey,
} from './multicodec-key.js';

export interface DecodedSecretKey {
  seed: Uint8Array;
  /** The public key the 64-byte layout carries; the caller must check it against the seed. */
  embeddedPublicKey?: Uint8Array;
}

export function secretKeyFromMultibase(mb: unknown, label: string): DecodedSecretKey {
  const { codec, keyBytes } = decodeMulticodecKey(mb, label);
  if (codec !== ED25519_PRIVATE_CODEC) {
    throw new Obv3Error(
      'KEY_INVALID',
      `${label} does not start with the ed25519-priv multicodec header (bytes 0x80 0x26); it is not an Ed25519 secret key.`,
    );
  }
  if (keyBytes.length === ED25519_KEY_LENGTH) {
    return { seed: keyBytes.slice() };
  }
  if (keyBytes.length === 2 * ED25519_KEY_LENGTH) {
    return {
      seed: keyBytes.slice(0, ED25519_KEY_LENGTH),
      embeddedPublicKey: keyBytes.slice(ED25519_KEY_LENGTH),
    };
  }
  throw new Obv3Error(
    'KEY_INVALID',
    `${label} holds ${keyBytes.length} bytes after the ed25519-priv header, expected ${ED25519_KEY_LENGTH} (seed, CID 1.0 form) or ${2 * ED25519_KEY_LENGTH} (seed followed by public key).`,
  );
}

/** The CID 1.0 `secretKeyMultibase` of a 32-byte seed. */
export function multibaseFromSeed(seed: Uint8Array): string {
  return encodeMulticodecKey(ED25519_PRIVATE_HEADER, seed);
}
