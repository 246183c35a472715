/**
 * `publishIssuer`: every document an issuer serves so that verifiers anywhere can tie its keys to
 * it, with the URL and content type to serve each at:
 *
 * - did:web issuer → its `did.json` (at the did:web URL);
 * - HTTPS issuer → its profile document (Profile + keys) at the profile URL;
 * - with `jwks: true`, also `https://<issuer host>/.well-known/jwks.json` for VC-JWT `kid`s.
 *
 * A did:key issuer publishes nothing: the identifier is the key.
 */
import type { PublicJsonWebKey } from '../keys/controller-document.js';
import { didWebDocumentUrl, isDidWeb } from '../keys/did-web.js';
import { jwksUrl } from '../keys/jwks-url.js';
import { jwkFromEd25519Bytes } from '../keys/public-jwk.js';
import { publicKeyFromMultibase } from '../keys/public-key-multibase.js';
import type { Profile } from '../model/index.js';
import { buildDidDocument } from './did-document.js';
import { problem, readObject } from './fields.js';
import { buildIssuerProfileDocument } from './issuer-profile-document.js';
import { listKeys } from './key-listing.js';
import { buildProfileAt, type ProfileInput } from './profile.js';
import type { PublishedKeyInput } from './verification-method.js';

export interface PublishIssuerInput {
  profile: ProfileInput | Profile;
  keys: PublishedKeyInput[];
  /** Also publish a JWK Set for VC-JWT verifiers. Default false. */
  jwks?: boolean;
  /** Keys retired at or before this time are left out of the JWK Set (JWKs cannot carry the mark). Default now. */
  now?: Date;
}

export interface PublishedDocument {
  /** Where verifiers will fetch it. */
  url: string;
  /** The URL's path, for a web server's routing. */
  path: string;
  contentType: 'application/did+json' | 'application/ld+json' | 'application/jwk-set+json';
  document: object;
  /** The document as the bytes to serve (pretty-printed JSON with a final newline). */
  body: string;
}

export interface JsonWebKeySet {
  keys: PublicJsonWebKey[];
}

export function publishIssuer(input: PublishIssuerInput): PublishedDocument[] {
  const fields = readObject(input, 'publishIssuer');
  const profile = buildProfileAt(fields.profile, 'profile');
  const keys = fields.keys as PublishedKeyInput[];
  const documents: PublishedDocument[] = [];
  if (isDidWeb(profile.id)) {
    documents.push(published(didWebDocumentUrl(profile.id), 'application/did+json', buildDidDocument({ id: profile.id, keys })));
  } else if (profile.id.startsWith('https://')) {
    documents.push(published(profile.id, 'application/ld+json', buildIssuerProfileDocument({ profile, keys })));
  } else {
    throw problem('INVALID_ARGUMENT', 'profile.id', `is ${JSON.stringify(profile.id)}; only did:web and https:// issuers publish documents (a did:key or did:jwk is resolved from the identifier itself)`);
  }
  if (fields.jwks === true) {
    const now = fields.now instanceof Date ? fields.now : new Date();
    documents.push(published(jwksUrl(profile.id), 'application/jwk-set+json', buildJwks(profile.id, keys, now)));
  }
  return documents;
}

/**
 * The issuer's current keys as a JWK Set: each with `kid` (its verification method id), `iss`
 * (the issuer, so a shared host cannot lend one tenant's key to another), `alg` and `use`.
 */
export function buildJwks(issuerId: string, keys: readonly PublishedKeyInput[], now: Date): JsonWebKeySet {
  const { verificationMethod } = listKeys(keys, issuerId, 'keys');
  const current = verificationMethod.filter((m) => !retiredBy(m.revoked, now) && !retiredBy(m.expires, now));
  return {
    keys: current.map((method) => {
      const jwk = method.type === 'JsonWebKey' ? method.publicKeyJwk : jwkFromEd25519Bytes(publicKeyFromMultibase(method.publicKeyMultibase));
      return { ...jwk, kid: method.id, iss: issuerId, alg: jwk.alg ?? algorithmOf(jwk), use: 'sig' };
    }),
  };
}

function algorithmOf(jwk: PublicJsonWebKey): string {
  if (jwk.kty === 'RSA') return 'RS256';
  if (jwk.kty === 'EC') return 'ES256';
  return 'EdDSA';
}

function retiredBy(mark: string | undefined, now: Date): boolean {
  return mark !== undefined && Date.parse(mark) <= now.getTime();
}

function published(url: string, contentType: PublishedDocument['contentType'], document: object): PublishedDocument {
  return { url, path: new URL(url).pathname, contentType, document, body: `${JSON.stringify(document, null, 2)}\n` };
}
