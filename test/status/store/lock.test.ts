import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, removeAbandonedLockTemps } from '../../../src/status/store/lock.js';
import { openFileStatusStore } from '../../../src/status/store/index.js';
import { caughtError } from '../../keys/caught-error.js';
import { allocation } from './store-contract.js';
import { makeTempDirectory, removeTempDirectory } from './fixtures/temp-directory.js';

/** A process that stays alive until killed, and its pid. */
async function liveProcess(): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('spawn', resolve));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { pid: child.pid!, stop: async () => void (child.kill('SIGKILL'), await exited) };
}

/** The pid of a process that has exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

function ownerRecord(fields: { pid: number; threadId?: number; hostname?: string; startTime?: string }): string {
  return JSON.stringify({ threadId: 0, hostname: hostname(), token: 'f00d', since: new Date().toISOString(), ...fields });
}

describe('store lock', () => {
  let directory: string;
  let lockPath: string;
  beforeEach(async () => {
    directory = await makeTempDirectory('lock');
    lockPath = join(directory, 'lock');
  });
  afterEach(async () => removeTempDirectory(directory));

  it('excludes a second holder until the first releases, then leaves no files behind', async () => {
    const events: string[] = [];
    const first = await acquireLock(lockPath, 1000);
    const second = acquireLock(lockPath, 1000).then((held) => {
      events.push('second acquired');
      return held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    events.push('first releasing');
    await first.release();
    await (await second).release();
    expect(events).toEqual(['first releasing', 'second acquired']);
    expect(await readdir(directory)).toEqual([]);
  });

  it('breaks a lock left by a process that no longer runs', async () => {
    await writeFile(lockPath, ownerRecord({ pid: await deadPid() }));
    const store = await openFileStatusStore(directory, { lockTimeoutMs: 2000 });
    await store.allocate(allocation('urn:c:1'));
    await store.close();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('breaks an unreadable (empty) lock, which only a machine crash leaves', async () => {
    await writeFile(lockPath, '');
    const store = await openFileStatusStore(directory, { lockTimeoutMs: 2000 });
    await store.close();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('breaks a lock whose pid now belongs to a process started later, where the OS tells start times', async () => {
    const startTimesKnown = existsSync('/proc/self/stat');
    const live = await liveProcess();
    try {
      await writeFile(lockPath, ownerRecord({ pid: live.pid, startTime: '1' }));
      const opening = openFileStatusStore(directory, { lockTimeoutMs: 300 });
      if (startTimesKnown) {
        await (await opening).close();
        expect(existsSync(lockPath)).toBe(false);
      } else {
        // Without /proc a reused pid looks alive: the lock must be kept, never guessed away.
        expect((await caughtError(() => opening)).message).toMatch(/Timed out/);
      }
    } finally {
      await live.stop();
    }
  });

  it('waits for a live holder, then times out with a message naming it and the fix', async () => {
    const live = await liveProcess();
    try {
      await writeFile(lockPath, ownerRecord({ pid: live.pid }));
      const started = Date.now();
      const error = await caughtError(() => openFileStatusStore(directory, { lockTimeoutMs: 300 }));
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(error.code).toBe('STORE_BUSY');
      expect(error.message).toContain(`pid ${live.pid}`);
      expect(error.message).toMatch(/Raise lockTimeoutMs.*delete the lock file/);
      expect(JSON.parse(await readFile(lockPath, 'utf8')).pid).toBe(live.pid);
    } finally {
      await live.stop();
    }
    // Once the holder is gone the lock is broken and the store opens.
    const store = await openFileStatusStore(directory, { lockTimeoutMs: 2000 });
    await store.close();
  });

  it('clears owner temp files of dead waiters, and old unreadable ones, but not a live waiter\'s', async () => {
    const dead = join(directory, 'lock.0a.tmp');
    const oldEmpty = join(directory, 'lock.0b.tmp');
    const freshEmpty = join(directory, 'lock.0c.tmp');
    const ours = join(directory, 'lock.0d.tmp');
    await writeFile(dead, ownerRecord({ pid: await deadPid() }));
    await writeFile(oldEmpty, '');
    await utimes(oldEmpty, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    await writeFile(freshEmpty, '');
    await writeFile(ours, ownerRecord({ pid: process.pid }));
    await removeAbandonedLockTemps(directory, 'lock');
    expect((await readdir(directory)).sort()).toEqual(['lock.0c.tmp', 'lock.0d.tmp']);
  });

  it('never breaks a lock held by another thread of this process, nor one from another host', async () => {
    for (const owner of [{ pid: process.pid, threadId: 99 }, { pid: await deadPid(), hostname: `not-${hostname()}` }]) {
      await writeFile(lockPath, ownerRecord(owner));
      const error = await caughtError(() => openFileStatusStore(directory, { lockTimeoutMs: 100 }));
      expect(error.message).toMatch(/Timed out/);
      expect(existsSync(lockPath)).toBe(true);
    }
  });
});
