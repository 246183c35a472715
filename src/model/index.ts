/** The OB 3.0 data model: types only. */
export type { ContextEntry, DateString, DateTimeString, ExtensionTerm, Image, Iri, TypeSet } from './common.js';
export type {
  AchievementType,
  AlignmentTargetType,
  IdentifierTypeEnum,
  IdentityHash,
  IdentityHashAlgorithm,
  ResultStatusType,
  ResultType,
} from './vocabularies.js';
export type { Address, GeoCoordinates, IdentifierEntry, Profile } from './profile.js';
export type {
  Achievement,
  Alignment,
  Criteria,
  Related,
  ResultDescription,
  RubricCriterionLevel,
} from './achievement.js';
export type { AchievementSubject, Evidence, IdentityObject, Result } from './subject.js';
export type { DataIntegrityProof, Ed25519Signature2020Proof, Proof } from './proof.js';
export type {
  AchievementCredential,
  AchievementCredentialTypeName,
  CredentialSchema,
  CredentialStatus,
  OpenBadgeCredential,
  RefreshService,
  TermsOfUse,
  VerifiableCredentialFields,
} from './credential.js';
export type { EndorsementCredential, EndorsementSubject } from './endorsement.js';
export type { ElectiveGroup, StackAchievement, StackRule } from './stack.js';
export type { Association, AssociationType, ClrCredential, ClrSubject } from './clr.js';
export type { TrustRegistry, TrustRegistryCredential, TrustRegistryEntry } from './trust-registry.js';
export type { EnvelopedVerifiableCredential, VerifiablePresentation } from './presentation.js';
