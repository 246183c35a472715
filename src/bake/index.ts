/**
 * Baked badges: credentials embedded in PNG and SVG images. Runs in browsers too: nothing here
 * imports Node built-ins.
 */
export { bake } from './bake.js';
export { unbake } from './unbake.js';
export { isBakeError, type BakeError, type BakeErrorCode } from './errors.js';
export { DEFAULT_MAX_CREDENTIAL_BYTES, DEFAULT_MAX_IMAGE_BYTES, MAX_SVG_DEPTH } from './limits.js';
export { PNG_KEYWORD as BAKED_PNG_KEYWORD } from './png.js';
export { OB3_SVG_NAMESPACE as BAKED_SVG_NAMESPACE } from './svg-scan.js';
export type { BakeableCredential, BakedImageFormat, UnbakedCredential, UnbakeOptions } from './types.js';
