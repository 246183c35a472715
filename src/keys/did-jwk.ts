/**
 * did:jwk (https://github.com/quartzjer/did-jwk): the DID is `did:jwk:` + base64url(UTF-8 JSON of
 * a public JWK), resolved locally like did:key. Its one verification method is `#0`. Wallets use
 * it for holder keys; issuers occasionally do.
 */
import { Obv3Error } from '../errors.js';
import type { ControllerDocument, JsonWebKeyMethod, PublicJsonWebKey } from './controller-document.js';
import { DID_CONTEXT_V1 } from './multikey-context.js';
import { readPublicJwk } from './public-jwk.js';

const PREFIX = 'did:jwk:';
const JWS_2020_CONTEXT = 'https://w3id.org/security/suites/jws-2020/v1';

export interface ResolvedDidJwk {
  document: ControllerDocument;
  verificationMethod: JsonWebKeyMethod;
  /** False for a key marked `"use": "enc"`, which the method lists only under keyAgreement. */
  signing: boolean;
}

/** `did:jwk:…` for a public JWK (its private members, if any, are refused). */
export function didJwkFromJwk(jwk: PublicJsonWebKey): string {
  const checked = readPublicJwk(jwk, 'the JWK for did:jwk');
  return PREFIX + Buffer.from(JSON.stringify(checked), 'utf8').toString('base64url');
}

/** Resolves `did:jwk:…` or `did:jwk:…#0`. Throws Obv3Error KEY_INVALID for anything malformed. */
export function resolveDidJwk(didOrDidUrl: string): ResolvedDidJwk {
  if (typeof didOrDidUrl !== 'string' || !didOrDidUrl.startsWith(PREFIX)) {
    throw new Obv3Error('KEY_INVALID', `Not a did:jwk: ${JSON.stringify(didOrDidUrl)} must start with "did:jwk:".`);
  }
  const hash = didOrDidUrl.indexOf('#');
  const did = hash === -1 ? didOrDidUrl : didOrDidUrl.slice(0, hash);
  const fragment = hash === -1 ? undefined : didOrDidUrl.slice(hash + 1);
  if (fragment !== undefined && fragment !== '0') {
    throw new Obv3Error('KEY_INVALID', `${did} has one verification method, ${did}#0; #${fragment} names none.`);
  }
  const encoded = did.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) throw new Obv3Error('KEY_INVALID', `${did} is not a did:jwk: its identifier must be base64url text.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new Obv3Error('KEY_INVALID', 'The did:jwk identifier does not decode to JSON.');
  }
  const use = typeof parsed === 'object' && parsed !== null ? (parsed as { use?: unknown }).use : undefined;
  const signing = use !== 'enc';
  const forReading = signing ? parsed : { ...(parsed as object), use: undefined };
  const jwk = readPublicJwk(forReading, 'the key of the did:jwk');
  if (!signing) jwk.use = 'enc';
  const vmId = `${did}#0`;
  const verificationMethod: JsonWebKeyMethod = { id: vmId, type: 'JsonWebKey', controller: did, publicKeyJwk: jwk };
  const relationships = signing
    ? { assertionMethod: [vmId], authentication: [vmId], capabilityInvocation: [vmId], capabilityDelegation: [vmId] }
    : { keyAgreement: [vmId] };
  return {
    document: { '@context': [DID_CONTEXT_V1, JWS_2020_CONTEXT], id: did, verificationMethod: [verificationMethod], ...relationships },
    verificationMethod,
    signing,
  };
}
