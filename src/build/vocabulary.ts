/**
 * The OB 3.0 vocabularies as run-time lists, for checking drafts written in plain JavaScript. The
 * compile-time checks at the bottom fail the build if a list and its type in `model/` drift apart.
 */
import type {
  AchievementType,
  AlignmentTargetType,
  ExtensionTerm,
  IdentifierTypeEnum,
  ResultStatusType,
  ResultType,
} from '../model/index.js';
import { problem } from './fields.js';

type Closed<T> = Exclude<T, ExtensionTerm>;

export const ACHIEVEMENT_TYPES = [
  'Achievement', 'ApprenticeshipCertificate', 'Assessment', 'Assignment', 'AssociateDegree', 'Award',
  'Badge', 'BachelorDegree', 'Certificate', 'CertificateOfCompletion', 'Certification',
  'CommunityService', 'Competency', 'Course', 'CoCurricular', 'Degree', 'Diploma', 'DoctoralDegree',
  'Fieldwork', 'GeneralEducationDevelopment', 'JourneymanCertificate', 'LearningProgram', 'License',
  'Membership', 'ProfessionalDoctorate', 'QualityAssuranceCredential', 'MasterCertificate',
  'MasterDegree', 'MicroCredential', 'ResearchDoctorate', 'SecondarySchoolDiploma',
] as const satisfies readonly Closed<AchievementType>[];

export const RESULT_TYPES = [
  'GradePointAverage', 'LetterGrade', 'Percent', 'PerformanceLevel', 'PredictedScore', 'RawScore',
  'Result', 'RubricCriterion', 'RubricCriterionLevel', 'RubricScore', 'ScaledScore', 'Status',
] as const satisfies readonly Closed<ResultType>[];

export const RESULT_STATUS_TYPES = [
  'Completed', 'Enrolled', 'Failed', 'InProgress', 'OnHold', 'Provisional', 'Withdrew',
] as const satisfies readonly ResultStatusType[];

export const ALIGNMENT_TARGET_TYPES = [
  'ceasn:Competency', 'ceterms:Credential', 'CFItem', 'CFRubric', 'CFRubricCriterion',
  'CFRubricCriterionLevel', 'CTDL',
] as const satisfies readonly Closed<AlignmentTargetType>[];

export const IDENTIFIER_TYPES = [
  'name', 'sourcedId', 'systemId', 'productId', 'userName', 'accountId', 'emailAddress',
  'nationalIdentityNumber', 'isbn', 'issn', 'lisSourcedId', 'oneRosterSourcedId', 'sisSourcedId',
  'ltiContextId', 'ltiDeploymentId', 'ltiToolId', 'ltiPlatformId', 'ltiUserId', 'identifier',
] as const satisfies readonly Closed<IdentifierTypeEnum>[];

// The schema's extension pattern is unanchored; we anchor it so "xext:a b" is not accepted.
const EXTENSION_TERM = /^ext:[A-Za-z0-9|._-]+$/;

export function isExtensionTerm(value: string): value is ExtensionTerm {
  return EXTENSION_TERM.test(value);
}

/**
 * Checks `value` against a vocabulary. `open` vocabularies also accept `ext:Name` terms.
 * Returns the value narrowed to the vocabulary's type.
 */
export function checkTerm<T extends string>(
  value: unknown,
  path: string,
  terms: readonly string[],
  open: boolean,
): T {
  if (typeof value === 'string' && (terms.includes(value) || (open && isExtensionTerm(value)))) {
    return value as T;
  }
  const caseFix = typeof value === 'string' ? terms.find((t) => t.toLowerCase() === value.toLowerCase()) : undefined;
  const hint = caseFix !== undefined
    ? `did you mean '${caseFix}'? (terms are case-sensitive)`
    : `use one of ${terms.join(', ')}${open ? ", or an extension term 'ext:YourTerm'" : ''}`;
  return fail(path, `${JSON.stringify(value)} is not allowed: ${hint}`);
}

function fail(path: string, message: string): never {
  throw problem('SCHEMA_INVALID', path, message);
}

// Compile-time completeness: each alias fails to compile if its list lacks a member of its union.
type Missing<Union, List extends readonly string[]> = Exclude<Closed<Union>, List[number]>;
type AssertNone<T extends never> = T;
export type VocabularyListsAreComplete = [
  AssertNone<Missing<AchievementType, typeof ACHIEVEMENT_TYPES>>,
  AssertNone<Missing<ResultType, typeof RESULT_TYPES>>,
  AssertNone<Missing<ResultStatusType, typeof RESULT_STATUS_TYPES>>,
  AssertNone<Missing<AlignmentTargetType, typeof ALIGNMENT_TARGET_TYPES>>,
  AssertNone<Missing<IdentifierTypeEnum, typeof IDENTIFIER_TYPES>>,
];
