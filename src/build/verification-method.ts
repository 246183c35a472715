/**
 * One published key of an issuer, as a CID 1.0 / DID verification method: Multikey (default),
 * Ed25519VerificationKey2020 (older verifiers) or JsonWebKey (any supported JWK, e.g. the RSA key a
 * platform signs VC-JWTs with). Retired keys keep their entry with a `revoked` or `expires` mark:
 * a verifier then still knows the key was the issuer's, which deleting it would hide.
 */
import type { JsonWebKeyMethod, PublicJsonWebKey, VerificationMethod } from '../keys/controller-document.js';
import type { Ed25519KeyPair, JwsKeyPair, MultikeyDocument } from '../keys/types.js';
import { jwkFromEd25519Bytes, readPublicJwk } from '../keys/public-jwk.js';
import { publicKeyFromMultibase } from '../keys/public-key-multibase.js';
import { isObv3Error } from '../errors.js';
import { toDateTime, type DateInput } from './dates.js';
import { at, describeValue, isPlainObject, problem } from './fields.js';

export type VerificationMethodType = 'Multikey' | 'Ed25519VerificationKey2020' | 'JsonWebKey';

/** A key to publish, with how to write it and whether it is retired. */
export interface PublishedKey {
  /** An Ed25519 key: a key pair (only its public part is written) or a public Multikey document. */
  key?: Ed25519KeyPair | MultikeyDocument;
  /** Or a public JWK (RSA, EC P-256, OKP Ed25519), e.g. a VC-JWT signing key held in a KMS. */
  jwk?: PublicJsonWebKey;
  /** The verification method id (`<issuer id>#<fragment>`). Default: the key's own id; required with `jwk`. */
  id?: string;
  /** Default `Multikey` for `key`, `JsonWebKey` for `jwk`. */
  type?: VerificationMethodType;
  /** Planned retirement: proofs created before this time keep verifying. */
  expires?: DateInput;
  /** Compromise: no proof made with the key verifies from this time on. */
  revoked?: DateInput;
}

/** A key pair (Ed25519, or RSA / P-256 for VC-JWTs), a public Multikey document, or a `PublishedKey` with options. */
export type PublishedKeyInput = Ed25519KeyPair | JwsKeyPair | MultikeyDocument | PublishedKey;

/** The verification method for `input`, controlled by `controller`. `path` names it in errors. */
export function buildVerificationMethod(input: PublishedKeyInput, controller: string, path: string): VerificationMethod {
  const options = toOptions(input, path);
  const { key, jwk } = options;
  if ((key === undefined) === (jwk === undefined)) {
    throw problem('INVALID_ARGUMENT', path, 'must give exactly one of key (an Ed25519 key pair or Multikey document) and jwk (a public JWK)');
  }
  if (key !== undefined && key.controller !== undefined && key.controller !== controller) {
    throw problem('INVALID_ARGUMENT', at(path, 'key'), `belongs to ${key.controller}, not ${controller}: generate it with generateKey({ controller: '${controller}' })`);
  }
  const id = options.id ?? key?.id;
  if (typeof id !== 'string' || id.length === 0) throw problem('INVALID_ARGUMENT', at(path, 'id'), 'is missing: give the verification method id, e.g. `${issuer}#key-1`');
  if (!id.startsWith(`${controller}#`) || id.length === controller.length + 1) {
    throw problem('INVALID_ARGUMENT', at(path, 'id'), `is ${JSON.stringify(id)}; a key the issuer publishes must be named ${controller}#<fragment>, or verifiers will not find it in this document`);
  }
  const type = options.type ?? (jwk ? 'JsonWebKey' : 'Multikey');
  const marks = retirementMarks(options, path);
  if (type === 'JsonWebKey') {
    const publicKeyJwk = jwk ? checkedJwk(jwk, at(path, 'jwk')) : jwkFromEd25519Bytes(publicKeyOf(key!, path));
    const method: JsonWebKeyMethod = { id, type, controller, publicKeyJwk, ...marks };
    return method;
  }
  if (type !== 'Multikey' && type !== 'Ed25519VerificationKey2020') {
    throw problem('INVALID_ARGUMENT', at(path, 'type'), `must be 'Multikey', 'Ed25519VerificationKey2020' or 'JsonWebKey', got ${describeValue(type)}`);
  }
  if (!key) throw problem('INVALID_ARGUMENT', at(path, 'type'), `is ${type}, which carries an Ed25519 key: give key, or use type 'JsonWebKey' for a JWK`);
  publicKeyOf(key, path);
  return { id, type, controller, publicKeyMultibase: key.publicKeyMultibase, ...marks };
}

function toOptions(input: PublishedKeyInput, path: string): PublishedKey {
  if (typeof input !== 'object' || input === null) throw problem('INVALID_ARGUMENT', path, `must be a key or { key | jwk, … }, got ${describeValue(input)}`);
  if ('key' in input || 'jwk' in input) return input as PublishedKey;
  // An RSA / P-256 key pair for VC-JWTs: published as a JsonWebKey method under its own id.
  if ((input as JwsKeyPair).type === 'JsonWebKey' && 'publicKeyJwk' in input) return { jwk: (input as JwsKeyPair).publicKeyJwk as PublicJsonWebKey, id: (input as JwsKeyPair).id };
  return { key: input as Ed25519KeyPair | MultikeyDocument };
}

function publicKeyOf(key: Ed25519KeyPair | MultikeyDocument, path: string): Uint8Array {
  if ('secretKeyMultibase' in key && (key as MultikeyDocument).secretKeyMultibase !== undefined) {
    throw problem('INVALID_ARGUMENT', at(path, 'key'), 'holds secretKeyMultibase: never publish a private key; pass the key pair or exportKey(key) without includePrivate');
  }
  try {
    return publicKeyFromMultibase(key.publicKeyMultibase, 'its publicKeyMultibase');
  } catch (error) {
    throw problem('INVALID_ARGUMENT', at(path, 'key'), isObv3Error(error) ? error.message : 'is not an Ed25519 key');
  }
}

function checkedJwk(jwk: PublicJsonWebKey, path: string): PublicJsonWebKey {
  if (!isPlainObject(jwk)) throw problem('INVALID_ARGUMENT', path, `must be a JWK object, got ${describeValue(jwk)}`);
  try {
    const checked = readPublicJwk(jwk, 'the JWK');
    // The method's id names the key; a kid or iss inside would be a second, possibly different, name.
    delete checked.kid;
    delete checked.iss;
    return checked;
  } catch (error) {
    throw problem('INVALID_ARGUMENT', path, isObv3Error(error) ? error.message : 'is not a usable public JWK');
  }
}

function retirementMarks(options: PublishedKey, path: string): { expires?: string; revoked?: string } {
  return {
    ...(options.expires !== undefined ? { expires: toDateTime(options.expires, at(path, 'expires')) } : {}),
    ...(options.revoked !== undefined ? { revoked: toDateTime(options.revoked, at(path, 'revoked')) } : {}),
  };
}
