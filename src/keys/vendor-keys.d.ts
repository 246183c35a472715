/**
 * The part of @digitalbazaar/ed25519-multikey (untyped, ESM-only) that the keys tests use to
 * check that Digital Bazaar's verifier accepts our Multikey documents and signatures.
 */
declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519MultikeyVerifier {
    readonly id?: string;
    readonly algorithm: string;
    verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
  }
  export interface Ed25519MultikeyKeyPair {
    readonly id?: string;
    readonly controller?: string;
    readonly publicKeyMultibase: string;
    verifier(): Ed25519MultikeyVerifier;
  }
  export interface Ed25519MultikeyInput {
    '@context'?: string | string[];
    id?: string;
    type?: string;
    controller?: string;
    publicKeyMultibase?: string;
    secretKeyMultibase?: string;
  }
  export function from(key: Ed25519MultikeyInput): Promise<Ed25519MultikeyKeyPair>;
}
