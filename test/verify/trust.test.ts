/**
 * The trust check: decided on the proven issuer against the caller's registries, directly or
 * through a verified endorsement by a trusted endorser, with the registry's limits applied, and
 * a report that names what made the issuer trusted or why nothing did.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/verification-report-v1.schema.json';
import {
  buildCredential,
  buildDidDocument,
  generateKey,
  issueCredential,
  issueEndorsement,
  loadTrustRegistry,
  validateAgainstSchema,
  verifyCredential,
  type Ed25519KeyPair,
  type EndorsementCredential,
  type TrustRegistry,
  type VerificationReport,
  type VerifyOptions,
} from '../../src/index.js';
import { signDocument } from '../../src/proof/index.js';
import type { TrustedBy } from '../../src/verify/trust/decide-trust.js';
import { caughtError } from '../keys/caught-error.js';
import { waitTimeDraft } from '../support/drafts.js';
import { checkOf, expectChecks } from '../support/expected-fixtures.js';
import { fetchStub } from '../support/fetch-stub.js';

type Json = Record<string, any>;

const NOW = new Date('2026-06-01T00:00:00Z');
const CREATED = new Date('2026-05-01T12:00:00Z');
const DISTRICT = 'did:web:district.example';
const DISTRICT_DOC = 'https://district.example/.well-known/did.json';

let state: Ed25519KeyPair;
let district: Ed25519KeyPair;
let academy: Ed25519KeyPair;
let registry: TrustRegistry;
let served: Record<string, unknown>;
let academyEndorsement: EndorsementCredential & { proof: object[] };

beforeAll(async () => {
  state = await generateKey();
  district = await generateKey({ controller: DISTRICT });
  academy = await generateKey();
  served = { [DISTRICT_DOC]: buildDidDocument({ id: DISTRICT, keys: [district] }) };
  registry = {
    type: 'TrustedIssuerRegistry',
    id: 'https://doe.state.example/registries/micro-credentials',
    name: 'Oregon-approved micro-credential issuers',
    publisher: { id: state.controller, name: 'State Department of Education' },
    issuers: [{ id: DISTRICT, name: 'Lakeside Unified School District', achievementTypes: ['MicroCredential'], jurisdictions: ['US-OR'] }],
    endorsers: [{ id: state.controller, name: 'State Department of Education' }],
  };
  academyEndorsement = await issueEndorsement(
    { issuer: { id: state.controller, name: 'State Department of Education' }, endorses: academy.controller, name: 'Approved provider', validFrom: '2026-01-01' },
    { key: state, created: CREATED },
  );
});

async function districtCredential(overrides: Json = {}): Promise<Json> {
  return (await issueCredential(waitTimeDraft(DISTRICT, overrides), { key: district, created: CREATED })) as Json;
}

async function academyCredential(endorsements: unknown[], achievementType = 'MicroCredential'): Promise<Json> {
  const draft = waitTimeDraft(academy.controller);
  return (await issueCredential(
    { ...draft, issuer: { id: academy.controller, name: 'Riverside Teacher Academy', endorsement: endorsements as never }, achievement: { ...(draft.achievement as object), achievementType } as never },
    { key: academy, created: CREATED },
  )) as Json;
}

function verify(credential: unknown, trust: VerifyOptions['trust'] | undefined, extra: VerifyOptions = {}): Promise<VerificationReport> {
  return verifyCredential(credential as object, { now: NOW, fetch: fetchStub(served).fetch, ...(trust ? { trust } : {}), ...extra });
}

const trustedBy = (report: VerificationReport) => (checkOf(report, 'trust').details as { trustedBy?: TrustedBy }).trustedBy;
const reasons = (report: VerificationReport) => (checkOf(report, 'trust').details as { reasons: string[] }).reasons.join(' ');

describe('without a registry', () => {
  it('the trust check is skipped, never passed', async () => {
    const report = await verify(await districtCredential(), undefined);
    expect(checkOf(report, 'trust')).toMatchObject({ status: 'skipped' });
    expect(report.verified).toBe(true);
  });
});

describe('an issuer the registry lists', () => {
  it('passes, naming the registry and the entry, for the jurisdiction and achievement type it is approved for', async () => {
    const report = await verify(await districtCredential(), { registry, jurisdiction: 'US-OR' });
    expectChecks(report, { trust: 'passed' });
    expect(report.verified).toBe(true);
    expect(checkOf(report, 'trust').message).toBe(`Trusted: ${DISTRICT} is listed in Oregon-approved micro-credential issuers as "Lakeside Unified School District".`);
    expect(trustedBy(report)).toEqual({
      kind: 'registry-entry',
      registry: { id: registry.id, name: registry.name, publisher: state.controller, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      entry: registry.issuers[0],
    });
    expect(validateAgainstSchema(JSON.parse(JSON.stringify(report)), reportSchema)).toEqual([]);
  });

  it('a loaded registry and the same plain object give the same decision and registry hash', async () => {
    const credential = await districtCredential();
    const sha = (report: VerificationReport) => trustedBy(report)?.registry.sha256;
    const plain = await verify(credential, { registry, jurisdiction: 'US-OR' });
    const loaded = await verify(credential, { registry: loadTrustRegistry(registry), jurisdiction: 'US-OR' });
    expect(sha(loaded)).toBe(sha(plain));
    expect(sha(plain)).toBe(createHash('sha256').update(JSON.stringify(registry)).digest('hex'));
  });

  it.each([
    ['no jurisdiction is given', { jurisdiction: undefined }, {}, 'say which one you decide for with trust.jurisdiction'],
    ['another jurisdiction', { jurisdiction: 'US-WA' }, {}, 'not US-WA'],
    ['another achievement type', { jurisdiction: 'US-OR' }, { achievement: { ...(waitTimeDraft(DISTRICT).achievement as object), achievementType: 'Badge' } }, 'limited to MicroCredential, not Badge'],
  ])('fails ISSUER_NOT_TRUSTED for %s', async (_label, trust, overrides, why) => {
    const report = await verify(await districtCredential(overrides), { registry, ...trust });
    expectChecks(report, { trust: ['failed', 'ISSUER_NOT_TRUSTED'] });
    expect(report.verified).toBe(false);
    expect(reasons(report)).toContain(why);
    expect(checkOf(report, 'trust').message).toContain(why);
  });

  it('approval periods are judged at the credential\'s issuance (validFrom)', async () => {
    const dated = (approvedFrom?: string, approvedUntil?: string): TrustRegistry => ({
      ...registry,
      issuers: [{ ...registry.issuers[0]!, ...(approvedFrom ? { approvedFrom } : {}), ...(approvedUntil ? { approvedUntil } : {}) }],
    });
    const credential = await districtCredential(); // validFrom 2026-05-01T12:00:00Z
    expect(checkOf(await verify(credential, { registry: dated('2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z'), jurisdiction: 'US-OR' }), 'trust').status).toBe('passed');
    expect(reasons(await verify(credential, { registry: dated('2026-05-02T00:00:00Z'), jurisdiction: 'US-OR' }))).toContain('approved from 2026-05-02T00:00:00Z');
    expect(reasons(await verify(credential, { registry: dated(undefined, '2026-04-30T00:00:00Z'), jurisdiction: 'US-OR' }))).toContain('approval ended at 2026-04-30T00:00:00Z');
    // Verified long after the approval ended, a credential issued while approved is still trusted.
    const later = await verifyCredential(credential, { now: new Date('2029-01-01T00:00:00Z'), fetch: fetchStub(served).fetch, trust: { registry: dated(undefined, '2026-12-31T00:00:00Z'), jurisdiction: 'US-OR' } });
    expect(checkOf(later, 'trust').status).toBe('passed');
  });

  it('with several registries, the one that trusts the issuer is named', async () => {
    const other: TrustRegistry = { ...registry, id: 'https://doe.other.example/r', name: 'Washington registry', issuers: [{ id: 'did:web:elsewhere.example', name: 'Elsewhere' }], endorsers: [] };
    const report = await verify(await districtCredential(), { registry: [other, registry], jurisdiction: 'US-OR' });
    expect(trustedBy(report)?.registry.name).toBe(registry.name);
    expect((checkOf(report, 'trust').details as { registries: { name: string }[] }).registries.map((r) => r.name)).toEqual(['Washington registry', registry.name]);
  });
});

describe('trust is decided on the proven issuer, never on what the credential says', () => {
  it('an impostor claiming the district\'s id, signed with its own key: issuer-key fails, and trust with it', async () => {
    const impostor = await generateKey();
    const forged = await signDocument(buildCredential(waitTimeDraft(DISTRICT), { now: CREATED }), { signer: impostor.signer() });
    const report = await verify(forged, { registry, jurisdiction: 'US-OR' });
    expect(checkOf(report, 'issuer-key')).toMatchObject({ status: 'failed', code: 'KEY_NOT_CONTROLLED_BY_ISSUER' });
    expect(checkOf(report, 'trust')).toMatchObject({ status: 'failed', code: 'ISSUER_NOT_TRUSTED' });
    expect(checkOf(report, 'trust').message).toContain('decided on the proven issuer');
    expect(report.verified).toBe(false);
  });

  it('an impostor using the district\'s name under its own id: not trusted, and the report points out the look-alike', async () => {
    const impostor = await generateKey();
    const credential = await issueCredential(waitTimeDraft(impostor.controller), { key: impostor, created: CREATED });
    expect((credential.issuer as { name: string }).name).toBe('Lakeside Unified School District');
    const report = await verify(credential, { registry, jurisdiction: 'US-OR' });
    expectChecks(report, { trust: ['failed', 'ISSUER_NOT_TRUSTED'] });
    expect(reasons(report)).toContain('trust is never decided by name');
  });

  it('a key that cannot be resolved (no fetch): trust is indeterminate, not failed, and nothing is trusted', async () => {
    const report = await verifyCredential(await districtCredential(), { now: NOW, trust: { registry, jurisdiction: 'US-OR' } });
    expect(checkOf(report, 'trust')).toMatchObject({ status: 'indeterminate', code: 'ISSUER_NOT_TRUSTED' });
    expect(report.verified).toBe(false);
  });

  it('with acceptUnresolvableIssuer, the signer (not the urn:uuid issuer id) is what the registry must list', async () => {
    const signer = await generateKey();
    const unsigned = buildCredential(waitTimeDraft(DISTRICT), { now: CREATED });
    const urn = await signDocument({ ...unsigned, issuer: { ...unsigned.issuer, id: 'urn:uuid:6f0b3c1e-8a5d-4c2b-9e7f-1a2b3c4d5e6f' } }, { signer: signer.signer() });
    const listing: TrustRegistry = { ...registry, issuers: [{ id: signer.controller, name: 'Signer' }] };
    const report = await verify(urn, { registry: listing }, { acceptUnresolvableIssuer: true });
    expect(report.provenIssuer).toBe(signer.controller);
    expect(checkOf(report, 'trust').status).toBe('passed');
  });
});

describe('an issuer endorsed by a trusted endorser', () => {
  it('passes through the endorsement, naming the endorser and where the endorsement is', async () => {
    const report = await verify(await academyCredential([academyEndorsement]), { registry });
    expectChecks(report, { endorsements: 'passed', trust: 'passed' });
    expect(report.verified).toBe(true);
    expect(trustedBy(report)).toEqual({
      kind: 'endorsement',
      registry: expect.objectContaining({ id: registry.id }),
      endorser: registry.endorsers![0],
      endorsement: { path: '/issuer/endorsement/0', id: academyEndorsement.id, name: 'Approved provider' },
    });
    expect(checkOf(report, 'trust').message).toContain(`endorsed by State Department of Education (${state.controller})`);
  });

  it.each([
    ['an endorser the registry does not list', async () => {
      const stranger = await generateKey();
      return issueEndorsement({ issuer: { id: stranger.controller, name: 'State Department of Education' }, endorses: academy.controller, name: 'Approved', validFrom: '2026-01-01' }, { key: stranger });
    }, 'passed', 'not listed as an issuer there'],
    ['an endorsement of something else (the achievement)', async () =>
      issueEndorsement({ issuer: { id: state.controller, name: 'State DOE' }, endorses: 'https://lakeside.example.org/achievements/wait-time', name: 'Approved', validFrom: '2026-01-01' }, { key: state }),
    'passed', 'not listed as an issuer there'],
    ['an expired endorsement', async () =>
      issueEndorsement({ issuer: { id: state.controller, name: 'State DOE' }, endorses: academy.controller, name: 'Approved', validFrom: '2025-01-01', validUntil: '2026-01-01' }, { key: state }),
    'warning', 'it is failed (ENDORSEMENT_INVALID)'],
    ['an endorsement in the endorser\'s name signed by someone else', async () => {
      const impostor = await generateKey();
      const { proof: _proof, ...unsigned } = structuredClone(academyEndorsement);
      return signDocument(unsigned, { signer: impostor.signer() });
    }, 'warning', 'it is failed (ENDORSEMENT_INVALID)'],
  ] as const)('does not count: %s', async (_label, make, endorsements, why) => {
    const report = await verify(await academyCredential([await make()]), { registry });
    expectChecks(report, { endorsements: endorsements === 'passed' ? 'passed' : ['warning', 'ENDORSEMENT_INVALID'], trust: ['failed', 'ISSUER_NOT_TRUSTED'] });
    expect(checkOf(report, 'trust').message).toContain(why);
    expect(report.verified).toBe(false);
  });

  it('the endorser entry\'s limits apply to what the endorsed issuer is trusted for', async () => {
    const limited: TrustRegistry = { ...registry, endorsers: [{ ...registry.endorsers![0]!, achievementTypes: ['MicroCredential'] }] };
    expect(checkOf(await verify(await academyCredential([academyEndorsement]), { registry: limited }), 'trust').status).toBe('passed');
    const badge = await verify(await academyCredential([academyEndorsement], 'Badge'), { registry: limited });
    expect(reasons(badge)).toContain('as an endorser in');
    expect(checkOf(badge, 'trust').status).toBe('failed');
  });

  it('inside an endorsement, trust is not judged again', async () => {
    const report = await verify(await academyCredential([academyEndorsement]), { registry });
    const [outcome] = (checkOf(report, 'endorsements').details as { endorsements: { checks: { id: string; status: string }[] }[] }).endorsements;
    expect(outcome!.checks.find((c) => c.id === 'trust')?.status).toBe('skipped');
  });
});

describe('options.trust misuse throws, before any credential is looked at', () => {
  it.each([
    ['an invalid registry', () => ({ registry: { ...registry, issuers: [{ id: 'Lakeside', name: 'x' }] } }), 'SCHEMA_INVALID'],
    ['no registry', () => ({ jurisdiction: 'US-OR' }), 'INVALID_ARGUMENT'],
    ['an empty list', () => ({ registry: [] }), 'INVALID_ARGUMENT'],
    ['a jurisdiction that is not an ISO 3166 code', () => ({ registry, jurisdiction: 'Oregon' }), 'INVALID_ARGUMENT'],
  ])('%s', async (_label, trust, code) => {
    const error = await caughtError(() => verifyCredential({}, { trust: trust() as never }));
    expect(error.code).toBe(code);
  });
});
