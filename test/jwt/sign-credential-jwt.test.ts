/**
 * issueCredentialJwt / signCredentialJwt write what OB 3.0's JWT proof format says (header alg,
 * typ, kid; the credential plus iss, jti, sub, nbf, exp), checked here with jose and node:crypto
 * directly; and they refuse, saying why, what a verifier would have to reject.
 */
import { createPublicKey, createSign, createVerify, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCredential, generateKey, issueCredential, issueCredentialJwt, signCredentialJwt, verifyCredential, type JwsKeyPair, type JwsSigner } from '../../src/index.js';
import { caughtError } from '../keys/caught-error.js';
import { waitTimeDraft } from '../support/drafts.js';
import { checkOf, expectChecks } from '../support/expected-fixtures.js';
import { decodeJwt } from '../support/jwks-fixtures.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const TEACHER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
let rsa: JwsKeyPair;
let ec: JwsKeyPair;

beforeAll(async () => {
  [rsa, ec] = await Promise.all([generateKey({ algorithm: 'RS256' }), generateKey({ algorithm: 'ES256' })]);
});

const draftFor = (key: { controller: string }, overrides = {}) => waitTimeDraft(key.controller, { recipient: { id: TEACHER }, ...overrides });

describe('the token', () => {
  it('RS256: header alg, typ, kid and nothing else; payload = the credential + iss, jti, sub, nbf, exp; verified by jose and by node:crypto', async () => {
    const jwt = await issueCredentialJwt(draftFor(rsa, { validUntil: '2031-05-01T12:00:00Z' }), { key: rsa });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', typ: 'JWT', kid: rsa.id });
    const { payload } = decodeJwt(jwt);
    const { iss, jti, sub, nbf, exp, ...credential } = payload;
    expect({ iss, jti, sub, nbf, exp }).toEqual({
      iss: rsa.controller,
      jti: credential.id,
      sub: TEACHER,
      nbf: Date.parse('2026-05-01T12:00:00Z') / 1000,
      exp: Date.parse('2031-05-01T12:00:00Z') / 1000,
    });
    expect(credential).toMatchObject({ type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: { id: rsa.controller }, validFrom: '2026-05-01T12:00:00Z' });
    expect(credential).not.toHaveProperty('proof');
    const publicKey = createPublicKey({ key: rsa.publicKeyJwk as JsonWebKey, format: 'jwk' });
    await expect(compactVerify(jwt, publicKey, { algorithms: ['RS256'] })).resolves.toBeDefined();
    const [h, p, s] = jwt.split('.') as [string, string, string];
    expect(createVerify('RSA-SHA256').update(`${h}.${p}`).verify(publicKey, Buffer.from(s, 'base64url'))).toBe(true);
  });

  it('ES256: a 64-byte r‖s signature node:crypto verifies as ieee-p1363', async () => {
    const jwt = await issueCredentialJwt(draftFor(ec), { key: ec });
    const [h, p, s] = jwt.split('.') as [string, string, string];
    expect(Buffer.from(s, 'base64url')).toHaveLength(64);
    const verifier = createVerify('SHA256').update(`${h}.${p}`);
    expect(verifier.verify({ key: createPublicKey({ key: ec.publicKeyJwk as JsonWebKey, format: 'jwk' }), dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))).toBe(true);
    expect((await verifyCredential(jwt, { now: NOW })).verified).toBe(true);
  });

  it('a KMS signer that returns DER ECDSA (as KMSs do) gives a JOSE signature; its id is the kid', async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const issuer = 'https://district.example/issuer';
    const kms: JwsSigner = {
      id: `${issuer}#kms-1`,
      algorithm: 'ES256',
      sign: async (data) => new Uint8Array(createSign('SHA256').update(data).sign(pair.privateKey)), // DER
    };
    const jwt = await issueCredentialJwt(waitTimeDraft(issuer, { recipient: { id: TEACHER } }), { key: kms });
    expect(decodeProtectedHeader(jwt).kid).toBe(`${issuer}#kms-1`);
    await expect(compactVerify(jwt, pair.publicKey, { algorithms: ['ES256'] })).resolves.toBeDefined();
  });

  it('signCredentialJwt signs a credential you built (an unsigned one)', async () => {
    const jwt = await signCredentialJwt(buildCredential(draftFor(ec)), { key: ec });
    expect((await verifyCredential(jwt, { now: NOW })).verified).toBe(true);
  });
});

