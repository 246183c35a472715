/**
 * Key resolution, for the verifiers inside obv3 (not part of the public API): `resolveKey` for
 * any verification method, `resolveJwtKey` for VC-JWT signatures.
 */
export { resolveKey } from './resolve-key.js';
export { resolveJwtKey, type JwtKeyRequest, type JwtKeyResolution, type PublishedJwtKey } from './jwt-key.js';
export type { KeyResolution, ResolutionFailure, ResolvedKey } from './resolved-key.js';
