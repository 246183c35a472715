/**
 * The in-process RSA / EC P-256 key pair for VC-JWTs, built like the Ed25519 one: the private
 * KeyObject lives in a JS private field (not enumerable, not in JSON.stringify — toJSON gives the
 * public JsonWebKey method — not in util.inspect), and only exportKey, through `readPrivateJwk`,
 * can get the private members.
 */
import { sign as cryptoSign, type KeyObject } from 'node:crypto';
import { Obv3Error } from '../errors.js';
import { frozenSigner } from './frozen-signer.js';
import { resolveJwsKeyIdentity, type KeyIdentityInput } from './key-identity.js';
import { readPublicJwk } from './public-jwk.js';
import type { JwsKeyAlgorithm, JwsKeyJwk, JwsKeyPair, JwsSigner } from './types.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

let readPrivateJwk: (key: LocalJwsKeyPair) => JwsKeyJwk | undefined;

export class LocalJwsKeyPair implements JwsKeyPair {
  readonly type = 'JsonWebKey' as const;
  readonly algorithm: JwsKeyAlgorithm;
  readonly id: string;
  readonly controller: string;

  readonly #publicJwk: JwsKeyJwk;
  readonly #privateKey: KeyObject | undefined;
  #signer: JwsSigner | undefined;

  static {
    readPrivateJwk = (key) => (key.#privateKey ? (key.#privateKey.export({ format: 'jwk' }) as JwsKeyJwk) : undefined);
  }

  /** `publicKey` and `privateKey` must be one pair (importKey checks; generateKey makes them so). */
  constructor(keys: { publicKey: KeyObject; privateKey?: KeyObject }, identity: KeyIdentityInput = {}) {
    const exported = keys.publicKey.export({ format: 'jwk' });
    // Re-read strictly: RSA under 2048 bits and curves other than P-256 are refused here.
    const checked = readPublicJwk(exported, 'the key');
    if (checked.kty !== 'RSA' && checked.kty !== 'EC') {
      throw new Obv3Error('KEY_INVALID', 'A JWT key pair is RSA or EC P-256; use generateKey() for Ed25519.');
    }
    this.#publicJwk = checked.kty === 'RSA'
      ? { kty: 'RSA', n: checked.n!, e: checked.e! }
      : { kty: 'EC', crv: 'P-256', x: checked.x!, y: checked.y! };
    this.algorithm = checked.kty === 'RSA' ? 'RS256' : 'ES256';
    this.#privateKey = keys.privateKey;
    const { id, controller } = resolveJwsKeyIdentity(identity, this.#publicJwk);
    this.id = id;
    this.controller = controller;
  }

  get publicKeyJwk(): JwsKeyJwk {
    return { ...this.#publicJwk };
  }

  get hasPrivateKey(): boolean {
    return this.#privateKey !== undefined;
  }

  signer(): JwsSigner {
    if (this.#signer !== undefined) return this.#signer;
    const privateKey = this.#privateKey;
    if (privateKey === undefined) {
      throw new Obv3Error('KEY_INVALID', `Key ${this.id} is public-only and cannot sign: import it with its private JWK members ("d", …) to issue credentials.`);
    }
    // ES256 signatures are JOSE's fixed-size r‖s (RFC 7518 §3.4), not DER.
    const keyInput = this.algorithm === 'ES256' ? { key: privateKey, dsaEncoding: 'ieee-p1363' as const } : privateKey;
    this.#signer = frozenSigner(this.id, this.algorithm, (data) => cryptoSign('sha256', data, keyInput));
    return this.#signer;
  }

  toJSON(): { id: string; type: 'JsonWebKey'; controller: string; publicKeyJwk: JwsKeyJwk } {
    return { id: this.id, type: 'JsonWebKey', controller: this.controller, publicKeyJwk: this.publicKeyJwk };
  }

  [INSPECT](): string {
    return `JwsKeyPair { algorithm: '${this.algorithm}', id: '${this.id}', controller: '${this.controller}', ${this.hasPrivateKey ? 'private' : 'public-only'} }`;
  }

  toString(): string {
    return `JwsKeyPair(${this.algorithm}, ${this.id})`;
  }
}

/** The private JWK of one of our RSA/P-256 key pairs; undefined for public-only or foreign keys. */
export function privateJwkOf(key: JwsKeyPair): JwsKeyJwk | undefined {
  return key instanceof LocalJwsKeyPair ? readPrivateJwk(key) : undefined;
}
