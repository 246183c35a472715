/**
 * Where a file store keeps things inside its directory, and the one file-system step the others
 * share: making a directory entry (a created or renamed file) durable.
 */
import { mkdir, open } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** Owner-only: lists hold per-list secrets and which credential sits at which index. */
export const STATE_FILE_MODE = 0o600;
export const STATE_DIRECTORY_MODE = 0o700;

export interface StoreFiles {
  directory: string;
  snapshot: string;
  lock: string;
  journal(generation: number): string;
}

export function storeFiles(directory: string): StoreFiles {
  return {
    directory,
    snapshot: join(directory, 'snapshot.json'),
    lock: join(directory, 'lock'),
    journal: (generation) => join(directory, `journal-${generation}.log`),
  };
}

/** The generation a journal file name belongs to, or undefined for other files. */
export function journalGeneration(fileName: string): number | undefined {
  const match = /^journal-(\d+)\.log$/.exec(fileName);
  return match === null ? undefined : Number(match[1]);
}

/**
 * fsyncs a directory so a new or renamed entry in it survives power loss. Windows cannot open
 * directories for syncing and does not need it (NTFS journals metadata), so it is skipped there.
 */
export async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Creates the store directory (owner-only) if needed, and makes its creation durable: a journal
 * fsync'd inside a directory whose own entry was lost would be lost with it.
 */
export async function createStoreDirectory(directory: string): Promise<void> {
  const firstCreated = await mkdir(directory, { recursive: true, mode: STATE_DIRECTORY_MODE });
  if (firstCreated === undefined) return;
  for (let created = resolve(directory); ; created = dirname(created)) {
    await syncDirectory(dirname(created));
    if (created === resolve(firstCreated)) return;
  }
}
