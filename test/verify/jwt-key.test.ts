/**
 * resolveJwtKey: the key a VC-JWT's signature must be checked with, as the issuer publishes it.
 * The spec's JWT examples resolve (and then verify with node:crypto) only when their issuer
 * publishes the header's key; every other way to smuggle a key in is refused with its code.
 */
import { createVerify, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDidDocument, didJwkFromJwk, exportKey, generateKey, type Ed25519KeyPair } from '../../src/index.js';
import { encodeMulticodecKey } from '../../src/keys/multicodec-key.js';
import { jwksUrl } from '../../src/keys/jwks-url.js';
import { createFetcher } from '../../src/verify/fetcher.js';
import { resolveJwtKey, type JwtKeyRequest, type JwtKeyResolution } from '../../src/verify/resolve/jwt-key.js';
import { loadObFixtures } from '../support/expected-fixtures.js';
import { fetchStub, type FetchStub } from '../support/fetch-stub.js';
import { hasSharedSpec } from '../support/shared-spec.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const DID = 'did:web:district.example';
const DID_URL = 'https://district.example/.well-known/did.json';
const JWKS_URL = 'https://district.example/.well-known/jwks.json';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsaJwk = rsa.publicKey.export({ format: 'jwk' }) as Record<string, string>;
const otherRsaJwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }) as Record<string, string>;
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p256Jwk = p256.publicKey.export({ format: 'jwk' }) as Record<string, string>;

let stub: FetchStub;
async function resolve(served: Record<string, unknown>, request: Partial<JwtKeyRequest>): Promise<JwtKeyResolution> {
  stub = fetchStub(served);
  const fetcher = createFetcher(stub.fetch, { maxFetches: 16, maxFetchBytes: 1 << 20, fetchTimeoutMs: 5000 });
  return resolveJwtKey({ issuer: DID, now: NOW, ...request }, fetcher);
}

