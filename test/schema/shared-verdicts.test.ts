/**
 * Every credential in ../shared/spec gets an explicit verdict from our schemas, so a schema edit
 * that flips one shows up here. Which fixtures the schema must reject, and which it must leave to
 * other checks, follows ../shared/spec/ob-v3p0/EXPECTED.md.
 */
import { describe, expect, it } from 'vitest';
import {
  OFFICIAL_SCHEMA_URLS,
  validateAgainstOfficialSchema,
  validateForIssue,
  validateForVerify,
} from '../../src/schema/index.js';
import { hasSharedSpec, listShared, readSharedJson } from '../support/shared-spec.js';

const [ACHIEVEMENT_URL, ENDORSEMENT_URL] = OFFICIAL_SCHEMA_URLS;

/** validator-fixtures/*.json → the problem paths validateForVerify must report ([] = accepted). */
const VERIFY_VERDICTS: Readonly<Record<string, readonly string[]>> = {
  // Valid badges.
  'simple.json': [],
  'simple_v1.json': [],
  'simple-context-version.json': [],
  'simple-did-web-method.json': [],
  'simple-eddsa-2022.json': [],
  'complete.json': [],
  'credential-status-revoked.json': [],
  'bit-string-list__credential-status-revoked.json': [],
  'sd__derivedcredential.json': [],
  'endorsement-valid.json': [],
  // Well-shaped, failed by another check (proof, valid-until, context, type).
  'simple-noproof.json': [],
  'simple-err-expired.json': [],
  'simple-err-proof-method.json': [],
  'simple-err-proof-method-unknown-scheme.json': [],
  'simple-err-proof-value.json': [],
  'simple-err-context.json': [],
  'simple-err-type.json': [],
  // Rejected by the schema.
  'simple-err-credential-subject-type.json': ['/credentialSubject/type'],
  'simple-err-credential-subject-identifier-type.json': ['/credentialSubject/identifier/0/type'],
  'simple-err-credential-subject-profile-type.json': ['/credentialSubject/source/type'],
  'simple-err-credential-subject-achievement-result-description-type.json': ['/credentialSubject/achievement/resultDescription/2/type'],
  'simple-err-issuer-type.json': ['/issuer/type'],
  'simple-err-issuer-otheridentifier-type.json': ['/issuer/otherIdentifier/1/type'],
  'simple-err-issuer.json': ['/issuer'],
  // A status list credential, not a badge: the type check fails it; its subject is not an AchievementSubject.
  'bit-string-list__testlist.json': ['/credentialSubject/type'],
};

/** examples/*.eddsa.json → the problem paths validateForIssue reports. */
const ISSUE_VERDICTS: Readonly<Record<string, readonly string[]>> = {
  'ob-basic.eddsa.json': [],
  'ob-file-contents.eddsa.json': [],
  'ob-complete.eddsa.json': [],
  'endorsement.eddsa.json': [],
  'ob-alignment-case.eddsa.json': [],
  'ob-alignment-ctdl.eddsa.json': [],
  'ob-skill-case.eddsa.json': [],
  'ob-skill-ctdl.eddsa.json': [],
  // The implementation guide's vector carries one proof object, not an array.
  'ob-impl-testvector.eddsa.json': ['/proof'],
};

function paths(problems: readonly { path: string }[]): string[] {
  return problems.map((p) => p.path);
}

function isEndorsement(doc: Record<string, unknown>): boolean {
  return Array.isArray(doc.type) && doc.type.includes('EndorsementCredential');
}

describe.skipIf(!hasSharedSpec)('verify schema verdicts on the official validator fixtures', () => {
  const files = hasSharedSpec ? listShared('ob-v3p0', 'validator-fixtures').filter((f) => f.endsWith('.json')) : [];

  it('has a verdict for every fixture', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(files.filter((f) => !(f in VERIFY_VERDICTS))).toEqual([]);
  });

  it.each(Object.entries(VERIFY_VERDICTS))('%s → %j', (file, expected) => {
    const doc = readSharedJson('ob-v3p0', 'validator-fixtures', file);
    expect(paths(validateForVerify(doc))).toEqual(expected);
  });
});

describe.skipIf(!hasSharedSpec)('schema verdicts on the signed spec examples', () => {
  const files = hasSharedSpec ? listShared('ob-v3p0', 'examples').filter((f) => f.endsWith('.eddsa.json')) : [];

  it('has a verdict for every example', () => {
    expect(files.length).toBe(9);
    expect(files.filter((f) => !(f in ISSUE_VERDICTS))).toEqual([]);
  });

  it.each(files)('%s passes the verify schema', (file) => {
    expect(validateForVerify(readSharedJson('ob-v3p0', 'examples', file))).toEqual([]);
  });

  it.each(Object.entries(ISSUE_VERDICTS))('%s → issue schema %j', (file, expected) => {
    const doc = readSharedJson('ob-v3p0', 'examples', file);
    expect(paths(validateForIssue(doc))).toEqual(expected);
  });

  it.each(Object.entries(ISSUE_VERDICTS))('%s → official schema agrees with the issue schema', (file, expected) => {
    const doc = readSharedJson('ob-v3p0', 'examples', file);
    const official = validateAgainstOfficialSchema(doc, isEndorsement(doc) ? ENDORSEMENT_URL : ACHIEVEMENT_URL);
    expect(paths(official ?? [{ path: 'not an official schema' }])).toEqual(expected);
  });
});

describe.skipIf(!hasSharedSpec)('issue schema is never looser than the official schema', () => {
  const all = hasSharedSpec
    ? [
        ...listShared('ob-v3p0', 'examples').filter((f) => f.endsWith('.json') && !f.includes('keypair')).map((f) => ['examples', f] as const),
        ...listShared('ob-v3p0', 'validator-fixtures').filter((f) => f.endsWith('.json')).map((f) => ['validator-fixtures', f] as const),
      ]
    : [];

  it.each(all)('%s/%s', (folder, file) => {
    const doc = readSharedJson('ob-v3p0', folder, file);
    const official = validateAgainstOfficialSchema(doc, isEndorsement(doc) ? ENDORSEMENT_URL : ACHIEVEMENT_URL) ?? [];
    // What we would issue, the official schema must accept.
    if (validateForIssue(doc).length === 0) expect(official).toEqual([]);
    // What the official schema accepts, our tolerant verify schema must accept too.
    if (official.length === 0) expect(validateForVerify(doc)).toEqual([]);
  });
});
