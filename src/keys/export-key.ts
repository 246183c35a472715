/**
 * Writes a key as a Multikey document (CID 1.0: secretKeyMultibase = 0x80 0x26 + 32-byte seed)
 * or an RFC 8037 JWK. The private part only on request, and only for keys that have one.
 */
import { Obv3Error } from '../errors.js';
import { jwkMemberFromBytes } from './jwk-encoding.js';
import { privateJwkOf } from './jws-key-pair.js';
import { PRIVATE_JWK_MEMBERS } from './public-jwk.js';
import { seedOf } from './local-key-pair.js';
import { MULTIKEY_CONTEXT_V1 } from './multikey-context.js';
import { multibaseFromSeed } from './secret-key-multibase.js';
import type { Ed25519Jwk, Ed25519KeyPair, JwsKeyJwk, JwsKeyPair, MultikeyDocument } from './types.js';

export interface ExportKeyOptions {
  /** Include the secret key (secretKeyMultibase / JWK "d"). Default false. */
  includePrivate?: boolean;
  /** Default 'multikey' for Ed25519 keys; RSA and P-256 keys export as 'jwk' only. */
  format?: 'multikey' | 'jwk';
}

/** An RSA / P-256 key as a JWK with `kid` (its id), `alg` and `use`. */
export function exportKey(key: JwsKeyPair, options?: ExportKeyOptions & { format?: 'jwk' }): JwsKeyJwk;

export function exportKey(key: Ed25519KeyPair, options: ExportKeyOptions & { format: 'jwk' }): Ed25519Jwk;
export function exportKey(
  key: Ed25519KeyPair,
  options?: ExportKeyOptions & { format?: 'multikey' },
): MultikeyDocument;
export function exportKey(key: Ed25519KeyPair, options?: ExportKeyOptions): MultikeyDocument | Ed25519Jwk;
export function exportKey(key: Ed25519KeyPair | JwsKeyPair, options: ExportKeyOptions = {}): MultikeyDocument | Ed25519Jwk | JwsKeyJwk {
  if (isJwsKeyPair(key)) return exportJwsKey(key, options);
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

function isJwsKeyPair(key: unknown): key is JwsKeyPair {
  return typeof key === 'object' && key !== null && (key as { type?: unknown }).type === 'JsonWebKey';
}

function exportJwsKey(key: JwsKeyPair, options: ExportKeyOptions): JwsKeyJwk {
  if (options.format !== undefined && options.format !== 'jwk') {
    throw new Obv3Error('INVALID_ARGUMENT', `Key ${key.id} is an ${key.algorithm === 'RS256' ? 'RSA' : 'EC P-256'} key, which exports as a JWK only: use format 'jwk'.`);
  }
  const jwk: JwsKeyJwk = { ...key.publicKeyJwk, kid: key.id, alg: key.algorithm, use: 'sig' };
  if (options.includePrivate !== true) return jwk;
  const full = privateJwkOf(key);
  if (full === undefined) {
    throw new Obv3Error('KEY_INVALID', `Key ${key.id} has no private part to export: it is public-only (or held outside this library, e.g. in a KMS). Export it with includePrivate: false.`);
  }
  for (const member of PRIVATE_JWK_MEMBERS) if (full[member] !== undefined) jwk[member] = full[member];
  return jwk;
}
