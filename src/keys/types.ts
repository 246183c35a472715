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
