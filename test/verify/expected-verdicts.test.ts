/**
 * The verdicts ../shared/spec/ob-v3p0/EXPECTED.md gives for the official OB 3.0 inputs, one test
 * per row. Every report is pinned check by check (status and code), so a change to any verdict
 * shows up here. The VC-JWT rows are in expected-jwt-verdicts.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, buildCredential, encodeBitstring, generateKey, verifyCredential, type VerificationReport, type VerifyOptions } from '../../src/index.js';
import { signDocument } from '../../src/proof/index.js';
import { waitTimeDraft } from '../support/drafts.js';
import {
  CLEAN,
  NOW,
  UNPARSED,
  checkOf,
  expectChecks,
  loadObFixtures,
  servedKeyDocuments,
  sha256Hex,
  type ExpectedChecks,
  type Fixture,
} from '../support/expected-fixtures.js';
import { fetchStub } from '../support/fetch-stub.js';
import { hasSharedSpec, readSharedJson } from '../support/shared-spec.js';

const fixtures = loadObFixtures();
const keyDocuments = servedKeyDocuments(fixtures);

function fixture(file: string): Fixture {
  const found = fixtures.find((f) => f.file === file);
  if (!found) throw new Error(`no fixture ${file} in ../shared/spec/ob-v3p0`);
  return found;
}

/** Keys served: one stub answering with every fixture issuer's key document (plus `extra`). */
function keysServed(extra: Record<string, unknown> = {}) {
  return fetchStub(new Map<string, unknown>([...keyDocuments, ...Object.entries(extra)]));
}

async function verifyFile(file: string, options: VerifyOptions = {}): Promise<VerificationReport> {
  return verifyCredential(fixture(file).text, { now: NOW, fetch: keysServed().fetch, ...options });
}

/** Files whose EXPECTED.md row says "verified, keys served", with the warnings the row names. */
const VERIFIED_ROWS: readonly [file: string, notable: ExpectedChecks][] = [
  ['examples/ob-basic.eddsa.json', {}],
  ['examples/ob-file-contents.eddsa.json', {}],
  ['examples/ob-alignment-case.eddsa.json', {}],
  ['examples/ob-alignment-ctdl.eddsa.json', {}],
  ['examples/ob-skill-case.eddsa.json', {}],
  ['examples/ob-skill-ctdl.eddsa.json', {}],
  ['examples/ob-impl-testvector.eddsa.json', {}],
  ['validator-fixtures/simple.json', {}],
  ['validator-fixtures/simple_v1.json', { context: ['warning', 'VC_1_1'] }],
  ['validator-fixtures/simple-context-version.json', { context: ['warning', 'CONTEXT_OUTDATED'] }],
  ['validator-fixtures/simple-did-web-method.json', {}],
  // VC 1.1 as well as the pre-standard cryptosuite name: both are warnings, neither blocks.
  ['validator-fixtures/simple-eddsa-2022.json', { context: ['warning', 'VC_1_1'], proof: ['warning', 'LEGACY_CRYPTOSUITE'] }],
  ['validator-fixtures/endorsement-valid.json', {}],
];

