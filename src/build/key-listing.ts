/**
 * The key part of an issuer's published document (DID document or controlled identifier
 * document): every key under `verificationMethod`, referenced from `assertionMethod`, and the
 * JSON-LD contexts that define their types.
 */
import { ED25519_2020_CONTEXT, MULTIKEY_CONTEXT } from '../contexts/bundled.js';
import type { VerificationMethod } from '../keys/controller-document.js';
import { atIndex, describeValue, problem } from './fields.js';
import { buildVerificationMethod, type PublishedKeyInput } from './verification-method.js';

export const JWK_CONTEXT = 'https://w3id.org/security/jwk/v1';

export interface KeyListing {
  verificationMethod: VerificationMethod[];
  assertionMethod: string[];
  /** Contexts for the key types used, in a fixed order. */
  contexts: string[];
}

export function listKeys(keys: unknown, controller: string, path: string): KeyListing {
  if (!Array.isArray(keys) || keys.length === 0) {
    throw problem('INVALID_ARGUMENT', path, `must be a non-empty array of the issuer's keys, got ${describeValue(keys)}`);
  }
  const verificationMethod = keys.map((key, i) => buildVerificationMethod(key as PublishedKeyInput, controller, atIndex(path, i)));
  const seen = new Set<string>();
  verificationMethod.forEach((method, i) => {
    if (seen.has(method.id)) throw problem('INVALID_ARGUMENT', atIndex(path, i), `repeats the key id ${method.id}: each key is listed once`);
    seen.add(method.id);
  });
  const types = new Set(verificationMethod.map((m) => m.type));
  const contexts = [
    MULTIKEY_CONTEXT,
    ...(types.has('Ed25519VerificationKey2020') ? [ED25519_2020_CONTEXT] : []),
    ...(types.has('JsonWebKey') ? [JWK_CONTEXT] : []),
  ];
  // Retired keys stay under assertionMethod: verifiers judge them by their marks.
  return { verificationMethod, assertionMethod: verificationMethod.map((m) => m.id), contexts };
}
