/**
 * obv3 fetch-evidence in this process against a district and a state office served over HTTPS on
 * 127.0.0.1: its options are its own (no --allow-network, which it never needs), and with a signed
 * --registry the documents that registry's check fetched are in the bundle, so verify --evidence
 * can decide trust offline.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importKey, signTrustRegistry } from '../../src/index.js';
import { makeCertificate, startServer, type TestServer } from '../net/tls-server.js';
import { FIXTURES, cli, tempDir } from './run.js';

let dir: string;
let remove: () => Promise<void>;
let server: TestServer;
let connect: string[];

beforeAll(async () => {
  ({ dir, remove } = await tempDir('cli-evidence-'));
  const certificate = await makeCertificate(['lakeside.example.org']);
  writeFileSync(join(dir, 'ca.pem'), certificate.cert);
  server = await startServer(certificate, (request, response) => {
    const path = join(dir, 'site', ...new URL(request.url ?? '/', 'https://x').pathname.split('/').filter((s) => s && s !== '..'));
    if (!existsSync(path)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/did+json' }).end(readFileSync(path));
  });
  connect = ['--pin-host', 'lakeside.example.org=127.0.0.1', '--ca', 'ca.pem'];
}, 60_000);
afterAll(async () => {
  await server?.close();
  await remove?.();
});

describe('obv3 fetch-evidence', () => {
  it('--help offers what it uses: no --allow-network, no "with --allow-network", the registry options', async () => {
    const { code, stdout } = await cli(dir, 'fetch-evidence', '--help');
    expect(code).toBe(0);
    expect(stdout).not.toContain('--allow-network');
    expect(stdout).not.toContain('nothing is fetched');
    expect(stdout).toMatch(/--pin-host <host=address> +connect to HOST/);
    expect(stdout).toContain('--registry <file>');
    expect(stdout).toContain('--registry-publisher <id>');
    expect((await cli(dir, 'fetch-evidence', 'x.json', '--out', 'e', '--allow-network')).code).toBe(64);
  });

  it('records the documents a signed registry was verified with, and verify --evidence then decides trust offline', async () => {
    const host = `lakeside.example.org:${server.port}`;
    expect((await cli(dir, 'keygen', '--did-web', host, '--out', 'district.json')).code).toBe(0);
    expect((await cli(dir, 'did-web', '--key', 'district.json', '--out', 'site')).code).toBe(0);
    expect((await cli(dir, 'keygen', '--did-web', `${host}/state`, '--out', 'state.json')).code).toBe(0);
    expect((await cli(dir, 'did-web', '--key', 'state.json', '--out', 'site')).code).toBe(0);
    const district = await importKey(readFileSync(join(dir, 'district.json'), 'utf8'));
    const state = await importKey(readFileSync(join(dir, 'state.json'), 'utf8'));
    writeFileSync(join(dir, 'draft.json'), JSON.stringify({
      achievement: JSON.parse(readFileSync(join(FIXTURES, 'achievements.json'), 'utf8'))['questioning'],
      recipient: { email: 'lee.chen@lakeside.example.org' },
    }));
    expect((await cli(dir, 'issue', '--draft', 'draft.json', '--key', 'district.json', '--issuer-name', 'Lakeside USD', '--out', 'lee.json')).code).toBe(0);
    const registry = await signTrustRegistry({
      type: 'TrustedIssuerRegistry',
      id: 'https://doe.state.example/registries/micro-credentials',
      name: 'State-approved issuers',
      publisher: { id: state.controller, name: 'State Department of Education' },
      issuers: [{ id: district.controller, name: 'Lakeside USD' }],
    }, { key: state });
    writeFileSync(join(dir, 'registry.json'), JSON.stringify(registry));
    const trust = ['--registry', 'registry.json', '--registry-publisher', state.controller];

    const recorded = await cli(dir, 'fetch-evidence', 'lee.json', '--out', 'evidence', ...connect, ...trust);
    expect(recorded.code).toBe(0);
    const bundle = JSON.parse(readFileSync(join(dir, 'evidence', 'evidence.json'), 'utf8'));
    expect(bundle.documents.map((d: { url: string }) => new URL(d.url).pathname).sort()).toEqual(['/.well-known/did.json', '/state/did.json']);

    await server.close();
    const offline = await cli(dir, 'verify', 'lee.json', '--evidence', 'evidence', ...trust, '--json');
    expect(offline.code).toBe(0);
    const report = JSON.parse(offline.stdout).results[0].report;
    expect(report.checks.find((c: { id: string }) => c.id === 'trust').status).toBe('passed');
  });
});
