/**
 * For the verifier: checks the shape of a fetched status list credential (BitstringStatusList or
 * its predecessor StatusList2021) and decodes its bits with a size cap. It does not check the
 * proof, the issuer's authority or the validity period against a clock: the caller does, and
 * must not trust anything returned here until the proof has verified.
 */
import { DEFAULT_MAX_STATUS_LIST_BYTES, decodeBitstring, StatusListError, type StatusListErrorReason } from './bitstring.js';
import { MIN_STATUS_LIST_LENGTH } from './types.js';

export type StatusListFormat = 'BitstringStatusList' | 'StatusList2021';

export interface ParsedStatusList {
  ok: true;
  format: StatusListFormat;
  /** The credential's `id`: the URL it claims to be served at. */
  id: string;
  /** `issuer`, or `issuer.id`. */
  issuer: string;
  /** `statusPurpose` as a list (the Recommendation allows one or several). */
  purposes: string[];
  /** MSB-first bits. */
  bits: Uint8Array;
  /** Length in bits. */
  length: number;
  /** `ttl` (BitstringStatusList only), in milliseconds. */
  ttlMs?: number;
  /** `validFrom` (VC 2.0) or `issuanceDate` (VC 1.1). */
  validFrom?: Date;
  /** `validUntil` (VC 2.0) or `expirationDate` (VC 1.1). */
  validUntil?: Date;
}

export interface StatusListProblem {
  ok: false;
  reason: StatusListErrorReason;
  message: string;
}

export interface ReadStatusListOptions {
  /** Largest decompressed list in bytes; default DEFAULT_MAX_STATUS_LIST_BYTES (16 MiB). */
  maxBytes?: number;
}

const FORMATS: ReadonlyArray<{ format: StatusListFormat; credentialType: string; subjectType: string; multibase: boolean }> = [
  { format: 'BitstringStatusList', credentialType: 'BitstringStatusListCredential', subjectType: 'BitstringStatusList', multibase: true },
  { format: 'StatusList2021', credentialType: 'StatusList2021Credential', subjectType: 'StatusList2021', multibase: false },
];

/** XML Schema dateTime with a time zone: without one, Date would read it in the local zone. */
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function readStatusListCredential(document: unknown, options: ReadStatusListOptions = {}): ParsedStatusList | StatusListProblem {
  try {
    return read(document, options.maxBytes ?? DEFAULT_MAX_STATUS_LIST_BYTES);
  } catch (error) {
    if (error instanceof StatusListError) return { ok: false, reason: error.reason, message: error.message };
    throw error;
  }
}

function read(document: unknown, maxBytes: number): ParsedStatusList {
  if (!isRecord(document)) malformed('The status list is not a JSON object.');
  const types = typesOf(document.type);
  if (!types.includes('VerifiableCredential')) malformed('The status list is not a verifiable credential (its type lacks "VerifiableCredential").');
  const matching = FORMATS.filter((f) => types.includes(f.credentialType));
  if (matching.length !== 1) {
    malformed(
      matching.length === 0
        ? 'The credential is not a status list: its type includes neither BitstringStatusListCredential nor StatusList2021Credential.'
        : 'The credential claims to be both a BitstringStatusListCredential and a StatusList2021Credential.',
    );
  }
  const { format, subjectType, multibase } = matching[0]!;
  const id = document.id;
  if (typeof id !== 'string' || id.length === 0) malformed('The status list credential has no id.');
  const issuer = issuerOf(document.issuer);

  const subject = singleSubject(document.credentialSubject);
  if (!typesOf(subject.type).includes(subjectType)) malformed(`The credentialSubject's type must be ${subjectType}.`);
  const purposes = purposesOf(subject.statusPurpose);
  const ttlMs = ttlOf(subject.ttl);
  if (typeof subject.encodedList !== 'string') malformed('credentialSubject.encodedList must be a string.');
  const bits = decodeBitstring(subject.encodedList, { maxBytes, multibase, minBits: MIN_STATUS_LIST_LENGTH });

  // A VC 2.0 list uses validFrom/validUntil; a VC 1.1 one (StatusList2021's era) the older names.
  const validFrom = dateOf(document, 'validFrom') ?? dateOf(document, 'issuanceDate');
  const validUntil = dateOf(document, 'validUntil') ?? dateOf(document, 'expirationDate');
  if (validFrom && validUntil && validUntil.getTime() < validFrom.getTime()) malformed('The status list ends before it begins (validUntil < validFrom).');

  return {
    ok: true,
    format,
    id,
    issuer,
    purposes,
    bits,
    length: bits.length * 8,
    ...(ttlMs === undefined ? {} : { ttlMs }),
    ...(validFrom ? { validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(type: unknown): string[] {
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

function issuerOf(issuer: unknown): string {
  if (typeof issuer === 'string' && issuer.length > 0) return issuer;
  if (isRecord(issuer) && typeof issuer.id === 'string' && issuer.id.length > 0) return issuer.id;
  return malformed('The status list credential has no issuer (a string, or an object with an id).');
}

/** JSON-LD reads a one-element array as the element itself; more subjects make the list ambiguous. */
function singleSubject(subject: unknown): Record<string, unknown> {
  const only = Array.isArray(subject) && subject.length === 1 ? subject[0] : subject;
  if (!isRecord(only)) return malformed('The status list must have exactly one credentialSubject object.');
  return only;
}

function purposesOf(statusPurpose: unknown): string[] {
  const list = typeof statusPurpose === 'string' ? [statusPurpose] : statusPurpose;
  if (!Array.isArray(list) || list.length === 0 || !list.every((p) => typeof p === 'string' && p.length > 0)) {
    return malformed('credentialSubject.statusPurpose must be a non-empty string or a non-empty array of them.');
  }
  return [...new Set(list as string[])];
}

function ttlOf(ttl: unknown): number | undefined {
  if (ttl === undefined) return undefined;
  if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl < 0) return malformed(`credentialSubject.ttl must be a non-negative number of milliseconds; got ${JSON.stringify(ttl)}.`);
  return ttl;
}

function dateOf(document: Record<string, unknown>, name: string): Date | undefined {
  const value = document[name];
  if (value === undefined) return undefined;
  const date = typeof value === 'string' && DATE_TIME.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return malformed(`${name} must be an XML Schema dateTime with a time zone; got ${JSON.stringify(value)}.`);
  return date;
}

function malformed(message: string): never {
  throw new StatusListError('MALFORMED', message);
}
