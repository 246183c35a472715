import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCredential, buildIdentityObject, hashIdentifier, recipientMatches } from '../../src/build/index.js';
import { isObv3Error } from '../../src/errors.js';

// From the OB 3.0 spec (IdentityHash): SHA-256 of 'a@example.com' salted with 'Kosher'.
const SPEC_HASH = 'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399';
// Computed outside this library (Python hashlib) for the same inputs.
const MD5_KOSHER = 'md5$ddd142639a792e74751ee7e129237efa';
const SHA256_UNSALTED = 'sha256$08168cd80dfd534ab0f10af10f1303fe00af2d43ab5c1432360d137f8197e17a';

const withIdentifiers = (...identifier: object[]): object => ({ credentialSubject: { type: ['AchievementSubject'], identifier } });
const entry = (identityHash: string, extra: object = {}): object => ({
  type: 'IdentityObject',
  hashed: true,
  identityHash,
  identityType: 'emailAddress',
  ...extra,
});

describe('hashIdentifier', () => {
  it('matches the spec example', () => {
    expect(hashIdentifier('a@example.com', 'Kosher')).toBe(SPEC_HASH);
  });

  it('writes lower-case hex', () => {
    expect(hashIdentifier('B@EXAMPLE.COM', 'X')).toMatch(/^sha256\$[0-9a-f]{64}$/);
  });
});

