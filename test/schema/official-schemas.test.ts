/**
 * The bundled official 1EdTech schemas: exact copies, found by their published URLs only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OFFICIAL_SCHEMA_URLS, validateAgainstOfficialSchema } from '../../src/schema/index.js';
import { hasSharedSpec, readSharedJson, readSharedText } from '../support/shared-spec.js';
import { deleteAt, sampleCredential, sampleEndorsement, sampleProfile, sampleProof } from './samples.js';

const OFFICIAL_DIR = new URL('../../schemas/official/', import.meta.url);
const bundled = (name: string): string => readFileSync(new URL(name, OFFICIAL_DIR), 'utf8');

describe('OFFICIAL_SCHEMA_URLS', () => {
  it('are the three published purl URLs, each bundled under its file name', () => {
    expect(OFFICIAL_SCHEMA_URLS).toEqual([
      'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_profile_schema.json',
    ]);
    const files = readdirSync(OFFICIAL_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(OFFICIAL_SCHEMA_URLS.map((u) => u.slice(u.lastIndexOf('/') + 1)).sort());
  });

  it('answers undefined for any other URL, including the schemas’ own $id spelling', () => {
    expect(validateAgainstOfficialSchema(sampleCredential(), 'https://example.org/schema.json')).toBeUndefined();
    expect(validateAgainstOfficialSchema(sampleCredential(), 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential-jsonschema1.json')).toBeUndefined();
    expect(validateAgainstOfficialSchema(sampleCredential(), `${OFFICIAL_SCHEMA_URLS[0]}#`)).toBeUndefined();
  });
});

describe.skipIf(!hasSharedSpec)('bundled copies', () => {
  it.each([
    ['ob_v3p0_achievementcredential_schema.json', 'achievementcredential.json'],
    ['ob_v3p0_endorsementcredential_schema.json', 'endorsementcredential.json'],
    ['ob_v3p0_profile_schema.json', 'profile.json'],
  ])('%s is byte-for-byte %s', (ours, theirs) => {
    expect(bundled(ours)).toBe(readSharedText('ob-v3p0', 'schema', theirs));
  });
});

describe('validateAgainstOfficialSchema', () => {
  const [achievement, endorsement, profile] = OFFICIAL_SCHEMA_URLS;

  it('accepts valid documents of each kind', () => {
    expect(validateAgainstOfficialSchema({ ...sampleCredential(), proof: [sampleProof()] }, achievement)).toEqual([]);
    expect(validateAgainstOfficialSchema(sampleEndorsement(), endorsement)).toEqual([]);
    expect(validateAgainstOfficialSchema(sampleProfile(), profile)).toEqual([]);
  });

  it('rejects a broken credential with readable problems', () => {
    const problems = validateAgainstOfficialSchema(deleteAt(sampleCredential(), '/credentialSubject/achievement/criteria'), achievement);
    expect(problems).toEqual([
      { path: '/credentialSubject/achievement/criteria', message: "required property 'criteria' is missing: add { narrative } or { id }", keyword: 'required' },
    ]);
  });

  it('rejects a single proof object, as 1EdTech does', () => {
    expect(validateAgainstOfficialSchema({ ...sampleCredential(), proof: sampleProof() }, achievement)?.map((p) => p.path)).toEqual(['/proof']);
  });

  it('folds the oneOf of an issuer (URI or Profile) to the part that fits', () => {
    const doc = { ...sampleCredential(), issuer: { id: 'https://example.org/i', type: ['Organization'] } };
    expect(validateAgainstOfficialSchema(doc, achievement)).toEqual([
      { path: '/issuer/type', message: "must include 'Profile'", keyword: 'contains' },
    ]);
  });

  it.skipIf(!hasSharedSpec)('accepts the validator fixture complete.json its credentialSchema names', () => {
    const doc = readSharedJson('ob-v3p0', 'validator-fixtures', 'complete.json');
    const declared = (doc.credentialSchema as { id: string }[]).map((s) => s.id);
    expect(declared).toContain(achievement);
    expect(validateAgainstOfficialSchema(doc, achievement)).toEqual([]);
  });
});
