/**
 * createEvidenceRecorder: a fetch that passes requests to the live fetch (the guarded fetch, as a
 * rule) and keeps every response, so the documents a verification relied on can be written to an
 * evidence bundle. Each URL is fetched once: later requests for it, from any credential, get the
 * first response, so every credential of one run is judged against the same snapshot.
 */
import { createHash } from 'node:crypto';
import { Obv3Error } from '../errors.js';
import { DEFAULT_MAX_FETCH_BYTES } from '../verify/limits.js';
import { readCapped } from '../verify/fetcher.js';
import type { FetchFunction } from '../verify/options.js';
import { LIBRARY_VERSION } from '../verify/provenance.js';
import { registerRecordedTimes } from '../verify/recorded-fetch-times.js';
import { EVIDENCE_BUNDLE_TYPE, EVIDENCE_BUNDLE_VERSION, type EvidenceBundle, type EvidenceDocument } from './bundle.js';
import { responseFromDocument } from './replay-response.js';

export interface EvidenceRecorderOptions {
  /** The clock stamped on each document; default the real one. Never a time the server sends. */
  now?: () => Date;
  /** Largest body kept; a larger one is recorded as an error. Default 1 MiB (the verifier's own cap). */
  maxBytes?: number;
}

export interface EvidenceRecorder {
  /** Give this to verifyCredential / verifyCredentials as `fetch`. */
  readonly fetch: FetchFunction;
  /** Copies of the documents recorded so far, in the order first fetched. */
  documents(): EvidenceDocument[];
  /** The bundle to write (JSON.stringify it), with everything recorded so far. */
  bundle(): EvidenceBundle;
}

export function createEvidenceRecorder(liveFetch: FetchFunction, options: EvidenceRecorderOptions = {}): EvidenceRecorder {
  if (typeof liveFetch !== 'function') throw new Obv3Error('INVALID_ARGUMENT', 'createEvidenceRecorder needs the fetch to record, e.g. createGuardedFetch().');
  const { now = () => new Date(), maxBytes = DEFAULT_MAX_FETCH_BYTES } = options;
  if (typeof now !== 'function') throw new Obv3Error('INVALID_ARGUMENT', 'options.now must be a function returning a Date.');
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) throw new Obv3Error('INVALID_ARGUMENT', 'options.maxBytes must be a whole number of bytes.');
  const recorded = new Map<string, Promise<EvidenceDocument>>();
  /** Each finished document by URL; a Map keeps insertion order, which is the bundle's order. */
  const done = new Map<string, EvidenceDocument>();

  async function record(url: string, init: RequestInit | undefined): Promise<EvidenceDocument> {
    let document: EvidenceDocument;
    try {
      const response = await liveFetch(url, init);
      const body = await readCapped(response, maxBytes);
      const contentType = response.headers.get('content-type') ?? undefined;
      document = body === undefined
        ? { url, fetchedAt: now().toISOString(), status: response.status, error: `the body is larger than ${maxBytes} bytes` }
        : {
            url,
            fetchedAt: now().toISOString(),
            status: response.status,
            ...(contentType !== undefined ? { contentType } : {}),
            sha256: createHash('sha256').update(body).digest('hex'),
            body: Buffer.from(body).toString('base64'),
          };
    } catch (error) {
      document = { url, fetchedAt: now().toISOString(), error: error instanceof Error ? error.message : String(error) };
    }
    done.set(url, document);
    return document;
  }

  const fetch: FetchFunction = async (url, init) => {
    if (init?.method !== undefined && init.method.toUpperCase() !== 'GET') {
      throw new Obv3Error('INVALID_ARGUMENT', `The evidence recorder records GET requests only, not ${init.method}.`);
    }
    let pending = recorded.get(url);
    if (!pending) {
      pending = record(url, init);
      recorded.set(url, pending);
    }
    return responseFromDocument(await pending);
  };

  // A document served again later was still fetched when it was recorded: reports say so.
  registerRecordedTimes(fetch, (url) => done.get(url)?.fetchedAt);

  return {
    fetch,
    documents: () => [...done.values()].map((d) => ({ ...d })),
    bundle: () => ({
      type: EVIDENCE_BUNDLE_TYPE,
      version: EVIDENCE_BUNDLE_VERSION,
      createdAt: now().toISOString(),
      createdBy: { name: 'obv3', version: LIBRARY_VERSION },
      documents: [...done.values()].map((d) => ({ ...d })),
    }),
  };
}
