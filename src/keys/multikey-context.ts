/**
 * The context a standalone Multikey document carries. We use the Multikey v1 context rather than
 * the CID v1 context because @digitalbazaar/ed25519-multikey (which the eddsa-rdfc-2022 verifier
 * uses to load keys) refuses a Multikey whose @context does not include this URL.
 */
export const MULTIKEY_CONTEXT_V1 = 'https://w3id.org/security/multikey/v1';
export const DID_CONTEXT_V1 = 'https://www.w3.org/ns/did/v1';