/** Files whose EXPECTED.md row says "not verified", with every check's verdict. */
const REJECTED_ROWS: readonly [file: string, why: string, checks: ExpectedChecks][] = [
  ['validator-fixtures/sd__derivedcredential.json', 'proof CRYPTOSUITE_UNSUPPORTED (ecdsa-sd-2023)', {
    proof: ['failed', 'CRYPTOSUITE_UNSUPPORTED'],
    'issuer-key': 'skipped', // no proof resolved a key
  }],
  ['validator-fixtures/simple-noproof.json', 'proof PROOF_MISSING', {
    context: ['warning', 'VC_1_1'],
    subject: ['failed', 'ACHIEVEMENT_MISSING'], // the fixture names no achievement
    proof: ['failed', 'PROOF_MISSING'],
    'issuer-key': 'skipped',
  }],
  ['validator-fixtures/simple-err-context.json', 'context (no VC context first)', {
    context: ['failed', 'CONTEXT_ORDER'],
    subject: ['failed', 'ACHIEVEMENT_MISSING'],
    proof: ['failed', 'PROOF_INVALID'], // safe-mode JSON-LD: nothing defines VC terms
    'issuer-key': 'skipped', // only a valid proof can tie a key to the issuer
    'valid-from': ['failed', 'DATE_INVALID'], // not VC 1.1 by context, so validFrom is required
  }],
  ['validator-fixtures/simple-err-type.json', 'type TYPE_INVALID', {
    type: ['failed', 'TYPE_INVALID'],
    subject: ['failed', 'ACHIEVEMENT_MISSING'],
    proof: ['failed', 'PROOF_INVALID'], // "OtherCredential" is an undefined term in safe mode
    'issuer-key': 'skipped',
  }],
  ...[
    'simple-err-credential-subject-type.json',
    'simple-err-credential-subject-identifier-type.json',
    'simple-err-credential-subject-profile-type.json',
    'simple-err-credential-subject-achievement-result-description-type.json',
    'simple-err-issuer-type.json',
    'simple-err-issuer-otheridentifier-type.json',
  ].map((name): [string, string, ExpectedChecks] => [`validator-fixtures/${name}`, 'schema SCHEMA_INVALID (safe-mode JSON-LD also fails the proof)', {
    schema: ['failed', 'SCHEMA_INVALID'],
    proof: ['failed', 'PROOF_INVALID'],
    'issuer-key': 'skipped',
  }]),
  ['validator-fixtures/simple-err-issuer.json', 'schema SCHEMA_INVALID (no issuer)', {
    schema: ['failed', 'SCHEMA_INVALID'],
    subject: ['failed', 'ACHIEVEMENT_MISSING'],
    'issuer-key': ['failed', 'KEY_NOT_CONTROLLED_BY_ISSUER'], // no issuer id to tie the key to
  }],
  ['validator-fixtures/simple-err-expired.json', 'valid-until EXPIRED', {
    'valid-until': ['failed', 'EXPIRED'],
  }],
  ['validator-fixtures/simple-err-proof-method.json', 'proof (the key in the URL is not a valid Ed25519 key)', {
    // It declares the official schema, which requires `proof` to be an array; this file has one
    // object, which JSON-LD (and so the signature) reads as an array of one: a warning.
    schema: ['warning', 'SCHEMA_SINGLE_VALUE'],
    proof: ['failed', 'VERIFICATION_METHOD_INVALID'],
    'issuer-key': 'skipped',
  }],
  ['validator-fixtures/simple-err-proof-method-unknown-scheme.json', 'proof (xxx: cannot be resolved)', {
    proof: ['failed', 'VERIFICATION_METHOD_UNRESOLVABLE'],
    'issuer-key': 'skipped',
  }],
  ['validator-fixtures/simple-err-proof-value.json', 'proof PROOF_INVALID', {
    proof: ['failed', 'PROOF_INVALID'],
    // A key whose signature failed proves nothing about the issuer.
    'issuer-key': 'skipped',
  }],
];

/** Expected schema problem paths of the schema rows (the same paths the schema suite pins). */
const SCHEMA_PROBLEM_PATHS: Readonly<Record<string, string>> = {
  'validator-fixtures/simple-err-credential-subject-type.json': '/credentialSubject/type',
  'validator-fixtures/simple-err-credential-subject-identifier-type.json': '/credentialSubject/identifier/0/type',
  'validator-fixtures/simple-err-credential-subject-profile-type.json': '/credentialSubject/source/type',
  'validator-fixtures/simple-err-credential-subject-achievement-result-description-type.json': '/credentialSubject/achievement/resultDescription/2/type',
  'validator-fixtures/simple-err-issuer-type.json': '/issuer/type',
  'validator-fixtures/simple-err-issuer-otheridentifier-type.json': '/issuer/otherIdentifier/1/type',
  'validator-fixtures/simple-err-issuer.json': '/issuer',
};

