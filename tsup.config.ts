import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  // Dependencies stay external; the Digital Bazaar packages are ESM-only, which the
  // CommonJS build reaches through Node 20.19+'s require(esm).
});
