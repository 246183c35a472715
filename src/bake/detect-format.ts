/** Telling image formats apart by their first bytes, never by a file name or a MIME type. */
import { bakeError } from './errors.js';
import { hasPngSignature } from './png-chunks.js';
import type { BakedImageFormat } from './types.js';

/** 'png' for the PNG signature; 'svg' for text whose first non-blank character is `<` (XML). */
export function sniffBakedImageFormat(bytes: Uint8Array): BakedImageFormat | undefined {
  if (hasPngSignature(bytes)) return 'png';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // UTF-16 XML is recognised so that the error can say what is wrong with it.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0x3c) || (bytes[0] === 0xfe && bytes[1] === 0xff && bytes[3] === 0x3c)) return 'svg';
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c ? 'svg' : undefined;
}

/** Other image formats people upload, named so the error can say badges are baked only into PNG and SVG. */
export function sniffOtherImageFormat(bytes: Uint8Array): string | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'JPEG';
  if (ascii(0, 4) === 'GIF8') return 'GIF';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'WebP';
  if (ascii(4, 8) === 'ftyp') return 'HEIF/AVIF';
  if (ascii(0, 5) === '%PDF-') return 'PDF';
  return undefined;
}

export function isSvgText(text: string): boolean {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

/** The error for bytes that are neither PNG nor SVG, naming the format when we know it. */
export function notPngOrSvg(bytes: Uint8Array) {
  const other = sniffOtherImageFormat(bytes);
  return bakeError('BAKED_IMAGE_INVALID', other
    ? `This is a ${other} file; Open Badges are baked only into PNG and SVG images.`
    : 'The bytes are neither a PNG image nor an SVG image.');
}

export function notSvgText() {
  return bakeError('BAKED_IMAGE_INVALID', 'The text is not an SVG image (it does not start with "<").');
}
