/**
 * What bake() embeds, checked before any image is touched: an embedded-proof credential (object
 * or JSON text) becomes compact JSON, a compact JWS stays as it is. Mistakes here are the caller's
 * (an unsigned draft, an OB 2.0 assertion, a random string), so they throw INVALID_ARGUMENT.
 */
import { Obv3Error } from '../errors.js';
import { decodeJwsHeader, isCompactJws } from '../proof/compact-jws.js';
import type { BakeableCredential } from './types.js';

export interface BakePayload {
  kind: 'json' | 'jwt';
  text: string;
}

export function bakePayload(credential: BakeableCredential): BakePayload {
  if (typeof credential === 'string') return payloadOfText(credential.trim());
  if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
    throw misuse(`bake() needs a signed credential (an object or its JSON text) or a VC-JWT string; got ${credential === null ? 'null' : Array.isArray(credential) ? 'an array' : `a ${typeof credential}`}.`);
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(credential);
  } catch (error) {
    throw new Obv3Error('INVALID_ARGUMENT', `The credential cannot be written as JSON (${(error as Error).message}).`, { cause: error });
  }
  if (text === undefined) throw misuse('The credential writes no JSON (its toJSON returns nothing).');
  return payloadOfJson(JSON.parse(text) as unknown, text);
}

function payloadOfText(text: string): BakePayload {
  if (isCompactJws(text)) {
    const header = decodeJwsHeader(text);
    if (typeof header?.alg !== 'string') throw misuse('The string looks like a compact JWS but its header is not base64url JSON with an "alg": pass the VC-JWT exactly as it was signed.');
    if (text.endsWith('.')) throw misuse('The VC-JWT has no signature (an unsecured JWT proves nothing): sign it before baking.');
    return { kind: 'jwt', text };
  }
  if (text.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new Obv3Error('INVALID_ARGUMENT', `The credential text is not valid JSON (${(error as Error).message}).`, { cause: error });
    }
    return payloadOfJson(value, JSON.stringify(value));
  }
  throw misuse('bake() needs a signed credential (an object or its JSON text) or a VC-JWT (a compact JWS, header.payload.signature); the string is neither.');
}

function payloadOfJson(value: unknown, text: string): BakePayload {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw misuse('The credential JSON must be an object.');
  const credential = value as Record<string, unknown>;
  const types = Array.isArray(credential.type) ? credential.type : [credential.type];
  if (!types.includes('VerifiableCredential')) {
    throw misuse('The object is not a Verifiable Credential (its type has no "VerifiableCredential"); Open Badges 2.0 assertions are not baked by obv3.');
  }
  if (credential.proof === undefined) {
    throw misuse('The credential has no proof: sign it first (issueCredential or signCredential), or bake its VC-JWT string.');
  }
  return { kind: 'json', text };
}

function misuse(message: string): Obv3Error {
  return new Obv3Error('INVALID_ARGUMENT', message);
}
