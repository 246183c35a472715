/**
 * The issuer's side: issueCredential gives a credential a status entry from the registry, the
 * registry records revocations and suspensions, and publish produces the signed list a verifier
 * accepts — checked here with plain @digitalbazaar/vc, not our verifier.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_STATUS_LIST_LENGTH,
  MIN_STATUS_LIST_LENGTH,
  Obv3Error,
  createDocumentLoader,
  createMemoryStatusStore,
  createStatusRegistry,
  statusOf,
  decodeBitstring,
  generateKey,
  issueCredential,
  readBits,
  resolveDidKey,
  type Ed25519KeyPair,
  type StatusRegistry,
  type StatusStore,
} from '../../src/index.js';
import { waitTimeDraft } from '../support/drafts.js';

type Json = Record<string, any>;

const BASE = 'https://district.example/status/';
const PUBLISHED_AT = new Date('2026-05-01T12:00:00.400Z');

async function rejection(promise: Promise<unknown>): Promise<Obv3Error> {
  const outcome = await promise.then(() => undefined, (error: unknown) => error);
  if (!(outcome instanceof Obv3Error)) throw new Error(`expected an Obv3Error, got ${String(outcome)}`);
  return outcome;
}

let key: Ed25519KeyPair;
let store: StatusStore;
let registry: StatusRegistry;

beforeEach(async () => {
  key = await generateKey();
  store = createMemoryStatusStore();
  registry = createStatusRegistry({ store, listBaseUrl: BASE, key, now: () => PUBLISHED_AT, ttlMs: 300_000 });
});

describe('issueCredential with a status registry', () => {
  it('adds one revocation entry by default, at a random-looking, never reused index', async () => {
    const indices: number[] = [];
    for (let i = 0; i < 40; i++) {
      const credential = await issueCredential(waitTimeDraft(key.controller), { key, status: registry });
      const entry = credential.credentialStatus as Json;
      expect(entry).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });
      indices.push(Number(entry.statusListIndex));
    }
    expect(new Set(indices).size).toBe(40);
    // Not issue order: neither ascending nor clustered at the start of the list.
    expect([...indices].sort((a, b) => a - b)).not.toEqual(indices);
    expect(Math.max(...indices)).toBeGreaterThan(MIN_STATUS_LIST_LENGTH / 4);
  });

  it('is idempotent per credential id: the same id gets the same entry (a re-run never spends a second index)', async () => {
    const draft = waitTimeDraft(key.controller, { id: 'urn:uuid:2b0a3c64-6f1e-4d1c-9a53-5b0f0c4e7a11' });
    const first = await issueCredential(draft, { key, status: registry });
    const again = await issueCredential(draft, { key, status: registry });
    expect(again.credentialStatus).toEqual(first.credentialStatus);
  });

  it('spends no index on a credential it refuses to sign', async () => {
    const other = await generateKey();
    const draft = waitTimeDraft(other.controller, { id: 'urn:uuid:5a2f8d3e-0c4b-4e1a-b7f6-9d8c7b6a5e4f' });
    const error = await rejection(issueCredential(draft, { key, status: registry }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(await store.lookup('urn:uuid:5a2f8d3e-0c4b-4e1a-b7f6-9d8c7b6a5e4f')).toEqual([]);
  });

  it('refuses a draft that already has a credentialStatus when a registry is given', async () => {
    const draft = waitTimeDraft(key.controller, { credentialStatus: { id: `${BASE}x#1`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '1', statusListCredential: `${BASE}x` } });
    expect((await rejection(issueCredential(draft, { key, status: registry }))).message).toMatch(/one or the other/);
  });

  it('refuses statusPurposes other than revocation/suspension, once each', async () => {
    for (const purposes of [[], ['revocation', 'revocation'], ['message']] as const) {
      const error = await rejection(issueCredential(waitTimeDraft(key.controller), { key, status: registry, statusPurposes: purposes as never }));
      expect(error.code).toBe('INVALID_ARGUMENT');
    }
  });
});

describe('revoke, suspend, reinstate', () => {
  it('revocation is permanent; suspension can be lifted; statusOf says which', async () => {
    const credential = await issueCredential(waitTimeDraft(key.controller), { key, status: registry, statusPurposes: ['revocation', 'suspension'] });
    expect(await registry.suspend(credential.id)).toMatchObject({ changed: true });
    expect(await registry.suspend(credential.id)).toMatchObject({ changed: false });
    expect(await registry.statusOf(credential.id)).toMatchObject({ revoked: false, suspended: true });
    expect(await registry.reinstate(credential.id)).toMatchObject({ changed: true });
    expect(await registry.revoke(credential.id)).toMatchObject({ changed: true });
    expect(await registry.revoke(credential.id)).toMatchObject({ changed: false });
    expect(await registry.statusOf(credential.id)).toMatchObject({ revoked: true, suspended: false });
  });

  it('statusOf(store, id) answers from the store alone, as the registry does', async () => {
    const credential = await issueCredential(waitTimeDraft(key.controller), { key, status: registry, statusPurposes: ['revocation', 'suspension'] });
    await registry.suspend(credential.id);
    const summary = await statusOf(store, credential.id);
    expect(summary).toEqual(await registry.statusOf(credential.id));
    expect(summary).toMatchObject({ revoked: false, suspended: true });
    expect(summary.allocations.map((a) => a.purpose)).toEqual(['revocation', 'suspension']);
    expect(await statusOf(store, 'urn:uuid:unknown')).toEqual({ allocations: [], revoked: false, suspended: false });
  });

  it('a credential issued without a suspension entry cannot be suspended, and says how to fix that', async () => {
    const credential = await issueCredential(waitTimeDraft(key.controller), { key, status: registry });
    const error = await rejection(registry.suspend(credential.id));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain("purpose 'suspension'");
  });

  it('an unknown credential id is refused, and nothing changes', async () => {
    const credential = await issueCredential(waitTimeDraft(key.controller), { key, status: registry });
    const before = await registry.publish(await firstListId(credential));
    expect((await rejection(registry.revoke('urn:uuid:not-issued-here'))).code).toBe('INVALID_ARGUMENT');
    expect((await registry.publish(await firstListId(credential))).revision).toBe(before.revision);
  });
});

async function firstListId(credential: Json): Promise<string> {
  return (await registry.statusOf(credential.id)).allocations[0]!.listId;
}

describe('publish', () => {
  it('produces a signed BitstringStatusListCredential: at least 131,072 entries, validUntil and ttl, the revoked bit set', async () => {
    const kept = await issueCredential(waitTimeDraft(key.controller), { key, status: registry });
    const revoked = await issueCredential(waitTimeDraft(key.controller), { key, status: registry });
    await registry.revoke(revoked.id);
    const [published] = await registry.publishAll();
    const list = published!.credential as Json;
    expect(published!.url).toBe((revoked.credentialStatus as Json).statusListCredential);
    expect(list).toMatchObject({
      id: published!.url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: key.controller,
      validFrom: '2026-05-01T12:00:00Z',
      validUntil: '2026-05-08T12:00:00Z',
      credentialSubject: { id: `${published!.url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', ttl: 300_000 },
    });
    const bits = decodeBitstring(list.credentialSubject.encodedList, { multibase: true });
    expect(bits.length * 8).toBeGreaterThanOrEqual(MIN_STATUS_LIST_LENGTH);
    expect(readBits(bits, Number((revoked.credentialStatus as Json).statusListIndex))).toBe(1);
    expect(readBits(bits, Number((kept.credentialStatus as Json).statusListIndex))).toBe(0);
  });

  it('the published list verifies with plain @digitalbazaar/vc (an independent path)', async () => {
    await issueCredential(waitTimeDraft(key.controller), { key, status: registry });
    const [published] = await registry.publishAll();
    const ours = createDocumentLoader();
    const documentLoader = async (url: string) => {
      if (url.startsWith('did:key:')) {
        const { document, verificationMethod } = resolveDidKey(url);
        return { contextUrl: null, documentUrl: url, document: url.includes('#') ? { '@context': 'https://w3id.org/security/multikey/v1', ...verificationMethod } : document };
      }
      return ours(url);
    };
    const result = await vc.verifyCredential({
      credential: published!.credential,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader,
      checkStatus: async () => ({ verified: true }),
      now: new Date('2026-05-02T00:00:00Z'),
    });
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
  });

  it('the revision moves only when a bit changes, so a platform can skip unchanged lists', async () => {
    const credential = await issueCredential(waitTimeDraft(key.controller), { key, status: registry });
    const listId = await firstListId(credential);
    const r0 = (await registry.publish(listId)).revision;
    await registry.revoke(credential.id);
    const r1 = (await registry.publish(listId)).revision;
    await registry.revoke(credential.id);
    expect(r1).toBe(r0 + 1);
    expect((await registry.publish(listId)).revision).toBe(r1);
  });

  it('an unknown list id is refused', async () => {
    expect((await rejection(registry.publish('no-such-list'))).code).toBe('INVALID_ARGUMENT');
  });
});

describe('createStatusRegistry options', () => {
  it.each([
    ['an http list URL', { listBaseUrl: 'http://district.example/status/' }],
    ['a list URL with no path', { listBaseUrl: 'https://district.example' }],
    ['a list shorter than the W3C minimum', { listSize: 1024 }],
    ['a list size that is not whole bytes', { listSize: MIN_STATUS_LIST_LENGTH + 1 }],
    ['a list larger than the stores accept', { listSize: MAX_STATUS_LIST_LENGTH * 2 }],
    ['a zero validity', { validityMs: 0 }],
  ])('refuses %s', (_name, change) => {
    expect(() => createStatusRegistry({ store, listBaseUrl: BASE, key, ...change })).toThrow(Obv3Error);
  });
});
