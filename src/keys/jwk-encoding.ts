/** RFC 8037 base64url members of an Ed25519 OKP JWK (`x`, `d`), decoded strictly. */
import { Obv3Error } from '../errors.js';

// 32 bytes are 43 unpadded base64url characters; the last one carries only 4 bits (A, E, I, …).
const BASE64URL_32_BYTES = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

/** Decodes a 32-byte base64url JWK member; `name` is used in errors, the value never is. */
export function bytesFromJwkMember(value: unknown, name: 'x' | 'd'): Uint8Array {
  if (typeof value !== 'string' || !BASE64URL_32_BYTES.test(value)) {
    throw new Obv3Error(
      'KEY_INVALID',
      `JWK "${name}" must be the 32 key bytes in unpadded base64url (43 characters of A-Z a-z 0-9 - _).`,
    );
  }
  return Uint8Array.from(Buffer.from(value, 'base64url'));
}

export function jwkMemberFromBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}
