/**
 * Checks every request before a store touches its state, so bad input is refused with a message
 * that says how to fix it and never reaches a journal. Requests are copied so a caller mutating
 * its object afterwards cannot change a queued operation.
 */
import { MIN_STATUS_LIST_LENGTH, type StatusPurpose } from '../types.js';
import type { AllocateRequest, SetStatusRequest } from './status-store.js';
import { invalidArgument } from './store-errors.js';

/** Largest list a store accepts: 8 MiB of bits, far above any real issuer's list, and small enough to snapshot. */
export const MAX_STATUS_LIST_LENGTH = 2 ** 26;

/** Ids are stored and compared as given; the cap keeps one record bounded. */
const MAX_ID_LENGTH = 4096;

const PURPOSES: readonly StatusPurpose[] = ['revocation', 'suspension'];

export function checkId(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw invalidArgument(`${what} must be a non-empty string; got ${describe(value)}.`);
  }
  if (value.length > MAX_ID_LENGTH) {
    throw invalidArgument(`${what} is ${value.length} characters long; use an id of at most ${MAX_ID_LENGTH} characters.`);
  }
  return value;
}

export function checkPurpose(value: unknown): StatusPurpose {
  if (!PURPOSES.includes(value as StatusPurpose)) {
    throw invalidArgument(`purpose must be 'revocation' or 'suspension'; got ${describe(value)}.`);
  }
  return value as StatusPurpose;
}

/** Also what the stored state accepts: a list is whole bytes, so a size it would refuse never reaches a journal. */
export function checkListSize(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_STATUS_LIST_LENGTH || value > MAX_STATUS_LIST_LENGTH || value % 8 !== 0) {
    throw invalidArgument(
      `listSize must be a whole number of bytes' worth of bits (a multiple of 8) from ${MIN_STATUS_LIST_LENGTH} ` +
        `(the W3C minimum, for herd privacy) to ${MAX_STATUS_LIST_LENGTH}; got ${describe(value)}.`,
    );
  }
  return value;
}

export function checkAllocateRequest(request: unknown): AllocateRequest {
  const fields = checkObject(request, 'allocate');
  const newListId = fields.newListId;
  if (typeof newListId !== 'function') {
    throw invalidArgument(`allocate: newListId must be a function returning a fresh list id; got ${describe(newListId)}.`);
  }
  return {
    credentialId: checkId(fields.credentialId, 'allocate: credentialId'),
    purpose: checkPurpose(fields.purpose),
    listSize: checkListSize(fields.listSize),
    newListId: newListId as () => string,
  };
}

export function checkSetStatusRequest(request: unknown): SetStatusRequest {
  const fields = checkObject(request, 'setStatus');
  if (typeof fields.value !== 'boolean') {
    throw invalidArgument(`setStatus: value must be true (set the bit) or false (clear it); got ${describe(fields.value)}.`);
  }
  return {
    credentialId: checkId(fields.credentialId, 'setStatus: credentialId'),
    purpose: checkPurpose(fields.purpose),
    value: fields.value,
  };
}

/** What newListId returned, checked: a usable id that does not already name a list. */
export function checkNewListId(value: unknown, alreadyUsed: (listId: string) => boolean): string {
  if (typeof (value as { then?: unknown } | null)?.then === 'function') {
    throw invalidArgument('allocate: newListId returned a promise; it must return the new list id synchronously (e.g. a URL with a random UUID).');
  }
  const listId = checkId(value, 'allocate: the id returned by newListId');
  if (alreadyUsed(listId)) {
    throw invalidArgument(
      `allocate: newListId returned '${listId}', which already names a status list; ` +
        'return a fresh id on every call (e.g. include a random UUID).',
    );
  }
  return listId;
}

function checkObject(request: unknown, method: string): Record<string, unknown> {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw invalidArgument(`${method} needs a request object; got ${describe(request)}.`);
  }
  return request as Record<string, unknown>;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value.length === 0 ? 'an empty string' : `'${value.slice(0, 80)}'`;
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}
