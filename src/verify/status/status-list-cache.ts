/**
 * Verified status lists, kept for their `ttl` so that verifying 10,000 credentials of one issuer
 * fetches each list once. The cache belongs to the caller's `fetch` function (a WeakMap key):
 * the same fetch shares lists across verifyCredential calls; a different fetch (another network
 * view, a test stub) never sees them. Only lists whose proof verified are kept.
 */
import type { FetchFunction } from '../options.js';
import type { FetchedDocument } from '../report.js';

/** BSL's default when a list gives no ttl, and the longest we keep any list. */
const DEFAULT_STATUS_LIST_TTL_MS = 5 * 60 * 1000;
const MAX_STATUS_LIST_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_LISTS_PER_FETCH = 1000;

export interface VerifiedStatusList {
  url: string;
  format: 'BitstringStatusList' | 'StatusList2021';
  issuer: string;
  purposes: string[];
  bits: Uint8Array;
  length: number;
  validFrom?: Date;
  validUntil?: Date;
  /** The fetch that produced it, for the report. */
  fetched: FetchedDocument;
}

interface Entry {
  list: VerifiedStatusList;
  expiresAt: number;
}

const caches = new WeakMap<FetchFunction, Map<string, Entry>>();

export function getCachedList(fetchFn: FetchFunction, url: string, nowMs: number): VerifiedStatusList | undefined {
  const cache = caches.get(fetchFn);
  const entry = cache?.get(url);
  if (!cache || !entry) return undefined;
  if (entry.expiresAt <= nowMs) {
    cache.delete(url);
    return undefined;
  }
  // Re-insert so the map's order is least-recently-used first.
  cache.delete(url);
  cache.set(url, entry);
  return entry.list;
}

export function cacheList(fetchFn: FetchFunction, list: VerifiedStatusList, ttlMs: number | undefined, nowMs: number): void {
  const ttl = Math.min(ttlMs ?? DEFAULT_STATUS_LIST_TTL_MS, MAX_STATUS_LIST_TTL_MS);
  if (!(ttl > 0)) return;
  let cache = caches.get(fetchFn);
  if (!cache) {
    cache = new Map();
    caches.set(fetchFn, cache);
  }
  cache.set(list.url, { list, expiresAt: nowMs + ttl });
  while (cache.size > MAX_LISTS_PER_FETCH) {
    const oldest = cache.keys().next().value as string;
    cache.delete(oldest);
  }
}
