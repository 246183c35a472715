/**
 * The verifier's only door to the network: the caller's `fetch`, wrapped with a timeout, a body
 * size cap, a per-verification budget and a cache, recording every document it read so the
 * report says exactly what the verdict relied on.
 */
import { collectCapped, declaredLength, responseChunks } from '../bytes/collect-capped.js';
import type { FetchFunction } from './options.js';
import { recordedFetchTime } from './recorded-fetch-times.js';
import type { FetchedDocument } from './report.js';
import { sha256 } from '../sha256.js';

export type FetchJsonResult =
  /** `document`: this fetch as the report records it (when, status, SHA-256). */
  | { ok: true; json: unknown; document: Readonly<FetchedDocument> }
  /** `notFound`: the server answered that the document does not exist (404/410). */
  | { ok: false; reason: 'no-fetch' | 'budget' | 'network' | 'notFound' | 'http' | 'too-large' | 'not-json'; message: string };

export interface Fetcher {
  readonly available: boolean;
  fetchJson(url: string): Promise<FetchJsonResult>;
  /** Records a document served from a cache, so the report still names what it relied on. */
  recordCached(document: FetchedDocument): void;
  readonly fetched: readonly FetchedDocument[];
}

interface FetcherLimits {
  maxFetches: number;
  maxFetchBytes: number;
  fetchTimeoutMs: number;
}

export function createFetcher(fetchFn: FetchFunction | undefined, limits: FetcherLimits): Fetcher {
  const fetched: FetchedDocument[] = [];
  const cache = new Map<string, Promise<FetchJsonResult>>();
  let requests = 0;

  async function load(url: string): Promise<FetchJsonResult> {
    if (!fetchFn) return { ok: false, reason: 'no-fetch', message: `Fetching ${url} needs options.fetch; none was given, so nothing was fetched.` };
    if (requests >= limits.maxFetches) {
      return { ok: false, reason: 'budget', message: `Not fetched: this verification already made ${limits.maxFetches} requests (options.maxFetches).` };
    }
    requests++;
    const record: FetchedDocument = { url, fetchedAt: new Date().toISOString() };
    fetched.push(record);
    try {
      const response = await fetchFn(url, {
        headers: { accept: 'application/did+ld+json, application/ld+json, application/json' },
        redirect: 'follow',
        signal: AbortSignal.timeout(limits.fetchTimeoutMs),
      });
      record.status = response.status;
      // The real clock, or the time an evidence bundle recorded; never a time the server states.
      record.fetchedAt = recordedFetchTime(fetchFn, url) ?? new Date().toISOString();
      if (response.status === 404 || response.status === 410) {
        return { ok: false, reason: 'notFound', message: `${url} answered HTTP ${response.status}: the document does not exist.` };
      }
      if (!response.ok) return { ok: false, reason: 'http', message: `${url} answered HTTP ${response.status}.` };
      const body = await readCapped(response, limits.maxFetchBytes);
      if (!body) {
        record.error = 'too large';
        return { ok: false, reason: 'too-large', message: `${url} sent more than ${limits.maxFetchBytes} bytes (options.maxFetchBytes).` };
      }
      record.sha256 = sha256(body);
      try {
        return { ok: true, json: JSON.parse(new TextDecoder().decode(body)), document: record };
      } catch {
        record.error = 'not JSON';
        return { ok: false, reason: 'not-json', message: `${url} did not return JSON.` };
      }
    } catch (error) {
      record.error = (error as Error).message;
      return { ok: false, reason: 'network', message: `Fetching ${url} failed: ${(error as Error).message}.` };
    }
  }

  return {
    available: fetchFn !== undefined,
    fetched,
    recordCached(document: FetchedDocument) {
      fetched.push({ ...document, fromCache: true });
    },
    fetchJson(url: string) {
      let pending = cache.get(url);
      if (!pending) {
        pending = load(url);
        cache.set(url, pending);
      }
      return pending;
    },
  };
}

/**
 * A fetch that failed for good: the server said the document does not exist, or sent something
 * that is not JSON. Anything else (no fetch, budget, network, HTTP error, too large) could go
 * otherwise another time, so what depends on it stays undecided.
 */
export function isDefinitiveFailure(result: Extract<FetchJsonResult, { ok: false }>): boolean {
  return result.reason === 'notFound' || result.reason === 'not-json';
}

/** Reads at most `max` bytes; undefined when the body is larger (the rest is not downloaded). */
export async function readCapped(response: Response, max: number): Promise<Uint8Array | undefined> {
  const declared = declaredLength(response.headers.get('content-length'));
  if (declared !== undefined && declared > max) {
    await response.body?.cancel();
    return undefined;
  }
  const { bytes, overLimit } = await collectCapped(responseChunks(response), max);
  return overLimit ? undefined : bytes;
}
