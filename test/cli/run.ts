/** Runs the obv3 command in this process (runCli with captured output), for fast CLI tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run-cli.js';

/** The sample roster and achievements the CLI example uses (examples/assets). */
export const FIXTURES = fileURLToPath(new URL('../../examples/assets/', import.meta.url));
const TEMP_ROOT = fileURLToPath(new URL('../../.obv3-tmp/', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(cwd: string, ...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

export async function tempDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  mkdirSync(TEMP_ROOT, { recursive: true });
  const dir = await mkdtemp(join(TEMP_ROOT, prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
