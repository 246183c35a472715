/**
 * Who holds a lock, and whether that holder can still be running. A lock names its process by pid
 * plus, on Linux, the process start time, so a pid reused after the holder died (or after a
 * reboot) is not mistaken for the holder.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { threadId } from 'node:worker_threads';

export interface LockOwner {
  pid: number;
  /** Worker threads share the pid; this tells them apart. */
  threadId: number;
  hostname: string;
  /** Kernel start time of the process (Linux), to detect pid reuse. */
  startTime?: string;
  /** Unique per acquisition: lets a holder and a lock breaker recognise one exact lock file. */
  token: string;
  since: string;
}

let cachedStartTime: { value: string | undefined } | undefined;

function ownStartTime(): string | undefined {
  cachedStartTime ??= { value: readProcessStat(process.pid)?.startTime };
  return cachedStartTime.value;
}

export function newLockOwner(token: string): LockOwner {
  const startTime = ownStartTime();
  return {
    pid: process.pid,
    threadId,
    hostname: hostname(),
    ...(startTime === undefined ? {} : { startTime }),
    token,
    since: new Date().toISOString(),
  };
}

/**
 * True only when the owner is certainly gone: same host, and its pid is not running (or is a
 * zombie, or now belongs to a process that started at another time). A lock from this very
 * process is never stale: another thread of ours may hold it, and we are alive.
 */
export function isOwnerGone(owner: LockOwner): boolean {
  if (owner.hostname !== hostname()) return false;
  if (owner.pid === process.pid) {
    const ours = ownStartTime();
    return owner.startTime !== undefined && ours !== undefined && owner.startTime !== ours;
  }
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM means the process exists but belongs to another user: alive.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const stat = readProcessStat(owner.pid);
  if (stat === undefined) return false;
  return stat.state === 'Z' || (owner.startTime !== undefined && stat.startTime !== owner.startTime);
}

export function parseLockOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner> | null;
    if (
      typeof value?.pid === 'number' && typeof value.threadId === 'number' && typeof value.hostname === 'string' &&
      typeof value.token === 'string' && typeof value.since === 'string'
    ) {
      return value as LockOwner;
    }
  } catch {
    // Falls through: unreadable owners are reported as undefined.
  }
  return undefined;
}

/** State letter and start time from /proc/<pid>/stat; undefined where /proc does not exist. */
function readProcessStat(pid: number): { state: string; startTime: string } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may contain spaces and parentheses; fields resume after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const startTime = fields[19];
  return state === undefined || startTime === undefined ? undefined : { state, startTime };
}
