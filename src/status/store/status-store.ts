/**
 * Where an issuer keeps its status-list state: which lists exist, which index belongs to which
 * credential, and which bits are set. Every method is one atomic step: an implementation must
 * never hand out an index twice (across async calls, worker threads and processes) and never
 * lose a change it reported done. The operations are small and explicit so that a shared
 * database can implement them with one transaction each.
 */
import type { StatusAllocation, StatusPurpose } from '../types.js';

export interface AllocateRequest {
  credentialId: string;
  purpose: StatusPurpose;
  /** Bits per list (at least MIN_STATUS_LIST_LENGTH); used when a new list must be opened. */
  listSize: number;
  /** Names a new list when the current one for this purpose is full (or none exists). */
  newListId: () => string;
}

export interface SetStatusRequest {
  credentialId: string;
  purpose: StatusPurpose;
  value: boolean;
}

export interface StatusListState {
  listId: string;
  purpose: StatusPurpose;
  /** Length in bits. */
  size: number;
  /** The list's bits, MSB-first (bit i is byte i >> 3, mask 0x80 >> (i & 7)); a copy. */
  bits: Uint8Array;
  /** How many indices have been allocated. */
  allocated: number;
  /** Increases on every change to `bits`; lets a publisher skip unchanged lists. */
  revision: number;
}

export interface StatusStore {
  /**
   * The credential's index for `purpose`: the existing one if it has one (idempotent, so a
   * re-run of an interrupted batch never allocates twice), else the next free index of the
   * purpose's current list, opening a new list when it is full. Indices within a list look
   * random (they do not reveal issue order or counts) and are never reused.
   */
  allocate(request: AllocateRequest): Promise<StatusAllocation>;
  /**
   * Sets or clears the credential's bit. Throws Obv3Error('INVALID_ARGUMENT') when the credential
   * has no allocation for `purpose`, and when asked to clear a revocation (revocation is final).
   * Returns whether the bit changed. Durable when the promise resolves.
   */
  setStatus(request: SetStatusRequest): Promise<{ allocation: StatusAllocation; changed: boolean }>;
  /** Every allocation of a credential (zero, one or two purposes). */
  lookup(credentialId: string): Promise<StatusAllocation[]>;
  /** One list's current state, or undefined. */
  readList(listId: string): Promise<StatusListState | undefined>;
  /** Every list id, oldest first. */
  listIds(): Promise<string[]>;
  /** Releases files, locks and handles. */
  close(): Promise<void>;
}
