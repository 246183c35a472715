/**
 * obv3: build, sign, issue and verify Open Badges 3.0 credentials.
 * This file only re-exports; each area's index says what it offers.
 */
export * from './errors.js';
export type * from './model/index.js';
export * from './build/index.js';
export * from './keys/index.js';
export * from './issue/index.js';
export * from './verify/index.js';
export * from './schema/index.js';
export * from './status/index.js';
export * from './net/index.js';
// Stacks of achievements, and CLR 2.0 bundles
export * from './stack/index.js';
export * from './clr/index.js';
// Baked PNG/SVG badges
export * from './bake/index.js';
export {
  BUNDLED_CONTEXTS,
  CLR_CONTEXT,
  CLR_CONTEXTS,
  STACK_CONTEXT,
  TRUST_REGISTRY_CONTEXT,
  OB_CONTEXT,
  OB_CONTEXTS,
  OB_EXTENSIONS_CONTEXT,
  VC_V1_CONTEXT,
  VC_V2_CONTEXT,
  createDocumentLoader,
  type BundledContext,
  type DocumentLoader,
  type RemoteDocument,
} from './contexts/index.js';
export { type ProofFormat, CANONICALIZATION_MAX_WORK_FACTOR, CANONICALIZATION_TIMEOUT_MS } from './proof/index.js';
// Batch issuance and verification on worker threads
export * from './batch/index.js';
// Verifiable presentations (VC-JWT signing is in issue/ and keys/)
export * from './presentation/index.js';
// The obv3 command's library parts: evidence bundles and CSV rosters
export * from './evidence/index.js';
export * from './roster/index.js';
export { LIBRARY_VERSION } from './verify/provenance.js';
