/**
 * The key shapes the rest of the library relies on. Implementations live beside this file;
 * signing code depends only on these interfaces so a KMS/HSM signer can stand in for a key pair.
 */

/** The signature algorithms a signer may declare. Only Ed25519 signs embedded proofs today. */
export type SignatureAlgorithm = 'Ed25519';

/**
 * Anything that can sign bytes for a verification method: our own key pairs, or a platform's
 * KMS/HSM wrapper. `id` is the verification method URL a verifier will resolve
 * (e.g. `did:key:z6Mk…#z6Mk…` or `https://district.example/issuer#key-1`).
 */
export interface Signer {
  readonly id: string;
  readonly algorithm: SignatureAlgorithm;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** A public Ed25519 key as a CID 1.0 / Multikey verification method. */
export interface MultikeyDocument {
  '@context'?: string | string[];
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
  /** Present only in exports that asked for the private part. */
  secretKeyMultibase?: string;
  /** CID 1.0 key retirement markers (XML Schema dateTime). */
  expires?: string;
  revoked?: string;
}

/** An Ed25519 key as an RFC 8037 JWK (OKP). `d` only in private exports. */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  d?: string;
  kid?: string;
  alg?: 'EdDSA';
  use?: 'sig';
}

/**
 * An Ed25519 key pair the library can sign with. The private part is never enumerable, never in
 * `JSON.stringify(key)`, `util.inspect(key)` or an error message: export it only through
 * `exportKey(key, { includePrivate: true })`.
 */
export interface Ed25519KeyPair {
  readonly type: 'Multikey';
  readonly algorithm: 'Ed25519';
  /** Verification method id, e.g. `did:key:z6Mk…#z6Mk…`. */
  readonly id: string;
  /** Who controls the key: the issuer id (a DID or an HTTPS URL). */
  readonly controller: string;
  readonly publicKeyMultibase: string;
  /** 32 raw public key bytes (a copy). */
  readonly publicKey: Uint8Array;
  /** A signer over this key; the same object on every call (no per-signature setup). */
  signer(): Signer;
  /** The public Multikey document (never the private part). */
  toJSON(): MultikeyDocument;
}

// VC-JWT keys (issue 6). Embedded proofs sign with Ed25519 only; a VC-JWT is signed with RS256
// (OB 3.0's baseline), ES256, or — opted into — EdDSA with an Ed25519 key pair.

/** The JWS algorithms obv3 signs VC-JWTs with. */
export type JwsAlgorithm = 'RS256' | 'ES256' | 'EdDSA';

/** Key pair algorithms besides Ed25519: RSA (2048 bits or more) and EC P-256. */
export type JwsKeyAlgorithm = 'RS256' | 'ES256';

/**
 * A signer for VC-JWTs, e.g. a KMS/HSM wrapper. `id` becomes the JOSE header `kid`: a verification
 * method URL or DID URL (`https://district.example/issuer#key-1`), or a plain key id the issuer
 * lists in its JWK Set. `sign` returns the JWS signature: RSASSA-PKCS1-v1_5 SHA-256 for RS256,
 * ECDSA P-256 SHA-256 for ES256 (64-byte r‖s, or DER as most KMSs return it), Ed25519 for EdDSA.
 */
export interface JwsSigner {
  readonly id: string;
  readonly algorithm: JwsAlgorithm;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** An RSA or EC P-256 JWK as exportKey writes it. Private members only in private exports. */
export interface JwsKeyJwk {
  kty: 'RSA' | 'EC';
  crv?: 'P-256';
  x?: string;
  y?: string;
  n?: string;
  e?: string;
  d?: string;
  p?: string;
  q?: string;
  dp?: string;
  dq?: string;
  qi?: string;
  kid?: string;
  alg?: JwsKeyAlgorithm;
  use?: 'sig';
}

/**
 * An RSA or P-256 key pair for VC-JWTs. Like the Ed25519 key pair, its private part is never
 * enumerable, never in `JSON.stringify(key)`, `util.inspect(key)` or an error: only
 * `exportKey(key, { format: 'jwk', includePrivate: true })` returns it.
 */
export interface JwsKeyPair {
  readonly type: 'JsonWebKey';
  /** The JWS algorithm the key signs with: RS256 for RSA, ES256 for P-256. */
  readonly algorithm: JwsKeyAlgorithm;
  /** Verification method id (the JOSE `kid`), e.g. `did:jwk:…#0` or `https://district.example/issuer#key-1`. */
  readonly id: string;
  /** Who controls the key: the issuer id. Default: the key's own did:jwk. */
  readonly controller: string;
  /** The public key (RSA `n`/`e` or EC `crv`/`x`/`y`), without metadata. A copy. */
  readonly publicKeyJwk: JwsKeyJwk;
  /** True when the key can sign (generated, or imported with its private members). */
  readonly hasPrivateKey: boolean;
  /** A signer over this key; the same object on every call. */
  signer(): JwsSigner;
  /** The public CID 1.0 JsonWebKey verification method (never the private part). */
  toJSON(): { id: string; type: 'JsonWebKey'; controller: string; publicKeyJwk: JwsKeyJwk };
}
