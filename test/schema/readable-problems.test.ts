/**
 * Problems must tell a person where and what to fix: one problem per thing wrong, at the exact
 * path, without ajv's anyOf/oneOf noise.
 */
import { describe, expect, it } from 'vitest';
import { isObv3Error } from '../../src/errors.js';
import { assertValidForIssue, validateForIssue, validateForVerify } from '../../src/schema/index.js';
import { deleteAt, sampleCredential, sampleEndorsement, sampleVc11Credential, setAt } from './samples.js';

const ACHIEVEMENT = '/credentialSubject/achievement';

describe('missing properties', () => {
  it('names the missing property in the path and says what to add', () => {
    const problems = validateForIssue(deleteAt(sampleCredential(), `${ACHIEVEMENT}/criteria`));
    expect(problems).toEqual([
      {
        path: `${ACHIEVEMENT}/criteria`,
        message: "required property 'criteria' is missing: add { narrative } or { id }",
        keyword: 'required',
      },
    ]);
  });

  it('folds "one of these properties" into one problem at the object', () => {
    expect(validateForIssue(setAt(sampleCredential(), `${ACHIEVEMENT}/criteria`, {}))).toEqual([
      { path: `${ACHIEVEMENT}/criteria`, message: "needs 'narrative' or 'id': add { narrative } or { id }", keyword: 'anyOf' },
    ]);
    const [problem, ...rest] = validateForIssue(deleteAt(sampleCredential(), '/credentialSubject/id'));
    expect(rest).toEqual([]);
    expect(problem?.path).toBe('/credentialSubject');
    expect(problem?.message).toMatch(/^needs 'id' or 'identifier': add id .* or identifier/);
  });

  it('says which type value a class needs', () => {
    const expected = [{ path: `${ACHIEVEMENT}/type`, message: "required property 'type' is missing: add type: ['Achievement']", keyword: 'required' }];
    expect(validateForIssue(deleteAt(sampleCredential(), `${ACHIEVEMENT}/type`))).toEqual(expected);
    expect(validateForVerify(deleteAt(sampleCredential(), `${ACHIEVEMENT}/type`))).toEqual(expected);
    const image = setAt(sampleCredential(), '/issuer/image', { id: 'https://example.org/logo.png' });
    expect(validateForIssue(image).map((p) => p.message)).toEqual(["required property 'type' is missing: add type: 'Image'"]);
  });

  it('names the class a missing object should be', () => {
    const [problem] = validateForIssue(deleteAt(sampleEndorsement(), '/credentialSubject'));
    expect(problem).toEqual({ path: '/credentialSubject', message: "required property 'credentialSubject' is missing: add an EndorsementSubject object", keyword: 'required' });
  });

  it('tells a VC 1.1 author what VC 2.0 calls things', () => {
    const messages = validateForIssue(sampleVc11Credential()).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain("/issuanceDate: property 'issuanceDate' is not allowed here: issuanceDate is VC 1.1; a VC 2.0 credential uses validFrom");
    expect(messages).toContain("/expirationDate: property 'expirationDate' is not allowed here: expirationDate is VC 1.1; a VC 2.0 credential uses validUntil");
    expect(messages.find((m) => m.startsWith('/validFrom: '))).toMatch(/add validFrom/);
  });
});

