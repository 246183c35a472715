/**
 * The errors unbaking and baking throw. Each code is also the parse-check code a verification
 * report shows for the same image, so a caller can switch on one set of names.
 */
import { Obv3Error } from '../errors.js';

// Each is an Obv3ErrorCode (bakeError passes it to Obv3Error) and a report CheckCode (parse-baked-image.ts copies it).
const BAKE_ERROR_CODES = ['INPUT_TOO_LARGE', 'INPUT_TOO_DEEP', 'BAKED_IMAGE_INVALID', 'BAKED_CREDENTIAL_MISSING', 'BAKED_CREDENTIAL_INVALID', 'OB2_ASSERTION'] as const;

export type BakeErrorCode = (typeof BAKE_ERROR_CODES)[number];

export type BakeError = Obv3Error & { readonly code: BakeErrorCode };

const BAKE_CODES = new Set<string>(BAKE_ERROR_CODES);

export function bakeError(code: BakeErrorCode, message: string, cause?: unknown): BakeError {
  return new Obv3Error(code, message, cause === undefined ? {} : { cause }) as BakeError;
}

/** True for the errors unbake() throws on a bad image (not for misuse such as a wrong argument type). */
export function isBakeError(error: unknown): error is BakeError {
  return error instanceof Obv3Error && BAKE_CODES.has(error.code);
}