function failure(result: JwtKeyResolution) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.keys)}`);
  return { status: result.status, code: result.code };
}

describe('kid is a DID URL or an HTTPS URL', () => {
  const didDocument = () => buildDidDocument({
    id: DID,
    keys: [
      { id: `${DID}#rsa-1`, jwk: rsaJwk as never },
      { id: `${DID}#ec-1`, jwk: p256Jwk as never },
      { id: `${DID}#rsa-old`, jwk: otherRsaJwk as never, expires: '2026-05-15T00:00:00Z' },
      { id: `${DID}#rsa-leaked`, jwk: otherRsaJwk as never, revoked: '2026-05-15T00:00:00Z' },
    ],
  });

  it('resolves the published key of the did:web issuer, with where it came from', async () => {
    const result = await resolve({ [DID_URL]: didDocument() }, { kid: `${DID}#rsa-1`, alg: 'RS256' });
    expect(result).toEqual({
      ok: true,
      keys: [{ jwk: { kty: 'RSA', n: rsaJwk.n, e: rsaJwk.e }, keyId: `${DID}#rsa-1`, controller: DID, source: 'verification-method', url: DID_URL }],
    });
    expect(stub.requested).toEqual([DID_URL]);
  });

  it('a P-256 key published as a Multikey comes back as an EC JWK', async () => {
    const issuer = 'https://lakeside.example.org/issuer';
    const compressedPoint = Buffer.concat([Buffer.from([Buffer.from(p256Jwk.y!, 'base64url')[31]! % 2 === 0 ? 2 : 3]), Buffer.from(p256Jwk.x!, 'base64url')]);
    const document = {
      id: issuer,
      verificationMethod: [{ id: `${issuer}#ec`, type: 'Multikey', controller: issuer, publicKeyMultibase: encodeMulticodecKey([0x80, 0x24], compressedPoint) }],
      assertionMethod: [`${issuer}#ec`],
    };
    const result = await resolve({ [issuer]: document }, { issuer, kid: `${issuer}#ec`, alg: 'ES256' });
    expect(result.ok && result.keys[0]!.jwk).toEqual({ kty: 'EC', crv: 'P-256', x: p256Jwk.x, y: p256Jwk.y });
  });

  it.each([
    ['an alg of another key type', { kid: `${DID}#ec-1`, alg: 'RS256' }, 'failed', 'VERIFICATION_METHOD_INVALID'],
    ['an unsupported alg', { kid: `${DID}#rsa-1`, alg: 'HS256' }, 'failed', 'VERIFICATION_METHOD_INVALID'],
    ['a kid the document does not list', { kid: `${DID}#nope`, alg: 'RS256' }, 'failed', 'KEY_NOT_CONTROLLED_BY_ISSUER'],
    ['a key of another issuer', { issuer: 'https://other.example/issuer', kid: `${DID}#rsa-1`, alg: 'RS256' }, 'failed', 'KEY_NOT_CONTROLLED_BY_ISSUER'],
    ['a header jwk that is not the kid\'s key', { kid: `${DID}#rsa-1`, alg: 'RS256', jwk: otherRsaJwk }, 'failed', 'KEY_NOT_CONTROLLED_BY_ISSUER'],
    ['a header jwk with a private key', { kid: `${DID}#rsa-1`, alg: 'RS256', jwk: rsa.privateKey.export({ format: 'jwk' }) }, 'failed', 'VERIFICATION_METHOD_INVALID'],
    ['a revoked key', { kid: `${DID}#rsa-leaked`, alg: 'RS256', signedAt: new Date('2026-05-01T00:00:00Z') }, 'failed', 'KEY_REVOKED'],
    ['an expired key used after its expiry', { kid: `${DID}#rsa-old`, alg: 'RS256', signedAt: new Date('2026-05-20T00:00:00Z') }, 'failed', 'KEY_EXPIRED'],
    ['an expired key with no signing time', { kid: `${DID}#rsa-old`, alg: 'RS256' }, 'failed', 'KEY_EXPIRED'],
    ['an unsupported DID method', { kid: 'did:velocity:v2:0x4ade#key-1', alg: 'RS256' }, 'indeterminate', 'VERIFICATION_METHOD_UNRESOLVABLE'],
    ['an http:// kid', { kid: 'http://district.example/keys/1', alg: 'RS256' }, 'failed', 'VERIFICATION_METHOD_UNRESOLVABLE'],
  ] as const)('refuses %s', async (_label, request, status, code) => {
    const result = await resolve({ [DID_URL]: didDocument() }, request as Partial<JwtKeyRequest>);
    expect(failure(result)).toEqual({ status, code });
  });

  it('an expired key still resolves for a JWT signed before its expiry, and says so', async () => {
    const result = await resolve({ [DID_URL]: didDocument() }, { kid: `${DID}#rsa-old`, alg: 'RS256', signedAt: new Date('2026-05-01T00:00:00Z') });
    expect(result.ok && result.keys[0]!.note).toContain('retired at 2026-05-15T00:00:00Z');
  });

  it('a key listed but not under assertionMethod → KEY_NOT_AUTHORIZED', async () => {
    const document = { ...didDocument(), assertionMethod: [] };
    expect(failure(await resolve({ [DID_URL]: document }, { kid: `${DID}#rsa-1`, alg: 'RS256' }))).toEqual({ status: 'failed', code: 'KEY_NOT_AUTHORIZED' });
  });
});

