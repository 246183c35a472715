/**
 * Embedded endorsements: each one verified with the same pipeline as the credential (proof, key
 * binding, dates, nesting), reported one by one, bounded in depth and number, and by default
 * without effect on the credential's verdict.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildDidDocument,
  buildEndorsement,
  generateKey,
  issueCredential,
  issueEndorsement,
  signCredentialJwt,
  validateAgainstOfficialSchema,
  verifyCredential,
  type Ed25519KeyPair,
  type EndorsementCredential,
  type VerificationReport,
} from '../../src/index.js';
import { signDocument } from '../../src/proof/index.js';
import type { EndorsementOutcome } from '../../src/verify/endorsements/outcome.js';
import { caughtError } from '../keys/caught-error.js';
import { waitTimeDraft } from '../support/drafts.js';
import { checkOf, expectChecks } from '../support/expected-fixtures.js';
import { contextsAndDidKeyLoader } from '../support/digitalbazaar-loader.js';
import { fetchStub } from '../support/fetch-stub.js';

type Json = Record<string, any>;

const NOW = new Date('2026-06-01T00:00:00Z');
const CREATED = new Date('2026-05-01T12:00:00Z');
const DISTRICT = 'did:web:district.example';
const DISTRICT_DOC = 'https://district.example/.well-known/did.json';
const ACHIEVEMENT = 'https://lakeside.example.org/achievements/wait-time';

let state: Ed25519KeyPair;
let district: Ed25519KeyPair;
let served: Record<string, unknown>;
let ofDistrict: EndorsementCredential & { proof: object[] };
let ofAchievement: EndorsementCredential & { proof: object[] };

beforeAll(async () => {
  state = await generateKey();
  district = await generateKey({ controller: DISTRICT });
  served = { [DISTRICT_DOC]: buildDidDocument({ id: DISTRICT, keys: [district] }) };
  ofDistrict = await issueEndorsement({
    issuer: { id: state.controller, name: 'State Department of Education' },
    endorses: DISTRICT,
    name: 'Approved micro-credential issuer',
    comment: 'Lakeside USD meets the state quality standards for micro-credentials.',
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: '2027-01-01T00:00:00Z',
  }, { key: state, created: CREATED });
  ofAchievement = await issueEndorsement({
    issuer: { id: state.controller, name: 'State Department of Education' },
    endorses: ACHIEVEMENT,
    name: 'Approved programme: Wait Time',
    validFrom: '2026-01-01T00:00:00Z',
  }, { key: state, created: CREATED });
});

/** A district credential carrying `endorsements` in its issuer profile (and `achievementEndorsements` in its achievement). */
async function endorsedCredential(endorsements: unknown[], achievementEndorsements: unknown[] = [], jwts: string[] = []): Promise<Json> {
  const draft = waitTimeDraft(DISTRICT);
  const issuer = { ...(draft.issuer as object), endorsement: endorsements, ...(jwts.length ? { endorsementJwt: jwts } : {}) };
  const achievement = { ...(draft.achievement as object), ...(achievementEndorsements.length ? { endorsement: achievementEndorsements } : {}) };
  return (await issueCredential({ ...draft, issuer: issuer as never, achievement: achievement as never }, { key: district, created: CREATED })) as Json;
}

function outcomes(report: VerificationReport): EndorsementOutcome[] {
  return (checkOf(report, 'endorsements').details as { endorsements: EndorsementOutcome[] }).endorsements;
}

const verify = (credential: unknown, options: object = {}) => verifyCredential(credential as object, { now: NOW, fetch: fetchStub(served).fetch, ...options });

