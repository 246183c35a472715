/**
 * A trusted-issuer registry as a state agency maintains it (schemas/trust-registry-v1.schema.json).
 * Not an OB 3.0 class: obv3's own format, distributed signed as a
 * `TrustedIssuerRegistryCredential` (context https://obv3.dev/contexts/trust-registry/v1).
 */
import type { AchievementType } from './vocabularies.js';
import type { DateTimeString, Iri } from './common.js';

export interface TrustRegistryEntry {
  /** The issuer's or endorser's DID or https URL: what a proof proves. */
  id: Iri;
  /** For readers of the registry and of reports; never used to decide trust. */
  name: string;
  description?: string;
  /** Only credentials whose achievement has one of these types are trusted through this entry. */
  achievementTypes?: AchievementType[];
  /** Only when the verifier decides for one of these (ISO 3166 codes, e.g. `US-OR`). */
  jurisdictions?: string[];
  /** Credentials issued before this are not trusted through this entry. */
  approvedFrom?: DateTimeString;
  /** Credentials issued after this are not trusted through this entry. */
  approvedUntil?: DateTimeString;
}

export interface TrustRegistry {
  type: 'TrustedIssuerRegistry';
  id: Iri;
  name: string;
  description?: string;
  /** The agency that maintains it; a signed registry must be signed by this id's key. */
  publisher: { id: Iri; name: string };
  /** Issuers trusted directly. */
  issuers: TrustRegistryEntry[];
  /** Endorsers whose valid endorsement of an issuer makes it trusted. */
  endorsers?: TrustRegistryEntry[];
}

/** A registry as a signed credential of its publisher, for distribution. */
export interface TrustRegistryCredential {
  '@context': string[];
  id: Iri;
  type: ['VerifiableCredential', 'TrustedIssuerRegistryCredential'];
  name: string;
  issuer: Iri;
  validFrom: DateTimeString;
  validUntil?: DateTimeString;
  credentialSubject: TrustRegistry;
  proof?: object[];
}
