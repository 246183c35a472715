/**
 * Recipient identities as OB 3.0 `IdentityObject`s. Hashing with a per-credential salt lets a
 * credential name its recipient (e.g. by e-mail) without publishing the address: whoever knows
 * the address can confirm it, and the random salt defeats precomputed lookup tables.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IdentifierTypeEnum, IdentityHash, IdentityObject } from '../model/index.js';
import { at, describeValue, extensionKeys, optionalBoolean, optionalString, problem, readObject, requireString } from './fields.js';
import { IDENTIFIER_TYPES, checkTerm } from './vocabulary.js';

export interface IdentityObjectInput {
  /** The plain identifier, e.g. the recipient's e-mail address, exactly as it will be matched. */
  identifier: string;
  /** Defaults to `emailAddress`. */
  identityType?: IdentifierTypeEnum;
  /** Defaults to 16 random bytes in hex. Ignored when `hashed` is false unless given. */
  salt?: string;
  /**
   * Defaults to true. With false the identifier is published in plain text (the spec allows it,
   * but an e-mail address is personal data: only do this when the recipient expects it).
   */
  hashed?: boolean;
}

/** `sha256$` + lower-case hex SHA-256 of the UTF-8 bytes of `identifier + salt`. */
export function hashIdentifier(identifier: string, salt: string): IdentityHash {
  if (typeof identifier !== 'string' || typeof salt !== 'string') {
    throw new TypeError('hashIdentifier(identifier, salt) takes two strings');
  }
  return `sha256$${createHash('sha256').update(identifier + salt, 'utf8').digest('hex')}`;
}

/** A fresh salt: 16 bytes from the platform CSPRNG, as 32 hex characters. */
export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

const KNOWN = ['identifier', 'identityType', 'salt', 'hashed'];

/** An `IdentityObject` for `input.identifier`, hashed with a random salt unless told otherwise. */
export function buildIdentityObject(input: IdentityObjectInput): IdentityObject {
  const path = 'identity';
  const fields = readObject(input, path);
  extensionKeys(fields, path, KNOWN, true);
  const identityType =
    fields.identityType === undefined
      ? 'emailAddress'
      : checkTerm<IdentifierTypeEnum>(fields.identityType, at(path, 'identityType'), IDENTIFIER_TYPES, true);
  return makeIdentityObject({
    identifier: requireString(fields, 'identifier', path, 'give the recipient identifier to hash'),
    identityType,
    salt: readSalt(fields, path),
    hashed: optionalBoolean(fields, 'hashed', path) ?? true,
    identifierPath: at(path, 'identifier'),
  });
}

/** The checked parts of an identity; `identifierPath` names the identifier in error messages. */
export interface IdentityParts {
  identifier: string;
  identityType: IdentifierTypeEnum;
  salt: string | undefined;
  hashed: boolean;
  identifierPath: string;
}

export function makeIdentityObject(parts: IdentityParts): IdentityObject {
  const { identifier, identityType, salt, hashed } = parts;
  if (identityType === 'emailAddress') checkEmail(identifier, parts.identifierPath);
  if (!hashed) {
    return { type: 'IdentityObject', hashed: false, identityHash: identifier, identityType, ...(salt === undefined ? {} : { salt }) };
  }
  const useSalt = salt ?? newSalt();
  return { type: 'IdentityObject', hashed: true, identityHash: hashIdentifier(identifier, useSalt), identityType, salt: useSalt };
}

/** `salt`, rejecting the empty string: it would silently mean "unsalted". */
export function readSalt(fields: Record<string, unknown>, path: string): string | undefined {
  if (fields.salt === '') {
    throw problem('SCHEMA_INVALID', at(path, 'salt'), 'is empty: leave it out to get a random salt (unsalted e-mail hashes can be reversed by guessing)');
  }
  return optionalString(fields, 'salt', path);
}

// The hash covers the exact string, so stray whitespace would make the credential unmatchable by
// the address its recipient actually types. We refuse rather than trim silently.
function checkEmail(value: string, path: string): void {
  if (value !== value.trim()) {
    throw problem('SCHEMA_INVALID', path, `has leading or trailing whitespace (${describeValue(value)}): trim it before issuing`);
  }
  if (!/^[^\s@]+@[^\s@]+$/.test(value)) {
    throw problem('SCHEMA_INVALID', path, `does not look like an e-mail address (${describeValue(value)}): expected local@domain, or set identityType`);
  }
}
