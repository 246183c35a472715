/**
 * Whatever arrives, validation answers with problems; it never throws, hangs or pollutes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH, MAX_PROBLEMS } from '../../src/schema/run-validator.js';
import {
  OFFICIAL_SCHEMA_URLS,
  validateAgainstOfficialSchema,
  validateForIssue,
  validateForVerify,
} from '../../src/schema/index.js';
import type { ValidationProblem } from '../../src/errors.js';
import { sampleCredential, setAt, type JsonObject } from './samples.js';

const validators: [string, (doc: unknown) => ValidationProblem[]][] = [
  ['validateForIssue', (doc) => validateForIssue(doc)],
  ['validateForVerify', (doc) => validateForVerify(doc)],
  ['official schema', (doc) => validateAgainstOfficialSchema(doc, OFFICIAL_SCHEMA_URLS[0]) ?? []],
];

function wellFormed(problems: ValidationProblem[]): void {
  expect(Array.isArray(problems)).toBe(true);
  for (const p of problems) {
    expect(p.path.startsWith('/')).toBe(true);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

describe.each(validators)('%s on hostile input', (_name, validate) => {
  it('refuses deep nesting along the schema (parentOrg of parentOrg of …)', () => {
    let org: JsonObject = { id: 'https://example.org/0', type: ['Profile'] };
    for (let i = 1; i < 20_000; i += 1) org = { id: `https://example.org/${i}`, type: ['Profile'], parentOrg: org };
    const problems = validate(setAt(sampleCredential(), '/issuer', org));
    expect(problems).toEqual([{ path: '/', keyword: 'depth', message: `nests deeper than ${MAX_NESTING_DEPTH} levels, far beyond any credential` }]);
  });

  it('refuses deep junk where the schema does not look', () => {
    let junk: unknown = 'bottom';
    for (let i = 0; i < 5_000; i += 1) junk = [junk];
    expect(validate({ ...sampleCredential(), junk }).map((p) => p.keyword)).toEqual(['depth']);
  });

  it('refuses a cycle', () => {
    const doc = sampleCredential();
    (doc.issuer as JsonObject).parentOrg = doc.issuer;
    expect(validate(doc).map((p) => p.keyword)).toEqual(['cycle']);
  });

  it('accepts the same object used twice (not a cycle)', () => {
    const doc = sampleCredential();
    const subject = doc.credentialSubject as JsonObject;
    (subject.achievement as JsonObject).creator = doc.issuer;
    expect(validate(doc).map((p) => p.keyword)).not.toContain('cycle');
  });

  it('reports a getter that throws instead of throwing', () => {
    const doc = sampleCredential();
    Object.defineProperty(doc, 'credentialSubject', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(validate(doc)).toEqual([{ path: '/', keyword: 'exception', message: 'could not be read: boom; pass plain JSON data' }]);
  });

  it('reports a Proxy that refuses to be read', () => {
    const doc = new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } });
    expect(validate(doc)[0]?.keyword).toBe('exception');
  });

  it('treats __proto__ and constructor keys as plain data and pollutes nothing', () => {
    const text = JSON.stringify(sampleCredential()).replace('"credentialSubject":{', '"credentialSubject":{"__proto__":{"polluted":true,"id":"did:example:x"},"constructor":{"prototype":{"polluted":true}},');
    const doc = JSON.parse(text) as unknown;
    wellFormed(validate(doc));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const bare = JSON.parse('{"__proto__":{"type":["AchievementSubject"],"achievement":{}}}') as unknown;
    const problems = validate({ ...sampleCredential(), credentialSubject: bare });
    // An inherited-looking key satisfies nothing.
    expect(problems.map((p) => p.path)).toContain('/credentialSubject/type');
  });

  it('caps the number of problems listed', () => {
    const doc = setAt(sampleCredential(), '/credentialSubject/result', Array.from({ length: 500 }, () => ({ type: 7, status: 'Nope' })));
    const problems = validate(doc);
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems.at(-1)).toMatchObject({ path: '/', keyword: 'limit' });
    expect(problems.at(-1)?.message).toMatch(/^and \d+ more problems/);
  });

  it('answers any JSON value with well-formed problems', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        wellFormed(validate(value));
      }),
      { numRuns: 300 },
    );
  });

  it('answers a credential with any part replaced by any JSON value', () => {
    const pointers = ['/issuer', '/issuer/type', '/credentialSubject', '/credentialSubject/achievement', '/credentialSubject/achievement/criteria', '/@context', '/type', '/validFrom', '/proof'];
    fc.assert(
      fc.property(fc.constantFrom(...pointers), fc.jsonValue({ maxDepth: 4 }), (pointer, value) => {
        const problems = validate(setAt(sampleCredential(), pointer, value));
        wellFormed(problems);
        // Nothing is reported twice.
        expect(new Set(problems.map((p) => `${p.path} ${p.message}`)).size).toBe(problems.length);
      }),
      { numRuns: 300 },
    );
  });
});
