/**
 * The snapshot: the whole state at the start of a journal generation, in one file replaced
 * atomically (write a temp file, fsync, rename over, fsync the directory). Its first line is a
 * small header naming the generation, so a store can check cheaply, on every operation, whether
 * another process has compacted since it last looked.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import type { StatusPurpose } from '../types.js';
import { StatusState } from './status-state.js';
import { STATE_FILE_MODE, syncDirectory, type StoreFiles } from './store-files.js';
import { storeCorrupt } from './store-errors.js';

const FORMAT = 'obv3-status-snapshot';
const VERSION = 1;
/** Headers are far shorter; reading this much always covers one. */
const HEADER_READ_BYTES = 1024;

interface SnapshotHeader {
  format: typeof FORMAT;
  version: typeof VERSION;
  generation: number;
  sha256: string;
}

interface SnapshotList {
  listId: string;
  purpose: StatusPurpose;
  size: number;
  secret: string;
  revision: number;
  /** base64 of the MSB-first bitstring. */
  bits: string;
  /** In allocation order; indices are recomputed from the list's key. */
  credentialIds: string[];
}

export interface LoadedSnapshot {
  generation: number;
  state: StatusState;
  bytes: number;
}

/**
 * The generation of the current snapshot; 0 when none has been written yet. Synchronous: it runs
 * on every operation and reads under a kilobyte, where thread-pool round trips would dominate.
 */
export function readSnapshotGeneration(files: StoreFiles): number {
  let descriptor: number;
  try {
    descriptor = openSync(files.snapshot, 'r');
  } catch (error) {
    if (isNotFound(error)) return 0;
    throw error;
  }
  try {
    const buffer = Buffer.alloc(HEADER_READ_BYTES);
    const bytesRead = readSync(descriptor, buffer, 0, HEADER_READ_BYTES, 0);
    return parseHeader(buffer.subarray(0, bytesRead), files.snapshot).generation;
  } finally {
    closeSync(descriptor);
  }
}

export async function readSnapshot(files: StoreFiles): Promise<LoadedSnapshot> {
  let bytes: Buffer;
  try {
    bytes = await readFile(files.snapshot);
  } catch (error) {
    if (isNotFound(error)) return { generation: 0, state: new StatusState(), bytes: 0 };
    throw error;
  }
  const where = files.snapshot;
  const header = parseHeader(bytes, where);
  const body = bytes.subarray(bytes.indexOf(0x0a) + 1);
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) {
    throw storeCorrupt(where, 'its contents do not match the checksum in its header');
  }
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw storeCorrupt(where, 'its checksum matches but its body is not JSON');
  }
  return { generation: header.generation, state: restoreState(value, where), bytes: bytes.length };
}

/** Atomically replaces the snapshot; returns its size in bytes. */
export async function writeSnapshot(files: StoreFiles, generation: number, state: StatusState): Promise<number> {
  const body = Buffer.from(`${JSON.stringify(encodeState(state))}\n`, 'utf8');
  const header: SnapshotHeader = {
    format: FORMAT,
    version: VERSION,
    generation,
    sha256: createHash('sha256').update(body).digest('hex'),
  };
  const bytes = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]);
  const temp = `${files.snapshot}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', STATE_FILE_MODE);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, files.snapshot);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(files.directory);
  return bytes.length;
}

export function isSnapshotTemp(fileName: string): boolean {
  return /^snapshot\.json\.[0-9a-f]+\.tmp$/.test(fileName);
}

function parseHeader(bytes: Buffer, where: string): SnapshotHeader {
  const newline = bytes.indexOf(0x0a);
  let header: Partial<SnapshotHeader> | undefined;
  try {
    header = newline > 0 ? (JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Partial<SnapshotHeader>) : undefined;
  } catch {
    header = undefined;
  }
  if (header?.format !== FORMAT || header.version !== VERSION) {
    throw storeCorrupt(where, `it does not start with a version ${VERSION} ${FORMAT} header`);
  }
  if (!Number.isSafeInteger(header.generation) || (header.generation ?? 0) < 1 || typeof header.sha256 !== 'string') {
    throw storeCorrupt(where, 'its header has no valid generation or checksum');
  }
  return header as SnapshotHeader;
}

function encodeState(state: StatusState): { lists: SnapshotList[] } {
  return {
    lists: state.allLists().map((list) => ({
      listId: list.listId,
      purpose: list.purpose,
      size: list.size,
      secret: Buffer.from(list.secret).toString('base64url'),
      revision: list.revision,
      bits: Buffer.from(list.bits).toString('base64'),
      credentialIds: list.credentialIds,
    })),
  };
}

/** Rebuilds state through `apply`, so a snapshot passes the same checks as a replayed journal. */
function restoreState(value: unknown, where: string): StatusState {
  const lists = (value as { lists?: unknown } | null)?.lists;
  if (!Array.isArray(lists)) throw storeCorrupt(where, 'it has no list array');
  const state = new StatusState();
  for (const entry of lists as Partial<SnapshotList>[]) {
    const { listId, purpose, size, secret, revision, bits, credentialIds } = entry;
    if (typeof listId !== 'string' || (purpose !== 'revocation' && purpose !== 'suspension') || typeof size !== 'number' ||
      typeof secret !== 'string' || !Number.isSafeInteger(revision) || typeof bits !== 'string' || !Array.isArray(credentialIds)) {
      throw storeCorrupt(where, 'a list entry is missing fields');
    }
    state.apply({ type: 'open-list', listId, purpose, size, secret }, where);
    const list = state.list(listId)!;
    const decodedBits = Buffer.from(bits, 'base64');
    if (decodedBits.length !== list.bits.length) throw storeCorrupt(where, `list ${listId} has a bitstring of the wrong length`);
    list.bits.set(decodedBits);
    list.revision = revision as number;
    if (credentialIds.length > size) throw storeCorrupt(where, `list ${listId} holds more credentials than bits`);
    credentialIds.forEach((credentialId: unknown, position) => {
      if (typeof credentialId !== 'string') throw storeCorrupt(where, `list ${listId} has a credential id that is not a string`);
      state.apply({ type: 'allocate', listId, credentialId, index: list.permutation.at(position) }, where);
    });
  }
  return state;
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
