/**
 * src/bake runs in a browser: esbuild bundles it for `platform: 'browser'` (which fails on any
 * Node built-in), and the bundle then bakes and unbakes inside a bare JavaScript context that has
 * no require, process, Buffer or module system, only what browsers also have.
 */
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { assetPng, assetSvg, jwtLike } from './images.js';

const entry = new URL('../../src/bake/index.ts', import.meta.url).pathname;

async function bundle() {
  return build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'iife', globalName: 'obv3Bake', write: false, metafile: true, logLevel: 'silent' });
}

describe('src/bake in a browser bundle', () => {
  it('bundles for the browser with no Node built-in among its inputs', async () => {
    const result = await bundle();
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => path.startsWith('node:') || /(^|\/)(fs|path|crypto|zlib|buffer)$/.test(path))).toEqual([]);
    expect(inputs.some((path) => path.includes('node_modules/saxes/'))).toBe(true);
    expect(inputs.some((path) => path.includes('node_modules/fflate/'))).toBe(true);
  });

  it('bakes and unbakes PNG and SVG in a context with only browser globals', async () => {
    const code = (await bundle()).outputFiles[0]!.text;
    const sandbox: Record<string, unknown> = { TextEncoder, TextDecoder, atob, pngBytes: [...assetPng()], svg: assetSvg(), jwt: jwtLike() };
    const out = runInNewContext(`${code}
      ;(() => {
        const png = new Uint8Array(pngBytes); // made in the bundle's own realm, as a browser would
        const credential = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'Wait Time', proof: [{ type: 'DataIntegrityProof' }] };
        const fromPng = obv3Bake.unbake(obv3Bake.bake(png, credential));
        const fromSvg = obv3Bake.unbake(obv3Bake.bake(svg, jwt));
        let refused;
        try { obv3Bake.unbake(png.subarray(0, 100)); } catch (error) { refused = error.code; }
        return JSON.stringify({ png: fromPng.credential.name, svg: fromSvg.jwt === jwt, refused, noNode: typeof require + typeof process + typeof Buffer });
      })()`, sandbox);
    expect(JSON.parse(out as string)).toEqual({ png: 'Wait Time', svg: true, refused: 'BAKED_IMAGE_INVALID', noNode: 'undefinedundefinedundefined' });
  });
});
