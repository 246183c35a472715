/**
 * Verifying VC-JWTs: the key must be one the issuer publishes (HTTPS profile document, JWK Set,
 * did:jwk), and every way to slip another key or no key in is refused with its code: alg none,
 * HS256 with the public key as secret, alg swaps, a header jwk nobody published, a kid of another
 * issuer. Each claim that contradicts the credential fails with JWT_CLAIM_MISMATCH.
 */
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  envelopeJwt,
  exportKey,
  generateKey,
  issueCredentialJwt,
  publishIssuer,
  verifyCredential,
  type JwsKeyPair,
  type PublishedDocument,
  type VerificationReport,
} from '../../src/index.js';
import { signCompactJws } from '../../src/proof/vc-jwt/compact-jws-encoding.js';
import { waitTimeDraft } from '../support/drafts.js';
import { checkOf, expectChecks } from '../support/expected-fixtures.js';
import { fetchStub } from '../support/fetch-stub.js';
import { decodeJwt } from '../support/jwks-fixtures.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const ISSUER = 'https://district.example/issuer';
const TEACHER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

let key: JwsKeyPair;
let attacker: JwsKeyPair;
let published: PublishedDocument[];
let jwt: string;

beforeAll(async () => {
  [key, attacker] = await Promise.all([generateKey({ algorithm: 'RS256', controller: ISSUER }), generateKey({ algorithm: 'RS256' })]);
  published = publishIssuer({ profile: { id: ISSUER, name: 'Lakeside Unified School District' }, keys: [key], jwks: true, now: NOW });
  jwt = await issueCredentialJwt(waitTimeDraft(ISSUER, { recipient: { id: TEACHER }, validUntil: '2031-01-01T00:00:00Z' }), { key });
});

function served(documents: readonly PublishedDocument[] = published) {
  return fetchStub(new Map(documents.map((d) => [d.url, d.document])));
}

async function verify(token: string, options = {}): Promise<VerificationReport> {
  return verifyCredential(token, { now: NOW, fetch: served().fetch, ...options });
}

/** A token with the given header and payload, signed by `signer` (our key by default). */
async function craft(header: Record<string, unknown>, payloadChanges: Record<string, unknown> = {}, signer = key.signer()): Promise<string> {
  const { payload } = decodeJwt(jwt);
  return signCompactJws({ alg: 'RS256', typ: 'JWT', kid: key.id, ...header }, { ...payload, ...payloadChanges }, signer);
}

describe('the published key', () => {
  it('kid = the key\'s HTTPS verification method: resolved in the issuer\'s profile document', async () => {
    const stub = served();
    const report = await verifyCredential(jwt, { now: NOW, fetch: stub.fetch });
    expectChecks(report, {});
    expect(report).toMatchObject({ verified: true, format: 'jwt', provenIssuer: ISSUER });
    expect(stub.requested).toEqual([ISSUER]);
    expect(checkOf(report, 'proof').message).toMatch(/Its claims iss, jti, sub, nbf, exp match the credential/);
  });

  it('a plain kid, found in the issuer host\'s JWK Set', async () => {
    const token = await signCompactJws({ alg: 'RS256', typ: 'JWT', kid: key.id.split('#')[1] }, decodeJwt(jwt).payload, key.signer());
    const jwks = published.find((d) => d.contentType === 'application/jwk-set+json')!;
    const renamed = { keys: (jwks.document as { keys: object[] }).keys.map((k) => ({ ...k, kid: key.id.split('#')[1] })) };
    const report = await verifyCredential(token, { now: NOW, fetch: fetchStub({ [jwks.url]: renamed }).fetch });
    expect(report.verified).toBe(true);
    expect((checkOf(report, 'proof').details as { proofs: { key: { source: string } }[] }).proofs[0]!.key.source).toBe('jwks');
  });

  it('a key its issuer revoked: KEY_REVOKED', async () => {
    const revoked = publishIssuer({ profile: { id: ISSUER, name: 'Lakeside' }, keys: [{ jwk: key.publicKeyJwk as never, id: key.id, revoked: '2026-05-15T00:00:00Z' }] });
    const report = await verifyCredential(jwt, { now: NOW, fetch: served(revoked).fetch });
    expect(checkOf(report, 'proof')).toMatchObject({ status: 'failed', code: 'KEY_REVOKED' });
    expect(report.verified).toBe(false);
  });

  it('an EnvelopedVerifiableCredential carrying the JWT verifies as the JWT', async () => {
    const report = await verify(envelopeJwt(jwt) as never);
    expect(report).toMatchObject({ verified: true, format: 'jwt' });
  });
});