describe('buildIdentityObject', () => {
  it('hashes with the given salt', () => {
    expect(buildIdentityObject({ identifier: 'a@example.com', salt: 'Kosher' })).toStrictEqual({
      type: 'IdentityObject',
      hashed: true,
      identityHash: SPEC_HASH,
      identityType: 'emailAddress',
      salt: 'Kosher',
    });
  });

  it('draws a fresh 16-byte salt each time', () => {
    const a = buildIdentityObject({ identifier: 'a@example.com' });
    const b = buildIdentityObject({ identifier: 'a@example.com' });
    expect(a.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(b.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(a.salt).not.toBe(b.salt);
    expect(a.identityHash).not.toBe(b.identityHash);
    expect(a.identityHash).toBe(hashIdentifier('a@example.com', a.salt!));
  });

  it('publishes the plain identifier only when hashed is false', () => {
    expect(buildIdentityObject({ identifier: 'S-1234', identityType: 'sisSourcedId', hashed: false })).toStrictEqual({
      type: 'IdentityObject',
      hashed: false,
      identityHash: 'S-1234',
      identityType: 'sisSourcedId',
    });
  });

  it('refuses an empty salt, which would mean unsalted', () => {
    expect(() => buildIdentityObject({ identifier: 'a@example.com', salt: '' })).toThrow(/identity\.salt is empty/);
  });

  it('refuses identity types outside the vocabulary', () => {
    expect(() => buildIdentityObject({ identifier: 'x', identityType: 'studentNumber' as never })).toThrow(/ext:YourTerm/);
  });
});

describe('recipientMatches', () => {
  it('matches the spec hash, and only the right address', () => {
    const credential = withIdentifiers(entry(SPEC_HASH, { salt: 'Kosher' }));
    expect(recipientMatches(credential, 'a@example.com')).toBe(true);
    expect(recipientMatches(credential, 'b@example.com')).toBe(false);
  });

  it('does not change case (the spec hashes the exact string)', () => {
    expect(recipientMatches(withIdentifiers(entry(SPEC_HASH, { salt: 'Kosher' })), 'A@example.com')).toBe(false);
  });

  it('tries the e-mail trimmed as well', () => {
    expect(recipientMatches(withIdentifiers(entry(SPEC_HASH, { salt: 'Kosher' })), '  a@example.com\n')).toBe(true);
  });

  it('reads upper-case hex', () => {
    const upper = 'sha256$' + SPEC_HASH.slice('sha256$'.length).toUpperCase();
    expect(recipientMatches(withIdentifiers(entry(upper, { salt: 'Kosher' })), 'a@example.com')).toBe(true);
  });

  it('reads md5$ hashes, in either case', () => {
    expect(recipientMatches(withIdentifiers(entry(MD5_KOSHER, { salt: 'Kosher' })), 'a@example.com')).toBe(true);
    expect(recipientMatches(withIdentifiers(entry(MD5_KOSHER.toUpperCase().replace('MD5$', 'md5$'), { salt: 'Kosher' })), 'a@example.com')).toBe(true);
    expect(recipientMatches(withIdentifiers(entry(MD5_KOSHER, { salt: 'Other' })), 'a@example.com')).toBe(false);
  });

  it('treats a missing salt as unsalted', () => {
    expect(recipientMatches(withIdentifiers(entry(SHA256_UNSALTED)), 'a@example.com')).toBe(true);
    expect(recipientMatches(withIdentifiers(entry(SPEC_HASH)), 'a@example.com')).toBe(false);
  });

  it('compares plain identifiers when hashed is false', () => {
    const plain = withIdentifiers({ type: 'IdentityObject', hashed: false, identityHash: 'student@1edtech.edu', identityType: 'emailAddress', salt: 'not-used' });
    expect(recipientMatches(plain, 'student@1edtech.edu')).toBe(true);
    expect(recipientMatches(plain, 'student@1edtech.ed')).toBe(false);
  });

  it('does not treat a plain value that looks like a hash as a hash when hashed is false', () => {
    expect(recipientMatches(withIdentifiers(entry(SPEC_HASH, { hashed: false, salt: 'Kosher' })), 'a@example.com')).toBe(false);
  });

  it('filters by identity type when one is given', () => {
    const credential = withIdentifiers(entry(SPEC_HASH, { salt: 'Kosher' }));
    expect(recipientMatches(credential, 'a@example.com', 'emailAddress')).toBe(true);
    expect(recipientMatches(credential, 'a@example.com', 'sourcedId')).toBe(false);
  });

  it('checks every identifier entry', () => {
    const credential = withIdentifiers(entry(SHA256_UNSALTED.replace(/.$/, '0'), { salt: 'x' }), entry(SPEC_HASH, { salt: 'Kosher' }));
    expect(recipientMatches(credential, 'a@example.com')).toBe(true);
  });

  it('matches credentialSubject.id exactly', () => {
    const credential = { credentialSubject: { id: 'did:example:teacher-17' } };
    expect(recipientMatches(credential, 'did:example:teacher-17')).toBe(true);
    expect(recipientMatches(credential, 'did:example:teacher-1')).toBe(false);
  });

  it('rejects truncated digests and unknown algorithms', () => {
    expect(recipientMatches(withIdentifiers(entry(SPEC_HASH.slice(0, -2), { salt: 'Kosher' })), 'a@example.com')).toBe(false);
    expect(recipientMatches(withIdentifiers(entry(SPEC_HASH.replace('sha256', 'sha1'), { salt: 'Kosher' })), 'a@example.com')).toBe(false);
  });

  it('returns false for credentials without a usable subject', () => {
    expect(recipientMatches({}, 'a@example.com')).toBe(false);
    expect(recipientMatches({ credentialSubject: 'a@example.com' }, 'a@example.com')).toBe(false);
    expect(recipientMatches(withIdentifiers(null as never, 'x' as never), 'a@example.com')).toBe(false);
  });

  it('throws on misuse', () => {
    expect(() => recipientMatches(null as never, 'a@example.com')).toThrow(/credential must be an object/);
    try {
      recipientMatches({}, '');
      expect.unreachable();
    } catch (error) {
      expect(isObv3Error(error, 'INVALID_ARGUMENT')).toBe(true);
    }
  });

  it('finds the recipient of a built credential', () => {
    const credential = buildCredential({
      issuer: { id: 'did:web:district.example', name: 'District' },
      achievement: { name: 'A', description: 'D', criteria: { narrative: 'N' } },
      recipient: { email: 'teacher@school.example' },
    });
    expect(recipientMatches(credential, 'teacher@school.example')).toBe(true);
    expect(recipientMatches(credential, 'teacher@school.example.org')).toBe(false);
  });

  it('round-trips any identifier and salt, and rejects any other identifier', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (identifier, other, salt) => {
        fc.pre(identifier !== other && identifier.trim() !== '' && salt.trim() !== '');
        const credential = withIdentifiers(buildIdentityObject({ identifier, identityType: 'userName', salt }));
        expect(recipientMatches(credential, identifier)).toBe(true);
        expect(recipientMatches(credential, other)).toBe(false);
      }),
    );
  });
});
