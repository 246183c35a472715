/**
 * Reads a response body into memory, refusing it as soon as it is known to exceed the cap: first
 * from Content-Length, then by counting, so an endless or lying server costs at most `maxBytes`.
 */
import { GuardedFetchError } from './guarded-fetch-error.js';
import type { TransportResponse } from './transport.js';

export async function readCappedBody(response: TransportResponse, maxBytes: number, url: string): Promise<Uint8Array<ArrayBuffer>> {
  const declared = declaredLength(response.headers);
  if (declared !== undefined && declared > maxBytes) {
    response.cancel();
    throw tooLarge(url, maxBytes, `it declared ${declared} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      response.cancel();
      throw tooLarge(url, maxBytes, 'it sent more');
    }
    chunks.push(chunk);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

// Several differing Content-Length headers are a smuggling sign; Node's parser already rejects
// them, so only the first one matters here.
function declaredLength(headers: TransportResponse['headers']): number | undefined {
  const value = headers.find(([name]) => name.toLowerCase() === 'content-length')?.[1].trim();
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function tooLarge(url: string, maxBytes: number, detail: string): GuardedFetchError {
  return new GuardedFetchError('too-large', url, `Refused the body of ${url}: ${detail} than the ${maxBytes}-byte cap (maxBytes).`);
}
