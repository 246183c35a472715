/**
 * The fast converter against jsonld.js, quad for quad: for every document the fast path accepts,
 * its canonical N-Quads must equal what jsonld.js + rdf-canonize produce (the exact pipeline of
 * @digitalbazaar/eddsa-rdfc-2022-cryptosuite, which signs and verifies for the baseline); and
 * whatever jsonld.js rejects, the fast path must not accept.
 *
 * Bounded here; `npm run test:differential` runs the same properties far longer
 * (OBV3_DIFFERENTIAL_RUNS, default there 20000).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { document, mutated } from './arbitraries.js';
import { agrees, fast, reference } from './reference.js';

const RUNS = Number(process.env.OBV3_DIFFERENTIAL_RUNS ?? 150);
const LONG = RUNS > 1000;

describe('fast JSON-LD → RDF agrees with jsonld.js', () => {
  it(`on ${RUNS} documents generated from the bundled contexts`, async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(document(), async (doc) => {
        const answer = await fast(doc);
        if (answer === undefined) return true;
        accepted++;
        expect(await reference(doc)).toEqual(answer);
        return true;
      }),
      { numRuns: RUNS },
    );
    // The generator aims inside the subset: most documents must take the fast path, or this
    // test would pass while checking little.
    expect(accepted).toBeGreaterThan(RUNS / 3);
  }, LONG ? 0 : 60_000);

  it(`on ${RUNS * 2} randomly broken documents (accepting only what jsonld.js accepts, identically)`, async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(mutated(document()), async (doc) => {
        if ((await fast(doc)) !== undefined) accepted++;
        return agrees(doc);
      }),
      { numRuns: RUNS * 2 },
    );
    // Most broken documents fall back, but enough must be accepted for the comparison to bite.
    expect(accepted).toBeGreaterThan(RUNS / 20);
  }, LONG ? 0 : 60_000);
});
