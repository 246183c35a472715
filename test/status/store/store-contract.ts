/**
 * The behaviour every StatusStore must have, run against each implementation with a factory.
 * Written against the StatusStore interface only, so a future database store can reuse it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isObv3Error } from '../../../src/errors.js';
import type { AllocateRequest, StatusStore } from '../../../src/status/store/index.js';
import type { StatusPurpose } from '../../../src/status/types.js';
import { caughtError } from '../../keys/caught-error.js';

export interface StoreUnderTest {
  store: StatusStore;
  /** Closes the store and removes what it left behind. */
  dispose(): Promise<void>;
}

export const LIST_SIZE = 131_072;

/** An allocate request with a counting list-id factory, so tests can see when lists open. */
export function allocation(credentialId: string, purpose: StatusPurpose = 'revocation'): AllocateRequest & { opened: string[] } {
  const opened: string[] = [];
  return {
    credentialId,
    purpose,
    listSize: LIST_SIZE,
    newListId: () => {
      const listId = `urn:uuid:${crypto.randomUUID()}`;
      opened.push(listId);
      return listId;
    },
    opened,
  };
}

/** The spec's bit order: bit i lives in byte i >> 3, most significant bit first. */
export function bitAt(bits: Uint8Array, index: number): boolean {
  return ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
}

