import { describe, expect, it } from 'vitest';
import { buildAchievement, buildCredential, buildProfile, type CredentialDraft } from '../../src/build/index.js';
import { Obv3Error, type Obv3ErrorCode } from '../../src/errors.js';
import { waitTimeDraft } from './wait-time.fixture.js';

/** Runs `build`, expects an Obv3Error with `code`, and returns it for further checks. */
function failure(code: Obv3ErrorCode, build: () => unknown): Obv3Error {
  let caught: unknown;
  try {
    build();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(Obv3Error);
  const error = caught as Obv3Error;
  expect(error.code).toBe(code);
  return error;
}

const draft = (patch: Record<string, unknown>): CredentialDraft => ({ ...waitTimeDraft, ...patch }) as CredentialDraft;
const achievement = waitTimeDraft.achievement as unknown as Record<string, unknown>;
const withAchievement = (patch: Record<string, unknown>): CredentialDraft => draft({ achievement: { ...achievement, ...patch } });

describe('builder errors say where and how to fix', () => {
  it('missing criteria', () => {
    const { criteria: _omit, ...noCriteria } = achievement;
    const error = failure('SCHEMA_INVALID', () => buildCredential(draft({ achievement: noCriteria })));
    expect(error.message).toMatch(/^achievement\.criteria is missing: add \{ narrative \}.* or \{ id \}/);
    expect(error.problems).toStrictEqual([{ path: '/achievement/criteria', message: error.message }]);
  });

  it('empty criteria', () => {
    const error = failure('SCHEMA_INVALID', () => buildAchievement({ ...achievement, criteria: {} } as never));
    expect(error.message).toMatch(/^achievement\.criteria is empty: add narrative/);
  });

  it('missing issuer id', () => {
    const error = failure('SCHEMA_INVALID', () => buildCredential(draft({ issuer: { name: 'District' } })));
    expect(error.message).toMatch(/^issuer\.id is missing: add the DID or profile URL/);
    expect(error.problems[0]?.path).toBe('/issuer/id');
  });

  it('issuer id that no verifier can resolve', () => {
    const error = failure('SCHEMA_INVALID', () => buildCredential(draft({ issuer: { id: 'urn:uuid:1', name: 'D' } })));
    expect(error.message).toMatch(/^issuer\.id must be a DID .* or an http\(s\) URL/);
  });

  it('missing issuer name, at the standalone builder path', () => {
    const error = failure('SCHEMA_INVALID', () => buildProfile({ id: 'did:web:x.example' } as never));
    expect(error.message).toMatch(/^profile\.name is missing/);
  });

  it('relative URL where an absolute one is needed', () => {
    const error = failure('INVALID_ARGUMENT', () => buildCredential(draft({ image: 'images/badge.png' })));
    expect(error.message).toMatch(/^image must be an absolute URI/);
  });

  it.each([
    ['not a date', /^validFrom "not a date" is not an ISO 8601 date-time: write it like 2026-05-01T12:00:00Z/],
    ['2026-02-30T00:00:00Z', /^validFrom "2026-02-30T00:00:00Z" is not a calendar date/],
    ['2026-05-01T12:00:00', /^validFrom "2026-05-01T12:00:00" has no time zone.*add Z \(UTC\) or an offset/],
  ])('bad date %s', (value, message) => {
    const error = failure('INVALID_ARGUMENT', () => buildCredential(draft({ validFrom: value })));
    expect(error.message).toMatch(message);
    expect(error.problems[0]?.path).toBe('/validFrom');
  });

  it('invalid Date object', () => {
    const error = failure('INVALID_ARGUMENT', () => buildCredential(draft({ awardedDate: new Date('nope') })));
    expect(error.message).toMatch(/^awardedDate is an invalid Date/);
  });

  it('validUntil not after validFrom', () => {
    const error = failure('SCHEMA_INVALID', () => buildCredential(draft({ validUntil: '2026-05-01T12:00:00.500Z' })));
    expect(error.message).toMatch(/^validUntil \(2026-05-01T12:00:00Z\) must be after validFrom \(2026-05-01T12:00:00Z\)/);
  });

  it('activity that ends before it starts', () => {
    const error = failure('SCHEMA_INVALID', () => buildCredential(draft({ activityEndDate: '2026-03-01' })));
    expect(error.message).toMatch(/^activityEndDate .* must be after activityStartDate/);
  });

  it('result referencing an unknown rubric level, listing the levels that exist', () => {
    const error = failure('SCHEMA_INVALID', () =>
      buildCredential(draft({ results: [{ resultDescription: 'https://educators.example.org/achievements/wait-time#rubric', achievedLevel: 'https://educators.example.org/achievements/wait-time#master' }] })),
    );
    expect(error.message).toMatch(/^results\[0\]\.achievedLevel refers to ".*#master", which is not the id of a rubricCriterionLevel/);
    expect(error.message).toContain('"https://educators.example.org/achievements/wait-time#proficient"');
    expect(error.problems[0]?.path).toBe('/results/0/achievedLevel');
  });

  it('achieved level that belongs to a different result description', () => {
    const resultDescription = [
      ...(achievement.resultDescription as object[]),
      { id: 'urn:x:other', name: 'Other', resultType: 'RubricCriterionLevel', rubricCriterionLevel: [{ id: 'urn:x:other-level', name: 'L' }] },
    ];
    const error = failure('SCHEMA_INVALID', () =>
      buildCredential({
        ...withAchievement({ resultDescription }),
        results: [{ resultDescription: 'https://educators.example.org/achievements/wait-time#rubric', achievedLevel: 'urn:x:other-level' }],
      }),
    );
    expect(error.message).toMatch(/^results\[0\]\.achievedLevel/);
  });

  it('result referencing an unknown result description', () => {
    const error = failure('SCHEMA_INVALID', () => buildCredential(draft({ results: [{ resultDescription: 'urn:x:nope' }] })));
    expect(error.message).toMatch(/^results\[0\]\.resultDescription refers to "urn:x:nope".*use one of ".*#rubric"/);
  });

  it('rubric level required to pass that does not exist', () => {
    const [description] = achievement.resultDescription as Record<string, unknown>[];
    const error = failure('SCHEMA_INVALID', () =>
      buildAchievement({ ...achievement, resultDescription: [{ ...description, requiredLevel: 'urn:x:none' }] } as never),
    );
    expect(error.message).toMatch(/^achievement\.resultDescription\[0\]\.requiredLevel refers to "urn:x:none"/);
  });

  it('the same id for two rubric levels', () => {
    const error = failure('SCHEMA_INVALID', () =>
      buildAchievement({
        ...achievement,
        resultDescription: [{ id: 'urn:x:rd', name: 'R', resultType: 'RubricCriterionLevel', rubricCriterionLevel: [{ id: 'urn:x:l', name: 'A' }, { id: 'urn:x:l', name: 'B' }] }],
      } as never),
    );
    expect(error.message).toMatch(/^achievement\.resultDescription\[0\]\.rubricCriterionLevel\[1\]\.id "urn:x:l" is used twice/);
  });

  it('misspelt property, with a suggestion', () => {
    const error = failure('SCHEMA_INVALID', () => buildCredential(withAchievement({ creditsAvailible: 15 })));
    expect(error.message).toBe("achievement.creditsAvailible is not an OB 3.0 property: did you mean 'creditsAvailable'?");
  });

  it('unknown draft field', () => {
    const error = failure('SCHEMA_INVALID', () => buildCredential(draft({ recipent: { id: 'did:x:y' } })));
    expect(error.message).toMatch(/^recipent is not allowed here: did you mean 'recipient'\?/);
  });

  it('vocabulary term in the wrong case', () => {
    const error = failure('SCHEMA_INVALID', () => buildCredential(withAchievement({ achievementType: 'Microcredential' })));
    expect(error.message).toMatch(/^achievement\.achievementType "Microcredential" is not allowed: did you mean 'MicroCredential'\?/);
  });

  it('unknown result status (a closed vocabulary: no ext: terms)', () => {
    const error = failure('SCHEMA_INVALID', () => buildCredential(draft({ results: [{ status: 'ext:Passed' }] })));
    expect(error.message).toMatch(/^results\[0\]\.status "ext:Passed" is not allowed: use one of Completed/);
  });

  it('e-mail with surrounding whitespace is refused, not silently trimmed', () => {
    const error = failure('SCHEMA_INVALID', () => buildCredential(draft({ recipient: { email: ' ms.rivera@school.example' } })));
    expect(error.message).toMatch(/^recipient\.email has leading or trailing whitespace/);
  });

  it('recipient with both email and identifier', () => {
    const error = failure('SCHEMA_INVALID', () =>
      buildCredential(draft({ recipient: { email: 'a@example.com', identifier: 'x', identityType: 'sourcedId' } })),
    );
    expect(error.message).toMatch(/^recipient has both email and identifier/);
  });

  it('missing recipient', () => {
    const error = failure('SCHEMA_INVALID', () => buildCredential(draft({ recipient: undefined })));
    expect(error.message).toMatch(/^recipient is missing/);
  });

  it('wrong JavaScript type is INVALID_ARGUMENT', () => {
    expect(failure('INVALID_ARGUMENT', () => buildCredential(draft({ creditsEarned: '15' }))).message).toMatch(/^creditsEarned must be a finite number/);
    expect(failure('INVALID_ARGUMENT', () => buildCredential(draft({ evidence: { name: 'x' } }))).message).toMatch(/^evidence must be an array.*wrap a single value/);
    expect(failure('INVALID_ARGUMENT', () => buildCredential(null as never)).message).toMatch(/must be an object/);
  });

  it('an endorsementJwt that is not a signed compact JWS', () => {
    for (const jwt of ['not.a.jwt!', 'eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.', 'eyJhbGciOiJFZERTQSJ9..c2ln', 42]) {
      const error = failure('SCHEMA_INVALID', () => buildAchievement({ ...achievement, endorsementJwt: [jwt] } as never));
      expect(error.message).toMatch(/^achievement\.endorsementJwt\[0\] must be a compact JWS \(header\.payload\.signature\)/);
    }
    expect(buildAchievement({ ...achievement, endorsementJwt: ['eyJhbGciOiJFZERTQSJ9.eyJ4IjoxfQ.c2ln'] } as never).endorsementJwt).toHaveLength(1);
  });

  it('type that does not include the class name', () => {
    const error = failure('SCHEMA_INVALID', () => buildAchievement({ ...achievement, type: ['Badge'] } as never));
    expect(error.message).toMatch(/^achievement\.type must include 'Achievement'/);
  });
});
