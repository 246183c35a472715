/**
 * The published shape works: the packed tarball (exactly what npm would publish), unpacked as a
 * consumer's node_modules/obv3, can be required from CommonJS and imported from ESM on this Node,
 * and both can issue and verify. Dependencies resolve from the repository's node_modules.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const consumer = join(root, '.obv3-tmp', 'consumer');
const installed = join(consumer, 'node_modules', 'obv3');

const roundTrip = `
  const key = await obv3.generateKey();
  const credential = await obv3.issueCredential({
    issuer: { id: key.controller, name: 'District' },
    achievement: { id: 'https://district.example/a/1', name: 'Wait Time', description: 'd', criteria: { narrative: 'n' } },
    recipient: { email: 'teacher@example.org' },
  }, { key });
  const report = await obv3.verifyCredential(credential);
  // Baking pulls in saxes, fflate and crc-32 (CommonJS): their interop must hold in both builds.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  const baked = [obv3.bake(png, credential), obv3.bake('<svg xmlns="http://www.w3.org/2000/svg"/>', credential)];
  const bakedVerified = [];
  for (const image of baked) bakedVerified.push((await obv3.verifyCredential(image)).verified);
  // VC-JWT pulls in jose (ESM-only, reached from CommonJS through require(esm)); presentations the holder's proof.
  const jwtKey = await obv3.generateKey({ algorithm: 'ES256' });
  const teacher = await obv3.generateKey();
  const jwt = await obv3.issueCredentialJwt({
    issuer: { id: jwtKey.controller, name: 'District' },
    achievement: { id: 'https://district.example/a/2', name: 'Questioning', description: 'd', criteria: { narrative: 'n' } },
    recipient: { id: teacher.controller },
  }, { key: jwtKey });
  const jwtVerified = (await obv3.verifyCredential(obv3.bake(png, jwt))).verified;
  const vp = await obv3.createPresentation({ holder: teacher, credentials: [jwt], challenge: 'c', domain: 'state.example' });
  const vpVerified = (await obv3.verifyPresentation(vp, { challenge: 'c', domain: 'state.example' })).verified;
  console.log(JSON.stringify({ verified: report.verified && bakedVerified.every(Boolean) && jwtVerified && vpVerified, version: report.provenance.library.version }));
`;

function node(args: string[]): { verified: boolean; version: string } {
  const out = execFileSync(process.execPath, args, { cwd: consumer, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}');
}

describe('the packed package', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'index.js'))) {
      execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
    }
    rmSync(consumer, { recursive: true, force: true });
    mkdirSync(installed, { recursive: true });
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', consumer], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
    execFileSync('tar', ['-xzf', join(consumer, tarball), '-C', installed, '--strip-components=1']);
  }, 120_000);

  it('works with require() from CommonJS', () => {
    const result = node(['-e', `const obv3 = require('obv3'); (async () => { ${roundTrip} })().catch((e) => { console.error(e); process.exit(1); });`]);
    expect(result.verified).toBe(true);
  });

  it('works with import from ESM', () => {
    const result = node(['--input-type=module', '-e', `import * as obv3 from 'obv3'; ${roundTrip}`]);
    expect(result.verified).toBe(true);
  });

  it('ships the JSON Schemas and no sources or tests', () => {
    const files = execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' });
    const paths = (JSON.parse(files) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'schemas/ob-v3p0-issue.schema.json', 'schemas/presentation-report-v1.schema.json']));
    expect(paths.some((p) => p.startsWith('src/') || p.startsWith('test/'))).toBe(false);
  });
});
