/** CLR 2.0: bundle a learner's signed credentials, achievements and associations, and sign the bundle. */
export { buildClr, type ClrDraft } from './build-clr.js';
export { issueClr } from './issue-clr.js';
