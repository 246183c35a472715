/**
 * Walking and writing PNG chunks (PNG spec §5.3). Written here rather than taken from
 * png-chunks-extract: that package trusts each declared length (it reads past the end of a
 * truncated file) and is unmaintained; here every length is checked against the bytes left before
 * anything is read, and every chunk's CRC is checked. The CRC itself is crc-32's.
 */
import CRC32 from 'crc-32';
import { bakeError } from './errors.js';

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** The PNG spec caps a chunk's length at 2^31 - 1. */
const MAX_CHUNK_LENGTH = 0x7fffffff;
/** Length, type and CRC: 4 bytes each. */
const CHUNK_OVERHEAD = 12;

export interface PngChunk {
  /** Four ASCII letters, e.g. `IHDR`, `iTXt`. */
  type: string;
  /** The chunk's data (a view into the image, not a copy). */
  data: Uint8Array;
  /** Offset of the chunk's length field in the image. */
  start: number;
  /** Offset just after the chunk's CRC. */
  end: number;
}

export interface PngLayout {
  /** Every chunk from IHDR to IEND inclusive, in file order. */
  chunks: PngChunk[];
  /** Offset just after IEND; bytes after it are not part of the PNG datastream. */
  end: number;
}

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Reads every chunk, or throws BAKED_IMAGE_INVALID naming the first thing that is wrong. */
export function readPngChunks(bytes: Uint8Array): PngLayout {
  if (!hasPngSignature(bytes)) throw invalid('it does not start with the PNG signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  for (;;) {
    const left = bytes.length - offset;
    if (left === 0) throw invalid(`it ends after ${chunks.length} chunk(s) without an IEND chunk (the file is truncated)`);
    if (left < CHUNK_OVERHEAD) throw invalid(`it ends inside a chunk header at byte ${offset} (the file is truncated)`);
    const length = view.getUint32(offset);
    const typeBytes = bytes.subarray(offset + 4, offset + 8);
    const type = chunkTypeName(typeBytes, offset);
    if (length > MAX_CHUNK_LENGTH) {
      throw invalid(`chunk ${type} at byte ${offset} declares ${length} bytes; PNG allows at most ${MAX_CHUNK_LENGTH}`);
    }
    if (length > left - CHUNK_OVERHEAD) {
      throw invalid(`chunk ${type} at byte ${offset} declares ${length} bytes but only ${left - CHUNK_OVERHEAD} remain (the file is truncated or damaged)`);
    }
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const expected = view.getUint32(offset + 8 + length);
    if (crcOf(typeBytes, data) !== expected) throw invalid(`chunk ${type} at byte ${offset} fails its CRC check (the file is damaged)`);
    if (chunks.length === 0 && type !== 'IHDR') throw invalid(`its first chunk is ${type}; a PNG starts with IHDR`);
    const end = offset + CHUNK_OVERHEAD + length;
    chunks.push({ type, data, start: offset, end });
    if (type === 'IEND') return { chunks, end };
    offset = end;
  }
}

/** One chunk's bytes: length, type, data, CRC. */
export function encodePngChunk(type: string, data: Uint8Array): Uint8Array {
  if (!/^[A-Za-z]{4}$/.test(type)) throw new TypeError(`A PNG chunk type is four ASCII letters; got ${JSON.stringify(type)}.`);
  if (data.length > MAX_CHUNK_LENGTH) throw new RangeError(`A PNG chunk holds at most ${MAX_CHUNK_LENGTH} bytes.`);
  const typeBytes = Uint8Array.from(type, (c) => c.charCodeAt(0));
  const out = new Uint8Array(CHUNK_OVERHEAD + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(typeBytes, 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crcOf(typeBytes, data));
  return out;
}

function crcOf(typeBytes: Uint8Array, data: Uint8Array): number {
  // crc-32 returns a signed 32-bit integer; the file stores it unsigned.
  return CRC32.buf(data, CRC32.buf(typeBytes)) >>> 0;
}

function chunkTypeName(typeBytes: Uint8Array, offset: number): string {
  for (const b of typeBytes) {
    const letter = (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
    if (!letter) throw invalid(`the chunk at byte ${offset} has a type that is not four ASCII letters (the file is damaged)`);
  }
  return String.fromCharCode(...typeBytes);
}

function invalid(reason: string) {
  return bakeError('BAKED_IMAGE_INVALID', `This PNG image is damaged: ${reason}.`);
}
