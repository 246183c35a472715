/**
 * Reads a fetch call's arguments into the narrow request a guarded fetch will send: GET or HEAD,
 * no body, headers we control where they affect framing, encoding or routing.
 */
import { Obv3Error } from '../errors.js';
import { GuardedFetchError } from './guarded-fetch-error.js';

export interface PreparedRequest {
  input: string;
  method: 'GET' | 'HEAD';
  headers: Record<string, string>;
  redirect: RequestRedirect;
}

// Set by the transport (host, framing) or by us (encoding), never taken from the caller: they
// decide where the bytes go and how they are delimited, which is exactly what is being guarded.
// Every proxy-* header is dropped too (see requestHeaders).
const CONTROLLED_HEADERS = new Set([
  'accept-encoding',
  'connection',
  'content-length',
  'expect',
  'host',
  'keep-alive',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Headers that identify the caller to one origin and must not follow a redirect elsewhere. */
const ORIGIN_BOUND_HEADERS = ['authorization', 'cookie'];

export function prepareRequest(input: unknown, init: RequestInit | undefined, userAgent: string): PreparedRequest {
  const url = input instanceof URL ? input.href : input;
  if (typeof url !== 'string') throw new Obv3Error('INVALID_ARGUMENT', 'A guarded fetch takes the URL as a string, e.g. fetch("https://example.org/issuer").');
  if (init !== undefined && (typeof init !== 'object' || init === null)) {
    throw new Obv3Error('INVALID_ARGUMENT', 'The second argument of a guarded fetch must be a RequestInit object or undefined.');
  }
  const method = (init?.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    throw new GuardedFetchError('method', url, `Refused ${method} ${url}: a guarded fetch only sends GET and HEAD.`);
  }
  if (init?.body !== undefined && init.body !== null) {
    throw new GuardedFetchError('method', url, `Refused ${url}: a guarded fetch never sends a request body.`);
  }
  const redirect = init?.redirect ?? 'follow';
  if (redirect !== 'follow' && redirect !== 'manual' && redirect !== 'error') {
    throw new Obv3Error('INVALID_ARGUMENT', 'init.redirect must be "follow", "manual" or "error".');
  }
  return { input: url, method, headers: requestHeaders(init?.headers, userAgent), redirect };
}

/** The headers for a hop to `to`, dropping credentials when the hop leaves the origin of `from`. */
export function headersForHop(headers: Record<string, string>, from: URL, to: URL): Record<string, string> {
  if (from.origin === to.origin) return headers;
  const kept = { ...headers };
  for (const name of ORIGIN_BOUND_HEADERS) delete kept[name];
  return kept;
}

function requestHeaders(given: HeadersInit | undefined, userAgent: string): Record<string, string> {
  let parsed: Headers;
  try {
    parsed = new Headers(given);
  } catch (cause) {
    throw new Obv3Error('INVALID_ARGUMENT', `init.headers is not valid: ${(cause as Error).message}`, { cause });
  }
  const headers: Record<string, string> = { 'user-agent': userAgent };
  parsed.forEach((value, name) => {
    if (!CONTROLLED_HEADERS.has(name) && !name.startsWith('proxy-')) headers[name] = value;
  });
  // Compressed bodies would need a second, decompressed size cap and add a decoder to the attack
  // surface; the documents we fetch are small JSON, so ask for them as they are.
  headers['accept-encoding'] = 'identity';
  return headers;
}
