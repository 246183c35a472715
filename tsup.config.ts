import { resolve } from 'node:path';
import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';

const libraryEntry = resolve('src/index.ts');

/**
 * The CLI imports only the public API (src/index.ts). In the build that import becomes the
 * package's own dist/index.js, so the binary is a thin file over the library instead of a second
 * copy of it.
 */
const publicApiExternal: Plugin = {
  name: 'obv3-public-api-external',
  setup(build) {
    build.onResolve({ filter: /index\.js$/ }, (args) => {
      const target = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return target === libraryEntry ? { path: './index.js', external: true } : undefined;
    });
  },
};

export default defineConfig([
  {
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
  },
  {
    // The obv3 binary: ESM only, with a shebang, over dist/index.js.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
    esbuildPlugins: [publicApiExternal],
  },
]);
