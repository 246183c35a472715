/** `buildProfile`: issuers, achievement creators, parent organisations and sources. */
import type { EndorsementCredential, Profile } from '../model/index.js';
import { buildAddress, type AddressInput } from './address.js';
import { toFullDate, type DateInput } from './dates.js';
import { optionalEndorsementJwts, optionalEndorsements } from './endorsements.js';
import {
  at,
  compact,
  copyExtensions,
  extensionKeys,
  optionalIri,
  optionalString,
  problem,
  readObject,
  requireIri,
  requireString,
  typeSet,
  type Fields,
} from './fields.js';
import { optionalIdentifierEntries, type IdentifierEntryInput } from './identifier-entry.js';
import { optionalImage, type ImageInput } from './image.js';

export interface ProfileInput {
  /** A DID (e.g. the issuer's `did:key`/`did:web`) or the URL of the profile document. */
  id: string;
  type?: string[];
  name: string;
  url?: string;
  phone?: string;
  description?: string;
  email?: string;
  image?: ImageInput;
  address?: AddressInput;
  otherIdentifier?: IdentifierEntryInput[];
  /** The name of the official who authorises the awards (e.g. a registrar). */
  official?: string;
  parentOrg?: ProfileInput | Profile;
  endorsement?: EndorsementCredential[];
  endorsementJwt?: string[];
  familyName?: string;
  givenName?: string;
  additionalName?: string;
  patronymicName?: string;
  honorificPrefix?: string;
  honorificSuffix?: string;
  familyNamePrefix?: string;
  /** `YYYY-MM-DD`. */
  dateOfBirth?: DateInput;
}

const KNOWN = [
  'id', 'type', 'name', 'url', 'phone', 'description', 'endorsement', 'endorsementJwt', 'image',
  'email', 'address', 'otherIdentifier', 'official', 'parentOrg', 'familyName', 'givenName',
  'additionalName', 'patronymicName', 'honorificPrefix', 'honorificSuffix', 'familyNamePrefix',
  'dateOfBirth',
];

/** A `Profile` with `type: ['Profile']`. `id` and `name` are required. Accepts a built Profile too. */
export function buildProfile(input: ProfileInput | Profile): Profile {
  return buildProfileAt(input, 'profile');
}

/** `path` is where the profile sits in the caller's draft, e.g. `issuer`. */
export function buildProfileAt(input: unknown, path: string): Profile {
  const fields = readObject(input, path);
  const extras = extensionKeys(fields, path, KNOWN);
  const email = optionalString(fields, 'email', path);
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw problem('SCHEMA_INVALID', at(path, 'email'), `does not look like an e-mail address: ${JSON.stringify(email)}`);
  }
  const profile = compact<Profile>({
    id: requireProfileId(fields, path),
    type: typeSet(fields, path, 'Profile'),
    name: requireString(fields, 'name', path, 'add the name people should see, e.g. the organisation name'),
    url: optionalIri(fields, 'url', path),
    phone: optionalString(fields, 'phone', path),
    description: optionalString(fields, 'description', path),
    endorsement: optionalEndorsements(fields, path),
    endorsementJwt: optionalEndorsementJwts(fields, path),
    image: optionalImage(fields, 'image', path),
    email,
    address: fields.address === undefined ? undefined : buildAddress(fields.address, at(path, 'address')),
    otherIdentifier: optionalIdentifierEntries(fields, path),
    official: optionalString(fields, 'official', path),
    parentOrg: fields.parentOrg === undefined ? undefined : buildProfileAt(fields.parentOrg, at(path, 'parentOrg')),
    familyName: optionalString(fields, 'familyName', path),
    givenName: optionalString(fields, 'givenName', path),
    additionalName: optionalString(fields, 'additionalName', path),
    patronymicName: optionalString(fields, 'patronymicName', path),
    honorificPrefix: optionalString(fields, 'honorificPrefix', path),
    honorificSuffix: optionalString(fields, 'honorificSuffix', path),
    familyNamePrefix: optionalString(fields, 'familyNamePrefix', path),
    dateOfBirth: fields.dateOfBirth === undefined ? undefined : toFullDate(fields.dateOfBirth as DateInput, at(path, 'dateOfBirth')),
  });
  copyExtensions(profile as unknown as Fields, fields, extras);
  return profile;
}

// A profile's id is what a verifier resolves to find the issuer's keys, so it must be a DID or a
// URL; a urn:uuid would name the issuer without any way to check who holds the key.
function requireProfileId(fields: Fields, path: string): string {
  const id = requireIri(fields, 'id', path, 'add the DID or profile URL that identifies it, e.g. did:web:district.example');
  if (!/^(did:[a-z0-9]+:|https?:\/\/)/.test(id)) {
    throw problem('SCHEMA_INVALID', at(path, 'id'), `must be a DID (did:key:…, did:web:…) or an http(s) URL, got ${JSON.stringify(id)}`);
  }
  return id;
}
