/** Builders: make correct OB 3.0 objects easy and wrong ones hard. */
export { buildProfile, type ProfileInput } from './profile.js';
export { buildAchievement, type AchievementInput, type CriteriaInput, type RelatedInput } from './achievement.js';
export type { ResultDescriptionInput, RubricCriterionLevelInput } from './result-description.js';
export type { AlignmentInput } from './alignment.js';
export type { AddressInput, GeoCoordinatesInput } from './address.js';
export type { IdentifierEntryInput } from './identifier-entry.js';
export type { ImageInput } from './image.js';
export type { EvidenceInput } from './evidence.js';
export type { ResultInput } from './results.js';
export type { RecipientById, RecipientByEmail, RecipientByIdentifier, RecipientInput } from './recipient.js';
export { buildCredential, type BuildCredentialOptions, type CredentialDraft } from './credential.js';
export { REQUIRED_CONTEXTS } from './credential-contexts.js';
export { buildIdentityObject, hashIdentifier, newSalt, type IdentityObjectInput } from './identity.js';
export { recipientMatches } from './recipient-match.js';
export { toDateTime, toFullDate, type DateInput } from './dates.js';
export { newUrnUuid } from './ids.js';
export {
  ACHIEVEMENT_TYPES,
  ALIGNMENT_TARGET_TYPES,
  IDENTIFIER_TYPES,
  RESULT_STATUS_TYPES,
  RESULT_TYPES,
  isExtensionTerm,
} from './vocabulary.js';
export { buildDidDocument, type DidDocumentInput } from './did-document.js';
export { buildIssuerProfileDocument, type IssuerProfileDocument, type IssuerProfileDocumentInput } from './issuer-profile-document.js';
export { buildJwks, publishIssuer, type JsonWebKeySet, type PublishedDocument, type PublishIssuerInput } from './publish-issuer.js';
export type { PublishedKey, PublishedKeyInput, VerificationMethodType } from './verification-method.js';
export { buildEndorsement, type EndorsementDraft } from './endorsement.js';
