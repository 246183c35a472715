/** The guarded fetch plugged into the verifier's own fetcher, as a caller would pass it in options.fetch. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch } from '../../src/net/index.js';
import { createFetcher } from '../../src/verify/fetcher.js';
import { loopbackTransport } from './loopback-transport.js';
import { makeCertificate, startServer, type TestCertificate, type TestServer } from './tls-server.js';

const ISSUER = { id: 'https://badges.example/issuer', type: 'Profile', name: 'Example Issuer' };

let certificate: TestCertificate;
let server: TestServer;

beforeAll(async () => {
  certificate = await makeCertificate(['badges.example']);
  server = await startServer(certificate, (request, response) => {
    if (request.url === '/issuer') response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ISSUER));
    else response.writeHead(302, { location: 'https://192.168.0.1/admin' }).end();
  });
});

afterAll(async () => {
  await server?.close();
});

describe('createGuardedFetch as the verifier’s options.fetch', () => {
  const limits = { maxFetches: 4, maxFetchBytes: 1024 * 1024, fetchTimeoutMs: 10_000 };

  function guarded() {
    return createGuardedFetch({
      lookup: async () => [{ address: '93.184.215.14', family: 4 }],
      transport: loopbackTransport(certificate.cert).transport,
    });
  }

  it('lets the fetcher read a public JSON document', async () => {
    const fetcher = createFetcher(guarded(), limits);
    const url = `https://badges.example:${server.port}/issuer`;
    // With the record of the fetch, as the report files it.
    await expect(fetcher.fetchJson(url)).resolves.toEqual({ ok: true, json: ISSUER, document: { url, status: 200, fetchedAt: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  });

  it('turns a refused redirect into a network failure the report can show', async () => {
    const fetcher = createFetcher(guarded(), limits);
    const result = await fetcher.fetchJson(`https://badges.example:${server.port}/moved`);
    expect(result).toMatchObject({ ok: false, reason: 'network' });
    expect(result.ok ? '' : result.message).toContain('192.168.0.1');
  });
});
