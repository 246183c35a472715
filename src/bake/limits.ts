/** Documented caps on the work one unbake may do. The verifier passes its own `maxInputBytes`. */

/** Largest image `unbake` reads (bytes of PNG or SVG). */
export const DEFAULT_MAX_IMAGE_BYTES = 4 * 1024 * 1024;
/**
 * Largest credential text `unbake` accepts. It matters for compressed iTXt chunks, where a few
 * kilobytes can inflate to gigabytes; inflating stops as soon as the output passes this cap.
 */
export const DEFAULT_MAX_CREDENTIAL_BYTES = 4 * 1024 * 1024;
/**
 * Deepest element nesting read in an SVG. Drawing tools nest groups a few dozen levels; the
 * streaming parser would survive far more, but nothing honest needs it.
 */
export const MAX_SVG_DEPTH = 256;
