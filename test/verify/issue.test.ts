/**
 * issueCredential / signCredential refuse, with a stable code and a useful message, anything a
 * verifier would reject; and what they do produce has the shape the official schema wants.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  OB_CONTEXT,
  Obv3Error,
  VC_V2_CONTEXT,
  buildCredential,
  generateKey,
  issueCredential,
  signCredential,
  verifyCredential,
  type CredentialDraft,
  type Ed25519KeyPair,
  type Signer,
} from '../../src/index.js';
import { withoutFastPath } from '../../src/proof/fast/enabled.js';
import { waitTimeDraft } from '../support/drafts.js';

type Json = Record<string, any>;

const NOW = new Date('2026-06-01T00:00:00Z');
const ED25519_2020_CONTEXT = 'https://w3id.org/security/suites/ed25519-2020/v1';
const WHOLE_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

async function rejection(promise: Promise<unknown>): Promise<Obv3Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(Obv3Error);
  return outcome as Obv3Error;
}

let key: Ed25519KeyPair;

beforeAll(async () => {
  key = await generateKey();
});

describe('issueCredential refuses', () => {
  it('a key whose controller is not the issuer: INVALID_ARGUMENT naming both ids', async () => {
    const other = await generateKey();
    const error = await rejection(issueCredential(waitTimeDraft(key.controller), { key: other }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain(other.controller);
    expect(error.message).toContain(key.controller);
  });

  it('an https key for a did:key issuer (same key material, other controller)', async () => {
    const httpsKey = await generateKey({ controller: 'https://district.example/issuer' });
    const error = await rejection(issueCredential(waitTimeDraft(key.controller), { key: httpsKey }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('https://district.example/issuer');
  });

  it('a draft the builder cannot turn into an OB 3.0 credential: SCHEMA_INVALID with problem paths', async () => {
    const draft = waitTimeDraft(key.controller) as Json;
    delete draft.achievement.criteria;
    const error = await rejection(issueCredential(draft as CredentialDraft, { key }));
    expect(error.code).toBe('SCHEMA_INVALID');
    expect(error.problems.map((p) => p.path)).toContain('/achievement/criteria');
  });

  it('a negative creditsEarned: SCHEMA_INVALID at /creditsEarned', async () => {
    const error = await rejection(issueCredential(waitTimeDraft(key.controller, { creditsEarned: -5 }), { key }));
    expect(error.code).toBe('SCHEMA_INVALID');
    expect(error.problems).toContainEqual(expect.objectContaining({ path: '/creditsEarned' }));
  });

  it('a built credential that fails the issue schema (signCredential): SCHEMA_INVALID listing every problem', async () => {
    const credential = buildCredential(waitTimeDraft(key.controller)) as Json;
    delete credential.validFrom;
    credential.credentialSubject = { ...credential.credentialSubject, type: 'AchievementSubject' };
    const error = await rejection(signCredential(credential, { key }));
    expect(error.code).toBe('SCHEMA_INVALID');
    expect(error.problems.length).toBeGreaterThanOrEqual(2);
    for (const problem of error.problems) {
      expect(problem.path.startsWith('/')).toBe(true);
      expect(problem.message.length).toBeGreaterThan(0);
    }
    expect(error.problems.map((p) => p.path).sort()).toEqual(['/credentialSubject/type', '/validFrom']);
  });

  it('an undefined JSON-LD term (top-level "fooBar"): JSONLD_INVALID, never signed around', async () => {
    const credential = { ...buildCredential(waitTimeDraft(key.controller)), fooBar: 1 };
    const error = await rejection(signCredential(credential, { key }));
    expect(error.code).toBe('JSONLD_INVALID');
  });

  it('an undefined JSON-LD term nested in the subject: JSONLD_INVALID', async () => {
    const built = buildCredential(waitTimeDraft(key.controller)) as Json;
    const credential = { ...built, credentialSubject: { ...built.credentialSubject, fooBar: 1 } };
    const error = await rejection(signCredential(credential, { key }));
    expect(error.code).toBe('JSONLD_INVALID');
  });

  it('the JSONLD_INVALID message names the undefined term, so the issuer can fix it', async () => {
    const credential = { ...buildCredential(waitTimeDraft(key.controller)), fooBar: 1 };
    const error = await rejection(signCredential(credential, { key }));
    expect(error.message).toContain('fooBar');
  });

  it('a context URL that is not bundled: CONTEXT_UNKNOWN', async () => {
    const draft = waitTimeDraft(key.controller, { extraContexts: ['https://example.org/unknown-context.json'] });
    const error = await rejection(issueCredential(draft, { key }));
    expect(error.code).toBe('CONTEXT_UNKNOWN');
    expect(error.message).toContain('https://example.org/unknown-context.json');
  });

  it('a signer with algorithm P-256: INVALID_ARGUMENT, and the signer is never called', async () => {
    let called = false;
    const signer = { id: key.id, algorithm: 'P-256', sign: async () => { called = true; return new Uint8Array(64); } };
    const error = await rejection(issueCredential(waitTimeDraft(key.controller), { key: signer as unknown as Signer }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('P-256');
    expect(called).toBe(false);
  });

  it.each(['RS256', 'ES256'] as const)('an %s key pair (for VC-JWTs): INVALID_ARGUMENT pointing to issueCredentialJwt', async (algorithm) => {
    const jwtKey = await generateKey({ algorithm });
    const draft = waitTimeDraft(jwtKey.controller);
    for (const attempt of [issueCredential(draft, { key: jwtKey as never }), signCredential(buildCredential(draft), { key: jwtKey as never })]) {
      const error = await rejection(attempt);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toContain(`"${algorithm}"`);
      expect(error.message).toContain('issueCredentialJwt');
    }
  });

  it.each([
    ['no key', undefined],
    ['a string', 'did:key:z6Mk'],
    ['an object without sign', { id: 'did:key:z6Mk#z6Mk', algorithm: 'Ed25519' }],
  ])('options.key is %s: INVALID_ARGUMENT', async (_name, value) => {
    const error = await rejection(issueCredential(waitTimeDraft(key.controller), { key: value as unknown as Signer }));
    expect(error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('a KMS-style signer', () => {
  it('{ id, algorithm: "Ed25519", sign } wrapping a key issues a credential that verifies', async () => {
    const calls: Uint8Array[] = [];
    const inner = key.signer();
    const kms: Signer = {
      id: key.id,
      algorithm: 'Ed25519',
      async sign(data) {
        calls.push(data);
        return inner.sign(data);
      },
    };
    const credential = await issueCredential(waitTimeDraft(key.controller), { key: kms });
    expect(calls).toHaveLength(1);
    expect(credential.proof[0]).toMatchObject({ verificationMethod: key.id });
    const report = await verifyCredential(credential, { now: NOW });
    expect(report.verified).toBe(true);
  });

  it('a signer that fails: the error is reported, not swallowed', async () => {
    const broken: Signer = { id: key.id, algorithm: 'Ed25519', sign: async () => { throw new Error('HSM offline'); } };
    const error = await issueCredential(waitTimeDraft(key.controller), { key: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toMatch(/HSM offline/);
  });
});

describe('a signer that returns something other than a 64-byte Uint8Array', () => {
  const returns: [string, (signature: Uint8Array) => unknown][] = [
    ['an ArrayBuffer', (signature) => signature.slice().buffer],
    ['no bytes', () => new Uint8Array(0)],
    ['32 bytes', () => new Uint8Array(32)],
    ['65 bytes', (signature) => Uint8Array.from([...signature, 0])],
    ['nothing', () => undefined],
  ];
  it.each(returns)('%s: SIGNING_FAILED on the fast path and on the suites\' path alike', async (_name, wrong) => {
    const inner = key.signer();
    const kms = { id: key.id, algorithm: 'Ed25519', sign: async (data: Uint8Array) => wrong(await inner.sign(data)) } as Signer;
    for (const run of [<T>(work: () => Promise<T>) => work(), withoutFastPath]) {
      const error = await rejection(run(() => issueCredential(waitTimeDraft(key.controller), { key: kms })));
      expect(error.code).toBe('SIGNING_FAILED');
      expect(error.message).toContain('64-byte Ed25519 signature');
    }
  });
});

describe('what issueCredential produces', () => {
  it('proof is an array of one DataIntegrityProof eddsa-rdfc-2022 for assertionMethod', async () => {
    const credential = (await issueCredential(waitTimeDraft(key.controller), { key })) as Json;
    expect(Array.isArray(credential.proof)).toBe(true);
    expect(credential.proof).toHaveLength(1);
    expect(credential.proof[0]).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
      verificationMethod: key.id,
    });
    expect(credential.proof[0].proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]+$/);
    expect(credential['@context']).toEqual([VC_V2_CONTEXT, OB_CONTEXT]);
  });

  it('timestamps are whole seconds (validFrom, default created)', async () => {
    const credential = (await issueCredential(waitTimeDraft(key.controller, { validFrom: '2026-05-01T12:00:00.456Z' }), { key })) as Json;
    expect(credential.validFrom).toMatch(WHOLE_SECONDS);
    expect(credential.proof[0].created).toMatch(WHOLE_SECONDS);
    const undated = waitTimeDraft(key.controller) as Json;
    delete undated.validFrom;
    const defaulted = (await issueCredential(undated as CredentialDraft, { key })) as Json;
    expect(defaulted.validFrom).toMatch(WHOLE_SECONDS);
  });

  it('the created option is honoured (to the second)', async () => {
    const credential = (await issueCredential(waitTimeDraft(key.controller), { key, created: new Date('2026-05-01T12:00:00.789Z') })) as Json;
    expect(credential.proof[0].created).toBe('2026-05-01T12:00:00Z');
    const report = await verifyCredential(credential, { now: NOW });
    expect(report.verified).toBe(true);
  });

  it('a draft without validFrom is valid from the created instant, as endorsements and CLRs are', async () => {
    const undated = waitTimeDraft(key.controller) as Json;
    delete undated.validFrom;
    const credential = (await issueCredential(undated as CredentialDraft, { key, created: new Date('2026-04-02T08:30:00.250Z') })) as Json;
    expect(credential.validFrom).toBe('2026-04-02T08:30:00Z');
    expect(credential.proof[0].created).toBe('2026-04-02T08:30:00Z');
  });

  it('Ed25519Signature2020 adds its context at the end and verifies', async () => {
    const credential = (await issueCredential(waitTimeDraft(key.controller), { key, proofFormat: 'Ed25519Signature2020' })) as Json;
    expect(credential['@context']).toEqual([VC_V2_CONTEXT, OB_CONTEXT, ED25519_2020_CONTEXT]);
    expect(credential.proof).toHaveLength(1);
    expect(credential.proof[0]).toMatchObject({ type: 'Ed25519Signature2020', verificationMethod: key.id, proofPurpose: 'assertionMethod' });
    expect(credential.proof[0].cryptosuite).toBeUndefined();
    expect(credential.proof[0].created).toMatch(WHOLE_SECONDS);
    const report = await verifyCredential(credential, { now: NOW });
    expect(report.verified).toBe(true);
  });

  it('the input draft (and the built credential given to signCredential) is not mutated', async () => {
    const draft = waitTimeDraft(key.controller, { extraContexts: [] });
    const before = structuredClone(draft);
    await issueCredential(draft, { key, proofFormat: 'Ed25519Signature2020' });
    expect(draft).toEqual(before);

    const built = buildCredential(waitTimeDraft(key.controller));
    const builtBefore = structuredClone(built);
    const signed = await signCredential(built, { key, proofFormat: 'Ed25519Signature2020' });
    expect(built).toEqual(builtBefore);
    expect((built as Json).proof).toBeUndefined();
    expect(signed).not.toBe(built);
  });

  it('two credentials from the same draft get different ids and verify independently', async () => {
    const draft = waitTimeDraft(key.controller);
    const first = (await issueCredential(draft, { key })) as Json;
    const second = (await issueCredential(draft, { key })) as Json;
    expect(first.id).toMatch(/^urn:uuid:/);
    expect(first.id).not.toBe(second.id);
    // A proof moved from one to the other does not verify.
    const swapped = { ...second, proof: first.proof };
    const report = await verifyCredential(swapped, { now: NOW });
    expect(report.verified).toBe(false);
  });
});
