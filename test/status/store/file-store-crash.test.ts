/**
 * Kills a writing process with SIGKILL at random moments, round after round, on one directory.
 * After each kill the store must open, hold every change the writer had reported done (and the
 * in-flight one at most), never duplicate an index, and keep working.
 */
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openFileStatusStore, type StatusListState, type StatusStore } from '../../../src/status/store/index.js';
import type { StatusAllocation } from '../../../src/status/types.js';
import { firstOperations, modelAfter } from './fixtures/crash-operations.js';
import type { CrashWriterInput } from './fixtures/crash-writer.js';
import { makeTempDirectory, removeTempDirectory } from './fixtures/temp-directory.js';
import { startTypeScriptProcess } from './fixtures/typescript-runners.js';
import { bitAt } from './store-contract.js';

const ROUNDS = 6;
const LOOPS = 3;

interface Reported {
  loop: number;
  step: number;
  result: StatusAllocation;
}

interface KilledRound {
  round: number;
  /** Operations each loop reported done. */
  done: number[];
  reported: Reported[];
}

/** Starts the writer, kills it at a random moment after it is ready, returns what it reported. */
async function runAndKill(directory: string, round: number): Promise<KilledRound> {
  const input: CrashWriterInput = { directory, round, loops: LOOPS, compactAfterBytes: 4096 };
  const child = startTypeScriptProcess('crash-writer.ts', input);
  const lines = collectLines(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  await lines.ready;
  await new Promise((resolve) => setTimeout(resolve, 30 + Math.random() * 220));
  child.kill('SIGKILL');
  expect(await exited, `the writer died on its own: ${stderr}`).toBe('SIGKILL');

  const reported = lines.all().filter((line) => line !== 'ready').map((line) => JSON.parse(line) as Reported);
  const done = Array.from({ length: LOOPS }, (_, loop) => reported.filter((entry) => entry.loop === loop).length);
  for (let loop = 0; loop < LOOPS; loop += 1) {
    expect(reported.filter((entry) => entry.loop === loop).map((entry) => entry.step)).toEqual([...Array(done[loop]).keys()]);
  }
  return { round, done, reported };
}

function collectLines(child: ChildProcess): { ready: Promise<void>; all: () => string[] } {
  let text = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
    if (text.startsWith('ready\n')) markReady();
  });
  child.once('exit', () => markReady());
  // Only complete lines count: each is written whole, so a kill cannot leave half of one reported.
  return { ready, all: () => text.split('\n').slice(0, -1) };
}

/** Checks one killed round against the store; returns every allocation its credentials hold. */
async function verifyRound(store: StatusStore, killed: KilledRound, lists: Map<string, StatusListState>): Promise<StatusAllocation[]> {
  const found: StatusAllocation[] = [];
  for (let loop = 0; loop < LOOPS; loop += 1) {
    const operations = firstOperations(killed.round, loop, killed.done[loop]! + 1);
    const done = modelAfter(operations.slice(0, -1));
    const withInFlight = modelAfter(operations);
    const credentialIds = [...new Set(operations.map((operation) => operation.credentialId))];
    const allocations = (await Promise.all(credentialIds.map((id) => store.lookup(id)))).flat();
    found.push(...allocations);
    const actual = new Map<string, boolean>();
    for (const entry of allocations) {
      if (!lists.has(entry.listId)) lists.set(entry.listId, (await store.readList(entry.listId))!);
      actual.set(`${entry.credentialId}|${entry.purpose}`, bitAt(lists.get(entry.listId)!.bits, entry.index));
    }
    for (const key of withInFlight.keys()) {
      // Either the interrupted operation took effect or it did not; nothing reported may be missing.
      expect([done.get(key), withInFlight.get(key)], `${key} after ${killed.done[loop]} operations`).toContain(actual.get(key));
    }
  }
  for (const entry of killed.reported) {
    const stored = found.find((allocation) => allocation.credentialId === entry.result.credentialId && allocation.purpose === entry.result.purpose);
    expect(stored).toEqual(entry.result);
  }
  return found;
}

describe('file store crash safety', () => {
  it(`keeps every reported change through ${ROUNDS} SIGKILLs at random moments`, async () => {
    const directory = await makeTempDirectory('crash');
    try {
      const rounds: KilledRound[] = [];
      const survivors: StatusAllocation[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        rounds.push(await runAndKill(directory, round));
        const store = await openFileStatusStore(directory, { lockTimeoutMs: 5000 });
        try {
          const lists = new Map<string, StatusListState>();
          const found = [...survivors];
          for (const killed of rounds) found.push(...(await verifyRound(store, killed, lists)));

          const places = found.map((entry) => `${entry.listId}#${entry.index}`);
          expect(new Set(places).size).toBe(places.length);
          for (const listId of await store.listIds()) {
            const list = lists.get(listId) ?? (await store.readList(listId))!;
            expect(list.allocated, `allocations recorded in ${listId}`).toBe(found.filter((entry) => entry.listId === listId).length);
          }

          const after = await store.allocate({
            credentialId: `urn:after:${round}`,
            purpose: 'suspension',
            listSize: 131_072,
            newListId: () => `urn:uuid:${crypto.randomUUID()}`,
          });
          expect(places).not.toContain(`${after.listId}#${after.index}`);
          expect((await store.setStatus({ credentialId: after.credentialId, purpose: 'suspension', value: true })).changed).toBe(true);
          survivors.push(after);
        } finally {
          await store.close();
        }
      }
      expect(rounds.reduce((sum, killed) => sum + killed.reported.length, 0)).toBeGreaterThan(ROUNDS * 10);
    } finally {
      await removeTempDirectory(directory);
    }
  });
});
