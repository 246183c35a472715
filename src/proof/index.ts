export * from './sign.js';
export { type ProofFormat, EDDSA_RDFC_2022, LEGACY_EDDSA_2022 } from './suites.js';
export { CANONICALIZATION_MAX_WORK_FACTOR, CANONICALIZATION_TIMEOUT_MS } from './canonicalization-limits.js';
