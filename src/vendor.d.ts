/**
 * Type declarations for the JSON-LD / Data Integrity packages we use, which ship none. Only the
 * members obv3 calls are declared, typed as narrowly as their documentation allows.
 */

declare module 'jsonld-signatures' {
  export type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: object }>;

  export interface ProofResult {
    verified: boolean;
    error?: Error | Error[];
    proof?: Record<string, unknown>;
    verificationMethod?: Record<string, unknown>;
  }
  export interface VerifyResult {
    verified: boolean;
    results?: ProofResult[];
    error?: Error | Error[];
  }
  export interface LinkedDataSuite {
    readonly type: string;
  }
  export class ProofPurpose {
    constructor(options: { term: string; date?: Date; maxTimestampDelta?: number });
  }
  export class AssertionProofPurpose extends ProofPurpose {
    constructor(options?: { controller?: object });
  }
  /** Presentations (issue 6): writes challenge and domain into the proof. */
  export class AuthenticationProofPurpose extends ProofPurpose {
    constructor(options: { challenge: string; domain?: string; controller?: object });
  }
  interface Api {
    sign(
      document: object,
      options: { suite: LinkedDataSuite; purpose: ProofPurpose; documentLoader: DocumentLoader; addSuiteContext?: boolean },
    ): Promise<Record<string, unknown>>;
    verify(
      document: object,
      options: { suite: LinkedDataSuite | LinkedDataSuite[]; purpose: ProofPurpose; documentLoader: DocumentLoader },
    ): Promise<VerifyResult>;
    purposes: {
      ProofPurpose: typeof ProofPurpose;
      AssertionProofPurpose: typeof AssertionProofPurpose;
      AuthenticationProofPurpose: typeof AuthenticationProofPurpose;
    };
  }
  const jsigs: Api;
  export default jsigs;
}

declare module '@digitalbazaar/data-integrity' {
  import type { LinkedDataSuite } from 'jsonld-signatures';
  import type { Cryptosuite, DigitalBazaarSigner } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
  export class DataIntegrityProof implements LinkedDataSuite {
    readonly type: string;
    constructor(options: { signer?: DigitalBazaarSigner; date?: Date | string | null; cryptosuite: Cryptosuite; legacyContext?: boolean });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  /** The signer shape the Digital Bazaar suites call: `sign({ data })`. */
  export interface DigitalBazaarSigner {
    id: string;
    algorithm: string;
    sign(options: { data: Uint8Array }): Promise<Uint8Array>;
  }
  export interface Cryptosuite {
    name: string;
    requiredAlgorithm: string;
    canonize(input: object, options: Record<string, unknown>): Promise<string>;
    createVerifier(options: { verificationMethod: object }): Promise<unknown>;
  }
  export const cryptosuite: Cryptosuite;
}

declare module '@digitalbazaar/ed25519-signature-2020' {
  import type { LinkedDataSuite } from 'jsonld-signatures';
  import type { DigitalBazaarSigner } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
  export class Ed25519Signature2020 implements LinkedDataSuite {
    readonly type: string;
    constructor(options?: { signer?: DigitalBazaarSigner; date?: Date | string | null; canonizeOptions?: Record<string, unknown> });
  }
}

declare module '@digitalbazaar/vc' {
  import type { LinkedDataSuite, VerifyResult, ProofPurpose, DocumentLoader } from 'jsonld-signatures';
  export function issue(options: {
    credential: object;
    suite: LinkedDataSuite;
    documentLoader: DocumentLoader;
    now?: Date | string;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: object;
    suite: LinkedDataSuite | LinkedDataSuite[];
    documentLoader: DocumentLoader;
    purpose?: ProofPurpose;
    now?: Date | string;
    checkStatus?: (options: object) => Promise<{ verified: boolean }>;
  }): Promise<VerifyResult>;
}

/** Used by the interop tests (Digital Bazaar's own Ed25519 Multikey). */
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
  export interface Ed25519MultikeySigner {
    readonly id: string;
    readonly algorithm: string;
    sign(input: { data: Uint8Array }): Promise<Uint8Array>;
  }
  export interface Ed25519MultikeyKeyPairWithSecret extends Ed25519MultikeyKeyPair {
    signer(): Ed25519MultikeySigner;
  }
  export function from(key: Ed25519MultikeyInput): Promise<Ed25519MultikeyKeyPairWithSecret>;
  export function generate(options?: { id?: string; controller?: string }): Promise<Ed25519MultikeyKeyPairWithSecret>;
}

declare module '@digitalbazaar/bitstring' {
  /** Bits in a byte buffer; index 0 is the most significant bit of byte 0 by default. */
  export class Bitstring {
    /** Either a length in bits or a buffer. The buffer's whole underlying ArrayBuffer is used. */
    constructor(options: { length: number } | { buffer: Uint8Array; leftToRightIndexing?: boolean });
    readonly bits: Uint8Array;
    readonly length: number;
    get(position: number): boolean;
    set(position: number, on: boolean): void;
    /** GZIP, then base64url without padding (no multibase prefix). */
    encodeBits(): Promise<string>;
  }
}

/** The fast converter (src/rdf, src/proof/fast) canonicalizes its own quads with rdf-canonize. */
declare module 'rdf-canonize' {
  export function canonize(dataset: readonly object[], options: { algorithm: 'RDFC-1.0'; maxWorkFactor?: number; signal?: AbortSignal }): Promise<string>;
}
