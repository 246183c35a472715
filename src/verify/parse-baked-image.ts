/**
 * A baked PNG or SVG handed to verifyCredential. The credential is taken out of the image under
 * the verifier's own caps, then parsed by the same text parser as any other input, so JSON and
 * VC-JWT credentials get exactly the checks they get when handed in directly; only `format` (the
 * image's) and the input hash (of the image as given) say where it came from.
 */
import { bakedTextKind, notACredential } from '../bake/baked-text.js';
import { isBakeError } from '../bake/errors.js';
import type { BakedImageFormat, BakedText } from '../bake/types.js';
import { extractBakedText } from '../bake/unbake.js';
import { lowerFirst } from './lower-first.js';
import type { ParsedInput } from './parse-input.js';
import type { Check } from './report.js';

/** Parses credential text (JSON or a compact JWT) the way text input is parsed. */
export type ParseCredentialText = (text: string) => ParsedInput;

export function parseBakedImage(
  image: Uint8Array | string,
  format: BakedImageFormat,
  digest: string,
  maxInputBytes: number,
  parseText: ParseCredentialText,
): ParsedInput {
  let baked: BakedText;
  try {
    baked = extractBakedText(image, { maxImageBytes: maxInputBytes, maxCredentialBytes: maxInputBytes });
  } catch (error) {
    if (isBakeError(error)) return failed(format, digest, { id: 'parse', status: 'failed', code: error.code, message: error.message });
    // Not an answer about the image but a fault in reading it: still a report, never a throw.
    return failed(format, digest, { id: 'parse', status: 'failed', code: 'BAKED_IMAGE_INVALID',
      message: `The ${format.toUpperCase()} image could not be read: ${error instanceof Error ? error.message : String(error)}.` });
  }
  const text = baked.text.trim();
  const kind = bakedTextKind(text);
  if (kind === undefined) {
    return failed(format, digest, { id: 'parse', status: 'failed', code: 'BAKED_CREDENTIAL_INVALID', message: notACredential(baked, 'it is neither JSON nor a compact JWT').message });
  }
  // JSON and VC-JWT alike go through the text parser: a JWT is handled where a JWT handed in as
  // text is, so VC-JWT verification needs no change here.
  const parsed = parseText(text);
  return { ...parsed, format, inputSha256: digest, check: fromImage(parsed.check, baked) };
}

function fromImage(check: Check, baked: BakedText): Check {
  const where = `the ${baked.location} of this ${baked.format.toUpperCase()} image`;
  if (check.code === 'INPUT_NOT_JSON' || check.code === 'INPUT_NOT_OBJECT') {
    // The same code unbake() throws for the same image.
    return { ...check, code: 'BAKED_CREDENTIAL_INVALID', message: `${capitalize(where)} does not hold a credential: ${lowerFirst(check.message)}` };
  }
  return { ...check, message: `Read from ${where}: ${lowerFirst(check.message)}` };
}

function failed(format: BakedImageFormat, digest: string, check: Check): ParsedInput {
  return { format, inputSha256: digest, check };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
