/**
 * Many writers on one directory at once: worker threads (one pid, several threads) and separate
 * processes, each also issuing several calls at a time, with compaction happening underneath.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileStatusStore } from '../../../src/status/store/index.js';
import type { StatusAllocation } from '../../../src/status/types.js';
import type { AllocateManyInput } from './fixtures/allocate-many.js';
import { makeTempDirectory, removeTempDirectory } from './fixtures/temp-directory.js';
import { processResult, startTypeScriptProcess, startTypeScriptWorker, workerResult } from './fixtures/typescript-runners.js';

const WORKERS = 4;
const PROCESSES = 2;
const PER_WRITER = 250;
const SHARED = Array.from({ length: 40 }, (_, n) => `urn:shared:${n}`);

describe('file store under concurrent writers', () => {
  it(`gives ${WORKERS} threads × ${PER_WRITER} and ${PROCESSES} processes × ${PER_WRITER} allocations distinct indices`, async () => {
    const directory = await makeTempDirectory('concurrency');
    try {
      const input = (prefix: string): AllocateManyInput => ({
        directory,
        prefix,
        count: PER_WRITER,
        shared: SHARED,
        parallel: 4,
        // Small, so several compactions race with the other writers.
        compactAfterBytes: 32 * 1024,
      });
      // allSettled: a failing writer must not let cleanup race the others still writing.
      const settled = await Promise.allSettled([
        ...Array.from({ length: WORKERS }, (_, n) =>
          workerResult<StatusAllocation[]>(startTypeScriptWorker('allocate-many.ts', input(`urn:worker:${n}`))),
        ),
        ...Array.from({ length: PROCESSES }, (_, n) =>
          processResult<StatusAllocation[]>(startTypeScriptProcess('allocate-many.ts', input(`urn:process:${n}`))),
        ),
      ]);
      const results = settled.map((outcome) => {
        if (outcome.status === 'rejected') throw outcome.reason;
        return outcome.value;
      });

      const writers = WORKERS + PROCESSES;
      const all = results.flat();
      expect(all).toHaveLength(writers * (PER_WRITER + SHARED.length));
      const own = all.filter((result) => !result.credentialId.startsWith('urn:shared:'));
      expect(new Set(own.map((result) => result.credentialId)).size).toBe(writers * PER_WRITER);

      // Idempotent across threads and processes: every writer got the same index for a shared id.
      const sharedIndex = new Map<string, string>();
      for (const result of all.filter((entry) => entry.credentialId.startsWith('urn:shared:'))) {
        const where = `${result.listId}#${result.index}`;
        expect(sharedIndex.get(result.credentialId) ?? where).toBe(where);
        sharedIndex.set(result.credentialId, where);
      }
      expect(sharedIndex.size).toBe(SHARED.length);

      const places = new Set([...own.map((result) => `${result.listId}#${result.index}`), ...sharedIndex.values()]);
      const expectedTotal = writers * PER_WRITER + SHARED.length;
      expect(places.size).toBe(expectedTotal);

      expect(existsSync(join(directory, 'snapshot.json')), 'compaction ran during the race').toBe(true);
      const fresh = await openFileStatusStore(directory);
      try {
        const listIds = await fresh.listIds();
        expect(listIds).toHaveLength(1);
        expect((await fresh.readList(listIds[0]!))?.allocated).toBe(expectedTotal);
        for (const result of own.filter((_, n) => n % 25 === 0)) {
          expect(await fresh.lookup(result.credentialId)).toEqual([result]);
        }
      } finally {
        await fresh.close();
      }
    } finally {
      await removeTempDirectory(directory);
    }
  });
});
