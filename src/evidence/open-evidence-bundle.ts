/**
 * openEvidenceBundle: reads a bundle written from an EvidenceRecorder and returns a fetch that
 * serves its documents offline. The verifier takes each document's fetch time from the bundle
 * (so a status list is judged as of when it was recorded, and the report says that time): the
 * fetch is registered for that by identity, and exists only because the caller opened this
 * bundle (verify/recorded-fetch-times.ts lists who else registers, and why that is safe). URLs
 * the bundle lacks fail like a network error: nothing is fetched.
 */
import { createHash } from 'node:crypto';
import { Obv3Error } from '../errors.js';
import type { FetchFunction } from '../verify/options.js';
import { registerRecordedTimes } from '../verify/recorded-fetch-times.js';
import { EVIDENCE_BUNDLE_TYPE, EVIDENCE_BUNDLE_VERSION, type EvidenceBundle, type EvidenceDocument } from './bundle.js';
import { responseFromDocument } from './replay-response.js';

export interface OpenedEvidenceBundle {
  /** Give this to verifyCredential / verifyCredentials as `fetch`: it never reaches the network. */
  readonly fetch: FetchFunction;
  /** The bundle as read (documents checked against their SHA-256). */
  readonly bundle: EvidenceBundle;
  /** The recorded document for a URL, if the bundle has it. */
  document(url: string): EvidenceDocument | undefined;
}

/** Bundles bigger than this are refused before parsing. */
const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function openEvidenceBundle(input: EvidenceBundle | string | Uint8Array): OpenedEvidenceBundle {
  const bundle = readBundle(input);
  const byUrl = new Map<string, EvidenceDocument>();
  bundle.documents.forEach((document, index) => {
    checkDocument(document, index);
    if (byUrl.has(document.url)) throw invalid(`documents[${index}] repeats ${document.url}: a bundle holds one response per URL.`);
    byUrl.set(document.url, document);
  });
  const fetch: FetchFunction = async (url, init) => {
    if (init?.method !== undefined && init.method.toUpperCase() !== 'GET') throw new Error(`The evidence bundle serves GET requests only, not ${init.method}.`);
    const document = byUrl.get(url);
    if (!document) throw new Error(`${url} is not in the evidence bundle (made ${bundle.createdAt}); nothing was fetched`);
    return responseFromDocument(document);
  };
  registerRecordedTimes(fetch, (url) => byUrl.get(url)?.fetchedAt);
  return { fetch, bundle, document: (url) => byUrl.get(url) };
}

function readBundle(input: unknown): EvidenceBundle {
  let value = input;
  if (typeof value === 'string' || value instanceof Uint8Array) {
    const size = typeof value === 'string' ? value.length : value.byteLength;
    if (size > MAX_BUNDLE_BYTES) throw invalid(`The bundle is larger than ${MAX_BUNDLE_BYTES} bytes.`);
    const text = typeof value === 'string' ? value : new TextDecoder().decode(value);
    try {
      value = JSON.parse(text);
    } catch {
      throw invalid('The evidence bundle is not JSON: give the file written by obv3 fetch-evidence (or EvidenceRecorder.bundle()).');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('The evidence bundle must be a JSON object.');
  const bundle = value as Partial<EvidenceBundle>;
  if (bundle.type !== EVIDENCE_BUNDLE_TYPE) throw invalid(`This is not an evidence bundle: its type must be "${EVIDENCE_BUNDLE_TYPE}".`);
  if (bundle.version !== EVIDENCE_BUNDLE_VERSION) {
    throw invalid(`Evidence bundle version ${JSON.stringify(bundle.version)} is not supported; this obv3 reads version ${EVIDENCE_BUNDLE_VERSION}.`);
  }
  if (typeof bundle.createdAt !== 'string' || !ISO_TIME.test(bundle.createdAt)) throw invalid('createdAt must be an ISO time in UTC.');
  if (!Array.isArray(bundle.documents)) throw invalid('documents must be an array.');
  return bundle as EvidenceBundle;
}

function checkDocument(document: unknown, index: number): asserts document is EvidenceDocument {
  const where = `documents[${index}]`;
  if (typeof document !== 'object' || document === null) throw invalid(`${where} must be an object.`);
  const d = document as Record<string, unknown>;
  if (typeof d.url !== 'string' || !URL.canParse(d.url)) throw invalid(`${where}.url must be an absolute URL.`);
  if (typeof d.fetchedAt !== 'string' || !ISO_TIME.test(d.fetchedAt) || Number.isNaN(Date.parse(d.fetchedAt))) {
    throw invalid(`${where}.fetchedAt must be an ISO time in UTC, e.g. 2026-05-01T12:00:00.000Z.`);
  }
  if (d.status === undefined) {
    if (typeof d.error !== 'string') throw invalid(`${where} has neither a status nor an error.`);
    return;
  }
  if (!Number.isInteger(d.status) || (d.status as number) < 100 || (d.status as number) > 599) throw invalid(`${where}.status must be an HTTP status code.`);
  if (d.error !== undefined) {
    if (typeof d.error !== 'string') throw invalid(`${where}.error must be a string.`);
    return;
  }
  if (d.contentType !== undefined && typeof d.contentType !== 'string') throw invalid(`${where}.contentType must be a string.`);
  if (typeof d.body !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(d.body)) throw invalid(`${where}.body must be base64.`);
  const digest = createHash('sha256').update(Buffer.from(d.body, 'base64')).digest('hex');
  if (d.sha256 !== digest) throw invalid(`${where} (${d.url}): its body does not match its sha256; the bundle was changed or damaged.`);
}

function invalid(message: string): Obv3Error {
  return new Obv3Error('EVIDENCE_INVALID', message);
}
