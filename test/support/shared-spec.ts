/**
 * Access to ../shared/spec (official contexts, schemas, signed examples, validator inputs).
 * A fresh clone outside the workspace has no ../shared: suites that need it skip with a message.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_SPEC = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/spec');
export const hasSharedSpec = existsSync(SHARED_SPEC);

if (!hasSharedSpec) {
  console.warn(`[obv3 tests] ${SHARED_SPEC} is absent: tests against the official spec files are skipped (CI always has it).`);
}

export function sharedPath(...parts: string[]): string {
  return join(SHARED_SPEC, ...parts);
}

export function readSharedText(...parts: string[]): string {
  return readFileSync(sharedPath(...parts), 'utf8');
}

export function readSharedJson<T = Record<string, unknown>>(...parts: string[]): T {
  return JSON.parse(readSharedText(...parts)) as T;
}

export function listShared(...parts: string[]): string[] {
  return readdirSync(sharedPath(...parts)).sort();
}
