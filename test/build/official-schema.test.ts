/**
 * Built credentials must pass 1EdTech's own JSON Schema, not just ours. The schema lives in
 * ../shared (absent in a fresh clone), so these tests skip with a warning when it is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCredential, type CredentialDraft, type RecipientInput } from '../../src/build/index.js';
import { waitTimeDraft } from './wait-time.fixture.js';

const SCHEMA_PATH = fileURLToPath(new URL('../../../shared/spec/ob-v3p0/schema/achievementcredential.json', import.meta.url));
const haveSchema = existsSync(SCHEMA_PATH);
if (!haveSchema) {
  console.warn(`official-schema.test.ts: skipped, ${SCHEMA_PATH} is absent (the 1EdTech schema is read from ../shared/spec).`);
}

function compileOfficialSchema(): (data: unknown) => { valid: boolean; errors: string } {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
  return (data) => {
    const valid = validate(data);
    return { valid, errors: ajv.errorsText(validate.errors) };
  };
}

const signed = (credential: object): object => ({
  ...credential,
  proof: [
    {
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      created: '2026-05-01T12:00:00Z',
      verificationMethod: 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
      proofPurpose: 'assertionMethod',
      proofValue: 'z3yUuWbFsLUp2CUrSZRaRbTk1UnkhpoJgJYu1SdMqd3AEMotpY41sKky7VzavnSfjApggtWJg1tHhk2CnHEo6yGNz',
    },
  ],
});

describe.skipIf(!haveSchema)('the official 1EdTech AchievementCredential schema accepts built credentials', () => {
  const check = haveSchema ? compileOfficialSchema() : () => ({ valid: false, errors: 'schema missing' });

  it('the Wait Time micro-credential, unsigned and with a proof', () => {
    const credential = buildCredential(waitTimeDraft);
    expect(check(credential)).toStrictEqual({ valid: true, errors: 'No errors' });
    expect(check(signed(credential))).toStrictEqual({ valid: true, errors: 'No errors' });
  });

  it('a minimal credential, and one with every optional part', () => {
    const minimal = buildCredential({
      issuer: { id: 'did:web:district.example', name: 'District' },
      achievement: { name: 'A', description: 'D', criteria: { id: 'https://district.example/criteria' } },
      recipient: { id: 'did:example:teacher' },
    });
    expect(check(minimal).errors).toBe('No errors');
    const full = buildCredential({
      ...waitTimeDraft,
      type: 'AchievementCredential',
      description: 'Awarded for Wait Time.',
      image: { id: 'data:image/png;base64,iVBORw0KGgo=', caption: 'Badge' },
      licenseNumber: 'TX-123',
      role: 'Grade 7 science teacher',
      term: 'Spring 2026',
      narrative: 'Scored Proficient on all three artefacts.',
      source: { id: 'https://educators.example.org/programs/mc', name: 'Micro-credential Program Office' },
      credentialSchema: [{ id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' }],
      termsOfUse: [{ type: 'ext:Policy' }],
      refreshService: { id: 'https://educators.example.org/refresh', type: '1EdTechCredentialRefresh' },
      extraContexts: ['https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'],
      issuer: {
        id: 'did:web:educators.example.org',
        name: 'Example Educators',
        phone: '+1-555-0100',
        official: 'Dr. A. Registrar',
        address: { streetAddress: '1 Main St', addressLocality: 'Austin', addressRegion: 'TX', addressCountryCode: 'US', postalCode: '78701', geo: { latitude: 30.27, longitude: -97.74 } },
        otherIdentifier: [{ identifier: '12-3456789', identifierType: 'ext:EIN' }],
        parentOrg: { id: 'https://state.example.gov', name: 'State Education Agency' },
        endorsementJwt: ['eyJhbGciOiJFZERTQSJ9.eyJ4IjoxfQ.c2ln'],
      },
    });
    expect(check(full).errors).toBe('No errors');
  });

  it('rejects what the builder would never emit (the check can fail)', () => {
    const credential = buildCredential(waitTimeDraft) as unknown as Record<string, Record<string, unknown>>;
    const broken = structuredClone(credential);
    delete (broken.credentialSubject!.achievement as Record<string, unknown>).criteria;
    expect(check(broken).valid).toBe(false);
    expect(check({ ...credential, validFrom: '2026-05-01' }).valid).toBe(false);
  });

  it('any recipient and any text fields', () => {
    const recipient: fc.Arbitrary<RecipientInput> = fc.oneof(
      fc.webUrl().map((id) => ({ id })),
      fc.emailAddress().map((email) => ({ email })),
      fc.record({ identifier: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''), identityType: fc.constantFrom('sourcedId', 'ext:Licence', 'userName' as const) }),
    );
    const text = fc.string({ minLength: 1 }).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(recipient, text, text, fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9000-01-01T00:00:00Z'), noInvalidDate: true }), (r, name, narrative, validFrom) => {
        const draft: CredentialDraft = {
          issuer: { id: 'https://district.example/issuer', name },
          achievement: { name, description: narrative, criteria: { narrative } },
          recipient: r,
          validFrom,
          evidence: [{ narrative }],
        };
        expect(check(buildCredential(draft)).errors).toBe('No errors');
      }),
      { numRuns: 200 },
    );
  });
});
