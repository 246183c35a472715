/**
 * An issuer's status-list state held in memory, changed only through `apply`. Both stores keep
 * one: the memory store as its whole truth, the file store as the replay of its snapshot and
 * journal. `apply` checks every event against the state (an index must be the list's next
 * permuted position, a credential may hold one index per purpose), so a damaged or forged
 * journal is refused rather than silently trusted.
 */
import type { StatusAllocation, StatusPurpose } from '../types.js';
import type { StatusListState } from './status-store.js';
import type { StatusEvent } from './status-events.js';
import { IndexPermutation, LIST_SECRET_BYTES } from './index-permutation.js';
import { storeCorrupt } from './store-errors.js';
import { readBits, writeBit } from '../bitstring.js';

export interface StatusList {
  readonly listId: string;
  readonly purpose: StatusPurpose;
  readonly size: number;
  readonly secret: Uint8Array;
  readonly permutation: IndexPermutation;
  readonly bits: Uint8Array;
  /** credentialIds[n] holds the n-th allocation, at index permutation.at(n). */
  readonly credentialIds: string[];
  revision: number;
}

export class StatusState {
  /** Insertion order is opening order, which `listIds` promises (oldest first). */
  private readonly lists = new Map<string, StatusList>();
  private readonly current = new Map<StatusPurpose, StatusList>();
  private readonly allocations = new Map<string, StatusAllocation>();

  hasList(listId: string): boolean {
    return this.lists.has(listId);
  }

  list(listId: string): StatusList | undefined {
    return this.lists.get(listId);
  }

  /** The list new allocations of `purpose` go to (the newest), full or not. */
  currentList(purpose: StatusPurpose): StatusList | undefined {
    return this.current.get(purpose);
  }

  allocation(credentialId: string, purpose: StatusPurpose): StatusAllocation | undefined {
    const found = this.allocations.get(allocationKey(credentialId, purpose));
    return found === undefined ? undefined : { ...found };
  }

  allLists(): StatusList[] {
    return [...this.lists.values()];
  }

  listState(listId: string): StatusListState | undefined {
    const list = this.lists.get(listId);
    if (list === undefined) return undefined;
    return {
      listId: list.listId,
      purpose: list.purpose,
      size: list.size,
      bits: list.bits.slice(),
      allocated: list.credentialIds.length,
      revision: list.revision,
    };
  }

  /** Applies one event, or throws (changing nothing) when it contradicts the state. */
  apply(event: StatusEvent, where: string): void {
    switch (event.type) {
      case 'open-list':
        return this.openList(event.listId, event.purpose, event.size, decodeSecret(event.secret, where), where);
      case 'allocate':
        return this.allocate(event.listId, event.credentialId, event.index, where);
      case 'set-bit':
        return this.setBit(event.listId, event.index, event.value, where);
    }
  }

  private openList(listId: string, purpose: StatusPurpose, size: number, secret: Uint8Array, where: string): void {
    if (this.lists.has(listId)) throw storeCorrupt(where, `list ${listId} is opened twice`);
    if (size < 1 || size % 8 !== 0) throw storeCorrupt(where, `list ${listId} has a size that is not a positive multiple of 8`);
    if (secret.length !== LIST_SECRET_BYTES) throw storeCorrupt(where, `list ${listId} has a secret of the wrong length`);
    const list: StatusList = {
      listId,
      purpose,
      size,
      secret,
      permutation: new IndexPermutation(secret, size),
      bits: new Uint8Array(size / 8),
      credentialIds: [],
      revision: 0,
    };
    this.lists.set(listId, list);
    this.current.set(purpose, list);
  }

  private allocate(listId: string, credentialId: string, index: number, where: string): void {
    const list = this.requireList(listId, where);
    const key = allocationKey(credentialId, list.purpose);
    if (this.allocations.has(key)) throw storeCorrupt(where, `credential ${credentialId} is given a second ${list.purpose} index`);
    const position = list.credentialIds.length;
    if (position >= list.size) throw storeCorrupt(where, `list ${listId} is given more allocations than it has bits`);
    if (list.permutation.at(position) !== index) {
      throw storeCorrupt(where, `list ${listId} records index ${index} where its key gives another`);
    }
    list.credentialIds.push(credentialId);
    this.allocations.set(key, { credentialId, purpose: list.purpose, listId, index });
  }

  private setBit(listId: string, index: number, value: boolean, where: string): void {
    const list = this.requireList(listId, where);
    if (index >= list.size) throw storeCorrupt(where, `list ${listId} has a bit set beyond its size`);
    if (readBit(list.bits, index) === value) return;
    writeBit(list.bits, index, value);
    list.revision += 1;
  }

  private requireList(listId: string, where: string): StatusList {
    const list = this.lists.get(listId);
    if (list === undefined) throw storeCorrupt(where, `an event names list ${listId}, which was never opened`);
    return list;
  }
}

export function readBit(bits: Uint8Array, index: number): boolean {
  return readBits(bits, index) === 1;
}

export function encodeSecret(secret: Uint8Array): string {
  return Buffer.from(secret).toString('base64url');
}

function decodeSecret(text: string, where: string): Uint8Array {
  const secret = new Uint8Array(Buffer.from(text, 'base64url'));
  if (encodeSecret(secret) !== text) throw storeCorrupt(where, 'a list secret is not base64url');
  return secret;
}

function allocationKey(credentialId: string, purpose: StatusPurpose): string {
  // Purposes contain no '|', so the key is unambiguous whatever the credential id holds.
  return `${purpose}|${credentialId}`;
}
