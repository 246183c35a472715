/**
 * The status check against BitstringStatusLists a real issuer published: revoked, suspended and
 * clear; lists that cannot be trusted (tampered, another issuer's, expired, wrong purpose); the
 * entry's own mistakes; the ttl cache; and the policy for a status that cannot be determined.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCredential,
  buildStatusListCredential,
  encodeBitstring,
  generateKey,
  issueCredential,
  validateAgainstOfficialSchema,
  verifyCredential,
  writeBit,
  type Check,
  type Ed25519KeyPair,
  type SignedCredential,
  type VerificationReport,
} from '../../../src/index.js';
import { signDocument } from '../../../src/proof/index.js';
import { waitTimeDraft } from '../../support/drafts.js';
import { LIST_BASE, createStatusIssuer, servingFetch, type StatusIssuer } from '../../support/status-issuer.js';

type Json = Record<string, any>;

const OFFICIAL_SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

function statusCheck(report: VerificationReport): Check {
  return report.checks.find((c) => c.id === 'status')!;
}

function entries(report: VerificationReport): Json[] {
  return (statusCheck(report).details as { entries: Json[] }).entries;
}

function listUrlOf(credential: SignedCredential): string {
  return (credential.credentialStatus as Json).statusListCredential;
}

/** A signed credential with exactly this status entry, past the builder (which would refuse odd ones). */
async function credentialWithStatus(key: Ed25519KeyPair, credentialStatus: Json): Promise<Json> {
  return signDocument({ ...buildCredential(waitTimeDraft(key.controller)), credentialStatus }, { signer: key.signer() });
}

function recentListDates() {
  return { validFrom: new Date(Date.now() - 60_000), validUntil: new Date(Date.now() + 86_400_000) };
}

describe('a revocation list published by the credential\'s issuer', () => {
  let issuer: StatusIssuer;
  let kept: SignedCredential;
  let revoked: SignedCredential;
  let lists: Map<string, object>;

  beforeAll(async () => {
    issuer = await createStatusIssuer();
    kept = await issuer.issue();
    revoked = await issuer.issue();
    await issuer.registry.revoke(revoked.id);
    lists = await issuer.publish();
  });

  it('the entry points into the list: <list URL>#<index>, revocation, the index as a string', () => {
    const entry = kept.credentialStatus as Json;
    expect(entry).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });
    expect(entry.statusListCredential.startsWith(LIST_BASE)).toBe(true);
    expect(entry.statusListIndex).toMatch(/^\d+$/);
    expect(entry.id).toBe(`${entry.statusListCredential}#${entry.statusListIndex}`);
    expect(validateAgainstOfficialSchema(kept, OFFICIAL_SCHEMA)).toEqual([]);
  });

  it('a credential not revoked: status passed, verified, the list recorded in provenance', async () => {
    const { fetch } = servingFetch(lists);
    const report = await verifyCredential(kept, { fetch });
    expect(statusCheck(report)).toMatchObject({ status: 'passed' });
    expect(statusCheck(report).message).toMatch(/^Not revoked as of /);
    expect(report.verified).toBe(true);
    expect(report.provenance.fetched).toContainEqual(expect.objectContaining({ url: listUrlOf(kept), status: 200, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }));
  });

  it('a revoked credential: status failed REVOKED, not verified, with when the list was fetched', async () => {
    const report = await verifyCredential(revoked, { fetch: servingFetch(lists).fetch });
    expect(statusCheck(report)).toMatchObject({ status: 'failed', code: 'REVOKED' });
    expect(report.verified).toBe(false);
    expect(entries(report)[0]).toMatchObject({ outcome: 'set', asOf: expect.any(String), listUrl: listUrlOf(revoked) });
  });

  it('says the status is as of the fetch when options.now is another instant', async () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const report = await verifyCredential(kept, { now, fetch: servingFetch(lists).fetch });
    expect(statusCheck(report).message).toContain(`not as of ${now.toISOString()}`);
  });

  it('without fetch: indeterminate STATUS_UNAVAILABLE, not verified; nothing fetched', async () => {
    const report = await verifyCredential(kept);
    expect(statusCheck(report)).toMatchObject({ status: 'indeterminate', code: 'STATUS_UNAVAILABLE' });
    expect(report.verified).toBe(false);
    expect(report.provenance.fetched).toEqual([]);
  });

  it('acceptUnavailableStatus verifies it, and the report says the status was not confirmed', async () => {
    const report = await verifyCredential(revoked, { acceptUnavailableStatus: true });
    expect(report.verified).toBe(true);
    expect(statusCheck(report).status).toBe('indeterminate');
    expect(statusCheck(report).message).toContain('NOT confirmed');
    expect(report.provenance.policy.acceptUnavailableStatus).toBe(true);
  });

  it('a list that is not served: STATUS_UNAVAILABLE with reason STATUS_RETRIEVAL_ERROR', async () => {
    const report = await verifyCredential(revoked, { fetch: servingFetch(new Map()).fetch });
    expect(statusCheck(report)).toMatchObject({ status: 'indeterminate', code: 'STATUS_UNAVAILABLE' });
    expect(entries(report)[0]).toMatchObject({ reason: 'STATUS_RETRIEVAL_ERROR' });
  });

  it('a list edited to clear the revoked bit fails its proof: STATUS_UNAVAILABLE, never "not revoked"', async () => {
    const url = listUrlOf(revoked);
    const forged = structuredClone(lists.get(url)) as Json;
    forged.credentialSubject.encodedList = await encodeBitstring(new Uint8Array(131_072 / 8));
    const report = await verifyCredential(revoked, { fetch: servingFetch(new Map([[url, forged]])).fetch });
    expect(statusCheck(report)).toMatchObject({ status: 'indeterminate', code: 'STATUS_UNAVAILABLE' });
    expect(entries(report)[0]).toMatchObject({ reason: 'STATUS_VERIFICATION_ERROR' });
    expect(report.verified).toBe(false);
  });

  it('a list served under another URL than its id is still read (the id need not be the URL)', async () => {
    const url = listUrlOf(revoked);
    const moved = 'https://cdn.district.example/lists/current.json';
    const copy: Json = structuredClone(revoked);
    copy.credentialStatus.statusListCredential = moved;
    // The status check reads the entry as given; only the proof notices the edit.
    const report = await verifyCredential(copy, { fetch: servingFetch(new Map([[moved, lists.get(url)]])).fetch });
    expect(statusCheck(report)).toMatchObject({ status: 'failed', code: 'REVOKED' });
  });
});

