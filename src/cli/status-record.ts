/**
 * What a status store's lists belong to: the --status-base its credentials point to and the issuer
 * who signs the lists, recorded by the first `obv3 issue` into the store folder (a file the store
 * itself ignores). With it `status publish` needs no --base, and a base or key that differs is
 * refused: lists published under another URL, or signed by another issuer, would be lists no
 * credential's status check can use, while the command reported success.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFsError, TEMP_PREFIX } from './files.js';
import { CliError, UsageError } from './io.js';

/** Beside the store's snapshot and journals, which it never confuses with its own files. */
export const STORE_RECORD_FILE = 'obv3-lists.json';

export interface StoreRecord {
  listBaseUrl: string;
  issuer: string;
}

/** The record in `storeDir`, or undefined when none was made (a store from an older obv3, or the library). */
export async function readStoreRecord(storeDir: string): Promise<StoreRecord | undefined> {
  const file = join(storeDir, STORE_RECORD_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(`Cannot read ${file}: ${describeFsError(error)}.`);
  }
  let record: Partial<StoreRecord> | undefined;
  try {
    record = JSON.parse(text) as Partial<StoreRecord>;
  } catch {
    record = undefined;
  }
  if (typeof record?.listBaseUrl !== 'string' || typeof record.issuer !== 'string') {
    throw new CliError(`${file} is damaged: restore it, or delete it and run obv3 issue again with the store's --status-base and key.`);
  }
  return { listBaseUrl: record.listBaseUrl, issuer: record.issuer };
}

/**
 * Records `record` unless the store already has one, and returns the one in force. The file
 * appears whole and only if absent (written aside, then hard-linked into place), so of two
 * processes issuing into a new store at once exactly one records, and the other reads it.
 */
export async function keepStoreRecord(storeDir: string, record: StoreRecord): Promise<StoreRecord> {
  const file = join(storeDir, STORE_RECORD_FILE);
  const temp = join(storeDir, `${TEMP_PREFIX}${STORE_RECORD_FILE}-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(temp, `${JSON.stringify(record, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    await link(temp, file);
    return record;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new CliError(`Cannot write ${file}: ${describeFsError(error)}.`);
  } finally {
    await rm(temp, { force: true });
  }
  return (await readStoreRecord(storeDir)) ?? record;
}

/** Refuses a base URL or an issuer that differs from what the store's credentials were issued with. */
export function checkStoreRecord(record: StoreRecord, given: StoreRecord, where: { store: string; baseOption: string }): void {
  if (given.listBaseUrl !== record.listBaseUrl) {
    throw new UsageError(
      `The credentials of the status store ${where.store} point to lists under ${record.listBaseUrl}, not ${given.listBaseUrl}: ` +
        `give ${where.baseOption} ${record.listBaseUrl} (the lists must be where the credentials look for them).`,
    );
  }
  if (given.issuer !== record.issuer) {
    throw new UsageError(
      `The lists of the status store ${where.store} belong to ${record.issuer}, but the key given is ${given.issuer}'s: ` +
        `give ${record.issuer}'s key file (lists are signed by their credentials' issuer).`,
    );
  }
}