describe('no key URL: the issuer domain\'s /.well-known/jwks.json', () => {
  const jwks = (...keys: object[]) => ({ [JWKS_URL]: { keys } });

  it('the header jwk is accepted only as the published copy of the same key', async () => {
    const published = { ...rsaJwk, kid: 'rsa-2026', alg: 'RS256', use: 'sig' };
    const result = await resolve(jwks(published), { jwk: { ...rsaJwk, kid: 'whatever' }, alg: 'RS256' });
    expect(result).toEqual({
      ok: true,
      keys: [{ jwk: { kty: 'RSA', n: rsaJwk.n, e: rsaJwk.e, kid: 'rsa-2026', alg: 'RS256', use: 'sig' }, keyId: 'rsa-2026', controller: DID, source: 'jwks', url: JWKS_URL }],
    });
    expect(stub.requested).toEqual([JWKS_URL]);
  });

  it('a plain kid picks its key from the set', async () => {
    const result = await resolve(jwks({ ...otherRsaJwk, kid: 'a' }, { ...rsaJwk, kid: 'b' }), { kid: 'b', alg: 'RS256' });
    expect(result.ok && result.keys.map((k) => k.jwk.n)).toEqual([rsaJwk.n]);
  });

  it('neither kid nor jwk: every published key of the algorithm\'s type is a candidate', async () => {
    const result = await resolve(jwks(rsaJwk, p256Jwk, otherRsaJwk), { alg: 'RS256' });
    expect(result.ok && result.keys.map((k) => k.jwk.n)).toEqual([rsaJwk.n, otherRsaJwk.n]);
  });

  it('keys whose "iss" names another issuer on the same host are never used', async () => {
    const shared = jwks({ ...rsaJwk, iss: 'did:web:district.example:other-school' });
    const result = await resolve(shared, { jwk: rsaJwk, alg: 'RS256' });
    expect(failure(result)).toEqual({ status: 'failed', code: 'KEY_NOT_CONTROLLED_BY_ISSUER' });
    expect(result.ok ? '' : result.message).toContain('published for other issuers');
    const own = await resolve(jwks({ ...rsaJwk, iss: DID }), { jwk: rsaJwk, alg: 'RS256' });
    expect(own.ok).toBe(true);
  });

  it('unusable entries (a leaked private key, another type) are skipped, the rest still count', async () => {
    const result = await resolve(jwks(rsa.privateKey.export({ format: 'jwk' }), { kty: 'oct', k: 'c2VjcmV0' }, rsaJwk), { alg: 'RS256' });
    expect(result.ok && result.keys).toHaveLength(1);
  });

  it.each([
    ['the header jwk is not published', () => jwks(otherRsaJwk), { jwk: rsaJwk, alg: 'RS256' }, 'failed', 'KEY_NOT_CONTROLLED_BY_ISSUER'],
    ['a kid the set does not have', () => jwks({ ...rsaJwk, kid: 'a' }), { kid: 'b', alg: 'RS256' }, 'failed', 'KEY_NOT_CONTROLLED_BY_ISSUER'],
    ['the set holds no key of the algorithm\'s type', () => jwks(p256Jwk), { alg: 'RS256' }, 'failed', 'KEY_NOT_CONTROLLED_BY_ISSUER'],
    ['a key whose alg is another', () => jwks({ ...rsaJwk, alg: 'PS256' }), { jwk: rsaJwk, alg: 'RS256' }, 'failed', 'KEY_NOT_CONTROLLED_BY_ISSUER'],
    ['no JWK Set (404)', () => ({}), { jwk: rsaJwk, alg: 'RS256' }, 'failed', 'VERIFICATION_METHOD_UNRESOLVABLE'],
    ['not a JWK Set', () => ({ [JWKS_URL]: { keys: 'none' } }), { jwk: rsaJwk, alg: 'RS256' }, 'failed', 'VERIFICATION_METHOD_INVALID'],
    ['an issuer that publishes nothing', () => ({}), { issuer: 'urn:uuid:6f0b3c1e-8a5d-4c2b-9e7f-1a2b3c4d5e6f', jwk: rsaJwk, alg: 'RS256' }, 'failed', 'KEY_NOT_CONTROLLED_BY_ISSUER'],
  ] as const)('refuses when %s', async (_label, served, request, status, code) => {
    expect(failure(await resolve(served(), request as Partial<JwtKeyRequest>))).toEqual({ status, code });
  });

  it('the network is down → indeterminate', async () => {
    const fetcher = createFetcher(async () => { throw new TypeError('ENOTFOUND'); }, { maxFetches: 4, maxFetchBytes: 1 << 20, fetchTimeoutMs: 5000 });
    const result = await resolveJwtKey({ issuer: DID, jwk: rsaJwk, alg: 'RS256', now: NOW }, fetcher);
    expect(failure(result)).toEqual({ status: 'indeterminate', code: 'VERIFICATION_METHOD_UNRESOLVABLE' });
  });
});

