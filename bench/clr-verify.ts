/**
 * Verifying a CLR of 12 micro-credentials: obv3's verifyCredential on the CLR (outer proof, all 12
 * embedded credentials, one report) next to two baselines in the same run — obv3 verifying the 12
 * credentials one by one, and plain @digitalbazaar/vc checking only the CLR's outer proof.
 *
 *   npm run bench:clr        (BENCH_SECONDS=5 npm run bench:clr for longer runs)
 *
 * Prints the numbers and the ratios. No thresholds: read, compare, record.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { generateKey, issueClr, issueCredential, verifyCredential } from '../src/index.js';
import { micro } from '../test/support/stacks.js';
import { baselineLoader } from './support/baseline.js';
import { printedRate } from './support/measure.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const now = new Date('2026-06-01T00:00:00Z');

const rate = (label: string, work: () => Promise<unknown>) => printedRate(label, seconds, work);

async function main(): Promise<void> {
  const key = await generateKey();
  const created = new Date('2026-05-01T12:00:00Z');
  const credentials: object[] = [];
  for (let i = 0; i < 12; i++) {
    credentials.push(await issueCredential({
      issuer: { id: key.controller, name: 'Lakeside' },
      achievement: micro(`https://lakeside.example.org/achievements/m${i}`, `Micro-credential ${i}`),
      recipient: { email: 'maria.lopez@lakeside.example.org' },
      validFrom: '2026-05-01T12:00:00Z',
    }, { key, created }));
  }
  const clr = await issueClr({ name: 'Record', issuer: { id: key.controller, name: 'Lakeside' }, learner: { email: 'maria.lopez@lakeside.example.org' }, credentials, validFrom: '2026-05-02T00:00:00Z' }, { key, created });
  console.log(`obv3 ${process.version}, ${seconds}s per measurement, one core; a CLR of ${credentials.length} credentials (${JSON.stringify(clr).length} bytes)`);

  const whole = await rate('obv3 verifyCredential(CLR), all 13 proofs', async () => {
    if (!(await verifyCredential(clr, { now })).verified) throw new Error('CLR did not verify');
  });
  const oneByOne = await rate('obv3 verifyCredential × 12, one by one', async () => {
    for (const c of credentials) if (!(await verifyCredential(c, { now })).verified) throw new Error('did not verify');
  });
  const outerOnly = await rate('@digitalbazaar/vc: the CLR\'s outer proof only', async () => {
    const result = await vc.verifyCredential({ credential: clr, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader: baselineLoader, now });
    if (!result.verified) throw new Error('baseline did not verify');
  });
  console.log(`ratio: CLR / (12 one by one) ${(whole / oneByOne).toFixed(2)}x; CLR / (baseline outer proof only) ${(whole / outerOnly).toFixed(2)}x`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
