/**
 * Why a guarded fetch did not return a response. Bad options throw Obv3Error('INVALID_ARGUMENT')
 * instead: those are programming errors, these are about the URL, the network or the server.
 */

/** Stable reasons a caller can switch on. Messages may change; reasons do not. */
export type GuardedFetchReason =
  /** The input is not an absolute URL. */
  | 'invalid-url'
  /** Not https: (also for a redirect to http:). */
  | 'scheme'
  /** The URL carries a user name or password. */
  | 'credentials'
  /** A method other than GET or HEAD, or a request body. */
  | 'method'
  /** The host name did not resolve. */
  | 'dns'
  /** The host is, or resolved to, an address that is not public (loopback, private, …). */
  | 'address'
  /** More redirects than `maxRedirects`. */
  | 'redirect-limit'
  /** A redirect while the request asked for `redirect: 'error'`. */
  | 'redirect'
  /** This instance already made `maxRequests` requests. */
  | 'budget'
  /** The whole exchange, redirects and body included, took longer than `timeoutMs`. */
  | 'timeout'
  /** The body is (or declared itself) larger than `maxBytes`. */
  | 'too-large'
  /** The server compressed the body although we asked for `identity`. */
  | 'content-encoding'
  /** The server's answer cannot be represented as a Response (e.g. status 999). */
  | 'bad-response'
  /** Connecting, TLS or the transfer failed. */
  | 'network';

export class GuardedFetchError extends Error {
  readonly reason: GuardedFetchReason;
  /** The URL being fetched when it failed: after redirects, the hop that was refused. */
  readonly url: string;

  constructor(reason: GuardedFetchReason, url: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GuardedFetchError';
    this.reason = reason;
    this.url = url;
  }
}

/** True when `error` is a GuardedFetchError, optionally with the given reason. */
export function isGuardedFetchError(error: unknown, reason?: GuardedFetchReason): error is GuardedFetchError {
  return error instanceof GuardedFetchError && (reason === undefined || error.reason === reason);
}
