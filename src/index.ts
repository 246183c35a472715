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
// stacks and CLR (issue 5)
export * from './stack/index.js';
export * from './clr/index.js';
// Baked PNG/SVG badges
export * from './bake/index.js';
export {
  BUNDLED_CONTEXTS,
  CLR_CONTEXT,
  CLR_CONTEXTS,
  STACK_CONTEXT,
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
// Issuer identity and trust (issue 4): DID/key publishing is in build/ and keys/, trust in verify/.
export { TRUST_REGISTRY_CONTEXT } from './contexts/bundled.js';
// Batch issuance and verification on worker threads (performance, issue 7).
export * from './batch/index.js';
// VC-JWT signing is in issue/ and keys/; presentations (issue 6)
export * from './presentation/index.js';
// The obv3 command's library parts (issue 8): evidence bundles and CSV rosters.
export * from './evidence/index.js';
export * from './roster/index.js';
export { LIBRARY_VERSION } from './verify/provenance.js';
