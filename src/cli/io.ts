/**
 * What a command may touch besides the library: two output streams and the working directory.
 * Injected so the whole CLI runs in-process in tests exactly as it does from the shell.
 */
import { resolve } from 'node:path';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  /** Terminal width, when a terminal. */
  columns?: number;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  /** Paths on the command line are relative to this. */
  cwd: string;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}

export function resolvePath(io: CliIo, path: string): string {
  return resolve(io.cwd, path);
}

/** Exit codes (documented in the README's CLI section). */
export const EXIT = {
  /** Everything asked for was done; `verify`: every credential verified. */
  OK: 0,
  /** Something failed: a credential did not verify, a roster row was refused, an operation failed. */
  FAILED: 1,
  /** `verify` only: nothing failed, but at least one credential could not be decided. */
  UNDECIDED: 2,
  /** The command line itself is wrong (sysexits EX_USAGE; 2 is taken by `verify`). */
  USAGE: 64,
} as const;

/** A mistake on the command line: printed with a pointer to --help, exit 64. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A user-facing failure that is not a usage mistake (a file that cannot be read …): exit 1. */
export class CliError extends Error {
  override name = 'CliError';
}
