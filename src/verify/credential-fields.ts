/** Small readers for credential fields the checks share, tolerant of VC 1.1 and VC 2.0 shapes. */
import { VC_V1_CONTEXT } from '../contexts/bundled.js';

export function asArray(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The id of a party (issuer, holder): VC allows a URL string or an object with `id`. */
export function idOf(party: unknown): string | undefined {
  if (typeof party === 'string') return party;
  if (isObject(party) && typeof party.id === 'string') return party.id;
  return undefined;
}

/** The issuer's id (of a credential, or of a status or revocation list). */
export function issuerId(credential: Record<string, unknown>): string | undefined {
  return idOf(credential.issuer);
}

export function types(value: Record<string, unknown>): string[] {
  return asArray(value.type).filter((t): t is string => typeof t === 'string');
}

export function isVc11(credential: Record<string, unknown>): boolean {
  return asArray(credential['@context'])[0] === VC_V1_CONTEXT;
}

/** A CLR 2.0 ClrCredential: a signed bundle of a learner's credentials. */
export function isClr(credential: Record<string, unknown>): boolean {
  return types(credential).includes('ClrCredential');
}
