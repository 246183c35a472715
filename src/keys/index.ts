export type { Ed25519Jwk, Ed25519KeyPair, MultikeyDocument, SignatureAlgorithm, Signer } from './types.js';
export type { JwsAlgorithm, JwsKeyAlgorithm, JwsKeyJwk, JwsKeyPair, JwsSigner } from './types.js';
export type {
  ControllerDocument,
  ControllerService,
  JsonWebKeyMethod,
  PublicJsonWebKey,
  VerificationMethod,
  VerificationRelationshipEntry,
} from './controller-document.js';
export { generateKey, type GenerateKeyOptions } from './generate-key.js';
export {
  importKey,
  type ImportableJwk,
  type ImportableJwsJwk,
  type ImportKeyInput,
  type ImportKeyOptions,
  type MultibaseKeyInput,
} from './import-key.js';
export { exportKey, type ExportKeyOptions } from './export-key.js';
export { didKeyFromPublicKey, resolveDidKey, type ResolvedDidKey } from './did-key.js';
export { multibaseFromPublicKey, publicKeyFromMultibase } from './public-key-multibase.js';
export { verifyEd25519 } from './ed25519-node-crypto.js';
export { DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1 } from './multikey-context.js';
export { didWebDocumentUrl, didWebFromUrl, parseDidWeb, type DidWebParts } from './did-web.js';
export { didJwkFromJwk, resolveDidJwk, type ResolvedDidJwk } from './did-jwk.js';
export type { Ed25519VerificationKey2020Method } from './controller-document.js';
export { jwksUrl } from './jwks-url.js';
export { jwkThumbprint } from './key-identity.js';