describe('suspension', () => {
  it('suspend → SUSPENDED; reinstate and republish → passed', async () => {
    const issuer = await createStatusIssuer();
    const credential = await issuer.issue(['suspension']);
    expect(credential.credentialStatus).toMatchObject({ statusPurpose: 'suspension' });
    await issuer.registry.suspend(credential.id);
    let report = await verifyCredential(credential, { fetch: servingFetch(await issuer.publish()).fetch });
    expect(statusCheck(report)).toMatchObject({ status: 'failed', code: 'SUSPENDED' });
    await issuer.registry.reinstate(credential.id);
    report = await verifyCredential(credential, { fetch: servingFetch(await issuer.publish()).fetch });
    expect(statusCheck(report).status).toBe('passed');
    expect(report.verified).toBe(true);
  });

  it('both purposes (the explicit opt-in): two entries, each checked; it leaves the official schema', async () => {
    const issuer = await createStatusIssuer();
    const credential = await issuer.issue(['revocation', 'suspension']);
    expect(Array.isArray(credential.credentialStatus)).toBe(true);
    expect((credential.credentialStatus as unknown as Json[]).map((e) => e.statusPurpose)).toEqual(['revocation', 'suspension']);
    expect(validateAgainstOfficialSchema(credential, OFFICIAL_SCHEMA)?.length).toBeGreaterThan(0);

    let report = await verifyCredential(credential, { fetch: servingFetch(await issuer.publish()).fetch });
    expect(statusCheck(report).status).toBe('passed');
    expect(entries(report)).toHaveLength(2);
    await issuer.registry.suspend(credential.id);
    report = await verifyCredential(credential, { fetch: servingFetch(await issuer.publish()).fetch });
    expect(statusCheck(report)).toMatchObject({ status: 'failed', code: 'SUSPENDED' });
    await issuer.registry.revoke(credential.id);
    report = await verifyCredential(credential, { fetch: servingFetch(await issuer.publish()).fetch });
    expect(statusCheck(report)).toMatchObject({ status: 'failed', code: 'REVOKED' });
  });
});