describe('buildEndorsement / issueEndorsement', () => {
  it('builds the OB 3.0 EndorsementCredential, which passes the official 1EdTech schema once signed', () => {
    const built = buildEndorsement({ issuer: { id: state.controller, name: 'State DOE' }, endorses: DISTRICT, name: 'Approved issuer', comment: 'Good standing.', validFrom: '2026-01-01' });
    expect(built).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/),
      type: ['VerifiableCredential', 'EndorsementCredential'],
      name: 'Approved issuer',
      issuer: { id: state.controller, type: ['Profile'], name: 'State DOE' },
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: { id: DISTRICT, type: ['EndorsementSubject'], endorsementComment: 'Good standing.' },
    });
    expect(validateAgainstOfficialSchema(ofDistrict, 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json')).toEqual([]);
  });

  it('plain @digitalbazaar/vc verifies an endorsement obv3 issued', async () => {
    const result = await vc.verifyCredential({
      credential: ofDistrict,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader: contextsAndDidKeyLoader,
    });
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
  });

  it.each([
    ['no subject', { endorses: undefined }, 'endorses is missing'],
    ['no name', { name: undefined }, 'name is missing'],
    ['a misspelt field', { coment: 'x' }, "did you mean 'comment'?"],
    ['validUntil before validFrom', { validFrom: '2026-02-01', validUntil: '2026-01-01' }, 'must be after validFrom'],
  ])('refuses a draft with %s', async (_label, change, why) => {
    const draft = { issuer: { id: state.controller, name: 'State DOE' }, endorses: DISTRICT, name: 'Approved', ...change };
    const error = await caughtError(() => buildEndorsement(draft as never));
    expect(error.message).toContain(why);
  });

  it('refuses to sign with a key that is not the endorser\'s', async () => {
    const error = await caughtError(() => issueEndorsement({ issuer: { id: state.controller, name: 'State DOE' }, endorses: DISTRICT, name: 'Approved' }, { key: district }));
    expect(error.message).toContain('KEY_NOT_CONTROLLED_BY_ISSUER');
  });
});

