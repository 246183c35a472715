/**
 * pinnedHosts: the one explicit way to let the guarded fetch reach a loopback or private address,
 * for exactly the host names listed. Everything else stays as strict: https only, certificate
 * checked for the name, other names vetted by DNS as usual.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch, createHttpsTransport, isGuardedFetchError, isObv3Error } from '../../src/index.js';
import { makeCertificate, startServer, type TestCertificate, type TestServer } from './tls-server.js';

let certificate: TestCertificate;
let server: TestServer;

beforeAll(async () => {
  certificate = await makeCertificate(['mirror.example', 'other.example']);
  server = await startServer(certificate, (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"ok":true}');
  });
});

afterAll(async () => {
  await server?.close();
});

const loopback = async () => [{ address: '127.0.0.1', family: 4 as const }];

describe('createGuardedFetch pinnedHosts', () => {
  it('connects a pinned name to its loopback address, checking the certificate for the name', async () => {
    const fetch = createGuardedFetch({ pinnedHosts: { 'Mirror.Example': '127.0.0.1' }, transport: createHttpsTransport({ ca: certificate.cert }) });
    const response = await fetch(`https://mirror.example:${server.port}/list`);
    expect(await response.json()).toEqual({ ok: true });
    expect(server.requests.at(-1)?.headers.host).toBe(`mirror.example:${server.port}`);
  });

  it('still refuses names that are not pinned, even when DNS says loopback', async () => {
    const fetch = createGuardedFetch({ pinnedHosts: { 'mirror.example': '127.0.0.1' }, lookup: loopback, transport: createHttpsTransport({ ca: certificate.cert }) });
    const error = await fetch(`https://other.example:${server.port}/list`).catch((e: unknown) => e);
    expect(isGuardedFetchError(error) && error.reason).toBe('address');
  });

  it('still refuses http: for a pinned name, and an untrusted certificate', async () => {
    const pinned = createGuardedFetch({ pinnedHosts: { 'mirror.example': '127.0.0.1' } });
    const plain = await pinned(`http://mirror.example:${server.port}/list`).catch((e: unknown) => e);
    expect(isGuardedFetchError(plain) && plain.reason).toBe('scheme');
    const untrusted = await pinned(`https://mirror.example:${server.port}/list`).catch((e: unknown) => e);
    expect(isGuardedFetchError(untrusted) && untrusted.reason).toBe('network');
  });

  it('is refused at creation when a pin is not a host name and an IP address', () => {
    for (const pinnedHosts of [{ 'https://mirror.example': '127.0.0.1' }, { 'mirror.example:8443': '127.0.0.1' }, { 'mirror.example': 'localhost' }, ['mirror.example']]) {
      let caught: unknown;
      try {
        createGuardedFetch({ pinnedHosts: pinnedHosts as unknown as Record<string, string> });
      } catch (error) {
        caught = error;
      }
      expect(isObv3Error(caught, 'INVALID_ARGUMENT'), JSON.stringify(pinnedHosts)).toBe(true);
    }
  });
});
