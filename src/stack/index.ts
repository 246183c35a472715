/** Stacks of micro-credentials: define, measure progress, award, and check an award. */
export { defineStack, type StackDefinition, type StackInput } from './define-stack.js';
export type { ElectiveGroupInput, StackRuleInput } from './rule.js';
export { ASSOCIATION_TYPES, type AssociationInput } from './associations.js';
export type { ElectiveGroupProgress } from './evaluate-rule.js';
export {
  stackProgress,
  type ComponentProgress,
  type CountedCredential,
  type LeftOutCode,
  type LeftOutCredential,
  type StackProgress,
  type StackProgressOptions,
  type StackReference,
} from './progress.js';
export { formatProgress } from './format-progress.js';
export { canonicalJson, credentialDigest, digestMatches } from './digest.js';
export { awardStack, type AwardStackOptions, type StackAward, type StackCredentialFields } from './award.js';
export { verifyStackAward, type EvidenceMatch, type StackAwardProblemCode, type StackAwardVerification } from './verify-award.js';
