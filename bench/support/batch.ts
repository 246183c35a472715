/** Worker-thread throughput and the memory of a long streamed batch. */
import { issueCredentials, verifyCredentials, type CredentialDraft, type Ed25519KeyPair } from '../../src/index.js';

export interface SteadyRate {
  perSecond: number;
  /** CPU time of the whole process (all threads) over wall time: 2.0 means two cores were busy. */
  cores: number;
}

/** Results per second once the workers are warm (the first `warm` results are not timed). */
export async function steadyRate(results: AsyncIterable<unknown>, warm: number): Promise<SteadyRate> {
  let count = 0;
  let start = 0;
  let cpu = process.cpuUsage();
  for await (const _ of results) {
    count++;
    if (count === warm) {
      start = performance.now();
      cpu = process.cpuUsage();
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { perSecond: (count - warm) / seconds, cores: (used.user + used.system) / 1e6 / seconds };
}

export function* repeat<T>(n: number, make: (i: number) => T): Generator<T> {
  for (let i = 0; i < n; i++) yield make(i);
}

export interface MemoryRun {
  credentials: number;
  verified: number;
  seconds: number;
  /** RSS (MiB) after every tenth of the batch. */
  rssSamples: number[];
}

/** Issues `n` credentials and verifies them as they come out, never holding more than a window. */
export async function streamedBatch(n: number, key: Ed25519KeyPair, draft: (i: number) => CredentialDraft, now: Date, workers: number): Promise<MemoryRun> {
  const issued = async function* () {
    for await (const result of issueCredentials(repeat(n, draft), { key, workers })) {
      if (result.error) throw result.error;
      yield result.credential;
    }
  };
  const every = Math.max(1, Math.floor(n / 10));
  const rssSamples: number[] = [];
  let verified = 0;
  let count = 0;
  const start = performance.now();
  for await (const { report } of verifyCredentials(issued(), { now, workers })) {
    if (report.verified) verified++;
    if (++count % every === 0) rssSamples.push(process.memoryUsage().rss / 2 ** 20);
  }
  return { credentials: count, verified, seconds: (performance.now() - start) / 1000, rssSamples };
}
