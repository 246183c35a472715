/**
 * The two shapes: what obv3 issues (strict, VC 2.0) and what it accepts when verifying (what the
 * VC data model allows).
 */
import { describe, expect, it } from 'vitest';
import { OFFICIAL_SCHEMA_URLS, validateAgainstOfficialSchema, validateForIssue, validateForVerify } from '../../src/schema/index.js';
import { deleteAt, sampleCredential, sampleEndorsement, sampleProfile, sampleProof, sampleVc11Credential, setAt } from './samples.js';

const paths = (problems: readonly { path: string }[]): string[] => problems.map((p) => p.path);

describe('an unsigned credential as obv3 builds it', () => {
  it('passes the issue schema, the verify schema and the official schema', () => {
    const doc = sampleCredential();
    expect(validateForIssue(doc)).toEqual([]);
    expect(validateForVerify(doc)).toEqual([]);
    expect(validateAgainstOfficialSchema(doc, OFFICIAL_SCHEMA_URLS[0])).toEqual([]);
  });

  it('passes with a proof array', () => {
    expect(validateForIssue({ ...sampleCredential(), proof: [sampleProof()] })).toEqual([]);
  });

  it('accepts extension terms where the vocabulary is open', () => {
    const doc = setAt(sampleCredential(), '/credentialSubject/achievement/achievementType', 'ext:TeacherLeader');
    expect(validateForIssue(doc)).toEqual([]);
  });

  it('accepts a recipient named by identifier instead of id', () => {
    const doc = deleteAt(sampleCredential(), '/credentialSubject/id');
    setAt(doc, '/credentialSubject/identifier', [
      { type: 'IdentityObject', hashed: true, identityHash: 'sha256$6f1c', identityType: 'emailAddress', salt: 'pepper' },
    ]);
    expect(validateForIssue(doc)).toEqual([]);
  });
});

describe('where the issue schema is stricter than the verify schema', () => {
  it('a single proof object: rejected for issue (the official schema wants an array), accepted for verify', () => {
    const doc = { ...sampleCredential(), proof: sampleProof() };
    expect(validateForIssue(doc)).toEqual([{ path: '/proof', message: 'must be an array', keyword: 'type' }]);
    expect(validateForVerify(doc)).toEqual([]);
  });

  it('a VC 1.1 credential: rejected for issue, accepted for verify', () => {
    const doc = sampleVc11Credential();
    expect(paths(validateForIssue(doc)).sort()).toEqual(['/@context/0', '/expirationDate', '/issuanceDate', '/proof', '/validFrom']);
    expect(validateForVerify(doc)).toEqual([]);
  });

  it('an issuer given as a URI: rejected for issue, accepted for verify', () => {
    const doc = setAt(sampleCredential(), '/issuer', 'https://district.example.org/issuer');
    expect(validateForIssue(doc)).toEqual([{ path: '/issuer', message: 'must be an object', keyword: 'type' }]);
    expect(validateForVerify(doc)).toEqual([]);
  });

  it('types and images in their compacted single-value forms: accepted for verify only', () => {
    const doc = setAt(sampleCredential(), '/credentialSubject/type', 'AchievementSubject');
    setAt(doc, '/credentialSubject/achievement/image', 'https://district.example.org/badge.png');
    expect(paths(validateForIssue(doc))).toEqual(['/credentialSubject/type', '/credentialSubject/achievement/image']);
    expect(validateForVerify(doc)).toEqual([]);
  });

  it('an older OB context: rejected for issue; for verify the context check decides', () => {
    const doc = setAt(sampleCredential(), '/@context/1', 'https://purl.imsglobal.org/spec/ob/v3p0/context.json');
    expect(paths(validateForIssue(doc))).toEqual(['/@context/1']);
    expect(validateForVerify(doc)).toEqual([]);
  });

  it('unknown properties are allowed by both, except in the classes the model closes', () => {
    const open = { ...sampleCredential(), 'https://example.org/terms#note': 'kept' };
    expect(validateForIssue(open)).toEqual([]);
    const closed = setAt(sampleCredential(), '/issuer/image', { id: 'https://example.org/logo.png', type: 'Image', width: 20 });
    expect(paths(validateForIssue(closed))).toEqual(['/issuer/image/width']);
    expect(validateForVerify(closed)).toEqual([]);
  });
});

describe('what both schemas reject', () => {
  it.each([
    ['/issuer/type', ['Organization']],
    ['/credentialSubject/type', ['Recipient']],
    ['/credentialSubject/achievement/type', ['Badge']],
    ['/validFrom', 'May 1st'],
  ])('a wrong %s', (pointer, value) => {
    const doc = setAt(sampleCredential(), pointer, value);
    expect(paths(validateForIssue(doc))).toEqual([pointer]);
    expect(paths(validateForVerify(doc))).toEqual([pointer]);
  });

  it('a VC 1.1 credential without issuanceDate, a VC 2.0 one without validFrom', () => {
    expect(paths(validateForVerify(deleteAt(sampleVc11Credential(), '/issuanceDate')))).toEqual(['/issuanceDate']);
    expect(paths(validateForVerify(deleteAt(sampleCredential(), '/validFrom')))).toEqual(['/validFrom']);
  });
});

describe('endorsements and profiles', () => {
  it('picks the endorsement schema from the type', () => {
    const doc = sampleEndorsement();
    expect(validateForIssue(doc)).toEqual([]);
    expect(validateForVerify(doc)).toEqual([]);
    expect(validateAgainstOfficialSchema(doc, OFFICIAL_SCHEMA_URLS[1])).toEqual([]);
    // Read as an achievement credential, the same document is plainly wrong.
    expect(paths(validateForIssue(doc, 'credential'))).toContain('/credentialSubject/achievement');
  });

  it('requires an endorsement to be named', () => {
    expect(paths(validateForIssue(deleteAt(sampleEndorsement(), '/name')))).toEqual(['/name']);
    expect(paths(validateForVerify(deleteAt(sampleEndorsement(), '/name')))).toEqual(['/name']);
  });

  it('validates an issuer profile document', () => {
    const doc = sampleProfile();
    expect(validateForIssue(doc)).toEqual([]);
    expect(validateForVerify(doc)).toEqual([]);
    expect(paths(validateForIssue(setAt(sampleProfile(), '/email', 'not an address')))).toEqual(['/email']);
    expect(paths(validateForIssue(setAt(sampleProfile(), '/address/addressCountryCode', 'usa')))).toEqual(['/address/addressCountryCode']);
    expect(paths(validateForIssue(deleteAt(sampleProfile(), '/id'), 'profile'))).toEqual(['/id']);
  });
});
