/**
 * A fetch for callers who let the verifier reach the network on behalf of untrusted input (a
 * portal verifying uploaded badges): it fetches public https: resources only, so a crafted
 * credential cannot turn the caller into a proxy into its own network.
 */
import type { FetchFunction } from '../verify/options.js';
import { buildResponse, checkStatus, hasNullBody } from './build-response.js';
import { GuardedFetchError } from './guarded-fetch-error.js';
import { normalizeGuardedFetchOptions, type GuardedFetchOptions, type NormalizedGuardedFetchOptions } from './guarded-fetch-options.js';
import { headersForHop, prepareRequest, type PreparedRequest } from './prepare-request.js';
import { readCappedBody } from './read-capped-body.js';
import type { TransportResponse } from './transport.js';
import { untilAborted } from './until-aborted.js';
import { checkUrl, vetAddresses } from './vet-destination.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Returns a function with the global fetch's signature that refuses, with a GuardedFetchError:
 * non-https URLs; hosts that are or resolve to loopback, private, link-local or other non-public
 * addresses (checked again on every redirect, and the connection goes to the checked address);
 * methods other than GET/HEAD; bodies over `maxBytes`; calls over `timeoutMs`; more than
 * `maxRedirects` redirects; and requests beyond the instance's `maxRequests`.
 * The returned Response already holds its whole body.
 */
export function createGuardedFetch(options?: GuardedFetchOptions): FetchFunction {
  const settings = normalizeGuardedFetchOptions(options);
  const budget = { used: 0 };
  return async (input, init) => {
    const request = prepareRequest(input, init, settings.userAgent);
    const state = { url: request.input };
    const timeout = new AbortController();
    const timer = setTimeout(() => {
      timeout.abort(new GuardedFetchError('timeout', state.url, `Fetching ${request.input} took longer than ${settings.timeoutMs} ms (timeoutMs).`));
    }, settings.timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
    try {
      signal.throwIfAborted();
      return await untilAborted(follow(request, settings, budget, state, signal), signal);
    } catch (error) {
      // An abort surfaces as whatever the transport threw; report the abort's own reason instead.
      if (signal.aborted) throw signal.reason;
      if (error instanceof GuardedFetchError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new GuardedFetchError('network', state.url, `Fetching ${state.url} failed: ${message}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  };
}

async function follow(
  request: PreparedRequest,
  settings: NormalizedGuardedFetchOptions,
  budget: { used: number },
  state: { url: string },
  signal: AbortSignal,
): Promise<Response> {
  let url = checkUrl(request.input);
  let headers = request.headers;
  let redirects = 0;
  for (;;) {
    state.url = url.href;
    if (budget.used >= settings.maxRequests) {
      throw new GuardedFetchError('budget', url.href, `Not fetched: this guarded fetch already made ${settings.maxRequests} requests (maxRequests).`);
    }
    const addresses = await vetAddresses(url, settings.lookup, signal, settings.pinnedHosts);
    // Counted once vetted: only requests that could reach a server spend the budget.
    budget.used++;
    const received = await settings.transport({ url, method: request.method, headers, addresses, signal });
    const location = REDIRECT_STATUSES.has(received.status) ? headerValue(received, 'location') : undefined;
    if (location === undefined || request.redirect === 'manual') {
      return finish(received, request, settings, url, redirects > 0);
    }
    received.cancel();
    if (request.redirect === 'error') {
      throw new GuardedFetchError('redirect', url.href, `${url.href} redirected to ${location}, and the request asked for redirect: "error".`);
    }
    if (redirects >= settings.maxRedirects) {
      throw new GuardedFetchError('redirect-limit', url.href, `Refused to follow more than ${settings.maxRedirects} redirects (maxRedirects), starting at ${request.input}.`);
    }
    redirects++;
    const next = checkUrl(location, url);
    headers = headersForHop(headers, url, next);
    url = next;
  }
}

async function finish(
  received: TransportResponse,
  request: PreparedRequest,
  settings: NormalizedGuardedFetchOptions,
  url: URL,
  redirected: boolean,
): Promise<Response> {
  checkStatus(received, url.href);
  if (request.method === 'HEAD' || hasNullBody(received.status)) {
    received.cancel();
    return buildResponse(received, null, url, redirected);
  }
  const encoding = headerValue(received, 'content-encoding')?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    received.cancel();
    throw new GuardedFetchError('content-encoding', url.href, `${url.href} sent a ${encoding}-encoded body although only identity was accepted.`);
  }
  const body = await readCappedBody(received, settings.maxBytes, url.href);
  return buildResponse(received, body, url, redirected);
}

function headerValue(response: TransportResponse, name: string): string | undefined {
  return response.headers.find(([key]) => key.toLowerCase() === name)?.[1];
}
