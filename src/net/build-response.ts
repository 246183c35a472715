/**
 * Turns what the transport received into a standard Response that already holds its body, so
 * nothing can read past the size cap through it later.
 */
import { GuardedFetchError } from './guarded-fetch-error.js';
import type { TransportResponse } from './transport.js';

// The Response constructor throws for a body on these statuses.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Whether a Response with this status must have a null body; for everything in obv3 that builds Responses. */
export function hasNullBody(status: number): boolean {
  return NULL_BODY_STATUSES.has(status);
}

/** Refuses statuses a Response cannot carry (Node's parser accepts anything from 100 to 999). */
export function checkStatus(response: TransportResponse, url: string): void {
  if (!Number.isInteger(response.status) || response.status < 200 || response.status > 599) {
    response.cancel();
    throw new GuardedFetchError('bad-response', url, `${url} answered with status ${response.status}, which is not a valid HTTP response status.`);
  }
}

export function buildResponse(received: TransportResponse, body: Uint8Array<ArrayBuffer> | null, url: URL, redirected: boolean): Response {
  const headers = new Headers();
  for (const [name, value] of received.headers) {
    try {
      headers.append(name, value);
    } catch {
      // A header the Headers class cannot hold is dropped rather than failing the whole fetch.
    }
  }
  const response = new Response(body, { status: received.status, statusText: sanitizeStatusText(received.statusText), headers });
  // A constructed Response has url "" and redirected false; callers (and reports) need to know
  // which URL the body actually came from, as the global fetch would tell them.
  Object.defineProperty(response, 'url', { value: url.href });
  Object.defineProperty(response, 'redirected', { value: redirected });
  return response;
}

function sanitizeStatusText(text: string): string {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(text) ? text : '';
}
