/**
 * Public KeyObjects by publicKeyMultibase, kept for the keys seen most recently: an agency
 * verifies many credentials from few issuers, and importing a key costs about as much as a
 * quarter of a whole verification. Bounded, least recently used first out.
 */
import type { KeyObject } from 'node:crypto';
import { publicKeyObject } from '../../keys/ed25519-node-crypto.js';
import { publicKeyFromMultibase } from '../../keys/public-key-multibase.js';

export const PUBLIC_KEY_CACHE_SIZE = 256;

const cache = new Map<string, KeyObject>();

/** The KeyObject of an Ed25519 `publicKeyMultibase`; throws Obv3Error KEY_INVALID if it is not one. */
export function publicKeyObjectOf(publicKeyMultibase: string): KeyObject {
  const cached = cache.get(publicKeyMultibase);
  if (cached) {
    cache.delete(publicKeyMultibase);
    cache.set(publicKeyMultibase, cached);
    return cached;
  }
  const key = publicKeyObject(publicKeyFromMultibase(publicKeyMultibase));
  if (cache.size >= PUBLIC_KEY_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(publicKeyMultibase, key);
  return key;
}