describe('tokens that must not verify', () => {
  it('alg none (unsecured): JWT_ALGORITHM_UNSUPPORTED, no key fetched', async () => {
    const [, payload] = jwt.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const stub = served();
    const report = await verifyCredential(`${header}.${payload}.`, { now: NOW, fetch: stub.fetch });
    expect(checkOf(report, 'proof')).toMatchObject({ status: 'failed', code: 'JWT_ALGORITHM_UNSUPPORTED' });
    expect(checkOf(report, 'issuer-key').status).toBe('skipped');
    expect(stub.requested).toEqual([]);
  });

  it('HS256 keyed with the issuer\'s public key (the classic alg swap): JWT_ALGORITHM_UNSUPPORTED', async () => {
    const secret = JSON.stringify(exportKey(key));
    const hmac = { id: key.id, algorithm: 'RS256' as const, sign: async (data: Uint8Array) => new Uint8Array(createHmac('sha256', secret).update(data).digest()) };
    const token = await craft({ alg: 'HS256' }, {}, hmac);
    expect(checkOf(await verify(token), 'proof')).toMatchObject({ status: 'failed', code: 'JWT_ALGORITHM_UNSUPPORTED' });
  });

  it('RS256 relabelled ES256: the published RSA key does not fit, VERIFICATION_METHOD_INVALID', async () => {
    const [, payload, signature] = jwt.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: key.id })).toString('base64url');
    expect(checkOf(await verify(`${header}.${payload}.${signature}`), 'proof')).toMatchObject({ status: 'failed', code: 'VERIFICATION_METHOD_INVALID' });
  });

  it('the attacker\'s own key in the header jwk (no kid): not published by the issuer, KEY_NOT_CONTROLLED_BY_ISSUER', async () => {
    const token = await signCompactJws({ alg: 'RS256', typ: 'JWT', jwk: attacker.publicKeyJwk }, decodeJwt(jwt).payload, attacker.signer());
    const report = await verify(token);
    expectChecks(report, { proof: ['failed', 'KEY_NOT_CONTROLLED_BY_ISSUER'], 'issuer-key': ['failed', 'KEY_NOT_CONTROLLED_BY_ISSUER'] });
  });

  it('a kid naming another issuer\'s key (the attacker\'s did:jwk): KEY_NOT_CONTROLLED_BY_ISSUER', async () => {
    const token = await craft({ kid: attacker.id }, {}, attacker.signer());
    expect(checkOf(await verify(token), 'proof')).toMatchObject({ status: 'failed', code: 'KEY_NOT_CONTROLLED_BY_ISSUER' });
  });

  it('the issuer\'s kid but the attacker\'s signature, and a payload changed after signing: PROOF_INVALID', async () => {
    expect(checkOf(await verify(await craft({}, {}, attacker.signer())), 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const changed = Buffer.from(JSON.stringify({ ...decodeJwt(jwt).payload, creditsEarned: 99 })).toString('base64url');
    expect(payload).not.toBe(changed);
    const report = await verify(`${header}.${changed}.${signature}`);
    expect(checkOf(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
    expect(report.verified).toBe(false);
  });

  it.each([
    [{ crit: ['exp'] }, 'JWT_INVALID'],
    [{ typ: 'at+jwt' }, 'JWT_INVALID'],
    [{ kid: 42 }, 'JWT_INVALID'],
    [{ alg: 'RS1' }, 'JWT_ALGORITHM_UNSUPPORTED'],
    // The curve name is not a JOSE alg: EdDSA is.
    [{ alg: 'Ed25519' }, 'JWT_ALGORITHM_UNSUPPORTED'],
  ] as const)('header %j: %s', async (header, code) => {
    expect(checkOf(await verify(await craft(header)), 'proof')).toMatchObject({ status: 'failed', code });
  });
});

describe('claims against the credential', () => {
  it.each([
    ['iss', { iss: 'https://other.example/issuer' }],
    ['jti', { jti: 'urn:uuid:00000000-0000-4000-8000-000000000000' }],
    ['sub', { sub: 'did:example:someone-else' }],
    ['nbf', { nbf: Date.parse('2026-04-01T00:00:00Z') / 1000 }],
    ['exp', { exp: Date.parse('2040-01-01T00:00:00Z') / 1000 }],
    ['nbf', { nbf: '2026-05-01T12:00:00Z' }],
  ])('%s that contradicts the credential: JWT_CLAIM_MISMATCH (signature valid)', async (claim, change) => {
    const report = await verify(await craft({}, change));
    expect(checkOf(report, 'proof')).toMatchObject({ status: 'failed', code: 'JWT_CLAIM_MISMATCH' });
    const rows = (checkOf(report, 'proof').details as { jwt: { claims: { claim: string; status: string }[] } }).jwt.claims;
    expect(rows.filter((r) => r.status === 'mismatch').map((r) => r.claim)).toEqual([claim]);
    expect(checkOf(report, 'issuer-key').status).toBe('passed'); // the key is the issuer's; the claims are wrong
    expect(report.verified).toBe(false);
  });

  it('an exp on a credential that does not expire is a mismatch; a missing exp on one that does is missing', async () => {
    const { payload } = decodeJwt(jwt);
    const { validUntil: _dropped, ...forever } = payload;
    const withExp = await signCompactJws({ alg: 'RS256', typ: 'JWT', kid: key.id }, forever, key.signer());
    expect(checkOf(await verify(withExp), 'proof').code).toBe('JWT_CLAIM_MISMATCH');
    const { exp: _exp, ...noExp } = payload;
    const missing = await signCompactJws({ alg: 'RS256', typ: 'JWT', kid: key.id }, noExp, key.signer());
    expect(checkOf(await verify(missing), 'proof')).toMatchObject({ status: 'failed', code: 'JWT_CLAIM_MISSING' });
    expect(checkOf(await verify(missing, { acceptMissingJwtClaims: true }), 'proof')).toMatchObject({ status: 'warning', code: 'JWT_CLAIM_MISSING' });
  });

  it('nbf and exp are judged in time through validFrom and validUntil they must equal', async () => {
    const early = await verify(jwt, { now: new Date('2026-04-01T00:00:00Z') });
    expect(checkOf(early, 'valid-from')).toMatchObject({ status: 'failed', code: 'NOT_YET_VALID' });
    const late = await verify(jwt, { now: new Date('2032-01-01T00:00:00Z') });
    expect(checkOf(late, 'valid-until')).toMatchObject({ status: 'failed', code: 'EXPIRED' });
  });

  it('a VC 1.1 style token (credential in vc) is read from the vc claim', async () => {
    const { payload } = decodeJwt(jwt);
    const { iss, jti, sub, nbf, exp, ...credential } = payload;
    const token = await signCompactJws({ alg: 'RS256', typ: 'JWT', kid: key.id }, { vc: credential, iss, jti, sub, nbf, exp }, key.signer());
    const report = await verify(token);
    expect(report.verified).toBe(true);
    expect((checkOf(report, 'proof').details as { jwt: { credentialIn: string } }).jwt.credentialIn).toBe('vc');
  });

  it('payloads that are not credentials are parse failures or failed checks, never throws', async () => {
    const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
    const header = b64({ alg: 'RS256' });
    const cases: [string, string][] = [
      [`${b64('not json')}.${b64({})}.c2ln`, 'JWT_INVALID'],
      [`${header}.${b64('[1,2]')}.c2ln`, 'INPUT_NOT_OBJECT'],
      [`${header}.${b64({ vc: 'text' })}.c2ln`, 'JWT_INVALID'],
      [`${header}.${b64({ ['__proto__']: {} })}.c2ln`, 'INPUT_FORBIDDEN_KEY'],
      [`${b64({ alg: 'RS256', ['__proto__']: { polluted: true } })}.${b64({})}.c2ln`, 'JWT_INVALID'],
    ];
    for (const [token, code] of cases) {
      const report = await verifyCredential(token, { now: NOW });
      expect(checkOf(report, 'parse'), token).toMatchObject({ status: 'failed', code });
      expect(report.format).toBe('jwt');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nestedHeader = `${b64({ alg: 'RS256', jwk: { kty: 'RSA', x: { a: { b: { c: 1 } } } } })}.${b64({})}.c2ln`;
    expect(checkOf(await verifyCredential(nestedHeader, { now: NOW }), 'parse').code).toBe('JWT_INVALID');
    const hugeHeader = `${b64({ alg: 'RS256', kid: 'k'.repeat(20_000) })}.${b64({})}.c2ln`;
    expect(checkOf(await verifyCredential(hugeHeader, { now: NOW }), 'parse')).toMatchObject({ code: 'JWT_INVALID', message: expect.stringMatching(/a JOSE header .* fits in 16384/) });
    const deep = `${header}.${b64(`${'['.repeat(100)}${']'.repeat(100)}`)}.c2ln`;
    expect(checkOf(await verifyCredential(deep, { now: NOW }), 'parse').code).toBe('INPUT_TOO_DEEP');
  });
});
