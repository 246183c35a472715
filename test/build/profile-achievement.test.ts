import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAchievement, buildProfile, type AchievementInput } from '../../src/build/index.js';

const UUID_URN = /^urn:uuid:[0-9a-f-]{36}$/;

describe('buildProfile', () => {
  it('builds a full issuer profile', () => {
    expect(
      buildProfile({
        id: 'did:web:district.example',
        name: 'Example District',
        url: 'https://district.example',
        phone: '+1-555-0100',
        email: 'pd@district.example',
        description: 'Professional learning office.',
        image: { id: 'https://district.example/logo.png', caption: 'Logo' },
        official: 'Dr. A. Registrar',
        address: { addressLocality: 'Austin', addressCountryCode: 'US', geo: { latitude: 30.27, longitude: -97.74 } },
        otherIdentifier: [{ identifier: '12-3456789', identifierType: 'ext:EIN' }],
        parentOrg: { id: 'https://state.example.gov', name: 'State Education Agency' },
      }),
    ).toStrictEqual({
      id: 'did:web:district.example',
      type: ['Profile'],
      name: 'Example District',
      url: 'https://district.example',
      phone: '+1-555-0100',
      description: 'Professional learning office.',
      image: { id: 'https://district.example/logo.png', type: 'Image', caption: 'Logo' },
      email: 'pd@district.example',
      address: {
        type: ['Address'],
        addressCountryCode: 'US',
        addressLocality: 'Austin',
        geo: { type: 'GeoCoordinates', latitude: 30.27, longitude: -97.74 },
      },
      otherIdentifier: [{ type: 'IdentifierEntry', identifier: '12-3456789', identifierType: 'ext:EIN' }],
      official: 'Dr. A. Registrar',
      parentOrg: { id: 'https://state.example.gov', type: ['Profile'], name: 'State Education Agency' },
    });
  });

  it('keeps extra type members and extension properties', () => {
    const built = buildProfile({ id: 'https://x.example/p', name: 'P', type: ['ext:Agency', 'Profile'], 'ext:region': 'North' } as never);
    expect(built.type).toStrictEqual(['Profile', 'ext:Agency']);
    expect((built as unknown as Record<string, unknown>)['ext:region']).toBe('North');
  });

  it('refuses extra members on classes the schema closes', () => {
    expect(() => buildProfile({ id: 'https://x.example/p', name: 'P', image: { id: 'https://x.example/i.png', alt: 'x' } } as never)).toThrow(
      /^profile\.image\.alt is not allowed here/,
    );
    expect(() =>
      buildProfile({ id: 'https://x.example/p', name: 'P', otherIdentifier: [{ identifier: 'x', identifierType: 'sourcedId', idType: 'x' }] } as never),
    ).toThrow(/^profile\.otherIdentifier\[0\]\.idType is not allowed here/);
  });

  it('checks coordinates, country codes and dates of birth', () => {
    const base = { id: 'https://x.example/p', name: 'P' };
    expect(() => buildProfile({ ...base, address: { geo: { latitude: 91, longitude: 0 } } })).toThrow(/^profile\.address\.geo\.latitude must be between -90 and 90/);
    expect(() => buildProfile({ ...base, address: { addressCountryCode: 'USA' } })).toThrow(/alpha-2/);
    expect(buildProfile({ ...base, dateOfBirth: '1980-06-15' }).dateOfBirth).toBe('1980-06-15');
    expect(() => buildProfile({ ...base, dateOfBirth: '1980-06-31' })).toThrow(/^profile\.dateOfBirth/);
  });
});

const achievementInput: AchievementInput = {
  name: 'Questioning',
  description: 'Asks open questions.',
  criteria: { narrative: 'Submit a video.' },
  achievementType: 'MicroCredential',
  creator: { id: 'https://district.example', name: 'District' },
  resultDescription: [
    { name: 'Rubric', resultType: 'RubricCriterionLevel', rubricCriterionLevel: [{ name: 'Emerging' }, { name: 'Proficient', points: 2 }] },
  ],
};

describe('buildAchievement', () => {
  it('gives the achievement, its result descriptions and rubric levels fresh urn:uuid ids', () => {
    const built = buildAchievement(achievementInput);
    const [description] = built.resultDescription ?? [];
    const ids = [built.id, description?.id, ...(description?.rubricCriterionLevel ?? []).map((l) => l.id)];
    for (const id of ids) expect(id).toMatch(UUID_URN);
    expect(new Set(ids).size).toBe(4);
    expect(description?.rubricCriterionLevel?.[1]).toStrictEqual({ id: ids[3], type: ['RubricCriterionLevel'], name: 'Proficient', points: '2' });
    expect(built.creator).toStrictEqual({ id: 'https://district.example', type: ['Profile'], name: 'District' });
  });

  it('is idempotent: rebuilding a built achievement changes nothing', () => {
    const once = buildAchievement(achievementInput);
    expect(buildAchievement(once)).toStrictEqual(once);
  });

  it('is idempotent for arbitrary names, narratives, credits and tags', () => {
    const text = fc.string({ minLength: 1 }).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(text, text, fc.double({ min: 0, max: 1e6, noNaN: true }), fc.array(text, { maxLength: 3 }), (name, narrative, credits, tag) => {
        const once = buildAchievement({ name, description: name, criteria: { narrative }, creditsAvailable: credits, tag });
        expect(buildAchievement(once)).toStrictEqual(once);
        expect(once.criteria).toStrictEqual({ narrative });
      }),
    );
  });

  it('checks inLanguage against the schema pattern and credits against zero', () => {
    expect(buildAchievement({ ...achievementInput, inLanguage: 'es-MX' }).inLanguage).toBe('es-MX');
    expect(() => buildAchievement({ ...achievementInput, inLanguage: 'en_US' })).toThrow(/^achievement\.inLanguage must be a language tag/);
    expect(() => buildAchievement({ ...achievementInput, creditsAvailable: -1 })).toThrow(/^achievement\.creditsAvailable must be at least 0/);
  });

  it('requires alignment targets to have a name and an absolute URL', () => {
    expect(() => buildAchievement({ ...achievementInput, alignment: [{ targetName: 'X', targetUrl: '/standards/8' }] })).toThrow(
      /^achievement\.alignment\[0\]\.targetUrl must be an absolute URI/,
    );
    expect(() => buildAchievement({ ...achievementInput, alignment: [{ targetUrl: 'https://s.example/8' } as never] })).toThrow(
      /^achievement\.alignment\[0\]\.targetName is missing/,
    );
  });

  it('accepts extension vocabulary terms but not malformed ones', () => {
    expect(buildAchievement({ ...achievementInput, achievementType: 'ext:TeacherLeader' }).achievementType).toBe('ext:TeacherLeader');
    expect(() => buildAchievement({ ...achievementInput, achievementType: 'ext:Teacher Leader' as never })).toThrow(/achievementType/);
  });
});
