/**
 * The streamed-batch memory run, in a process of its own so that its RSS is the batch's alone:
 * prints one JSON line (see MemoryReport). Started by bench/sign-verify.ts with the batch size.
 */
import { generateKey } from '../../src/index.js';
import { waitTimeDraft } from '../../test/support/drafts.js';
import { streamedBatch } from './batch.js';

const n = Number(process.argv[2] ?? 100_000);
const key = await generateKey();
const rssAtStart = process.memoryUsage().rss / 2 ** 20;
const run = await streamedBatch(n, key, (i) => waitTimeDraft(key.controller, { id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }), new Date('2026-06-01T00:00:00Z'), 2);
console.log(JSON.stringify({ ...run, rssAtStart, peakRss: process.resourceUsage().maxRSS / 1024 }));
