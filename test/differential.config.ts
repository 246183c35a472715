/**
 * `npm run test:differential`: the differential tests (fast path against jsonld.js and the
 * Digital Bazaar suites) with many more generated cases than `npm test` runs, and no time limit.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/rdf/**/*.test.ts', 'test/proof/fast-path.test.ts', 'test/interop/random-drafts.test.ts'],
    testTimeout: 0,
    env: { OBV3_DIFFERENTIAL_RUNS: process.env.OBV3_DIFFERENTIAL_RUNS ?? '20000' },
  },
});
