/**
 * Reads an RSA or EC P-256 key for VC-JWTs from a JWK (public, or with its private members), or
 * from a CID JsonWebKey method (`publicKeyJwk` / `secretKeyJwk`). Node checks the numbers; we
 * check that the public members are the public key of the private ones, and never put a private
 * value in an error.
 */
import { createPrivateKey, createPublicKey, type JsonWebKey as NodeJwk, type KeyObject } from 'node:crypto';
import { Obv3Error } from '../errors.js';
import { LocalJwsKeyPair } from './jws-key-pair.js';
import { PRIVATE_JWK_MEMBERS as PRIVATE_MEMBERS, readPublicJwk, sameKey } from './public-jwk.js';
import type { JwsKeyJwk } from './types.js';
const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;

/** True when the document is (or wraps) an RSA or EC JWK, the keys importJwsKey reads. */
export function isJwsKeyDocument(doc: Record<string, unknown>): boolean {
  const jwk = 'kty' in doc ? doc : ((doc.secretKeyJwk ?? doc.privateKeyJwk ?? doc.publicKeyJwk) as Record<string, unknown> | undefined);
  return typeof jwk === 'object' && jwk !== null && (jwk.kty === 'RSA' || jwk.kty === 'EC');
}

export function importJwsKey(doc: Record<string, unknown>, options: { id?: string; controller?: string }): LocalJwsKeyPair {
  const wrapped = !('kty' in doc);
  const secret = wrapped ? ((doc.secretKeyJwk ?? doc.privateKeyJwk) as Record<string, unknown> | undefined) : undefined;
  const jwk = (wrapped ? secret ?? doc.publicKeyJwk : doc) as Record<string, unknown>;
  if (wrapped && doc.type !== undefined && doc.type !== 'JsonWebKey' && doc.type !== 'JsonWebKey2020') {
    throw new Obv3Error('KEY_INVALID', `Key type ${JSON.stringify(doc.type)} with publicKeyJwk is not supported: use "JsonWebKey".`);
  }
  const algorithm = jwk.kty === 'RSA' ? 'RS256' : 'ES256';
  if (jwk.alg !== undefined && jwk.alg !== algorithm) {
    throw new Obv3Error('KEY_INVALID', `JWK "alg" must be "${algorithm}" for ${jwk.kty === 'RSA' ? 'an RSA' : 'a P-256'} key (obv3 signs VC-JWTs with RS256 and ES256), got ${JSON.stringify(jwk.alg)}.`);
  }
  if (jwk.use !== undefined && jwk.use !== 'sig') throw new Obv3Error('KEY_INVALID', `JWK "use" must be "sig" for a signing key, got ${JSON.stringify(jwk.use)}.`);
  const publicMembers = pick(jwk, PUBLIC_MEMBERS);
  // readPublicJwk refuses weak RSA and other curves, with its own messages.
  const publicJwk = readPublicJwk(publicMembers, 'the JWK');
  const publicKey = createPublicKey({ key: publicJwk as NodeJwk, format: 'jwk' });
  let privateKey: KeyObject | undefined;
  if (PRIVATE_MEMBERS.some((m) => jwk[m] !== undefined)) {
    try {
      privateKey = createPrivateKey({ key: pick(jwk, [...PUBLIC_MEMBERS, ...PRIVATE_MEMBERS]) as NodeJwk, format: 'jwk' });
    } catch {
      // No cause: Node's message may describe the private members.
      throw new Obv3Error('KEY_INVALID', `The JWK's private members do not form a usable ${jwk.kty === 'RSA' ? 'RSA' : 'P-256'} private key.`);
    }
    const derived = readPublicJwk(createPublicKey(privateKey).export({ format: 'jwk' }), 'the derived key');
    if (!sameKey(derived, publicJwk)) {
      throw new Obv3Error('KEY_INVALID', 'The JWK\'s public members are not the public key of its private members: they are not one key pair. Check both were copied from the same key.');
    }
  }
  if (wrapped && secret !== undefined && doc.publicKeyJwk !== undefined) {
    const listed = readPublicJwk(pick(doc.publicKeyJwk as Record<string, unknown>, PUBLIC_MEMBERS), 'publicKeyJwk');
    if (!sameKey(listed, publicJwk)) throw new Obv3Error('KEY_INVALID', 'publicKeyJwk and secretKeyJwk are not the same key pair.');
  }
  const kidAsId = typeof jwk.kid === 'string' && jwk.kid.includes(':') ? jwk.kid : undefined;
  const id = options.id ?? stringOrUndefined(doc.id) ?? stringOrUndefined(jwk.id) ?? kidAsId;
  const controller = options.controller ?? stringOrUndefined(doc.controller) ?? stringOrUndefined(jwk.controller);
  return new LocalJwsKeyPair({ publicKey, ...(privateKey ? { privateKey } : {}) }, { id, controller });
}

function pick(source: Record<string, unknown>, members: readonly string[]): JwsKeyJwk {
  const out: Record<string, unknown> = {};
  for (const m of members) if (source[m] !== undefined) out[m] = source[m];
  return out as unknown as JwsKeyJwk;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
