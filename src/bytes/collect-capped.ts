/**
 * Reading a body into memory up to a size cap, for everything that receives documents from
 * elsewhere (the guarded fetch, the verifier's fetcher, the worker threads' fetch bridge): one
 * place that decides when a body is too large, so an endless or lying sender costs at most about
 * `max` bytes wherever it is read.
 */
import { concatBytes } from './concat-bytes.js';

export interface CappedBytes {
  /** The whole body; when `overLimit`, its first `max + 1` bytes (enough for a later check to refuse it too). */
  bytes: Uint8Array<ArrayBuffer>;
  /** More than `max` bytes arrived; the rest was not read. */
  overLimit: boolean;
}

/**
 * Joins the chunks, stopping as soon as they exceed `max` bytes. Stopping ends the iteration
 * early, which cancels the source (a stream's reader, a socket), so the rest is never downloaded.
 */
export async function collectCapped(chunks: AsyncIterable<Uint8Array>, max: number): Promise<CappedBytes> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > max) {
      parts.push(chunk.subarray(0, chunk.byteLength - (total - max - 1)));
      return { bytes: concatBytes(parts), overLimit: true };
    }
    parts.push(chunk);
  }
  return { bytes: concatBytes(parts), overLimit: false };
}

/**
 * A fetch Response's body as chunks, read through its stream's reader (async iteration of web
 * streams is missing in some browsers) and cancelled if the reading stops early. A Response
 * without a stream (a null body, or a Response-like object) gives its arrayBuffer().
 */
export async function* responseChunks(response: Pick<Response, 'body' | 'arrayBuffer'>): AsyncGenerator<Uint8Array> {
  if (!response.body) {
    yield new Uint8Array(await response.arrayBuffer());
    return;
  }
  const reader = response.body.getReader();
  let finished = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

/**
 * The size a Content-Length header value declares, when it is one plain number (anything else,
 * such as a list of differing values, declares nothing: the body is then counted as it arrives).
 */
export function declaredLength(value: string | null | undefined): number | undefined {
  const text = value?.trim();
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}
