/**
 * Both directions of interoperability, on random micro-credentials (which all take the fast
 * path): what obv3 signs verifies with plain @digitalbazaar/vc, and what plain
 * @digitalbazaar/vc signs verifies with obv3 — with the same signature bytes either way.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as vc from '@digitalbazaar/vc';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CONTEXTS, buildCredential, exportKey, generateKey, resolveDidKey, signCredential, verifyCredential, type Ed25519KeyPair } from '../../src/index.js';
import { draftArbitrary } from '../support/draft-arbitrary.js';

const CREATED = new Date('2026-05-01T12:00:00Z');
const NOW = new Date('2026-06-01T00:00:00Z');
const RUNS = Math.max(15, Math.floor(Number(process.env.OBV3_DIFFERENTIAL_RUNS ?? 150) / 10));

async function loader(url: string) {
  const context = BUNDLED_CONTEXTS.find((c) => c.url === url);
  if (context) return { contextUrl: null, documentUrl: url, document: context.document };
  const { document, verificationMethod } = resolveDidKey(url);
  return { contextUrl: null, documentUrl: url, document: url.includes('#') ? verificationMethod : document };
}

let key: Ed25519KeyPair;
let theirSigner: Awaited<ReturnType<typeof Ed25519Multikey.from>>;
beforeAll(async () => {
  key = await generateKey();
  theirSigner = await Ed25519Multikey.from(exportKey(key, { includePrivate: true }));
});

describe(`obv3 ↔ plain @digitalbazaar/vc on ${RUNS} random micro-credentials`, () => {
  it('each signs exactly what the other signs, and each verifies the other\'s', async () => {
    await fc.assert(
      fc.asyncProperty(draftArbitrary(key.controller), async (draft) => {
        const credential = buildCredential(draft);
        const ours = await signCredential(credential, { key, created: CREATED });
        const theirs = await vc.issue({ credential, suite: new DataIntegrityProof({ signer: theirSigner.signer(), cryptosuite: eddsaRdfc2022, date: CREATED }), documentLoader: loader });
        expect(ours.proof).toEqual([theirs.proof]);
        const plain = await vc.verifyCredential({ credential: ours, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader: loader, now: NOW });
        expect(plain.verified).toBe(true);
        expect((await verifyCredential(theirs, { now: NOW })).verified).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
