/**
 * The append-only journal: one record per line, `<sha256 hex of the JSON> <JSON>\n`. A record is
 * durable once its line is written and fdatasync'd. A crash mid-append leaves at most a torn
 * tail (a partial or garbled last line); reading stops before it and the next append cuts it
 * off. A bad line followed by a good one is not a torn tail but damage, and is refused, since
 * skipping it would lose changes that were reported done.
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { parseRecord, type StatusRecord } from './status-events.js';
import { storeCorrupt } from './store-errors.js';

const NEWLINE = 0x0a;
const HASH_HEX_LENGTH = 64;

export interface JournalScan {
  records: StatusRecord[];
  /** File offset just past the last good line: where the next append belongs. */
  validEnd: number;
  /** File offset of the end of what was read; beyond validEnd lies a torn tail. */
  end: number;
}

export function encodeJournalLine(record: StatusRecord): string {
  // JSON.stringify escapes every newline inside strings, so a record is always exactly one line.
  const json = JSON.stringify(record);
  return `${sha256Hex(Buffer.from(json, 'utf8'))} ${json}\n`;
}

/** Parses the good lines of `bytes`, which starts at file offset `offset`. */
export function scanJournal(bytes: Buffer, offset: number, where: string): JournalScan {
  const records: StatusRecord[] = [];
  let position = 0;
  while (position < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, position);
    if (newline < 0) break;
    const record = decodeLine(bytes.subarray(position, newline), where);
    if (record === undefined) {
      if (hasGoodLineAfter(bytes, newline + 1, where)) {
        throw storeCorrupt(where, `the line at byte ${offset + position} fails its checksum but later lines are intact`);
      }
      break;
    }
    records.push(record);
    position = newline + 1;
  }
  return { records, validEnd: offset + position, end: offset + bytes.length };
}

/** Reads and scans everything from `offset` to the current end of the file. */
export async function readJournalFrom(handle: FileHandle, offset: number, where: string): Promise<JournalScan> {
  const { size } = await handle.stat();
  if (size < offset) throw storeCorrupt(where, `the journal shrank below byte ${offset}, which was already applied`);
  const bytes = Buffer.alloc(size - offset);
  let filled = 0;
  while (filled < bytes.length) {
    const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, offset + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return scanJournal(bytes.subarray(0, filled), offset, where);
}

/**
 * Appends lines after cutting off any torn tail, then forces them to disk. The handle must be
 * opened for appending, and the caller must hold the store lock.
 */
export async function appendJournal(handle: FileHandle, text: string, scan: Pick<JournalScan, 'validEnd' | 'end'>): Promise<number> {
  if (scan.end > scan.validEnd) await handle.truncate(scan.validEnd);
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  try {
    while (written < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
      written += bytesWritten;
    }
    await handle.datasync();
  } catch (error) {
    // Best effort: leave no half-written records behind a failure the caller will report.
    await handle.truncate(scan.validEnd).catch(() => undefined);
    throw error;
  }
  return scan.validEnd + bytes.length;
}

function decodeLine(line: Buffer, where: string): StatusRecord | undefined {
  if (line.length <= HASH_HEX_LENGTH + 1 || line[HASH_HEX_LENGTH] !== 0x20) return undefined;
  const body = line.subarray(HASH_HEX_LENGTH + 1);
  if (line.subarray(0, HASH_HEX_LENGTH).toString('latin1') !== sha256Hex(body)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    // A matching checksum over unparsable JSON means the writer itself was broken.
    throw storeCorrupt(where, 'a line with a valid checksum holds invalid JSON');
  }
  return parseRecord(value, where);
}

function hasGoodLineAfter(bytes: Buffer, start: number, where: string): boolean {
  let position = start;
  for (;;) {
    const newline = bytes.indexOf(NEWLINE, position);
    if (newline < 0) return false;
    if (decodeLine(bytes.subarray(position, newline), where) !== undefined) return true;
    position = newline + 1;
  }
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
