/** The signer object our key pairs hand out: frozen, checking its argument, returning plain bytes. */
import { Obv3Error } from '../errors.js';

export function frozenSigner<A extends string>(id: string, algorithm: A, signBytes: (data: Uint8Array) => Buffer): Readonly<{ id: string; algorithm: A; sign(data: Uint8Array): Promise<Uint8Array> }> {
  return Object.freeze({
    id,
    algorithm,
    async sign(data: Uint8Array): Promise<Uint8Array> {
      if (!(data instanceof Uint8Array)) throw new Obv3Error('INVALID_ARGUMENT', 'Signer.sign(data) needs the bytes to sign as a Uint8Array.');
      const signature = signBytes(data);
      return new Uint8Array(signature.buffer, signature.byteOffset, signature.byteLength);
    },
  });
}
