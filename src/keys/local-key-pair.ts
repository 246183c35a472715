/**
 * The in-process Ed25519 key pair. The seed and its KeyObject live in JS private fields: they are
 * not enumerable, not in JSON.stringify (toJSON gives the public Multikey), not in util.inspect,
 * and no error built here mentions them. Only exportKey, through `readSeed`, can get a copy.
 */
import { sign as cryptoSign, type KeyObject } from 'node:crypto';
import { Obv3Error } from '../errors.js';
import { bytesEqual } from './bytes-equal.js';
import { frozenSigner } from './frozen-signer.js';
import { privateKeyObjectFromSeed, publicKeyOf } from './ed25519-node-crypto.js';
import { resolveKeyIdentity, type KeyIdentityInput } from './key-identity.js';
import { MULTIKEY_CONTEXT_V1 } from './multikey-context.js';
import { multibaseFromPublicKey } from './public-key-multibase.js';
import type { Ed25519KeyPair, MultikeyDocument, Signer } from './types.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

export interface LocalKeyMaterial {
  /** 32-byte seed; absent for a public-only key. Copied, never kept by reference. */
  seed?: Uint8Array;
  /** 32-byte public key; required when there is no seed, checked against it otherwise. */
  publicKey?: Uint8Array;
}

let readSeed: (key: LocalEd25519KeyPair) => Uint8Array | undefined;

export class LocalEd25519KeyPair implements Ed25519KeyPair {
  readonly type = 'Multikey' as const;
  readonly algorithm = 'Ed25519' as const;
  readonly id: string;
  readonly controller: string;
  readonly publicKeyMultibase: string;

  readonly #publicKey: Uint8Array;
  readonly #seed: Uint8Array | undefined;
  readonly #privateKey: KeyObject | undefined;
  #signer: Signer | undefined;

  static {
    readSeed = (key) => key.#seed?.slice();
  }

  constructor(material: LocalKeyMaterial, identity: KeyIdentityInput = {}) {
    if (material.seed !== undefined) {
      if (material.seed.length !== 32) {
        throw new Obv3Error('KEY_INVALID', 'An Ed25519 seed must be exactly 32 bytes.');
      }
      this.#seed = material.seed.slice();
      this.#privateKey = privateKeyObjectFromSeed(this.#seed);
      this.#publicKey = publicKeyOf(this.#privateKey);
      if (material.publicKey !== undefined && !bytesEqual(material.publicKey, this.#publicKey)) {
        throw new Obv3Error(
          'KEY_INVALID',
          'The public key given does not match the public key derived from the secret key: they are not one key pair. Check both were copied from the same key.',
        );
      }
    } else if (material.publicKey !== undefined) {
      if (material.publicKey.length !== 32) {
        throw new Obv3Error('KEY_INVALID', 'An Ed25519 public key must be exactly 32 bytes.');
      }
      this.#publicKey = material.publicKey.slice();
    } else {
      throw new Obv3Error('KEY_INVALID', 'A key needs a public key, a secret key, or both.');
    }

    this.publicKeyMultibase = multibaseFromPublicKey(this.#publicKey);
    const { id, controller } = resolveKeyIdentity(identity, this.publicKeyMultibase);
    this.id = id;
    this.controller = controller;
  }

  get publicKey(): Uint8Array {
    return this.#publicKey.slice();
  }

  /** True when this key can sign (it was generated or imported with its secret part). */
  get hasPrivateKey(): boolean {
    return this.#privateKey !== undefined;
  }

  signer(): Signer {
    if (this.#signer !== undefined) return this.#signer;
    const privateKey = this.#privateKey;
    if (privateKey === undefined) {
      throw new Obv3Error(
        'KEY_INVALID',
        `Key ${this.id} is public-only and cannot sign: import it with its secretKeyMultibase (or JWK "d") to issue credentials.`,
      );
    }
    this.#signer = frozenSigner(this.id, 'Ed25519' as const, (data) => cryptoSign(null, data, privateKey));
    return this.#signer;
  }

  toJSON(): MultikeyDocument {
    return {
      '@context': MULTIKEY_CONTEXT_V1,
      id: this.id,
      type: 'Multikey',
      controller: this.controller,
      publicKeyMultibase: this.publicKeyMultibase,
    };
  }

  [INSPECT](): string {
    const kind = this.hasPrivateKey ? 'private' : 'public-only';
    return `Ed25519KeyPair { id: '${this.id}', controller: '${this.controller}', publicKeyMultibase: '${this.publicKeyMultibase}', ${kind} }`;
  }

  toString(): string {
    return `Ed25519KeyPair(${this.id})`;
  }
}

/** A copy of the seed of one of our key pairs; undefined for public-only or foreign keys. */
export function seedOf(key: Ed25519KeyPair): Uint8Array | undefined {
  return key instanceof LocalEd25519KeyPair ? readSeed(key) : undefined;
}
