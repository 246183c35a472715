/**
 * Gets a verified status list: from the ttl cache when a list verified earlier is still fresh,
 * otherwise fetched through the verification's Fetcher, read with a decompression cap and its
 * proof verified. Nothing in a list is used before its proof has verified.
 */
import { DEFAULT_MAX_STATUS_LIST_BYTES, readStatusListCredential } from '../../status/index.js';
import { isObject } from '../credential-fields.js';
import type { VerificationContext } from '../verification-context.js';
import { cacheList, getCachedList, type VerifiedStatusList } from './status-list-cache.js';
import { unavailable, type StatusEntryResult } from './status-entry-result.js';
import { verifyListProof } from './verify-list-proof.js';

export type { VerifiedStatusList } from './status-list-cache.js';

export type ObtainedList = { ok: true; list: VerifiedStatusList; fromCache: boolean } | { ok: false; result: StatusEntryResult };

export async function obtainStatusList(url: string, format: VerifiedStatusList['format'], context: VerificationContext): Promise<ObtainedList> {
  const { fetcher, options } = context;
  const type = format === 'BitstringStatusList' ? 'BitstringStatusListEntry' : 'StatusList2021Entry';
  const refuse = (reason: string, message: string): ObtainedList => ({ ok: false, result: unavailable(type, reason, message) });
  if (options.fetch) {
    const cached = getCachedList(options.fetch, url, Date.now());
    if (cached && cached.format === format) {
      fetcher.recordCached(cached.fetched);
      return { ok: true, list: cached, fromCache: true };
    }
  }
  const result = await fetcher.fetchJson(url);
  if (!result.ok) return refuse('STATUS_RETRIEVAL_ERROR', `The status list could not be fetched: ${result.message}`);
  const fetched = result.document;
  if (!isObject(result.json)) return refuse('MALFORMED', `${url} did not return a status list credential.`);
  const parsed = readStatusListCredential(result.json, { maxBytes: DEFAULT_MAX_STATUS_LIST_BYTES });
  if (!parsed.ok) return refuse(parsed.reason, `The status list at ${url} is unusable: ${parsed.message}`);
  if (parsed.format !== format) return refuse('STATUS_VERIFICATION_ERROR', `${type} points at a ${parsed.format} list.`);
  const proof = await verifyListProof(result.json, { fetcher, contexts: options.contexts, now: new Date(fetched.fetchedAt) });
  if (!proof.ok) return refuse('STATUS_VERIFICATION_ERROR', `The status list at ${url} cannot be trusted: ${proof.message}.`);
  const list: VerifiedStatusList = {
    url,
    format,
    issuer: proof.issuer,
    purposes: parsed.purposes,
    bits: parsed.bits,
    length: parsed.length,
    ...(parsed.validFrom ? { validFrom: parsed.validFrom } : {}),
    ...(parsed.validUntil ? { validUntil: parsed.validUntil } : {}),
    fetched: { ...fetched },
  };
  if (options.fetch) cacheList(options.fetch, list, parsed.ttlMs, Date.now());
  return { ok: true, list, fromCache: false };
}
