import { describe, expect, it } from 'vitest';
import {
  buildAchievement,
  buildCredential,
  buildProfile,
  type CredentialDraft,
} from '../../src/build/index.js';
import { isObv3Error } from '../../src/errors.js';
import { waitTimeDraft, waitTimeExpected } from './wait-time.fixture.js';

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const minimalDraft: CredentialDraft = {
  issuer: { id: 'did:web:district.example', name: 'Example District' },
  achievement: {
    id: 'https://district.example/achievements/feedback',
    name: 'Effective Feedback',
    description: 'Gives students timely, specific feedback.',
    criteria: { narrative: 'Submit three annotated work samples.' },
  },
  recipient: { id: 'did:example:teacher-17' },
  validFrom: '2026-05-01T12:00:00Z',
};

describe('buildCredential', () => {
  it('builds the Wait Time micro-credential exactly', () => {
    expect(buildCredential(waitTimeDraft)).toStrictEqual(waitTimeExpected);
  });

  it('writes no undefined members (the output is plain JSON)', () => {
    const built = buildCredential(waitTimeDraft);
    expect(JSON.parse(JSON.stringify(built))).toStrictEqual(built);
  });

  it('leaves the draft untouched and shares no objects with it', () => {
    const draft = structuredClone(waitTimeDraft);
    const before = structuredClone(draft);
    const built = buildCredential(draft);
    expect(draft).toStrictEqual(before);
    (draft.credentialStatus as { statusListIndex: string }).statusListIndex = '99';
    expect((built.credentialStatus as { statusListIndex?: string } | undefined)?.statusListIndex).toBe('42');
  });

  it('names the recipient by id when given one, with no identifier', () => {
    const subject = buildCredential(minimalDraft).credentialSubject;
    expect(subject.id).toBe('did:example:teacher-17');
    expect(subject).not.toHaveProperty('identifier');
  });

  it('can name the recipient by id and hashed e-mail together', () => {
    const subject = buildCredential({
      ...minimalDraft,
      recipient: { id: 'did:example:teacher-17', email: 'a@example.com', salt: 'Kosher' },
    }).credentialSubject;
    expect(subject.id).toBe('did:example:teacher-17');
    expect(subject.identifier?.[0]?.identityHash).toBe('sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399');
  });

  it('hashes other identifier kinds with their identityType', () => {
    const [identity] = buildCredential({
      ...minimalDraft,
      recipient: { identifier: 'TX-000123', identityType: 'ext:StateLicenseNumber', salt: 's' },
    }).credentialSubject.identifier ?? [];
    expect(identity).toMatchObject({ identityType: 'ext:StateLicenseNumber', hashed: true, salt: 's' });
  });

  it('defaults id to a fresh urn:uuid, name to the achievement name, type to OpenBadgeCredential', () => {
    const a = buildCredential(minimalDraft);
    const b = buildCredential(minimalDraft);
    expect(a.id).toMatch(UUID_URN);
    expect(b.id).toMatch(UUID_URN);
    expect(a.id).not.toBe(b.id);
    expect(a.name).toBe('Effective Feedback');
    expect(a.type).toStrictEqual(['VerifiableCredential', 'OpenBadgeCredential']);
  });

  it('writes AchievementCredential when asked', () => {
    expect(buildCredential({ ...minimalDraft, type: 'AchievementCredential' }).type).toStrictEqual([
      'VerifiableCredential',
      'AchievementCredential',
    ]);
  });

  it('defaults validFrom to the injected clock, truncated to whole seconds', () => {
    const { validFrom: _omit, ...draft } = minimalDraft;
    const built = buildCredential(draft, { now: new Date('2026-07-04T08:09:10.987Z') });
    expect(built.validFrom).toBe('2026-07-04T08:09:10Z');
  });

  it('defaults validFrom to the current time', () => {
    const { validFrom: _omit, ...draft } = minimalDraft;
    const before = Math.floor(Date.now() / 1000) * 1000;
    const validFrom = Date.parse(buildCredential(draft).validFrom);
    expect(validFrom).toBeGreaterThanOrEqual(before);
    expect(validFrom).toBeLessThanOrEqual(Date.now());
  });

  it('appends extra contexts after the required two, once each', () => {
    const built = buildCredential({
      ...minimalDraft,
      extraContexts: [
        'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
      ],
    });
    expect(built['@context']).toStrictEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    ]);
  });

  it('refuses the VC 1.1 context and other OB context versions', () => {
    for (const url of [
      'https://www.w3.org/2018/credentials/v1',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
    ]) {
      expect(() => buildCredential({ ...minimalDraft, extraContexts: [url] })).toThrow(/extraContexts\[0\]/);
    }
  });

  it('accepts an already built issuer and achievement and gives the same credential', () => {
    const fromInputs = buildCredential({ ...minimalDraft, id: 'urn:uuid:00000000-0000-4000-8000-000000000000' });
    const fromBuilt = buildCredential({
      ...minimalDraft,
      id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
      issuer: buildProfile(minimalDraft.issuer),
      achievement: buildAchievement(minimalDraft.achievement),
    });
    expect(fromBuilt).toStrictEqual(fromInputs);
  });

  it('fills in type on evidence and results, and checks result values against the description', () => {
    const achievement = {
      ...minimalDraft.achievement,
      resultDescription: [
        { id: 'urn:x:score', name: 'Score', resultType: 'Percent' as const, valueMin: 0, valueMax: 100 },
        { id: 'urn:x:grade', name: 'Grade', resultType: 'LetterGrade' as const, allowedValue: ['C', 'B', 'A'] },
      ],
    };
    const built = buildCredential({
      ...minimalDraft,
      achievement,
      results: [
        { resultDescription: 'urn:x:score', value: 87 },
        { resultDescription: 'urn:x:grade', value: 'B', status: 'Completed' },
      ],
      evidence: [{ id: 'https://evidence.example/1' }],
    });
    expect(built.credentialSubject.result).toStrictEqual([
      { type: ['Result'], resultDescription: 'urn:x:score', value: '87' },
      { type: ['Result'], resultDescription: 'urn:x:grade', value: 'B', status: 'Completed' },
    ]);
    expect(built.evidence).toStrictEqual([{ id: 'https://evidence.example/1', type: ['Evidence'] }]);
    const outOfRange = (): unknown =>
      buildCredential({ ...minimalDraft, achievement, results: [{ resultDescription: 'urn:x:score', value: 101 }] });
    expect(outOfRange).toThrow(/results\[0\]\.value/);
    const notAllowed = (): unknown =>
      buildCredential({ ...minimalDraft, achievement, results: [{ resultDescription: 'urn:x:grade', value: 'E' }] });
    expect(notAllowed).toThrow(/results\[0\]\.value "E" is not an allowedValue/);
  });

  it('copies credentialSchema, termsOfUse and refreshService with their method-specific fields', () => {
    const built = buildCredential({
      ...minimalDraft,
      credentialSchema: [{ id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' }],
      termsOfUse: [{ type: 'ext:Policy', policy: 'district-only' }],
      refreshService: { id: 'https://district.example/refresh', type: '1EdTechCredentialRefresh' },
    });
    expect(built.termsOfUse).toStrictEqual([{ type: 'ext:Policy', policy: 'district-only' }]);
    expect(built.credentialSchema?.[0]?.type).toBe('1EdTechJsonSchemaValidator2019');
    expect(built.refreshService).toStrictEqual({ id: 'https://district.example/refresh', type: '1EdTechCredentialRefresh' });
  });

  it('rejects a credentialStatus without an id', () => {
    try {
      buildCredential({ ...minimalDraft, credentialStatus: { type: 'BitstringStatusListEntry' } as never });
      expect.unreachable();
    } catch (error) {
      expect(isObv3Error(error, 'SCHEMA_INVALID')).toBe(true);
      expect((error as Error).message).toMatch(/^credentialStatus\.id is missing/);
    }
  });
});
