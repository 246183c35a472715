/**
 * Writes a key as a Multikey document (CID 1.0: secretKeyMultibase = 0x80 0x26 + 32-byte seed)
 * or an RFC 8037 JWK. The private part only on request, and only for keys that have one.
 */
import { Obv3Error } from '../errors.js';
import { jwkMemberFromBytes } from './jwk-encoding.js';
import { seedOf } from './local-key-pair.js';
import { MULTIKEY_CONTEXT_V1 } from './multikey-context.js';
import { multibaseFromSeed } from './secret-key-multibase.js';
import type { Ed25519Jwk, Ed25519KeyPair, MultikeyDocument } from './types.js';

export interface ExportKeyOptions {
  /** Include the secret key (secretKeyMultibase / JWK "d"). Default false. */
  includePrivate?: boolean;
  /** Default 'multikey'. */
  format?: 'multikey' | 'jwk';
}

export function exportKey(key: Ed25519KeyPair, options: ExportKeyOptions & { format: 'jwk' }): Ed25519Jwk;
export function exportKey(
  key: Ed25519KeyPair,
  options?: ExportKeyOptions & { format?: 'multikey' },
): MultikeyDocument;
export function exportKey(key: Ed25519KeyPair, options?: ExportKeyOptions): MultikeyDocument | Ed25519Jwk;
export function exportKey(key: Ed25519KeyPair, options: ExportKeyOptions = {}): MultikeyDocument | Ed25519Jwk {
  const format = options.format ?? 'multikey';
  if (format !== 'multikey' && format !== 'jwk') {
    throw new Obv3Error('INVALID_ARGUMENT', `exportKey format must be "multikey" or "jwk", got ${JSON.stringify(format)}.`);
  }
  const seed = options.includePrivate === true ? requireSeed(key) : undefined;
  try {
    if (format === 'jwk') {
      const jwk: Ed25519Jwk = { kty: 'OKP', crv: 'Ed25519', x: jwkMemberFromBytes(key.publicKey), kid: key.id };
      if (seed !== undefined) jwk.d = jwkMemberFromBytes(seed);
      return jwk;
    }
    const doc: MultikeyDocument = {
      '@context': MULTIKEY_CONTEXT_V1,
      id: key.id,
      type: 'Multikey',
      controller: key.controller,
      publicKeyMultibase: key.publicKeyMultibase,
    };
    if (seed !== undefined) doc.secretKeyMultibase = multibaseFromSeed(seed);
    return doc;
  } finally {
    seed?.fill(0);
  }
}

function requireSeed(key: Ed25519KeyPair): Uint8Array {
  const seed = seedOf(key);
  if (seed === undefined) {
    throw new Obv3Error(
      'KEY_INVALID',
      `Key ${key.id} has no private part to export: it is public-only (or held outside this library, e.g. in a KMS). Export it with includePrivate: false.`,
    );
  }
  return seed;
}