describe('lists that cannot be trusted or used', () => {
  it('a list issued by someone else: failed STATUS_LIST_ISSUER_MISMATCH; accepted only by policy, with a warning', async () => {
    const district = await createStatusIssuer();
    const service = await createStatusIssuer();
    // The district's credential points into the status service's list.
    const [entry] = await service.registry.allocate('urn:uuid:0b7c7d5e-1a2b-4c3d-8e9f-0a1b2c3d4e5f');
    const credential = await issueCredential(
      waitTimeDraft(district.key.controller, { id: 'urn:uuid:0b7c7d5e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', credentialStatus: entry }),
      { key: district.key },
    );
    await service.registry.revoke(credential.id);
    const { fetch } = servingFetch(await service.publish());
    const strict = await verifyCredential(credential, { fetch });
    expect(statusCheck(strict)).toMatchObject({ status: 'failed', code: 'STATUS_LIST_ISSUER_MISMATCH' });
    expect(strict.verified).toBe(false);

    const lenient = await verifyCredential(credential, { fetch, acceptStatusListFromOtherIssuer: true });
    expect(statusCheck(lenient)).toMatchObject({ status: 'failed', code: 'REVOKED' });
    const clear = await issueCredential(waitTimeDraft(district.key.controller, { credentialStatus: (await service.registry.allocate('urn:uuid:clear'))[0] }), { key: district.key });
    const accepted = await verifyCredential(clear, { fetch: servingFetch(await service.publish()).fetch, acceptStatusListFromOtherIssuer: true });
    expect(statusCheck(accepted)).toMatchObject({ status: 'warning', code: 'STATUS_LIST_ISSUER_MISMATCH' });
    expect(accepted.verified).toBe(true);
  });

  it('a list whose proof is by a key of another controller than its issuer: STATUS_VERIFICATION_ERROR', async () => {
    const issuer = await createStatusIssuer();
    const credential = await issuer.issue();
    const url = listUrlOf(credential);
    const impostor = await generateKey();
    const { proof: _proof, ...unsigned } = (await issuer.publish()).get(url) as Json;
    const forged = await signDocument(unsigned, { signer: impostor.signer() });
    const report = await verifyCredential(credential, { fetch: servingFetch(new Map([[url, forged]])).fetch });
    expect(entries(report)[0]).toMatchObject({ outcome: 'unavailable', reason: 'STATUS_VERIFICATION_ERROR' });
    expect(entries(report)[0]!.message).toContain(impostor.controller);
  });

  it('a list that had expired when fetched: STATUS_UNAVAILABLE (STATUS_VERIFICATION_ERROR)', async () => {
    const issuer = await createStatusIssuer({ now: () => new Date(Date.now() - 10 * 86_400_000), validityMs: 86_400_000 });
    const credential = await issuer.issue();
    const report = await verifyCredential(credential, { fetch: servingFetch(await issuer.publish()).fetch });
    expect(entries(report)[0]).toMatchObject({ outcome: 'unavailable', reason: 'STATUS_VERIFICATION_ERROR' });
    expect(entries(report)[0]!.message).toContain('outside its validity period');
  });

  it('an entry whose purpose the list does not have: STATUS_VERIFICATION_ERROR', async () => {
    const issuer = await createStatusIssuer();
    const credential = await issuer.issue();
    const edited: Json = structuredClone(credential);
    edited.credentialStatus.statusPurpose = 'suspension';
    const report = await verifyCredential(edited, { fetch: servingFetch(await issuer.publish()).fetch });
    expect(entries(report)[0]).toMatchObject({ outcome: 'unavailable', reason: 'STATUS_VERIFICATION_ERROR' });
  });

  it('a list whose statusPurpose is an array serves both purposes', async () => {
    const key = await generateKey();
    const url = `${LIST_BASE}both`;
    const bits = new Uint8Array(131_072 / 8);
    writeBit(bits, 7, true);
    const list = await signDocument(await buildStatusListCredential({ id: url, issuer: key.controller, purpose: ['revocation', 'suspension'], bits, ...recentListDates() }), { signer: key.signer() });
    const entry = (index: number, statusPurpose: string) => ({ id: `${url}#${index}`, type: 'BitstringStatusListEntry', statusPurpose, statusListIndex: String(index), statusListCredential: url });
    const fetch = servingFetch(new Map([[url, list]])).fetch;
    const suspended = await issueCredential(waitTimeDraft(key.controller, { credentialStatus: entry(7, 'suspension') }), { key });
    expect(statusCheck(await verifyCredential(suspended, { fetch }))).toMatchObject({ status: 'failed', code: 'SUSPENDED' });
    const clear = await issueCredential(waitTimeDraft(key.controller, { credentialStatus: entry(8, 'revocation') }), { key });
    expect(statusCheck(await verifyCredential(clear, { fetch })).status).toBe('passed');
  });
});

