/**
 * The one error class builders, issuers and key functions throw. Verification never throws on a
 * bad credential (it returns a report); it throws an Obv3Error only on misuse (bad options).
 */

/** Stable codes a caller can switch on. Messages may change; codes do not. */
export type Obv3ErrorCode =
  /** An argument has the wrong type or shape (a programming error). */
  | 'INVALID_ARGUMENT'
  /** A draft or credential does not meet the OB 3.0 shape we issue; see `problems`. */
  | 'SCHEMA_INVALID'
  /** A key could not be generated, imported or exported. */
  | 'KEY_INVALID'
  /** A signer could not produce a signature. */
  | 'SIGNING_FAILED'
  /** A JSON-LD context URL that is not bundled (we never fetch contexts). */
  | 'CONTEXT_UNKNOWN'
  /** JSON-LD processing failed, e.g. a term no context defines (safe mode). */
  | 'JSONLD_INVALID'
  /** Canonicalization exceeded its work limit (a crafted graph). */
  | 'INPUT_TOO_COMPLEX'
  /** A requested feature is outside what this version supports. */
  | 'UNSUPPORTED'
  /** A status store's files are damaged or contradict themselves; obv3 will not guess at lost state. */
  | 'STORE_CORRUPT'
  /** Another writer held a status store's lock for longer than the lock timeout. */
  | 'STORE_BUSY'
  // Stacks
  /** A stack credential was asked for before the stack's rule is met; see the message for what is missing. */
  | 'STACK_INCOMPLETE'
  // Baked images (src/bake): the same codes appear as parse-check codes in a verification report.
  /** An input is larger than its cap (an image, or the credential a compressed chunk inflates to). */
  | 'INPUT_TOO_LARGE'
  /** An input nests deeper than its cap (SVG elements). */
  | 'INPUT_TOO_DEEP'
  /** A PNG or SVG image is damaged or malformed (bad CRC, truncated chunk, XML not well-formed, DTD entities, …). */
  | 'BAKED_IMAGE_INVALID'
  /** A well-formed PNG or SVG image carries no Open Badges 3.0 credential. */
  | 'BAKED_CREDENTIAL_MISSING'
  /** The text baked into an image is neither a JSON credential nor a compact JWT. */
  | 'BAKED_CREDENTIAL_INVALID'
  /** The image carries an Open Badges 2.0 assertion, not an OB 3.0 credential. */
  | 'OB2_ASSERTION'
  // The obv3 command's library parts: evidence bundles, CSV rosters.
  /** An evidence bundle is malformed, of an unknown version, or a document's bytes do not match its SHA-256. */
  | 'EVIDENCE_INVALID'
  /** A roster cannot be read at all: not UTF-8, broken CSV quoting, a required column missing. Row problems are listed per row instead. */
  | 'ROSTER_INVALID';

/** One thing wrong with a document, at a JSON path, with what to do about it. */
export interface ValidationProblem {
  /** JSON Pointer-like path into the document, e.g. `/credentialSubject/achievement/criteria`. */
  path: string;
  /** What is wrong and how to fix it. */
  message: string;
  /** The JSON Schema keyword that failed, when the problem came from a schema. */
  keyword?: string;
}

export interface Obv3ErrorOptions {
  cause?: unknown;
  problems?: readonly ValidationProblem[];
}

export class Obv3Error extends Error {
  readonly code: Obv3ErrorCode;
  readonly problems: readonly ValidationProblem[];

  constructor(code: Obv3ErrorCode, message: string, options: Obv3ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'Obv3Error';
    this.code = code;
    this.problems = options.problems ?? [];
  }
}

/** True when `error` is an Obv3Error, optionally with the given code. */
export function isObv3Error(error: unknown, code?: Obv3ErrorCode): error is Obv3Error {
  return error instanceof Obv3Error && (code === undefined || error.code === code);
}
