/**
 * Opt-in network access for the verifier: a fetch that only reaches public https: resources.
 * Nothing else in obv3 imports this area, so offline users never load node:https.
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
