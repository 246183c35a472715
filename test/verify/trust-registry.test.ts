/**
 * Trusted-issuer registries: the JSON format (validated on load with clear errors), signed by the
 * state as a TrustedIssuerRegistryCredential, and verified before use, by obv3 and, as an
 * independent path, by plain @digitalbazaar/vc.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  TRUST_REGISTRY_CONTEXT,
  buildDidDocument,
  generateKey,
  issueCredential,
  loadTrustRegistry,
  signTrustRegistry,
  validateTrustRegistry,
  verifyTrustRegistry,
  type Ed25519KeyPair,
  type TrustRegistry,
  type TrustRegistryVerification,
} from '../../src/index.js';
import { signDocument } from '../../src/proof/index.js';
import { signCompactJws } from '../../src/proof/vc-jwt/compact-jws-encoding.js';
import { deriveClaims } from '../../src/proof/vc-jwt/jwt-claims.js';
import { caughtError } from '../keys/caught-error.js';
import { waitTimeDraft } from '../support/drafts.js';
import { contextsAndDidKeyLoader } from '../support/digitalbazaar-loader.js';
import { fetchStub } from '../support/fetch-stub.js';

type Json = Record<string, any>;

const NOW = new Date('2026-06-01T00:00:00Z');
let state: Ed25519KeyPair;
let registry: TrustRegistry;

beforeAll(async () => {
  state = await generateKey();
  registry = {
    type: 'TrustedIssuerRegistry',
    id: 'https://doe.state.example/registries/micro-credentials',
    name: 'State-approved micro-credential issuers',
    publisher: { id: state.controller, name: 'State Department of Education' },
    issuers: [
      { id: 'did:web:district.example', name: 'Lakeside Unified School District', achievementTypes: ['MicroCredential'], jurisdictions: ['US-OR'], approvedFrom: '2025-08-01T00:00:00Z' },
      { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', name: 'Riverside Teacher Academy' },
    ],
    endorsers: [{ id: state.controller, name: 'State Department of Education' }],
  };
});

function check(result: TrustRegistryVerification, id: string) {
  return result.checks.find((c) => c.id === id);
}

describe('the registry format', () => {
  it('a valid registry loads as a copy, from an object or its JSON text', () => {
    const loaded = loadTrustRegistry(registry);
    expect(loaded).toEqual(registry);
    expect(loaded).not.toBe(registry);
    expect(loadTrustRegistry(JSON.stringify(registry))).toEqual(registry);
    expect(validateTrustRegistry(registry)).toEqual([]);
  });

  it('the copy is deep-frozen: the registry a verification relies on cannot change under it', () => {
    const loaded = loadTrustRegistry(registry) as Json;
    expect(Object.isFrozen(loaded)).toBe(true);
    expect(Object.isFrozen(loaded.issuers[0])).toBe(true);
    expect(() => { loaded.issuers.push({ id: 'did:web:evil.example', name: 'Evil' }); }).toThrow(TypeError);
    expect(Object.isFrozen(registry)).toBe(false);
  });

  it.each([
    ['a misspelt restriction (it would silently widen trust)', (r: Json) => { r.issuers[0].acheivementTypes = r.issuers[0].achievementTypes; delete r.issuers[0].achievementTypes; }, '/issuers/0/acheivementTypes'],
    ['an issuer named by text, not a DID or https URL', (r: Json) => { r.issuers[0].id = 'Lakeside USD'; }, '/issuers/0/id'],
    ['an http:// issuer id', (r: Json) => { r.issuers[0].id = 'http://district.example'; }, '/issuers/0/id'],
    ['an unknown achievement type', (r: Json) => { r.issuers[0].achievementTypes = ['MicroCredentials']; }, '/issuers/0/achievementTypes/0'],
    ['a lower-case jurisdiction', (r: Json) => { r.issuers[0].jurisdictions = ['us-or']; }, '/issuers/0/jurisdictions/0'],
    ['an approval that ends before it starts', (r: Json) => { r.issuers[0].approvedUntil = '2025-01-01T00:00:00Z'; }, '/issuers/0/approvedUntil'],
    ['the same issuer twice', (r: Json) => { r.issuers.push({ ...r.issuers[0], name: 'Again' }); }, '/issuers/2/id'],
    ['no publisher', (r: Json) => { delete r.publisher; }, '/publisher'],
    ['another type', (r: Json) => { r.type = 'Registry'; }, '/type'],
    ['nobody to trust', (r: Json) => { r.issuers = []; delete r.endorsers; }, '/issuers'],
  ])('refuses %s', async (_label, mutate, path) => {
    const broken = structuredClone(registry) as Json;
    mutate(broken);
    expect(validateTrustRegistry(broken).map((p) => p.path)).toContain(path);
    const error = await caughtError(() => loadTrustRegistry(broken));
    expect(error.code).toBe('SCHEMA_INVALID');
    expect(error.problems.map((p) => p.path)).toContain(path);
    expect(error.message).toContain(path);
  });

  it('refuses text that is not JSON, and a signed registry (which must be verified first)', async () => {
    expect((await caughtError(() => loadTrustRegistry('{ issuers: [] }'))).code).toBe('INVALID_ARGUMENT');
    const signed = await signTrustRegistry(registry, { key: state });
    const error = await caughtError(() => loadTrustRegistry(signed));
    expect(error.message).toContain('verifyTrustRegistry');
  });
});

describe('signed registries', () => {
  let signed: Json;

  beforeAll(async () => {
    signed = await signTrustRegistry(registry, { key: state, validFrom: '2026-05-01T00:00:00Z', validUntil: '2027-05-01T00:00:00Z' });
  });

  it('are TrustedIssuerRegistryCredentials of the publisher, with the registry as subject', () => {
    expect(signed).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', TRUST_REGISTRY_CONTEXT],
      type: ['VerifiableCredential', 'TrustedIssuerRegistryCredential'],
      name: registry.name,
      issuer: state.controller,
      validFrom: '2026-05-01T00:00:00Z',
      validUntil: '2027-05-01T00:00:00Z',
      credentialSubject: registry,
    });
    expect(signed.proof).toEqual([expect.objectContaining({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: state.id })]);
  });

  it('verify, and give back the registry, when the publisher is one you accept', async () => {
    const result = await verifyTrustRegistry(signed, { now: NOW, publishers: [state.controller] });
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ['parse', 'passed'], ['context', 'passed'], ['type', 'passed'], ['proof', 'passed'], ['issuer-key', 'passed'],
      ['publisher', 'passed'], ['valid-from', 'passed'], ['valid-until', 'passed'], ['registry', 'passed'],
    ]);
    expect(result.verified).toBe(true);
    expect(result.publisher).toBe(state.controller);
    expect(result.registry).toEqual(registry);
    // The registry it returns is ready for verifyCredential's trust option.
    expect(loadTrustRegistry(result.registry)).toEqual(registry);
    expect(Object.isFrozen(result.registry)).toBe(true);
  });

  it('plain @digitalbazaar/vc verifies the signature too (the context and its @json lists are sound JSON-LD)', async () => {
    const result = await vc.verifyCredential({
      credential: signed,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader: contextsAndDidKeyLoader,
    });
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
  });

  it('member order inside entries does not matter (the lists are signed as canonical JSON)', async () => {
    const reordered = structuredClone(signed);
    reordered.credentialSubject.issuers[0] = Object.fromEntries(Object.entries(reordered.credentialSubject.issuers[0]).reverse());
    expect((await verifyTrustRegistry(reordered, { now: NOW, publishers: state.controller })).verified).toBe(true);
  });

  it.each([
    ['an issuer added', (s: Json) => { s.credentialSubject.issuers.push({ id: 'did:web:evil.example', name: 'Evil' }); }],
    ['a restriction removed', (s: Json) => { delete s.credentialSubject.issuers[0].jurisdictions; }],
    ['a restriction moved to another entry', (s: Json) => { s.credentialSubject.issuers[1].achievementTypes = ['MicroCredential']; delete s.credentialSubject.issuers[0].achievementTypes; }],
    ['an endorser added', (s: Json) => { s.credentialSubject.endorsers.push({ id: 'did:web:evil.example', name: 'Evil' }); }],
  ])('changed after signing (%s) → proof PROOF_INVALID, no registry returned', async (_label, mutate) => {
    const tampered = structuredClone(signed);
    mutate(tampered);
    const result = await verifyTrustRegistry(tampered, { now: NOW, publishers: state.controller });
    expect(check(result, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
    expect(result.verified).toBe(false);
    expect(result.registry).toBeUndefined();
  });

  it('from a publisher you do not accept → publisher ISSUER_NOT_TRUSTED', async () => {
    const result = await verifyTrustRegistry(signed, { now: NOW, publishers: 'did:web:doe.other-state.example' });
    expect(check(result, 'publisher')).toMatchObject({ status: 'failed', code: 'ISSUER_NOT_TRUSTED' });
    expect(result.verified).toBe(false);
  });

  it('signed by someone other than the publisher it names → refused when signing, and failed when verifying', async () => {
    const other = await generateKey();
    expect((await caughtError(() => signTrustRegistry(registry, { key: other }))).message).toContain("registry's publisher is");
    const { proof: _proof, ...unsigned } = structuredClone(signed);
    const forged = await signDocument({ ...unsigned, issuer: other.controller }, { signer: other.signer() });
    const result = await verifyTrustRegistry(forged, { now: NOW, publishers: [state.controller, other.controller] });
    expect(check(result, 'publisher')).toMatchObject({ status: 'failed', code: 'ISSUER_NOT_TRUSTED' });
    expect(check(result, 'publisher')?.message).toContain('names its publisher');
  });

  it('expired → valid-until EXPIRED: publish a new registry before then', async () => {
    const result = await verifyTrustRegistry(signed, { now: new Date('2027-06-01T00:00:00Z'), publishers: state.controller });
    expect(check(result, 'valid-until')).toMatchObject({ status: 'failed', code: 'EXPIRED' });
    expect(result.verified).toBe(false);
  });

  it('a did:web publisher is resolved through fetch, and the fetch is reported', async () => {
    const did = 'did:web:doe.state.example';
    const key = await generateKey({ controller: did });
    const webRegistry = { ...registry, publisher: { id: did, name: 'State DOE' } };
    const webSigned = await signTrustRegistry(webRegistry, { key });
    const url = 'https://doe.state.example/.well-known/did.json';
    const result = await verifyTrustRegistry(webSigned, { now: new Date(), publishers: did, fetch: fetchStub({ [url]: buildDidDocument({ id: did, keys: [key] }) }).fetch });
    expect(result.verified).toBe(true);
    expect(result.fetched).toMatchObject([{ url, status: 200 }]);
  });

  it('an invalid registry, even correctly signed → registry SCHEMA_INVALID', async () => {
    const { proof: _proof, ...unsigned } = structuredClone(signed);
    const bad = await signDocument({ ...unsigned, credentialSubject: { ...registry, issuers: [{ id: 'Lakeside', name: 'x' }] } }, { signer: state.signer() });
    const result = await verifyTrustRegistry(bad, { now: NOW, publishers: state.controller });
    expect(check(result, 'proof')?.status).toBe('passed');
    expect(check(result, 'registry')).toMatchObject({ status: 'failed', code: 'SCHEMA_INVALID' });
    expect(result.verified).toBe(false);
  });

  it('a badge is not a registry: context and type fail', async () => {
    const badge = await issueCredential(waitTimeDraft(state.controller), { key: state });
    const result = await verifyTrustRegistry(badge, { now: NOW, publishers: state.controller });
    expect(check(result, 'context')).toMatchObject({ status: 'failed', code: 'CONTEXT_MISSING' });
    expect(check(result, 'type')).toMatchObject({ status: 'failed', code: 'TYPE_INVALID' });
    expect(result.verified).toBe(false);
  });

  it('a registry sent as a VC-JWT is verified by its JWS, like a VC-JWT credential', async () => {
    const jwtKey = await generateKey({ algorithm: 'ES256' });
    const { proof: _proof, ...unsigned } = structuredClone(signed);
    const credential = { ...unsigned, issuer: jwtKey.controller, credentialSubject: { ...registry, publisher: { id: jwtKey.controller, name: 'State DOE' } } };
    const token = await signCompactJws({ alg: 'ES256', typ: 'JWT', kid: jwtKey.id }, { ...credential, ...deriveClaims(credential).claims }, jwtKey.signer());
    const result = await verifyTrustRegistry(token, { now: NOW, publishers: jwtKey.controller });
    expect(check(result, 'proof')).toMatchObject({ status: 'passed', message: expect.stringMatching(/^JWT signature \(ES256\) valid/) });
    expect(result.verified).toBe(true);
    expect(result.publisher).toBe(jwtKey.controller);
    expect(result.registry).toEqual(credential.credentialSubject);

    const [header, payload] = token.split('.') as [string, string];
    const forged = await verifyTrustRegistry(`${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`, { now: NOW, publishers: jwtKey.controller });
    expect(check(forged, 'proof')?.status).toBe('failed');
    expect(forged.registry).toBeUndefined();
  });

  it('bad input is a failed parse, never an exception; missing publishers is misuse', async () => {
    const result = await verifyTrustRegistry('not json', { now: NOW, publishers: state.controller });
    expect(result.checks).toEqual([expect.objectContaining({ id: 'parse', status: 'failed', code: 'INPUT_NOT_JSON' })]);
    expect(result.verified).toBe(false);
    expect((await caughtError(() => verifyTrustRegistry(signed, { now: NOW } as never))).code).toBe('INVALID_ARGUMENT');
    expect((await caughtError(() => verifyTrustRegistry(signed, { now: NOW, publishers: [] }))).code).toBe('INVALID_ARGUMENT');
  });
});