/** The VC-JWT rows, pinned in expected-jwt-verdicts.test.ts. */
const JWT_FILES = [
  'examples/endorsement.vc-jwt.jwt',
  'examples/ob-alignment-case.vc-jwt.jwt',
  'examples/ob-alignment-ctdl.vc-jwt.jwt',
  'examples/ob-basic.vc-jwt.jwt',
  'examples/ob-complete.vc-jwt.jwt',
  'examples/ob-file-contents.vc-jwt.jwt',
  'examples/ob-skill-case.vc-jwt.jwt',
  'examples/ob-skill-ctdl.vc-jwt.jwt',
  'validator-fixtures/simple.jwt',
  'validator-fixtures/velocity.jwt',
];

/** Rows tested one by one below (status lists, endorsements, schemas fetched, did:web). */
const SINGLE_ROWS = [
  'examples/ob-complete.eddsa.json',
  'examples/endorsement.eddsa.json',
  'validator-fixtures/complete.json',
  'validator-fixtures/bit-string-list__credential-status-revoked.json',
  'validator-fixtures/bit-string-list__testlist.json',
  'validator-fixtures/credential-status-revoked.json',
];

const BITSTRING_LIST_URL =
  'https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist';
const STATE_GOV_SCHEMA_URL = 'https://state.gov/schema/endorsementcredential.json';
/** What verifying complete.json asks for besides key documents (sorted). */
const COMPLETE_JSON_OTHER_REQUESTS = [
  'https://1edtech.edu/credentials/3732/revocations',
  'https://accrediter.edu/schema/endorsementcredential.json',
  'https://state.gov/credentials/3732/revocations', // an endorsement's own status
  'https://state.gov/schema/endorsementcredential.json',
];

