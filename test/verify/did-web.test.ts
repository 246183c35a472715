/**
 * did:web and did:jwk issuers end to end: the issuer publishes what buildDidDocument makes, a
 * verifier resolves it through options.fetch, and every way the DID document can be wrong gets
 * its own code. Keys are never taken from the DID URL's fragment.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildDidDocument,
  didJwkFromJwk,
  didWebDocumentUrl,
  exportKey,
  generateKey,
  importKey,
  issueCredential,
  verifyCredential,
  type Ed25519KeyPair,
  type VerificationReport,
} from '../../src/index.js';
import { encodeBase58btc } from '../../src/keys/base58btc.js';
import { encodeMulticodecKey } from '../../src/keys/multicodec-key.js';
import { withoutFastPath } from '../../src/proof/fast/enabled.js';
import { waitTimeDraft } from '../support/drafts.js';
import { checkOf, expectChecks } from '../support/expected-fixtures.js';
import { fetchStub } from '../support/fetch-stub.js';

type Json = Record<string, any>;

const NOW = new Date('2026-06-01T00:00:00Z');
const CREATED = new Date('2026-05-01T12:00:00Z');
const DID = 'did:web:district.example';
const DID_URL = 'https://district.example/.well-known/did.json';

let key: Ed25519KeyPair;
let credential: Json;
let document: Json;

beforeAll(async () => {
  key = await generateKey({ controller: DID });
  credential = (await issueCredential(waitTimeDraft(DID), { key, created: CREATED })) as Json;
  document = buildDidDocument({ id: DID, keys: [key] }) as Json;
});

function verifyServed(served: Record<string, unknown>, input: Json = credential): Promise<VerificationReport> {
  return verifyCredential(input, { now: NOW, fetch: fetchStub(served).fetch });
}

describe('a did:web issuer', () => {
  it('signs with did:web:district.example#z6Mk… and the key id is named after the DID', () => {
    expect(key.id).toBe(`${DID}#${key.publicKeyMultibase}`);
    expect(credential.proof[0].verificationMethod).toBe(key.id);
    expect(didWebDocumentUrl(DID)).toBe(DID_URL);
  });

  it('its DID document served at /.well-known/did.json: verified, the DID is the proven issuer, the fetch is filed', async () => {
    const stub = fetchStub({ [DID_URL]: document });
    const report = await verifyCredential(credential, { now: NOW, fetch: stub.fetch });
    expectChecks(report, {});
    expect(report.verified).toBe(true);
    expect(report.provenIssuer).toBe(DID);
    expect(stub.requested).toEqual([DID_URL]);
    expect(report.provenance.fetched).toMatchObject([{ url: DID_URL, status: 200, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });

  it('a did:web with a path and a port resolves at its own URL', async () => {
    const did = 'did:web:localhost%3A8443:districts:7';
    const local = await generateKey({ controller: did });
    const signed = await issueCredential(waitTimeDraft(did), { key: local, created: CREATED });
    const url = 'https://localhost:8443/districts/7/did.json';
    const report = await verifyServed({ [url]: buildDidDocument({ id: did, keys: [local] }) }, signed as Json);
    expect(report.verified).toBe(true);
    expect(report.provenIssuer).toBe(did);
  });

  it('no DID document (404) → proof failed DID_NOT_FOUND', async () => {
    const report = await verifyServed({});
    expectChecks(report, { proof: ['failed', 'DID_NOT_FOUND'], 'issuer-key': 'skipped' });
    expect(report.verified).toBe(false);
  });

  it.each([
    ['not JSON', 'DID_DOCUMENT_INVALID', '<html>district.example</html>'],
    ['a JSON array', 'DID_DOCUMENT_INVALID', []],
    ['with verificationMethod not an array', 'DID_DOCUMENT_INVALID', () => ({ ...document, verificationMethod: document.verificationMethod[0] })],
    ['with an assertionMethod entry without id', 'DID_DOCUMENT_INVALID', () => ({ ...document, assertionMethod: [{ type: 'Multikey' }] })],
    ['the document of another DID', 'DID_ID_MISMATCH', () => ({ ...document, id: 'did:web:evil.example' })],
    ['without id', 'DID_ID_MISMATCH', () => ({ ...document, id: undefined })],
  ])('a DID document %s → proof failed %s', async (_label, code, body) => {
    const served = typeof body === 'function' ? body() : body;
    const report = await verifyServed({ [DID_URL]: served });
    expect(checkOf(report, 'proof')).toMatchObject({ status: 'failed', code });
    expect(report.verified).toBe(false);
  });

  it('the network is down → indeterminate, not failed', async () => {
    const report = await verifyCredential(credential, { now: NOW, fetch: async () => { throw new TypeError('getaddrinfo ENOTFOUND district.example'); } });
    expect(checkOf(report, 'proof')).toMatchObject({ status: 'indeterminate', code: 'VERIFICATION_METHOD_UNRESOLVABLE' });
  });

  it('a key the DID document does not list → KEY_NOT_CONTROLLED_BY_ISSUER, in the proof and issuer-key checks', async () => {
    const other = await generateKey({ controller: DID });
    const report = await verifyServed({ [DID_URL]: buildDidDocument({ id: DID, keys: [other] }) });
    expectChecks(report, { proof: ['failed', 'KEY_NOT_CONTROLLED_BY_ISSUER'], 'issuer-key': ['failed', 'KEY_NOT_CONTROLLED_BY_ISSUER'] });
    expect(checkOf(report, 'proof').message).toContain('does not list the key');
    expect(report.verified).toBe(false);
  });

  it('the key is listed but not under assertionMethod → KEY_NOT_AUTHORIZED', async () => {
    const report = await verifyServed({ [DID_URL]: { ...document, assertionMethod: [], authentication: [key.id] } });
    expect(checkOf(report, 'proof')).toMatchObject({ status: 'failed', code: 'KEY_NOT_AUTHORIZED' });
  });

  it('relative method ids (#fragment) in the DID document resolve against the DID', async () => {
    const fragment = key.id.slice(DID.length);
    const relative = { ...document, verificationMethod: [{ ...document.verificationMethod[0], id: fragment }], assertionMethod: [fragment] };
    expect((await verifyServed({ [DID_URL]: relative })).verified).toBe(true);
  });

  it.each([
    ['Ed25519VerificationKey2020', () => buildDidDocument({ id: DID, keys: [{ key, type: 'Ed25519VerificationKey2020' }] })],
    ['JsonWebKey', () => buildDidDocument({ id: DID, keys: [{ key, type: 'JsonWebKey' }] })],
    ['Ed25519VerificationKey2018 (publicKeyBase58)', () => ({
      ...document,
      verificationMethod: [{ id: key.id, type: 'Ed25519VerificationKey2018', controller: DID, publicKeyBase58: encodeBase58btc(key.publicKey) }],
    })],
  ])('the key published as %s also verifies', async (_type, make) => {
    expect((await verifyServed({ [DID_URL]: make() })).verified).toBe(true);
  });

  it('a key of another type under the same id → VERIFICATION_METHOD_INVALID (embedded proofs need Ed25519)', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    const report = await verifyServed({ [DID_URL]: buildDidDocument({ id: DID, keys: [{ id: key.id, jwk: p256 as never }] }) });
    expect(checkOf(report, 'proof')).toMatchObject({ status: 'failed', code: 'VERIFICATION_METHOD_INVALID' });
  });

  it('the key written with a padded (non-minimal) multicodec header → VERIFICATION_METHOD_INVALID, on both paths', async () => {
    const padded = encodeMulticodecKey([0xed, 0x81, 0x00], key.publicKey);
    const served = { [DID_URL]: { ...document, verificationMethod: [{ ...document.verificationMethod[0], publicKeyMultibase: padded }] } };
    for (const run of [<T>(work: () => Promise<T>) => work(), withoutFastPath]) {
      const report = await run(() => verifyServed(served));
      expect(checkOf(report, 'proof')).toMatchObject({ status: 'failed', code: 'VERIFICATION_METHOD_INVALID', message: expect.stringContaining('non-minimal') });
    }
  });

  it('a method whose controller is another DID must be listed by that DID, and then the issuer-key check fails', async () => {
    const evil = 'did:web:evil.example';
    const hijacked = { ...document, verificationMethod: [{ ...document.verificationMethod[0], controller: evil }] };
    const evilDocument = { id: evil, verificationMethod: [], assertionMethod: [key.id] };
    const report = await verifyServed({ [DID_URL]: hijacked, 'https://evil.example/.well-known/did.json': evilDocument });
    expect(checkOf(report, 'proof').status).toBe('passed');
    expect(checkOf(report, 'issuer-key')).toMatchObject({ status: 'failed', code: 'KEY_NOT_CONTROLLED_BY_ISSUER' });
    // Not listed by the other DID either: not authorized.
    const unlisted = await verifyServed({ [DID_URL]: hijacked, 'https://evil.example/.well-known/did.json': { id: evil } });
    expect(checkOf(unlisted, 'proof')).toMatchObject({ status: 'failed', code: 'KEY_NOT_AUTHORIZED' });
  });

  it('the key material in the DID URL fragment is never used: another key under that name fails the signature', async () => {
    const impostor = await generateKey({ controller: DID });
    const swapped = buildDidDocument({ id: DID, keys: [{ key: impostor, id: key.id }] });
    expect(swapped.verificationMethod?.[0]).toMatchObject({ id: key.id, publicKeyMultibase: impostor.publicKeyMultibase });
    const report = await verifyServed({ [DID_URL]: swapped });
    expect(checkOf(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
  });

  it('an invalid did:web in the proof → VERIFICATION_METHOD_INVALID, nothing fetched', async () => {
    const stub = fetchStub({});
    const copy = structuredClone(credential);
    copy.proof[0].verificationMethod = 'did:web:127.0.0.1#key-1';
    const report = await verifyCredential(copy, { now: NOW, fetch: stub.fetch });
    expect(checkOf(report, 'proof')).toMatchObject({ status: 'failed', code: 'VERIFICATION_METHOD_INVALID' });
    expect(stub.requested).toEqual([]);
  });

  it('an unsupported DID method stays indeterminate and is never fetched', async () => {
    const stub = fetchStub({});
    const copy = structuredClone(credential);
    copy.proof[0].verificationMethod = 'did:ion:EiClkZMDxPKqC9c-umQfTkR8vvZ9JPhl_xLDI9Nfk38w5w#key-1';
    const report = await verifyCredential(copy, { now: NOW, fetch: stub.fetch });
    expect(checkOf(report, 'proof')).toMatchObject({ status: 'indeterminate', code: 'VERIFICATION_METHOD_UNRESOLVABLE' });
    expect(checkOf(report, 'proof').message).toContain('did:ion');
    expect(stub.requested).toEqual([]);
  });
});

describe('key rotation on a did:web issuer (CID 1.0 marks on the verification method)', () => {
  let oldKey: Ed25519KeyPair;
  let newKey: Ed25519KeyPair;
  let signedBefore: Json;
  let signedAfter: Json;
  let signedWithNew: Json;
  const RETIRED = '2026-05-15T00:00:00Z';

  beforeAll(async () => {
    oldKey = await generateKey({ controller: DID });
    newKey = await generateKey({ controller: DID });
    signedBefore = (await issueCredential(waitTimeDraft(DID), { key: oldKey, created: CREATED })) as Json;
    signedAfter = (await issueCredential(waitTimeDraft(DID), { key: oldKey, created: new Date('2026-05-20T00:00:00Z') })) as Json;
    signedWithNew = (await issueCredential(waitTimeDraft(DID), { key: newKey, created: new Date('2026-05-20T00:00:00Z') })) as Json;
  });

  const rotated = (mark: 'expires' | 'revoked') => ({ [DID_URL]: buildDidDocument({ id: DID, keys: [newKey, { key: oldKey, [mark]: RETIRED }] }) });

  it('planned rotation (expires): proofs made before it still verify, later ones fail KEY_EXPIRED, the new key verifies', async () => {
    expect((await verifyServed(rotated('expires'), signedBefore)).verified).toBe(true);
    const late = await verifyServed(rotated('expires'), signedAfter);
    expect(checkOf(late, 'proof')).toMatchObject({ status: 'failed', code: 'KEY_EXPIRED' });
    expect((await verifyServed(rotated('expires'), signedWithNew)).verified).toBe(true);
  });

  it('compromise (revoked): every proof of the key fails KEY_REVOKED, whatever its created time', async () => {
    const early = await verifyServed(rotated('revoked'), signedBefore);
    expect(checkOf(early, 'proof')).toMatchObject({ status: 'failed', code: 'KEY_REVOKED' });
    expect((await verifyServed(rotated('revoked'), signedWithNew)).verified).toBe(true);
  });

  it('deleting the old key instead of marking it fails its credentials as not controlled by the issuer', async () => {
    const deleted = { [DID_URL]: buildDidDocument({ id: DID, keys: [newKey] }) };
    const report = await verifyServed(deleted, signedBefore);
    expect(checkOf(report, 'issuer-key')).toMatchObject({ status: 'failed', code: 'KEY_NOT_CONTROLLED_BY_ISSUER' });
    expect(report.verified).toBe(false);
  });
});

describe('a did:jwk issuer', () => {
  it('is resolved locally: verified with no fetch at all', async () => {
    const seed = await generateKey();
    const did = didJwkFromJwk(exportKey(seed, { format: 'jwk' }) as never);
    // The same key pair, named by its did:jwk.
    const named = await importKey(exportKey(seed, { includePrivate: true }), { controller: did, id: `${did}#0` });
    const signed = await issueCredential(waitTimeDraft(did), { key: named, created: CREATED });
    const report = await verifyCredential(signed, { now: NOW });
    expectChecks(report, {});
    expect(report.provenIssuer).toBe(did);
    expect(report.provenance.fetched).toEqual([]);
  });

  it('a did:jwk URL with another fragment → VERIFICATION_METHOD_INVALID', async () => {
    const seed = await generateKey();
    const did = didJwkFromJwk(exportKey(seed, { format: 'jwk' }) as never);
    const named = await importKey(exportKey(seed, { includePrivate: true }), { controller: did, id: `${did}#1` });
    const signed = await issueCredential(waitTimeDraft(did), { key: named, created: CREATED });
    const report = await verifyCredential(signed, { now: NOW });
    expect(checkOf(report, 'proof')).toMatchObject({ status: 'failed', code: 'VERIFICATION_METHOD_INVALID' });
  });
});
