/**
 * For verifiers: does a credential name this recipient? Reads the subject's `id` and every
 * `IdentityObject` in `identifier`, hashed (`sha256$` or `md5$`, either hex case) or plain.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Obv3Error } from '../errors.js';
import type { IdentifierTypeEnum } from '../model/index.js';
import { isPlainObject } from './fields.js';

const HASHED = /^(sha256|md5)\$([0-9a-f]+)$/i;
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, md5: 32 };

/**
 * True when `credential.credentialSubject` names `identifier`: its `id` equals it exactly, or an
 * `identifier` entry (of `identityType`, when given) hashes or equals it. Hashes cover the exact
 * string, as the spec defines them; for e-mail entries the identifier with surrounding whitespace
 * trimmed is tried too. Case is never changed: `A@example.com` does not match `a@example.com`.
 */
export function recipientMatches(credential: object, identifier: string, identityType?: IdentifierTypeEnum): boolean {
  if (typeof credential !== 'object' || credential === null) {
    throw new Obv3Error('INVALID_ARGUMENT', 'recipientMatches: credential must be an object: parse JSON text first');
  }
  if (typeof identifier !== 'string' || identifier === '') {
    throw new Obv3Error('INVALID_ARGUMENT', 'recipientMatches: identifier must be a non-empty string');
  }
  const subject = (credential as { credentialSubject?: unknown }).credentialSubject;
  // VC data model allows several subjects; OB 3.0 has one, but reading a list costs nothing.
  const subjects = Array.isArray(subject) ? subject : [subject];
  let matched = false;
  for (const s of subjects) {
    if (!isPlainObject(s)) continue;
    if (typeof s.id === 'string' && equalText(s.id, identifier)) matched = true;
    const entries = Array.isArray(s.identifier) ? s.identifier : [s.identifier];
    for (const entry of entries) {
      // Keep going after a match so the time taken does not reveal which entry matched.
      if (isPlainObject(entry) && entryMatches(entry, identifier, identityType)) matched = true;
    }
  }
  return matched;
}

function entryMatches(entry: Record<string, unknown>, identifier: string, identityType: IdentifierTypeEnum | undefined): boolean {
  const { identityHash, salt } = entry;
  if (typeof identityHash !== 'string') return false;
  if (identityType !== undefined && entry.identityType !== identityType) return false;
  const candidates = entry.identityType === 'emailAddress' && identifier.trim() !== identifier
    ? [identifier, identifier.trim()]
    : [identifier];
  const parsed = HASHED.exec(identityHash);
  // `hashed` is required by the schema; if a producer left it out, the prefix decides.
  const hashed = entry.hashed === true || (entry.hashed === undefined && parsed !== null);
  let matched = false;
  for (const candidate of candidates) {
    if (!hashed) {
      if (equalText(identityHash, candidate)) matched = true;
      continue;
    }
    if (parsed === null) continue;
    const algorithm = parsed[1]!.toLowerCase();
    const hex = parsed[2]!;
    if (hex.length !== DIGEST_HEX_LENGTH[algorithm]) continue;
    const digest = createHash(algorithm).update(candidate + (typeof salt === 'string' ? salt : ''), 'utf8').digest();
    if (timingSafeEqual(digest, Buffer.from(hex, 'hex'))) matched = true;
  }
  return matched;
}

/** Constant time for inputs of equal byte length; lengths are not secret here. */
function equalText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
