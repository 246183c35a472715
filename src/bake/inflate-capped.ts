/**
 * zlib inflation that stops as soon as the output passes a cap, so a compressed chunk of a few
 * kilobytes cannot expand to gigabytes in memory. fflate (pure JS, runs in browsers) streams the
 * output; the input is fed in small slices so that one slice can never inflate to more than about
 * 1032 times its size (DEFLATE's maximum ratio) beyond the cap before we stop. fflate does not
 * check the zlib Adler-32 trailer; the PNG chunk's CRC, checked before this runs, already covers
 * every byte of the stream.
 */
import { Unzlib } from 'fflate';
import { concatBytes } from '../bytes/concat-bytes.js';

const SLICE_BYTES = 1024;

export function inflateZlibCapped(compressed: Uint8Array, maxBytes: number): Uint8Array | 'too-large' | Error {
  const parts: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Unzlib((chunk, final) => {
    parts.push(chunk);
    total += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let offset = 0; offset < compressed.length && !ended; offset += SLICE_BYTES) {
      const end = Math.min(offset + SLICE_BYTES, compressed.length);
      inflater.push(compressed.subarray(offset, end), end === compressed.length);
      if (total > maxBytes) return 'too-large';
    }
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
  if (!ended) return new Error('the zlib stream is truncated');
  return concatBytes(parts);
}
