/**
 * SVG bytes to text and back. obv3 reads SVG in UTF-8, as nearly every SVG is written; a file
 * declaring another ASCII-compatible encoding (ISO-8859-1, windows-1252, US-ASCII) is read when its
 * bytes are plain ASCII, which all those encodings agree on, and then baked ASCII-only so that
 * the declaration stays true. Anything else is refused with a clear message rather than misread.
 */
import { bakeError } from './errors.js';

export interface SvgSource {
  text: string;
  /** The bytes started with a UTF-8 byte order mark (written back when baking). */
  bom: boolean;
  /** The file declares a non-UTF-8 encoding: what we add must be ASCII. */
  asciiOnly: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF8_LABELS = new Set(['utf-8', 'utf8']);
const ASCII_COMPATIBLE_LABELS = new Set(['us-ascii', 'ascii', 'iso-8859-1', 'latin1', 'iso_8859-1', 'windows-1252', 'cp1252']);
const DECLARED_ENCODING = /^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/;

export function decodeSvgBytes(bytes: Uint8Array): SvgSource {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw invalid('it is UTF-16 text; obv3 reads SVG images in UTF-8 (re-save the file as UTF-8)');
  }
  const bom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = bom ? bytes.subarray(3) : bytes;
  // The declaration is ASCII in every encoding we accept, so it can be read before decoding.
  const label = declaredEncoding(String.fromCharCode(...body.subarray(0, 256)));
  if (label !== undefined && body.some((b) => b > 0x7f)) {
    throw invalid(`it declares encoding "${label}" and has characters beyond ASCII; obv3 reads SVG images in UTF-8 (re-save the file as UTF-8)`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch (error) {
    throw invalid('it is not valid UTF-8 text; obv3 reads SVG images in UTF-8 (re-save the file as UTF-8)', error);
  }
  return { text, bom, asciiOnly: label !== undefined };
}

/** SVG handed in as a string is already decoded; only the declaration decides what we may add. */
export function svgSourceFromText(raw: string): SvgSource {
  const bom = raw.startsWith('\uFEFF');
  const text = bom ? raw.slice(1) : raw;
  return { text, bom, asciiOnly: declaredEncoding(text) !== undefined };
}

export function encodeSvgText(source: SvgSource, text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!source.bom) return body;
  const out = new Uint8Array(3 + body.length);
  out.set(UTF8_BOM, 0);
  out.set(body, 3);
  return out;
}

/** The declared encoding when it is not UTF-8 (so what we add must be ASCII); refuses unknown ones. */
function declaredEncoding(start: string): string | undefined {
  const label = DECLARED_ENCODING.exec(start)?.[2]?.toLowerCase();
  if (label === undefined || UTF8_LABELS.has(label)) return undefined;
  if (!ASCII_COMPATIBLE_LABELS.has(label)) {
    throw invalid(`it declares encoding "${label}"; obv3 reads SVG images in UTF-8 (re-save the file as UTF-8)`);
  }
  return label;
}

function invalid(reason: string, cause?: unknown) {
  return bakeError('BAKED_IMAGE_INVALID', `This SVG image cannot be read: ${reason}.`, cause);
}
