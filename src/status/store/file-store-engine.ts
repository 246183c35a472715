/**
 * The on-disk half of the file store: keeps an in-memory StatusState equal to snapshot + journal,
 * appends records, and compacts. Every method must be called while holding the store lock, which
 * is what makes "read what others appended, then append" one atomic step across processes.
 *
 * Files: `snapshot.json` (generation g, absent while g = 0) and `journal-<g>.log`, the changes
 * since that snapshot. Compaction writes snapshot g+1 (atomically) from the state; from then on
 * writers append to journal-<g+1>.log, and journal-<g>.log is deleted (or, after a crash in
 * between, merely ignored and deleted by a later compaction).
 */
import { open, readdir, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { appendJournal, encodeJournalLine, readJournalFrom, type JournalScan } from './journal.js';
import { isSnapshotTemp, readSnapshot, readSnapshotGeneration, writeSnapshot } from './snapshot.js';
import type { StatusRecord } from './status-events.js';
import type { StatusState } from './status-state.js';
import { journalGeneration, STATE_FILE_MODE, syncDirectory, type StoreFiles } from './store-files.js';
import { removeAbandonedLockTemps } from './lock.js';

interface Loaded {
  state: StatusState;
  generation: number;
  journal: FileHandle;
  journalPath: string;
  /** Where applied journal content ends and what lies beyond it (a torn tail, if larger). */
  tail: Pick<JournalScan, 'validEnd' | 'end'>;
  snapshotBytes: number;
}

export class FileStoreEngine {
  private loaded: Loaded | undefined;

  constructor(
    private readonly files: StoreFiles,
    private readonly compactAfterBytes: number,
  ) {}

  /** Applies whatever other writers recorded since this engine last looked; returns the state. */
  async catchUp(): Promise<StatusState> {
    try {
      const generation = readSnapshotGeneration(this.files);
      if (this.loaded === undefined || this.loaded.generation !== generation) await this.load();
      const loaded = this.loaded!;
      const scan = await readJournalFrom(loaded.journal, loaded.tail.validEnd, loaded.journalPath);
      for (const record of scan.records) {
        for (const event of record.events) loaded.state.apply(event, loaded.journalPath);
      }
      loaded.tail = scan;
      return loaded.state;
    } catch (error) {
      await this.invalidate();
      throw error;
    }
  }

  /** Makes records (already applied to the state by the caller) durable. */
  async commit(records: StatusRecord[]): Promise<void> {
    const loaded = this.loaded!;
    const end = await appendJournal(loaded.journal, records.map(encodeJournalLine).join(''), loaded.tail);
    loaded.tail = { validEnd: end, end };
  }

  /**
   * Folds the journal into a new snapshot once it outgrows both the threshold and the snapshot
   * itself; the second bound keeps compaction work proportional to the changes between them.
   */
  async compactIfDue(): Promise<void> {
    const loaded = this.loaded;
    if (loaded === undefined || loaded.tail.validEnd < Math.max(this.compactAfterBytes, loaded.snapshotBytes)) return;
    const generation = loaded.generation + 1;
    const snapshotBytes = await writeSnapshot(this.files, generation, loaded.state);
    await loaded.journal.close();
    this.loaded = { ...loaded, generation, snapshotBytes, ...(await this.openJournal(generation)), tail: { validEnd: 0, end: 0 } };
    await this.removeLeftovers(generation);
  }

  /** Forgets the in-memory state, e.g. after a failed write left it ahead of the disk. */
  async invalidate(): Promise<void> {
    const loaded = this.loaded;
    this.loaded = undefined;
    await loaded?.journal.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.invalidate();
  }

  private async load(): Promise<void> {
    await this.invalidate();
    const snapshot = await readSnapshot(this.files);
    this.loaded = {
      state: snapshot.state,
      generation: snapshot.generation,
      snapshotBytes: snapshot.bytes,
      ...(await this.openJournal(snapshot.generation)),
      tail: { validEnd: 0, end: 0 },
    };
  }

  private async openJournal(generation: number): Promise<Pick<Loaded, 'journal' | 'journalPath'>> {
    const journalPath = this.files.journal(generation);
    // 'a+': appends always land at the end, reads may go anywhere; created when missing.
    const journal = await open(journalPath, 'a+', STATE_FILE_MODE);
    await syncDirectory(this.files.directory);
    return { journal, journalPath };
  }

  /** Deletes what crashed or finished compactions left behind; only ever older generations. */
  private async removeLeftovers(generation: number): Promise<void> {
    for (const name of await readdir(this.files.directory)) {
      const journalOf = journalGeneration(name);
      if ((journalOf !== undefined && journalOf < generation) || isSnapshotTemp(name)) {
        await unlink(join(this.files.directory, name)).catch(() => undefined);
      }
    }
    await removeAbandonedLockTemps(this.files.directory, 'lock');
  }
}
