/**
 * The single-writer lock of a file store, shared by async calls, worker threads and processes on
 * one machine. The lock is a file whose creation is atomic and exclusive: the owner record is
 * written to a private temp file and hard-linked to the lock name, so the lock never exists
 * without its owner (no window where a reader sees an empty lock and must guess).
 *
 * A lock whose owner is certainly gone (see isOwnerGone) is broken under a second lock, the
 * breaker lock, after re-reading it: so two waiters cannot both break it, nor delete a fresh lock
 * taken in between. The breaker lock's own critical section is a few syscalls; if a breaker dies
 * inside it, its lock is removed when its owner is gone.
 *
 * The lock files are tiny and local, so they are handled with synchronous calls: each takes
 * microseconds, whereas an async call's thread-pool round trip tripled the cost of an operation.
 * Only the waiting is asynchronous.
 *
 * Limit: a worker thread terminated in the middle of an operation leaves a lock naming its
 * still-running process, which nothing may break until that process exits.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isOwnerGone, newLockOwner, parseLockOwner, type LockOwner } from './process-liveness.js';
import { STATE_FILE_MODE } from './store-files.js';
import { invalidArgument, storeBusy } from './store-errors.js';
import type { Obv3Error } from '../../errors.js';

export interface HeldLock {
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>;
}

/** Waits stay short and jittered so many waiters do not retry in lockstep. */
const MAX_BACKOFF_MS = 25;
const UNREADABLE_TEMP_AGE_MS = 60_000;

export async function acquireLock(lockPath: string, timeoutMs: number): Promise<HeldLock> {
  const token = randomBytes(12).toString('hex');
  const owner = newLockOwner(token);
  const temp = `${lockPath}.${token}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(owner), { flag: 'wx', mode: STATE_FILE_MODE });
  } catch (error) {
    throw invalidArgument(`Could not write in the status store directory (${String(error)}); check that it exists and is writable.`, error);
  }
  try {
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 0; ; attempt += 1) {
      if (tryLink(temp, lockPath)) return { release: async () => releaseIfOurs(lockPath, token) };
      const holder = readOwner(lockPath);
      const gone = holder === 'unreadable' || (holder !== 'missing' && isOwnerGone(holder));
      if (gone) await breakLock(lockPath, holder, temp);
      if (Date.now() >= deadline) throw lockTimeout(lockPath, timeoutMs, typeof holder === 'object' ? holder : undefined);
      // A vanished or just-broken lock is retried at once; a live one is waited out.
      if (!gone && holder !== 'missing') await sleep(1 + Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt));
    }
  } finally {
    removeQuietly(temp);
  }
}

/**
 * Removes `lockPath` if it still holds the lock judged stale. An unreadable lock can only come
 * from outside obv3 or from a crash of the whole machine, since links are created whole.
 */
async function breakLock(lockPath: string, stale: LockOwner | 'unreadable', ownerTemp: string): Promise<void> {
  const breakerPath = `${lockPath}.break`;
  if (!tryLink(ownerTemp, breakerPath)) {
    const breaker = readOwner(breakerPath);
    if (breaker === 'unreadable' || (breaker !== 'missing' && isOwnerGone(breaker))) removeQuietly(breakerPath);
    await sleep(1 + Math.random() * MAX_BACKOFF_MS);
    return;
  }
  try {
    const now = readOwner(lockPath);
    const same = stale === 'unreadable' ? now === 'unreadable' : typeof now === 'object' && now.token === stale.token;
    if (same) removeQuietly(lockPath);
  } finally {
    removeQuietly(breakerPath);
  }
}

/**
 * Deletes owner temp files left by waiters that died before their `finally` ran. A live waiter's
 * temp is empty only for the microseconds it takes to write, so an unreadable one is deleted
 * only once it is old (its writer was killed mid-write).
 */
export async function removeAbandonedLockTemps(directory: string, lockName: string): Promise<void> {
  const pattern = new RegExp(`^${lockName}\\.[0-9a-f]+\\.tmp$`);
  for (const name of await readdir(directory)) {
    if (!pattern.test(name)) continue;
    const path = join(directory, name);
    const owner = readOwner(path);
    const abandoned = typeof owner === 'object' ? isOwnerGone(owner) : owner === 'unreadable' && isOlderThan(path, UNREADABLE_TEMP_AGE_MS);
    if (abandoned) removeQuietly(path);
  }
}

function isOlderThan(path: string, ageMs: number): boolean {
  try {
    return statSync(path).mtimeMs < Date.now() - ageMs;
  } catch {
    return false;
  }
}

function releaseIfOurs(lockPath: string, token: string): void {
  const holder = readOwner(lockPath);
  if (typeof holder === 'object' && holder.token === token) removeQuietly(lockPath);
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw invalidArgument(`Could not create the status store lock ${to}: ${String(error)}. Check that the directory exists and is writable.`, error);
  }
}

function readOwner(path: string): LockOwner | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  return parseLockOwner(text) ?? 'unreadable';
}

function lockTimeout(lockPath: string, timeoutMs: number, holder: LockOwner | undefined): Obv3Error {
  const held =
    holder === undefined
      ? 'which kept changing hands'
      : `held by pid ${holder.pid} (thread ${holder.threadId}) on host ${holder.hostname}, requested at ${holder.since}`;
  return storeBusy(
    `Timed out after ${timeoutMs} ms waiting for the status store lock ${lockPath}, ${held}. Raise lockTimeoutMs ` +
      'if that process is busy; if it is gone (e.g. it ran on another host, where obv3 cannot check), delete the lock file.',
  );
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
