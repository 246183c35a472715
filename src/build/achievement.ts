/** `buildAchievement`: what is earned, how, and how results are scored. */
import type {
  Achievement,
  AchievementType,
  Criteria,
  EndorsementCredential,
  Profile,
  Related,
  ResultDescription,
} from '../model/index.js';
import { optionalAlignments, type AlignmentInput } from './alignment.js';
import { optionalEndorsementJwts, optionalEndorsements } from './endorsements.js';
import {
  at,
  compact,
  copyExtensions,
  extensionKeys,
  optionalIri,
  optionalList,
  optionalNumber,
  optionalString,
  optionalStringList,
  problem,
  readObject,
  requireIri,
  requireString,
  typeSet,
  type Fields,
} from './fields.js';
import { newUrnUuid } from './ids.js';
import { optionalIdentifierEntries, type IdentifierEntryInput } from './identifier-entry.js';
import { optionalImage, type ImageInput } from './image.js';
import { buildProfileAt, type ProfileInput } from './profile.js';
import { buildResultDescription, type ResultDescriptionInput } from './result-description.js';
import { ACHIEVEMENT_TYPES, checkTerm } from './vocabulary.js';

export interface CriteriaInput {
  /** URL of a page describing the criteria. */
  id?: string;
  /** Markdown: what the earner must do. */
  narrative?: string;
}

export interface RelatedInput {
  id: string;
  type?: string[];
  inLanguage?: string;
  version?: string;
}

export interface AchievementInput {
  /** A URL or `urn:uuid:`; defaults to a fresh `urn:uuid:`. Set it: the same achievement should keep one id. */
  id?: string;
  type?: string[];
  name: string;
  description: string;
  criteria: CriteriaInput;
  achievementType?: AchievementType;
  image?: ImageInput;
  creator?: ProfileInput | Profile;
  /** E.g. CEU hours. */
  creditsAvailable?: number;
  alignment?: AlignmentInput[];
  resultDescription?: ResultDescriptionInput[];
  fieldOfStudy?: string;
  humanCode?: string;
  specialization?: string;
  /** BCP 47, e.g. `en` or `en-US`. */
  inLanguage?: string;
  version?: string;
  tag?: string[];
  related?: RelatedInput[];
  otherIdentifier?: IdentifierEntryInput[];
  endorsement?: EndorsementCredential[];
  endorsementJwt?: string[];
}

const KNOWN = [
  'id', 'type', 'alignment', 'achievementType', 'creator', 'creditsAvailable', 'criteria', 'description',
  'endorsement', 'endorsementJwt', 'fieldOfStudy', 'humanCode', 'image', 'inLanguage', 'name',
  'otherIdentifier', 'related', 'resultDescription', 'specialization', 'tag', 'version',
];

// The schema's pattern for inLanguage (a subset of BCP 47).
const LANGUAGE_TAG = /^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/;

/** An `Achievement` with `type: ['Achievement']`. Accepts a built Achievement too. */
export function buildAchievement(input: AchievementInput | Achievement): Achievement {
  return buildAchievementAt(input, 'achievement');
}

export function buildAchievementAt(input: unknown, path: string): Achievement {
  const fields = readObject(input, path);
  const extras = extensionKeys(fields, path, KNOWN);
  const resultDescription = optionalList(fields, 'resultDescription', path, buildResultDescription);
  checkUniqueIds(resultDescription, at(path, 'resultDescription'));
  const achievement = compact<Achievement>({
    id: optionalIri(fields, 'id', path) ?? newUrnUuid(),
    type: typeSet(fields, path, 'Achievement'),
    achievementType:
      fields.achievementType === undefined
        ? undefined
        : checkTerm<AchievementType>(fields.achievementType, at(path, 'achievementType'), ACHIEVEMENT_TYPES, true),
    name: requireString(fields, 'name', path, 'add the name of the achievement'),
    description: requireString(fields, 'description', path, 'add a short description of the achievement'),
    criteria: buildCriteria(fields.criteria, at(path, 'criteria')),
    image: optionalImage(fields, 'image', path),
    creator: fields.creator === undefined ? undefined : buildProfileAt(fields.creator, at(path, 'creator')),
    creditsAvailable: optionalNumber(fields, 'creditsAvailable', path, 0),
    fieldOfStudy: optionalString(fields, 'fieldOfStudy', path),
    humanCode: optionalString(fields, 'humanCode', path),
    specialization: optionalString(fields, 'specialization', path),
    inLanguage: optionalLanguage(fields, path),
    version: optionalString(fields, 'version', path),
    tag: optionalStringList(fields, 'tag', path),
    alignment: optionalAlignments(fields, path),
    resultDescription,
    related: optionalList(fields, 'related', path, buildRelated),
    otherIdentifier: optionalIdentifierEntries(fields, path),
    endorsement: optionalEndorsements(fields, path),
    endorsementJwt: optionalEndorsementJwts(fields, path),
  });
  copyExtensions(achievement as unknown as Fields, fields, extras);
  return achievement;
}

function buildCriteria(input: unknown, path: string): Criteria {
  if (input === undefined) {
    throw problem('SCHEMA_INVALID', path, 'is missing: add { narrative } (Markdown: what the earner must do) or { id } (URL of the criteria page)');
  }
  const fields = readObject(input, path);
  const extras = extensionKeys(fields, path, ['id', 'narrative']);
  const criteria = compact<Criteria>({ id: optionalIri(fields, 'id', path), narrative: optionalString(fields, 'narrative', path) });
  if (criteria.id === undefined && criteria.narrative === undefined) {
    throw problem('SCHEMA_INVALID', path, 'is empty: add narrative (Markdown: what the earner must do) or id (URL of the criteria page)');
  }
  copyExtensions(criteria as unknown as Fields, fields, extras);
  return criteria;
}

function buildRelated(input: unknown, path: string): Related {
  const fields = readObject(input, path);
  const extras = extensionKeys(fields, path, ['id', 'type', 'inLanguage', 'version']);
  const related = compact<Related>({
    id: requireIri(fields, 'id', path, 'add the id of the related achievement'),
    type: typeSet(fields, path, 'Related'),
    inLanguage: optionalLanguage(fields, path),
    version: optionalString(fields, 'version', path),
  });
  copyExtensions(related as unknown as Fields, fields, extras);
  return related;
}

function optionalLanguage(fields: Fields, path: string): string | undefined {
  const value = optionalString(fields, 'inLanguage', path);
  if (value !== undefined && !LANGUAGE_TAG.test(value)) {
    throw problem('SCHEMA_INVALID', at(path, 'inLanguage'), `must be a language tag such as 'en' or 'en-US', got ${JSON.stringify(value)}`);
  }
  return value;
}

// Results refer to descriptions and rubric levels by id, so a repeated id makes them ambiguous.
function checkUniqueIds(descriptions: ResultDescription[] | undefined, path: string): void {
  const seen = new Set<string>();
  descriptions?.forEach((description, i) => {
    const ids = [
      { id: description.id, where: `${path}[${i}].id` },
      ...(description.rubricCriterionLevel ?? []).map((level, j) => ({ id: level.id, where: `${path}[${i}].rubricCriterionLevel[${j}].id` })),
    ];
    for (const { id, where } of ids) {
      if (seen.has(id)) throw problem('SCHEMA_INVALID', where, `${JSON.stringify(id)} is used twice: give every result description and rubric level its own id`);
      seen.add(id);
    }
  });
}
