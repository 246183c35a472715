/**
 * The registered JWT claims a VC-JWT must carry, derived from the credential it secures (OB 3.0
 * §"JWT Payload Format"): `iss` = issuer id, `jti` = credential id, `sub` = credentialSubject.id,
 * `nbf` = validFrom, `exp` = validUntil (VC 1.1: issuanceDate / expirationDate), times in whole
 * seconds. The signer writes exactly these; the verifier compares what it finds against them.
 */

import { VC_V1_CONTEXT } from '../../contexts/bundled.js';

/** RFC 7519 §4.1 registered claim names: never part of the credential in a VC 2.0 payload. */
export const REGISTERED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'] as const;

export interface CredentialClaims {
  iss?: string;
  jti?: string;
  sub?: string;
  nbf?: number;
  exp?: number;
}

export interface DerivedClaims {
  claims: CredentialClaims;
  /** VC 1.1: the credential travels in the `vc` claim, its times are issuanceDate / expirationDate. */
  vc11: boolean;
  /** The credential properties nbf / exp come from. */
  from: { nbf: 'validFrom' | 'issuanceDate'; exp: 'validUntil' | 'expirationDate' };
  /** Time properties that are not readable instants, or not whole seconds. */
  timeProblems: { property: string; value: unknown; problem: 'unreadable' | 'fractional' }[];
}

export function deriveClaims(credential: Record<string, unknown>): DerivedClaims {
  const contexts = Array.isArray(credential['@context']) ? credential['@context'] : [credential['@context']];
  const vc11 = contexts[0] === VC_V1_CONTEXT;
  const from = vc11 ? ({ nbf: 'issuanceDate', exp: 'expirationDate' } as const) : ({ nbf: 'validFrom', exp: 'validUntil' } as const);
  const claims: CredentialClaims = {};
  const timeProblems: DerivedClaims['timeProblems'] = [];
  const issuer = credential.issuer;
  const iss = typeof issuer === 'string' ? issuer : isObject(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
  if (iss !== undefined) claims.iss = iss;
  if (typeof credential.id === 'string') claims.jti = credential.id;
  const subject = credential.credentialSubject;
  if (isObject(subject) && typeof subject.id === 'string' && subject.id.length > 0) claims.sub = subject.id;
  for (const [claim, property] of [['nbf', from.nbf], ['exp', from.exp]] as const) {
    const value = credential[property];
    if (value === undefined) continue;
    const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(ms)) timeProblems.push({ property, value, problem: 'unreadable' });
    else {
      if (ms % 1000 !== 0) timeProblems.push({ property, value, problem: 'fractional' });
      claims[claim] = Math.floor(ms / 1000);
    }
  }
  return { claims, vc11, from, timeProblems };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
