/**
 * unbake(image): the credential baked into a PNG or SVG image, as JSON or as a VC-JWT string.
 * It does not verify anything: pass the image (or what it returns) to verifyCredential for that.
 */
import { Obv3Error } from '../errors.js';
import { readBakedText } from './baked-text.js';
import { isSvgText, notPngOrSvg, notSvgText, sniffBakedImageFormat } from './detect-format.js';
import { bakeError } from './errors.js';
import { DEFAULT_MAX_CREDENTIAL_BYTES, DEFAULT_MAX_IMAGE_BYTES } from './limits.js';
import { extractFromPng } from './png.js';
import { decodeSvgBytes, svgSourceFromText } from './svg-text.js';
import { extractFromSvg } from './svg.js';
import type { BakedText, ExtractLimits, UnbakedCredential, UnbakeOptions } from './types.js';

/**
 * Throws an Obv3Error whose code says what is wrong with the image: BAKED_IMAGE_INVALID,
 * BAKED_CREDENTIAL_MISSING, BAKED_CREDENTIAL_INVALID, OB2_ASSERTION, INPUT_TOO_LARGE or
 * INPUT_TOO_DEEP; and INVALID_ARGUMENT for an argument that is not bytes or text.
 */
export function unbake(image: Uint8Array | string, options: UnbakeOptions = {}): UnbakedCredential {
  return readBakedText(extractBakedText(image, unbakeLimits(options)));
}

/** The baked text and where it was, not yet read as JSON or JWT (the verifier reads it itself). */
export function extractBakedText(image: Uint8Array | string, limits: ExtractLimits): BakedText {
  if (typeof image === 'string') {
    if (image.length > limits.maxImageBytes) throw tooLarge('SVG', image.length, limits);
    if (!isSvgText(image)) throw notSvgText();
    return extractFromSvg(svgSourceFromText(image), limits);
  }
  if (!(image instanceof Uint8Array)) {
    throw new Obv3Error('INVALID_ARGUMENT', 'unbake() takes the bytes of a PNG or SVG image (a Uint8Array or Buffer), or the text of an SVG image.');
  }
  const format = sniffBakedImageFormat(image);
  if (image.byteLength > limits.maxImageBytes) throw tooLarge(format?.toUpperCase() ?? 'image', image.byteLength, limits);
  if (format === 'png') return extractFromPng(image, limits);
  if (format === 'svg') return extractFromSvg(decodeSvgBytes(image), limits);
  throw notPngOrSvg(image);
}

export function unbakeLimits(options: UnbakeOptions): ExtractLimits {
  if (typeof options !== 'object' || options === null) throw new Obv3Error('INVALID_ARGUMENT', 'unbake() options must be an object, e.g. { maxImageBytes: 8_000_000 }.');
  return {
    maxImageBytes: cap(options.maxImageBytes, 'maxImageBytes', DEFAULT_MAX_IMAGE_BYTES),
    maxCredentialBytes: cap(options.maxCredentialBytes, 'maxCredentialBytes', DEFAULT_MAX_CREDENTIAL_BYTES),
  };
}

function cap(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Obv3Error('INVALID_ARGUMENT', `options.${name} must be a non-negative number of bytes.`);
  }
  return value;
}

function tooLarge(what: string, size: number, limits: ExtractLimits) {
  return bakeError('INPUT_TOO_LARGE', `The ${what} is ${size} bytes; the limit is ${limits.maxImageBytes} (raise maxImageBytes if you trust the source).`);
}
