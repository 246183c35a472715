/**
 * Bitstring Status Lists: the issuer's registry and stores, the list credential, and the codec the
 * verifier's status check uses.
 */
export {
  checkListBaseUrl,
  createStatusRegistry,
  type PublishedStatusList,
  type StatusRegistry,
  type StatusRegistryOptions,
} from './status-registry.js';
export { statusOf, type CredentialStatusSummary } from './status-of.js';
export {
  buildStatusListCredential,
  type BitstringStatusListCredential,
  type BitstringStatusListEntry,
  type BitstringStatusListSubject,
  type BuildStatusListCredentialOptions,
  type OneEdTechRevocationListEntry,
  type StatusList2021Entry,
  type StatusMessage,
} from './status-list-credential.js';
export {
  DEFAULT_MAX_STATUS_LIST_BYTES,
  MAX_STATUS_SIZE,
  StatusListError,
  decodeBitstring,
  encodeBitstring,
  readBits,
  writeBit,
  type DecodeBitstringOptions,
  type StatusListErrorReason,
} from './bitstring.js';
export { readStatusListCredential, type ParsedStatusList, type ReadStatusListOptions, type StatusListFormat, type StatusListProblem } from './read-status-list.js';
export * from './store/index.js';
export { MIN_STATUS_LIST_LENGTH, type StatusAllocation, type StatusPurpose } from './types.js';
