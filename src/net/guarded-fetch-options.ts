/**
 * What createGuardedFetch accepts, and its normalization. Bad options are programming errors and
 * throw Obv3Error('INVALID_ARGUMENT') at creation time, not on the first request.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Obv3Error } from '../errors.js';
import { createHttpsTransport } from './https-transport.js';
import type { ResolvedAddress, Transport } from './transport.js';

/** Resolves a host name to every address it has (like `dns.lookup(host, { all: true })`). */
export type HostLookup = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface GuardedFetchOptions {
  /** Redirects followed per call; each hop is checked like the first URL. Default 3. */
  maxRedirects?: number;
  /** Time for the whole call: DNS, connect, redirects and reading the body. Default 10 000. */
  timeoutMs?: number;
  /** Largest body read (bytes); a larger body fails the call. Default 1 MiB. */
  maxBytes?: number;
  /**
   * Requests this instance may make in its lifetime, redirect hops included. Default unlimited:
   * the verifier already budgets each verification (`maxFetches`).
   */
  maxRequests?: number;
  /** Sent as User-Agent unless the request sets its own. Default `obv3`. */
  userAgent?: string;
  /** How host names are resolved. Default: the system resolver (`dns.lookup`). */
  lookup?: HostLookup;
  /** How vetted requests are sent. Default: node:https (see createHttpsTransport). */
  transport?: Transport;
  /**
   * Host names to connect to at a fixed IP address instead of asking DNS, accepted even when that
   * address is loopback or private: an issuer's site mirrored inside your own network, or a test
   * server on 127.0.0.1. Off by default; only the names listed here are affected, URLs must still
   * be https: and the server's certificate must still be valid for the name (use
   * `createHttpsTransport({ ca })` for a private CA). E.g. `{ 'district.example': '127.0.0.1' }`.
   */
  pinnedHosts?: Readonly<Record<string, string>>;
}

export interface NormalizedGuardedFetchOptions {
  maxRedirects: number;
  timeoutMs: number;
  maxBytes: number;
  maxRequests: number;
  userAgent: string;
  lookup: HostLookup;
  transport: Transport;
  /** Lower-case host name → the one address to use for it. */
  pinnedHosts: ReadonlyMap<string, ResolvedAddress>;
}

export const DEFAULT_MAX_REDIRECTS = 3;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_USER_AGENT = 'obv3';

// setTimeout fires at once for delays above this, which would turn a long timeout into none.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function normalizeGuardedFetchOptions(options: GuardedFetchOptions = {}): NormalizedGuardedFetchOptions {
  if (typeof options !== 'object' || options === null) {
    throw invalid('createGuardedFetch options must be an object, e.g. { timeoutMs: 5000 }.');
  }
  const { userAgent = DEFAULT_USER_AGENT, lookup = systemLookup, transport } = options;
  if (typeof userAgent !== 'string' || userAgent === '' || /[\r\n\0]/.test(userAgent)) {
    throw invalid('options.userAgent must be a non-empty string on one line, e.g. "my-portal/1.0".');
  }
  if (typeof lookup !== 'function') throw invalid('options.lookup must be a function (hostname) => Promise<{ address, family }[]>.');
  if (transport !== undefined && typeof transport !== 'function') {
    throw invalid('options.transport must be a function; omit it to use node:https.');
  }
  const maxRequests = options.maxRequests ?? Number.POSITIVE_INFINITY;
  if (maxRequests !== Number.POSITIVE_INFINITY) wholeNumber(maxRequests, 'maxRequests');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMER_MS) {
    throw invalid(`options.timeoutMs must be a number of milliseconds between 1 and ${MAX_TIMER_MS}.`);
  }
  return {
    maxRedirects: wholeNumber(options.maxRedirects ?? DEFAULT_MAX_REDIRECTS, 'maxRedirects'),
    timeoutMs,
    maxBytes: wholeNumber(options.maxBytes ?? DEFAULT_MAX_BYTES, 'maxBytes'),
    maxRequests,
    userAgent,
    lookup,
    transport: transport ?? createHttpsTransport(),
    pinnedHosts: normalizePinnedHosts(options.pinnedHosts),
  };
}

function normalizePinnedHosts(pinned: unknown): ReadonlyMap<string, ResolvedAddress> {
  const out = new Map<string, ResolvedAddress>();
  if (pinned === undefined) return out;
  if (typeof pinned !== 'object' || pinned === null || Array.isArray(pinned)) {
    throw invalid('options.pinnedHosts must map host names to IP addresses, e.g. { "district.example": "127.0.0.1" }.');
  }
  for (const [host, address] of Object.entries(pinned)) {
    const name = host.toLowerCase();
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(name)) {
      throw invalid(`options.pinnedHosts: ${JSON.stringify(host)} is not a host name (give the name without scheme, port or path).`);
    }
    const family = typeof address === 'string' ? isIP(address) : 0;
    if (family !== 4 && family !== 6) {
      throw invalid(`options.pinnedHosts: ${JSON.stringify(host)} must map to an IPv4 or IPv6 address, got ${JSON.stringify(address)}.`);
    }
    out.set(name, { address: address as string, family });
  }
  return out;
}

async function systemLookup(hostname: string): Promise<readonly ResolvedAddress[]> {
  const answers = await dnsLookup(hostname, { all: true });
  return answers.flatMap(({ address, family }) => (family === 4 || family === 6 ? [{ address, family }] : []));
}

function wholeNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalid(`options.${name} must be a whole number ≥ 0.`);
  }
  return value;
}

function invalid(message: string): Obv3Error {
  return new Obv3Error('INVALID_ARGUMENT', message);
}
