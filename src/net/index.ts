/**
 * Opt-in network access for the verifier: a fetch that only reaches public https: resources.
 * The public API re-exports it (src/index.ts), so loading obv3 loads node:https; what stays
 * opt-in is its use: the verifier reaches the network only through a fetch the caller passes
 * (this one, as a rule), and other areas import only its small leaves (hasNullBody,
 * untilAborted), never the transport.
 */
export { createGuardedFetch } from './guarded-fetch.js';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
  type GuardedFetchOptions,
  type HostLookup,
} from './guarded-fetch-options.js';
export { GuardedFetchError, isGuardedFetchError, type GuardedFetchReason } from './guarded-fetch-error.js';
export { classifyAddress, isPublicAddress, type AddressKind } from './classify-address.js';
export { createHttpsTransport, type HttpsTransportOptions } from './https-transport.js';
export type { ResolvedAddress, Transport, TransportRequest, TransportResponse } from './transport.js';
