/**
 * Credentials signed and verified per second: obv3 next to plain @digitalbazaar/vc doing the same
 * work in the same run (same key, same document, same offline contexts), one core.
 *
 *   npm run bench            (BENCH_SECONDS=5 npm run bench for longer runs)
 *
 * Prints the numbers and obv3's ratio to the baseline. No thresholds: read, compare, record.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as vc from '@digitalbazaar/vc';
import { BUNDLED_CONTEXTS, buildCredential, exportKey, generateKey, issueCredential, resolveDidKey, verifyCredential } from '../src/index.js';
import { waitTimeDraft } from '../test/support/drafts.js';
import { rate as measure } from './rate.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const rate = (label: string, work: () => Promise<unknown>) => measure(label, seconds, work);

async function baselineLoader(url: string) {
  const context = BUNDLED_CONTEXTS.find((c) => c.url === url);
  if (context) return { contextUrl: null, documentUrl: url, document: context.document };
  if (url.startsWith('did:key:')) {
    const { document, verificationMethod } = resolveDidKey(url);
    return { contextUrl: null, documentUrl: url, document: url.includes('#') ? verificationMethod : document };
  }
  throw new Error(`unknown ${url}`);
}

async function main(): Promise<void> {
  const key = await generateKey();
  const exported = exportKey(key, { includePrivate: true });
  const dbKey = await Ed25519Multikey.from(exported);
  const draft = waitTimeDraft(key.controller, { id: 'urn:uuid:3b7c5a38-0d7e-4a5f-9d0b-1f3b8d1e9a10' });
  const unsigned = buildCredential(draft);
  const created = new Date('2026-05-01T12:00:00Z');
  const now = new Date('2026-06-01T00:00:00Z');

  const ours = await issueCredential(draft, { key, created });
  const theirs = await vc.issue({
    credential: unsigned,
    suite: new DataIntegrityProof({ signer: dbKey.signer(), cryptosuite: eddsaRdfc2022, date: created }),
    documentLoader: baselineLoader,
  });
  const same = JSON.stringify((ours.proof[0] as { proofValue: string }).proofValue) === JSON.stringify((theirs.proof as { proofValue: string }).proofValue);
  console.log(`obv3 ${process.version}, ${seconds}s per measurement, one core. Proofs byte-identical to the baseline: ${same}`);

  console.log('sign');
  const signOurs = await rate('obv3 issueCredential', () => issueCredential(draft, { key, created }));
  const signBase = await rate('@digitalbazaar/vc issue', () =>
    vc.issue({
      credential: unsigned,
      suite: new DataIntegrityProof({ signer: dbKey.signer(), cryptosuite: eddsaRdfc2022, date: created }),
      documentLoader: baselineLoader,
    }),
  );
  console.log('verify');
  const verifyOurs = await rate('obv3 verifyCredential (full report)', async () => {
    const report = await verifyCredential(ours, { now });
    if (!report.verified) throw new Error('bench credential did not verify');
  });
  const verifyBase = await rate('@digitalbazaar/vc verifyCredential', async () => {
    const result = await vc.verifyCredential({ credential: ours, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader: baselineLoader, now });
    if (!result.verified) throw new Error('baseline did not verify');
  });
  console.log(`ratio to baseline: sign ${(signOurs / signBase).toFixed(2)}x, verify ${(verifyOurs / verifyBase).toFixed(2)}x`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
