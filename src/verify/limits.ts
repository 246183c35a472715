/** Documented caps on the work one verification may do. Each can be lowered through options. */

/** Largest input accepted (bytes of JSON text, JWT or image). */
export const DEFAULT_MAX_INPUT_BYTES = 4 * 1024 * 1024;
/** Deepest nesting of arrays/objects accepted in a credential. */
export const DEFAULT_MAX_DEPTH = 64;
/**
 * The highest maxDepth a caller may set: JSON.parse, the JSON-LD processor and the schema
 * validator all recurse, and past a few thousand levels they overflow the stack.
 */
export const MAX_ALLOWED_DEPTH = 1_000;
/** Most documents one verification may fetch through `options.fetch`. */
export const DEFAULT_MAX_FETCHES = 16;
/** Largest response body read from `options.fetch`. */
export const DEFAULT_MAX_FETCH_BYTES = 1024 * 1024;
/** Time allowed for one fetch. */
export const DEFAULT_FETCH_TIMEOUT_MS = 10_000;
/** Most proofs on one credential that are examined. */
export const MAX_PROOFS = 8;
/** Most credentials one verification examines inside a CLR (all nesting levels together). */
export const DEFAULT_MAX_EMBEDDED_CREDENTIALS = 256;
/** Deepest nesting of CLRs inside CLRs that is verified (1: a CLR's own credentials). */
export const MAX_EMBEDDING_DEPTH = 2;
/** Most endorsements verified for one credential, at every nesting depth together. */
export const DEFAULT_MAX_ENDORSEMENTS = 16;
/** How deep endorsements are followed: 1 = those in the credential, 2 = also those inside them. */
export const DEFAULT_MAX_ENDORSEMENT_DEPTH = 2;
