/**
 * When a document was really fetched, for a fetch that serves documents recorded earlier. A status
 * list is judged as of its fetch time, so this time decides whether a list counts as current: it
 * must never come from the network. Three library functions register the fetch functions they
 * create here, keyed by the function's identity, and nothing else can (this module is not part
 * of the public API):
 * - openEvidenceBundle: the times in the bundle the caller chose to open;
 * - createEvidenceRecorder: a URL served again gets the time it was first fetched, by this
 *   machine's clock;
 * - bridgedFetch (worker threads): the time the main thread's fetch reported for the URL, which
 *   is one of the two above or none.
 * Each time thus comes from a local clock or a bundle the caller picked; anything a server sends
 * (a Date header, a field in the body) is never consulted, so a live server cannot make an
 * expired list look current.
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
