/**
 * Credentials signed and verified per second: obv3 against plain @digitalbazaar/vc doing the same
 * work in the same run (same key, same credential, same `created`, same offline contexts).
 *
 *   npm run bench
 *   BENCH_ROUNDS=7 BENCH_SECONDS=1 BENCH_SCALING=12000 BENCH_BATCH=100000 npm run bench   (the defaults)
 *
 * 1. Single core: rounds of obv3 then the baseline (order flipped every round, so drift cancels);
 *    medians with min–max, and the median of the per-round ratios.
 * 2. Worker threads: batch throughput with 1 and 2 workers, and the scaling.
 * 3. Memory: a BENCH_BATCH-credential batch issued and verified as a stream; RSS through it.
 * The last line is exactly `ratio sign=<x> verify=<y>` (single core, ours over the baseline's).
 * No thresholds: read, compare, record.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildCredential, generateKey, issueCredential, issueCredentials, signCredential, verifyCredential, verifyCredentials } from '../src/index.js';
import { waitTimeDraft } from '../test/support/drafts.js';
import { baseline } from './support/baseline.js';
import { repeat, steadyRate, type MemoryRun } from './support/batch.js';
import { interleaved, median, spread } from './support/measure.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 1);
const SCALING = Number(process.env.BENCH_SCALING ?? 12_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 100_000);
const CREATED = new Date('2026-05-01T12:00:00Z');
const NOW = new Date('2026-06-01T00:00:00Z');

async function main(): Promise<void> {
  const key = await generateKey();
  const draft = waitTimeDraft(key.controller, { id: 'urn:uuid:3b7c5a38-0d7e-4a5f-9d0b-1f3b8d1e9a10' });
  const unsigned = buildCredential(draft);
  const base = await baseline(key, CREATED);

  const ours = await signCredential(unsigned, { key, created: CREATED });
  const theirs = await base.issue(unsigned);
  const identical = JSON.stringify(ours) === JSON.stringify({ ...theirs, proof: [theirs.proof] });
  const crossVerified = (await base.verify(ours, NOW)) && (await verifyCredential(theirs, { now: NOW })).verified;
  console.log(`obv3 bench: Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`typical micro-credential, ${JSON.stringify(ours).length} bytes signed; baseline: @digitalbazaar/vc + eddsa-rdfc-2022, same key, contexts and created`);
  console.log(`proof byte-identical to the baseline's: ${identical ? 'yes' : 'NO'}; each side verifies the other's: ${crossVerified ? 'yes' : 'NO'}`);

  console.log(`\nsingle core: ${ROUNDS} interleaved rounds of ${SECONDS}s per side; median [min–max] per second`);
  const sign = await interleaved(ROUNDS, SECONDS, () => issueCredential(draft, { key, created: CREATED }), () => base.issue(unsigned));
  line('sign', 'obv3 issueCredential', '@digitalbazaar/vc issue', sign);
  const verify = await interleaved(
    ROUNDS,
    SECONDS,
    async () => {
      if (!(await verifyCredential(ours, { now: NOW })).verified) throw new Error('bench credential did not verify');
    },
    async () => {
      if (!(await base.verify(ours, NOW))) throw new Error('baseline did not verify');
    },
  );
  line('verify', 'obv3 verifyCredential (full report)', '@digitalbazaar/vc verifyCredential', verify);

  const warm = Math.floor(SCALING / 4);
  // "cores busy" is the process's CPU time over wall time: below 2 with 2 workers means this
  // shared machine did not have a second core free, whatever the code could do with one.
  console.log(`\nworker threads: ${SCALING} credentials per batch, timed after the first ${warm} (worker start-up and JIT warm-up)`);
  const signed = await Promise.all([...repeat(SCALING, () => issueCredential(draft, { key, created: CREATED }))]);
  for (const [what, run] of [
    ['issueCredentials', (workers: number) => steadyRate(issueCredentials(repeat(SCALING, () => draft), { key, created: CREATED, workers }), warm)],
    ['verifyCredentials', (workers: number) => steadyRate(verifyCredentials(signed, { now: NOW, workers }), warm)],
  ] as const) {
    const one = await run(1);
    const two = await run(2);
    const cell = (r: { perSecond: number; cores: number }) => `${r.perSecond.toFixed(0).padStart(6)} /s (${r.cores.toFixed(2)} cores busy)`;
    console.log(`  ${what.padEnd(18)} 1 worker ${cell(one)}   2 workers ${cell(two)}   scaling 1→2: ${(two.perSecond / one.perSecond).toFixed(2)}x`);
  }

  console.log(`\nmemory: ${BATCH} credentials issued and verified as one stream (2 + 2 workers), in a fresh process`);
  const run = memoryRun(BATCH);
  console.log(`  ${run.verified}/${run.credentials} verified in ${run.seconds.toFixed(1)}s (${(run.credentials / run.seconds).toFixed(0)} /s end to end)`);
  console.log(`  RSS at start ${run.rssAtStart.toFixed(0)} MiB; after each tenth of the batch: ${run.rssSamples.map((r) => r.toFixed(0)).join(' ')} MiB; peak ${run.peakRss.toFixed(0)} MiB`);

  console.log(`\nratio sign=${median(sign.ratios).toFixed(2)} verify=${median(verify.ratios).toFixed(2)}`);
}

/** Runs support/memory-run.ts in a new Node process (with this one's loader flags, i.e. tsx). */
function memoryRun(n: number): MemoryRun & { rssAtStart: number; peakRss: number } {
  const script = fileURLToPath(new URL('./support/memory-run.ts', import.meta.url));
  const out = execFileSync(process.execPath, [...process.execArgv, script, String(n)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function line(what: string, oursLabel: string, theirsLabel: string, paired: { ours: number[]; theirs: number[]; ratios: number[] }): void {
  console.log(`  ${what}`);
  console.log(`    ${oursLabel.padEnd(36)} ${spread(paired.ours, 1)}`);
  console.log(`    ${theirsLabel.padEnd(36)} ${spread(paired.theirs, 1)}`);
  console.log(`    ${'ratio (per round)'.padEnd(36)} ${spread(paired.ratios, 2)}x`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
