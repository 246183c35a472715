import { describe, expect, it } from 'vitest';
import { createMemoryStatusStore } from '../../../src/status/store/index.js';
import { allocation, describeStatusStoreContract, LIST_SIZE } from './store-contract.js';

describeStatusStoreContract('memory store', async () => {
  const store = createMemoryStatusStore();
  return { store, dispose: () => store.close() };
});

describe('memory store', () => {
  it('fills a 131072-bit list with every index exactly once, then opens a new list', async () => {
    const store = createMemoryStatusStore();
    const seen = new Uint8Array(LIST_SIZE);
    let firstListId: string | undefined;
    for (let n = 0; n < LIST_SIZE; n += 1) {
      const result = await store.allocate(allocation(`urn:c:${n}`));
      firstListId ??= result.listId;
      expect(result.listId === firstListId).toBe(true);
      seen[result.index] += 1;
    }
    expect(seen.every((count) => count === 1)).toBe(true);
    expect((await store.readList(firstListId!))?.allocated).toBe(LIST_SIZE);

    const request = allocation('urn:c:overflow');
    const overflow = await store.allocate(request);
    expect(request.opened).toEqual([overflow.listId]);
    expect(overflow.listId).not.toBe(firstListId);
    expect(await store.listIds()).toEqual([firstListId, overflow.listId]);
    expect((await store.readList(overflow.listId))?.allocated).toBe(1);
    // Earlier credentials keep their place in the full list.
    expect((await store.lookup('urn:c:0'))[0]?.listId).toBe(firstListId);
  });
});