export function describeStatusStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name} (StatusStore contract)`, () => {
    let subject: StoreUnderTest;
    let store: StatusStore;
    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => subject.dispose());

    it('allocates an index inside a new list named by newListId', async () => {
      const request = allocation('urn:c:1');
      const result = await store.allocate(request);
      expect(request.opened).toHaveLength(1);
      expect(result).toEqual({ credentialId: 'urn:c:1', purpose: 'revocation', listId: request.opened[0], index: result.index });
      expect(Number.isInteger(result.index) && result.index >= 0 && result.index < LIST_SIZE).toBe(true);
      const list = await store.readList(result.listId);
      expect(list).toMatchObject({ listId: result.listId, purpose: 'revocation', size: LIST_SIZE, allocated: 1, revision: 0 });
      expect(list?.bits).toHaveLength(LIST_SIZE / 8);
      expect(list?.bits.every((byte) => byte === 0)).toBe(true);
    });

    it('is idempotent per credential and purpose, and keeps purposes in separate lists', async () => {
      const first = await store.allocate(allocation('urn:c:1'));
      const again = allocation('urn:c:1');
      expect(await store.allocate(again)).toEqual(first);
      expect(again.opened).toEqual([]);
      const suspension = await store.allocate(allocation('urn:c:1', 'suspension'));
      expect(suspension.purpose).toBe('suspension');
      expect(suspension.listId).not.toBe(first.listId);
      expect(await store.lookup('urn:c:1')).toEqual([first, suspension]);
      expect(await store.lookup('urn:c:unknown')).toEqual([]);
      expect((await store.readList(first.listId))?.allocated).toBe(1);
    });

    it('hands out distinct, unordered indices, also to concurrent calls', async () => {
      const ids = Array.from({ length: 300 }, (_, n) => `urn:c:${n}`);
      // Every id is requested twice at once: both calls must get the same allocation.
      const results = await Promise.all([...ids, ...ids].map((id) => store.allocate(allocation(id))));
      const indices = results.slice(0, ids.length).map((result) => result.index);
      expect(results.slice(ids.length)).toEqual(results.slice(0, ids.length));
      expect(new Set(indices).size).toBe(ids.length);
      expect(new Set(results.map((result) => result.listId)).size).toBe(1);
      expect(indices).not.toEqual([...indices].sort((a, b) => a - b));
      expect((await store.readList(results[0]!.listId))?.allocated).toBe(ids.length);
      expect(await store.listIds()).toEqual([results[0]!.listId]);
    });

    it('sets and clears bits MSB-first and counts revisions only on change', async () => {
      const revoked = await store.allocate(allocation('urn:c:r'));
      const suspended = await store.allocate(allocation('urn:c:s', 'suspension'));

      expect(await store.setStatus({ credentialId: 'urn:c:r', purpose: 'revocation', value: true })).toEqual({ allocation: revoked, changed: true });
      let list = await store.readList(revoked.listId);
      expect(bitAt(list!.bits, revoked.index)).toBe(true);
      expect(list!.bits.reduce((sum, byte) => sum + popCount(byte), 0)).toBe(1);
      expect(list!.revision).toBe(1);
      expect((await store.setStatus({ credentialId: 'urn:c:r', purpose: 'revocation', value: true })).changed).toBe(false);
      expect((await store.readList(revoked.listId))!.revision).toBe(1);

      for (const [value, revision] of [[true, 1], [true, 1], [false, 2], [false, 2], [true, 3]] as const) {
        await store.setStatus({ credentialId: 'urn:c:s', purpose: 'suspension', value });
        list = await store.readList(suspended.listId);
        expect(bitAt(list!.bits, suspended.index)).toBe(value);
        expect(list!.revision).toBe(revision);
      }
    });

    it('returns copies: changing a returned bitstring changes nothing stored', async () => {
      const result = await store.allocate(allocation('urn:c:1'));
      const list = await store.readList(result.listId);
      list!.bits.fill(0xff);
      expect((await store.readList(result.listId))!.bits.every((byte) => byte === 0)).toBe(true);
    });

    it('refuses to clear a revocation and leaves the bit set', async () => {
      const result = await store.allocate(allocation('urn:c:1'));
      await store.setStatus({ credentialId: 'urn:c:1', purpose: 'revocation', value: true });
      const error = await caughtError(() => store.setStatus({ credentialId: 'urn:c:1', purpose: 'revocation', value: false }));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toMatch(/revocation cannot be cleared.*suspension/);
      const list = await store.readList(result.listId);
      expect(bitAt(list!.bits, result.index)).toBe(true);
      expect(list!.revision).toBe(1);
    });

    it('refuses a status change for a credential without an index for that purpose', async () => {
      const unknown = await caughtError(() => store.setStatus({ credentialId: 'urn:c:none', purpose: 'revocation', value: true }));
      expect(unknown.code).toBe('INVALID_ARGUMENT');
      expect(unknown.message).toMatch(/no revocation index.*allocate/);
      await store.allocate(allocation('urn:c:1', 'revocation'));
      const otherPurpose = await caughtError(() => store.setStatus({ credentialId: 'urn:c:1', purpose: 'suspension', value: true }));
      expect(otherPurpose.code).toBe('INVALID_ARGUMENT');
    });

    it('refuses a newListId that returns a used or empty id, or passes on its own error, allocating nothing', async () => {
      const first = await store.allocate(allocation('urn:c:1'));
      const reused = await caughtError(() =>
        store.allocate({ credentialId: 'urn:c:2', purpose: 'suspension', listSize: LIST_SIZE, newListId: () => first.listId }),
      );
      expect(reused.message).toMatch(/already names a status list/);
      const empty = await caughtError(() =>
        store.allocate({ credentialId: 'urn:c:2', purpose: 'suspension', listSize: LIST_SIZE, newListId: () => '' }),
      );
      expect(empty.code).toBe('INVALID_ARGUMENT');
      const asynchronous = await caughtError(() =>
        store.allocate({ credentialId: 'urn:c:2', purpose: 'suspension', listSize: LIST_SIZE, newListId: (async () => 'urn:list:2') as never }),
      );
      expect(asynchronous.message).toMatch(/returned a promise.*synchronously/);
      const failure = new Error('id service down');
      await expect(
        store.allocate({ credentialId: 'urn:c:2', purpose: 'suspension', listSize: LIST_SIZE, newListId: () => { throw failure; } }),
      ).rejects.toBe(failure);
      expect(await store.lookup('urn:c:2')).toEqual([]);
      expect(await store.listIds()).toEqual([first.listId]);
    });

    it('refuses bad input with INVALID_ARGUMENT and changes nothing', async () => {
      const good = await store.allocate(allocation('urn:c:1'));
      const bad: unknown[] = [
        { ...allocation(''), credentialId: '' },
        { ...allocation('urn:c:2'), purpose: 'expiry' },
        { ...allocation('urn:c:2'), listSize: LIST_SIZE - 1 },
        { ...allocation('urn:c:2'), listSize: 131_072.5 },
        // Not whole bytes: refused here, not stored and then reported as a damaged store.
        { ...allocation('urn:c:2'), listSize: LIST_SIZE + 1 },
        { ...allocation('urn:c:2'), newListId: 'urn:list:1' },
        null,
      ];
      for (const request of bad) {
        const error = await caughtError(() => store.allocate(request as AllocateRequest));
        expect(isObv3Error(error, 'INVALID_ARGUMENT'), error.message).toBe(true);
      }
      const setErrors = await Promise.all([
        caughtError(() => store.setStatus({ credentialId: 'urn:c:1', purpose: 'revocation', value: 'yes' as unknown as boolean })),
        caughtError(() => store.setStatus({ credentialId: '', purpose: 'revocation', value: true })),
        caughtError(() => store.lookup(42 as unknown as string)),
        caughtError(() => store.readList('')),
      ]);
      expect(setErrors.map((error) => error.code)).toEqual(Array(4).fill('INVALID_ARGUMENT'));
      expect(await store.listIds()).toEqual([good.listId]);
      expect(await store.readList(good.listId)).toMatchObject({ allocated: 1, revision: 0 });
    });

    it('explains what is wrong and how to fix it', async () => {
      const error = await caughtError(() => store.allocate({ ...allocation('urn:c:1'), listSize: 1000 }));
      expect(error.message).toMatch(/listSize must be .*131072.*got 1000/);
    });

    it('refuses a list size that is not whole bytes as a bad argument, never as a damaged store', async () => {
      const error = await caughtError(() => store.allocate({ ...allocation('urn:c:1'), listSize: LIST_SIZE + 1 }));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toMatch(/multiple of 8/);
      expect(await store.listIds()).toEqual([]);
    });

    it('answers undefined for an unknown list and refuses calls after close', async () => {
      expect(await store.readList('urn:list:none')).toBeUndefined();
      expect(await store.listIds()).toEqual([]);
      await store.close();
      const error = await caughtError(() => store.allocate(allocation('urn:c:1')));
      expect(error.message).toMatch(/closed/);
    });
  });
}

function popCount(byte: number): number {
  let count = 0;
  for (let bit = byte; bit > 0; bit >>= 1) count += bit & 1;
  return count;
}
