/** Achievement and the classes that describe how it is earned and scored. */
import type { Iri, Image, TypeSet } from './common.js';
import type { EndorsementCredential } from './endorsement.js';
import type { IdentifierEntry, Profile } from './profile.js';
import type { AchievementType, AlignmentTargetType, ResultType } from './vocabularies.js';

/** What was accomplished, independent of who accomplished it. */
export interface Achievement {
  /** A URL or `urn:uuid:`. */
  id: Iri;
  type: TypeSet<'Achievement'>;
  alignment?: Alignment[];
  achievementType?: AchievementType;
  creator?: Profile;
  /** Credit hours (e.g. CEU hours) the achievement is worth. */
  creditsAvailable?: number;
  criteria: Criteria;
  description: string;
  endorsement?: EndorsementCredential[];
  endorsementJwt?: string[];
  fieldOfStudy?: string;
  /** A short code people use to refer to the achievement, e.g. a course code. */
  humanCode?: string;
  image?: Image;
  /** BCP 47 language tag, e.g. `en` or `en-US`. */
  inLanguage?: string;
  name: string;
  otherIdentifier?: IdentifierEntry[];
  related?: Related[];
  resultDescription?: ResultDescription[];
  specialization?: string;
  tag?: string[];
  version?: string;
}

/** How the achievement is earned: a page (`id`), a Markdown `narrative`, or both. */
export interface Criteria {
  id?: Iri;
  narrative?: string;
}

/** A link from an achievement, result or rubric level to a standard or framework item. */
export interface Alignment {
  type: TypeSet<'Alignment'>;
  targetCode?: string;
  targetDescription?: string;
  targetName: string;
  targetFramework?: string;
  targetType?: AlignmentTargetType;
  targetUrl: Iri;
}

/** What kind of result an achievement records, and how results are scored. */
export interface ResultDescription {
  id: Iri;
  type: TypeSet<'ResultDescription'>;
  alignment?: Alignment[];
  /** Allowed values, ordered low to high. */
  allowedValue?: string[];
  name: string;
  /** The `id` of the rubric level required to pass. */
  requiredLevel?: Iri;
  requiredValue?: string;
  resultType: ResultType;
  rubricCriterionLevel?: RubricCriterionLevel[];
  valueMax?: string;
  valueMin?: string;
}

/** One level of a rubric criterion, e.g. "Proficient". */
export interface RubricCriterionLevel {
  id: Iri;
  type: TypeSet<'RubricCriterionLevel'>;
  alignment?: Alignment[];
  description?: string;
  level?: string;
  name: string;
  points?: string;
}

/** Another version or language of the same achievement. */
export interface Related {
  id: Iri;
  type: TypeSet<'Related'>;
  inLanguage?: string;
  version?: string;
}
