/**
 * The CLI's file system edge: reading inputs with messages that say which file and what to do,
 * and writing outputs atomically (a temporary file in the same directory, fsync'd, then renamed
 * over the target), so an interrupted command never leaves a half-written credential or key.
 * The directory itself is not fsync'd: after a power loss a rename may be undone, which leaves
 * the old state (no file), never a partial one; a batch re-run then issues it again, same id.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from './io.js';

export async function readBytes(path: string, what = 'file'): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new CliError(`Cannot read the ${what} ${path}: ${describeFsError(error)}.`);
  }
}

export async function readText(path: string, what = 'file'): Promise<string> {
  return Buffer.from(await readBytes(path, what)).toString('utf8');
}

export async function readJson<T = unknown>(path: string, what = 'JSON file'): Promise<T> {
  const text = await readText(path, what);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    // The position only: a key file's text must never be echoed.
    const where = /position \d+/.exec((error as Error).message)?.[0];
    throw new CliError(`The ${what} ${path} is not valid JSON${where ? ` (at ${where})` : ''}: fix it or give another file.`);
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export interface WriteOptions {
  /** File mode for a new file (e.g. 0o600 for a key). Default 0o644. */
  mode?: number;
}

/** Prefix of temporary files; a re-run removes leftovers of an interrupted one. */
export const TEMP_PREFIX = '.obv3-tmp-';

/**
 * Writes `data` to `path` atomically: readers see the old file or the whole new one, never part.
 * A failure (a folder in the way, a full disk) removes the temporary file, so it never lingers
 * beside the outputs, and is a CliError naming the file: the user's situation, not a bug.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const directory = dirname(path);
  const temp = join(directory, `${TEMP_PREFIX}${basename(path)}-${randomBytes(6).toString('hex')}`);
  let created = false;
  try {
    await mkdir(directory, { recursive: true });
    const handle = await open(temp, 'wx', options.mode ?? 0o644);
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    if (created) await rm(temp, { force: true }).catch(() => undefined);
    throw new CliError(`Cannot write ${path}: ${describeFsError(error)}.`);
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return (error as Error)?.message ?? String(error);
  }
}
