/**
 * `buildIssuerProfileDocument`: what an HTTPS issuer serves at its profile URL (its `issuer.id`):
 * the OB 3.0 Profile and, in the same document, its keys as a W3C controlled identifier document
 * (CID 1.0). A verifier fetching `https://district.example/issuer#key-1` reads this document, finds
 * the key, and sees the issuer list it under `assertionMethod`.
 */
import { ED25519_2020_CONTEXT, OB_CONTEXT } from '../contexts/bundled.js';
import type { VerificationMethod } from '../keys/controller-document.js';
import type { Profile } from '../model/index.js';
import { problem, readObject } from './fields.js';
import { listKeys } from './key-listing.js';
import { buildProfileAt, type ProfileInput } from './profile.js';
import type { PublishedKeyInput } from './verification-method.js';

export const CID_CONTEXT_V1 = 'https://www.w3.org/ns/cid/v1';

export interface IssuerProfileDocumentInput {
  /** The issuer's profile; its `id` is the HTTPS URL the document is served at. */
  profile: ProfileInput | Profile;
  /** Current and retired keys (retired ones with `expires` or `revoked`). */
  keys: PublishedKeyInput[];
}

/** A Profile that is also a controlled identifier document. */
export type IssuerProfileDocument = Profile & {
  '@context': string[];
  verificationMethod: VerificationMethod[];
  assertionMethod: string[];
};

export function buildIssuerProfileDocument(input: IssuerProfileDocumentInput): IssuerProfileDocument {
  const fields = readObject(input, 'issuerProfileDocument');
  if (fields.profile === undefined) throw problem('SCHEMA_INVALID', 'profile', 'is missing: give the issuer profile { id, name, … }');
  const { ['@context']: _ignored, verificationMethod: _vm, assertionMethod: _am, ...profileFields } = readObject(fields.profile, 'profile');
  const profile = buildProfileAt(profileFields, 'profile');
  if (!profile.id.startsWith('https://')) {
    throw problem('INVALID_ARGUMENT', 'profile.id', `is ${JSON.stringify(profile.id)}; a profile document is served at an https:// URL (for a did:web issuer use buildDidDocument)`);
  }
  if (new URL(profile.id).hash !== '') throw problem('INVALID_ARGUMENT', 'profile.id', 'has a #fragment; the profile URL is the document URL');
  const { verificationMethod, assertionMethod, contexts } = listKeys(fields.keys, profile.id, 'keys');
  // CID v1 defines Multikey and JsonWebKey itself; only the 2020 key type needs its own context.
  const keyContexts = contexts.includes(ED25519_2020_CONTEXT) ? [ED25519_2020_CONTEXT] : [];
  return { '@context': [CID_CONTEXT_V1, OB_CONTEXT, ...keyContexts], ...profile, verificationMethod, assertionMethod };
}
