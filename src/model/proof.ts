/** Embedded proofs this library writes and reads. */
import type { DateTimeString, Iri } from './common.js';

/** Fields every embedded proof may carry. */
interface ProofFields {
  id?: Iri;
  created?: DateTimeString;
  expires?: DateTimeString;
  /** The URL of the public key, e.g. `did:key:z6Mk…#z6Mk…`. */
  verificationMethod: Iri;
  /** OB 3.0 credentials MUST use `assertionMethod`. */
  proofPurpose: 'assertionMethod' | (string & {});
  proofValue: string;
  challenge?: string;
  domain?: string;
  nonce?: string;
  previousProof?: Iri | Iri[];
}

/** A W3C Data Integrity proof; OB 3.0 certifies the `eddsa-rdfc-2022` cryptosuite. */
export interface DataIntegrityProof extends ProofFields {
  type: 'DataIntegrityProof';
  cryptosuite: 'eddsa-rdfc-2022' | (string & {});
}

/** The older Ed25519Signature2020 suite (no `cryptosuite`). */
export interface Ed25519Signature2020Proof extends ProofFields {
  type: 'Ed25519Signature2020';
}

export type Proof = DataIntegrityProof | Ed25519Signature2020Proof;
