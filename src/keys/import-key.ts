/**
 * Reads an Ed25519 key from the forms platforms hold: a Multikey document (CID 1.0 32-byte seed
 * or the 64-byte seed ‖ public form of the OB 3.0 implementation guide), a legacy
 * Ed25519VerificationKey2020 document (privateKeyMultibase), an RFC 8037 OKP JWK, a CID
 * JsonWebKey method (publicKeyJwk / secretKeyJwk), or the JSON text of any of them.
 */
import { Obv3Error } from '../errors.js';
import { publicKeyFromSeed } from './ed25519-node-crypto.js';
import { bytesFromJwkMember } from './jwk-encoding.js';
import { bytesEqual } from './bytes-equal.js';
import { importJwsKey, isJwsKeyDocument } from './import-jws-key.js';
import { LocalEd25519KeyPair } from './local-key-pair.js';
import { publicKeyFromMultibase } from './public-key-multibase.js';
import { secretKeyFromMultibase } from './secret-key-multibase.js';
import type { Ed25519Jwk, Ed25519KeyPair, JwsKeyJwk, JwsKeyPair, MultikeyDocument } from './types.js';

/** A Multikey-like document; also the shape of the W3C test vectors and of legacy 2020 keys. */
export interface MultibaseKeyInput {
  '@context'?: string | string[];
  id?: string;
  type?: 'Multikey' | 'Ed25519VerificationKey2020';
  controller?: string;
  publicKeyMultibase?: string;
  secretKeyMultibase?: string;
  /** Ed25519VerificationKey2020's name for the secret key (64-byte seed ‖ public form). */
  privateKeyMultibase?: string;
}

export type ImportableJwk = Ed25519Jwk & { id?: string; controller?: string };

export type ImportKeyInput = MultikeyDocument | MultibaseKeyInput | ImportableJwk | string;

/** An RSA or EC P-256 JWK (VC-JWT keys), public or with its private members. */
export type ImportableJwsJwk = JwsKeyJwk & { id?: string; controller?: string };

export interface ImportKeyOptions {
  /** Overrides the controller in the input. */
  controller?: string;
  /** Overrides the id in the input. */
  id?: string;
}

interface Material {
  seed?: Uint8Array;
  publicKey?: Uint8Array;
  id?: unknown;
  controller?: unknown;
}

/** An RSA (RS256) or P-256 (ES256) key for VC-JWTs, from its JWK. */
export async function importKey(input: ImportableJwsJwk, options?: ImportKeyOptions): Promise<JwsKeyPair>;
/** An Ed25519 key, from a Multikey document, an Ed25519 JWK, or the JSON text of one. */
export async function importKey(input: ImportKeyInput, options?: ImportKeyOptions): Promise<Ed25519KeyPair>;
export async function importKey(input: ImportKeyInput | ImportableJwsJwk, options: ImportKeyOptions = {}): Promise<Ed25519KeyPair | JwsKeyPair> {
  const document = typeof input === 'string' ? parseJson(input) : input;
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new Obv3Error(
      'INVALID_ARGUMENT',
      'importKey needs a Multikey document, a JWK (Ed25519, RSA or P-256), or the JSON text of an Ed25519 key.',
    );
  }
  if (isJwsKeyDocument(document as Record<string, unknown>)) {
    if (typeof input === 'string') {
      // Text is typed as an Ed25519 key; an RSA/P-256 key must say what it is to be typed right.
      throw new Obv3Error('INVALID_ARGUMENT', 'This JSON text is an RSA or P-256 JWK: pass the parsed object, importKey(JSON.parse(text)), so the result is typed as the JWT key pair it is.');
    }
    return importJwsKey(document as Record<string, unknown>, options);
  }
  const material = readMaterial(document as Record<string, unknown>);
  try {
    return new LocalEd25519KeyPair(
      { seed: material.seed, publicKey: material.publicKey },
      { id: options.id ?? material.id, controller: options.controller ?? material.controller },
    );
  } finally {
    material.seed?.fill(0);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // No cause and no excerpt: V8's parse errors quote the input, which may hold a secret key.
    const hint = /^\s*(z6Mk|did:key:)/.test(text) ? ' For a did:key, use resolveDidKey.' : '';
    throw new Obv3Error(
      'INVALID_ARGUMENT',
      `importKey was given a string that is not JSON; pass a Multikey or JWK document (object or JSON text).${hint}`,
    );
  }
}

function readMaterial(doc: Record<string, unknown>): Material {
  if ('kty' in doc) return readJwk(doc, doc.id, doc.controller);
  if ('publicKeyJwk' in doc || 'secretKeyJwk' in doc || 'privateKeyJwk' in doc) {
    return readJsonWebKeyMethod(doc);
  }
  if ('publicKeyMultibase' in doc || 'secretKeyMultibase' in doc || 'privateKeyMultibase' in doc) {
    return readMultibase(doc);
  }
  const legacy2018 = 'publicKeyBase58' in doc ? ' Ed25519VerificationKey2018 (publicKeyBase58) is not supported; convert it to Multikey.' : '';
  throw new Obv3Error(
    'KEY_INVALID',
    `Unrecognised key document: expected a Multikey (publicKeyMultibase / secretKeyMultibase), an Ed25519VerificationKey2020 (privateKeyMultibase) or an OKP Ed25519 JWK (kty, crv, x, d).${legacy2018}`,
  );
}

