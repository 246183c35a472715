/**
 * Reads a transport's response body into memory, refusing it as soon as it is known to exceed the
 * cap: first from Content-Length, then by counting (collectCapped), so an endless or lying server
 * costs at most `maxBytes`.
 */
import { collectCapped, declaredLength } from '../bytes/collect-capped.js';
import { GuardedFetchError } from './guarded-fetch-error.js';
import type { TransportResponse } from './transport.js';

export async function readCappedBody(response: TransportResponse, maxBytes: number, url: string): Promise<Uint8Array<ArrayBuffer>> {
  // Several differing Content-Length headers are a smuggling sign; Node's parser already rejects
  // them, so only the first one matters here.
  const declared = declaredLength(response.headers.find(([name]) => name.toLowerCase() === 'content-length')?.[1]);
  if (declared !== undefined && declared > maxBytes) {
    response.cancel();
    throw tooLarge(url, maxBytes, `it declared ${declared} bytes`);
  }
  const { bytes, overLimit } = await collectCapped(response.body, maxBytes);
  if (overLimit) {
    response.cancel();
    throw tooLarge(url, maxBytes, 'it sent more');
  }
  return bytes;
}

function tooLarge(url: string, maxBytes: number, detail: string): GuardedFetchError {
  return new GuardedFetchError('too-large', url, `Refused the body of ${url}: ${detail} than the ${maxBytes}-byte cap (maxBytes).`);
}
