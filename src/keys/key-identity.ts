/**
 * Works out a key's verification method id and controller from what the caller gave, so that
 * generateKey and importKey agree: default did:key, else `${controller}#${publicKeyMultibase}`.
 */
import { createHash } from 'node:crypto';
import { Obv3Error } from '../errors.js';
import { didJwkFromJwk } from './did-jwk.js';
import type { JwsKeyJwk } from './types.js';

export interface KeyIdentityInput {
  id?: unknown;
  controller?: unknown;
}

export interface KeyIdentity {
  id: string;
  controller: string;
}

export function resolveKeyIdentity(input: KeyIdentityInput, publicKeyMultibase: string): KeyIdentity {
  const didKey = `did:key:${publicKeyMultibase}`;
  const id = optionalString(input.id, 'id');
  const controller = optionalString(input.controller, 'controller') ?? (id === undefined ? undefined : controllerOfId(id));
  if (controller === undefined) {
    return { id: `${didKey}#${publicKeyMultibase}`, controller: didKey };
  }

  assertControllerForm(controller);
  const resolvedId = id ?? `${controller}#${publicKeyMultibase}`;
  assertIdForm(resolvedId);

  // A did:key controls exactly one key, its own: any other pairing is a mistake that would
  // produce proofs no verifier can resolve.
  if (controller.startsWith('did:key:')) {
    if (controller !== didKey) {
      throw new Obv3Error(
        'KEY_INVALID',
        `controller ${controller} is a did:key for a different key; this key's did:key is ${didKey}.`,
      );
    }
    if (resolvedId !== `${didKey}#${publicKeyMultibase}`) {
      throw new Obv3Error(
        'KEY_INVALID',
        `A did:key verification method id must be ${didKey}#${publicKeyMultibase}, not ${resolvedId}.`,
      );
    }
  }
  return { id: resolvedId, controller };
}

/** The controller a key id names (the part before "#"), when no controller is given. */
function controllerOfId(id: string): string {
  const hash = id.indexOf('#');
  if (hash <= 0) {
    throw new Obv3Error('INVALID_ARGUMENT', `Cannot tell the controller of key id "${id}": give options.controller (the issuer's DID or HTTPS URL) as well.`);
  }
  return id.slice(0, hash);
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0) {
    throw new Obv3Error('INVALID_ARGUMENT', `${name} must be a non-empty string when given.`);
  }
  return value;
}

function assertControllerForm(controller: string): void {
  if (controller.startsWith('did:') && /^did:[a-z0-9]+:\S+$/.test(controller)) return;
  if (controller.startsWith('https://') && URL.canParse(controller) && !/\s/.test(controller)) return;
  throw new Obv3Error(
    'INVALID_ARGUMENT',
    `controller "${controller}" must be a DID (did:method:…) or an https:// URL identifying the issuer.`,
  );
}

function assertIdForm(id: string): void {
  if (/\s/.test(id) || !/^[a-z][a-z0-9+.-]*:/i.test(id)) {
    throw new Obv3Error(
      'INVALID_ARGUMENT',
      `key id "${id}" must be an absolute URL or DID URL (e.g. "https://issuer.example/keys#key-1").`,
    );
  }
}

/**
 * The id and controller of an RSA / P-256 key: by default its own did:jwk (`did:jwk:…#0`, resolved
 * from the identifier, as did:key is for Ed25519); with a controller, `${controller}#<RFC 7638
 * thumbprint>` unless an id is given. There is no did:key for these keys in obv3.
 */
export function resolveJwsKeyIdentity(input: KeyIdentityInput, publicJwk: JwsKeyJwk): KeyIdentity {
  const didJwk = didJwkFromJwk(publicJwk as never);
  const id = optionalString(input.id, 'id');
  const controller = optionalString(input.controller, 'controller') ?? (id === undefined ? undefined : controllerOfId(id));
  if (controller === undefined) return { id: `${didJwk}#0`, controller: didJwk };
  assertControllerForm(controller);
  if (controller.startsWith('did:key:')) {
    throw new Obv3Error('KEY_INVALID', `controller ${controller} is a did:key; an RSA or P-256 key's own identifier is its did:jwk (${didJwk}), the default.`);
  }
  const resolvedId = id ?? `${controller}#${jwkThumbprint(publicJwk)}`;
  assertIdForm(resolvedId);
  if (controller.startsWith('did:jwk:') && (controller !== didJwk || resolvedId !== `${didJwk}#0`)) {
    throw new Obv3Error('KEY_INVALID', `A did:jwk controls exactly its own key: this key is ${didJwk}#0.`);
  }
  return { id: resolvedId, controller };
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url) of an RSA or EC public key. */
export function jwkThumbprint(jwk: JwsKeyJwk): string {
  const members = jwk.kty === 'RSA' ? { e: jwk.e, kty: jwk.kty, n: jwk.n } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
  return createHash('sha256').update(JSON.stringify(members), 'utf8').digest('base64url');
}
