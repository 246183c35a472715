/** W3C VC 2.0 Verifiable Presentations, as a teacher hands several credentials to a verifier. */
import type { ContextEntry, Iri } from './common.js';
import type { DataIntegrityProof } from './proof.js';

/** A credential secured by an enveloping proof: for a VC-JWT, `id` is `data:application/vc+jwt,<JWS>`. */
export interface EnvelopedVerifiableCredential {
  '@context': 'https://www.w3.org/ns/credentials/v2' | (string & {});
  id: string;
  type: 'EnvelopedVerifiableCredential';
}

export interface VerifiablePresentation {
  '@context': ContextEntry[];
  id?: Iri;
  type: ['VerifiablePresentation', ...string[]];
  /** Who presents: the DID whose key signs the presentation's `authentication` proof. */
  holder: Iri;
  /** Embedded-proof credentials (objects) and enveloped VC-JWTs. */
  verifiableCredential: (object | EnvelopedVerifiableCredential)[];
  /** The holder's proof, `proofPurpose: "authentication"`, with the verifier's `challenge` and `domain`. */
  proof: DataIntegrityProof[];
}
