/** Requests refused before anything is sent: the transport must never be reached. */
import { describe, expect, it, vi } from 'vitest';
import { isObv3Error } from '../../src/errors.js';
import { createGuardedFetch, isGuardedFetchError, type GuardedFetchReason, type HostLookup } from '../../src/net/index.js';
import { forbiddenTransport } from './loopback-transport.js';

const PUBLIC = { address: '93.184.215.14', family: 4 } as const;

function setup(answers: Record<string, ReadonlyArray<{ address: string; family: 4 | 6 }>> = {}) {
  const forbidden = forbiddenTransport();
  const lookup = vi.fn<HostLookup>(async (host) => {
    const found = answers[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found;
  });
  return { fetch: createGuardedFetch({ lookup, transport: forbidden.transport }), lookup, calls: forbidden.calls };
}

async function reasonOf(promise: Promise<unknown>): Promise<GuardedFetchReason> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isGuardedFetchError(error)) throw new Error(`expected a GuardedFetchError, got ${String(error)}`);
  return error.reason;
}

describe('createGuardedFetch refuses before sending', () => {
  it.each([
    'http://badges.example/issuer',
    'file:///etc/passwd',
    'data:application/json,{}',
    'ftp://badges.example/x',
    'ws://badges.example/x',
    'javascript:alert(1)',
  ])('refuses the non-https URL %s', async (url) => {
    const { fetch, lookup, calls } = setup({ 'badges.example': [PUBLIC] });
    expect(await reasonOf(fetch(url))).toBe('scheme');
    expect(lookup).not.toHaveBeenCalled();
    expect(calls()).toBe(0);
  });

  it('refuses relative and malformed URLs', async () => {
    const { fetch, calls } = setup();
    expect(await reasonOf(fetch('/issuer'))).toBe('invalid-url');
    expect(await reasonOf(fetch('https://'))).toBe('invalid-url');
    expect(calls()).toBe(0);
  });

  it('refuses URLs with credentials without repeating the password', async () => {
    const { fetch } = setup({ 'badges.example': [PUBLIC] });
    const error = await fetch('https://admin:hunter2@badges.example/').catch((caught: unknown) => caught);
    expect(isGuardedFetchError(error, 'credentials')).toBe(true);
    expect(String((error as Error).message)).not.toContain('hunter2');
  });

  it.each([
    'https://127.0.0.1/',
    'https://127.0.0.1:8443/admin',
    'https://2130706433/',
    'https://0x7f.1/',
    'https://127.1/',
    'https://[::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:7f00:1]/',
    'https://[64:ff9b::7f00:1]/',
    'https://[2002:7f00:1::]/',
    'https://10.0.0.1/',
    'https://172.16.5.4/',
    'https://192.168.1.1/',
    'https://169.254.169.254/latest/meta-data/',
    'https://100.64.0.1/',
    'https://0.0.0.0/',
    'https://[::]/',
    'https://[fd00::1]/',
    'https://[fe80::1]/',
    'https://224.0.0.1/',
    'https://255.255.255.255/',
  ])('refuses the literal non-public host in %s without a DNS lookup', async (url) => {
    const { fetch, lookup, calls } = setup();
    expect(await reasonOf(fetch(url))).toBe('address');
    expect(lookup).not.toHaveBeenCalled();
    expect(calls()).toBe(0);
  });

  it('refuses a host when any one of its DNS answers is not public', async () => {
    const { fetch, calls } = setup({
      'mixed.example': [PUBLIC, { address: '2606:4700::1', family: 6 }, { address: '192.168.1.10', family: 4 }],
      'mapped.example': [{ address: '::ffff:10.0.0.1', family: 6 }],
      'localhost.example': [{ address: '::1', family: 6 }],
    });
    expect(await reasonOf(fetch('https://mixed.example/'))).toBe('address');
    expect(await reasonOf(fetch('https://mapped.example/'))).toBe('address');
    expect(await reasonOf(fetch('https://localhost.example/'))).toBe('address');
    expect(calls()).toBe(0);
  });

  it('refuses a DNS answer that is not an IP address at all', async () => {
    const { fetch, calls } = setup({ 'odd.example': [{ address: 'not-an-ip', family: 4 }] });
    expect(await reasonOf(fetch('https://odd.example/'))).toBe('address');
    expect(calls()).toBe(0);
  });

  it('fails with reason dns when the host does not resolve or resolves to nothing', async () => {
    const { fetch, calls } = setup({ 'empty.example': [] });
    expect(await reasonOf(fetch('https://missing.example/'))).toBe('dns');
    expect(await reasonOf(fetch('https://empty.example/'))).toBe('dns');
    expect(calls()).toBe(0);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'CONNECT', 'TRACE', 'post'])('refuses the %s method', async (method) => {
    const { fetch, lookup, calls } = setup({ 'badges.example': [PUBLIC] });
    expect(await reasonOf(fetch('https://badges.example/', { method }))).toBe('method');
    expect(lookup).not.toHaveBeenCalled();
    expect(calls()).toBe(0);
  });

  it('refuses a request body even on GET', async () => {
    const { fetch, calls } = setup({ 'badges.example': [PUBLIC] });
    expect(await reasonOf(fetch('https://badges.example/', { body: 'x' }))).toBe('method');
    expect(calls()).toBe(0);
  });

  it('rejects with the caller’s reason when the caller’s signal is already aborted', async () => {
    const { fetch, calls } = setup({ 'badges.example': [PUBLIC] });
    const reason = new Error('caller gave up');
    await expect(fetch('https://badges.example/', { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(calls()).toBe(0);
  });

  it('times out a DNS lookup that never answers', async () => {
    const forbidden = forbiddenTransport();
    const fetch = createGuardedFetch({ lookup: () => new Promise(() => {}), transport: forbidden.transport, timeoutMs: 50 });
    expect(await reasonOf(fetch('https://slow-dns.example/'))).toBe('timeout');
  });
});

describe('createGuardedFetch options', () => {
  it.each([
    { maxRedirects: -1 },
    { maxRedirects: 1.5 },
    { maxBytes: Number.NaN },
    { maxBytes: Number.POSITIVE_INFINITY },
    { timeoutMs: 0 },
    { timeoutMs: Number.POSITIVE_INFINITY },
    { timeoutMs: 2 ** 31 },
    { maxRequests: -1 },
    { userAgent: '' },
    { userAgent: 'a\r\nX-Injected: 1' },
    { lookup: 'dns' },
    { transport: {} },
  ])('rejects %o as INVALID_ARGUMENT', (options) => {
    let thrown: unknown;
    try {
      createGuardedFetch(options as never);
    } catch (error) {
      thrown = error;
    }
    expect(isObv3Error(thrown, 'INVALID_ARGUMENT')).toBe(true);
  });

  it('accepts an unlimited request budget and a zero redirect limit', () => {
    expect(typeof createGuardedFetch({ maxRequests: Number.POSITIVE_INFINITY, maxRedirects: 0 })).toBe('function');
  });

  it('rejects an input that is not a URL string as INVALID_ARGUMENT', async () => {
    const { fetch } = setup();
    const error = await fetch(42 as unknown as string).catch((caught: unknown) => caught);
    expect(isObv3Error(error, 'INVALID_ARGUMENT')).toBe(true);
  });
});
