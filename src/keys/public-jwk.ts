/**
 * Public JSON Web Keys as issuers publish them (in DID documents, controlled identifier documents,
 * did:jwk identifiers and JWK Sets): checked strictly, because a verifier will trust signatures
 * made with them. RSA (2048 bits or more), EC P-256 and OKP Ed25519 keys; anything carrying a
 * private member is refused rather than quietly stripped, since publishing one is a key
 * compromise the issuer must hear about.
 */
import { ECDH, createPublicKey, type JsonWebKey as NodeJwk, type KeyObject } from 'node:crypto';
import { Obv3Error } from '../errors.js';
import type { PublicJsonWebKey } from './controller-document.js';
import { bytesFromJwkMember, jwkMemberFromBytes } from './jwk-encoding.js';

/** The key types obv3 resolves for verification. */
export type PublicKeyAlgorithmFamily = 'RSA' | 'EC P-256' | 'OKP Ed25519';

/** The private members of an RSA / EC JWK (RFC 7518 §6.2.2, §6.3.2), in the order exports write them. */
export const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;
/** What a published key must never carry: those, RSA's "oth", and "k" (a symmetric key). */
const LEAKED_MEMBERS = [...PRIVATE_JWK_MEMBERS, 'oth', 'k'] as const;
const METADATA_MEMBERS = ['kid', 'alg', 'use', 'key_ops', 'iss'] as const;
const MIN_RSA_BITS = 2048;
/** The members that make the key (RFC 7638's, for the types we read); metadata is not part of it. */
const KEY_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;
export const PUBLIC_KEY_CACHE_SIZE = 256;
const KEY_OBJECTS = new Map<string, KeyObject>();

/**
 * A checked copy of `value` holding only public key members and metadata (`kid`, `alg`, `use`,
 * `key_ops`, `iss`). Throws Obv3Error KEY_INVALID naming what is wrong; `label` names the key.
 */
export function readPublicJwk(value: unknown, label = 'the JWK'): PublicJsonWebKey {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(label, 'is not a JSON object');
  const jwk = value as Record<string, unknown>;
  const leaked = LEAKED_MEMBERS.filter((m) => m in jwk);
  if (leaked.length > 0) {
    throw invalid(label, `contains the private member${leaked.length > 1 ? 's' : ''} ${leaked.map((m) => `"${m}"`).join(', ')}: a published key must never include them (whoever published it should replace the key now)`);
  }
  const copy: PublicJsonWebKey = { kty: String(jwk.kty) };
  if (jwk.kty === 'OKP') {
    if (jwk.crv !== 'Ed25519') throw invalid(label, `is an OKP key on curve ${JSON.stringify(jwk.crv)}; only Ed25519 is supported`);
    bytesFromJwkMember(jwk.x, 'x');
    Object.assign(copy, { crv: 'Ed25519', x: jwk.x });
  } else if (jwk.kty === 'EC') {
    if (jwk.crv !== 'P-256') throw invalid(label, `is an EC key on curve ${JSON.stringify(jwk.crv)}; only P-256 is supported`);
    Object.assign(copy, { crv: 'P-256', x: coordinate(jwk.x, 'x', label), y: coordinate(jwk.y, 'y', label) });
  } else if (jwk.kty === 'RSA') {
    const n = base64url(jwk.n, 'n', label);
    base64url(jwk.e, 'e', label);
    const bits = modulusBits(n);
    if (bits < MIN_RSA_BITS) throw invalid(label, `is a ${bits}-bit RSA key; at least ${MIN_RSA_BITS} bits are required`);
    Object.assign(copy, { n: jwk.n, e: jwk.e });
  } else {
    throw invalid(label, `has kty ${JSON.stringify(jwk.kty)}; supported are "RSA", "EC" (P-256) and "OKP" (Ed25519)`);
  }
  for (const member of METADATA_MEMBERS) {
    if (jwk[member] !== undefined) (copy as Record<string, unknown>)[member] = structuredClone(jwk[member]);
  }
  if (copy.use !== undefined && copy.use !== 'sig') throw invalid(label, `has "use": ${JSON.stringify(copy.use)}; a signing key has "use": "sig" or none`);
  if (copy.key_ops !== undefined && !(Array.isArray(copy.key_ops) && copy.key_ops.includes('verify'))) {
    throw invalid(label, 'has "key_ops" without "verify"');
  }
  try {
    // Node checks what we cannot by hand: the EC point is on the curve, the RSA numbers are sane.
    // The KeyObject it makes is kept for whoever verifies with the key next.
    publicKeyObjectOfJwk(copy);
  } catch (error) {
    throw invalid(label, `is not a usable public key (${(error as Error).message})`);
  }
  return copy;
}

