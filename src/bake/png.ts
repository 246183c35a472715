/**
 * Baking into and reading from PNG, as OB 3.0 §"Baked Badge / PNG" says: one uncompressed iTXt
 * chunk with keyword `openbadgecredential`, placed before IEND, replacing an existing one. Every
 * other chunk is copied byte for byte, in order.
 */
import { concatBytes } from '../bytes/concat-bytes.js';
import { bakeError } from './errors.js';
import { decodeItxt, encodeItxt, textChunkKeyword } from './itxt.js';
import { OB2_PNG_KEYWORD, ob2AssertionFound } from './ob2.js';
import { encodePngChunk, readPngChunks, type PngChunk } from './png-chunks.js';
import type { BakedText, ExtractLimits } from './types.js';

export const PNG_KEYWORD = 'openbadgecredential';

export function bakePng(image: Uint8Array, text: string): Uint8Array {
  const layout = readPngChunks(image);
  const existing = credentialChunks(layout.chunks);
  if (existing.length > 1) throw twoCredentials(existing.length);
  const kept = layout.chunks.filter((chunk) => !existing.includes(chunk) && chunk.type !== 'IEND');
  const iend = layout.chunks[layout.chunks.length - 1]!;
  const credential = encodePngChunk('iTXt', encodeItxt(PNG_KEYWORD, text));
  // Bytes after IEND are not part of the datastream, but they are the caller's: keep them.
  const trailing = image.subarray(layout.end);
  return concatBytes([image.subarray(0, 8), ...kept.map((c) => image.subarray(c.start, c.end)), credential, image.subarray(iend.start, iend.end), trailing]);
}

export function extractFromPng(image: Uint8Array, limits: ExtractLimits): BakedText {
  const layout = readPngChunks(image);
  const found = credentialChunks(layout.chunks);
  if (found.length > 1) throw twoCredentials(found.length);
  const chunk = found[0];
  if (!chunk) {
    if (layout.chunks.some(isOb2Chunk)) throw ob2AssertionFound('png', 'an iTXt or tEXt chunk with keyword "openbadges"');
    throw bakeError('BAKED_CREDENTIAL_MISSING', `This PNG image carries no Open Badges 3.0 credential (no iTXt chunk with keyword "${PNG_KEYWORD}").`);
  }
  const itxt = decodeItxt(chunk.data, limits.maxCredentialBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(itxt.text);
  } catch (error) {
    throw bakeError('BAKED_CREDENTIAL_INVALID', `The "${PNG_KEYWORD}" chunk of this PNG image is not UTF-8 text, as iTXt requires.`, error);
  }
  return { format: 'png', text, location: `iTXt chunk "${PNG_KEYWORD}"${itxt.compressed ? ' (compressed)' : ''}` };
}

function credentialChunks(chunks: PngChunk[]): PngChunk[] {
  return chunks.filter((chunk) => chunk.type === 'iTXt' && textChunkKeyword(chunk.data) === PNG_KEYWORD);
}

function isOb2Chunk(chunk: PngChunk): boolean {
  // OB 2.0 bakes into iTXt; the pre-2.0 convention put a hosted assertion URL into tEXt.
  return (chunk.type === 'iTXt' || chunk.type === 'tEXt') && textChunkKeyword(chunk.data) === OB2_PNG_KEYWORD;
}

function twoCredentials(count: number) {
  return bakeError('BAKED_IMAGE_INVALID',
    `This PNG image has ${count} iTXt chunks with keyword "${PNG_KEYWORD}"; OB 3.0 allows one, and obv3 will not guess which is meant.`);
}
