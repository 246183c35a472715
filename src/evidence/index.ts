/**
 * Evidence bundles: record what verification fetched, then verify again offline against exactly
 * those documents, with the times they were fetched.
 */
export { EVIDENCE_BUNDLE_TYPE, EVIDENCE_BUNDLE_VERSION, type EvidenceBundle, type EvidenceDocument } from './bundle.js';
export { createEvidenceRecorder, type EvidenceRecorder, type EvidenceRecorderOptions } from './record-evidence.js';
export { openEvidenceBundle, type OpenedEvidenceBundle } from './open-evidence-bundle.js';
