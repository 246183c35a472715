/**
 * The issuer's side of status lists: gives each new credential a status entry, records
 * revocations and suspensions, and produces the signed BitstringStatusListCredential a platform
 * serves at each list's URL. State lives in a StatusStore (durable on disk by default).
 */
import { randomBytes } from 'node:crypto';
import { Obv3Error } from '../errors.js';
import { controllerOfVerificationMethod, signerOf } from '../keys/signer-of.js';
import type { Ed25519KeyPair, Signer } from '../keys/types.js';
import { signDocument } from '../proof/sign.js';
import { statusOf, type CredentialStatusSummary } from './status-of.js';
import { buildStatusListCredential, type BitstringStatusListCredential, type BitstringStatusListEntry } from './status-list-credential.js';
import type { StatusStore } from './store/status-store.js';
import { checkListSize } from './store/validate-requests.js';
import { MIN_STATUS_LIST_LENGTH, type StatusPurpose } from './types.js';

export interface StatusRegistryOptions {
  store: StatusStore;
  /** HTTPS URL prefix lists are served under: a list's URL is `${listBaseUrl}${listId}`. */
  listBaseUrl: string;
  /** The issuer's key (or KMS signer): lists are signed by the credential's issuer. */
  key: Ed25519KeyPair | Signer;
  /** Bits per list; default and minimum 131,072 (the W3C minimum, for herd privacy). */
  listSize?: number;
  /** How long a published list is valid (`validUntil` = publish time + this). Default 7 days. */
  validityMs?: number;
  /** How long verifiers may cache a published list (`ttl`). Default 5 minutes. */
  ttlMs?: number;
  /** Clock for publishing; default the real one. */
  now?: () => Date;
}

export interface PublishedStatusList {
  listId: string;
  url: string;
  /** Which store revision it shows; publish again when revision moves on. */
  revision: number;
  credential: BitstringStatusListCredential & { proof: object[] };
}

export interface StatusRegistry {
  readonly issuer: string;
  /** The entries for a new credential: one per purpose (default `['revocation']`). Idempotent per credential id. */
  allocate(credentialId: string, purposes?: readonly StatusPurpose[]): Promise<BitstringStatusListEntry[]>;
  /** Permanent. Resolves once durable; `changed` is false when it was already revoked. */
  revoke(credentialId: string): Promise<{ changed: boolean; listId: string }>;
  suspend(credentialId: string): Promise<{ changed: boolean; listId: string }>;
  /** Lifts a suspension (revocations cannot be lifted). */
  reinstate(credentialId: string): Promise<{ changed: boolean; listId: string }>;
  statusOf(credentialId: string): Promise<CredentialStatusSummary>;
  listUrl(listId: string): string;
  /** The signed list credential to serve at `listUrl(listId)`. */
  publish(listId: string): Promise<PublishedStatusList>;
  /** Every list, signed. */
  publishAll(): Promise<PublishedStatusList[]>;
}

const DEFAULT_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;
const DEFAULT_TTL_MS = 5 * 60 * 1000;

/**
 * Throws Obv3Error('INVALID_ARGUMENT') unless `listBaseUrl` is an HTTPS URL with a path. The
 * registry checks it too; this lets a caller refuse a bad setting before it opens (or creates) a
 * store.
 */
export function checkListBaseUrl(listBaseUrl: unknown): asserts listBaseUrl is string {
  if (typeof listBaseUrl !== 'string' || !/^https:\/\/[^/]+\/.*$/.test(listBaseUrl)) {
    throw new Obv3Error('INVALID_ARGUMENT', `listBaseUrl must be an HTTPS URL with a path, e.g. "https://district.example/status/"; got ${JSON.stringify(listBaseUrl)}.`);
  }
}

export function createStatusRegistry(options: StatusRegistryOptions): StatusRegistry {
  const { store, listBaseUrl, validityMs = DEFAULT_VALIDITY_MS, ttlMs = DEFAULT_TTL_MS, now = () => new Date() } = options;
  checkListBaseUrl(listBaseUrl);
  // The stores' own check, so a size they would refuse at the first allocation is refused here.
  const listSize = checkListSize(options.listSize ?? MIN_STATUS_LIST_LENGTH);
  if (!(validityMs > 0) || !(ttlMs >= 0)) throw new Obv3Error('INVALID_ARGUMENT', 'validityMs must be positive and ttlMs not negative.');
  const signer = signerOf(options.key);
  const issuer = controllerOfVerificationMethod(signer.id);
  const listUrl = (listId: string) => `${listBaseUrl}${listId}`;

  const setStatus = async (credentialId: string, purpose: StatusPurpose, value: boolean) => {
    const { allocation, changed } = await store.setStatus({ credentialId, purpose, value });
    return { changed, listId: allocation.listId };
  };

  const publish = async (listId: string): Promise<PublishedStatusList> => {
    const state = await store.readList(listId);
    if (!state) throw new Obv3Error('INVALID_ARGUMENT', `There is no status list "${listId}" in this store.`);
    // Whole seconds, so the list's timestamps are valid XML Schema dateTimeStamps everywhere.
    const validFrom = new Date(Math.floor(now().getTime() / 1000) * 1000);
    const unsigned = await buildStatusListCredential({
      id: listUrl(listId),
      issuer,
      purpose: state.purpose,
      bits: state.bits,
      validFrom,
      validUntil: new Date(validFrom.getTime() + validityMs),
      ttlMs,
    });
    const credential = await signDocument(unsigned, { signer, created: validFrom });
    return { listId, url: listUrl(listId), revision: state.revision, credential };
  };

  return {
    issuer,
    listUrl,
    async allocate(credentialId, purposes = ['revocation']) {
      if (typeof credentialId !== 'string' || credentialId.length === 0) {
        throw new Obv3Error('INVALID_ARGUMENT', 'A status entry needs the credential id (set the draft\'s id or let issueCredential generate it).');
      }
      if (purposes.length === 0 || new Set(purposes).size !== purposes.length || purposes.some((p) => p !== 'revocation' && p !== 'suspension')) {
        throw new Obv3Error('INVALID_ARGUMENT', `purposes must be "revocation", "suspension" or both, once each; got ${JSON.stringify(purposes)}.`);
      }
      const entries: BitstringStatusListEntry[] = [];
      for (const purpose of purposes) {
        const { listId, index } = await store.allocate({ credentialId, purpose, listSize, newListId: () => randomBytes(12).toString('base64url') });
        const url = listUrl(listId);
        entries.push({ id: `${url}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: url });
      }
      return entries;
    },
    revoke: (credentialId) => setStatus(credentialId, 'revocation', true),
    suspend: (credentialId) => setStatus(credentialId, 'suspension', true),
    reinstate: (credentialId) => setStatus(credentialId, 'suspension', false),
    statusOf: (credentialId) => statusOf(store, credentialId),
    publish,
    async publishAll() {
      const published: PublishedStatusList[] = [];
      for (const listId of await store.listIds()) published.push(await publish(listId));
      return published;
    },
  };
}
