/**
 * The public key a verification method carries, as a checked JWK. Documents in the wild write it
 * four ways: `publicKeyMultibase` (Multikey, Ed25519VerificationKey2020), `publicKeyJwk`
 * (JsonWebKey, JsonWebKey2020) and `publicKeyBase58` (Ed25519VerificationKey2018, common in older
 * did:web documents). Throws Obv3Error KEY_INVALID for anything unusable.
 */
import { Obv3Error } from '../../errors.js';
import { decodeBase58btc } from '../../keys/base58btc.js';
import type { PublicJsonWebKey } from '../../keys/controller-document.js';
import { decodeMulticodecKey, describeCodec, ED25519_KEY_LENGTH, ED25519_PUBLIC_CODEC } from '../../keys/multicodec-key.js';
import { jwkFromEd25519Bytes, jwkFromP256Point, jwkFromRsaPkcs1, readPublicJwk } from '../../keys/public-jwk.js';
import { isObject, type Json } from './json.js';

const P256_PUB = 0x1200;
const RSA_PUB = 0x1205;

export interface MethodKey {
  jwk: PublicJsonWebKey;
  /**
   * The method's own `publicKeyMultibase`, when it is a checked Ed25519 key (then canonical: the
   * decoder takes one spelling only). Embedded proofs use it as it is, rather than re-encoding
   * the JWK.
   */
  publicKeyMultibase?: string;
}

export function keyOfMethod(method: Json): MethodKey {
  if (isObject(method.publicKeyJwk)) return { jwk: readPublicJwk(method.publicKeyJwk, 'its publicKeyJwk') };
  if (typeof method.publicKeyMultibase === 'string') return keyFromMultibase(method.publicKeyMultibase);
  if (typeof method.publicKeyBase58 === 'string' && method.type === 'Ed25519VerificationKey2018') {
    const bytes = decodeBase58btc(method.publicKeyBase58);
    if (!bytes || bytes.length !== 32) throw new Obv3Error('KEY_INVALID', 'Its publicKeyBase58 is not 32 base58 bytes of an Ed25519 key.');
    return { jwk: jwkFromEd25519Bytes(bytes) };
  }
  throw new Obv3Error('KEY_INVALID', `It is a ${JSON.stringify(method.type)} method with neither publicKeyMultibase nor publicKeyJwk.`);
}

/** True when the object carries key material (a bare key document rather than a list of keys). */
export function hasKeyMaterial(document: Json): boolean {
  return typeof document.publicKeyMultibase === 'string' || isObject(document.publicKeyJwk) || typeof document.publicKeyBase58 === 'string';
}

/** One decode for every key type (the codec picks the reading), Ed25519 being the common one. */
function keyFromMultibase(value: string): MethodKey {
  const { codec, keyBytes } = decodeMulticodecKey(value, 'its publicKeyMultibase');
  if (codec === ED25519_PUBLIC_CODEC) {
    if (keyBytes.length !== ED25519_KEY_LENGTH) throw new Obv3Error('KEY_INVALID', `Its publicKeyMultibase holds ${keyBytes.length} Ed25519 key bytes, expected ${ED25519_KEY_LENGTH}.`);
    return { jwk: jwkFromEd25519Bytes(keyBytes), publicKeyMultibase: value };
  }
  if (codec === P256_PUB) return { jwk: readPublicJwk(jwkFromP256Point(keyBytes), 'its P-256 key') };
  if (codec === RSA_PUB) return { jwk: readPublicJwk(jwkFromRsaPkcs1(keyBytes), 'its RSA key') };
  throw new Obv3Error('KEY_INVALID', `Its publicKeyMultibase is a ${describeCodec(codec)} key; supported are Ed25519, P-256 and RSA.`);
}
