import { generateKey, issueCredential, verifyCredentials } from '../src/index.js';
import { waitTimeDraft } from '../test/support/drafts.js';
const key = await generateKey();
const draft = waitTimeDraft(key.controller);
const c = await issueCredential(draft, { key });
const N = Number(process.argv[2] ?? 6000);
const w = Number(process.argv[3] ?? 1);
function* items() { for (let i = 0; i < N; i++) yield c; }
let n = 0; let t = performance.now(); const t0 = t;
for await (const r of verifyCredentials(items(), { workers: w })) {
  if (++n % 1000 === 0) { const now = performance.now(); console.log(n, (1000 / ((now - t) / 1000)).toFixed(0), '/s'); t = now; }
}
console.log('total', (N / ((performance.now() - t0) / 1000)).toFixed(0));