describe('wrong values', () => {
  it('lists the allowed values of a closed vocabulary', () => {
    const doc = setAt(sampleCredential(), '/credentialSubject/result', [{ type: ['Result'], status: 'Done' }]);
    const [problem, ...rest] = validateForIssue(doc);
    expect(rest).toEqual([]);
    expect(problem?.path).toBe('/credentialSubject/result/0/status');
    expect(problem?.message).toBe("must be one of: 'Completed', 'Enrolled', 'Failed', 'InProgress', 'OnHold', 'Provisional', 'Withdrew'");
  });

  it('folds an open vocabulary (terms or ext:) into one problem that mentions both', () => {
    const problems = validateForIssue(setAt(sampleCredential(), `${ACHIEVEMENT}/achievementType`, 'Microcredential'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe(`${ACHIEVEMENT}/achievementType`);
    expect(problems[0]?.message).toContain("'MicroCredential'");
    expect(problems[0]?.message).toContain("or an extension term such as 'ext:MyTerm'");
  });

  it('says which type a class type set must include', () => {
    expect(validateForVerify(setAt(sampleCredential(), '/issuer/type', ['Organization']))).toEqual([
      { path: '/issuer/type', message: "must include 'Profile'", keyword: 'contains' },
    ]);
    expect(validateForVerify(setAt(sampleCredential(), '/issuer/type', 'Organization'))).toEqual([
      { path: '/issuer/type', message: "must be 'Profile'", keyword: 'const' },
    ]);
    expect(validateForIssue(setAt(sampleCredential(), '/issuer/type', 'Profile'))).toEqual([
      { path: '/issuer/type', message: "must be an array such as ['Profile']", keyword: 'type' },
    ]);
  });

  it('names every JSON type an alternative would accept, once', () => {
    expect(validateForVerify(setAt(sampleCredential(), '/issuer', 42))).toEqual([
      { path: '/issuer', message: 'must be a string or an object', keyword: 'type' },
    ]);
    expect(validateForVerify(setAt(sampleCredential(), '/proof', 'signed'))).toEqual([
      { path: '/proof', message: 'must be an object or an array', keyword: 'type' },
    ]);
  });

  it('reports inside the alternative that fits the value, not the others', () => {
    const doc = setAt(sampleCredential(), '/proof', [{ created: 'yesterday' }]);
    expect(validateForVerify(doc)).toEqual([
      { path: '/proof/0/type', message: "required property 'type' is missing", keyword: 'required' },
      { path: '/proof/0/created', message: "must be an ISO 8601 date-time, such as '2024-01-31T09:00:00Z'", keyword: 'format' },
    ]);
  });

  it('explains formats and patterns in words', () => {
    const doc = setAt(sampleCredential(), '/validFrom', '2026-05-01');
    setAt(doc, `${ACHIEVEMENT}/inLanguage`, 'English');
    expect(validateForIssue(doc)).toEqual([
      { path: '/validFrom', message: "must be a date-time with a time zone, such as '2024-01-31T09:00:00Z'", keyword: 'format' },
      { path: `${ACHIEVEMENT}/inLanguage`, message: "must be a language code such as 'en' or 'en-US'", keyword: 'pattern' },
    ]);
  });

  it('escapes property names in paths as JSON Pointer does', () => {
    const doc = setAt(sampleCredential(), '/issuer/image', { id: 'https://example.org/a.png', type: 'Image', 'a/b~c': 1 });
    expect(validateForIssue(doc).map((p) => p.path)).toEqual(['/issuer/image/a~1b~0c']);
  });

  it('calls the document itself "/"', () => {
    expect(validateForVerify('not a credential')).toEqual([{ path: '/', message: 'must be an object', keyword: 'type' }]);
  });
});

describe('assertValidForIssue', () => {
  it('passes a valid credential silently', () => {
    expect(() => assertValidForIssue(sampleCredential())).not.toThrow();
  });

  it('throws SCHEMA_INVALID listing each problem as "<path>: <what to fix>"', () => {
    const doc = deleteAt(sampleCredential(), `${ACHIEVEMENT}/criteria`);
    setAt(doc, '/issuer/type', ['Organization']);
    let caught: unknown;
    try {
      assertValidForIssue(doc);
    } catch (error) {
      caught = error;
    }
    expect(isObv3Error(caught, 'SCHEMA_INVALID')).toBe(true);
    if (!isObv3Error(caught)) return;
    expect(caught.problems.map((p) => p.path)).toEqual(['/issuer/type', `${ACHIEVEMENT}/criteria`]);
    const lines = caught.message.split('\n');
    expect(lines[0]).toBe('The credential does not have the OB 3.0 shape obv3 issues (2 problems):');
    expect(lines.slice(1)).toEqual([
      "- /issuer/type: must include 'Profile'",
      `- ${ACHIEVEMENT}/criteria: required property 'criteria' is missing: add { narrative } or { id }`,
    ]);
  });

  it('uses the kind it is given', () => {
    expect(() => assertValidForIssue(sampleEndorsement(), 'profile')).toThrow(/profile does not have the OB 3.0 shape/);
  });
});
