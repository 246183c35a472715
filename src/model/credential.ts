/** Verifiable credentials: the OB 3.0 achievement credential and the VC properties it shares. */
import type { ContextEntry, DateTimeString, Iri, Image } from './common.js';
import type { EndorsementCredential } from './endorsement.js';
import type { Profile } from './profile.js';
import type { Proof } from './proof.js';
import type { AchievementSubject, Evidence } from './subject.js';

/** How to find out whether the credential was revoked or suspended. */
export interface CredentialStatus {
  /** The URL (or fragment URL) of this status entry. */
  id: Iri;
  /** E.g. `BitstringStatusListEntry`, `1EdTechRevocationList`. */
  type: string;
  statusPurpose?: string;
  statusListIndex?: string;
  statusListCredential?: Iri;
  /** Status methods define further properties. */
  [property: string]: unknown;
}

/** A JSON Schema the credential claims to satisfy. */
export interface CredentialSchema {
  id: Iri;
  /** `1EdTechJsonSchemaValidator2019` for the 1EdTech schemas. */
  type: string;
  [property: string]: unknown;
}

/** Where a holder can get a refreshed copy of the credential. */
export interface RefreshService {
  id: Iri;
  type: string;
  [property: string]: unknown;
}

/** Terms under which the credential was issued. */
export interface TermsOfUse {
  id?: Iri;
  type: string;
  [property: string]: unknown;
}

/** The envelope every VC 2.0 credential this library issues shares. */
export interface VerifiableCredentialFields {
  /** `https://www.w3.org/ns/credentials/v2`, then the OB 3.0 context, then any extra contexts. */
  '@context': ContextEntry[];
  id: Iri;
  name?: string;
  description?: string;
  issuer: Profile;
  validFrom: DateTimeString;
  validUntil?: DateTimeString;
  awardedDate?: DateTimeString;
  /** The schema wants an array; VC 2.0 also allows a single proof object, which signers often emit. */
  proof?: Proof | Proof[];
  credentialSchema?: CredentialSchema[];
  /** One entry (what the official 1EdTech schema allows), or several (VC 2.0 allows it; an opt-in). */
  credentialStatus?: CredentialStatus | CredentialStatus[];
  refreshService?: RefreshService;
  termsOfUse?: TermsOfUse[];
}

/** The two interchangeable names of the OB 3.0 credential type. */
export type AchievementCredentialTypeName = 'AchievementCredential' | 'OpenBadgeCredential';

/** An awarded achievement, for one recipient (`OpenBadgeCredential` is the same class). */
export interface AchievementCredential extends VerifiableCredentialFields {
  type: ['VerifiableCredential', AchievementCredentialTypeName, ...string[]];
  image?: Image;
  credentialSubject: AchievementSubject;
  endorsement?: EndorsementCredential[];
  endorsementJwt?: string[];
  evidence?: Evidence[];
}

/** Same shape as `AchievementCredential`; its `type` names either class. */
export type OpenBadgeCredential = AchievementCredential;
