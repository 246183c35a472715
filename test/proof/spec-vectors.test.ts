/**
 * Byte-exact signing: the same key, document and `created` must give the proofValue the W3C
 * vc-di-eddsa test vectors and the OB 3.0 implementation guide publish.
 */
import { describe, expect, it } from 'vitest';
import { createDocumentLoader } from '../../src/contexts/index.js';
import { importKey } from '../../src/keys/index.js';
import { signDocument } from '../../src/proof/index.js';
import { hasSharedSpec, readSharedJson } from '../support/shared-spec.js';

describe.skipIf(!hasSharedSpec)('signing matches the published test vectors', () => {
  const vectors = ['test-vectors', 'w3c-vc-di-eddsa'];
  // The W3C vectors use the examples context, which is for tests only and so not bundled.
  const loader = () =>
    createDocumentLoader(new Map([['https://www.w3.org/ns/credentials/examples/v2', readSharedJson('test-vectors', 'contexts', 'credentials-examples-v2.jsonld')]]));

  async function w3cKey() {
    const pair = readSharedJson<{ publicKeyMultibase: string; privateKeyMultibase: string }>(...vectors, 'keyPair.json');
    return importKey({ publicKeyMultibase: pair.publicKeyMultibase, secretKeyMultibase: pair.privateKeyMultibase });
  }

  it('eddsa-rdfc-2022: the W3C vector', async () => {
    const key = await w3cKey();
    const config = readSharedJson<{ created: string; verificationMethod: string }>(...vectors, 'eddsa-rdfc-2022', 'proofConfigDataInt.json');
    expect(key.id).toBe(config.verificationMethod);
    const signed = await signDocument(readSharedJson(...vectors, 'unsigned.json'), {
      signer: key.signer(),
      created: new Date(config.created),
      documentLoader: loader(),
    });
    const expected = readSharedJson<{ proof: Record<string, unknown> }>(...vectors, 'eddsa-rdfc-2022', 'signedDataInt.json');
    expect(signed.proof).toEqual([expected.proof]);
  });

  it('Ed25519Signature2020: the W3C vector', async () => {
    const key = await w3cKey();
    const config = readSharedJson<{ created: string }>(...vectors, 'Ed25519Signature2020', 'proofConfigEdSig.json');
    const signed = await signDocument(readSharedJson(...vectors, 'unsigned.json'), {
      signer: key.signer(),
      proofFormat: 'Ed25519Signature2020',
      created: new Date(config.created),
      documentLoader: loader(),
    });
    const expected = readSharedJson<{ proof: Record<string, unknown>; '@context': unknown }>(...vectors, 'Ed25519Signature2020', 'signedEdSig.json');
    expect(signed.proof).toEqual([expected.proof]);
    expect(signed['@context' as keyof typeof signed]).toEqual(expected['@context']);
  });

  it('eddsa-rdfc-2022: the OB 3.0 implementation-guide vector (64-byte secret key form)', async () => {
    const vector = readSharedJson<{ publicKeyMultibase: string; secretKeyMultibase: string; id: string; controller: string; proofValue: string; proofConfigBeforeSigning: { created: string } }>(
      'ob-v3p0', 'examples', 'ob-impl-testvector.keypair-and-intermediates.json',
    );
    const key = await importKey(
      { publicKeyMultibase: vector.publicKeyMultibase, secretKeyMultibase: vector.secretKeyMultibase },
      { id: vector.id, controller: vector.controller },
    );
    const { proof, ...unsigned } = readSharedJson<{ proof: Record<string, unknown> }>('ob-v3p0', 'examples', 'ob-impl-testvector.eddsa.json');
    const signed = await signDocument(unsigned, { signer: key.signer(), created: new Date(vector.proofConfigBeforeSigning.created) });
    expect(signed.proof).toEqual([proof]);
    expect((signed.proof[0] as { proofValue: string }).proofValue).toBe(vector.proofValue);
  });

  it('never changes the document it is given', async () => {
    const key = await w3cKey();
    const unsigned = readSharedJson(...vectors, 'unsigned.json');
    const before = structuredClone(unsigned);
    await signDocument(unsigned, { signer: key.signer(), proofFormat: 'Ed25519Signature2020', documentLoader: loader() });
    expect(unsigned).toEqual(before);
  });
});
