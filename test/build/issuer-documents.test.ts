/**
 * What an issuer publishes (buildDidDocument, buildIssuerProfileDocument, publishIssuer, the JWK
 * Set): exact shapes, and each document read back by the verifier as a third party would.
 */
import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildDidDocument,
  buildIssuerProfileDocument,
  buildJwks,
  exportKey,
  generateKey,
  issueCredential,
  jwksUrl,
  publishIssuer,
  verifyCredential,
  type Ed25519KeyPair,
} from '../../src/index.js';
import { caughtError } from '../keys/caught-error.js';
import { waitTimeDraft } from '../support/drafts.js';
import { fetchStub } from '../support/fetch-stub.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const DID = 'did:web:district.example';
const HTTPS_ISSUER = 'https://lakeside.example.org/issuer';

let current: Ed25519KeyPair;
let retired: Ed25519KeyPair;

beforeAll(async () => {
  current = await generateKey({ controller: DID });
  retired = await generateKey({ controller: DID });
});

describe('buildDidDocument', () => {
  it('lists every key, current and retired, under verificationMethod and assertionMethod', () => {
    const document = buildDidDocument({ id: DID, keys: [current, { key: retired, expires: '2026-05-15T08:30:00+02:00' }] });
    expect(document).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: DID,
      verificationMethod: [
        { id: current.id, type: 'Multikey', controller: DID, publicKeyMultibase: current.publicKeyMultibase },
        { id: retired.id, type: 'Multikey', controller: DID, publicKeyMultibase: retired.publicKeyMultibase, expires: '2026-05-15T06:30:00Z' },
      ],
      assertionMethod: [current.id, retired.id],
    });
  });

  it('writes Ed25519VerificationKey2020 and JsonWebKey methods with their contexts', () => {
    const document = buildDidDocument({ id: DID, keys: [{ key: current, type: 'Ed25519VerificationKey2020' }, { key: retired, type: 'JsonWebKey', revoked: new Date('2026-05-01T00:00:00Z') }] });
    expect(document['@context']).toEqual([
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/security/multikey/v1',
      'https://w3id.org/security/suites/ed25519-2020/v1',
      'https://w3id.org/security/jwk/v1',
    ]);
    expect(document.verificationMethod?.[0]).toEqual({ id: current.id, type: 'Ed25519VerificationKey2020', controller: DID, publicKeyMultibase: current.publicKeyMultibase });
    expect(document.verificationMethod?.[1]).toEqual({
      id: retired.id,
      type: 'JsonWebKey',
      controller: DID,
      publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: exportKey(retired, { format: 'jwk' }).x },
      revoked: '2026-05-01T00:00:00Z',
    });
  });

  it('publishes an RSA key for VC-JWT as JsonWebKey, without the kid it came with', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    const document = buildDidDocument({ id: DID, keys: [{ jwk: { ...rsa, kid: 'kms-key-7' } as never, id: `${DID}#jwt-1` }] });
    expect(document.verificationMethod).toEqual([{ id: `${DID}#jwt-1`, type: 'JsonWebKey', controller: DID, publicKeyJwk: { kty: 'RSA', n: rsa.n, e: rsa.e } }]);
  });

  it.each([
    ['a key of another controller', async () => ({ id: DID, keys: [await generateKey()] }), 'belongs to did:key:'],
    ['a key named outside the DID', async () => ({ id: DID, keys: [{ key: current, id: 'did:web:other.example#k' }] }), 'must be named did:web:district.example#<fragment>'],
    ['a private key export', async () => ({ id: DID, keys: [exportKey(current, { includePrivate: true })] }), 'never publish a private key'],
    ['a private JWK', async () => ({ id: DID, keys: [{ id: `${DID}#k`, jwk: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }) }] }), 'private member "d"'],
    ['the same key twice', async () => ({ id: DID, keys: [current, current] }), 'repeats the key id'],
    ['no keys', async () => ({ id: DID, keys: [] }), 'non-empty array'],
    ['both key and jwk', async () => ({ id: DID, keys: [{ key: current, jwk: exportKey(current, { format: 'jwk' }) }] }), 'exactly one of key'],
    ['a did:key id', async () => ({ id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', keys: [current] }), 'not a valid did:web'],
    ['a DID URL id', async () => ({ id: `${DID}#x`, keys: [current] }), 'is a DID URL'],
    ['an unreadable expiry', async () => ({ id: DID, keys: [{ key: current, expires: 'soon' }] }), 'keys[0].expires'],
  ])('refuses %s', async (_label, make, why) => {
    const input = await make();
    const error = await caughtError(() => buildDidDocument(input as never));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain(why);
  });
});

