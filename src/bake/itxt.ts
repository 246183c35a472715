/**
 * The iTXt chunk (PNG spec §11.3.3.4): keyword, NUL, compression flag, compression method,
 * language tag, NUL, translated keyword, NUL, text. The text is UTF-8, optionally zlib-compressed.
 * We always write it uncompressed, as OB 3.0 requires; we read compressed text too (other bakers
 * get this wrong), with the inflated size capped.
 */
import { bakeError } from './errors.js';
import { inflateZlibCapped } from './inflate-capped.js';

export interface ItxtHeader {
  keyword: string;
  compressed: boolean;
  languageTag: string;
  translatedKeyword: string;
}

export interface ItxtChunk extends ItxtHeader {
  /** The (decompressed) text as UTF-8 bytes. */
  text: Uint8Array;
}

const NUL = 0;
const MAX_KEYWORD_BYTES = 79;

/** The data of an uncompressed iTXt chunk, with empty language tag and translated keyword. */
export function encodeItxt(keyword: string, text: string): Uint8Array {
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword)) throw new TypeError(`An iTXt keyword is 1 to 79 printable ASCII characters; got ${JSON.stringify(keyword)}.`);
  const keywordBytes = Uint8Array.from(keyword, (c) => c.charCodeAt(0));
  const textBytes = new TextEncoder().encode(text);
  // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL
  const out = new Uint8Array(keywordBytes.length + 5 + textBytes.length);
  out.set(keywordBytes, 0);
  out.set(textBytes, keywordBytes.length + 5);
  return out;
}

/** The keyword of an iTXt (or tEXt, which starts the same way) chunk, read without touching the rest. */
export function textChunkKeyword(data: Uint8Array): string | undefined {
  const end = data.indexOf(NUL);
  if (end < 1 || end > MAX_KEYWORD_BYTES) return undefined;
  return latin1(data.subarray(0, end));
}

/** Parses an iTXt chunk; throws BAKED_IMAGE_INVALID when malformed, INPUT_TOO_LARGE past the cap. */
export function decodeItxt(data: Uint8Array, maxTextBytes: number): ItxtChunk {
  const keywordEnd = data.indexOf(NUL);
  if (keywordEnd < 1 || keywordEnd > MAX_KEYWORD_BYTES) throw malformed('its keyword is missing, longer than 79 bytes or not NUL-terminated');
  const keyword = latin1(data.subarray(0, keywordEnd));
  if (data.length < keywordEnd + 3) throw malformed(`chunk "${keyword}" ends before its compression fields`);
  const flag = data[keywordEnd + 1];
  const method = data[keywordEnd + 2];
  if (flag !== 0 && flag !== 1) throw malformed(`chunk "${keyword}" has compression flag ${flag}; only 0 and 1 exist`);
  if (flag === 1 && method !== 0) throw malformed(`chunk "${keyword}" uses compression method ${method}; only 0 (zlib) exists`);
  const languageStart = keywordEnd + 3;
  const languageEnd = data.indexOf(NUL, languageStart);
  if (languageEnd < 0) throw malformed(`chunk "${keyword}" has no NUL after its language tag`);
  const translatedEnd = data.indexOf(NUL, languageEnd + 1);
  if (translatedEnd < 0) throw malformed(`chunk "${keyword}" has no NUL after its translated keyword`);
  const stored = data.subarray(translatedEnd + 1);
  const compressed = flag === 1;
  if (!compressed && stored.length > maxTextBytes) throw tooLarge(keyword, stored.length, maxTextBytes);
  const text = compressed ? inflateText(keyword, stored, maxTextBytes) : stored;
  return {
    keyword,
    compressed,
    languageTag: latin1(data.subarray(languageStart, languageEnd)),
    translatedKeyword: new TextDecoder('utf-8').decode(data.subarray(languageEnd + 1, translatedEnd)),
    text,
  };
}

function inflateText(keyword: string, stored: Uint8Array, maxTextBytes: number): Uint8Array {
  const result = inflateZlibCapped(stored, maxTextBytes);
  if (result === 'too-large') throw tooLarge(keyword, undefined, maxTextBytes);
  if (result instanceof Error) throw malformed(`the compressed text of chunk "${keyword}" does not inflate (${result.message})`, result);
  return result;
}

function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

function malformed(reason: string, cause?: unknown) {
  return bakeError('BAKED_IMAGE_INVALID', `This PNG image has a malformed iTXt chunk: ${reason}.`, cause);
}

function tooLarge(keyword: string, size: number | undefined, cap: number) {
  const what = size === undefined ? `inflates to more than ${cap} bytes` : `holds ${size} bytes`;
  return bakeError('INPUT_TOO_LARGE', `The iTXt chunk "${keyword}" ${what}; the limit is ${cap} (raise maxCredentialBytes if you trust the image).`);
}
