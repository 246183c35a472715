/**
 * The signer behind `options.key`: a key pair from generateKey()/importKey() (its own signer), or
 * a caller's signer (a KMS/HSM) checked for shape. Shared by issueCredential and the batch issuer.
 */
import { Obv3Error } from '../errors.js';
import type { Ed25519KeyPair, Signer } from '../keys/types.js';

export function toSigner(key: unknown): Signer {
  if (typeof key === 'object' && key !== null) {
    const candidate = key as Partial<Ed25519KeyPair & Signer>;
    if (typeof candidate.signer === 'function') return candidate.signer();
    if (typeof candidate.sign === 'function' && typeof candidate.id === 'string') {
      if (candidate.algorithm !== 'Ed25519') {
        throw new Obv3Error('INVALID_ARGUMENT', `The signer's algorithm is ${JSON.stringify(candidate.algorithm)}; embedded proofs need an "Ed25519" signer.`);
      }
      return candidate as Signer;
    }
  }
  throw new Obv3Error(
    'INVALID_ARGUMENT',
    'options.key must be a key pair from generateKey()/importKey(), or a signer { id, algorithm: "Ed25519", sign(bytes) }.',
  );
}
