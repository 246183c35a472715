/**
 * What the text found in an image is: a compact JWS (a VC-JWT) or the JSON of a credential with an
 * embedded proof. Anything else is BAKED_CREDENTIAL_INVALID.
 */
import { isCompactJws } from '../proof/compact-jws.js';
import { bakeError } from './errors.js';
import type { BakedText, UnbakedCredential } from './types.js';

/** Only the kind: the verifier parses JSON itself, under its own caps. */
export function bakedTextKind(text: string): 'jwt' | 'json' | undefined {
  if (isCompactJws(text)) return 'jwt';
  if (text.startsWith('{')) return 'json';
  return undefined;
}

export function readBakedText(baked: BakedText): UnbakedCredential {
  const text = baked.text.trim();
  const kind = bakedTextKind(text);
  if (kind === 'jwt') return { format: baked.format, kind, jwt: text, text };
  if (kind === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw notACredential(baked, `its JSON does not parse (${(error as Error).message})`, error);
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return { format: baked.format, kind, credential: value as Record<string, unknown>, text };
    }
    throw notACredential(baked, 'its JSON is not an object');
  }
  throw notACredential(baked, 'it is neither JSON nor a compact JWT');
}

export function notACredential(baked: BakedText, reason: string, cause?: unknown) {
  return bakeError('BAKED_CREDENTIAL_INVALID', `The ${baked.location} of this ${baked.format.toUpperCase()} image does not hold a credential: ${reason}.`, cause);
}
