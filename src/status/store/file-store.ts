/**
 * The durable StatusStore on local disk (see file-store-engine for the files). Every method is one
 * step under the store lock: catch up with other writers, decide, append, fsync, release. Calls
 * made while a step is running wait in a queue and then run together in the next step, sharing
 * one lock and one fsync (group commit); each still gets its own journal line, so each is
 * all-or-nothing and the promise of each resolves only once its line is on disk.
 */
import type { StatusAllocation } from '../types.js';
import type { AllocateRequest, SetStatusRequest, StatusListState, StatusStore } from './status-store.js';
import type { StatusRecord } from './status-events.js';
import type { StatusState } from './status-state.js';
import { FileStoreEngine } from './file-store-engine.js';
import { acquireLock, type HeldLock } from './lock.js';
import { runAllocate, runListIds, runLookup, runReadList, runSetStatus, type Outcome } from './status-operations.js';
import { checkAllocateRequest, checkId, checkSetStatusRequest } from './validate-requests.js';
import { createStoreDirectory, storeFiles, type StoreFiles } from './store-files.js';
import { invalidArgument, storeClosed } from './store-errors.js';

export interface FileStatusStoreOptions {
  /** How long one operation may wait for the lock another writer holds. Default 10 000 ms. */
  lockTimeoutMs?: number;
  /**
   * Journal size in bytes after which it is folded into a new snapshot (never before it also
   * outgrows the snapshot). Default 4 MiB.
   */
  compactAfterBytes?: number;
}

const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
const DEFAULT_COMPACT_AFTER_BYTES = 4 * 1024 * 1024;
/** Bounds one step's lock hold time and write size however many calls are queued. */
const MAX_BATCH = 512;

/** Opens (creating if needed) the store kept in `directory`, checking the state it holds. */
export async function openFileStatusStore(directory: string, options: FileStatusStoreOptions = {}): Promise<StatusStore> {
  if (typeof directory !== 'string' || directory.length === 0) {
    throw invalidArgument('openFileStatusStore: directory must be a non-empty path to a directory only this store uses.');
  }
  const lockTimeoutMs = checkOption(options.lockTimeoutMs, 'lockTimeoutMs', DEFAULT_LOCK_TIMEOUT_MS, 0);
  const compactAfterBytes = checkOption(options.compactAfterBytes, 'compactAfterBytes', DEFAULT_COMPACT_AFTER_BYTES, 1);
  try {
    await createStoreDirectory(directory);
  } catch (error) {
    throw invalidArgument(`openFileStatusStore: cannot use ${directory} as the store directory (${String(error)}); pass a writable directory path.`, error);
  }
  const store = new FileStatusStore(storeFiles(directory), lockTimeoutMs, compactAfterBytes);
  try {
    await store.listIds(); // loads and checks the stored state now, not at the first real call
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

interface Job {
  run(state: StatusState): Outcome<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

class FileStatusStore implements StatusStore {
  private readonly engine: FileStoreEngine;
  private readonly queue: Job[] = [];
  private draining: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly files: StoreFiles,
    private readonly lockTimeoutMs: number,
    compactAfterBytes: number,
  ) {
    this.engine = new FileStoreEngine(files, compactAfterBytes);
  }

  allocate(request: AllocateRequest): Promise<StatusAllocation> {
    return this.enqueue(() => checkAllocateRequest(request), (state, checked) => runAllocate(state, checked));
  }

  setStatus(request: SetStatusRequest): Promise<{ allocation: StatusAllocation; changed: boolean }> {
    return this.enqueue(() => checkSetStatusRequest(request), (state, checked) => runSetStatus(state, checked));
  }

  lookup(credentialId: string): Promise<StatusAllocation[]> {
    return this.enqueue(() => checkId(credentialId, 'lookup: credentialId'), (state, id) => ({ result: runLookup(state, id), events: [] }));
  }

  readList(listId: string): Promise<StatusListState | undefined> {
    return this.enqueue(() => checkId(listId, 'readList: listId'), (state, id) => ({ result: runReadList(state, id), events: [] }));
  }

  listIds(): Promise<string[]> {
    return this.enqueue(() => undefined, (state) => ({ result: runListIds(state), events: [] }));
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.draining !== undefined) await this.draining;
    await this.engine.close();
  }

  /** Checks the request now (so bad input never waits for the lock), then queues the step. */
  private enqueue<C, T>(check: () => C, run: (state: StatusState, checked: C) => Outcome<T>): Promise<T> {
    if (this.closed) return Promise.reject(storeClosed());
    let checked: C;
    try {
      checked = check();
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run: (state) => run(state, checked), resolve: resolve as (value: unknown) => void, reject });
      this.drain();
    });
  }

  private drain(): void {
    if (this.draining !== undefined) return;
    this.draining = (async () => {
      try {
        while (this.queue.length > 0) await this.step(this.queue.splice(0, MAX_BATCH));
      } finally {
        // Runs in the same tick as the empty-queue check, so no job can be left unscheduled.
        this.draining = undefined;
      }
    })();
  }

  /** One locked step for a batch of jobs; settles every job, never throws. */
  private async step(jobs: Job[]): Promise<void> {
    let lock: HeldLock;
    try {
      lock = await acquireLock(this.files.lock, this.lockTimeoutMs);
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    const settle: (() => void)[] = [];
    try {
      const state = await this.engine.catchUp();
      const records: StatusRecord[] = [];
      for (const job of jobs) {
        // Operations throw only before their first change, so a refused job leaves state as it was.
        try {
          const outcome = job.run(state);
          if (outcome.events.length > 0) records.push({ events: outcome.events });
          settle.push(() => job.resolve(outcome.result));
        } catch (error) {
          settle.push(() => job.reject(error));
        }
      }
      if (records.length > 0) await this.engine.commit(records);
    } catch (error) {
      // The state may now be ahead of the disk, and reads in this batch may have seen it.
      await this.engine.invalidate();
      settle.length = 0;
      for (const job of jobs) settle.push(() => job.reject(error));
    }
    // The batch is already durable; a failed compaction only means the next step reloads.
    await this.engine.compactIfDue().catch(() => this.engine.invalidate());
    await lock.release().catch(() => undefined);
    for (const done of settle) done();
  }
}

function checkOption(value: unknown, name: string, fallback: number, minimum: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) {
    throw invalidArgument(`openFileStatusStore: ${name} must be a whole number of at least ${minimum}; got ${String(value)}.`);
  }
  return value;
}