describe('what the entry itself gets wrong', () => {
  let issuer: StatusIssuer;
  let lists: Map<string, object>;
  let url: string;

  beforeAll(async () => {
    issuer = await createStatusIssuer();
    url = listUrlOf(await issuer.issue());
    lists = await issuer.publish();
  });

  const withEntry = (entry: Json) => credentialWithStatus(issuer.key, entry);
  const base = () => ({ id: `${url}#5`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '5', statusListCredential: url });

  it('an index beyond the list: RANGE_ERROR', async () => {
    const report = await verifyCredential(await withEntry({ ...base(), statusListIndex: '131072' }), { fetch: servingFetch(lists).fetch });
    expect(entries(report)[0]).toMatchObject({ outcome: 'unavailable', reason: 'RANGE_ERROR' });
    expect(report.verified).toBe(false);
  });

  it('a numeric statusListIndex is read, with a warning STATUS_INDEX_NUMERIC', async () => {
    const credential: Json = structuredClone(await withEntry(base()));
    credential.credentialStatus.statusListIndex = 5;
    const report = await verifyCredential(credential, { fetch: servingFetch(lists).fetch });
    expect(statusCheck(report)).toMatchObject({ status: 'warning', code: 'STATUS_INDEX_NUMERIC' });
  });

  it.each([
    ['no statusPurpose', { statusPurpose: undefined }],
    ['a non-HTTPS list URL', { statusListCredential: 'http://district.example/status/1' }],
    ['a negative index', { statusListIndex: '-1' }],
    ['an index that is not a number', { statusListIndex: 'five' }],
  ])('%s: STATUS_UNAVAILABLE (MALFORMED_ENTRY), nothing fetched', async (_name, change) => {
    const credential: Json = structuredClone(await withEntry(base()));
    Object.assign(credential.credentialStatus, change);
    const { fetch, requests } = servingFetch(lists);
    const report = await verifyCredential(credential, { fetch });
    expect(statusCheck(report)).toMatchObject({ status: 'indeterminate', code: 'STATUS_UNAVAILABLE' });
    expect(entries(report)[0]).toMatchObject({ reason: 'MALFORMED_ENTRY' });
    expect(requests.size).toBe(0);
  });

  it('statusSize 2 on a revocation entry is refused explicitly (STATUS_SIZE_UNSUPPORTED)', async () => {
    const report = await verifyCredential(await withEntry({ ...base(), statusSize: 2 }), { fetch: servingFetch(lists).fetch });
    expect(entries(report)[0]).toMatchObject({ outcome: 'unavailable', reason: 'STATUS_SIZE_UNSUPPORTED' });
  });

  it('an unknown status type is indeterminate STATUS_TYPE_UNSUPPORTED, never a silent pass', async () => {
    const report = await verifyCredential(await withEntry({ id: 'https://district.example/status/x', type: 'https://status.example/vocab#Method2030' }), { fetch: servingFetch(lists).fetch });
    expect(statusCheck(report)).toMatchObject({ status: 'indeterminate', code: 'STATUS_TYPE_UNSUPPORTED' });
    expect(report.verified).toBe(false);
  });
});

