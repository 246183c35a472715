/**
 * The whole path against a real TLS server on 127.0.0.1: URL and address checks, the pinned
 * connection, certificate verification for the host name, redirects, limits and the Response.
 * Fake host names resolve (through the injected lookup) to public-looking addresses; the
 * loopback transport records those and then dials 127.0.0.1 instead.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch, isGuardedFetchError, type GuardedFetchOptions, type HostLookup } from '../../src/net/index.js';
import { loopbackTransport } from './loopback-transport.js';
import { makeCertificate, startServer, type TestCertificate, type TestServer } from './tls-server.js';

const FIVE_MIB = 5 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x61);
const BYTES = Buffer.from(Array.from({ length: 1024 }, (_, index) => index % 256));
const ANSWERS: Record<string, ReadonlyArray<{ address: string; family: 4 | 6 }>> = {
  'badges.example': [{ address: '93.184.215.14', family: 4 }, { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 }],
  'other.example': [{ address: '1.1.1.1', family: 4 }],
  'internal.example': [{ address: '10.0.0.5', family: 4 }],
};

let certificate: TestCertificate;
let server: TestServer;
let base: string;
const stream = { written: 0, finished: false, closed: Promise.resolve() };
let hangClosed: Promise<void> = Promise.resolve();

beforeAll(async () => {
  certificate = await makeCertificate(['badges.example', 'other.example', 'internal.example', 'rebind.example']);
  server = await startServer(certificate, (request, response) => {
    const url = new URL(request.url ?? '/', 'https://placeholder');
    const hop = /^\/hop\/(\d+)$/.exec(url.pathname);
    if (url.pathname === '/bytes') {
      response.writeHead(200, 'Fine Thanks', { 'content-type': 'application/octet-stream', 'x-custom': 'hello' });
      response.end(BYTES);
    } else if (url.pathname === '/echo') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ method: request.method, headers: request.headers }));
    } else if (hop) {
      const left = Number(hop[1]);
      if (left === 0) response.end('arrived');
      else response.writeHead(302, { location: `/hop/${left - 1}` }).end();
    } else if (url.pathname === '/to') {
      response.writeHead(Number(url.searchParams.get('status') ?? 302), { location: url.searchParams.get('location') ?? '' }).end();
    } else if (url.pathname === '/hang') {
      hangClosed = new Promise((resolve) => response.once('close', () => resolve()));
    } else if (url.pathname === '/stream') {
      stream.written = 0;
      stream.finished = false;
      stream.closed = new Promise((resolve) => response.once('close', () => resolve()));
      void (async () => {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        while (stream.written < FIVE_MIB && !response.destroyed) {
          response.write(CHUNK);
          stream.written += CHUNK.byteLength;
          await sleep(2);
        }
        if (!response.destroyed) {
          stream.finished = true;
          response.end();
        }
      })();
    } else if (url.pathname === '/declared') {
      response.writeHead(200, { 'content-length': String(FIVE_MIB) });
      response.write(CHUNK);
    } else if (url.pathname === '/gzip') {
      response.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      response.end(gzipSync('{"a":1}'));
    } else if (url.pathname === '/no-content') {
      response.writeHead(204).end();
    } else {
      response.writeHead(404).end('missing');
    }
  });
  base = `https://badges.example:${server.port}`;
});

afterAll(async () => {
  await server?.close();
});

function setup(options: GuardedFetchOptions = {}, answers = ANSWERS) {
  const recording = loopbackTransport(certificate.cert);
  const lookedUp: string[] = [];
  const lookup: HostLookup = async (host) => {
    lookedUp.push(host);
    const found = answers[host];
    if (!found) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
    return found;
  };
  return { fetch: createGuardedFetch({ lookup, transport: recording.transport, ...options }), lookedUp, ...recording };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the fetch to fail');
    },
    (error: unknown) => error,
  );
}

describe('createGuardedFetch over TLS', () => {
  it('returns the status, headers and exact body bytes, having connected to the vetted addresses', async () => {
    const { fetch, requests, lookedUp } = setup();
    const response = await fetch(`${base}/bytes?q=1`);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.statusText).toBe('Fine Thanks');
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('x-custom')).toBe('hello');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(BYTES);
    expect(response.url).toBe(`${base}/bytes?q=1`);
    expect(response.redirected).toBe(false);
    expect(lookedUp).toEqual(['badges.example']);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.addresses).toEqual(ANSWERS['badges.example']);
    expect(server.requests.at(-1)!.url).toBe('/bytes?q=1');
  });

  it('sends the host name, identity encoding, the user agent and the caller’s headers', async () => {
    const { fetch } = setup({ userAgent: 'state-portal/2.0' });
    const response = await fetch(`${base}/echo`, { headers: { accept: 'application/ld+json', 'accept-encoding': 'gzip', host: 'evil.example' } });
    const seen = (await response.json()) as { method: string; headers: Record<string, string> };
    expect(seen.method).toBe('GET');
    expect(seen.headers.host).toBe(`badges.example:${server.port}`);
    expect(seen.headers['accept-encoding']).toBe('identity');
    expect(seen.headers['user-agent']).toBe('state-portal/2.0');
    expect(seen.headers.accept).toBe('application/ld+json');
  });

  it('answers HEAD without a body', async () => {
    const { fetch } = setup();
    const response = await fetch(`${base}/bytes`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
    expect(server.requests.at(-1)!.method).toBe('HEAD');
  });

  it('passes through error statuses and 204 as responses, not failures', async () => {
    const { fetch } = setup();
    const missing = await fetch(`${base}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('missing');
    expect((await fetch(`${base}/no-content`)).status).toBe(204);
  });

  it('refuses a certificate that does not name the host', async () => {
    const { fetch } = setup({}, { ...ANSWERS, 'wrong.test': [{ address: '8.8.4.4', family: 4 }] });
    const error = await failure(fetch(`https://wrong.test:${server.port}/bytes`));
    expect(isGuardedFetchError(error, 'network')).toBe(true);
    expect(String((error as Error).message)).toMatch(/altnames|certificate/i);
  });

  it('follows up to maxRedirects redirects, re-checking each hop', async () => {
    const { fetch, requests, lookedUp } = setup();
    const response = await fetch(`${base}/hop/3`);
    expect(await response.text()).toBe('arrived');
    expect(response.redirected).toBe(true);
    expect(response.url).toBe(`${base}/hop/0`);
    expect(requests.map((request) => request.url.pathname)).toEqual(['/hop/3', '/hop/2', '/hop/1', '/hop/0']);
    expect(lookedUp).toHaveLength(4);
  });

  it('refuses the redirect past maxRedirects without sending it', async () => {
    const { fetch, requests } = setup();
    const error = await failure(fetch(`${base}/hop/4`));
    expect(isGuardedFetchError(error, 'redirect-limit')).toBe(true);
    expect(requests).toHaveLength(4);
    const none = setup({ maxRedirects: 0 });
    expect(isGuardedFetchError(await failure(none.fetch(`${base}/hop/1`)), 'redirect-limit')).toBe(true);
  });

  it('refuses a redirect to a host that resolves to a private address', async () => {
    const { fetch, requests } = setup();
    const target = encodeURIComponent(`https://internal.example:${server.port}/bytes`);
    const error = await failure(fetch(`${base}/to?location=${target}`));
    expect(isGuardedFetchError(error, 'address')).toBe(true);
    expect((error as { url: string }).url).toBe(`https://internal.example:${server.port}/bytes`);
    expect(requests).toHaveLength(1);
  });

  it.each([
    ['a loopback literal', 'https://127.0.0.1/bytes', 'address'],
    ['the cloud metadata address', 'https://169.254.169.254/latest/meta-data/', 'address'],
    ['a mapped IPv6 loopback', 'https://[::ffff:127.0.0.1]/', 'address'],
    ['plain http', 'http://badges.example/bytes', 'scheme'],
    ['a file URL', 'file:///etc/passwd', 'scheme'],
  ] as const)('refuses a redirect to %s', async (_label, location, reason) => {
    const { fetch, requests } = setup();
    const error = await failure(fetch(`${base}/to?status=307&location=${encodeURIComponent(location)}`));
    expect(isGuardedFetchError(error, reason)).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it('resolves again on every hop, so a host that rebinds to loopback mid-chain is refused', async () => {
    let calls = 0;
    const recording = loopbackTransport(certificate.cert);
    const fetch = createGuardedFetch({
      transport: recording.transport,
      lookup: async (host) => {
        if (host !== 'rebind.example') throw new Error('unexpected host');
        calls++;
        return [{ address: calls === 1 ? '93.184.215.14' : '127.0.0.1', family: 4 }];
      },
    });
    const error = await failure(fetch(`https://rebind.example:${server.port}/hop/1`));
    expect(isGuardedFetchError(error, 'address')).toBe(true);
    expect(calls).toBe(2);
    expect(recording.requests.map((request) => request.addresses)).toEqual([[{ address: '93.184.215.14', family: 4 }]]);
  });

  it('drops Authorization and Cookie when a redirect leaves the origin, keeps them within it', async () => {
    const { fetch } = setup();
    const headers = { authorization: 'Bearer secret', cookie: 'session=1' };
    const same = await fetch(`${base}/to?location=${encodeURIComponent('/echo')}`, { headers });
    expect(((await same.json()) as { headers: Record<string, string> }).headers.authorization).toBe('Bearer secret');
    const away = await fetch(`${base}/to?location=${encodeURIComponent(`https://other.example:${server.port}/echo`)}`, { headers });
    const seen = ((await away.json()) as { headers: Record<string, string> }).headers;
    expect(seen.authorization).toBeUndefined();
    expect(seen.cookie).toBeUndefined();
    expect(seen.host).toBe(`other.example:${server.port}`);
  });

  it('honours redirect: "manual" and redirect: "error"', async () => {
    const { fetch, requests } = setup();
    const manual = await fetch(`${base}/hop/2`, { redirect: 'manual' });
    expect(manual.status).toBe(302);
    expect(manual.headers.get('location')).toBe('/hop/1');
    expect(isGuardedFetchError(await failure(fetch(`${base}/hop/2`, { redirect: 'error' })), 'redirect')).toBe(true);
    expect(requests).toHaveLength(2);
  });

  it('times out a server that never answers and closes the connection', async () => {
    const { fetch } = setup({ timeoutMs: 300 });
    const started = Date.now();
    const error = await failure(fetch(`${base}/hang`));
    expect(isGuardedFetchError(error, 'timeout')).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(Promise.race([hangClosed.then(() => 'closed'), sleep(5_000).then(() => 'still open')])).resolves.toBe('closed');
  });

  it('rejects with the caller’s abort reason when the caller’s signal fires mid-request', async () => {
    const { fetch } = setup();
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    setTimeout(() => controller.abort(reason), 100);
    await expect(fetch(`${base}/hang`, { signal: controller.signal })).rejects.toBe(reason);
  });

  it('stops reading a 5 MiB stream once it passes maxBytes', async () => {
    const { fetch, bytesConsumed } = setup();
    const error = await failure(fetch(`${base}/stream`));
    expect(isGuardedFetchError(error, 'too-large')).toBe(true);
    expect(bytesConsumed()).toBeGreaterThan(1024 * 1024);
    expect(bytesConsumed()).toBeLessThanOrEqual(1024 * 1024 + CHUNK.byteLength);
    await expect(Promise.race([stream.closed.then(() => 'closed'), sleep(5_000).then(() => 'still open')])).resolves.toBe('closed');
    expect(stream.finished).toBe(false);
    expect(stream.written).toBeLessThan(FIVE_MIB);
  });

  it('refuses a body whose Content-Length exceeds maxBytes before reading any of it', async () => {
    const { fetch, bytesConsumed } = setup();
    const error = await failure(fetch(`${base}/declared`));
    expect(isGuardedFetchError(error, 'too-large')).toBe(true);
    expect(bytesConsumed()).toBe(0);
  });

  it('applies a lower maxBytes to the bytes route, and accepts a body exactly at the cap', async () => {
    expect(isGuardedFetchError(await failure(setup({ maxBytes: BYTES.length - 1 }).fetch(`${base}/bytes`)), 'too-large')).toBe(true);
    const exact = await setup({ maxBytes: BYTES.length }).fetch(`${base}/bytes`);
    expect((await exact.arrayBuffer()).byteLength).toBe(BYTES.length);
  });

  it('refuses a compressed body it did not ask for', async () => {
    const { fetch } = setup();
    expect(isGuardedFetchError(await failure(fetch(`${base}/gzip`)), 'content-encoding')).toBe(true);
  });

  it('spends the instance budget across calls, redirect hops included', async () => {
    const { fetch, requests } = setup({ maxRequests: 3 });
    expect((await fetch(`${base}/hop/1`)).status).toBe(200);
    expect((await fetch(`${base}/bytes`)).status).toBe(200);
    expect(isGuardedFetchError(await failure(fetch(`${base}/bytes`)), 'budget')).toBe(true);
    expect(requests).toHaveLength(3);
  });
});
