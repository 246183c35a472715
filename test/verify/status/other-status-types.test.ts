/**
 * The status methods besides BitstringStatusList: StatusList2021 (still in issued credentials) and
 * 1EdTech's Revocation List (an unsigned list of revoked ids); and several entries on one
 * credential.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  OB_EXTENSIONS_CONTEXT,
  VC_V1_CONTEXT,
  buildCredential,
  generateKey,
  verifyCredential,
  writeBit,
  type Check,
  type Ed25519KeyPair,
  type VerificationReport,
} from '../../../src/index.js';
import { signDocument } from '../../../src/proof/index.js';
import { waitTimeDraft } from '../../support/drafts.js';
import { createStatusIssuer, servingFetch } from '../../support/status-issuer.js';

type Json = Record<string, any>;

const SL2021_CONTEXT = 'https://w3id.org/vc/status-list/2021/v1';

function statusCheck(report: VerificationReport): Check {
  return report.checks.find((c) => c.id === 'status')!;
}

function entries(report: VerificationReport): Json[] {
  return (statusCheck(report).details as { entries: Json[] }).entries;
}

/**
 * Signed with exactly this status. The extensions context defines 1EdTech's type names, the
 * StatusList2021 context its entry type.
 */
async function credentialWithStatus(key: Ed25519KeyPair, credentialStatus: unknown, id?: string): Promise<Json> {
  const built = buildCredential(waitTimeDraft(key.controller, { extraContexts: [OB_EXTENSIONS_CONTEXT, SL2021_CONTEXT], ...(id ? { id } : {}) }));
  return signDocument({ ...built, credentialStatus }, { signer: key.signer() });
}

describe('StatusList2021Entry', () => {
  const url = 'https://district.example/status/2021/1';
  let key: Ed25519KeyPair;
  let list: Json;

  beforeAll(async () => {
    key = await generateKey();
    const bits = new Uint8Array(131_072 / 8);
    writeBit(bits, 94567, true);
    // A VC 1.1 list as StatusList2021 issuers published them: base64url GZIP, no multibase prefix.
    list = await signDocument(
      {
        '@context': [VC_V1_CONTEXT, SL2021_CONTEXT],
        id: url,
        type: ['VerifiableCredential', 'StatusList2021Credential'],
        issuer: key.controller,
        issuanceDate: new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        credentialSubject: { id: `${url}#list`, type: 'StatusList2021', statusPurpose: 'revocation', encodedList: gzipSync(bits).toString('base64url') },
      },
      { signer: key.signer(), proofFormat: 'Ed25519Signature2020' },
    );
  });

  const entry = (index: number) => ({ id: `${url}#${index}`, type: 'StatusList2021Entry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: url });

  it('a set bit is REVOKED, a clear one passes', async () => {
    const { fetch } = servingFetch(new Map([[url, list]]));
    const revoked = await verifyCredential(await credentialWithStatus(key, entry(94567)), { fetch });
    expect(statusCheck(revoked)).toMatchObject({ status: 'failed', code: 'REVOKED' });
    const clear = await verifyCredential(await credentialWithStatus(key, entry(94566)), { fetch });
    expect(statusCheck(clear).status).toBe('passed');
    expect(clear.verified).toBe(true);
  });

  it('a StatusList2021Entry pointing at a BitstringStatusList is refused, not misread', async () => {
    const issuer = await createStatusIssuer();
    const credential = await issuer.issue();
    const bsl = credential.credentialStatus as Json;
    const lists = await issuer.publish();
    const report = await verifyCredential(await credentialWithStatus(issuer.key, { ...bsl, type: 'StatusList2021Entry' }), { fetch: servingFetch(lists).fetch });
    expect(entries(report)[0]).toMatchObject({ outcome: 'unavailable', reason: 'STATUS_VERIFICATION_ERROR' });
  });
});

describe('1EdTechRevocationList', () => {
  const listUrl = 'https://district.example/revocations';
  const credentialId = 'urn:uuid:4a1b2c3d-0000-4000-8000-00000000abcd';
  let key: Ed25519KeyPair;
  let credential: Json;

  beforeAll(async () => {
    key = await generateKey();
    credential = await credentialWithStatus(key, { id: listUrl, type: '1EdTechRevocationList' }, credentialId);
  });

  const served = (list: unknown) => servingFetch(new Map([[listUrl, list]])).fetch;

  it('a list naming the credential: REVOKED, with the reason it gives', async () => {
    const fetch = served({ id: listUrl, issuer: key.controller, revokedCredentials: [{ id: credentialId, revocationReason: 'Plagiarised evidence' }] });
    const report = await verifyCredential(credential, { fetch });
    expect(statusCheck(report)).toMatchObject({ status: 'failed', code: 'REVOKED' });
    expect(statusCheck(report).message).toContain('Plagiarised evidence');
  });

  it('a list not naming it: passed, as of the fetch', async () => {
    const report = await verifyCredential(credential, { fetch: served({ id: listUrl, issuer: key.controller, revokedCredentials: [{ id: 'urn:uuid:someone-else' }] }) });
    expect(statusCheck(report).status).toBe('passed');
    expect(statusCheck(report).message).toMatch(/^Not revoked as of /);
    expect(report.verified).toBe(true);
  });

  it('a list published by another issuer: STATUS_LIST_ISSUER_MISMATCH', async () => {
    const report = await verifyCredential(credential, { fetch: served({ id: listUrl, issuer: 'did:example:someone-else', revokedCredentials: [] }) });
    expect(statusCheck(report)).toMatchObject({ status: 'failed', code: 'STATUS_LIST_ISSUER_MISMATCH' });
  });

  it('no list served, or not a list: STATUS_UNAVAILABLE', async () => {
    expect(statusCheck(await verifyCredential(credential, { fetch: servingFetch(new Map()).fetch }))).toMatchObject({ status: 'indeterminate', code: 'STATUS_UNAVAILABLE' });
    expect(entries(await verifyCredential(credential, { fetch: served({ hello: 'world' }) }))[0]).toMatchObject({ reason: 'MALFORMED' });
  });
});

describe('several entries on one credential', () => {
  it('one clear and one undeterminable: indeterminate, never passed', async () => {
    const issuer = await createStatusIssuer();
    const credential = await issuer.issue();
    const lists = await issuer.publish();
    const both = await credentialWithStatus(issuer.key, [credential.credentialStatus, { id: 'https://district.example/revocations', type: '1EdTechRevocationList' }]);
    const report = await verifyCredential(both, { fetch: servingFetch(lists).fetch });
    expect(statusCheck(report)).toMatchObject({ status: 'indeterminate', code: 'STATUS_UNAVAILABLE' });
    expect(entries(report).map((e) => e.outcome)).toEqual(['clear', 'unavailable']);
  });

  it('more entries than any credential needs are not all fetched', async () => {
    const key = await generateKey();
    const many = Array.from({ length: 5 }, (_, i) => ({ id: `https://district.example/revocations/${i}`, type: '1EdTechRevocationList' }));
    const { fetch, requests } = servingFetch(new Map());
    const report = await verifyCredential(await credentialWithStatus(key, many), { fetch });
    expect(statusCheck(report)).toMatchObject({ status: 'indeterminate', code: 'STATUS_UNAVAILABLE' });
    expect(requests.size).toBe(0);
  });
});
