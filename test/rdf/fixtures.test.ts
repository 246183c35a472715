/**
 * Every JSON-LD document in ../shared/spec (official examples, validator inputs, test vectors,
 * and the proof options of each proof they carry): where the fast path accepts it, its canonical
 * form is jsonld.js's; and verifying each one gives the same report with and without the fast path.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyCredential, type VerificationReport } from '../../src/index.js';
import { fastCanonicalNQuads } from '../../src/proof/fast/canonize.js';
import { withoutFastPath } from '../../src/proof/fast/enabled.js';
import { proofOptionsDocument } from '../../src/proof/fast/proof-options.js';
import { hasSharedSpec, readSharedJson, sharedPath } from '../support/shared-spec.js';
import { reference } from './reference.js';

type Json = Record<string, unknown>;

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return /\.json(ld)?$/.test(name) ? [path] : [];
  });
}

const fixtures: [string, Json][] = hasSharedSpec
  ? jsonFiles(sharedPath())
      .map((path) => [path.slice(sharedPath().length + 1), readSharedJson(path.slice(sharedPath().length + 1))] as [string, Json])
      .filter(([, doc]) => typeof doc === 'object' && doc !== null && !Array.isArray(doc) && ('proof' in doc || 'credentialSubject' in doc))
  : [];

/** The documents a proof check canonicalizes: the credential without proofs, and each proof's options. */
function canonicalized(doc: Json): [string, Json][] {
  const { proof, ...unsigned } = doc;
  const proofs = (Array.isArray(proof) ? proof : proof ? [proof] : []) as Json[];
  return [
    ['document', unsigned],
    ...proofs.map((p, i) => [`proof ${i}`, proofOptionsDocument(p.type === 'Ed25519Signature2020' ? 'Ed25519Signature2020' : 'DataIntegrityProof', unsigned, p)] as [string, Json]),
  ];
}

describe.skipIf(!hasSharedSpec)('the official fixtures', () => {
  it('are there to test (../shared/spec has signed credentials)', () => {
    expect(fixtures.length).toBeGreaterThan(30);
  });

  it.each(fixtures)('%s: canonical forms agree with jsonld.js', async (_name, doc) => {
    for (const [, part] of canonicalized(doc)) {
      const fast = await fastCanonicalNQuads(part);
      if (fast !== undefined) expect(await reference(part)).toEqual({ ok: true, nquads: fast });
    }
  });

  it.each(fixtures)('%s: the same verification report with and without the fast path', async (_name, doc) => {
    const now = new Date('2026-06-01T00:00:00Z');
    const strip = (r: VerificationReport) => ({ ...r, provenance: { ...r.provenance, verifiedAt: '(now)' } });
    const fast = await verifyCredential(doc, { now });
    const slow = await withoutFastPath(() => verifyCredential(doc, { now }));
    expect(strip(fast)).toEqual(strip(slow));
  });
});