describe('multi-bit statuses (statusPurpose "message")', () => {
  it('reads statusSize bits at index × statusSize and reports the matching statusMessage', async () => {
    const key = await generateKey();
    const url = `${LIST_BASE}messages`;
    const statusSize = 2;
    const bits = new Uint8Array((131_072 * statusSize) / 8);
    // Entry 9 holds 0b10 = 0x2: its bits are 18 (1) and 19 (0).
    writeBit(bits, 9 * statusSize, true);
    const unsigned = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: key.controller,
      validFrom: new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'message', encodedList: await encodeBitstring(bits) },
    };
    const list = await signDocument(unsigned, { signer: key.signer() });
    const statusMessage = [
      { status: '0x0', message: 'pending review' },
      { status: '0x1', message: 'accepted' },
      { status: '0x2', message: 'under appeal' },
      { status: '0x3', message: 'withdrawn by the teacher' },
    ];
    const entry = { id: `${url}#9`, type: 'BitstringStatusListEntry', statusPurpose: 'message', statusListIndex: '9', statusListCredential: url, statusSize, statusMessage };
    const { fetch } = servingFetch(new Map([[url, list]]));
    const report = await verifyCredential(await credentialWithStatus(key, entry), { fetch });
    expect(statusCheck(report).status).toBe('passed');
    expect(entries(report)[0]).toMatchObject({ outcome: 'clear', statusValue: '0x2', statusMessage: 'under appeal' });

    // Four values need four messages.
    const short = await credentialWithStatus(key, { ...entry, statusMessage: statusMessage.slice(0, 3) });
    expect(entries(await verifyCredential(short, { fetch }))[0]).toMatchObject({ outcome: 'unavailable', reason: 'MALFORMED_ENTRY' });
  });
});

describe('hostile lists', () => {
  it('a GZIP bomb behind a valid-looking list is refused (TOO_LARGE) without inflating it', async () => {
    const issuer = await createStatusIssuer();
    const credential = await issuer.issue();
    const url = listUrlOf(credential);
    const bomb = structuredClone((await issuer.publish()).get(url)) as Json;
    bomb.credentialSubject.encodedList = `u${gzipSync(Buffer.alloc(256 * 1024 * 1024), { level: 9 }).toString('base64url')}`;
    const report = await verifyCredential(credential, { fetch: servingFetch(new Map([[url, bomb]])).fetch });
    expect(entries(report)[0]).toMatchObject({ outcome: 'unavailable', reason: 'TOO_LARGE' });
  });

  it('a response over maxFetchBytes is not read: STATUS_RETRIEVAL_ERROR', async () => {
    const issuer = await createStatusIssuer();
    const credential = await issuer.issue();
    const report = await verifyCredential(credential, { fetch: servingFetch(await issuer.publish()).fetch, maxFetchBytes: 256 });
    expect(entries(report)[0]).toMatchObject({ outcome: 'unavailable', reason: 'STATUS_RETRIEVAL_ERROR' });
  });
});

describe('the ttl cache', () => {
  it('verifying one issuer\'s credentials again and again fetches each list once per fetch function, and the report says it came from the cache', async () => {
    const issuer = await createStatusIssuer({ ttlMs: 60_000 });
    const credential = await issuer.issue();
    const { fetch, requests } = servingFetch(await issuer.publish());
    const first = await verifyCredential(credential, { fetch });
    expect(first.provenance.fetched[0]?.fromCache).toBeUndefined();
    for (let i = 0; i < 20; i++) {
      const report = await verifyCredential(credential, { fetch });
      expect(statusCheck(report).status).toBe('passed');
      expect(report.provenance.fetched).toEqual([expect.objectContaining({ url: listUrlOf(credential), fromCache: true, fetchedAt: first.provenance.fetched[0]!.fetchedAt })]);
    }
    expect(requests.get(listUrlOf(credential))).toBe(1);
    // Another fetch function (another network view) never sees the first one's lists.
    const other = servingFetch(await issuer.publish());
    await verifyCredential(credential, { fetch: other.fetch });
    expect(other.requests.get(listUrlOf(credential))).toBe(1);
  });

  it('a list is fetched again once its ttl has passed', async () => {
    const issuer = await createStatusIssuer({ ttlMs: 20 });
    const credential = await issuer.issue();
    const { fetch, requests } = servingFetch(await issuer.publish());
    await verifyCredential(credential, { fetch });
    await new Promise((resolve) => setTimeout(resolve, 40));
    await verifyCredential(credential, { fetch });
    expect(requests.get(listUrlOf(credential))).toBe(2);
  });

  it('a list that failed its proof is not cached', async () => {
    const issuer = await createStatusIssuer();
    const credential = await issuer.issue();
    const url = listUrlOf(credential);
    const forged = structuredClone((await issuer.publish()).get(url)) as Json;
    forged.validUntil = '2099-01-01T00:00:00Z';
    const { fetch, requests } = servingFetch(new Map([[url, forged]]));
    await verifyCredential(credential, { fetch });
    await verifyCredential(credential, { fetch });
    expect(requests.get(url)).toBe(2);
  });
});