describe('did:key and did:jwk issuers: the DID is the key', () => {
  let key: Ed25519KeyPair;
  beforeAll(async () => {
    key = await generateKey();
  });

  it('a did:key issuer: EdDSA with the matching header jwk, nothing fetched', async () => {
    const jwk = exportKey(key, { format: 'jwk' });
    const result = await resolve({}, { issuer: key.controller, alg: 'EdDSA', jwk });
    expect(result.ok && result.keys[0]).toMatchObject({ keyId: key.id, controller: key.controller, source: 'did', jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x } });
    expect(stub.requested).toEqual([]);
    const other = exportKey(await generateKey(), { format: 'jwk' });
    expect(failure(await resolve({}, { issuer: key.controller, alg: 'EdDSA', jwk: other }))).toEqual({ status: 'failed', code: 'KEY_NOT_CONTROLLED_BY_ISSUER' });
    expect(failure(await resolve({}, { issuer: key.controller, alg: 'RS256' }))).toEqual({ status: 'failed', code: 'VERIFICATION_METHOD_INVALID' });
  });

  it('a did:jwk issuer with a P-256 key; a kid naming another fragment is refused', async () => {
    const did = didJwkFromJwk(p256Jwk as never);
    const result = await resolve({}, { issuer: did, alg: 'ES256', kid: '#0' });
    expect(result.ok && result.keys[0]!.jwk).toEqual({ kty: 'EC', crv: 'P-256', x: p256Jwk.x, y: p256Jwk.y });
    expect(failure(await resolve({}, { issuer: did, alg: 'ES256', kid: 'key-2' }))).toEqual({ status: 'failed', code: 'KEY_NOT_CONTROLLED_BY_ISSUER' });
  });
});

describe.skipIf(!hasSharedSpec)('the OB 3.0 spec\'s JWT examples (header jwk, RS256)', () => {
  const jwts = loadObFixtures().filter((f) => f.file.startsWith('examples/') && f.file.endsWith('.jwt'));

  function parts(text: string) {
    const [header, payload, signature] = text.trim().split('.') as [string, string, string];
    return {
      header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg: string; jwk: JsonWebKey },
      payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss: string },
      signingInput: `${header}.${payload}`,
      signature: Buffer.from(signature, 'base64url'),
    };
  }

  it('there are 8 of them', () => {
    expect(jwts).toHaveLength(8);
  });

  it.each(jwts.map((f) => [f.file, f.text] as const))('%s: resolved only when the issuer publishes the header key, and that key verifies it', async (_file, text) => {
    const { header, payload, signingInput, signature } = parts(text);
    const request = { issuer: payload.iss, jwk: header.jwk, alg: header.alg };
    const served = await resolve({ [jwksUrl(payload.iss)]: { keys: [header.jwk] } }, request);
    if (!served.ok) throw new Error(served.message);
    const verifier = createVerify('RSA-SHA256').update(signingInput);
    expect(verifier.verify({ key: served.keys[0]!.jwk as JsonWebKey, format: 'jwk' }, signature)).toBe(true);
    expect(failure(await resolve({}, request))).toEqual({ status: 'failed', code: 'VERIFICATION_METHOD_UNRESOLVABLE' });
    expect(failure(await resolve({ [jwksUrl(payload.iss)]: { keys: [otherRsaJwk] } }, request))).toEqual({ status: 'failed', code: 'KEY_NOT_CONTROLLED_BY_ISSUER' });
  });
});
