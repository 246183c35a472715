/**
 * The unsigned BitstringStatusListCredential an issuer publishes for one list, and the shapes of
 * the `credentialStatus` entries that point into lists. The VC 2.0 context defines every term
 * used here, so the credential signs in JSON-LD safe mode without an extra context.
 */
import { toDateTime } from '../build/dates.js';
import { VC_V2_CONTEXT } from '../contexts/bundled.js';
import { Obv3Error } from '../errors.js';
import { DEFAULT_MAX_STATUS_LIST_BYTES, encodeBitstring } from './bitstring.js';
import { MIN_STATUS_LIST_LENGTH, type StatusPurpose } from './types.js';

export interface BitstringStatusListSubject {
  /** `${credential id}#list`. */
  id: string;
  type: 'BitstringStatusList';
  statusPurpose: StatusPurpose | StatusPurpose[];
  /** Multibase base64url (`u…`) of the GZIP-compressed bits. */
  encodedList: string;
  /** How long verifiers may cache the list, in milliseconds. */
  ttl?: number;
}

export interface BitstringStatusListCredential {
  '@context': [typeof VC_V2_CONTEXT];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string;
  /** Whole-second UTC, e.g. `2026-05-01T12:00:00Z`. */
  validFrom: string;
  validUntil: string;
  credentialSubject: BitstringStatusListSubject;
}

/** One message of a multi-bit status (`statusPurpose: 'message'`); `status` is hex, e.g. `0x1`. */
export type StatusMessage = {
  status: string;
  message: string;
};

/**
 * A credential's pointer into a BitstringStatusList (W3C Recommendation). The entry shapes are type
 * aliases, not interfaces, so that they are assignable to the model's open CredentialStatus.
 */
export type BitstringStatusListEntry = {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: string;
  /** A non-negative integer as a string, as the Recommendation requires. */
  statusListIndex: string;
  statusListCredential: string;
  /** Bits per status; 1 when absent. */
  statusSize?: number;
  statusMessage?: StatusMessage[];
};

/** The CCG predecessor of BitstringStatusListEntry, still found in issued credentials. */
export type StatusList2021Entry = {
  id: string;
  type: 'StatusList2021Entry';
  statusPurpose: string;
  statusListIndex: string;
  statusListCredential: string;
};

/** 1EdTech's revocation list method: `id` is the URL of the (unsigned) list. */
export type OneEdTechRevocationListEntry = {
  id: string;
  type: '1EdTechRevocationList';
};

export interface BuildStatusListCredentialOptions {
  /** The URL the list is served at (no fragment); entries' statusListCredential. */
  id: string;
  /** The issuer's id (DID or URL); must be the controller of the key that signs the list. */
  issuer: string;
  purpose: StatusPurpose | StatusPurpose[];
  /** MSB-first bits; at least MIN_STATUS_LIST_LENGTH bits. Not modified. */
  bits: Uint8Array;
  validFrom: Date;
  validUntil: Date;
  /** Cache lifetime in ms for verifiers; omitted when undefined. */
  ttlMs?: number;
}

/** Builds (does not sign) the list credential. Rejects with Obv3Error('INVALID_ARGUMENT') on bad options. */
export async function buildStatusListCredential(options: BuildStatusListCredentialOptions): Promise<BitstringStatusListCredential> {
  const { id, issuer, purpose, bits, ttlMs } = options;
  checkListUrl(id);
  if (typeof issuer !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(issuer)) {
    invalid(`issuer must be a DID or URL; got ${JSON.stringify(issuer)}.`);
  }
  const statusPurpose = checkPurpose(purpose);
  if (!(bits instanceof Uint8Array)) invalid('bits must be a Uint8Array.');
  if (bits.length * 8 < MIN_STATUS_LIST_LENGTH) {
    invalid(`A status list needs at least ${MIN_STATUS_LIST_LENGTH} bits (${MIN_STATUS_LIST_LENGTH / 8} bytes) for herd privacy; got ${bits.length * 8}.`);
  }
  // A list verifiers refuse to inflate would make every credential on it unverifiable.
  if (bits.length > DEFAULT_MAX_STATUS_LIST_BYTES) invalid(`A status list may have at most ${DEFAULT_MAX_STATUS_LIST_BYTES} bytes; got ${bits.length}.`);
  // Whole seconds in UTC: an XML Schema dateTimeStamp every VC 2.0 processor reads the same way.
  const validFrom = toDateTime(options.validFrom, 'validFrom');
  const validUntil = toDateTime(options.validUntil, 'validUntil');
  if (validUntil <= validFrom) invalid(`validUntil (${validUntil}) must be after validFrom (${validFrom}).`);
  if (ttlMs !== undefined && (!Number.isSafeInteger(ttlMs) || ttlMs < 0)) invalid(`ttlMs must be a non-negative integer; got ${String(ttlMs)}.`);

  return {
    '@context': [VC_V2_CONTEXT],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom,
    validUntil,
    credentialSubject: {
      id: `${id}#list`,
      type: 'BitstringStatusList',
      statusPurpose,
      encodedList: await encodeBitstring(bits),
      ...(ttlMs === undefined ? {} : { ttl: ttlMs }),
    },
  };
}

function checkListUrl(id: unknown): asserts id is string {
  let absolute = false;
  try {
    absolute = typeof id === 'string' && new URL(id).protocol !== '';
  } catch {
    absolute = false;
  }
  // The subject id appends "#list", which only works on a URL without a fragment.
  if (!absolute || /[\s#]/.test(id as string)) {
    invalid(`id must be an absolute URL without a fragment (the list's URL); got ${JSON.stringify(id)}.`);
  }
}

function checkPurpose(purpose: unknown): StatusPurpose | StatusPurpose[] {
  const isPurpose = (p: unknown): p is StatusPurpose => p === 'revocation' || p === 'suspension';
  if (isPurpose(purpose)) return purpose;
  if (Array.isArray(purpose) && purpose.length > 0 && purpose.every(isPurpose) && new Set(purpose).size === purpose.length) {
    return [...purpose];
  }
  return invalid(`purpose must be "revocation", "suspension", or a non-empty array of them without repeats; got ${JSON.stringify(purpose)}.`);
}

function invalid(message: string): never {
  throw new Obv3Error('INVALID_ARGUMENT', message);
}
