/**
 * did:key for Ed25519, resolved locally. Written by hand rather than with
 * @digitalbazaar/did-method-key: that driver is async, needs a per-key-type registration, and by
 * default also derives an X25519 keyAgreement key we never use. Here resolution is a pure,
 * synchronous decode of the identifier, which is all did:key is.
 */
import { Obv3Error } from '../errors.js';
import type { ControllerDocument } from './controller-document.js';
import { DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1 } from './multikey-context.js';
import { decodeMulticodecKey, describeCodec, ED25519_KEY_LENGTH, ED25519_PUBLIC_CODEC } from './multicodec-key.js';
import { multibaseFromPublicKey } from './public-key-multibase.js';
import type { MultikeyDocument } from './types.js';

const PREFIX = 'did:key:';

export interface ResolvedDidKey {
  /** The DID document (contexts: DID v1 + Multikey v1, as did:key implementations emit). */
  document: ControllerDocument;
  /** The one verification method, standalone (with the Multikey v1 @context). */
  verificationMethod: MultikeyDocument;
}

/** `did:key:z6Mk…` for 32 raw Ed25519 public key bytes. */
export function didKeyFromPublicKey(publicKey: Uint8Array): string {
  return `${PREFIX}${multibaseFromPublicKey(publicKey)}`;
}

/**
 * Resolves `did:key:z6Mk…` or `did:key:z6Mk…#z6Mk…` without any network access.
 * Throws KEY_INVALID for a malformed identifier or a fragment that names another key, and
 * UNSUPPORTED for did:keys of other key types (P-256, secp256k1, …).
 */
export function resolveDidKey(didOrDidUrl: string): ResolvedDidKey {
  if (typeof didOrDidUrl !== 'string' || !didOrDidUrl.startsWith(PREFIX)) {
    throw new Obv3Error('KEY_INVALID', `Not a did:key: ${JSON.stringify(didOrDidUrl)} must start with "did:key:".`);
  }
  const hash = didOrDidUrl.indexOf('#');
  const did = hash === -1 ? didOrDidUrl : didOrDidUrl.slice(0, hash);
  const fragment = hash === -1 ? undefined : didOrDidUrl.slice(hash + 1);
  const multibase = did.slice(PREFIX.length);
  if (/[/?;:]/.test(multibase)) {
    throw new Obv3Error(
      'KEY_INVALID',
      `${did} is not a plain did:key: paths, queries, parameters and versions are not part of did:key.`,
    );
  }

  // The decoder accepts only minimal varint headers, so the identifier is in its one canonical
  // form (base58btc spells each byte string one way): no re-encoding needed to check that.
  const { codec, keyBytes } = decodeMulticodecKey(multibase, `did:key identifier ${did}`);
  if (codec !== ED25519_PUBLIC_CODEC) {
    throw new Obv3Error(
      'UNSUPPORTED',
      `${did} is a ${describeCodec(codec)} did:key; only Ed25519 did:keys (did:key:z6Mk…) are supported.`,
    );
  }
  if (keyBytes.length !== ED25519_KEY_LENGTH) {
    throw new Obv3Error(
      'KEY_INVALID',
      `${did} holds ${keyBytes.length} key bytes after the ed25519-pub header, expected ${ED25519_KEY_LENGTH}.`,
    );
  }
  if (fragment !== undefined && fragment !== multibase) {
    throw new Obv3Error(
      'KEY_INVALID',
      `Fragment #${fragment} does not name the key of ${did}; its only verification method is ${did}#${multibase}.`,
    );
  }

  const vmId = `${did}#${multibase}`;
  const method: MultikeyDocument = { id: vmId, type: 'Multikey', controller: did, publicKeyMultibase: multibase };
  return {
    document: {
      '@context': [DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1],
      id: did,
      verificationMethod: [method],
      authentication: [vmId],
      assertionMethod: [vmId],
      capabilityInvocation: [vmId],
      capabilityDelegation: [vmId],
    },
    verificationMethod: { '@context': MULTIKEY_CONTEXT_V1, ...method },
  };
}
