/**
 * What callers pass as `key` to the VC-JWT signers, as a JwsSigner: an RSA / P-256 key pair, a
 * KMS signer `{ id, algorithm: 'RS256' | 'ES256' | 'EdDSA', sign }`, or — opted into with
 * `allowEdDSA` — an Ed25519 key pair.
 */
import { Obv3Error } from '../errors.js';
import type { JwsAlgorithm, JwsSigner } from './types.js';

const ALGORITHMS: ReadonlySet<string> = new Set(['RS256', 'ES256', 'EdDSA']);

export const EDDSA_OPT_IN =
  'EdDSA VC-JWTs are opt-in: the official 1EdTech validator accepts only RS256 and ES256, so a badge signed this way fails there. Sign with an RSA or P-256 key (generateKey({ algorithm: "RS256" })), or pass allowEdDSA: true if every verifier you serve accepts EdDSA.';

export function jwsSignerOf(key: unknown, allowEdDSA: boolean): JwsSigner {
  if (typeof key === 'object' && key !== null) {
    const candidate = key as { type?: unknown; signer?: unknown; id?: unknown; algorithm?: unknown; sign?: unknown };
    if (typeof candidate.signer === 'function') {
      const signer = (candidate.signer as () => { id: string; algorithm: string; sign(data: Uint8Array): Promise<Uint8Array> })();
      if (signer.algorithm === 'Ed25519') return eddsa(signer, allowEdDSA);
      return signer as JwsSigner;
    }
    if (typeof candidate.sign === 'function' && typeof candidate.id === 'string') {
      if (candidate.algorithm === 'Ed25519' || candidate.algorithm === 'EdDSA') return eddsa(candidate as JwsSigner, allowEdDSA);
      if (!ALGORITHMS.has(String(candidate.algorithm))) {
        throw new Obv3Error('INVALID_ARGUMENT', `The signer's algorithm is ${JSON.stringify(candidate.algorithm)}; a VC-JWT signer declares "RS256", "ES256" or "EdDSA".`);
      }
      if (candidate.id.length === 0 || /\s/.test(candidate.id)) throw new Obv3Error('INVALID_ARGUMENT', 'The signer\'s id (the JWT "kid") must be a non-empty string without spaces.');
      return candidate as JwsSigner;
    }
  }
  throw new Obv3Error('INVALID_ARGUMENT', 'key must be a key pair from generateKey({ algorithm: "RS256" | "ES256" }) / importKey(), or a signer { id, algorithm: "RS256" | "ES256" | "EdDSA", sign(bytes) }.');
}

function eddsa(signer: { id: string; sign(data: Uint8Array): Promise<Uint8Array> }, allowEdDSA: boolean): JwsSigner {
  if (!allowEdDSA) throw new Obv3Error('INVALID_ARGUMENT', EDDSA_OPT_IN);
  const algorithm: JwsAlgorithm = 'EdDSA';
  return { id: signer.id, algorithm, sign: (data) => signer.sign(data) };
}
