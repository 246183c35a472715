/**
 * The W3C Controlled Identifiers (CID) 1.0 controller document, of which a DID document is a
 * profile. Types only: what resolvers return and what issuers publish at their profile URL.
 */
import type { MultikeyDocument } from './types.js';

/** A public JWK as CID's JsonWebKey methods carry it (any key type; never private members). */
export interface PublicJsonWebKey {
  kty: string;
  crv?: string;
  x?: string;
  y?: string;
  n?: string;
  e?: string;
  kid?: string;
  alg?: string;
  use?: string;
  [member: string]: unknown;
}

/** A CID 1.0 `JsonWebKey` verification method. */
export interface JsonWebKeyMethod {
  '@context'?: string | string[];
  id: string;
  type: 'JsonWebKey';
  controller: string;
  publicKeyJwk: PublicJsonWebKey;
  expires?: string;
  revoked?: string;
}

/** The legacy Ed25519 key type the Ed25519Signature2020 suite and many DID documents use. */
export interface Ed25519VerificationKey2020Method {
  '@context'?: string | string[];
  id: string;
  type: 'Ed25519VerificationKey2020';
  controller: string;
  publicKeyMultibase: string;
  expires?: string;
  revoked?: string;
}

export type VerificationMethod = MultikeyDocument | Ed25519VerificationKey2020Method | JsonWebKeyMethod;

/** A verification relationship entry: a method id (URL / DID URL) or an embedded method. */
export type VerificationRelationshipEntry = string | VerificationMethod;

export interface ControllerService {
  id: string;
  type: string | string[];
  serviceEndpoint: string | Record<string, unknown> | (string | Record<string, unknown>)[];
}

export interface ControllerDocument {
  '@context'?: string | (string | Record<string, unknown>)[];
  id: string;
  controller?: string | string[];
  alsoKnownAs?: string[];
  verificationMethod?: VerificationMethod[];
  authentication?: VerificationRelationshipEntry[];
  assertionMethod?: VerificationRelationshipEntry[];
  keyAgreement?: VerificationRelationshipEntry[];
  capabilityInvocation?: VerificationRelationshipEntry[];
  capabilityDelegation?: VerificationRelationshipEntry[];
  service?: ControllerService[];
}
