/**
 * Baking and unbaking throughput, and what reading a badge image adds to a verification: obv3
 * verifying the same credential from a baked PNG, a baked SVG and as JSON text (the baseline)
 * in the same run.
 *
 *   npm run bench:bake       (BENCH_SECONDS=5 npm run bench:bake for longer runs)
 *
 * Prints the numbers and the ratios. No thresholds: read, compare, record.
 */
import { readFileSync } from 'node:fs';
import { encode } from 'fast-png';
import { bake, generateKey, issueCredential, unbake, verifyCredential } from '../src/index.js';
import { waitTimeDraft } from '../test/support/drafts.js';
import { printedRate } from './support/measure.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);

const rate = (label: string, work: () => unknown, bytes?: number) => printedRate(label, seconds, work, bytes);

/** A photo-like PNG (noise does not compress): about 1.5 MB, well within the 4 MiB cap. */
function largePng(): Uint8Array {
  const width = 700;
  const data = new Uint8Array(width * width * 3);
  let seed = 42;
  for (let i = 0; i < data.length; i++) data[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
  return encode({ width, height: width, data, channels: 3 });
}

async function main(): Promise<void> {
  const key = await generateKey();
  const credential = await issueCredential(waitTimeDraft(key.controller), { key, created: new Date('2026-05-01T12:00:00Z') });
  const now = new Date('2026-06-01T00:00:00Z');
  const png = new Uint8Array(readFileSync(new URL('../examples/assets/badge.png', import.meta.url)));
  const svg = readFileSync(new URL('../examples/assets/badge.svg', import.meta.url), 'utf8');
  const bakedPng = bake(png, credential);
  const bakedSvg = new TextEncoder().encode(bake(svg, credential));
  const bigPng = bake(largePng(), credential);
  console.log(`obv3 ${process.version}, ${seconds}s per measurement, one core. Credential ${JSON.stringify(credential).length} bytes; badge PNG ${bakedPng.length} B, SVG ${bakedSvg.length} B, large PNG ${bigPng.length} B.`);

  console.log('bake / unbake');
  await rate('bake into the badge PNG', () => bake(png, credential));
  await rate('unbake the badge PNG (every CRC checked)', () => unbake(bakedPng), bakedPng.length);
  await rate('unbake a 1.5 MB PNG (every CRC checked)', () => unbake(bigPng), bigPng.length);
  await rate('bake into the badge SVG', () => bake(svg, credential));
  await rate('unbake the badge SVG (full XML parse)', () => unbake(bakedSvg), bakedSvg.length);

  console.log('verify (full report)');
  const check = (report: { verified: boolean }) => {
    if (!report.verified) throw new Error('bench credential did not verify');
  };
  const text = JSON.stringify(credential);
  const fromJson = await rate('verifyCredential(JSON text)  [baseline]', async () => check(await verifyCredential(text, { now })));
  const fromPng = await rate('verifyCredential(baked PNG bytes)', async () => check(await verifyCredential(bakedPng, { now })));
  const fromSvg = await rate('verifyCredential(baked SVG bytes)', async () => check(await verifyCredential(bakedSvg, { now })));
  console.log(`ratio to baseline: PNG ${(fromPng / fromJson).toFixed(2)}x, SVG ${(fromSvg / fromJson).toFixed(2)}x`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
