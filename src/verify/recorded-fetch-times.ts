/**
 * When a document was really fetched, for a fetch that serves documents recorded earlier (an
 * evidence bundle the caller opened). A status list is judged as of its fetch time, so this time
 * decides whether a list counts as current: it must never come from the network. Only library
 * code registers a fetch here (openEvidenceBundle), keyed by the function's identity; anything a
 * server sends (a Date header, a field in the body) is never consulted.
 */
import type { FetchFunction } from './options.js';

export type RecordedTimeLookup = (url: string) => string | undefined;

const registry = new WeakMap<FetchFunction, RecordedTimeLookup>();

export function registerRecordedTimes(fetchFn: FetchFunction, lookup: RecordedTimeLookup): void {
  registry.set(fetchFn, lookup);
}

/** The recorded ISO time of `url` when `fetchFn` serves recorded documents, else undefined. */
export function recordedFetchTime(fetchFn: FetchFunction, url: string): string | undefined {
  return registry.get(fetchFn)?.(url);
}