describe('verifying a credential with endorsements', () => {
  it('endorsements of the issuer and of the achievement: each verified and reported, with who proved it', async () => {
    const credential = await endorsedCredential([ofDistrict], [ofAchievement]);
    const report = await verify(credential);
    expectChecks(report, { endorsements: 'passed' });
    expect(report.verified).toBe(true);
    expect(checkOf(report, 'endorsements').message).toBe(`2 endorsements verified, by ${state.controller}.`);
    expect(outcomes(report)).toEqual([
      expect.objectContaining({
        path: '/issuer/endorsement/0', depth: 1, status: 'verified', provenEndorser: state.controller, endorses: DISTRICT, attachedTo: DISTRICT, name: 'Approved micro-credential issuer',
      }),
      expect.objectContaining({
        path: '/credentialSubject/achievement/endorsement/0', depth: 1, format: 'json', status: 'verified',
        endorser: state.controller, provenEndorser: state.controller, endorses: ACHIEVEMENT, attachedTo: ACHIEVEMENT, id: ofAchievement.id,
      }),
    ]);
    expect(outcomes(report)[0]!.checks?.map((c) => c.id)).toEqual(['context', 'type', 'schema', 'subject', 'proof', 'issuer-key', 'valid-from', 'valid-until', 'status', 'endorsements', 'credentials', 'trust']);
  });

  it('verifying the endorsement itself gives the same verdict', async () => {
    const report = await verify(ofDistrict);
    expect(report.verified).toBe(true);
    expect(report.provenIssuer).toBe(state.controller);
  });

  describe('a broken endorsement is reported and, by default, does not fail the credential', () => {
    async function withBroken(make: () => Promise<unknown>): Promise<VerificationReport> {
      return verify(await endorsedCredential([await make()]));
    }

    it.each([
      ['changed after signing', async () => ({ ...ofDistrict, name: 'Approved for everything' }), 'PROOF_INVALID'],
      ['expired', async () => issueEndorsement({ issuer: { id: state.controller, name: 'State DOE' }, endorses: DISTRICT, name: 'Approved', validFrom: '2025-01-01', validUntil: '2026-01-01' }, { key: state, created: CREATED }), 'EXPIRED'],
      ['signed by someone else in the endorser\'s name', async () => {
        const impostor = await generateKey();
        return signDocument(buildEndorsement({ issuer: { id: state.controller, name: 'State DOE' }, endorses: DISTRICT, name: 'Approved', validFrom: '2026-01-01' }), { signer: impostor.signer() });
      }, 'KEY_NOT_CONTROLLED_BY_ISSUER'],
      ['unsigned', async () => buildEndorsement({ issuer: { id: state.controller, name: 'State DOE' }, endorses: DISTRICT, name: 'Approved', validFrom: '2026-01-01' }), 'PROOF_MISSING'],
    ])('%s → warning ENDORSEMENT_INVALID naming the endorsement\'s own failing check', async (_label, make, innerCode) => {
      const report = await withBroken(make);
      expectChecks(report, { endorsements: ['warning', 'ENDORSEMENT_INVALID'] });
      expect(report.verified).toBe(true);
      expect(checkOf(report, 'endorsements').message).toContain('does not affect the verdict');
      const [outcome] = outcomes(report);
      expect(outcome).toMatchObject({ status: 'failed', code: 'ENDORSEMENT_INVALID' });
      expect(outcome!.checks?.some((c) => c.code === innerCode)).toBe(true);
      expect(outcome!.message).toContain(innerCode);
    });

    it('a value that is not a credential → failed ENDORSEMENT_INVALID', async () => {
      const credential = await endorsedCredential([]);
      credential.endorsement = ['not a credential'];
      // The outer proof no longer covers this, but the endorsement is still examined and reported.
      const report = await verify(credential);
      expect(outcomes(report)).toEqual([expect.objectContaining({ path: '/endorsement/0', status: 'failed', code: 'ENDORSEMENT_INVALID' })]);
    });

    it('with requireValidEndorsements the credential is not verified', async () => {
      const report = await verify(await endorsedCredential([{ ...ofDistrict, name: 'edited' }]), { requireValidEndorsements: true });
      expectChecks(report, { endorsements: ['failed', 'ENDORSEMENT_INVALID'] });
      expect(report.verified).toBe(false);
      expect(report.provenance.policy.requireValidEndorsements).toBe(true);
    });
  });

  it('an endorsement whose endorser key needs the network, with none given → indeterminate ENDORSEMENT_UNVERIFIABLE', async () => {
    const endorser = 'https://doe.state.example/issuer';
    const key = await generateKey({ controller: endorser });
    const endorsement = await issueEndorsement({ issuer: { id: endorser, name: 'State DOE' }, endorses: DISTRICT, name: 'Approved', validFrom: '2026-01-01' }, { key });
    const credential = await endorsedCredential([endorsement]);
    const offline = await verifyCredential(credential, { now: NOW, fetch: fetchStub(served).fetch });
    expect(outcomes(offline)).toEqual([expect.objectContaining({ status: 'failed' })]); // 404 at the endorser's URL
    const stubbed = fetchStub({ ...served, [endorser]: { id: endorser, verificationMethod: [key.toJSON()], assertionMethod: [key.id] } });
    const online = await verifyCredential(credential, { now: NOW, fetch: stubbed.fetch });
    expect(outcomes(online)).toEqual([expect.objectContaining({ status: 'verified', provenEndorser: endorser })]);
    // One fetcher for everything: the endorser's document is filed with the issuer's.
    expect(online.provenance.fetched.map((f) => f.url)).toEqual([DISTRICT_DOC, endorser]);
    const undecided = await verifyCredential(credential, { now: NOW, fetch: fetchStub(served).fetch, maxFetches: 1 });
    expectChecks(undecided, { endorsements: ['warning', 'ENDORSEMENT_UNVERIFIABLE'] });
    expect(outcomes(undecided)[0]).toMatchObject({ status: 'indeterminate', code: 'ENDORSEMENT_UNVERIFIABLE' });
    expect(undecided.verified).toBe(true);
    const strict = await verifyCredential(credential, { now: NOW, fetch: fetchStub(served).fetch, maxFetches: 1, requireValidEndorsements: true });
    expectChecks(strict, { endorsements: ['indeterminate', 'ENDORSEMENT_UNVERIFIABLE'] });
    expect(strict.verified).toBe(false);
  });

  it('an unverified endorsement names the check the policy does not accept, not one it accepted', async () => {
    // The state's endorsement has a status list that cannot be fetched (accepted by policy), and
    // carries an endorsement whose key cannot be resolved (did:example), which is what blocks it.
    const federal = await generateKey({ controller: 'did:example:national-board' });
    const inner = await issueEndorsement({ issuer: { id: federal.controller, name: 'National Board' }, endorses: state.controller, name: 'Recognised state agency' }, { key: federal, created: CREATED });
    const outer = await signDocument({
      ...buildEndorsement({ issuer: { id: state.controller, name: 'State DOE', endorsement: [inner] }, endorses: DISTRICT, name: 'Approved issuer', validFrom: '2026-01-01T00:00:00Z' }),
      credentialStatus: { id: 'https://status.example/lists/1#7', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: 'https://status.example/lists/1' },
    }, { signer: state.signer() });
    const report = await verify(await endorsedCredential([outer]), { acceptUnavailableStatus: true, requireValidEndorsements: true });
    const [outcome] = outcomes(report);
    expect(outcome!.checks!.find((c) => c.id === 'status')?.status).toBe('indeterminate');
    expect(outcome).toMatchObject({ status: 'indeterminate', code: 'ENDORSEMENT_UNVERIFIABLE' });
    expect(outcome!.message).toMatch(/could not be verified: endorsements ENDORSEMENT_UNVERIFIABLE/);
  });

  it('an endorsementJwt is verified like a JSON endorsement: the state\'s ES256 VC-JWT passes, a forged one is reported', async () => {
    const stateJwtKey = await generateKey({ algorithm: 'ES256' });
    const jwt = await signCredentialJwt(
      buildEndorsement({ issuer: { id: stateJwtKey.controller, name: 'State DOE' }, endorses: DISTRICT, name: 'Approved issuer', validFrom: '2026-01-01T00:00:00Z' }),
      { key: stateJwtKey },
    );
    const report = await verify(await endorsedCredential([ofDistrict], [], [jwt]));
    expect(checkOf(report, 'endorsements').status).toBe('passed');
    expect(outcomes(report)).toEqual([
      expect.objectContaining({ path: '/issuer/endorsement/0', format: 'json', status: 'verified' }),
      expect.objectContaining({ path: '/issuer/endorsementJwt/0', format: 'jwt', status: 'verified', provenEndorser: stateJwtKey.controller, endorses: DISTRICT }),
    ]);
    expect(outcomes(report)[1]!.checks!.find((c) => c.id === 'proof')).toMatchObject({ status: 'passed' });

    // The same endorsement with a changed payload: its JWS no longer matches.
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Json;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, name: 'Exemplary issuer' })).toString('base64url')}.${signature}`;
    const tampered = await verify(await endorsedCredential([], [], [forged]));
    expectChecks(tampered, { endorsements: ['warning', 'ENDORSEMENT_INVALID'] });
    expect(outcomes(tampered)[0]).toMatchObject({ format: 'jwt', status: 'failed', code: 'ENDORSEMENT_INVALID' });
    expect(outcomes(tampered)[0]!.message).toMatch(/proof PROOF_INVALID/);
    expect(tampered.verified).toBe(true);
    expect((await verify(await endorsedCredential([], [], [forged]), { requireValidEndorsements: true })).verified).toBe(false);
  });
});

describe('nesting and count limits', () => {
  let nested: EndorsementCredential & { proof: object[] };
  let federal: Ed25519KeyPair;

  beforeAll(async () => {
    // A national body endorses the state; the state's endorsement of the district carries it.
    federal = await generateKey();
    const ofState = await issueEndorsement({ issuer: { id: federal.controller, name: 'National Board' }, endorses: state.controller, name: 'Recognised state agency' }, { key: federal, created: CREATED });
    nested = await issueEndorsement({
      issuer: { id: state.controller, name: 'State DOE', endorsement: [ofState] },
      endorses: DISTRICT,
      name: 'Approved issuer',
    }, { key: state, created: CREATED });
  });

  it('an endorsement inside an endorsement is verified at depth 2 and reported with its full path', async () => {
    const report = await verify(await endorsedCredential([nested]));
    expect(checkOf(report, 'endorsements').status).toBe('passed');
    expect(outcomes(report).map((o) => [o.path, o.depth, o.status, o.provenEndorser])).toEqual([
      ['/issuer/endorsement/0', 1, 'verified', state.controller],
      ['/issuer/endorsement/0/issuer/endorsement/0', 2, 'verified', federal.controller],
    ]);
  });

  it('maxEndorsementDepth 1: the inner one is not verified (ENDORSEMENT_LIMIT_EXCEEDED), the outer one still is', async () => {
    const report = await verify(await endorsedCredential([nested]), { maxEndorsementDepth: 1 });
    expect(checkOf(report, 'endorsements')).toMatchObject({ status: 'warning', code: 'ENDORSEMENT_LIMIT_EXCEEDED' });
    expect(outcomes(report).map((o) => [o.depth, o.status, o.code])).toEqual([
      [1, 'verified', undefined],
      [2, 'unverified', 'ENDORSEMENT_LIMIT_EXCEEDED'],
    ]);
    const none = await verify(await endorsedCredential([nested]), { maxEndorsementDepth: 0 });
    expect(outcomes(none).map((o) => o.status)).toEqual(['unverified']);
  });

  it('maxEndorsements bounds the total, across depths', async () => {
    const report = await verify(await endorsedCredential([ofDistrict, nested, ofDistrict]), { maxEndorsements: 2 });
    expect(outcomes(report).map((o) => [o.path, o.status])).toEqual([
      ['/issuer/endorsement/0', 'verified'],
      ['/issuer/endorsement/1', 'verified'],
      ['/issuer/endorsement/1/issuer/endorsement/0', 'unverified'],
      ['/issuer/endorsement/2', 'unverified'],
    ]);
    expect(outcomes(report)[3]!.message).toContain('options.maxEndorsements');
  });

  it.each([['maxEndorsements', -1], ['maxEndorsementDepth', 1.5]])('refuses %s %s as misuse', async (name, value) => {
    const error = await caughtError(() => verifyCredential(ofDistrict, { [name]: value }));
    expect(error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('hostile endorsements', () => {
  it('hundreds of endorsements: only maxEndorsements are verified, every one is reported', async () => {
    const credential = await endorsedCredential(Array.from({ length: 300 }, () => ofDistrict));
    const report = await verify(credential);
    const all = outcomes(report);
    expect(all).toHaveLength(300);
    expect(all.filter((o) => o.status === 'verified')).toHaveLength(16);
    expect(all.slice(16).every((o) => o.code === 'ENDORSEMENT_LIMIT_EXCEEDED')).toBe(true);
    expect(report.verified).toBe(true);
  });

  it('a chain of endorsements nested ten deep: verified to maxEndorsementDepth, the next level reported, nothing below it walked', async () => {
    let inner: unknown = ofDistrict;
    for (let i = 0; i < 10; i++) {
      inner = await issueEndorsement({ issuer: { id: state.controller, name: 'State DOE', endorsement: [inner as never] }, endorses: DISTRICT, name: `Level ${i}` }, { key: state, created: CREATED });
    }
    const report = await verify(await endorsedCredential([inner]));
    expect(outcomes(report).map((o) => [o.depth, o.status])).toEqual([
      [1, 'verified'],
      [2, 'verified'],
      [3, 'unverified'],
    ]);
  });

  it('endorsement values of every wrong shape are reported, never thrown', async () => {
    const credential = await endorsedCredential([]);
    credential.issuer.endorsement = [null, 42, [], { type: 'EndorsementCredential' }, { ...ofDistrict, '@context': 'https://evil.example/ctx' }];
    credential.issuer.endorsementJwt = [{}, 'not.a.jwt'];
    const report = await verify(credential);
    expect(outcomes(report).map((o) => o.status)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed', 'failed', 'failed']);
    expect(outcomes(report)[6]).toMatchObject({ format: 'jwt', code: 'ENDORSEMENT_INVALID' });
    expect(report.verified).toBe(false); // the outer proof no longer covers the edited issuer
  });
});
