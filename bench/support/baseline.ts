/**
 * The baseline: plain @digitalbazaar/vc with eddsa-rdfc-2022, as a platform would use it without
 * obv3 — its own Multikey signer, and a loader that serves the same bundled contexts and resolves
 * did:key, from memory (no network on either side).
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as vc from '@digitalbazaar/vc';
import { BUNDLED_CONTEXTS, exportKey, resolveDidKey, type Ed25519KeyPair } from '../../src/index.js';

export async function baselineLoader(url: string) {
  const context = BUNDLED_CONTEXTS.find((c) => c.url === url);
  if (context) return { contextUrl: null, documentUrl: url, document: context.document };
  if (url.startsWith('did:key:')) {
    const { document, verificationMethod } = resolveDidKey(url);
    return { contextUrl: null, documentUrl: url, document: url.includes('#') ? verificationMethod : document };
  }
  throw new Error(`baseline loader: unknown ${url}`);
}

export interface Baseline {
  issue(credential: object): Promise<Record<string, unknown>>;
  verify(credential: object, now: Date): Promise<boolean>;
}

export async function baseline(key: Ed25519KeyPair, created: Date): Promise<Baseline> {
  const dbKey = await Ed25519Multikey.from(exportKey(key, { includePrivate: true }));
  return {
    issue: (credential) =>
      vc.issue({ credential, suite: new DataIntegrityProof({ signer: dbKey.signer(), cryptosuite: eddsaRdfc2022, date: created }), documentLoader: baselineLoader }),
    verify: async (credential, now) =>
      (await vc.verifyCredential({ credential, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader: baselineLoader, now })).verified,
  };
}
