/**
 * A district that issues credentials with status entries and serves its signed status lists, for
 * tests of the verifier's status check. Lists are published with the real clock (the verifier
 * judges a list's validity at the time it fetched it).
 */
import {
  createMemoryStatusStore,
  createStatusRegistry,
  generateKey,
  issueCredential,
  type Ed25519KeyPair,
  type FetchFunction,
  type SignedCredential,
  type StatusPurpose,
  type StatusRegistry,
  type StatusRegistryOptions,
} from '../../src/index.js';
import { waitTimeDraft } from './drafts.js';

export const LIST_BASE = 'https://district.example/status/';

export interface StatusIssuer {
  key: Ed25519KeyPair;
  registry: StatusRegistry;
  issue(purposes?: readonly StatusPurpose[]): Promise<SignedCredential>;
  /** Publishes every list and returns URL → signed list credential. */
  publish(): Promise<Map<string, object>>;
}

export async function createStatusIssuer(options: Partial<Omit<StatusRegistryOptions, 'store' | 'key'>> = {}): Promise<StatusIssuer> {
  const key = await generateKey();
  const registry = createStatusRegistry({ store: createMemoryStatusStore(), listBaseUrl: LIST_BASE, key, ...options });
  return {
    key,
    registry,
    issue: (purposes) => issueCredential(waitTimeDraft(key.controller), { key, status: registry, ...(purposes ? { statusPurposes: purposes } : {}) }),
    async publish() {
      return new Map((await registry.publishAll()).map((list) => [list.url, list.credential as object]));
    },
  };
}

/** A fetch that serves the given documents and counts requests per URL. */
export function servingFetch(documents: Map<string, unknown>): { fetch: FetchFunction; requests: Map<string, number> } {
  const requests = new Map<string, number>();
  const fetch: FetchFunction = async (url) => {
    requests.set(url, (requests.get(url) ?? 0) + 1);
    if (!documents.has(url)) return new Response('not found', { status: 404 });
    const body = documents.get(url);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/vc+ld+json' } });
  };
  return { fetch, requests };
}
