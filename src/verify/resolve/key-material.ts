/**
 * The public key a verification method carries, as a checked JWK. Documents in the wild write it
 * four ways: `publicKeyMultibase` (Multikey, Ed25519VerificationKey2020), `publicKeyJwk`
 * (JsonWebKey, JsonWebKey2020) and `publicKeyBase58` (Ed25519VerificationKey2018, common in older
 * did:web documents). Throws Obv3Error KEY_INVALID for anything unusable.
 */
import { Obv3Error } from '../../errors.js';
import { decodeBase58btc } from '../../keys/base58btc.js';
import type { PublicJsonWebKey } from '../../keys/controller-document.js';
import { decodeMulticodecKey, describeCodec } from '../../keys/multicodec-key.js';
import { jwkFromEd25519Bytes, jwkFromP256Point, jwkFromRsaPkcs1, readPublicJwk } from '../../keys/public-jwk.js';
import { isObject, type Json } from './json.js';

const ED25519_PUB = 0xed;
const P256_PUB = 0x1200;
const RSA_PUB = 0x1205;

export function jwkOfMethod(method: Json): PublicJsonWebKey {
  if (isObject(method.publicKeyJwk)) return readPublicJwk(method.publicKeyJwk, 'its publicKeyJwk');
  if (typeof method.publicKeyMultibase === 'string') return jwkFromMultibase(method.publicKeyMultibase);
  if (typeof method.publicKeyBase58 === 'string' && method.type === 'Ed25519VerificationKey2018') {
    const bytes = decodeBase58btc(method.publicKeyBase58);
    if (!bytes || bytes.length !== 32) throw new Obv3Error('KEY_INVALID', 'Its publicKeyBase58 is not 32 base58 bytes of an Ed25519 key.');
    return jwkFromEd25519Bytes(bytes);
  }
  throw new Obv3Error('KEY_INVALID', `It is a ${JSON.stringify(method.type)} method with neither publicKeyMultibase nor publicKeyJwk.`);
}

/** True when the object carries key material (a bare key document rather than a list of keys). */
export function hasKeyMaterial(document: Json): boolean {
  return typeof document.publicKeyMultibase === 'string' || isObject(document.publicKeyJwk) || typeof document.publicKeyBase58 === 'string';
}

function jwkFromMultibase(value: string): PublicJsonWebKey {
  const { codec, keyBytes } = decodeMulticodecKey(value, 'its publicKeyMultibase');
  if (codec === ED25519_PUB) {
    if (keyBytes.length !== 32) throw new Obv3Error('KEY_INVALID', `Its publicKeyMultibase holds ${keyBytes.length} Ed25519 key bytes, expected 32.`);
    return jwkFromEd25519Bytes(keyBytes);
  }
  if (codec === P256_PUB) return readPublicJwk(jwkFromP256Point(keyBytes), 'its P-256 key');
  if (codec === RSA_PUB) return readPublicJwk(jwkFromRsaPkcs1(keyBytes), 'its RSA key');
  throw new Obv3Error('KEY_INVALID', `Its publicKeyMultibase is a ${describeCodec(codec)} key; supported are Ed25519, P-256 and RSA.`);
}