describe('buildIssuerProfileDocument (HTTPS issuers)', () => {
  it('is the Profile and its keys in one document, read by the verifier like any key document', async () => {
    const key = await generateKey({ controller: HTTPS_ISSUER });
    const document = buildIssuerProfileDocument({ profile: { id: HTTPS_ISSUER, name: 'Lakeside Unified School District', url: 'https://lakeside.example.org' }, keys: [key] });
    expect(document).toEqual({
      '@context': ['https://www.w3.org/ns/cid/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: HTTPS_ISSUER,
      type: ['Profile'],
      name: 'Lakeside Unified School District',
      url: 'https://lakeside.example.org',
      verificationMethod: [{ id: key.id, type: 'Multikey', controller: HTTPS_ISSUER, publicKeyMultibase: key.publicKeyMultibase }],
      assertionMethod: [key.id],
    });
    const credential = await issueCredential(waitTimeDraft(HTTPS_ISSUER), { key });
    const report = await verifyCredential(credential, { now: NOW, fetch: fetchStub({ [HTTPS_ISSUER]: document }).fetch });
    expect(report.verified).toBe(true);
    expect(report.provenIssuer).toBe(HTTPS_ISSUER);
  });

  it('a key the profile document does not list (deleted rather than marked) → KEY_NOT_CONTROLLED_BY_ISSUER', async () => {
    const [oldKey, newKey] = [await generateKey({ controller: HTTPS_ISSUER }), await generateKey({ controller: HTTPS_ISSUER })];
    const credential = await issueCredential(waitTimeDraft(HTTPS_ISSUER), { key: oldKey, created: new Date('2026-05-01T12:00:00Z') });
    const document = buildIssuerProfileDocument({ profile: { id: HTTPS_ISSUER, name: 'Lakeside' }, keys: [newKey] });
    const report = await verifyCredential(credential, { now: NOW, fetch: fetchStub({ [HTTPS_ISSUER]: document }).fetch });
    expect(report.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'failed', code: 'KEY_NOT_CONTROLLED_BY_ISSUER' });
    expect(report.checks.find((c) => c.id === 'issuer-key')).toMatchObject({ status: 'failed', code: 'KEY_NOT_CONTROLLED_BY_ISSUER' });
    // Marked instead of deleted, the same credential verifies: it was signed before the expiry.
    const marked = buildIssuerProfileDocument({ profile: { id: HTTPS_ISSUER, name: 'Lakeside' }, keys: [newKey, { key: oldKey, expires: '2026-05-15T00:00:00Z' }] });
    expect((await verifyCredential(credential, { now: NOW, fetch: fetchStub({ [HTTPS_ISSUER]: marked }).fetch })).verified).toBe(true);
  });

  it.each([
    ['a did:web profile', { id: DID, name: 'x' }, 'use buildDidDocument'],
    ['a profile URL with a fragment', { id: `${HTTPS_ISSUER}#me`, name: 'x' }, 'has a #fragment'],
  ])('refuses %s', async (_label, profile, why) => {
    const error = await caughtError(() => buildIssuerProfileDocument({ profile, keys: [current] }));
    expect(error.message).toContain(why);
  });
});

describe('publishIssuer', () => {
  it('a did:web issuer: its did.json at the did:web URL, and with jwks its current keys at /.well-known/jwks.json', () => {
    const documents = publishIssuer({
      profile: { id: DID, name: 'Lakeside Unified School District' },
      keys: [current, { key: retired, expires: '2026-05-15T00:00:00Z' }],
      jwks: true,
      now: NOW,
    });
    expect(documents.map(({ url, path, contentType }) => ({ url, path, contentType }))).toEqual([
      { url: 'https://district.example/.well-known/did.json', path: '/.well-known/did.json', contentType: 'application/did+json' },
      { url: 'https://district.example/.well-known/jwks.json', path: '/.well-known/jwks.json', contentType: 'application/jwk-set+json' },
    ]);
    expect(JSON.parse(documents[0]!.body)).toEqual(documents[0]!.document);
    expect(documents[0]!.body.endsWith('}\n')).toBe(true);
    // The retired key stays in the DID document (marked) but leaves the JWK Set, which cannot mark it.
    expect((documents[0]!.document as { verificationMethod: unknown[] }).verificationMethod).toHaveLength(2);
    expect(documents[1]!.document).toEqual({
      keys: [{ kty: 'OKP', crv: 'Ed25519', x: exportKey(current, { format: 'jwk' }).x, kid: current.id, iss: DID, alg: 'EdDSA', use: 'sig' }],
    });
  });

  it('an HTTPS issuer: its profile document at the profile URL', async () => {
    const key = await generateKey({ controller: HTTPS_ISSUER });
    const [profile, ...rest] = publishIssuer({ profile: { id: HTTPS_ISSUER, name: 'Lakeside' }, keys: [key] });
    expect(rest).toEqual([]);
    expect(profile).toMatchObject({ url: HTTPS_ISSUER, path: '/issuer', contentType: 'application/ld+json' });
  });

  it('a did:key issuer has nothing to publish', async () => {
    const key = await generateKey();
    const error = await caughtError(() => publishIssuer({ profile: { id: key.controller, name: 'x' }, keys: [key] }));
    expect(error.message).toContain('resolved from the identifier itself');
  });

  it('JWK Set keys get the algorithm of their type unless they name one', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    const set = buildJwks(DID, [{ id: `${DID}#rsa`, jwk: rsa as never }, { id: `${DID}#ec`, jwk: ec as never }, { id: `${DID}#ps`, jwk: { ...rsa, alg: 'PS256' } as never }], NOW);
    expect(set.keys.map((k) => [k.kid, k.alg])).toEqual([[`${DID}#rsa`, 'RS256'], [`${DID}#ec`, 'ES256'], [`${DID}#ps`, 'PS256']]);
  });

  it.each([
    ['did:web:district.example', 'https://district.example/.well-known/jwks.json'],
    ['did:web:example.com:district:7', 'https://example.com/.well-known/jwks.json'],
    ['did:web:localhost%3A8443', 'https://localhost:8443/.well-known/jwks.json'],
    ['https://lakeside.example.org/issuers/1', 'https://lakeside.example.org/.well-known/jwks.json'],
  ])('the JWK Set of %s is at %s', (issuer, url) => {
    expect(jwksUrl(issuer)).toBe(url);
  });
});
