/** The earner side of a credential: who earned the achievement, with what results and evidence. */
import type { DateTimeString, Iri, Image, TypeSet } from './common.js';
import type { Achievement, Alignment } from './achievement.js';
import type { Profile } from './profile.js';
import type { IdentifierTypeEnum, ResultStatusType } from './vocabularies.js';

/**
 * The recipient and what they achieved. The recipient is named by `id` (a DID or URL), by one or
 * more `identifier`s (often a hashed e-mail address), or both.
 */
export interface AchievementSubject {
  id?: Iri;
  type: TypeSet<'AchievementSubject'>;
  activityEndDate?: DateTimeString;
  activityStartDate?: DateTimeString;
  creditsEarned?: number;
  achievement: Achievement;
  identifier?: IdentityObject[];
  image?: Image;
  licenseNumber?: string;
  /** Markdown: how the recipient met the criteria. */
  narrative?: string;
  result?: Result[];
  role?: string;
  /** The organisation (within the issuer) that awarded the achievement. */
  source?: Profile;
  term?: string;
}

/** A recipient identifier, usually hashed (no extra properties allowed). */
export interface IdentityObject {
  type: 'IdentityObject';
  /** Whether `identityHash` is an `IdentityHash` (true) or the plain identifier (false). */
  hashed: boolean;
  identityHash: string;
  identityType: IdentifierTypeEnum;
  /** Appended to the identifier before hashing; absent means unsalted. */
  salt?: string;
}

/** A result the recipient earned, interpreted by a `ResultDescription` of the achievement. */
export interface Result {
  type: TypeSet<'Result'>;
  /** The `id` of a `RubricCriterionLevel` in the achievement. */
  achievedLevel?: Iri;
  alignment?: Alignment[];
  /** The `id` of a `ResultDescription` in the achievement. */
  resultDescription?: Iri;
  status?: ResultStatusType;
  value?: string;
}

/** Work or testimony that supports the award (a URL in `id`, or a `narrative`, or both). */
export interface Evidence {
  id?: Iri;
  type: TypeSet<'Evidence'>;
  narrative?: string;
  name?: string;
  description?: string;
  /** E.g. "Classroom video", "Student work sample". */
  genre?: string;
  audience?: string;
}
