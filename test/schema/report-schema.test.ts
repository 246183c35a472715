/**
 * schemas/verification-report-v1.schema.json describes the VerificationReport type exactly: a
 * report the library would produce validates, and the enumerations match report.ts.
 */
import { describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/verification-report-v1.schema.json';
import { validateAgainstSchema } from '../../src/schema/index.js';
import { CHECK_IDS, REPORT_VERSION, type CheckCode, type VerificationReport } from '../../src/verify/report.js';

// Listing every code as a key makes the compiler flag a code added to report.ts but not here.
const ALL_CODES: Record<CheckCode, true> = {
  INPUT_NOT_JSON: true, INPUT_NOT_OBJECT: true, INPUT_TOO_LARGE: true, INPUT_TOO_DEEP: true, INPUT_FORBIDDEN_KEY: true,
  INPUT_FORMAT_UNSUPPORTED: true, CONTEXT_MISSING: true, CONTEXT_ORDER: true, CONTEXT_UNKNOWN: true, CONTEXT_OUTDATED: true,
  VC_1_1: true, TYPE_INVALID: true, SCHEMA_INVALID: true, CREDENTIAL_SCHEMA_UNAVAILABLE: true,
  SUBJECT_MISSING: true, SUBJECT_IDENTIFIER_MISSING: true, ACHIEVEMENT_MISSING: true, PROOF_MISSING: true, PROOF_INVALID: true, PROOF_TYPE_UNSUPPORTED: true,
  CRYPTOSUITE_UNSUPPORTED: true, LEGACY_CRYPTOSUITE: true, INPUT_TOO_COMPLEX: true,
  VERIFICATION_METHOD_UNRESOLVABLE: true, VERIFICATION_METHOD_INVALID: true, KEY_NOT_AUTHORIZED: true, KEY_REVOKED: true, KEY_EXPIRED: true,
  KEY_NOT_CONTROLLED_BY_ISSUER: true, ISSUER_UNRESOLVABLE: true, ISSUER_ACCEPTED_BY_POLICY: true, NOT_YET_VALID: true,
  EXPIRED: true, DATE_INVALID: true, REVOKED: true, SUSPENDED: true, STATUS_UNAVAILABLE: true, STATUS_TYPE_UNSUPPORTED: true, STATUS_LIST_ISSUER_MISMATCH: true, STATUS_INDEX_NUMERIC: true,
  ISSUER_NOT_TRUSTED: true,
  // stacks and CLR
  SCHEMA_SINGLE_VALUE: true, CLR_CREDENTIALS_MISSING: true, EMBEDDED_CREDENTIAL_NOT_VERIFIED: true, EMBEDDED_CREDENTIALS_TOO_MANY: true,
  EMBEDDING_TOO_DEEP: true, EMBEDDED_RECIPIENT_MISMATCH: true, ASSOCIATION_DANGLING: true,
  // issuer identity and trust (issue 4)
  DID_NOT_FOUND: true, DID_DOCUMENT_INVALID: true, DID_ID_MISMATCH: true,
  ENDORSEMENT_INVALID: true, ENDORSEMENT_UNVERIFIABLE: true, ENDORSEMENT_LIMIT_EXCEEDED: true,
  // baked images
  BAKED_IMAGE_INVALID: true, BAKED_CREDENTIAL_MISSING: true, BAKED_CREDENTIAL_INVALID: true, OB2_ASSERTION: true,
  // VC-JWT and presentations (issue 6)
  JWT_INVALID: true, JWT_ALGORITHM_UNSUPPORTED: true, JWT_CLAIM_MISSING: true, JWT_CLAIM_MISMATCH: true,
  PRESENTATION_EMPTY: true, CHALLENGE_MISSING: true, CHALLENGE_MISMATCH: true, DOMAIN_MISSING: true, DOMAIN_MISMATCH: true,
  HOLDER_MISMATCH: true, HOLDER_NOT_PROVEN: true,
};

const SHA = 'a'.repeat(64);

function sampleReport(): VerificationReport {
  const passed = CHECK_IDS.map((id) => ({ id, status: 'passed' as const, message: `${id} passed` }));
  return {
    verified: false,
    format: 'png',
    credential: { id: 'urn:uuid:1', type: ['VerifiableCredential', 'OpenBadgeCredential'] },
    checks: [
      ...passed.slice(0, 9),
      { id: 'status', status: 'indeterminate', code: 'STATUS_UNAVAILABLE', message: 'The status list could not be fetched.', details: { url: 'https://example.org/status/1', attempts: [1, 2] } },
      { id: 'endorsements', status: 'skipped', message: 'No endorsements.' },
      { id: 'trust', status: 'warning', code: 'ISSUER_NOT_TRUSTED', message: 'Not on the trust list.' },
    ],
    provenIssuer: 'https://district.example.org/issuer',
    provenance: {
      reportVersion: REPORT_VERSION,
      inputSha256: SHA,
      library: { name: 'obv3', version: '0.1.0' },
      contexts: [{ url: 'https://www.w3.org/ns/credentials/v2', sha256: SHA }],
      policy: { acceptUnresolvableIssuer: false, acceptUnavailableStatus: false, acceptStatusListFromOtherIssuer: false, clockSkewSeconds: 0, requireValidEndorsements: false, acceptMissingJwtClaims: false },
      now: '2026-06-01T00:00:00.000Z',
      verifiedAt: '2026-06-01T00:00:01.250Z',
      fetched: [
        { url: 'https://example.org/status/1', fetchedAt: '2026-06-01T00:00:00.900Z', error: 'timed out' },
        { url: 'https://district.example.org/issuer', status: 200, sha256: SHA, fetchedAt: '2026-06-01T00:00:00.500Z' },
      ],
    },
  };
}

const validate = (report: unknown) => validateAgainstSchema(report, reportSchema);

describe('verification report schema v1', () => {
  it('is a versioned 2020-12 schema of ours', () => {
    expect(reportSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(reportSchema.$id).toBe('https://obv3.dev/schemas/verification-report-v1.schema.json');
    expect(REPORT_VERSION).toMatch(new RegExp(reportSchema.$defs.Provenance.properties.reportVersion.pattern));
  });

  it('enumerates exactly the check ids and codes of report.ts', () => {
    expect(reportSchema.$defs.CheckId.enum).toEqual([...CHECK_IDS]);
    expect([...reportSchema.$defs.CheckCode.enum].sort()).toEqual(Object.keys(ALL_CODES).sort());
  });

  it('accepts a full report, as JSON', () => {
    expect(validate(JSON.parse(JSON.stringify(sampleReport())))).toEqual([]);
  });

  it('accepts a report that stopped at parse (no credential, one check)', () => {
    const report = sampleReport();
    delete report.credential;
    delete report.provenIssuer;
    report.checks = [{ id: 'parse', status: 'failed', code: 'INPUT_NOT_JSON', message: 'Not JSON.' }];
    expect(validate(report)).toEqual([]);
  });

  it.each([
    ['an unknown check id', (r: Record<string, any>) => { r.checks[0].id = 'vibes'; }, '/checks/0/id'],
    ['an unknown code', (r: Record<string, any>) => { r.checks[9].code = 'MAYBE'; }, '/checks/9/code'],
    ['an unknown status', (r: Record<string, any>) => { r.checks[0].status = 'ok'; }, '/checks/0/status'],
    ['a field the type does not have', (r: Record<string, any>) => { r.score = 3; }, '/score'],
    ['a report from another major version', (r: Record<string, any>) => { r.provenance.reportVersion = '2.0.0'; }, '/provenance/reportVersion'],
    ['a short input hash', (r: Record<string, any>) => { r.provenance.inputSha256 = 'abc'; }, '/provenance/inputSha256'],
    ['a missing policy', (r: Record<string, any>) => { delete r.provenance.policy; }, '/provenance/policy'],
    ['another library', (r: Record<string, any>) => { r.provenance.library.name = 'other'; }, '/provenance/library/name'],
  ])('rejects %s', (_label, mutate, path) => {
    const report = JSON.parse(JSON.stringify(sampleReport())) as Record<string, any>;
    mutate(report);
    expect(validate(report).map((p) => p.path)).toEqual([path]);
  });

  it('lets a later 1.x policy carry more decisions', () => {
    const report = JSON.parse(JSON.stringify(sampleReport())) as Record<string, any>;
    report.provenance.policy.trustedIssuers = ['https://district.example.org/issuer'];
    expect(validate(report)).toEqual([]);
  });
});
