/**
 * CLR 2.0: issueClr bundles signed credentials unchanged (each still verifies on its own), the
 * outer proof verifies with plain @digitalbazaar/vc, and verifyCredential reports the outer
 * credential and each embedded one, within the nesting and count limits.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { digitalBazaarVerifies } from '../support/digitalbazaar.js';
import reportSchema from '../../schemas/verification-report-v1.schema.json';
import {
  CLR_CONTEXT,
  OB_CONTEXT,
  STACK_CONTEXT,
  VC_V2_CONTEXT,
  awardStack,
  buildClr,
  formatReport,
  generateKey,
  isObv3Error,
  issueClr,
  issueCredentialJwt,
  signCredential,
  validateAgainstSchema,
  verifyCredential,
  type ClrDraft,
  type Ed25519KeyPair,
  type VerificationReport,
} from '../../src/index.js';
import { signDocument } from '../../src/proof/index.js';
import { waitTimeDraft } from '../support/drafts.js';
import { NOW, TEACHER, award, completeSet, coreStack, makeIssuers, CORE, type Issuers } from '../support/stacks.js';

let issuers: Issuers;
let state: Ed25519KeyPair;
let components: Awaited<ReturnType<typeof completeSet>>;
const stack = coreStack();

beforeAll(async () => {
  issuers = await makeIssuers();
  state = await generateKey();
  components = await completeSet(issuers);
});

function draft(overrides: Partial<ClrDraft> = {}): ClrDraft {
  return {
    name: 'Maria Lopez: teacher-leader record',
    issuer: { id: issuers.district.controller, name: 'Lakeside Unified School District' },
    learner: { email: TEACHER },
    credentials: components,
    stacks: [stack],
    validFrom: '2026-05-20T00:00:00Z',
    ...overrides,
  };
}

function check(report: Pick<VerificationReport, 'checks'>, id: string) {
  return report.checks.find((c) => c.id === id)!;
}

describe('buildClr and issueClr', () => {
  it('writes the CLR contexts, the learner, the credentials unchanged, the stack achievements and associations', () => {
    const clr = buildClr(draft());
    expect(clr['@context']).toEqual([VC_V2_CONTEXT, CLR_CONTEXT, OB_CONTEXT, STACK_CONTEXT]);
    expect(clr.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(clr.credentialSubject.type).toEqual(['ClrSubject']);
    expect(clr.credentialSubject.identifier?.[0]).toMatchObject({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true });
    expect(clr.credentialSubject.verifiableCredential).toEqual(components);
    expect(clr.credentialSubject.verifiableCredential[0]).not.toBe(components[0]);
    expect(clr.credentialSubject.achievement?.map((a) => a.id)).toEqual([stack.achievement.id, ...stack.components.map((c) => c.id)]);
    expect(clr.credentialSubject.association).toEqual(stack.associations);
  });

  it('signs a CLR that verifies, and whose outer proof plain @digitalbazaar/vc accepts', async () => {
    const clr = await issueClr(draft(), { key: issuers.district });
    const report = await verifyCredential(clr, { now: NOW });
    expect(report.verified).toBe(true);
    expect(check(report, 'credentials')).toMatchObject({ status: 'passed', message: 'All 5 embedded credentials are verified.' });
    expect(report.embeddedCredentials?.map((e) => [e.path, e.verified])).toEqual(components.map((_, i) => [`/credentialSubject/verifiableCredential/${i}`, true]));
    expect(validateAgainstSchema(JSON.parse(JSON.stringify(report)), reportSchema)).toEqual([]);

    expect(await digitalBazaarVerifies(clr)).toBe(true);
    expect(await digitalBazaarVerifies({ ...clr, name: 'Another record' })).toBe(false);
  });

  it('bundles a stack credential with its components; the embedded credentials still verify on their own', async () => {
    const { credential: teacherLeader } = await awardStack(stack, components, {
      issuer: { id: issuers.district.controller, name: 'Lakeside' },
      key: issuers.district,
      recipient: { email: TEACHER },
      verify: { now: NOW },
      credential: { validFrom: '2026-05-15T00:00:00Z' },
    });
    const clr = await issueClr(draft({ credentials: [teacherLeader, ...components] }), { key: state, ...{} }).catch((e: unknown) => e);
    // The state's key is not the district's: the builder refuses a key that is not the issuer's.
    expect(isObv3Error(clr, 'INVALID_ARGUMENT')).toBe(true);
    const signed = await issueClr(draft({ credentials: [teacherLeader, ...components] }), { key: issuers.district });
    const report = await verifyCredential(signed, { now: NOW });
    expect(report.verified).toBe(true);
    for (const inner of signed.credentialSubject.verifiableCredential) {
      expect((await verifyCredential(inner, { now: NOW })).verified).toBe(true);
    }
    expect(formatReport(report)).toMatch(/embedded credentials:\n  VERIFIED: Teacher Leader at \/credentialSubject\/verifiableCredential\/0/);
  });

  it.each<[string, () => Partial<ClrDraft>, RegExp]>([
    ['no credentials', () => ({ credentials: [] }), /clr\.credentials must list at least one signed credential/],
    ['an unsigned credential', () => ({ credentials: [{ ...components[0]!, proof: undefined }] }), /clr\.credentials\[0\] has no proof/],
    ['no name', () => ({ name: undefined as never }), /clr\.name is missing/],
    ['a bad association', () => ({ associations: [{ associationType: 'isCousinOf' as never, sourceId: 'urn:a', targetId: 'urn:b' }] }), /not a CLR 2\.0 AssociationType/],
    ['validUntil before validFrom', () => ({ validUntil: '2026-05-19T00:00:00Z' }), /clr\.validUntil \(2026-05-19T00:00:00Z\) must be after validFrom/],
    ['a misspelt key', () => ({ validUntill: '2027-05-20T00:00:00Z' }) as Partial<ClrDraft>, /clr\.validUntill is not allowed here: did you mean 'validUntil'\?/],
    ['achievements that are not an array', () => ({ achievements: CORE[0]! as never }), /clr\.achievements must be an array/],
  ])('refuses %s', (_label, overrides, message) => {
    expect(() => buildClr(draft(overrides()))).toThrow(message);
  });

  it('issueClr dates the CLR from options.created when the draft gives no validFrom', async () => {
    const created = new Date('2026-05-21T08:30:00Z');
    const clr = await issueClr(draft({ validFrom: undefined }), { key: issuers.district, created });
    expect(clr.validFrom).toBe('2026-05-21T08:30:00Z');
  });
});

describe('verifyCredential on a CLR', () => {
  it('a changed embedded credential fails both the outer proof and that credential', async () => {
    const clr = (await issueClr(draft(), { key: issuers.district })) as Record<string, any>;
    const tampered = structuredClone(clr);
    tampered.credentialSubject.verifiableCredential[2].credentialSubject.creditsEarned = 99;
    const report = await verifyCredential(tampered, { now: NOW });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
    expect(check(report, 'credentials')).toMatchObject({ status: 'failed', code: 'EMBEDDED_CREDENTIAL_NOT_VERIFIED' });
    expect(report.embeddedCredentials?.map((e) => e.verified)).toEqual([true, true, false, true, true]);
    expect(check(report.embeddedCredentials![2]!, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
  });

  it('an embedded credential that cannot be checked keeps the CLR undecided (indeterminate), with its code', async () => {
    const withStatus = await award(issuers, CORE[0]!, {
      credentialStatus: { id: 'https://lakeside.example.org/status/3#7', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: 'https://lakeside.example.org/status/3' },
    });
    const clr = await issueClr(draft({ credentials: [withStatus, ...components.slice(1)] }), { key: issuers.district });
    const report = await verifyCredential(clr, { now: NOW });
    expect(check(report, 'credentials')).toMatchObject({ status: 'indeterminate', code: 'EMBEDDED_CREDENTIAL_NOT_VERIFIED' });
    expect((check(report, 'credentials').details as { credentials: { code?: string }[] }).credentials[0]?.code).toBe('STATUS_UNAVAILABLE');
    expect(report.verified).toBe(false);
    expect((await verifyCredential(clr, { now: NOW, acceptUnavailableStatus: true })).verified).toBe(true);
  });

  it('warns when an embedded credential names another recipient than the learner (by id)', async () => {
    const byDid = await award(issuers, CORE[0]!, { recipient: { id: 'did:example:someone-else' } });
    const clr = await issueClr(draft({ learner: { id: 'did:example:maria' }, credentials: [byDid] }), { key: issuers.district });
    const report = await verifyCredential(clr, { now: NOW });
    expect(check(report, 'credentials')).toMatchObject({ status: 'warning', code: 'EMBEDDED_RECIPIENT_MISMATCH' });
    expect(report.verified).toBe(true);
  });

  it('caps the number of embedded credentials (EMBEDDED_CREDENTIALS_TOO_MANY) and verifies none of them', async () => {
    const clr = await issueClr(draft(), { key: issuers.district });
    const report = await verifyCredential(clr, { now: NOW, maxEmbeddedCredentials: 4 });
    expect(check(report, 'credentials')).toMatchObject({ status: 'failed', code: 'EMBEDDED_CREDENTIALS_TOO_MANY' });
    expect(report.embeddedCredentials).toBeUndefined();
    expect(report.verified).toBe(false);
  });

  it('verifies a CLR inside a CLR, but no deeper (EMBEDDING_TOO_DEEP)', async () => {
    // CLR 2.0 bundles AchievementCredentials, so issueClr refuses to nest; a verifier must still cope.
    const inner = await issueClr(draft({ credentials: [components[0]!], stacks: [] }), { key: issuers.district });
    await expect(issueClr(draft({ credentials: [inner], stacks: [] }), { key: issuers.district })).rejects.toMatchObject({ code: 'SCHEMA_INVALID' });
    const nest = (credential: object) => signDocument(buildClr(draft({ credentials: [credential], stacks: [] })), { signer: issuers.district.signer() });
    const middle = await nest(inner);
    const twoLevels = await verifyCredential(middle, { now: NOW });
    expect(twoLevels.verified).toBe(true);
    expect(twoLevels.embeddedCredentials?.[0]?.embeddedCredentials?.[0]?.verified).toBe(true);
    const outer = await nest(middle);
    const threeLevels = await verifyCredential(outer, { now: NOW });
    expect(threeLevels.verified).toBe(false);
    expect(check(threeLevels.embeddedCredentials![0]!.embeddedCredentials![0]!, 'credentials')).toMatchObject({ status: 'failed', code: 'EMBEDDING_TOO_DEEP' });
  });

  it('a CLR with no embedded credentials fails CLR_CREDENTIALS_MISSING; a missing CLR context fails CONTEXT_MISSING', async () => {
    const built = buildClr(draft()) as Record<string, any>;
    const empty = await signCredential({ ...built, credentialSubject: { ...built.credentialSubject, verifiableCredential: [] } }, { key: issuers.district }).catch(() => undefined);
    expect(empty).toBeUndefined(); // our issue schema refuses it
    const report = await verifyCredential({ ...built, credentialSubject: { ...built.credentialSubject, verifiableCredential: [] } }, { now: NOW });
    expect(check(report, 'credentials')).toMatchObject({ status: 'failed', code: 'CLR_CREDENTIALS_MISSING' });
    const noClrContext = await verifyCredential({ ...built, '@context': [VC_V2_CONTEXT, OB_CONTEXT, STACK_CONTEXT] }, { now: NOW });
    expect(check(noClrContext, 'context')).toMatchObject({ status: 'failed', code: 'CONTEXT_MISSING' });
  });

  it('warns about associations naming achievements the CLR does not carry (ASSOCIATION_DANGLING)', async () => {
    const clr = await issueClr(draft({ associations: [{ associationType: 'precedes', sourceId: CORE[2]!.id!, targetId: 'https://elsewhere.example/next' }] }), { key: issuers.district });
    const report = await verifyCredential(clr, { now: NOW });
    expect(check(report, 'subject')).toMatchObject({ status: 'warning', code: 'ASSOCIATION_DANGLING', details: { dangling: ['https://elsewhere.example/next'] } });
    expect(report.verified).toBe(true);
  });

  it('reports embedded values that are not credentials by their parse code, without throwing', async () => {
    const built = buildClr(draft()) as Record<string, any>;
    const odd = { ...built, credentialSubject: { ...built.credentialSubject, verifiableCredential: [42, 'eyJhbGciOiJFZERTQSJ9.e30.c2ln', null, [], {}] } };
    const report = await verifyCredential(odd, { now: NOW });
    expect(report.embeddedCredentials?.map((e) => [e.checks[0]?.status, e.checks[0]?.code ?? null])).toEqual([
      ['failed', 'INPUT_NOT_OBJECT'],
      ['passed', null], // a VC-JWT whose payload is {}: it parses, then fails its checks
      ['failed', 'INPUT_NOT_OBJECT'],
      ['failed', 'INPUT_NOT_OBJECT'],
      ['passed', null],
    ]);
    expect(check(report.embeddedCredentials![4]!, 'context')).toMatchObject({ status: 'failed', code: 'CONTEXT_MISSING' });
    expect(check(report.embeddedCredentials![1]!, 'proof')).toMatchObject({ status: 'failed', code: 'KEY_NOT_CONTROLLED_BY_ISSUER' });
    expect(check(report, 'credentials')).toMatchObject({ status: 'failed', code: 'EMBEDDED_CREDENTIAL_NOT_VERIFIED' });
    expect(validateAgainstSchema(JSON.parse(JSON.stringify(report)), reportSchema)).toEqual([]);
  });

  it('a VC-JWT among the embedded credentials (CLR 2.0 allows compact JWTs) is verified as a JWT by the same pipeline', async () => {
    const jwtKey = await generateKey({ algorithm: 'ES256' });
    const jwt = await issueCredentialJwt({ ...waitTimeDraft(jwtKey.controller), recipient: { id: 'did:example:maria' } }, { key: jwtKey });
    const built = buildClr(draft({ credentials: [components[0]!] })) as Record<string, any>;
    const withJwt = { ...built, credentialSubject: { ...built.credentialSubject, verifiableCredential: [components[0], jwt] } };
    const clr = await signDocument(withJwt, { signer: issuers.district.signer() });
    const report = await verifyCredential(clr, { now: NOW });
    expect(report.embeddedCredentials?.map((e) => e.verified)).toEqual([true, true]);
    expect(check(report.embeddedCredentials![1]!, 'parse').message).toMatch(/compact VC-JWT \(ES256\)/);
    expect(check(report.embeddedCredentials![1]!, 'proof').message).toMatch(/^JWT signature \(ES256\) valid/);
    expect(report.embeddedCredentials![1]!.provenIssuer).toBe(jwtKey.controller);
    const [h, p, sig] = jwt.split('.') as [string, string, string];
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), creditsEarned: 40 })).toString('base64url')}.${sig}`;
    const bad = await signDocument({ ...withJwt, credentialSubject: { ...withJwt.credentialSubject, verifiableCredential: [components[0], forged] } }, { signer: issuers.district.signer() });
    const badReport = await verifyCredential(bad, { now: NOW });
    expect(check(badReport, 'credentials')).toMatchObject({ status: 'failed', code: 'EMBEDDED_CREDENTIAL_NOT_VERIFIED' });
    expect(check(badReport.embeddedCredentials![1]!, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
  });

  it('shares one fetch budget across the CLR and its credentials', async () => {
    const fetched: string[] = [];
    const fetch = async (url: string) => {
      fetched.push(url);
      return new Response('not found', { status: 404 });
    };
    const withSchema = await award(issuers, CORE[0]!, { credentialSchema: [{ id: 'https://schemas.example.org/a.json', type: 'JsonSchema' }] });
    const clr = await issueClr(draft({ credentials: [withSchema, withSchema] }), { key: issuers.district });
    const report = await verifyCredential(clr, { now: NOW, fetch, maxFetches: 16 });
    // One document, fetched once for both embedded credentials, recorded in the outer provenance.
    expect(fetched).toEqual(['https://schemas.example.org/a.json']);
    expect(report.provenance.fetched.map((f) => f.url)).toEqual(['https://schemas.example.org/a.json']);
  });
});
