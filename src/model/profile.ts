/** Profile (issuer, creator, parent organisation, source) and the classes only profiles use. */
import type { DateString, Iri, Image, TypeSet } from './common.js';
import type { EndorsementCredential } from './endorsement.js';
import type { IdentifierTypeEnum } from './vocabularies.js';

/** An individual, entity or organisation that issues, creates or receives things. */
export interface Profile {
  /** A DID or URL. For an issuer, the URL of its profile document or its DID. */
  id: Iri;
  type: TypeSet<'Profile'>;
  name?: string;
  url?: Iri;
  phone?: string;
  description?: string;
  endorsement?: EndorsementCredential[];
  /** Endorsements as compact VC-JWTs. */
  endorsementJwt?: string[];
  image?: Image;
  email?: string;
  address?: Address;
  otherIdentifier?: IdentifierEntry[];
  /** The name of the authorised official of the issuer (e.g. a dean or registrar). */
  official?: string;
  parentOrg?: Profile;
  familyName?: string;
  givenName?: string;
  additionalName?: string;
  patronymicName?: string;
  honorificPrefix?: string;
  honorificSuffix?: string;
  familyNamePrefix?: string;
  dateOfBirth?: DateString;
}

/** A postal address. */
export interface Address {
  type: TypeSet<'Address'>;
  addressCountry?: string;
  /** ISO 3166-1 alpha-2 country code. */
  addressCountryCode?: string;
  addressRegion?: string;
  addressLocality?: string;
  streetAddress?: string;
  postOfficeBoxNumber?: string;
  postalCode?: string;
  geo?: GeoCoordinates;
}

/** A point on Earth in decimal degrees. */
export interface GeoCoordinates {
  type: 'GeoCoordinates';
  latitude: number;
  longitude: number;
}

/** An identifier of a profile or achievement in another system (no extra properties allowed). */
export interface IdentifierEntry {
  type: 'IdentifierEntry';
  identifier: string;
  identifierType: IdentifierTypeEnum;
}
