/** The real transport on its own: it dials the addresses it is given and verifies the host name. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpsTransport, type TransportRequest } from '../../src/net/index.js';
import { makeCertificate, startServer, type TestCertificate, type TestServer } from './tls-server.js';

let certificate: TestCertificate;
let server: TestServer;

beforeAll(async () => {
  certificate = await makeCertificate(['badges.example']);
  server = await startServer(certificate, (_request, response) => response.end('pinned'));
});

afterAll(async () => {
  await server?.close();
});

function request(host: string, addresses: TransportRequest['addresses']): TransportRequest {
  return {
    url: new URL(`https://${host}:${server.port}/doc`),
    method: 'GET',
    headers: { 'user-agent': 'test' },
    addresses,
    signal: AbortSignal.timeout(10_000),
  };
}

async function bodyText(body: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

describe('createHttpsTransport', () => {
  it('connects to the given address for a name DNS cannot resolve, and verifies the certificate for that name', async () => {
    const transport = createHttpsTransport({ ca: certificate.cert });
    const response = await transport(request('badges.example', [{ address: '127.0.0.1', family: 4 }]));
    expect(response.status).toBe(200);
    expect(await bodyText(response.body)).toBe('pinned');
    expect(server.requests.at(-1)!.headers.host).toBe(`badges.example:${server.port}`);
  });

  it('offers Node every vetted address, so it can fall back when the first one refuses', async () => {
    const transport = createHttpsTransport({ ca: certificate.cert });
    // Nothing listens on ::1 at this port; only the second address can answer.
    const response = await transport(
      request('badges.example', [
        { address: '::1', family: 6 },
        { address: '127.0.0.1', family: 4 },
      ]),
    );
    expect(response.status).toBe(200);
    expect(await bodyText(response.body)).toBe('pinned');
  });

  it('fails when there is no address to connect to, rather than asking DNS', async () => {
    const transport = createHttpsTransport({ ca: certificate.cert });
    await expect(transport(request('badges.example', []))).rejects.toThrow(/No vetted address/);
  });

  it('rejects a certificate no trusted authority signed', async () => {
    const transport = createHttpsTransport();
    await expect(transport(request('badges.example', [{ address: '127.0.0.1', family: 4 }]))).rejects.toThrow(/self[- ]signed/i);
  });

  it('rejects a certificate for another name even when the address is right', async () => {
    const transport = createHttpsTransport({ ca: certificate.cert });
    await expect(transport(request('elsewhere.example', [{ address: '127.0.0.1', family: 4 }]))).rejects.toThrow(/altnames/i);
  });
});