describe.skipIf(!hasSharedSpec)('EXPECTED.md verdicts for the OB 3.0 inputs in ../shared/spec/ob-v3p0', () => {
  it('has a row for every input in the folder', () => {
    const covered = new Set([...VERIFIED_ROWS.map(([f]) => f), ...REJECTED_ROWS.map(([f]) => f), ...JWT_FILES, ...SINGLE_ROWS]);
    expect(fixtures.length).toBeGreaterThanOrEqual(44); // 9 eddsa + 8 JWT examples, 27 validator inputs
    expect(fixtures.map((f) => f.file).filter((f) => !covered.has(f))).toEqual([]);
    expect([...covered].filter((f) => !fixtures.some((x) => x.file === f))).toEqual([]);
  });

  it('every report has exactly the 13 checks, in order', async () => {
    const order = ['parse', 'context', 'type', 'schema', 'subject', 'proof', 'issuer-key', 'valid-from', 'valid-until', 'status', 'endorsements', 'credentials', 'trust'];
    expect([...CHECK_IDS]).toEqual(order);
    for (const { file, text } of fixtures) {
      const report = await verifyCredential(text, { now: NOW, fetch: keysServed().fetch });
      expect(report.checks.map((c) => c.id), file).toEqual(order);
    }
  });

  describe('verified, keys served', () => {
    it.each(VERIFIED_ROWS)('%s', async (file, notable) => {
      const { fetch, requested } = keysServed();
      const report = await verifyCredential(fixture(file).text, { now: NOW, fetch });
      expectChecks(report, notable);
      expect(report.verified).toBe(true);
      expect(report.format).toBe('json');
      const issuer = fixture(file).json!.issuer as { id: string };
      expect(report.provenIssuer).toBe(issuer.id);
      // Only key documents were asked for, and each of them once.
      expect(requested.every((url) => keyDocuments.has(url))).toBe(true);
      expect(new Set(requested).size).toBe(requested.length);
    });
  });

  describe('not verified', () => {
    it.each(REJECTED_ROWS)('%s: %s', async (file, _why, checks) => {
      const report = await verifyFile(file);
      expectChecks(report, checks);
      expect(report.verified).toBe(false);
      const path = SCHEMA_PROBLEM_PATHS[file];
      if (path) {
        const problems = (checkOf(report, 'schema').details as { problems: { path: string }[] }).problems;
        expect(problems.map((p) => p.path)).toContain(path);
      }
    });

    it('simple-err-proof-method-unknown-scheme.json: the xxx: key is never fetched', async () => {
      const { fetch, requested } = keysServed();
      await verifyCredential(fixture('validator-fixtures/simple-err-proof-method-unknown-scheme.json').text, { now: NOW, fetch });
      expect(requested).toEqual([]);
    });

    it('simple-err-expired.json is expired at NOW, and only because of validUntil', async () => {
      const report = await verifyFile('validator-fixtures/simple-err-expired.json');
      expect(checkOf(report, 'valid-until').details).toMatchObject({ validUntil: '2010-01-01T00:00:00Z', now: NOW.toISOString() });
      // The same credential judged before its validUntil is not expired (its proof is still valid).
      const earlier = await verifyFile('validator-fixtures/simple-err-expired.json', { now: new Date('2009-12-31T23:00:00Z') });
      expect(checkOf(earlier, 'valid-until').status).toBe('passed');
    });
  });

  describe('examples/ob-complete.eddsa.json (declares a 1EdTechRevocationList status; five endorsements with placeholder proofs)', () => {
    const PLACEHOLDERS = ['warning', 'ENDORSEMENT_INVALID'] as const; // the endorsements check

    it('proof valid; status STATUS_UNAVAILABLE, so not verified by default', async () => {
      const report = await verifyFile('examples/ob-complete.eddsa.json');
      expectChecks(report, { status: ['indeterminate', 'STATUS_UNAVAILABLE'], endorsements: PLACEHOLDERS });
      expect(report.verified).toBe(false);
    });

    it('verified with acceptUnavailableStatus', async () => {
      const report = await verifyFile('examples/ob-complete.eddsa.json', { acceptUnavailableStatus: true });
      expectChecks(report, { status: ['indeterminate', 'STATUS_UNAVAILABLE'], endorsements: PLACEHOLDERS });
      expect(report.verified).toBe(true);
      expect(report.provenance.policy.acceptUnavailableStatus).toBe(true);
    });

    it('each placeholder endorsement is verified and reported failed (CRYPTOSUITE_UNSUPPORTED), with no effect on the verdict', async () => {
      const report = await verifyFile('examples/ob-complete.eddsa.json', { acceptUnavailableStatus: true });
      const endorsements = checkOf(report, 'endorsements');
      expect(endorsements.message).toContain('does not affect the verdict');
      const { count, endorsements: outcomes } = endorsements.details as { count: number; endorsements: { path: string; status: string; code: string; endorses: string; checks: { id: string; code?: string }[] }[] };
      expect(count).toBe(5);
      expect(outcomes.map((o) => o.path)).toEqual([
        '/credentialSubject/achievement/creator/endorsement/0',
        '/credentialSubject/achievement/creator/endorsement/1',
        '/credentialSubject/achievement/endorsement/0',
        '/endorsement/0',
        '/issuer/endorsement/0',
      ]);
      for (const outcome of outcomes) {
        expect(outcome).toMatchObject({ status: 'failed', code: 'ENDORSEMENT_INVALID', endorses: 'https://1edtech.edu/issuers/565049' });
        expect(outcome.checks.find((c) => c.id === 'proof')?.code).toBe('CRYPTOSUITE_UNSUPPORTED');
      }
      expect(report.verified).toBe(true);
    });

    it('with requireValidEndorsements the broken endorsements fail the credential', async () => {
      const report = await verifyFile('examples/ob-complete.eddsa.json', { acceptUnavailableStatus: true, requireValidEndorsements: true });
      expectChecks(report, { status: ['indeterminate', 'STATUS_UNAVAILABLE'], endorsements: ['failed', 'ENDORSEMENT_INVALID'] });
      expect(report.verified).toBe(false);
    });
  });

  describe('examples/endorsement.eddsa.json (an EndorsementCredential with a status and a non-1EdTech schema URL)', () => {
    const file = 'examples/endorsement.eddsa.json';
    const officialEndorsementSchema = hasSharedSpec ? readSharedJson('ob-v3p0', 'schema', 'endorsementcredential.json') : {};

    it('with its issuer serving the schema: schema passed, status STATUS_UNAVAILABLE, not verified by default', async () => {
      const { fetch, requested } = keysServed({ [STATE_GOV_SCHEMA_URL]: officialEndorsementSchema });
      const report = await verifyCredential(fixture(file).text, { now: NOW, fetch });
      expectChecks(report, { status: ['indeterminate', 'STATUS_UNAVAILABLE'] });
      expect(report.verified).toBe(false);
      expect(requested).toContain(STATE_GOV_SCHEMA_URL);
      const declared = (checkOf(report, 'schema').details as { credentialSchema: { id: string; status: string; source?: string }[] }).credentialSchema;
      expect(declared).toContainEqual(expect.objectContaining({ id: STATE_GOV_SCHEMA_URL, status: 'passed', source: 'fetched' }));
    });

    it('with its issuer serving the schema: verified with acceptUnavailableStatus', async () => {
      const { fetch } = keysServed({ [STATE_GOV_SCHEMA_URL]: officialEndorsementSchema });
      const report = await verifyCredential(fixture(file).text, { now: NOW, fetch, acceptUnavailableStatus: true });
      expectChecks(report, { status: ['indeterminate', 'STATUS_UNAVAILABLE'] });
      expect(report.verified).toBe(true);
      expect(report.provenIssuer).toBe('https://state.gov/issuers/565049');
    });

    it('without the schema served: schema indeterminate CREDENTIAL_SCHEMA_UNAVAILABLE', async () => {
      const report = await verifyFile(file, { acceptUnavailableStatus: true });
      expectChecks(report, {
        schema: ['indeterminate', 'CREDENTIAL_SCHEMA_UNAVAILABLE'],
        status: ['indeterminate', 'STATUS_UNAVAILABLE'],
      });
      expect(report.verified).toBe(false);
      expect(report.provenance.fetched).toContainEqual(expect.objectContaining({ url: STATE_GOV_SCHEMA_URL, status: 404 }));
    });
  });

  describe('validator-fixtures/complete.json', () => {
    const revocations = 'https://1edtech.edu/credentials/3732/revocations';

    it('proof valid, schema checked against the bundled official schema; its revocation list not served: STATUS_UNAVAILABLE, not verified', async () => {
      const { fetch, requested } = keysServed();
      const report = await verifyCredential(fixture('validator-fixtures/complete.json').text, { now: NOW, fetch });
      // Its endorsements are the spec's placeholders (see ob-complete.eddsa.json).
      expectChecks(report, { status: ['indeterminate', 'STATUS_UNAVAILABLE'], endorsements: ['warning', 'ENDORSEMENT_INVALID'] });
      expect(report.verified).toBe(false);
      // The declared (404ing) schema URL is never fetched: our bundled copy answers for it.
      const declared = (checkOf(report, 'schema').details as { credentialSchema: { status: string; source?: string }[] }).credentialSchema;
      expect(declared).toEqual([expect.objectContaining({ status: 'passed', source: 'bundled' })]);
      // Besides key documents: its own revocation list, and the endorsements' non-1EdTech schemas.
      expect(requested.filter((url) => !keyDocuments.has(url)).sort()).toEqual(COMPLETE_JSON_OTHER_REQUESTS);
    });

    it('its issuer\'s revocation list served, not naming it: verified', async () => {
      const { fetch } = keysServed({ [revocations]: { id: revocations, issuer: 'https://1edtech.edu/issuers/565049', revokedCredentials: [] } });
      const report = await verifyCredential(fixture('validator-fixtures/complete.json').text, { now: NOW, fetch });
      // Its embedded endorsements are the spec's placeholders: reported, not held against it.
      expectChecks(report, { status: 'passed', endorsements: ['warning', 'ENDORSEMENT_INVALID'] });
      expect(report.verified).toBe(true);
    });

    it('verified with acceptUnavailableStatus', async () => {
      const report = await verifyFile('validator-fixtures/complete.json', { acceptUnavailableStatus: true });
      expect(report.verified).toBe(true);
    });
  });

  describe('status lists and a did:web issuer', () => {
    it('bit-string-list__credential-status-revoked.json, keys and testlist served: proof valid, status REVOKED (index 23 is set), not verified', async () => {
      const testlist = fixture('validator-fixtures/bit-string-list__testlist.json').text;
      const { fetch, requested } = keysServed({ [BITSTRING_LIST_URL]: testlist });
      const file = fixture('validator-fixtures/bit-string-list__credential-status-revoked.json');
      expect((file.json!.credentialStatus as { statusListCredential: string }).statusListCredential).toBe(BITSTRING_LIST_URL);
      const report = await verifyCredential(file.text, { now: NOW, fetch });
      expectChecks(report, { status: ['failed', 'REVOKED'] });
      expect(report.verified).toBe(false);
      expect(requested).toContain(BITSTRING_LIST_URL);
      // The list's own proof was verified with its issuer's key before its bit was believed.
      const entry = (checkOf(report, 'status').details as { entries: { numericIndex?: boolean; listUrl: string }[] }).entries[0];
      expect(entry).toMatchObject({ listUrl: BITSTRING_LIST_URL, numericIndex: true });
    });

    it('bit-string-list__credential-status-revoked.json with the testlist tampered: status STATUS_UNAVAILABLE, never "not revoked"', async () => {
      const testlist = fixture('validator-fixtures/bit-string-list__testlist.json').json!;
      // A well-formed all-clear list under the original proof: only the proof can catch it.
      const encodedList = await encodeBitstring(new Uint8Array(131_072 / 8));
      const cleared = { ...testlist, credentialSubject: { ...(testlist.credentialSubject as object), encodedList } };
      const report = await verifyCredential(fixture('validator-fixtures/bit-string-list__credential-status-revoked.json').text, { now: NOW, fetch: keysServed({ [BITSTRING_LIST_URL]: cleared }).fetch });
      expectChecks(report, { status: ['indeterminate', 'STATUS_UNAVAILABLE'] });
      expect(report.verified).toBe(false);
    });

    it('bit-string-list__testlist.json alone: a status list, not a badge: type fails, its proof is valid', async () => {
      const report = await verifyFile('validator-fixtures/bit-string-list__testlist.json');
      expectChecks(report, {
        context: ['failed', 'CONTEXT_MISSING'], // no OB context
        type: ['failed', 'TYPE_INVALID'],
        schema: ['failed', 'SCHEMA_INVALID'], // its subject is not an AchievementSubject
        subject: ['failed', 'ACHIEVEMENT_MISSING'],
      });
      expect(report.verified).toBe(false);
    });

    describe('credential-status-revoked.json (VC 1.1, a did:web issuer, a 1EdTechRevocationList)', () => {
      const file = 'validator-fixtures/credential-status-revoked.json';
      const did = 'did:web:dc.1edtech.org:wellspring2022:wellspring-portal:org:da1e96e9-afcc-4eed-b9a2-2ddf7353214c';
      const didUrl = 'https://dc.1edtech.org/wellspring2022/wellspring-portal/org/da1e96e9-afcc-4eed-b9a2-2ddf7353214c/did.json';
      const listUrl = 'https://dc.1edtech.org/wellspring2022/wellspring-portal/api/revocations/da1e96e9-afcc-4eed-b9a2-2ddf7353214c';

      it('DID document and a revocation list naming it served: proof valid, key bound to the did:web issuer, status REVOKED', async () => {
        const credentialId = fixture(file).json!.id;
        const { fetch, requested } = keysServed({ [listUrl]: { id: listUrl, issuer: did, revokedCredentials: [{ id: credentialId, revocationReason: 'test' }] } });
        expect(keyDocuments.has(didUrl)).toBe(true);
        const report = await verifyCredential(fixture(file).text, { now: NOW, fetch });
        expectChecks(report, { context: ['warning', 'VC_1_1'], status: ['failed', 'REVOKED'] });
        expect(report.verified).toBe(false);
        expect(report.provenIssuer).toBe(did);
        expect(requested.sort()).toEqual([listUrl, didUrl].sort());
      });

      it('DID document served, no list: status STATUS_UNAVAILABLE, not verified; accepting that verifies it', async () => {
        const { fetch, requested } = keysServed();
        const report = await verifyCredential(fixture(file).text, { now: NOW, fetch });
        expectChecks(report, { context: ['warning', 'VC_1_1'], status: ['indeterminate', 'STATUS_UNAVAILABLE'] });
        expect(report.verified).toBe(false);
        expect(report.provenIssuer).toBe(did);
        // The did:web DID document was fetched from the did:web URL, once, and filed.
        expect(requested.filter((url) => url === didUrl)).toHaveLength(1);
        expect(report.provenance.fetched).toContainEqual(expect.objectContaining({ url: didUrl, status: 200 }));
        const lenient = await verifyCredential(fixture(file).text, { now: NOW, fetch, acceptUnavailableStatus: true });
        expect(lenient.verified).toBe(true);
      });

      it('no DID document at the did:web URL: proof DID_NOT_FOUND, not verified even when the status is accepted', async () => {
        const { fetch, requested } = fetchStub({});
        const report = await verifyCredential(fixture(file).text, { now: NOW, fetch, acceptUnavailableStatus: true });
        expectChecks(report, {
          context: ['warning', 'VC_1_1'],
          proof: ['failed', 'DID_NOT_FOUND'],
          'issuer-key': 'skipped',
          status: ['indeterminate', 'STATUS_UNAVAILABLE'],
        });
        expect(report.verified).toBe(false);
        expect(requested.sort()).toEqual([listUrl, didUrl].sort());
      });

      it('without fetch: nothing is fetched, the proof is indeterminate', async () => {
        const report = await verifyCredential(fixture(file).text, { now: NOW, acceptUnavailableStatus: true });
        expect(checkOf(report, 'proof')).toMatchObject({ status: 'indeterminate', code: 'VERIFICATION_METHOD_UNRESOLVABLE' });
        expect(report.provenance.fetched).toEqual([]);
        expect(report.verified).toBe(false);
      });
    });
  });

  describe('keys and the network', () => {
    it('without fetch, simple.json is not verified: proof indeterminate VERIFICATION_METHOD_UNRESOLVABLE, nothing fetched', async () => {
      const report = await verifyCredential(fixture('validator-fixtures/simple.json').text, { now: NOW });
      expectChecks(report, { proof: ['indeterminate', 'VERIFICATION_METHOD_UNRESOLVABLE'], 'issuer-key': 'skipped' });
      expect(report.verified).toBe(false);
      expect(report.provenIssuer).toBeUndefined();
      expect(report.provenance.fetched).toEqual([]);
    });

    it('with keys served, provenance lists the key document with status 200 and its sha256', async () => {
      const url = 'https://example.com/issuers/876543';
      const report = await verifyFile('validator-fixtures/simple.json');
      expect(report.verified).toBe(true);
      expect(report.provenance.fetched).toHaveLength(1);
      const [record] = report.provenance.fetched;
      expect(record).toMatchObject({ url, status: 200, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(record!.sha256).toBe(sha256Hex(JSON.stringify(keyDocuments.get(url))));
      expect(record!.error).toBeUndefined();
      expect(Number.isNaN(Date.parse(record!.fetchedAt))).toBe(false);
      expect(report.provenance.now).toBe(NOW.toISOString());
    });

    it('no OB fixture has a urn:uuid issuer, so the ISSUER_UNRESOLVABLE row is covered by a built credential', () => {
      const issuers = fixtures.flatMap((f) => {
        const issuer = f.json?.issuer;
        const id = typeof issuer === 'string' ? issuer : (issuer as { id?: unknown } | undefined)?.id;
        return typeof id === 'string' ? [id] : [];
      });
      expect(issuers.length).toBeGreaterThan(20);
      expect(issuers.filter((id) => id.startsWith('urn:'))).toEqual([]);
    });
  });
});

describe('an issuer id that names no keys (urn:uuid) signed by a did:key: ISSUER_UNRESOLVABLE', () => {
  async function urnIssuedCredential() {
    const key = await generateKey();
    const issuerId = 'urn:uuid:6f0b3c1e-8a5d-4c2b-9e7f-1a2b3c4d5e6f';
    // The builder insists on a resolvable issuer id, so the urn:uuid goes in after building, as
    // another issuing tool would have written it.
    const built = buildCredential(waitTimeDraft('https://lakeside.example.org/issuer'), { now: NOW });
    const unsigned = { ...built, issuer: { ...built.issuer, id: issuerId } };
    // signCredential refuses a key that is not the issuer's; the low-level signer does not.
    const signed = await signDocument(unsigned, { signer: key.signer() });
    return { key, issuerId, signed };
  }

  it('proof valid, issuer-key indeterminate ISSUER_UNRESOLVABLE, not verified by default', async () => {
    const { key, issuerId, signed } = await urnIssuedCredential();
    expect(key.controller.startsWith('did:key:')).toBe(true);
    const report = await verifyCredential(signed, { now: NOW });
    expectChecks(report, { 'issuer-key': ['indeterminate', 'ISSUER_UNRESOLVABLE'] });
    expect(report.verified).toBe(false);
    expect(report.provenIssuer).toBeUndefined();
    expect(checkOf(report, 'issuer-key').details).toMatchObject({ issuer: issuerId, controller: key.controller });
  });

  it('with acceptUnresolvableIssuer: verified, issuer-key warning ISSUER_ACCEPTED_BY_POLICY, the did:key is the proven issuer', async () => {
    const { key, signed } = await urnIssuedCredential();
    const report = await verifyCredential(signed, { now: NOW, acceptUnresolvableIssuer: true });
    expectChecks(report, { 'issuer-key': ['warning', 'ISSUER_ACCEPTED_BY_POLICY'] });
    expect(report.verified).toBe(true);
    expect(report.provenIssuer).toBe(key.controller);
    expect(report.provenance.policy.acceptUnresolvableIssuer).toBe(true);
    expect(report.provenance.fetched).toEqual([]);
  });

  it('the policy never rescues a broken signature', async () => {
    const { signed } = await urnIssuedCredential();
    const tampered = { ...signed, name: `${String(signed.name)} (edited)` };
    const report = await verifyCredential(tampered, { now: NOW, acceptUnresolvableIssuer: true });
    expect(checkOf(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
    expect(checkOf(report, 'issuer-key').status).not.toBe('warning');
    expect(report.verified).toBe(false);
    expect(report.provenIssuer).toBeUndefined();
  });
});

// CLEAN is the baseline the rows above override; keep it honest about what "nothing notable" is.
describe('the baseline', () => {
  it('names every check once', () => {
    expect(Object.keys(CLEAN)).toEqual([...CHECK_IDS]);
  });
});
