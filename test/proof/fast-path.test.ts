/**
 * Signing and verifying through the fast path give exactly what the Digital Bazaar suites give:
 * the same signed bytes, the same verification reports. Each case runs twice, with the fast path
 * and without it (`withoutFastPath`, the suites alone), and the results are compared whole.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import fc from 'fast-check';
import jsigs from 'jsonld-signatures';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDocumentLoader } from '../../src/contexts/document-loader.js';
import { buildCredential, generateKey, issueCredential, signCredential, verifyCredential, type Ed25519KeyPair, type VerificationReport } from '../../src/index.js';
import { withoutFastPath } from '../../src/proof/fast/enabled.js';
import { fastCanonicalNQuads } from '../../src/proof/fast/canonize.js';
import { proofOptionsDocument } from '../../src/proof/fast/proof-options.js';
import { signDocument, type ProofFormat } from '../../src/proof/index.js';
import { draftArbitrary } from '../support/draft-arbitrary.js';
import { waitTimeDraft } from '../support/drafts.js';
import { document, mutated } from '../rdf/arbitraries.js';

const CREATED = new Date('2026-05-01T12:00:00Z');
const NOW = new Date('2026-06-01T00:00:00Z');
const RUNS = Math.max(20, Math.floor(Number(process.env.OBV3_DIFFERENTIAL_RUNS ?? 150) / 5));
const FORMATS: ProofFormat[] = ['eddsa-rdfc-2022', 'Ed25519Signature2020'];

let key: Ed25519KeyPair;
beforeAll(async () => {
  key = await generateKey();
});

/** The report without the one field that differs between two runs: when it was made. */
function comparable(report: VerificationReport): unknown {
  return { ...report, provenance: { ...report.provenance, verifiedAt: '(now)' } };
}

async function bothWays<T>(work: () => Promise<T>): Promise<[T | { threw: string }, T | { threw: string }]> {
  const settle = (p: Promise<T>) => p.catch((error: unknown) => ({ threw: `${(error as { code?: string }).code ?? ''} ${(error as Error).message}` }));
  return [await settle(work()), await settle(withoutFastPath(work))];
}

/** jsonld-signatures itself, as a plain @digitalbazaar/vc user would sign (no obv3 code). */
async function suiteSigned(doc: object, format: ProofFormat): Promise<unknown> {
  const signer = key.signer();
  const dbSigner = { id: signer.id, algorithm: signer.algorithm, sign: ({ data }: { data: Uint8Array }) => signer.sign(data) };
  const suite = format === 'Ed25519Signature2020' ? new Ed25519Signature2020({ signer: dbSigner, date: CREATED }) : new DataIntegrityProof({ signer: dbSigner, date: CREATED, cryptosuite: eddsaRdfc2022 });
  const signed = await jsigs.sign(structuredClone(doc), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: bundledDocumentLoader });
  return { ...signed, proof: Array.isArray(signed.proof) ? signed.proof : [signed.proof] };
}

describe('the fast path is taken for a typical micro-credential', () => {
  it.each(FORMATS)('%s: both signed documents canonicalize without jsonld.js', async (format) => {
    const signed = (await issueCredential(waitTimeDraft(key.controller), { key, created: CREATED, proofFormat: format })) as unknown as Record<string, unknown> & { proof: Record<string, unknown>[] };
    const { proof, ...unsigned } = signed;
    const kind = format === 'Ed25519Signature2020' ? 'Ed25519Signature2020' : 'DataIntegrityProof';
    expect(await fastCanonicalNQuads(unsigned)).toMatch(/^<did:key:/);
    expect(await fastCanonicalNQuads(proofOptionsDocument(kind, unsigned, proof[0]!))).toContain('<https://w3id.org/security#proofPurpose>');
  });
});

describe('signing: byte for byte what the suites produce', () => {
  it.each(FORMATS)('%s: the Wait Time credential, with and without the fast path', async (format) => {
    const credential = buildCredential(waitTimeDraft(key.controller));
    const [fast, slow] = await bothWays(() => signCredential(credential, { key, created: CREATED, proofFormat: format }));
    expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
    expect((fast as { proof: { proofValue: string }[] }).proof[0]!.proofValue).toMatch(/^z/);
  });

  it.each(FORMATS)(`%s: ${RUNS} random micro-credential drafts`, async (format) => {
    await fc.assert(
      fc.asyncProperty(draftArbitrary(key.controller), async (draft) => {
        const credential = buildCredential(draft);
        const [fast, slow] = await bothWays(() => signCredential(credential, { key, created: CREATED, proofFormat: format }));
        expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
      }),
      { numRuns: RUNS },
    );
  });

  it.each(FORMATS)(`%s: ${RUNS} generated JSON-LD documents, against jsonld-signatures called directly`, async (format) => {
    let signedCount = 0;
    await fc.assert(
      fc.asyncProperty(document({ maxDepth: 2 }), async (doc) => {
        const ours = await signDocument(doc, { signer: key.signer(), created: CREATED, proofFormat: format }).catch(() => 'refused');
        const theirs = await suiteSigned(doc, format).catch(() => 'refused');
        expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
        if (ours !== 'refused') signedCount++;
      }),
      { numRuns: RUNS },
    );
    expect(signedCount).toBeGreaterThan(RUNS / 5);
  });
});

describe('verifying: the same report with and without the fast path', () => {
  it.each(FORMATS)(`%s: ${RUNS} signed documents, and a random corruption of each`, async (format) => {
    await fc.assert(
      fc.asyncProperty(document({ maxDepth: 2 }), fc.integer(), async (doc, seed) => {
        const signed = await signDocument(doc, { signer: key.signer(), created: CREATED, proofFormat: format }).catch(() => undefined);
        if (!signed) return;
        const [corrupt] = fc.sample(mutated(fc.constant(signed as Record<string, unknown>)), { numRuns: 1, seed });
        for (const candidate of [signed, corrupt!]) {
          const [fast, slow] = await bothWays(() => verifyCredential(candidate, { now: NOW }));
          expect(comparable(fast as VerificationReport)).toEqual(comparable(slow as VerificationReport));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a valid credential passes the proof check, and one changed after signing fails it, both ways', async () => {
    const signed = await issueCredential(waitTimeDraft(key.controller), { key, created: CREATED });
    const changed = { ...signed, name: 'Something else' };
    for (const [credential, status] of [[signed, 'passed'], [changed, 'failed']] as const) {
      const [fast, slow] = await bothWays(() => verifyCredential(credential, { now: NOW }));
      expect(comparable(fast as VerificationReport)).toEqual(comparable(slow as VerificationReport));
      expect((fast as VerificationReport).checks.find((c) => c.id === 'proof')?.status).toBe(status);
    }
  });
});
