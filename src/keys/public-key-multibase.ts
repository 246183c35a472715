/** Ed25519 public keys as Multikey `publicKeyMultibase` values (`z6Mk…`). */
import { Obv3Error } from '../errors.js';
import {
  decodeMulticodecKey,
  describeCodec,
  ED25519_KEY_LENGTH,
  ED25519_PUBLIC_CODEC,
  ED25519_PUBLIC_HEADER,
  encodeMulticodecKey,
} from './multicodec-key.js';

/**
 * The 32 raw Ed25519 public key bytes in a `publicKeyMultibase` value.
 * Throws Obv3Error KEY_INVALID naming the part that is wrong (prefix, alphabet, header, length).
 */
export function publicKeyFromMultibase(mb: string, label = 'publicKeyMultibase'): Uint8Array {
  const { codec, keyBytes } = decodeMulticodecKey(mb, label);
  if (codec !== ED25519_PUBLIC_CODEC) {
    throw new Obv3Error(
      'KEY_INVALID',
      `${label} has multicodec header ${describeCodec(codec)}, expected ed25519-pub (0xed, bytes 0xed 0x01; values start with "z6Mk").`,
    );
  }
  if (keyBytes.length !== ED25519_KEY_LENGTH) {
    throw new Obv3Error(
      'KEY_INVALID',
      `${label} holds ${keyBytes.length} key bytes after the ed25519-pub header, expected exactly ${ED25519_KEY_LENGTH}.`,
    );
  }
  return keyBytes.slice();
}

/** The `publicKeyMultibase` (`z6Mk…`) of 32 raw Ed25519 public key bytes. */
export function multibaseFromPublicKey(bytes: Uint8Array): string {
  if (!(bytes instanceof Uint8Array) || bytes.length !== ED25519_KEY_LENGTH) {
    throw new Obv3Error(
      'INVALID_ARGUMENT',
      `An Ed25519 public key must be a Uint8Array of ${ED25519_KEY_LENGTH} bytes.`,
    );
  }
  return encodeMulticodecKey(ED25519_PUBLIC_HEADER, bytes);
}