function readMultibase(doc: Record<string, unknown>): Material {
  if (doc.type !== undefined && doc.type !== 'Multikey' && doc.type !== 'Ed25519VerificationKey2020') {
    throw new Obv3Error(
      'KEY_INVALID',
      `Key type ${JSON.stringify(doc.type)} is not supported: use "Multikey" (or legacy "Ed25519VerificationKey2020").`,
    );
  }
  if (doc.secretKeyMultibase !== undefined && doc.privateKeyMultibase !== undefined) {
    throw new Obv3Error(
      'INVALID_ARGUMENT',
      'The key document has both secretKeyMultibase and privateKeyMultibase; keep only one.',
    );
  }
  const secretLabel = doc.secretKeyMultibase !== undefined ? 'secretKeyMultibase' : 'privateKeyMultibase';
  const secretValue = doc.secretKeyMultibase ?? doc.privateKeyMultibase;
  const publicKey =
    doc.publicKeyMultibase === undefined ? undefined : publicKeyFromMultibase(doc.publicKeyMultibase as string);

  if (secretValue === undefined) {
    return { publicKey, id: doc.id, controller: doc.controller };
  }
  const { seed, embeddedPublicKey } = secretKeyFromMultibase(secretValue, secretLabel);
  const derived = publicKeyFromSeed(seed);
  if (embeddedPublicKey !== undefined && !bytesEqual(embeddedPublicKey, derived)) {
    seed.fill(0);
    throw new Obv3Error(
      'KEY_INVALID',
      `${secretLabel} is the 64-byte seed + public key form, but its second half is not the public key of its seed: the key is corrupted or was altered. Export it again from its source.`,
    );
  }
  if (publicKey !== undefined && !bytesEqual(publicKey, derived)) {
    seed.fill(0);
    throw new Obv3Error(
      'KEY_INVALID',
      `publicKeyMultibase does not match the public key derived from ${secretLabel}: they are not one key pair. Check both were copied from the same key.`,
    );
  }
  return { seed, publicKey: derived, id: doc.id, controller: doc.controller };
}

function readJsonWebKeyMethod(doc: Record<string, unknown>): Material {
  if (doc.type !== undefined && doc.type !== 'JsonWebKey' && doc.type !== 'JsonWebKey2020') {
    throw new Obv3Error(
      'KEY_INVALID',
      `Key type ${JSON.stringify(doc.type)} with publicKeyJwk is not supported: use "JsonWebKey".`,
    );
  }
  const publicJwk = doc.publicKeyJwk;
  const secretJwk = doc.secretKeyJwk ?? doc.privateKeyJwk;
  const jwk = (secretJwk ?? publicJwk) as unknown;
  if (jwk === null || typeof jwk !== 'object') {
    throw new Obv3Error('KEY_INVALID', 'publicKeyJwk / secretKeyJwk must be JWK objects.');
  }
  const material = readJwk(jwk as Record<string, unknown>, doc.id, doc.controller);
  if (secretJwk !== undefined && publicJwk !== undefined) {
    const publicOnly = readJwk(publicJwk as Record<string, unknown>, undefined, undefined);
    if (!bytesEqual(publicOnly.publicKey!, material.publicKey!)) {
      material.seed?.fill(0);
      throw new Obv3Error('KEY_INVALID', 'publicKeyJwk and secretKeyJwk are not the same key pair.');
    }
  }
  return material;
}

function readJwk(jwk: Record<string, unknown>, id: unknown, controller: unknown): Material {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') {
    throw new Obv3Error(
      'KEY_INVALID',
      `Only Ed25519 JWKs are supported ("kty": "OKP", "crv": "Ed25519"); got kty ${JSON.stringify(jwk.kty)}, crv ${JSON.stringify(jwk.crv)}.`,
    );
  }
  if (jwk.alg !== undefined && jwk.alg !== 'EdDSA' && jwk.alg !== 'Ed25519') {
    throw new Obv3Error('KEY_INVALID', `JWK "alg" must be "EdDSA" for an Ed25519 key, got ${JSON.stringify(jwk.alg)}.`);
  }
  if (jwk.use !== undefined && jwk.use !== 'sig') {
    throw new Obv3Error('KEY_INVALID', `JWK "use" must be "sig" for a signing key, got ${JSON.stringify(jwk.use)}.`);
  }
  const publicKey = bytesFromJwkMember(jwk.x, 'x');
  const kidAsId = typeof jwk.kid === 'string' && jwk.kid.includes(':') ? jwk.kid : undefined;
  const resolvedId = id ?? jwk.id ?? kidAsId;
  const resolvedController = controller ?? jwk.controller;
  if (jwk.d === undefined) {
    return { publicKey, id: resolvedId, controller: resolvedController };
  }
  const seed = bytesFromJwkMember(jwk.d, 'd');
  if (!bytesEqual(publicKeyFromSeed(seed), publicKey)) {
    seed.fill(0);
    throw new Obv3Error(
      'KEY_INVALID',
      'JWK "x" is not the public key of JWK "d": they are not one key pair. Check both were copied from the same key.',
    );
  }
  return { seed, publicKey, id: resolvedId, controller: resolvedController };
}