describe('EdDSA is opt-in', () => {
  it('refused without allowEdDSA, saying the official validator accepts only RS256 and ES256', async () => {
    const ed = await generateKey();
    const error = await caughtError(() => issueCredentialJwt(draftFor(ed), { key: ed }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/official 1EdTech validator accepts only RS256 and ES256/);
    expect(error.message).toMatch(/allowEdDSA: true/);
    const kms = await caughtError(() => issueCredentialJwt(draftFor(ed), { key: { id: ed.id, algorithm: 'EdDSA', sign: async () => new Uint8Array(64) } }));
    expect(kms.message).toMatch(/opt-in/);
  });

  it('with allowEdDSA, a did:key issuer\'s EdDSA JWT verifies (the report notes the validator would not accept it)', async () => {
    const ed = await generateKey();
    const jwt = await issueCredentialJwt(draftFor(ed), { key: ed, allowEdDSA: true });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: ed.id });
    const report = await verifyCredential(jwt, { now: NOW });
    expect(report.verified).toBe(true);
    expect(checkOf(report, 'proof').message).toMatch(/accepts only RS256 and ES256/);
  });
});

describe('refusals', () => {
  it('a subject with no id (hashed e-mail) cannot fill sub: refused unless allowMissingSub, and then reported by verifiers', async () => {
    const hashed = waitTimeDraft(rsa.controller); // recipient: { email }
    const error = await caughtError(() => issueCredentialJwt(hashed, { key: rsa }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/hashed identifier.*"sub".*allowMissingSub: true/s);
    const jwt = await issueCredentialJwt(hashed, { key: rsa, allowMissingSub: true });
    expect(decodeJwt(jwt).payload).not.toHaveProperty('sub');
    const strict = await verifyCredential(jwt, { now: NOW });
    expectChecks(strict, { proof: ['failed', 'JWT_CLAIM_MISSING'] });
    const accepting = await verifyCredential(jwt, { now: NOW, acceptMissingJwtClaims: true });
    expectChecks(accepting, { proof: ['warning', 'JWT_CLAIM_MISSING'] });
    expect(accepting.verified).toBe(true);
  });

  it.each([
    ['fractions of a second in validFrom', { validFrom: '2026-05-01T12:00:00.250Z' }, /whole seconds/],
    ['a registered claim name as a property', { iss: 'https://elsewhere.example' }, /iss, which the JWT's registered claims would overwrite/],
  ])('a hand-built credential with %s', async (_, change, message) => {
    const credential = { ...buildCredential(draftFor(rsa)), ...change };
    const error = await caughtError(() => signCredentialJwt(credential, { key: rsa }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(message);
  });

  it('a credential that already has an embedded proof', async () => {
    const ed = await generateKey();
    const signed = await issueCredential(draftFor(ed), { key: ed });
    expect((await caughtError(() => signCredentialJwt(signed, { key: ed, allowEdDSA: true }))).message).toMatch(/already has an embedded proof/);
  });

  it('a key of another issuer, and a plain kid for an issuer without a JWK Set', async () => {
    const other = await caughtError(() => issueCredentialJwt(draftFor({ controller: 'https://district.example/issuer' }), { key: rsa }));
    expect(other.message).toMatch(/KEY_NOT_CONTROLLED_BY_ISSUER/);
    const plain = await caughtError(() => issueCredentialJwt(draftFor(rsa), { key: { id: 'key-1', algorithm: 'RS256', sign: async () => new Uint8Array(256) } }));
    expect(plain.message).toMatch(/plain key id/);
  });

  it('a credential without the official shape, and bad signers', async () => {
    expect((await caughtError(() => signCredentialJwt({ ...buildCredential(draftFor(rsa)), credentialSubject: undefined }, { key: rsa }))).code).toBe('SCHEMA_INVALID');
    expect((await caughtError(() => signCredentialJwt(buildCredential(draftFor(rsa)), { key: { id: rsa.id, algorithm: 'HS256', sign: async () => new Uint8Array(1) } as never }))).code).toBe('INVALID_ARGUMENT');
    const failing: JwsSigner = { id: rsa.id, algorithm: 'RS256', sign: async () => { throw new Error('KMS unavailable'); } };
    const error = await caughtError(() => signCredentialJwt(buildCredential(draftFor(rsa)), { key: failing }));
    expect(error.code).toBe('SIGNING_FAILED');
    expect(error.message).toMatch(/KMS unavailable/);
  });
});
