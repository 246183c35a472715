/**
 * Builds a compact JWS (RFC 7515 §7.1) with a signer that signs bytes. Written here rather than
 * with jose's CompactSign: jose signs only with keys it holds, while a KMS/HSM signer signs the
 * JWS signing input itself. jose verifies what this writes (see src/verify/jwt/).
 */
import { Obv3Error } from '../../errors.js';
import { jwkMemberFromBytes as base64url } from '../../keys/jwk-encoding.js';
import type { JwsSigner } from '../../keys/types.js';

const encoder = new TextEncoder();

export async function signCompactJws(header: Record<string, unknown>, payload: Record<string, unknown>, signer: JwsSigner): Promise<string> {
  const signingInput = `${base64url(encoder.encode(JSON.stringify(header)))}.${base64url(encoder.encode(JSON.stringify(payload)))}`;
  let signature: Uint8Array;
  try {
    signature = await signer.sign(encoder.encode(signingInput));
  } catch (error) {
    throw new Obv3Error('SIGNING_FAILED', `The signer ${signer.id} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!(signature instanceof Uint8Array) || signature.length === 0) {
    throw new Obv3Error('SIGNING_FAILED', `The signer ${signer.id} returned no signature bytes (sign must resolve to a Uint8Array).`);
  }
  return `${signingInput}.${base64url(signer.algorithm === 'ES256' ? es256Signature(signature, signer.id) : signature)}`;
}

/** JOSE wants ES256 as 64 bytes r‖s; KMSs usually return an ASN.1 DER ECDSA-Sig-Value. */
function es256Signature(signature: Uint8Array, id: string): Uint8Array {
  if (signature.length === 64) return signature;
  const fail = (): never => {
    throw new Obv3Error('SIGNING_FAILED', `The ES256 signer ${id} returned ${signature.length} bytes: neither a 64-byte r‖s signature nor a DER ECDSA signature.`);
  };
  if (signature[0] !== 0x30 || signature[1] !== signature.length - 2) fail();
  const out = new Uint8Array(64);
  let offset = 2;
  for (const half of [0, 32]) {
    if (signature[offset] !== 0x02) fail();
    const length = signature[offset + 1]!;
    let value = signature.subarray(offset + 2, offset + 2 + length);
    if (value.length !== length) fail();
    while (value.length > 32 && value[0] === 0) value = value.subarray(1);
    if (value.length > 32) fail();
    out.set(value, half + 32 - value.length);
    offset += 2 + length;
  }
  if (offset !== signature.length) fail();
  return out;
}
