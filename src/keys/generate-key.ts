import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { Obv3Error } from '../errors.js';
import { newSeed } from './ed25519-node-crypto.js';
import { LocalJwsKeyPair } from './jws-key-pair.js';
import { LocalEd25519KeyPair } from './local-key-pair.js';
import type { Ed25519KeyPair, JwsKeyAlgorithm, JwsKeyPair } from './types.js';

const generateKeyPairAsync = promisify(generateKeyPair);

export interface GenerateKeyOptions {
  /** The issuer that controls the key (a DID or https:// URL). Default: the key's own did:key (Ed25519) or did:jwk (RSA, P-256). */
  controller?: string;
  /** Verification method id. Default: `${controller}#${publicKeyMultibase}` (Ed25519) or `${controller}#<JWK thumbprint>`. */
  id?: string;
  /**
   * `Ed25519` (default: embedded proofs, and EdDSA VC-JWTs when opted in), or for VC-JWTs
   * `RS256` (an RSA key, OB 3.0's baseline) or `ES256` (an EC P-256 key).
   */
  algorithm?: 'Ed25519' | JwsKeyAlgorithm;
  /** RSA modulus size in bits (RS256 only). Default 2048. */
  modulusLength?: 2048 | 3072 | 4096;
}

/** A new random Ed25519 key pair; by default a did:key (`did:key:z6Mk…#z6Mk…`). */
export async function generateKey(options?: GenerateKeyOptions & { algorithm?: 'Ed25519' }): Promise<Ed25519KeyPair>;
/** A new RSA (RS256) or EC P-256 (ES256) key pair for VC-JWTs; by default a did:jwk (`did:jwk:…#0`). */
export async function generateKey(options: GenerateKeyOptions & { algorithm: JwsKeyAlgorithm }): Promise<JwsKeyPair>;
export async function generateKey(options?: GenerateKeyOptions): Promise<Ed25519KeyPair | JwsKeyPair>;
export async function generateKey(options: GenerateKeyOptions = {}): Promise<Ed25519KeyPair | JwsKeyPair> {
  const { algorithm = 'Ed25519' } = options;
  const identity = { id: options.id, controller: options.controller };
  if (algorithm === 'RS256') {
    const bits = options.modulusLength ?? 2048;
    if (![2048, 3072, 4096].includes(bits)) throw new Obv3Error('INVALID_ARGUMENT', `modulusLength must be 2048, 3072 or 4096, got ${JSON.stringify(bits)}.`);
    const { publicKey, privateKey } = await generateKeyPairAsync('rsa', { modulusLength: bits });
    return new LocalJwsKeyPair({ publicKey, privateKey }, identity);
  }
  if (algorithm === 'ES256') {
    const { publicKey, privateKey } = await generateKeyPairAsync('ec', { namedCurve: 'P-256' });
    return new LocalJwsKeyPair({ publicKey, privateKey }, identity);
  }
  if (algorithm !== 'Ed25519') {
    throw new Obv3Error('INVALID_ARGUMENT', `algorithm must be "Ed25519", "RS256" or "ES256", got ${JSON.stringify(algorithm)}.`);
  }
  const seed = newSeed();
  try {
    return new LocalEd25519KeyPair({ seed }, identity);
  } finally {
    seed.fill(0);
  }
}
