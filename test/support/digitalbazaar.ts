/**
 * An independent verifier for cross-checks: plain @digitalbazaar/vc with Digital Bazaar's own
 * did:key driver and the bundled contexts as data (none of obv3's resolution code).
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { driver as didKeyDriver } from '@digitalbazaar/did-method-key';
import * as vc from '@digitalbazaar/vc';
import { BUNDLED_CONTEXTS } from '../../src/index.js';

const didKeys = didKeyDriver();
didKeys.use({
  multibaseMultikeyHeader: 'z6Mk',
  fromMultibase: ({ publicKeyMultibase }) =>
    Ed25519Multikey.from({ '@context': 'https://w3id.org/security/multikey/v1', type: 'Multikey', publicKeyMultibase }),
});

async function documentLoader(url: string) {
  const context = BUNDLED_CONTEXTS.find((c) => c.url === url);
  if (context) return { contextUrl: null, documentUrl: url, document: context.document };
  if (url.startsWith('did:key:')) return { contextUrl: null, documentUrl: url, document: await didKeys.get({ url }) };
  throw new Error(`independent loader: unknown ${url}`);
}

/** Whether plain vc.verifyCredential accepts an eddsa-rdfc-2022 credential signed by a did:key. */
export async function digitalBazaarVerifies(credential: object): Promise<boolean> {
  const result = await vc.verifyCredential({ credential, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader });
  return result.verified;
}
