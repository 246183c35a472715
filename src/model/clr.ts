/** CLR 2.0 (1EdTech Comprehensive Learner Record): a signed bundle of one learner's credentials. */
import type { ContextEntry, DateTimeString, Iri, Image, TypeSet } from './common.js';
import type { Achievement } from './achievement.js';
import type { AchievementCredential } from './credential.js';
import type { Profile } from './profile.js';
import type { Proof } from './proof.js';
import type { IdentityObject } from './subject.js';

/** CLR 2.0 AssociationType (closed). */
export type AssociationType =
  | 'exactMatchOf'
  | 'exemplar'
  | 'hasSkillLevel'
  | 'isChildOf'
  | 'isParentOf'
  | 'isPartOf'
  | 'isPeerOf'
  | 'isRelatedTo'
  | 'precedes'
  | 'replacedBy';

/** A directed link between two achievements, by their ids (e.g. a stack `isParentOf` a component). */
export interface Association {
  type: 'Association';
  associationType: AssociationType;
  sourceId: Iri;
  targetId: Iri;
}

/** The learner and everything the CLR carries for them. */
export interface ClrSubject {
  id?: Iri;
  type: TypeSet<'ClrSubject'>;
  identifier?: IdentityObject[];
  /** Achievement definitions: stacks and their components. */
  achievement?: Achievement[];
  /** The learner's credentials, each exactly as its issuer signed it. */
  verifiableCredential: AchievementCredential[];
  association?: Association[];
}

export interface ClrCredential {
  /** VC 2.0, CLR 2.0.1, OB 3.0.3, then any others (e.g. the stack context). */
  '@context': ContextEntry[];
  id: Iri;
  type: ['VerifiableCredential', 'ClrCredential', ...string[]];
  name: string;
  description?: string;
  image?: Image;
  /** True when the CLR holds only part of the learner's record. */
  partial?: boolean;
  issuer: Profile;
  validFrom: DateTimeString;
  validUntil?: DateTimeString;
  awardedDate?: DateTimeString;
  credentialSubject: ClrSubject;
  proof?: Proof[];
}
