import { defineConfig } from 'tsup';

export default defineConfig({
  // The batch worker is its own entry: worker threads load it from dist/ next to the index.
  entry: { index: 'src/index.ts', 'batch-worker': 'src/batch/worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  // import.meta.url in the CommonJS build too (the batch pool finds its worker by it).
  shims: true,
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  // Dependencies stay external; the Digital Bazaar packages are ESM-only, which the
  // CommonJS build reaches through Node 20.19+'s require(esm).
});
