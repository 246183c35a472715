export { verifyCredential } from './verify-credential.js';
export { formatReport } from './format-report.js';
export type { VerifyOptions, FetchFunction } from './options.js';
export type { VerifyInput } from './parse-input.js';
export * from './report.js';
export { blockingCheck } from './decide.js';
export * from './limits.js';
export type { ProofOutcome } from './verify-proof.js';
