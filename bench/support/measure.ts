/** Interleaved throughput rounds, and the statistics the benchmark prints. */

/** Calls `work` back to back for `seconds`; returns calls per second. */
export async function rate(seconds: number, work: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    await work();
    count++;
  }
  return count / ((performance.now() - start) / 1000);
}

/**
 * `rate` after a warm-up (JIT, jsonld's context cache), printed as one labelled line; with `bytes`,
 * also the throughput.
 */
export async function printedRate(label: string, seconds: number, work: () => unknown, bytes?: number): Promise<number> {
  for (let i = 0; i < 20; i++) await work();
  const perSecond = await rate(seconds, async () => work());
  const throughput = bytes ? `  ${((perSecond * bytes) / 1e6).toFixed(0).padStart(6)} MB/s` : '';
  console.log(`  ${label.padEnd(48)} ${perSecond.toFixed(1).padStart(9)} /s${throughput}`);
  return perSecond;
}

export interface Paired {
  ours: number[];
  theirs: number[];
  /** ours / theirs within each round (adjacent measurements, so machine drift cancels). */
  ratios: number[];
}

/**
 * `rounds` rounds of ours-then-theirs, the order flipped every other round (ABBA), after a warm-up
 * of both (JIT, caches).
 */
export async function interleaved(rounds: number, seconds: number, ours: () => Promise<unknown>, theirs: () => Promise<unknown>): Promise<Paired> {
  for (let i = 0; i < 30; i++) {
    await ours();
    await theirs();
  }
  const result: Paired = { ours: [], theirs: [], ratios: [] };
  for (let r = 0; r < rounds; r++) {
    let a: number;
    let b: number;
    if (r % 2 === 0) {
      a = await rate(seconds, ours);
      b = await rate(seconds, theirs);
    } else {
      b = await rate(seconds, theirs);
      a = await rate(seconds, ours);
    }
    result.ours.push(a);
    result.theirs.push(b);
    result.ratios.push(a / b);
  }
  return result;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** "median [min–max]" with the given decimals. */
export function spread(values: readonly number[], decimals: number): string {
  const f = (v: number) => v.toFixed(decimals);
  return `${f(median(values))} [${f(Math.min(...values))}–${f(Math.max(...values))}]`;
}
