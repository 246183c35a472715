export { type BatchOptions, MAX_BATCH_WORKERS } from './batch-options.js';
export { issueCredentials, signCredentials, type BatchIssueOptions, type IssueBatchResult } from './issue-credentials.js';
export { verifyCredentials, type BatchVerifyOptions, type VerifyBatchResult } from './verify-credentials.js';
