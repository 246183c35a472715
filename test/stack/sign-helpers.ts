/** Lower-level signing for credentials issueCredential rightly refuses to make (e.g. a urn:uuid issuer). */
export { buildCredential } from '../../src/build/index.js';
export { signDocument } from '../../src/proof/index.js';