/**
 * The KeyObject of a public JWK, kept for the keys seen most recently: importing a key costs more
 * than checking a signature with it, an agency verifies many badges from few issuers, and jose
 * caches its own conversion per KeyObject. Every verifier in obv3 (embedded proofs, VC-JWTs) and
 * readPublicJwk's check share this one cache. Public keys only, so holding them is harmless;
 * bounded, least recently used first out. Throws Node's error for a key it cannot import.
 */
export function publicKeyObjectOfJwk(jwk: PublicJsonWebKey): KeyObject {
  const material = JSON.stringify(KEY_MEMBERS.map((member) => jwk[member]));
  const cached = KEY_OBJECTS.get(material);
  if (cached) {
    KEY_OBJECTS.delete(material);
    KEY_OBJECTS.set(material, cached);
    return cached;
  }
  const members: Record<string, unknown> = {};
  for (const member of KEY_MEMBERS) if (jwk[member] !== undefined) members[member] = jwk[member];
  const key = createPublicKey({ key: members as NodeJwk, format: 'jwk' });
  if (KEY_OBJECTS.size >= PUBLIC_KEY_CACHE_SIZE) KEY_OBJECTS.delete(KEY_OBJECTS.keys().next().value!);
  KEY_OBJECTS.set(material, key);
  return key;
}

/** Which of the supported families a checked key belongs to. */
export function jwkFamily(jwk: PublicJsonWebKey): PublicKeyAlgorithmFamily {
  if (jwk.kty === 'RSA') return 'RSA';
  if (jwk.kty === 'EC') return 'EC P-256';
  return 'OKP Ed25519';
}

/** The 32 raw bytes of an OKP Ed25519 JWK (for the Data Integrity suites, which want a Multikey). */
export function ed25519BytesFromJwk(jwk: PublicJsonWebKey): Uint8Array {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') {
    throw new Obv3Error('KEY_INVALID', `This is a ${jwk.kty}${jwk.crv ? ` ${jwk.crv}` : ''} key; embedded proofs (eddsa-rdfc-2022, Ed25519Signature2020) need an Ed25519 key.`);
  }
  return bytesFromJwkMember(jwk.x, 'x');
}

export function jwkFromEd25519Bytes(bytes: Uint8Array): PublicJsonWebKey {
  return { kty: 'OKP', crv: 'Ed25519', x: jwkMemberFromBytes(bytes) };
}

/** An EC P-256 JWK from a 33-byte compressed (Multikey p256-pub) or 65-byte uncompressed point. */
export function jwkFromP256Point(point: Uint8Array): PublicJsonWebKey {
  let uncompressed: Buffer;
  try {
    uncompressed = ECDH.convertKey(Buffer.from(point), 'prime256v1', undefined, undefined, 'uncompressed') as Buffer;
  } catch {
    throw new Obv3Error('KEY_INVALID', 'The P-256 public key is not a point on the curve.');
  }
  return { kty: 'EC', crv: 'P-256', x: uncompressed.subarray(1, 33).toString('base64url'), y: uncompressed.subarray(33).toString('base64url') };
}

/** An RSA JWK from a DER RSAPublicKey (PKCS#1), the Multikey rsa-pub layout. */
export function jwkFromRsaPkcs1(der: Uint8Array): PublicJsonWebKey {
  try {
    const { n, e } = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'pkcs1' }).export({ format: 'jwk' });
    return { kty: 'RSA', n: String(n), e: String(e) };
  } catch {
    throw new Obv3Error('KEY_INVALID', 'The RSA public key is not a valid DER RSAPublicKey.');
  }
}

/** True when both JWKs are the same public key (RFC 7638's required members are equal). */
export function sameKey(a: PublicJsonWebKey, b: PublicJsonWebKey): boolean {
  if (a.kty !== b.kty) return false;
  if (a.kty === 'RSA') return a.n === b.n && a.e === b.e;
  if (a.kty === 'EC') return a.crv === b.crv && a.x === b.x && a.y === b.y;
  return a.crv === b.crv && a.x === b.x;
}

function coordinate(value: unknown, name: string, label: string): string {
  const bytes = base64url(value, name, label);
  if (bytes.length !== 32) throw invalid(label, `has "${name}" of ${bytes.length} bytes; a P-256 coordinate is 32 bytes`);
  return value as string;
}

function base64url(value: unknown, name: string, label: string): Buffer {
  if (typeof value !== 'string' || value.length === 0 || !/^[A-Za-z0-9_-]+$/.test(value)) {
    throw invalid(label, `needs "${name}" as unpadded base64url text`);
  }
  return Buffer.from(value, 'base64url');
}

function modulusBits(n: Buffer): number {
  let start = 0;
  while (start < n.length && n[start] === 0) start++;
  if (start === n.length) return 0;
  return (n.length - start - 1) * 8 + (32 - Math.clz32(n[start]!));
}

function invalid(label: string, why: string): Obv3Error {
  return new Obv3Error('KEY_INVALID', `${label[0]?.toUpperCase() ?? ''}${label.slice(1)} ${why}.`);
}
