/**
 * The closed and open vocabularies of OB 3.0, as string-literal unions. Values and spellings are
 * the enums of the official JSON Schema (ob_v3p0 achievementcredential). Open vocabularies also
 * accept `ext:`-prefixed extension terms.
 */
import type { ExtensionTerm } from './common.js';

/** `Achievement.achievementType` (open: extension terms allowed). */
export type AchievementType =
  | 'Achievement'
  | 'ApprenticeshipCertificate'
  | 'Assessment'
  | 'Assignment'
  | 'AssociateDegree'
  | 'Award'
  | 'Badge'
  | 'BachelorDegree'
  | 'Certificate'
  | 'CertificateOfCompletion'
  | 'Certification'
  | 'CommunityService'
  | 'Competency'
  | 'Course'
  | 'CoCurricular'
  | 'Degree'
  | 'Diploma'
  | 'DoctoralDegree'
  | 'Fieldwork'
  | 'GeneralEducationDevelopment'
  | 'JourneymanCertificate'
  | 'LearningProgram'
  | 'License'
  | 'Membership'
  | 'ProfessionalDoctorate'
  | 'QualityAssuranceCredential'
  | 'MasterCertificate'
  | 'MasterDegree'
  | 'MicroCredential'
  | 'ResearchDoctorate'
  | 'SecondarySchoolDiploma'
  | ExtensionTerm;

/** `ResultDescription.resultType` (open). */
export type ResultType =
  | 'GradePointAverage'
  | 'LetterGrade'
  | 'Percent'
  | 'PerformanceLevel'
  | 'PredictedScore'
  | 'RawScore'
  | 'Result'
  | 'RubricCriterion'
  | 'RubricCriterionLevel'
  | 'RubricScore'
  | 'ScaledScore'
  | 'Status'
  | ExtensionTerm;

/** `Result.status` (closed). */
export type ResultStatusType =
  | 'Completed'
  | 'Enrolled'
  | 'Failed'
  | 'InProgress'
  | 'OnHold'
  | 'Provisional'
  | 'Withdrew';

/** `Alignment.targetType` (open). */
export type AlignmentTargetType =
  | 'ceasn:Competency'
  | 'ceterms:Credential'
  | 'CFItem'
  | 'CFRubric'
  | 'CFRubricCriterion'
  | 'CFRubricCriterionLevel'
  | 'CTDL'
  | ExtensionTerm;

/** `IdentityObject.identityType` and `IdentifierEntry.identifierType` (open). */
export type IdentifierTypeEnum =
  | 'name'
  | 'sourcedId'
  | 'systemId'
  | 'productId'
  | 'userName'
  | 'accountId'
  | 'emailAddress'
  | 'nationalIdentityNumber'
  | 'isbn'
  | 'issn'
  | 'lisSourcedId'
  | 'oneRosterSourcedId'
  | 'sisSourcedId'
  | 'ltiContextId'
  | 'ltiDeploymentId'
  | 'ltiToolId'
  | 'ltiPlatformId'
  | 'ltiUserId'
  | 'identifier'
  | ExtensionTerm;

/** The hash algorithms an `IdentityHash` may name. */
export type IdentityHashAlgorithm = 'sha256' | 'md5';

/**
 * A hashed identity: algorithm, `$`, then the hex digest (upper- or lower-case) of the identifier
 * with the salt appended, e.g. `sha256$b5809d8a…`. When `IdentityObject.hashed` is false the
 * `identityHash` is the plain identifier instead.
 */
export type IdentityHash = `${IdentityHashAlgorithm}$${string}`;
