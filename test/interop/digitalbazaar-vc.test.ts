/**
 * Independent cross-check: what obv3 signs verifies with plain @digitalbazaar/vc (its own did:key
 * resolver, not our code), and what plain @digitalbazaar/vc signs verifies with obv3.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { driver as didKeyDriver } from '@digitalbazaar/did-method-key';
import * as vc from '@digitalbazaar/vc';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONTEXTS, generateKey, issueCredential, verifyCredential } from '../../src/index.js';
import { waitTimeDraft } from '../support/drafts.js';

const didKeys = didKeyDriver();
didKeys.use({
  multibaseMultikeyHeader: 'z6Mk',
  fromMultibase: ({ publicKeyMultibase }) =>
    Ed25519Multikey.from({ '@context': 'https://w3id.org/security/multikey/v1', type: 'Multikey', publicKeyMultibase }),
});

/** Digital Bazaar's way: contexts as data, DIDs through their did:key driver. */
async function independentLoader(url: string) {
  const context = BUNDLED_CONTEXTS.find((c) => c.url === url);
  if (context) return { contextUrl: null, documentUrl: url, document: context.document };
  if (url.startsWith('did:key:')) return { contextUrl: null, documentUrl: url, document: await didKeys.get({ url }) };
  throw new Error(`test loader: unknown ${url}`);
}

describe('obv3 ↔ plain @digitalbazaar/vc', () => {
  it('plain vc.verifyCredential accepts an eddsa-rdfc-2022 credential obv3 issued', async () => {
    const key = await generateKey();
    const credential = await issueCredential(waitTimeDraft(key.controller), { key });
    const result = await vc.verifyCredential({
      credential,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader: independentLoader,
    });
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
  });

  it('plain vc.verifyCredential accepts an Ed25519Signature2020 credential obv3 issued', async () => {
    const key = await generateKey();
    const credential = await issueCredential(waitTimeDraft(key.controller), { key, proofFormat: 'Ed25519Signature2020' });
    const result = await vc.verifyCredential({ credential, suite: new Ed25519Signature2020(), documentLoader: independentLoader });
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
  });

  it('plain vc.verifyCredential rejects an obv3 credential changed after signing', async () => {
    const key = await generateKey();
    const credential = await issueCredential(waitTimeDraft(key.controller), { key });
    const tampered = { ...credential, name: 'Something else' };
    const result = await vc.verifyCredential({
      credential: tampered,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader: independentLoader,
    });
    expect(result.verified).toBe(false);
  });

  it.each(['eddsa-rdfc-2022', 'Ed25519Signature2020'] as const)('obv3 verifies what plain vc.issue signed (%s)', async (format) => {
    const dbKey = await Ed25519Multikey.generate();
    const controller = `did:key:${dbKey.publicKeyMultibase}`;
    const signingKey = await Ed25519Multikey.from({
      ...(await exportWithSecret(dbKey)),
      id: `${controller}#${dbKey.publicKeyMultibase}`,
      controller,
    });
    const unsigned = (await import('../../src/build/index.js')).buildCredential(waitTimeDraft(controller));
    const suite =
      format === 'eddsa-rdfc-2022'
        ? new DataIntegrityProof({ signer: signingKey.signer(), cryptosuite: eddsaRdfc2022 })
        : new Ed25519Signature2020({ signer: signingKey.signer() });
    const signed = await vc.issue({ credential: unsigned, suite, documentLoader: independentLoader });
    const report = await verifyCredential(signed);
    expect(report.checks.find((c) => c.id === 'proof')?.status).toBe('passed');
    expect(report.checks.find((c) => c.id === 'issuer-key')?.status).toBe('passed');
    expect(report.verified).toBe(true);
  });
});

async function exportWithSecret(key: Ed25519Multikey.Ed25519MultikeyKeyPairWithSecret) {
  const exported = await (key as unknown as { export(o: object): Promise<Ed25519Multikey.Ed25519MultikeyInput> }).export({
    publicKey: true,
    secretKey: true,
  });
  return exported;
}
