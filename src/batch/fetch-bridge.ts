/**
 * The caller's `fetch` for verification in worker threads. A function cannot be copied to a
 * thread, so the worker's fetch sends the request to the main thread, which calls the caller's
 * fetch (the only door to the network, as in verifyCredential) and sends back status, headers
 * and at most maxFetchBytes + 1 of the body: enough for the worker's own size check to refuse
 * a larger document, without reading it all.
 */
import { collectCapped, responseChunks } from '../bytes/collect-capped.js';
import { hasNullBody } from '../net/build-response.js';
import { untilAborted } from '../net/until-aborted.js';
import type { FetchFunction } from '../verify/options.js';
import { recordedFetchTime, registerRecordedTimes } from '../verify/recorded-fetch-times.js';
import type { WorkerCall } from './messages.js';

interface BridgedRequest {
  url: string;
  headers: [string, string][];
  redirect?: RequestRedirect;
}

interface BridgedResponse {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  /** Set when the caller's fetch serves an evidence bundle: the time the document was recorded. */
  recordedAt?: string;
}

/** In the worker: a fetch that asks the main thread. */
export function bridgedFetch(callMain: (method: WorkerCall['method'], args: unknown) => Promise<unknown>): FetchFunction {
  // Recorded times travel with the main thread's answers, so a worker's report shows the same
  // fetch times as verifyCredential would with the caller's evidence fetch.
  const recordedTimes = new Map<string, string>();
  const bridged: FetchFunction = async (url, init) => {
    const request: BridgedRequest = { url, headers: pairs(new Headers(init?.headers)), ...(init?.redirect ? { redirect: init.redirect } : {}) };
    const reply = callMain('fetch', request) as Promise<BridgedResponse>;
    const response = init?.signal ? await untilAborted(reply, init.signal) : await reply;
    const { body } = response;
    if (response.recordedAt !== undefined) recordedTimes.set(url, response.recordedAt);
    const bytes = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
    return new Response(hasNullBody(response.status) ? null : bytes, { status: response.status, headers: response.headers });
  };
  registerRecordedTimes(bridged, (url) => recordedTimes.get(url));
  return bridged;
}

/** In the main thread: runs the caller's fetch for a worker. */
export async function answerFetch(
  fetchFn: FetchFunction,
  args: unknown,
  limits: { maxFetchBytes: number; fetchTimeoutMs: number },
): Promise<{ value: BridgedResponse; transfer: ArrayBuffer[] }> {
  const { url, headers, redirect } = args as BridgedRequest;
  const response = await fetchFn(url, { headers, ...(redirect ? { redirect } : {}), signal: AbortSignal.timeout(limits.fetchTimeoutMs) });
  // Over the cap, the first maxFetchBytes + 1 bytes: the worker's own check then refuses the body.
  const { bytes: body } = await collectCapped(responseChunks(response), limits.maxFetchBytes);
  const recordedAt = recordedFetchTime(fetchFn, url);
  const value: BridgedResponse = { status: response.status, headers: pairs(response.headers), body, ...(recordedAt !== undefined ? { recordedAt } : {}) };
  return { value, transfer: [body.buffer] };
}

function pairs(headers: Headers): [string, string][] {
  const out: [string, string][] = [];
  headers.forEach((value, name) => out.push([name, value]));
  return out;
}
