/**
 * One way to turn what callers pass as `key` (a key pair, or a KMS/HSM signer) into a Signer, for
 * everything that signs embedded proofs: credentials, endorsements, status lists, presentations.
 */
import { Obv3Error } from '../errors.js';
import type { Ed25519KeyPair, Signer } from './types.js';

export function signerOf(key: unknown): Signer {
  if (typeof key === 'object' && key !== null) {
    const candidate = key as Partial<Ed25519KeyPair & Signer>;
    if (typeof candidate.signer === 'function') return ed25519Only(candidate.signer());
    if (typeof candidate.sign === 'function' && typeof candidate.id === 'string') return ed25519Only(candidate as Signer);
  }
  throw new Obv3Error('INVALID_ARGUMENT', 'key must be a key pair from generateKey()/importKey(), or a signer { id, algorithm: "Ed25519", sign(bytes) }.');
}

/**
 * Key pairs and KMS signers alike: the suites would otherwise write an eddsa-rdfc-2022 proof around
 * whatever signature an RSA or P-256 key makes, or fail with an error that has no code.
 */
function ed25519Only(signer: Signer): Signer {
  const algorithm: unknown = signer.algorithm;
  if (algorithm !== 'Ed25519') {
    throw new Obv3Error(
      'INVALID_ARGUMENT',
      `The key's algorithm is ${JSON.stringify(algorithm)}; embedded proofs (eddsa-rdfc-2022, Ed25519Signature2020) need an "Ed25519" key or signer. ` +
        'To sign with an RSA or P-256 key, issue a VC-JWT (issueCredentialJwt / signCredentialJwt).',
    );
  }
  return signer;
}

/** A verification method's controller: its URL without the fragment (did:key, did:web, https). */
export function controllerOfVerificationMethod(verificationMethod: string): string {
  const hash = verificationMethod.indexOf('#');
  return hash === -1 ? verificationMethod : verificationMethod.slice(0, hash);
}
